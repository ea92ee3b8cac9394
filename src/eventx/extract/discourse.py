"""Document context across sentences: who 'he', 'they', 'the two' and 'its' are, and the
parties of the contacts told so far, for contact nouns that name none of their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..schema import Actor, Event, Place, TriggerRule
from .actor import DocContext, resolve_actor
from .argument import Arguments
from .knowledge import Knowledge
from .phrase import members
from .trigger import light_verb

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
FIRST_PERSON = frozenset({"i", "me", "my"})
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass
class DocState:
    """What earlier sentences established: the last person subject and where visitors are."""

    last_person: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)
    last_state: Actor | None = None
    last_by_type: dict[str, Event] = field(default_factory=dict)
    visits: dict[str, Place] = field(default_factory=dict)
    previous_person: Actor | None = None
    previous_state: Actor | None = None
    last_people: list[Actor] = field(default_factory=list)

    seen_people: list[Actor] = field(default_factory=list)  # each person once, latest last
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m"/"f", from pronouns

    def aside(self) -> DocState:
        """A copy to read an aside with (a photo caption), leaving this state as it was."""
        return replace(
            self,
            last_group=list(self.last_group),
            last_by_type=dict(self.last_by_type),
            visits=dict(self.visits),
            last_people=list(self.last_people),
            seen_people=list(self.seen_people),
            genders=dict(self.genders),
        )

    def after_aside(self, aside: DocState) -> None:
        """Take what an aside told of contacts, states and groups (a caption shows the
        meeting the story goes on about), but not its people as antecedents of 'he'."""
        for name in ("last_group", "last_state", "previous_state", "last_by_type", "visits"):
            object.__setattr__(self, name, getattr(aside, name))
        object.__setattr__(self, "last_people", aside.last_people)

    def __setattr__(self, name: str, value: object) -> None:
        # the one before the last, for a pronoun the last cannot be ('It accused China')
        if name in {"last_person", "last_state"}:
            old = getattr(self, name, None)
            if isinstance(old, Actor) and isinstance(value, Actor) and old.name != value.name:
                object.__setattr__(self, name.replace("last_", "previous_"), old)
        if name == "last_person" and isinstance(value, Actor):
            seen = [p for p in getattr(self, "seen_people", []) if p.name != value.name]
            object.__setattr__(self, "seen_people", [*seen, value])
        object.__setattr__(self, name, value)


def disjoint(
    pronoun: Token, last: Actor | None, before: Actor | None, context: DocContext
) -> Actor | None:
    """'China said it would cut imports. It accused China of ...': a subject pronoun is never
    its own verb's object (that would be 'itself'), so it is then the one named before."""
    if last is None or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return last
    named: set[str] = set()
    for child in pronoun.head.children:
        if child.dep_ in {"dobj", "dative"}:
            heads = [child]
        elif child.dep_ == "prep":
            heads = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for member in (m for h in heads for m in members(h)):
            if (actor := resolve_actor(member, context)) is not None:
                named.add(actor.name)
    if last.name not in named:
        return last
    return before if before is not None and before.name not in named else None


def referred_group(head: Token, state: DocState, knowledge: Knowledge) -> list[Actor]:
    """The group 'they' or 'the two leaders' refer to: the last group, but people nouns
    ('the two leaders', 'the ministers') after a person who acted on a state ('Trump, in
    the call with Xi, criticized North Korea') are the last people who met."""
    group = state.last_group
    mixed = any(a.kind == "person" for a in group) and any(a.kind != "person" for a in group)
    people = head.lemma_.lower() in knowledge.words("collective_officials")
    return state.last_people if mixed and people and len(state.last_people) > 1 else group


def coordinated_subject_before(pronoun: Token, context: DocContext, state: DocState) -> list[Actor]:
    """'The two ministers will open the forum, after which they will travel to ...':
    'they' is the coordinated subject named earlier in the same sentence."""
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ in {"nsubj", "nsubjpass"} and token.conjuncts:
            return [
                actor
                for member in members(token)
                if (actor := resolve_actor(member, context)) is not None
            ]
    return []


def plural_reference(head: Token, knowledge: Knowledge) -> bool:
    """'they', 'the two sides', 'both leaders': a reference back to a group of participants."""
    if head.lower_ in PLURAL_PRONOUNS:
        return True
    if head.lower_ in {"two", "both"} and head.dep_ in {"nsubj", "nsubjpass"}:
        return True  # "The two spoke by telephone"
    if head.tag_ != "NNS" or head.lemma_.lower() not in knowledge.words("plural_referents"):
        return False
    if any(t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in head.subtree):
        return False  # "three Colombian diplomats" are new people, not the last group
    if any(c.lower_ in knowledge.words("conflict_modifiers") for c in head.children):
        return False  # "the warring sides" fight each other: not the diplomats told of before
    return any(c.lower_ in {"two", "both"} for c in head.children) or any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "both", "their"} for c in head.children
    )


