"""Whose government a bare 'the government' or 'the regime' is: the one named before."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext
from .descriptors import country_of_phrase
from .knowledge import name_key


def referred_government(head: Token, context: DocContext) -> str | None:
    """The country of a definite government noun the text names without one ('accused the
    government of ...'): that of the last government the text named with its country or its
    leader before it ('the Syrian government', 'Assad's administration'), else None."""
    if head.lemma_.lower() not in context.knowledge.words("government_nouns"):
        return None
    if context.entity(head) is not None or not any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children
    ):
        return None  # a name, or 'a government', 'governments': no reference back
    if context.governments is None:
        nouns = context.knowledge.words("government_nouns")
        context.governments = [
            (token.i, country)
            for token in context.doc
            if token.lemma_.lower() in nouns and token.pos_ in {"NOUN", "PROPN"}
            if (country := country_of_phrase(token, context) or leaders_country(token, context))
        ]
    earlier = [country for i, country in context.governments if i < head.i]
    return earlier[-1] if earlier else None


def leaders_country(government: Token, context: DocContext) -> str | None:
    """The country of the person a government is named after: 'Assad's administration',
    'the Castro government'."""
    for child in government.children:
        ent = context.entity(child)
        if child.dep_ in {"poss", "compound"} and ent is not None and ent.label_ == "PERSON":
            info = context.person(ent)
            if info is not None and info.country is not None:
                return info.country
            # a bare surname several office holders share, all of one country ('Castro')
            country = context.knowledge.country_named(ent.text)
            if country is not None:
                return country
    return None


def leader_named_government(ent: Span, context: DocContext) -> str | None:
    """The country of a government the NER took whole with its leader's name ('the Obama
    Administration', 'the Hun Sen Government'): the country of the office holder named."""
    nouns = context.knowledge.words("government_nouns")
    if not nouns.intersection(t.lemma_.lower() for t in ent):
        return None
    knowledge = context.knowledge
    countries = {
        country
        for token in ent
        if token.is_title and name_key(token.text) in knowledge.holders_by_name
        if (country := knowledge.country_named(token.text)) is not None
    }
    return countries.pop() if len(countries) == 1 else None
