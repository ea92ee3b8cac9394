"""Who a 'he' or 'she' who acts is: the last person named whom the pronoun fits in gender,
passing over voices quoted on the news for someone who acts in it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..schema import Actor
from .context import DocContext, sentence_ents
from .discourse import DocState, reporter


def is_voice(actor: Actor, context: DocContext) -> bool:
    """The person is quoted for a view of the news (an analyst, a spokesman), as the
    document introduced them or as their title says."""
    info = context.persons.get(context.knowledge.surname_key(actor.name)) if actor.name else None
    if info is not None and info.voice:
        return True
    words = context.knowledge.words("commentator_words")
    return any(word.lower() in words for word in (actor.title or "").split())


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def gender_of(actor: Actor, context: DocContext, state: DocState) -> str | None:
    """'m' or 'f' when the document said: a pronoun that stood for the person, or 'Mr'."""
    if actor.name in state.genders:
        return state.genders[actor.name]
    info = context.persons.get(context.knowledge.surname_key(actor.name)) if actor.name else None
    return info.gender if info is not None else None


def salient_people(
    pronoun: Token, state: DocState, context: DocContext
) -> tuple[Actor | None, Actor | None]:
    """The person a 'he' or 'she' who acts is, and the one before: the last person named
    whom the pronoun fits ('she' is not 'Mr Kerry' nor one a 'he' stood for), unless that is
    a voice quoted on the news ('"A turning point," said Ivan Petrov, an analyst. He met
    Erdogan ...'), while someone who acts in it was named before."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    fits = [p for p in state.seen_people if gender_of(p, context, state) in (None, wanted)]
    if not fits:
        return state.last_person, state.previous_person
    actors = [p for p in fits if not is_voice(p, context)]
    pool = actors if actors and is_voice(fits[-1], context) else fits
    return pool[-1], (pool[-2] if len(pool) > 1 else None)


def note_genders(sentence: Span, context: DocContext, state: DocState) -> None:
    """'"We agreed," she said', 'Doe said he would': the person a pronoun that reports
    speech stands for is of its gender, for the pronouns of later sentences."""
    speech = context.knowledge.words("speech_verbs")
    for token in sentence:
        wanted = PRONOUN_GENDER.get(token.lower_)
        if wanted is None or token.dep_ != "nsubj":
            continue
        named = reporter(token, context, person=True)
        if named is None and token.head.lemma_.lower() in speech:
            people = [e for e in sentence_ents(sentence, context) if e.label_ == "PERSON"]
            named = state.last_person if not people else None
        if named is not None:
            state.genders.setdefault(named.name, wanted)
