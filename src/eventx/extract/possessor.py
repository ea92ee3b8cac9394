"""A state body named through 'its': the body of the state the pronoun stands for.

'Japan protested. Its Foreign Ministry summoned the ambassador', 'Britain said its
Department of Transport had signed ...': the body has no country in its own words, but the
'its' before it names the state that owns it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor
from .context import DocContext

STATE_KINDS = frozenset({"country", "government"})


def possessor_country(head: Token, context: DocContext) -> str | None:
    """The country of the state an 'its' on `head` stands for, if it stands for one."""
    pronoun = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    if pronoun is None:
        return None
    # referent resolves its candidates as actors, and actors are built on this module
    from .referent import it_referent

    referent = it_referent(pronoun, context)
    if not isinstance(referent, Actor) or referent.kind not in STATE_KINDS:
        return None
    return referent.country


def state_body_name(ent: Span, context: DocContext) -> bool:
    """The name the NER found is a state's body by its words ('Department of Transport')."""
    words = context.knowledge.words("possessed_body_words")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in ent)
