"""Who takes part in an event: argument heads resolved to actors, pronouns, groups, fallbacks."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor, TriggerRule
from .actor import DocContext, deep_actor, leader_of, noun_phrase, resolve_actor
from .answer import answered_request
from .argument import Arguments
from .compound import not_aside
from .delegation import delegated
from .descriptors import country_of_phrase
from .discourse import (
    FIRST_PERSON,
    PLURAL_PRONOUNS,
    PRONOUNS,
    DocState,
    clause_subject,
    context_parties,
    coordinated_subject_before,
    disjoint,
    plural_reference,
    quoted_speaker,
    referred_group,
    reporter,
)
from .embedded import prefixed_away
from .forum import complained_of
from .kinds import deep_acts, distinct_parties
from .knowledge import Knowledge
from .own_state import own_bodies
from .phrase import entities_within, members, owner_entities
from .plural import conjoined_subject, counted
from .referent import NoParty, it_referent
from .salience import salient_people


def _bound_possessive(pronoun: Token, context: DocContext) -> Actor | None:
    """'Mali has strengthened its partnership with X': a possessive pronoun on a noun of a
    clause with a named subject of the right kind is that subject, not an earlier party."""
    wanted = {"its": False, "his": True, "her": True}.get(pronoun.lower_)
    if pronoun.dep_ != "poss" or wanted is None:
        return None
    verb = pronoun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    for subject in verb.children:
        if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.pos_ == "PRON":
            continue
        actor = resolve_actor(subject, context)
        if actor is not None and (actor.kind == "person") == wanted:
            end = pronoun.idx + len(pronoun)
            return actor.model_copy(update={"text": pronoun.text, "start": pronoun.idx, "end": end})
    return None


def actors_of(heads: list[Token], context: DocContext, state: DocState) -> list[Actor]:
    actors: list[Actor] = []
    bodies = context.knowledge.words("organization_words")
    heads = [
        _titled_officer(h) for h in _past_datelines(heads, context) if not prefixed_away(h, bodies)
    ]
    for head in heads:
        if head.lower_ in PLURAL_PRONOUNS:
            # "X and Y ..., after which they will", "the envoys said they had"
            named = coordinated_subject_before(head, context, state)
            if len(named) < 2:
                named = _reporters(head, context)
            if not named:  # "If Russians are not ... but they are willing to"
                found = [_reporter_actor(s, context) for s in conjoined_subject(head)]
                named = [a for a in found if a is not None]
            if named:
                actors.extend(a for a in named if all(a.name != b.name for b in actors))
                continue
        if plural_reference(head, context.knowledge) and len(state.last_group) > 1:
            phrase = head.doc[head.left_edge.i : head.i + 1]
            for member in counted(head, referred_group(head, state, context.knowledge)):
                if member.kind != "person" and member.country and head.lemma_.lower() == "leader":
                    member = leader_of(member.country, head, context) or member
                if all(a.name != member.name for a in actors):
                    actors.append(
                        member.model_copy(
                            update={
                                "text": phrase.text,
                                "start": phrase.start_char,
                                "end": phrase.end_char,
                            }
                        )
                    )
            continue
        listed = delegated(head, context)  # "officials from Egypt, Turkey and Jordan"
        if listed:
            senders = actors_of(listed, context, state)
            actors.extend(a for a in senders if all(a.name != b.name for b in actors))
            continue
        actor = resolve_actor(head, context)
        if actor is None:
            actor = _bound_possessive(head, context)
        if actor is None and head.ent_type_ == "NORP":
            actor = next(iter(_deep_actors([head], context)), None)  # "Russian negotiators"
        if actor is None and head.lower_ in PRONOUNS:
            # "Turnbull said he had spoken with ...": the one who said so, else the last
            antecedent = (
                reporter(head, context, person=True)
                or clause_subject(head, context)
                or disjoint(head, *salient_people(head, state, context), context)
            )
            if antecedent is not None:
                actor = antecedent.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is None and head.lower_ in FIRST_PERSON:
            speaker = quoted_speaker(head, context, state)
            if speaker is not None:
                actor = speaker.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is None and head.lower_ in {"it", "its"}:
            antecedent = reporter(head, context)
            if antecedent is None and not _said_by_another_body(head, context):
                referent = it_referent(head, context)
                if isinstance(referent, NoParty):
                    continue  # "It backs ...", said of a platform: a document is no party
                last = disjoint(head, state.last_state, state.previous_state, context)
                # the subject before names which party, where the story has one for 'it';
                # it makes none where it had none
                antecedent = (referent or last) if last is not None else None
            if antecedent is not None:
                actor = antecedent.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
        if actor is None:
            actor = group_actor(head, context.knowledge)
        if actor is not None and all(a.name != actor.name for a in actors):
            actors.append(actor)
    return actors


def _titled_officer(head: Token) -> Token:
    """'African Union (AU) Commission Chairperson Moussa Faki Mahamat arrives ...':
    the parser makes the body the subject and its titled officer an appositive, but the one
    who acts is the officer. A comma sets off a real apposition, so that is left alone."""
    if head.ent_type_ != "ORG":
        return head
    for appos in head.children:
        if appos.dep_ != "appos" or appos.ent_type_ != "PERSON" or appos.i < head.i:
            continue
        titled = any(c.ent_type_ == "TITLE" for c in appos.children if c.dep_ == "compound")
        between = head.doc[head.i : appos.left_edge.i]
        if titled and not any(t.text in {",", ";", "—"} for t in between):
            return appos
    return head


def _said_by_another_body(pronoun: Token, context: DocContext) -> bool:
    """'A Nairobi bus maker said it would visit suppliers': 'it' is the one body that says so,
    named by a noun that is no state or known body, not the last state of the story."""
    clause = pronoun.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head != clause:
        clause = clause.head
    words = context.knowledge.words
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in words("speech_verbs"):
        return False
    products = words("speech_products") | words("spokesperson_words")
    return any(
        s.dep_ == "nsubj"
        and s.tag_ in {"NN", "NNP"}
        and s.lemma_.lower() not in products
        and s.ent_type_ not in {"GPE", "NORP", "PERSON"}
        for s in clause.head.children
    )


def _reporters(pronoun: Token, context: DocContext) -> list[Actor]:
    """'the envoys said they had negotiated ...', 'officials say X has stalled as fighting
    went on, and they are calling for ...': 'they' are the group that said so, in any
    clause of what they said or of their saying it."""
    speech = context.knowledge.words("speech_verbs")
    clause = pronoun.head
    while clause.dep_ in {"conj", "advcl", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    owner = clause.head if clause.dep_ == "ccomp" else clause
    if owner.lemma_.lower() not in speech or owner.i == pronoun.head.i:
        return []
    subjects = [c for c in owner.children if c.dep_ == "nsubj" and c.i < pronoun.i]
    if clause.i != pronoun.head.i:  # climbed: only a group is 'they'
        subjects = [s for s in subjects if s.tag_ in {"NNS", "NNPS"} or s.conjuncts]
    found = [_reporter_actor(s, context) for s in subjects]
    return [a for a in found if a is not None]


def _reporter_actor(subject: Token, context: DocContext) -> Actor | None:
    """'Israeli officials said they ...' stand for Israel as they would as the subject
    ('Israeli officials rejected ...'); a group with no country stays the group."""
    if country_of_phrase(subject, context) is not None:
        actor = resolve_actor(subject, context)
        if actor is not None:
            return actor
    return group_actor(subject, context.knowledge) or resolve_actor(subject, context)


def group_actor(head: Token, knowledge: Knowledge) -> Actor | None:
    """A party named by what it is, not by name: 'several opposition parties', 'Western
    envoys', 'the leaders of ten Balkan states'. The phrase is the participant."""
    if head.lemma_.lower() not in knowledge.words("group_participants"):
        return None
    of_verbs = knowledge.words("of_verbs")
    if head.tag_ not in {"NNS", "NNPS"} and not _singular_group(head, knowledge, of_verbs):
        return None  # "the official" is one unknown person, not a group
    phrase = noun_phrase(head, of_verbs)
    return Actor(
        text=phrase.text,
        name=phrase.text,
        kind="group",
        start=phrase.start_char,
        end=phrase.end_char,
    )


