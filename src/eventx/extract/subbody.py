"""A body named after its parent: 'the United Nations Office for Coordination of Humanitarian
Affairs', 'the UN Mission in South Sudan' or 'the UN genocide tribunal' is a body of its own,
not the United Nations."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor
from .context import DocContext
from .entity_actor import ORG_KINDS, entity_actor

# Words that may stand lower-case inside a body's name: "Office for the Coordination of ..."
_NAME_LINKS = frozenset({"of", "for", "on", "in", "and", "the", "&"})


def _name_end(head: Token) -> int:
    """The last token of a proper name that goes on past its head with capitalised
    complements ('Office for Coordination of Humanitarian Affairs'), else the head."""
    end = head.i
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i != end + 1 or prep.lower_ not in _NAME_LINKS:
            continue
        words = list(prep.subtree)
        if all(t.lower_ in _NAME_LINKS or t.text[:1].isupper() for t in words):
            end = prep.right_edge.i
    return end


def named_sub_body(head: Token, context: DocContext) -> Actor | None:
    """The body a proper name stands for when it begins with a known body's name but the
    rulers know only the parent ('the UN Refugee Agensy (UNHCR)' with a typo): the
    acronym set beside it when that is known, else the whole name as a body of the parent's
    country and sector. A description in common nouns of a `sub_body_nouns` kind ('the UN
    genocide tribunal', 'the UN food agency') is such a body too. None for anything else ('the
    Hamas leadership' is Hamas)."""
    if context.entity(head) is not None:
        return None
    proper = head.pos_ == "PROPN" and head.text[:1].isupper()
    # "the UN genocide tribunal", "the EU's executive" told in common nouns
    described = head.pos_ == "NOUN" and head.lemma_.lower() in context.knowledge.words(
        "sub_body_nouns"
    )
    if not proper and not described:
        return None
    parent: Span | None = None
    for child in head.children:
        named = child.dep_ in {"compound", "nmod"} and child.i < head.i  # "the Hamas armed wing"
        ent = context.entity(child) if named else None
        if ent is not None and ent.label_ == "ORG" and context.entry(ent) is not None:
            parent = ent
    if parent is None:
        return None
    for appos in head.children:
        ent = context.entity(appos) if appos.dep_ == "appos" else None
        if ent is not None and ent.label_ == "ORG" and context.entry(ent) is not None:
            return entity_actor(ent, appos, context, True)  # "... Agensy (UNHCR)"
    entry = context.entry(parent)
    assert entry is not None
    name = head.doc[parent.start : _name_end(head) + 1]
    return Actor(
        text=name.text,
        name=name.text,
        country=entry.country,
        kind=ORG_KINDS.get(entry.kind, "organization"),  # type: ignore[arg-type]
        sector=entry.sector,
        start=name.start_char,
        end=name.end_char,
    )
