"""Role nouns before names: 'Representatives Jane Doe and Richard Roe' is two names after the
role 'Representative', even when the NER swallows the role into the first name."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .knowledge import Knowledge


def role_word(token: Token, knowledge: Knowledge) -> str | None:
    """The role noun a word is, singular ('Representatives' -> 'representative'), else None.
    The tagger may take a capitalised plural for a name, so its own lemma is not enough."""
    roles = knowledge.words("role_nouns")
    for form in (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")):
        if form in roles:
            return form
    return None


def without_role(ent: Span, knowledge: Knowledge) -> Span:
    """The name without a leading capitalised role noun ('Representatives', 'Envoy'); the
    entity itself when it has none or when nothing but one word would be left."""
    first = ent[0]
    if len(ent) < 3 or not first.text[:1].isupper() or role_word(first, knowledge) is None:
        return ent
    return ent[1:]
