"""Finding event triggers in a parsed Doc: lemma lookup plus the rule's syntactic conditions."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..schema import TriggerRule
from .knowledge import Knowledge
from .nonevent import aim_of_another, claim_object, concurring, named_by_clause
from .series import series_possessor

ACTOR_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "FAC", "TITLE"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Particles that do not change a verb's meaning ("met up with").
NEUTRAL_PARTICLES = frozenset({"up"})


def prep_children(token: Token) -> list[Token]:
    """Prepositions attached to a token, including a verb's agent ('by')."""
    return [child for child in token.children if child.dep_ in PREP_DEPS]


# Clauses a 'for X to VERB' infinitive can hang on its verb as.
FOR_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})


def for_clauses(token: Token) -> list[tuple[Token, Token]]:
    """(who is asked, what they are asked to do) of each 'for X to VERB' after the trigger
    ('called for Israel to withdraw', 'pushing hard for the US to back the plan'). The parser
    hangs 'for' on the infinitive as its mark, or makes X the object of a 'for' phrase and
    the infinitive a clause of its own ('called for Sudan's army to halt'); after a noun
    object the clause may hang on the verb ('renewed its call for Ethiopia to withdraw')."""
    holders = [token]
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        holders.append(token.head)
    found: list[tuple[Token, Token]] = []
    for holder in holders:
        asked_in_phrase = [
            obj
            for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > token.i
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for clause in holder.children:
            if clause.dep_ not in FOR_CLAUSE_DEPS or clause.i < token.i or not _infinitive(clause):
                continue
            subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
                found.extend((subject, clause) for subject in subjects)
            elif not subjects:
                found.extend(
                    (obj, clause) for obj in asked_in_phrase if obj.right_edge.i == clause.i - 2
                )
    return found


def _infinitive(clause: Token) -> bool:
    """'to withdraw': the clause's verb right after its 'to'."""
    before = clause.doc[clause.i - 1] if clause.i > 0 else None
    return before is not None and before.lower_ == "to" and before.head == clause


def names_entity(token: Token) -> bool:
    """Whether the phrase headed by `token` contains an actor or place entity."""
    return any(t.ent_type_ in ACTOR_LABELS or t.ent_type_ == "LOC" for t in token.subtree)


def heads_entity(token: Token, people: frozenset[str]) -> bool:
    """Whether the token itself names an actor: an entity, or a people noun that an entity
    or possessive qualifies ('his Togolese counterpart')."""
    if token.ent_type_ in ACTOR_LABELS or token.lower_ in PERSON_PRONOUNS:
        return True  # "welcomed him", "he is greeted by": a person, not "welcomed the move"
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
        return True
    return token.lemma_.lower() in people and (
        names_entity(token) or any(c.dep_ == "poss" for c in token.children)
    )


def light_verb(token: Token, rule: TriggerRule) -> Token | None:
    """The verb a noun trigger is the object of, when it is one of the rule's light verbs."""
    head = token.head
    if token.dep_ in {"dobj", "nsubjpass", "attr", "pobj"} and head != token:
        if token.dep_ == "pobj" and head.dep_ == "prep":  # "take part in talks"
            head = head.head
        if head.lemma_.lower() in rule.light_verbs:
            return head
        # "attended the opening session of the summit", "provided $5 million in aid", "was
        # hit with a fresh round of sanctions"
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "with":
            verb = verb.head  # not "on the sidelines of the summit, held talks"
        if (
            head.pos_ in {"NOUN", "NUM", "SYM"}
            and head.dep_ in {"dobj", "nsubjpass", "pobj"}
            and (token.head.lower_ in {"of", "in"})
        ) and verb.lemma_.lower() in rule.light_verbs:
            return verb
    if token.dep_ in {"conj", "compound"} and token.head.pos_ in {"NOUN", "PROPN"}:
        # "held talks and consultations", "launched a mediation effort"
        return light_verb(token.head, rule)
    return None


def _has_particle(token: Token, particle: str | None) -> bool:
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"} - NEUTRAL_PARTICLES
    if particle is None:
        return not particles
    return particle in particles


# Dependencies that leave the trigger's own clause: words there do not qualify it.
CLAUSE_EXITS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "ccomp", "advcl", "relcl", "parataxis", "mark", "punct"}
)


def _has_word(token: Token, lemmas: tuple[str, ...]) -> bool:
    """One of the lemmas occurs in the trigger's own phrase, up to four links down
    ('spoke by phone', 'provided $50 million in humanitarian aid'), or as its head."""
    # the verb's own passive subject is its object: "aid was given to Ukraine by Germany"
    frontier = [c for c in token.children if c.dep_ == "nsubjpass"]
    if any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in frontier):
        return True
    frontier = [token]
    for _ in range(4):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in CLAUSE_EXITS]
        if any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in frontier):
            return True
    return token.dep_ == "compound" and token.head.lemma_.lower() in lemmas


