"""Finding a trigger's arguments in the dependency parse and sorting them into roles."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..schema import Role, TriggerRule
from .beneficiary import helped_parties
from .displaced import (
    conjoined_objects,
    included_on_verb,
    past_brackets,
    place_of_affairs,
    shifted_objects,
    stray_possessor,
)
from .embedded import addressed, attribution, condition_parties, content_parties, moved_from
from .kinds import deep_acts
from .knowledge import Knowledge
from .nominal import (
    accord_parties,
    governed_arguments,
    governing_verb,
    holders,
    hosted_parties,
    named_modifiers,
    partners_of_purpose,
    promised_to,
)
from .phrase import (
    conjuncts,
    entities_within,
    entity_from,
    members,
    owner_entities,
)
from .series import series_possessor
from .subject import RELATIVE_PRONOUNS, agent, subject_of
from .trigger import ACTOR_LABELS, OBJECT_DEPS, for_clauses, heads_entity, light_verb, prep_children


@dataclass
class Arguments:
    """Head tokens of a trigger's arguments, by role, plus the verb that carries them."""

    predicate: Token
    roles: dict[Role, list[Token]] = field(default_factory=dict)
    # what the rest of a content clause names, for when its subject is the speaker's own
    # side: "vowed that the US would support Ukraine" is aimed at Ukraine
    rest: list[Token] = field(default_factory=list)

    def add(self, role: Role, tokens: list[Token]) -> None:
        if role == "none":
            return
        bucket = self.roles.setdefault(role, [])
        bucket.extend(token for token in tokens if token not in bucket)

    def get(self, role: Role) -> list[Token]:
        return self.roles.get(role, [])


def _add_preps(
    args: Arguments,
    token: Token,
    rule: TriggerRule,
    skip: Token | None,
    roles: set[str] | None = None,
) -> None:
    for prep in prep_children(token):
        if prep.dep_ == "agent":
            continue
        role = rule.preps.get(prep.lower_)
        if role is None or (roles is not None and role not in roles):
            continue
        if role in {"actors", "recipients"} and not any(c.dep_ == "pobj" for c in prep.children):
            args.add(role, _stranded_object(prep))
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj != skip:
                args.add(role, members(past_brackets(pobj)) if role != "topic" else [pobj])
        # "travelled to the capital for talks with X": a nested 'with' on the object;
        # "spoke on the telephone with X": on the channel
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (
                role in {"destination", "venue"} or pobj.lemma_.lower() in CHANNELS
            ):
                for inner in prep_children(pobj):
                    if rule.preps.get(inner.lower_) == "recipients":
                        _add_preps(args, pobj, rule, skip)


def _names_party(phrase: Token) -> bool:
    """The phrase's head or a word before it names an actor ('Israel', "Sudan's army", 'the
    Kenyan government', 'him'); 'actors in the Syrian conflict' names none of its own."""
    return (
        phrase.ent_type_ in ACTOR_LABELS
        or phrase.pos_ == "PRON"
        or any(
            c.dep_ in {"poss", "compound", "amod", "nmod"} and c.ent_type_ in ACTOR_LABELS
            for c in phrase.children
        )
    )


def _stranded_object(prep: Token) -> list[Token]:
    """The named entity right after a preposition the parser left without an object
    ('spoke by telephone with Saudi Foreign Minister Yusuf Al-Hashimi, an EU spokesperson
    said': the name became the subject of 'said')."""
    doc = prep.doc
    for token in doc[prep.i + 1 : min(prep.i + 8, prep.sent.end)]:
        if token.ent_type_ in {"PERSON", "GPE", "ORG"} and token.ent_iob_ == "B":
            ent = entity_from(token)
            return [ent.root]
        if token.pos_ == "NOUN" and any(
            c.ent_type_ in {"NORP", "GPE"} and c.i < token.i for c in token.children
        ):
            # "granted asylum to five Panamanian officers holed up in ...": the parser made
            # the officers a subject; their nationality still names the recipient
            return [token]
        if token.dep_ == "compound" and token.head.i > token.i:
            continue  # "army" in "Panamanian army officers"
        if token.ent_type_ not in {"TITLE", "NORP"} and token.pos_ not in {
            "DET",
            "ADJ",
            "PROPN",
            "NUM",
        }:
            return []
    return []


