"""What an 'it' or 'its' stands for: the nearest subject before it that is one thing and no
person; a document, plan or happening it stands for (`document_nouns`, `thing_nouns`) is
no party at all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from spacy.tokens import Token

from ..schema import Actor
from .actor import DocContext, resolve_actor
from .discourse import disjoint

SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
SENTENCES_BACK: Final = 2  # 'it' reaches two sentences back, as news writing keeps it


class NoParty:
    """The pronoun stands for a document or a thing ('It backs the transition', said of a
    party platform): nobody takes part through it."""

    def __repr__(self) -> str:
        return "NO_PARTY"


NO_PARTY: Final = NoParty()


def it_referent(pronoun: Token, context: DocContext, depth: int = 0) -> Actor | NoParty | None:
    """The party an 'it' or 'its' stands for, NO_PARTY for a document or thing, or None
    when the text gives no subject to judge by (the caller's last state then)."""
    for phrase in _candidates(pronoun, context):
        if phrase.tag_ in {"NNS", "NNPS"} or phrase.conjuncts or phrase.head.tag_ == "VBP":
            continue  # 'it' is one: "Both platforms are ..." is not what 'It' is
        if phrase.pos_ == "PRON":
            if phrase.lower_ in {"it", "its"} and depth < 3:
                return it_referent(phrase, context, depth + 1)
            continue  # 'he', 'they': a person or a group is no 'it'
        words = context.knowledge.words
        if phrase.lemma_.lower() in words("thing_nouns") | words("document_nouns"):
            return NO_PARTY
        actor = resolve_actor(phrase, context)
        if actor is None and pronoun.lower_ == "its":
            # "South Africa's road toll is too low: its Department of Transport ...": what
            # the thing belongs to owns the body
            actor = _state_owner(phrase, context)
        if actor is None:
            return None
        if actor.kind != "person" and disjoint(pronoun, actor, None, context) is not None:
            return actor
    return None


def _state_owner(phrase: Token, context: DocContext) -> Actor | None:
    """The state a thing named as its possessor's belongs to ('South Africa's road toll')."""
    for child in phrase.children:
        if child.dep_ == "poss":
            owner = resolve_actor(child, context)
            if owner is not None and owner.kind in {"country", "government"}:
                return owner
    return None


def _candidates(pronoun: Token, context: DocContext) -> Iterator[Token]:
    """Subjects before the pronoun, nearest first: of the clauses it is part of, then, when
    all of those are people, the nearest party named before it in the sentence; then of the
    sentences before, each with its object after a person subject ('Obama set up a task
    force. It urges ...')."""
    yield from _governing_subjects(pronoun)
    if _governed_by_people(pronoun, context):
        yield from _parties_before(pronoun, context)
    sentence = pronoun.sent
    for _ in range(SENTENCES_BACK):
        if sentence.start == 0:
            return
        sentence = pronoun.doc[sentence.start - 1].sent
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ in SUBJECTS]
        yield from subjects
        if any(s.pos_ != "PRON" and _is_person(s, context) for s in subjects):
            yield from (c for c in root.children if c.dep_ == "dobj")


def _governing_subjects(pronoun: Token) -> Iterator[Token]:
    """'Naftogaz says Moldova owes it money ...', 'When the US set up ties with China, it cut
    ...': the subjects before the pronoun of the clauses it is in, the nearest clause first,
    and of the clauses before it that hang on them; an object pronoun is never the subject
    of its own clause."""
    token = pronoun
    own = pronoun.head if pronoun.dep_ not in SUBJECTS | {"poss"} else None
    for _ in range(len(pronoun.doc)):  # a root ends the climb; the bound guards a bad tree
        if token.head.i == token.i:
            break
        token = token.head
        before = [c for c in token.children if c.i < pronoun.i and c.i != pronoun.i]
        if own is None or token.i != own.i:
            yield from (c for c in before if c.dep_ in SUBJECTS)
        for clause in (c for c in before if c.dep_ == "advcl" and c.right_edge.i < pronoun.i):
            yield from (c for c in clause.children if c.dep_ in SUBJECTS)


def _governed_by_people(pronoun: Token, context: DocContext) -> bool:
    """The pronoun is the subject of a clause on a clause whose subjects are all people:
    'Trump said he would stop buying oil from X if it does not ...'."""
    if pronoun.dep_ not in SUBJECTS or pronoun.head.dep_ != "advcl":
        return False
    subjects = list(_governing_subjects(pronoun))
    return bool(subjects) and all(_is_person(s, context) for s in subjects)


def _parties_before(pronoun: Token, context: DocContext) -> Iterator[Token]:
    """Named parties before the pronoun in its sentence, nearest first."""
    for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if token.ent_iob_ == "B" and token.ent_type_ in {"GPE", "ORG"}:
            ent = context.entity(token)
            if ent is not None:
                yield ent.root


def _is_person(token: Token, context: DocContext) -> bool:
    if token.lower_ in {"he", "she", "i", "we"}:
        return True
    actor = resolve_actor(token, context)
    return actor is not None and actor.kind == "person"