def _singular_group(head: Token, knowledge: Knowledge, of_verbs: frozenset[str]) -> bool:
    """'the opposition' (`collective_singulars`, unless a name says whose: 'the Kremlin
    opposition'), or a singular with an 'of' or 'from' phrase naming its members; in
    'accused the opposition of lying' the 'of' phrase is the deed, not who the group is."""
    if head.lemma_.lower() in knowledge.words("collective_singulars") and not any(
        c.ent_type_ for c in head.children
    ):
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in of_verbs:
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in head.children)


def _past_datelines(heads: list[Token], context: DocContext) -> list[Token]:
    """'NAIROBI, May 20 — Kenyan President X hosted ...' says where the story was filed; the
    parser often makes the city the subject and hangs the real one on it."""
    found: list[Token] = []
    for head in heads:
        if not context.in_dateline(head):
            found.append(head)
            continue
        before = len(found)
        for child in head.children:
            if child.dep_ == "appos" and not context.in_dateline(child):
                if resolve_actor(child, context) is not None:
                    found.append(child)
                else:
                    found.extend(entities_within(child))
        if len(found) == before:
            # "BRASILIA, Aug 30 — Brazilian President X and Argentine President Y spoke":
            # the names after the dash, wherever the parser hung them in the dateline
            found.extend(
                t
                for t in entities_within(head)
                if not context.in_dateline(t) and t.ent_type_ in {"PERSON", "GPE", "ORG"}
            )
    return found