def taken_up(verb: Token, rule: TriggerRule) -> list[Token]:
    """What a verb takes up through one of the rule's `object_preps`, as it would take a
    direct object: 'any U.S. mediation efforts' in 'agreed to any U.S. mediation efforts'."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in rule.object_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _reported_arguments(modal: Token) -> Arguments:
    """'X said that Y must Z': X acts on Y about Z."""
    clause = modal.head
    args = Arguments(predicate=clause)
    args.add("recipients", subject_of(clause)[0])
    args.add("actors", subject_of(clause.head)[0])
    args.add("topic", [c for c in clause.children if c.dep_ in OBJECT_DEPS])
    return args


def _object_nouns(obj: Token) -> list[Token]:
    """The object and the nouns its own phrase runs through: '$5 million in aid' reaches
    'aid', whose 'to Ukraine' names the recipient; clauses inside are left out."""
    found = [obj]
    frontier = [obj]
    for _ in range(3):
        step = []
        for noun in frontier:
            for child in noun.children:
                if child.dep_ == "conj":
                    step.append(child)
                elif child.dep_ == "prep" and child.lower_ in {"in", "of", "on"}:
                    step.extend(c for c in child.children if c.dep_ == "pobj")
        found.extend(step)
        frontier = step
    return found


CHANNELS = frozenset({"phone", "telephone", "video", "videolink", "line", "hotline"})


def find_arguments(trigger: Token, rule: TriggerRule, knowledge: Knowledge) -> Arguments:
    """Arguments of one trigger: subject, object and prepositional phrases mapped by the rule."""
    if rule.reported:
        return _reported_arguments(trigger)
    verb = light_verb(trigger, rule) if rule.pos != ("VERB",) else None
    governor, adjunct = (None, False)
    if verb is None and trigger.pos_ in {"NOUN", "PROPN"} and rule.anywhere:
        governor, adjunct = governing_verb(trigger)
    predicate = verb or governor or trigger
    args = Arguments(predicate=predicate)

    words = knowledge.words
    acts = deep_acts(knowledge, rule.event)
    subjects, passive = subject_of(
        predicate, words("object_control_verbs"), words("purpose_nouns"), words("issued_texts")
    )
    if governor is not None:
        governed_arguments(args, trigger, governor, adjunct, rule, knowledge)
        subjects, passive = [], False
    if verb is not None and verb.lemma_.lower() in words("receiving_verbs"):
        # "Iran faces new US sanctions", "Russia was hit with sanctions": the subject gets it
        args.add("recipients", subjects)
        args.add(rule.subject, agent(predicate) if passive else [])
    elif passive and verb is None:
        # "Doe was received by the president": the passive subject is the object.
        args.add(rule.object, subjects)
        args.add(rule.subject, agent(predicate))
    elif passive:
        args.add(rule.subject, agent(predicate))
    else:
        args.add(rule.subject, subjects)

    if verb is None and trigger.pos_ != "NOUN":
        shifted = shifted_objects(trigger)
        for child in [*trigger.children, *shifted]:
            dep = "dobj" if child in shifted else child.dep_
            if dep == "dative" and child.pos_ != "ADP" and rule.preps.get("to"):
                # "gave Ghana $12 million", "offered Kenya troops": the indirect
                # object is who a 'to' phrase would name
                args.add(rule.preps["to"], members(child))
            elif dep == "dobj" and promised_to(trigger, child, rule, knowledge):
                args.add("recipients", members(child))  # "promised Zelensky that ..."
            elif dep in OBJECT_DEPS:
                role = object_role(trigger, rule)
                # "condemned the detention of protesters, including X": those an act of
                # custody or harm is done to are examples of it, never its parties
                acted_on = child.lemma_.lower() in acts["custody"] | acts["harm"]
                args.add(role, members(child) if role != "topic" and not acted_on else [child])
                if rule.deep_object and not heads_entity(child, knowledge.words("people_nouns")):
                    args.add("deep", owner_entities(child, **acts))
                    held = acts["affairs"] | acts["custody"]
                    args.add("deep", place_of_affairs(trigger, child, held, acts["extent"]))
                    if not args.get("deep"):  # "threatened more sanctions if Moscow disrupts"
                        args.add("deep", condition_parties(trigger))
            elif dep == "ccomp" and attribution(child, trigger, words("speech_verbs")):
                continue  # "..., diplomats quoted an EU statement as saying"
            elif rule.deep_object and dep in {"xcomp", "ccomp"} and not addressed(trigger, rule):
                # "threatened to close its border with Lithuania"; in "demanded that Bamako
                # reopen its border with Niger" the clause's subject is the target
                subjects = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
                named = [t for s in subjects for t in entities_within(s)]
                if child.dep_ == "ccomp" and named:
                    args.add("deep", named)
                    args.rest.extend(content_parties(child, knowledge, True, acts["asides"]))
                else:
                    xcomp = child.dep_ == "xcomp"
                    found = content_parties(child, knowledge, xcomp, acts["asides"])
                    if not found and rule.means_targets:  # "vowed to be firm in standing up to X"
                        found = content_parties(child, knowledge, xcomp, acts["asides"], True)
                    args.add("deep", found)
                args.add("deep", condition_parties(child))
        if rule.deep_object:
            # "agreed to a ceasefire in Somalia": where what is taken up holds is not its author
            placed = {**acts, "asides": acts["asides"] | acts["extent"]}
            for obj in taken_up(trigger, rule):
                if not heads_entity(obj, words("people_nouns")):
                    args.add("deep", owner_entities(obj, **placed))
    else:
        for child in trigger.children:
            if child.dep_ == "poss":  # "his visit", "Mali's talks"
                args.add(rule.subject, members(child))
        args.add(rule.subject, stray_possessor(trigger))
        for owner in series_possessor(trigger, words("series_nouns")):
            args.add(rule.subject, members(owner))  # "Lula's round of calls to X"

    if trigger.pos_ in {"NOUN", "PROPN"} and rule.pos != ("VERB",):
        parties, venues = named_modifiers(trigger, knowledge)
        args.add(rule.subject, parties)
        args.add("venue", venues)
    _add_preps(args, trigger, rule, skip=None)
    if rule.for_subject is not None:
        for asked, _ in for_clauses(trigger):  # "called for Israel to withdraw": Israel
            if _names_party(asked):
                args.add(rule.for_subject, members(asked))
    for clause in trigger.children:
        # "the phone call we had on Monday with X", "the talks she held with Y":
        # a relative clause on the noun carries its light verb, subject and partners
        if clause.dep_ == "relcl" and clause.lemma_.lower() in rule.light_verbs:
            own = [
                c
                for c in clause.children
                if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
            ]
            args.add(rule.subject, [m for c in own for m in members(c)])
            _add_preps(args, clause, rule, skip=trigger)
            args.add("recipients", hosted_parties(clause, trigger, knowledge))
    if trigger.dep_ == "compound":  # "a mediation effort between X and Y"
        _add_preps(args, trigger.head, rule, skip=None)
    alone = not args.get("recipients") and len(args.get("actors")) < 2
    if rule.event == "CONSULT" and trigger.pos_ == "NOUN" and alone:
        # "talks on a truce between X and Y"
        args.add("actors", accord_parties(trigger, words("accord_nouns")))
    if rule.event == "CONSULT":
        for head in (trigger, verb):
            if head is not None:
                args.add("recipients", partners_of_purpose(head, knowledge))
    if verb is not None:
        _add_preps(args, verb, rule, skip=trigger)
        if rule.event == "CONSULT":
            args.add("recipients", hosted_parties(verb, trigger, knowledge))
        if rule.deep_object:
            # "reiterated its demand that Israel ease ...": the clause's subject is the target
            for clause in [*verb.children, *trigger.children]:
                if clause.dep_ in {"ccomp", "acl"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
                    args.add("deep", [t for s in subjects for t in entities_within(s)])
    elif trigger.dep_ == "dobj" and trigger.head.lemma_ in knowledge.words("negating_verbs"):
        # "delaying his meeting with the prime minister": the parser hangs the partner on
        # the verb that delays or cancels the contact
        _add_preps(args, trigger.head, rule, skip=trigger, roles={"recipients"})
    if trigger.pos_ == "NOUN" and rule.deep_object:
        # "an investigation into killings committed by Croat troops": what the noun is about
        # names its target as a verb's object would
        for prep in trigger.children:
            if prep.dep_ == "prep" and rule.preps.get(prep.lower_) == "topic":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        args.add("deep", owner_entities(pobj))
    if trigger.pos_ == "NOUN" and not args.get("recipients"):
        # "a suspension of flights with Libya": the noun's 'of' complement carries the
        # recipient when the noun has none of its own
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        _add_preps(args, pobj, rule, skip=None, roles={"recipients"})
    if verb is None:
        # "imposed sanctions on Belarus", "provided aid to Mali": the object's own
        # prepositions carry the roles when the verb has none of them.
        for child in trigger.children:
            if child.dep_ in OBJECT_DEPS:
                # a contact's partner is named on its object at most, not deeper ('discussed
                # a bill on the deal with world powers' is no discussion with them)
                nouns = [child] if rule.event == "CONSULT" else _object_nouns(child)
                for noun in nouns:
                    if moved_from(noun):
                        continue
                    _add_preps(args, noun, rule, skip=None, roles={"recipients", "venue"})
    if trigger.pos_ == "VERB" and not any(r.ent_type_ for r in args.get("recipients")):
        for obj in conjoined_objects(trigger):  # "cut ties or downgraded relations with Iran"
            _add_preps(args, obj, rule, skip=None, roles={"recipients"})
    for holder in holders(trigger, governor):
        if args.get("venue"):
            break
        # the venue of the clause that holds the contact: "spoke to reporters at the
        # palace after talks with X", "has been in Lima since June negotiating ..."
        _add_preps(args, holder, rule, skip=trigger, roles={"venue"})
    if not args.get("recipients") and rule.event.lower() in words("purpose_beneficiary_events"):
        args.add("recipients", helped_parties(predicate, knowledge))  # "to help Ukraine ..."
    if rule.object != "topic" and any(r.i > trigger.i for r in args.get(rule.object)):
        # "spoke to the prime minister of A, the president of B and ...":
        # the parser loses the list after its first name and hangs the rest on the verb
        for child in predicate.children:
            if child.dep_ == "dep" and child.ent_type_ == "PERSON":
                args.add(rule.object, conjuncts(child))
    _included_members(args, predicate)
    return args


def _included_members(args: Arguments, predicate: Token) -> None:
    """The named members of a plural party whose 'including' list the parser hung on the
    verb stand for it: 'spoke to four other leaders, including X and Y' spoke to X and Y."""
    included = included_on_verb(predicate)
    if not included:
        return
    for role in ("recipients", "actors"):
        groups = [
            t
            for t in args.get(role)
            if t.tag_ in {"NNS", "NNPS"} and not t.ent_type_ and t.i < included[0].i
        ]
        if groups:
            kept = [t for t in args.get(role) if t != groups[-1]]
            args.roles[role] = kept + [m for m in included if m not in kept]
            return


def object_role(trigger: Token, rule: TriggerRule) -> Role:
    """The object's role: the rule's, unless a preposition of `object_with_prep` names a
    party instead ('blamed the attack on X'); a time ('on Thursday') names none."""
    for prep in trigger.children:
        role = rule.object_with_prep.get(prep.lower_) if prep.dep_ == "prep" else None
        if role is None:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if any(c.ent_type_ not in {"DATE", "TIME"} for c in objects):
            return role
    return rule.object
