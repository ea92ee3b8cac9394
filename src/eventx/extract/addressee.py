"""Whom a request told after a letter is made of: 'The ministers of A and B sent a letter to
the Commission on Monday. They called for ...' asks the Commission.

A request names no addressee of its own when the article told, just before, the letter or
message its authors sent: the clause of a noun of `speech_products` with a 'to' phrase
('sent a letter to X', 'their letter to X'). Bounded: the two sentences before the request,
and only a letter whose authors are among the request's actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..schema import Actor, Event
from .actor import DocContext
from .discourse import DocState
from .participant import actors_of
from .phrase import members

# How many sentences back a letter may be told before the request that follows it.
REACH = 2


@dataclass(frozen=True)
class Letter:
    """A letter told in a sentence: who wrote it and whom it is to, as found there."""

    authors: tuple[Actor, ...]
    addressees: tuple[Actor, ...]


def letters_in(sentence: Span, context: DocContext, state: DocState) -> list[Letter]:
    """The letters a sentence tells with both their authors and their addressee named."""
    found: list[Letter] = []
    products = context.knowledge.words("speech_products")
    for noun in sentence:
        if noun.lemma_.lower() not in products or noun.pos_ != "NOUN":
            continue
        to, by = _addressed(noun), _authors(noun)
        if not to or not by:
            continue
        addressees = actors_of(to, context, state)
        authors = actors_of(by, context, state)
        if addressees and authors:
            found.append(Letter(tuple(authors), tuple(addressees)))
    return found


def _addressed(noun: Token) -> list[Token]:
    """'a letter to X', 'sent a letter to X', 'sent X a letter'."""
    holders = [noun]
    if noun.dep_ == "dobj":
        holders.append(noun.head)
    heads = [
        pobj
        for holder in holders
        for prep in holder.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if noun.dep_ == "dobj":
        heads += [c for c in noun.head.children if c.dep_ == "dative" and c.lower_ != "to"]
    return [m for head in heads for m in members(head)]


def _authors(noun: Token) -> list[Token]:
    """'their letter', 'X sent a letter', 'X wrote to Y in a letter'."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    if not found and noun.dep_ == "dobj":
        found = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return [m for head in found for m in members(head)]


def note_letters(sentence: Span, context: DocContext, state: DocState) -> None:
    """The authors of a letter told as a sentence's news are who a later 'they', 'he' or
    'it' stands for ('The ministers of A and B sent a letter ... They called for ...')."""
    for letter in letters_in(sentence, context, state):
        if len(letter.authors) > 1:
            state.last_group = list(letter.authors)
        elif letter.authors[0].kind == "person":
            state.last_person = letter.authors[0]
        else:
            state.last_state = letter.authors[0]


def address_requests(
    sentence: Span, events: list[Event], first: int, context: DocContext, state: DocState
) -> None:
    """Give the requests of a sentence (`events[first:]`) that name no addressee the one of
    the letter their actors sent in the sentences just before, in place."""
    pending = [
        i
        for i in range(first, len(events))
        if events[i].event == "REQUEST" and not events[i].recipients
    ]
    if not pending or sentence.start == 0:
        return
    letters: list[Letter] = []
    start = sentence.start
    for _ in range(REACH):
        if start == 0:
            break
        previous = context.doc[start - 1].sent
        letters = letters_in(previous, context, state) + letters
        start = previous.start
    for index in pending:
        event = events[index]
        names = {a.name for a in event.actors}
        letter = next((k for k in reversed(letters) if names & {a.name for a in k.authors}), None)
        if letter is None:
            continue
        addressees = [a for a in letter.addressees if a.name not in names]
        if addressees:
            events[index] = event.model_copy(update={"recipients": addressees})