def _deep_actors(heads: list[Token], context: DocContext) -> list[Actor]:
    """Actors named inside an object phrase (see `actor.deep_actor`)."""
    found: list[Actor] = []
    bodies = context.knowledge.words("organization_words")
    for head in (h for h in heads if not prefixed_away(h, bodies)):  # "the anti-Kremlin opposition"
        actor = deep_actor(head, context)
        if actor is not None and all(actor.name != a.name for a in found):
            found.append(actor)
    return found


def _answered(args: Arguments, state: DocState, knowledge: Knowledge) -> list[Actor]:
    """The authors of the earlier event an object noun refers back to ('rejected the
    accusation' answers the accuser), if any."""
    # Only these types have nouns that name them ('the accusation'), in EVENT_TYPES order.
    event_nouns = {
        "REQUEST": knowledge.words("event_nouns_request"),
        "SANCTION": knowledge.words("event_nouns_sanction"),
        "ACCUSE": knowledge.words("event_nouns_accuse"),
        "THREATEN": knowledge.words("event_nouns_threaten"),
    }
    for head in args.get("recipients") + args.get("topic"):
        # "the accusation", and "the protest note": the noun or what kind of note it is
        lemmas = {
            head.lemma_.lower(),
            *(c.lemma_.lower() for c in head.children if c.dep_ == "compound"),
        }
        kind = next((kind for kind, nouns in event_nouns.items() if lemmas & nouns), None)
        if kind is None or not any(
            c.lower_ in {"the", "this", "these", "that"} for c in head.children
        ):
            continue
        earlier = state.last_by_type.get(kind)
        if earlier is not None:
            return [
                a.model_copy(
                    update={"text": head.text, "start": head.idx, "end": head.idx + len(head)}
                )
                for a in earlier.actors
            ]
    return []


