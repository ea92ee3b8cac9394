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
    no state ('envoys of the Arab League'): a single state is already the group's country.
    A member of the list may be such a group itself ('... and the rest of the African Union')."""
    if head.ent_type_ not in {"", "TITLE"}:
        return []
    if head.tag_ not in {"NNS", "NNPS"}:
        # "a delegation of Hamas": one body sends the one delegation
        return _group_sent(head, context)
    if head.lemma_.lower() not in context.knowledge.words("delegation_nouns"):
        return []
    # "met envoys from Uganda and Rwanda": the parser often hangs the 'from' on the verb
    after = [c for c in head.head.children if c.i == head.right_edge.i + 1 and c.lower_ == "from"]
    for prep in [*head.children, *(after if head.dep_ == "dobj" else [])]:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            listed = sorted([pobj, *pobj.conjuncts], key=lambda t: t.i)
            if len(listed) == 1:
                if _international_body(pobj, context) or _non_state_body(pobj, context):
                    return listed
                continue  # "heads of state from Uganda and Rwanda": the next phrase says
            senders = _senders(listed, context)
            if senders:
                return senders
    return []


def _senders(listed: list[Token], context: DocContext) -> list[Token]:
    """Each member's sender, or none when a member sends nobody."""
    senders: list[Token] = []
    for member in listed:
        # "delegates from Chad, Niger and the rest of the African Union"
        ent = context.entity(member)
        found = [member] if ent is not None and ent.label_ in _SENDERS else []
        found = found or delegated(member, context)
        if not found:
            return []
        senders.extend(found)
    return senders


def _international_body(token: Token, context: DocContext) -> bool:
    ent = context.entity(token)
    entry = context.entry(ent) if ent is not None and ent.label_ == "ORG" else None
    return entry is not None and entry.label == "ORG" and entry.country is None


def _non_state_body(token: Token, context: DocContext) -> bool:
    """'envoys of the Taliban', 'a delegation of Hamas': a known group that is no state
    sends them, named after its country or not; the group is the party, not the state."""
    ent = context.entity(token)
    entry = context.entry(ent) if ent is not None and ent.label_ == "ORG" else None
    return entry is not None and entry.kind == "group"


def _group_sent(head: Token, context: DocContext) -> list[Token]:
    """The known non-state group a collective envoy noun is 'of' or 'from', if any."""
    if head.lemma_.lower() not in context.knowledge.words("collective_envoy_nouns"):
        return []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
            found = [p for p in prep.children if p.dep_ == "pobj" and not p.conjuncts]
            if found and _non_state_body(found[0], context):
                return found
    return []
