"""An agreement or refusal that answers a request told in the same sentence: 'Trump asked for
the king's support, and the king agreed' agrees with Trump; 'Macron urged Putin to halt the
offensive, but Putin refused' refuses Macron."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..schema import Actor
from .context import DocContext
from .discourse import DocState
from .phrase import members
from .subject import subject_of

Resolve = Callable[[list[Token], DocContext, DocState], list[Actor]]


def answered_request(
    trigger: Token, actors: list[Actor], context: DocContext, state: DocState, resolve: Resolve
) -> list[Actor]:
    """Those whose request the trigger's clause answers (`asking_clause`), when the ones who
    agree or refuse are the ones asked: in 'X urged Y to act, and he agreed' with 'he' taken
    for another, nobody is answered. `resolve` turns heads into actors."""
    verb = asking_clause(trigger, context.knowledge.words("asking_verbs"))
    if verb is None or not actors:
        return []
    addressees = {a.name for a in resolve(asked(verb), context, state)}
    if any(a.name not in addressees for a in actors):
        return []
    return resolve(requesters(verb), context, state)


def asking_clause(trigger: Token, asking: frozenset[str]) -> Token | None:
    """The verb of `asking` that the trigger's clause is joined to ('asked' in 'X asked Y to
    help, and Y agreed'), if the trigger answers one."""
    head = trigger.head
    if trigger.dep_ != "conj" or head.i >= trigger.i or head.lemma_.lower() not in asking:
        return None
    return head


def asked(verb: Token) -> list[Token]:
    """Whom a verb of asking asks: its object ('urged Putin to halt'), whom it asks to
    ('appealed to Kyiv') or whose help it asks for ('asked for the king's support',
    'requested Saudi Arabia's help')."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            owners = [c for c in child.children if c.dep_ == "poss"]
            found.extend(m for t in owners or [child] for m in members(t))
        elif child.dep_ == "prep" and child.lower_ in {"to", "for"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                owners = [c for c in pobj.children if c.dep_ == "poss"]
                named = owners if child.lower_ == "for" else owners or [pobj]
                found.extend(m for t in named for m in members(t))
    return found


def requesters(verb: Token) -> list[Token]:
    """Who asks: the subject of the verb of asking ('Trump' in 'Trump asked for ...')."""
    return [m for s in subject_of(verb)[0] for m in members(s)]
