"""The other side of a pledge made in a contact, told in the clause of that contact.

'Putin met Erdogan and agreed to restore ties', 'spoke with Scholz, agreeing to ...': what is
agreed or pledged there is agreed with the partner of the contact. 'met Chinese officials, who
offered help': what the partner offers is offered to the one who met them.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor
from .discourse import DocState

SHARED_SUBJECT = frozenset({"conj", "advcl"})


def contact_partners(trigger: Token, actors: list[Actor], state: DocState) -> list[Actor]:
    """The other side of the contact the trigger's clause hangs on, if it has one."""
    contact = state.last_by_type.get("CONSULT")
    sentence = trigger.sent
    if contact is None or not sentence.start_char <= contact.trigger_start < sentence.end_char:
        return []
    verb = _contact_verb(trigger, contact.trigger_start)
    if verb is None:
        return []
    ours = {a.name for a in actors}
    if trigger.dep_ in SHARED_SUBJECT and trigger.head == verb:
        # the one who met agrees: with whom it met
        mine, other = contact.actors, contact.recipients
    elif trigger.dep_ == "relcl" and trigger.head.head == verb and trigger.head.dep_ == "dobj":
        # the one met offers: to whom met it
        mine, other = contact.recipients, contact.actors
    else:
        return []
    if not ours & {a.name for a in mine}:
        return []
    return [a for a in other if a.name not in ours]


def _contact_verb(trigger: Token, start: int) -> Token | None:
    """The verb of the contact whose trigger starts at `start`: the trigger itself, or the
    light verb a contact noun is the object of ('held talks with X')."""
    found = next((t for t in trigger.sent if t.idx == start), None)
    if found is None:
        return None
    if found.pos_ in {"NOUN", "PROPN"} and found.dep_ == "dobj":
        return found.head
    return found
