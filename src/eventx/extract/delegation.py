"""The parties a group of envoys stands for: 'officials from Egypt, Turkey and Jordan',
'representatives of the World Bank and the IMF', 'envoys of the Arab League'."""

from __future__ import annotations

from spacy.tokens import Token

from .context import DocContext

# Entities a delegation can come from: states and named bodies, not peoples or places.
_SENDERS = frozenset({"GPE", "ORG"})


def delegated(head: Token, context: DocContext) -> list[Token]:
    """The states or bodies that a plural envoy noun's 'of' or 'from' complement lists, one
    party each, in text order; [] when the noun is no envoy noun or the complement names
    anything else ('refugees from Syria and Iraq' are no delegation, 'the leaders of ten
    Balkan states' names no one). A single sender counts only when it is a known body that is
    no state ('envoys of the Arab League'): a single state is already the group's country."""
    if head.tag_ not in {"NNS", "NNPS"} or head.ent_type_ not in {"", "TITLE"}:
        return []
    if head.lemma_.lower() not in context.knowledge.words("delegation_nouns"):
        return []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            listed = sorted([pobj, *pobj.conjuncts], key=lambda t: t.i)
            spans = [context.entity(t) for t in listed]
            if not all(s is not None and s.label_ in _SENDERS for s in spans):
                return []
            if len(listed) > 1:
                return listed
            entry = context.entry(spans[0]) if spans[0] is not None else None
            if entry is not None and entry.label == "ORG" and entry.country is None:
                return listed
    return []