def _of_time(prep: Token, calendar: frozenset[str]) -> bool:
    """'on Thursday', 'on March 3', 'on 12 May': a preposition whose object is a time."""
    return any(
        c.dep_ == "pobj" and (c.ent_type_ in {"DATE", "TIME"} or c.lower_ in calendar)
        for c in prep.children
    )


def _object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            return child
    return None


def matches(token: Token, rule: TriggerRule, knowledge: Knowledge) -> bool:
    """Whether `rule` fires on `token`: part of speech, particle, prepositions, words, object."""
    pos = token.pos_ if token.pos_ != "PROPN" else "NOUN"
    if pos not in rule.pos and not (pos == "AUX" and "VERB" in rule.pos):
        return False
    if pos == "VERB" and not _has_particle(token, rule.particle):
        return False
    if pos == "VERB" and any(
        c.dep_ == "prt" and c.lower_ in rule.forbid_particle for c in token.children
    ):
        return False  # "giving up its weapons"
    # A required preposition follows its verb: "called on X", not "On Sunday, she called X";
    # and a time is no party: "called X on Thursday" is no "call on".
    calendar = knowledge.words("calendar_words")
    following = {
        child.lower_
        for child in prep_children(token)
        if child.i > token.i and not _of_time(child, calendar)
    }
    asked = for_clauses(token)
    if asked:
        following.add("for")
    elif rule.requires_asked:
        return False
    if rule.requires_prep and not following.intersection(rule.requires_prep):
        return False
    if following.intersection(rule.forbid_prep):
        return False
    if rule.requires_word and not _has_word(token, rule.requires_word):
        return False
    if rule.forbid_word and any(t.lemma_.lower() in rule.forbid_word for t in token.subtree):
        return False
    if rule.forbid_object and _other_sense_object(token, rule.forbid_object):
        return False
    if rule.plural and token.tag_ not in {"NNS", "NNPS"}:
        return False
    if rule.forbid_dep and any(c.dep_ in rule.forbid_dep for c in token.children):
        return False
    if (rule.forbid_aim and aim_of_another(token)) or (rule.forbid_claim and claim_object(token)):
        return False
    if rule.forbid_concurring and concurring(token, rule):
        return False
    if rule.forbid_modifier and any(
        c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in rule.forbid_modifier for c in token.children
    ):
        return False
    if rule.reported and not (token.dep_ == "aux" and token.head.dep_ == "ccomp"):
        return False
    if rule.requires_object:
        obj = _object(token)
        if obj is None:
            return False
        if rule.requires_object == "phrase" and not names_entity(obj):
            return False
        if rule.requires_object == "head" and not heads_entity(
            obj, knowledge.words("people_nouns")
        ):
            return False
    return not (
        pos == "NOUN"
        and rule.light_verbs
        and light_verb(token, rule) is None
        and not (rule.standalone and _stands_alone(token, knowledge.words("series_nouns")))
        and not rule.anywhere
    )


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _other_sense_object(token: Token, lemmas: tuple[str, ...]) -> bool:
    """The verb's object, or a passive subject, is one of `lemmas`: 'met the deadline',
    'the preconditions were met', also when a clause names it ('committed what X calls
    genocide')."""
    return any(
        c.dep_ in {"dobj", "nsubjpass", "attr"} and c.lemma_.lower() in lemmas
        for c in token.children
    ) or any(noun.lemma_.lower() in lemmas for noun in named_by_clause(token))


def _stands_alone(noun: Token, series: frozenset[str]) -> bool:
    """A noun trigger without a light verb still counts when it names its participants,
    also by the possessor of a noun that counts it ('Lula's round of calls to ...')."""
    return any(
        child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in {"with", "between"})
        for child in noun.children
    ) or bool(series_possessor(noun, series))


def find_triggers(doc: Doc, knowledge: Knowledge) -> list[tuple[Token, TriggerRule]]:
    """Every (token, rule) pair where a trigger rule fires; one rule per token.

    When several rules share a lemma, the most specific wins: one that required a word
    ('spoke by phone') beats one that did not ('spoke with'); one that forbade a word
    ('called on the president', with no 'to ...') beats one that did not.
    """
    found: list[tuple[Token, TriggerRule]] = []
    for token in doc:
        rules = knowledge.by_lemma.get(token.lemma_.lower())
        if not rules:
            continue
        fired = [rule for rule in rules if matches(token, rule, knowledge)]
        if fired:
            fired.sort(
                key=lambda rule: (
                    not rule.requires_word,
                    not rule.forbid_word,
                    not rule.requires_prep,
                )
            )
            found.append((token, fired[0]))
    return found