def find_participants(
    trigger: Token, rule: TriggerRule, args: Arguments, context: DocContext, state: DocState
) -> tuple[list[Actor], list[Actor]]:
    """Actors and recipients: the argument heads resolved, then, where none resolve, the
    actors inside the object phrase, the authors of an answered event, or the document
    context."""
    actors = actors_of(args.get("actors"), context, state)

    def new(found: list[Actor]) -> list[Actor]:
        return [r for r in found if all(r.name != a.name for a in actors)]

    heads = args.get("recipients")
    recipients = new(actors_of(heads, context, state))
    named = bool(recipients)
    unnamed = [h for h in heads if not actors_of([h], context, state)] if recipients else heads
    if unnamed and rule.event != "CONSULT":
        # "sanctions on Iranian shipping firms": the nationality inside names the target, so
        # for each member of a list ("on Russian oligarchs and Belarusian officials"); a
        # contact's object is its party or nothing ("spoke ..., their first conversation
        # since a row over Mercosur tariffs" is not with Mercosur)
        acts = deep_acts(context.knowledge, rule.event)
        inner = [t for h in unnamed for t in owner_entities(h, **acts)]
        found = new(_deep_actors(not_aside(inner, context.knowledge), context))
        recipients += [r for r in found if all(r.name != k.name for k in recipients)]
        if named:
            recipients.sort(key=lambda r: r.start)  # the list's members in its order
    if not recipients and rule.event in {"REJECT", "ACCUSE", "SUPPORT", "AGREE"}:
        # "rejected the accusation": the target is whoever made it
        recipients = new(_answered(args, state, context.knowledge))
        named = bool(recipients)
    if not recipients and rule.event in {"REJECT", "AGREE"}:
        # "X asked for the king's support, and the king agreed": whoever asked
        recipients = new(answered_request(trigger, actors, context, state, actors_of))
        named = bool(recipients)
    if not named and args.get("deep"):
        # what was agreed or refused names the others too: "agreed to ease bans on Iran and
        # Iraq, and with conditions attached, Syria"
        inner = not_aside(args.get("deep"), context.knowledge)
        named_deep = new(_deep_actors(inner, context))
        deep = _not_own_state(named_deep, actors)
        if named_deep and not deep:  # the clause's subject is the speaker's own side
            deep = _not_own_state(new(_deep_actors(args.rest, context)), actors)
        recipients += [d for d in deep if all(d.name != r.name for r in recipients)]
    recipients += complained_of(rule, args, actors, recipients, context)  # "to the UN over X"
    if rule.event == "CONSULT" and not actors and not recipients:
        actors = context_parties(trigger, args.predicate, context, state, actors_of)
    if rule.event == "CONSULT":
        companions = actors_of(_companions(args.get("actors"), context.knowledge), context, state)
        actors = actors + [c for c in new(companions) if all(c.name != r.name for r in recipients)]
    if rule.event != "CONSULT":
        recipients = own_bodies(heads, recipients, actors, context)  # "urged the government"
    text = context.text
    return distinct_parties(actors, text), distinct_parties(recipients, text)


def _not_own_state(found: list[Actor], actors: list[Actor]) -> list[Actor]:
    """'Kono vowed that Japan would stand by Manila': a state's own officials promise
    what their state will do, so their state, or its people ('complained that Afghans found
    out'), is no target of the vow."""
    own = {
        a.country
        for a in actors
        if a.country and (a.kind in {"country", "government"} or a.title is not None)
    }
    kinds = {"country", "government"}
    return [d for d in found if not (d.country in own and (d.kind in kinds or d.sector in PEOPLE))]


PEOPLE = frozenset({"CVL", "REF"})  # a country's people, as `kinds.civilian_group` names them


def _companions(heads: list[Token], knowledge: Knowledge) -> list[Token]:
    """'X, accompanied by Y, arrives for a meeting': the companion takes part with the
    subject; so with 'as he arrives' after 'X, accompanied by Y, waves'."""
    verbs = knowledge.words("companion_verbs")
    found: list[Token] = []
    for head in heads:
        named = head
        if head.lower_ in PRONOUNS and head.dep_ == "nsubj" and head.head.dep_ == "advcl":
            main = [c for c in head.head.head.children if c.dep_ == "nsubj"]
            named = main[0] if main else head
        for clause in named.children:
            if clause.dep_ not in {"acl", "advcl"} or clause.lemma_.lower() not in verbs:
                continue
            for agent in clause.children:
                if agent.dep_ == "agent":
                    found.extend(m for p in agent.children if p.dep_ == "pobj" for m in members(p))
    return found


def political(actor: Actor) -> bool:
    """Countries, governments and known bodies are political; a person is known to be when
    the document gives an office or a country."""
    if actor.kind != "person":
        return True
    return actor.title is not None or actor.country is not None