def reporter(pronoun: Token, context: DocContext, person: bool = False) -> Actor | None:
    """'Switzerland said it had expelled ...': 'it' is the state that said so; with
    `person`, 'Turnbull said he had spoken with ...': 'he' is the person who said so."""
    clause = pronoun.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    for subject in clause.head.children:
        if subject.dep_ == "nsubj":
            actor = resolve_actor(subject, context)
            if actor is not None and (actor.kind == "person") == person:
                return actor
    return None


def quoted_speaker(pronoun: Token, context: DocContext, state: DocState) -> Actor | None:
    """'Castro told Cubans: "... a call I had with Obama"', '"I met him," Doe said': a
    first-person pronoun inside a quotation is the person whose words they are, the subject
    of the clause outside the quotation that the quoted words hang on."""
    sentence = pronoun.sent
    marks = [t.i for t in sentence if t.text in QUOTE_MARKS]
    opened = [i for i in marks if i < pronoun.i]
    if len(opened) % 2 == 0:
        return None  # not inside a quotation in this sentence
    start = opened[-1]
    end = next((i for i in marks if i > pronoun.i), sentence.end)
    outside = pronoun
    while start < outside.i < end:
        if outside.head == outside:
            return None
        outside = outside.head
    for subject in outside.children:
        if subject.dep_ != "nsubj":
            continue
        if subject.lower_ in PRONOUNS:
            return state.last_person  # '"I met him," he said'
        actor = resolve_actor(subject, context)
        if actor is not None and actor.kind == "person":
            return actor
    return None


def clause_subject(pronoun: Token, context: DocContext) -> Actor | None:
    """'Whitfield waves as he arrives for a meeting': a person pronoun that is the subject of
    an adverbial clause is the named person who is the subject of the clause it hangs on."""
    clause = pronoun.head
    is_subject = pronoun.dep_ in {"nsubj", "nsubjpass"}  # "waves as he is welcomed by"
    if not is_subject or clause.dep_ != "advcl" or clause.head == clause:
        return None
    for subject in clause.head.children:
        if subject.dep_ == "nsubj" and subject.pos_ != "PRON":
            actor = resolve_actor(subject, context)
            if actor is not None and actor.kind == "person":
                return actor
    return None


def remember(event: Event, state: DocState, doc: Doc | None = None) -> None:
    """Participants of an event, for 'they', 'he' and 'it' in later sentences."""
    state.last_by_type[event.event] = event
    states = [a for a in event.actors if a.kind != "person"]
    if states:
        state.last_state = states[0]
    people = event.actors + event.recipients
    # "Germany and Italy urged the EU to ... They called for ...": 'they' are the named
    # group of actors; only a lone actor makes a pair with its partner ('the two leaders')
    group = event.actors if len(event.actors) > 1 else people
    if len(group) > 1 and not (doc is not None and all(_modifier(doc, a) for a in group)):
        state.last_group = list(group)
    if len([a for a in people if a.kind == "person"]) > 1:
        state.last_people = [a for a in people if a.kind == "person"]
    persons = [a for a in people if a.kind == "person"]
    if persons:
        for other in reversed(persons[1:]):
            # each party is someone a later pronoun may stand for, the first the likeliest
            seen = [p for p in state.seen_people if p.name != other.name]
            state.seen_people = [*seen, other]
        state.last_person = persons[0]


def _modifier(doc: Doc, party: Actor) -> bool:
    """The party is named only as a modifier of a noun ('Russia-U.S. cooperation'): such
    names are not what a later 'they' refers to, the people of the sentence are."""
    if party.start is None or party.end is None:
        return False
    span = doc.char_span(party.start, party.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"compound", "amod", "nmod"}


