"""'The bloc', 'the alliance': a definite noun for an international body stands for the last
one the text named ('ASEAN leaders ... accused the bloc of ...' is ASEAN)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext

# Kinds of gazetteer entries such a noun can stand for.
BODY_KINDS = frozenset({"igo"})


def referred_body(head: Token, context: DocContext) -> Span | None:
    """The entity of the last international body named before a definite `body_nouns` noun
    that is no name of its own, else None."""
    if head.lemma_.lower() not in context.knowledge.words("body_nouns"):
        return None
    if context.entity(head) is not None or not any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children
    ):
        return None  # a name ('the African Union'), or 'a bloc', 'blocs'
    if any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in head.children):
        return None  # "the Western alliance", "Europe's bloc" say which themselves
    found = None
    for ent in context.doc.ents:
        if ent.start >= head.i:
            break
        entry = context.entry(ent) if ent.label_ == "ORG" else None
        if entry is not None and entry.kind in BODY_KINDS:
            found = ent
    return found