def context_parties(
    trigger: Token,
    predicate: Token,
    context: DocContext,
    state: DocState,
    resolve: Callable[[list[Token], DocContext, DocState], list[Actor]],
) -> list[Actor]:
    """Parties of a contact noun that names none: whoever reports it ('fresh talks are set
    for Friday, the minister said'), else the parties of the document's last contact."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return []
    own = clause_parties(trigger, context.knowledge) or requesters(trigger, context.knowledge)
    if own:
        # the sentence names the contact's parties its own way: never the last contact's
        return resolve(own, context, state)
    earlier = state.last_by_type.get("CONSULT")
    if earlier is not None and earlier.start == trigger.sent.start_char:
        # "X will not enter talks with Y and the only negotiations are on prisoners, he
        # said": a contact named beside one told with its parties is between them too
        return _as_found_at(trigger, earlier.actors + earlier.recipients)
    clause = predicate
    if clause.dep_ in {"nsubj", "nsubjpass"}:
        clause = clause.head  # "negotiations will continue"
    for _ in range(4):
        if clause.dep_ not in {"ccomp", "xcomp", "conj"} or clause.head == clause:
            break
        clause = clause.head
        if clause.lemma_.lower() in context.knowledge.words("speech_verbs"):
            # a person who reports talks is usually in them ("X said"); officials
            # or a government reporting others' talks are not ("Iraqi officials said"),
            # nor is one whose job is telling of others' ("spokesman Y told reporters")
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if any(speaks_for_others(s, context.knowledge) for s in subjects):
                # but the body they speak for may be ("Defense Ministry spokesman Y")
                bodies = [
                    token
                    for s in subjects
                    for token in _own_phrase(s)
                    if token.ent_iob_ == "B" and token.ent_type_ in {"ORG", "GPE", "NORP"}
                ]
                return [a for a in resolve(bodies, context, state) if a.kind != "person"]
            speakers = [a for a in resolve(subjects, context, state) if a.kind == "person"]
            if earlier is not None and _among(speakers, earlier):
                # "X says negotiations will continue" after X's talks with Y: X's
                # talks, both sides, not X alone
                return _as_found_at(trigger, earlier.actors + earlier.recipients)
            return speakers
    if earlier is None or not any(t.pos_ in {"VERB", "AUX"} for t in trigger.sent):
        return []  # a subhead with no verb ("Discussion points") tells no contact of its own
    return _as_found_at(trigger, earlier.actors + earlier.recipients)


def _among(speakers: list[Actor], earlier: Event) -> bool:
    """The speakers took part in the earlier contact, which had another side."""
    names = {a.name for a in earlier.actors + earlier.recipients}
    return bool(speakers) and len(names) > 1 and all(s.name in names for s in speakers)


def _as_found_at(trigger: Token, parties: list[Actor]) -> list[Actor]:
    """Parties carried over to a contact noun, found at the noun."""
    end = trigger.idx + len(trigger)
    return [
        p.model_copy(update={"text": trigger.text, "start": trigger.idx, "end": end})
        for p in parties
    ]


def _objects(clause: Token) -> list[Token]:
    """A clause's objects and its passive agents: 'involving X', 'attended by X'."""
    found = [m for c in clause.children if c.dep_ == "dobj" for m in members(c)]
    for agent in (c for c in clause.children if c.dep_ == "agent"):
        found.extend(m for p in agent.children if p.dep_ == "pobj" for m in members(p))
    return found


def clause_parties(trigger: Token, knowledge: Knowledge) -> list[Token]:
    """'A summit on Yemen involving the three states' envoys', 'talks attended by
    envoys of ten states': a clause on the contact noun names its parties
    (`party_clause_verbs`)."""
    verbs = knowledge.words("party_clause_verbs")
    return [
        head
        for clause in trigger.children
        if clause.dep_ == "acl" and clause.lemma_.lower() in verbs
        for head in _objects(clause)
    ]


def requesters(trigger: Token, knowledge: Knowledge) -> list[Token]:
    """'A request for talks had come from Sikorski and Szijjarto', 'Doe's call for talks':
    whoever asked for the contact (`event_nouns_request`) is a party to it."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "for" or prep.head == prep:
        return []
    noun = prep.head
    if noun.lemma_.lower() not in knowledge.words("event_nouns_request"):
        return []
    found = [m for c in noun.children if c.dep_ == "poss" for m in members(c)]
    owners = [noun, noun.head] if noun.dep_ in {"nsubj", "nsubjpass"} else [noun]
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"from", "by"}:
                found.extend(m for o in prep.children if o.dep_ == "pobj" for m in members(o))
    return found


def speaks_for_others(subject: Token, knowledge: Knowledge) -> bool:
    """'White House spokesman Ken Dale', 'a press secretary', 'an aide to the minister':
    the subject's phrase names a job of reporting what others do (`spokesperson_words`)."""
    words = knowledge.words("spokesperson_words")
    phrase = [subject, *_own_phrase(subject)]
    phrase.sort(key=lambda token: token.i)
    lowered = [token.lower_ for token in phrase]
    pairs = [f"{a} {b}" for a, b in pairwise(lowered)]
    return any(word in words for word in lowered + pairs) or any(
        token.lemma_.lower() in words for token in phrase
    )


def _own_phrase(head: Token) -> list[Token]:
    """The words of a noun phrase, without the clauses hung on it ('who met ...')."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ not in {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj"}:
            found.extend([child, *_own_phrase(child)])
    return found


def refers_back(
    trigger: Token, rule: TriggerRule, args: Arguments, state: DocState, knowledge: Knowledge
) -> bool:
    """'During the meeting, the Secretary said': a definite contact noun that names no party
    of its own is the contact an earlier sentence reported, not a new one. With a light verb
    it is news of its own: 'did not attend the summit'."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or "CONSULT" not in state.last_by_type:
        return False
    if light_verb(trigger, rule) is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trigger.children):
        return False
    if any(c.lower_ in knowledge.words("new_contact_modifiers") for c in trigger.children):
        return False  # "the only negotiations", "the next meeting": not the one told before
    own = set(t.i for t in trigger.subtree)
    return not any(t.i in own for t in args.get("actors") + args.get("recipients"))
