"""Where a noun trigger finds its parties: the clause that holds it and the words around it.

A contact told as a noun ('his visit to Juba', 'during talks with X, Y said') takes parties
from the verb whose clause holds it, from names that modify it ('the Kenya-EU talks') and
from the contact a trip or call is for ('will visit Washington for talks with Biden').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..schema import Role, TriggerRule
from .compound import paired
from .embedded import past_adverb
from .knowledge import Knowledge
from .phrase import hyphened_names, members
from .spokesperson import speaks_for_others
from .subject import agent, subject_of
from .trigger import OBJECT_DEPS, heads_entity, prep_children

if TYPE_CHECKING:
    from .argument import Arguments

NOMINAL_LINKS = frozenset({"compound", "conj", "appos"})
GOVERNED_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "npadvmod", "dative"})


def governing_verb(noun: Token) -> tuple[Token | None, bool]:
    """The verb whose clause holds a noun trigger and whether the noun sits in one of its
    adjuncts: 'revealed [his call]' (object), 'during [a visit to Juba], Amos said' (adjunct).
    A noun that is the verb's subject ('the talks will continue') is governed by nothing."""
    current = noun
    adjunct = False
    for _ in range(5):
        head = current.head
        if head == current:
            return None, adjunct
        if current.dep_ in NOMINAL_LINKS and head.pos_ in {"NOUN", "PROPN"}:
            current = head
        elif current.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
            adjunct = True
            current = past_adverb(head.head)  # "ahead of talks with X, Y said"
            if current.pos_ in {"VERB", "AUX"}:
                return current, adjunct
        elif current.dep_ in GOVERNED_DEPS and head.pos_ in {"VERB", "AUX"}:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            if head.dep_ == "acl" and infinitive:
                return None, adjunct  # "Kenya's offer to host talks": an offer, not the talks
            return head, adjunct
        else:
            return None, adjunct
    return None, adjunct


def named_modifiers(noun: Token, knowledge: Knowledge) -> tuple[list[Token], list[Token]]:
    """Parties and venues named as modifiers of a noun trigger: 'Iran talks', 'the
    Kenya-EU talks' name parties; 'the Brussels summit' names where it meets."""
    parties: list[Token] = []
    venues: list[Token] = []
    for child in noun.children:
        if child.dep_ not in {"compound", "amod", "nmod"} or child.i > noun.i:
            continue
        # "the Kenya-EU talks": the compound's own compounds name parties too
        inner = [t for t in child.subtree if t.dep_ in {"compound", "amod", "nmod"}]
        for token in dict.fromkeys([child, *child.conjuncts, *inner]):
            if token.ent_type_ not in {"GPE", "NORP", "ORG", "PERSON", "FAC"}:
                continue
            if _same_name(token, noun):
                continue  # "the Nuclear Security Summit": the contact's own name, no party
            entry = knowledge.entry(token.ent_id_)
            if token.ent_type_ == "FAC" or (entry is not None and entry.kind == "city"):
                venues.append(token)  # "a Kremlin dinner", "the Brussels summit"
            else:
                parties.append(token)
    parties += [t for t in hyphened_names(noun) if t not in parties]
    return parties, venues


def _same_name(token: Token, noun: Token) -> bool:
    """The modifier and the noun are words of one entity ('Nuclear' in 'the Nuclear
    Security Summit')."""
    doc = token.doc
    return token.i < noun.i and all(doc[k].ent_iob_ == "I" for k in range(token.i + 1, noun.i + 1))


def partners_of_purpose(head: Token, knowledge: Knowledge) -> list[Token]:
    """'will visit Washington for talks with Biden': the contact a trip or call is for names
    the partners, as that contact noun's own rule maps its prepositions; the noun makes no
    record of its own (see `sense`), so the trip carries them."""
    found: list[Token] = []
    for prep in prep_children(head):
        if prep.lower_ != "for":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            rules = [
                r
                for r in knowledge.by_lemma.get(noun.lemma_.lower(), ())
                if r.event == "CONSULT" and "NOUN" in r.pos
            ]
            for inner in prep_children(noun):
                if any(r.preps.get(inner.lower_) == "recipients" for r in rules):
                    found.extend(m for p in inner.children if p.dep_ == "pobj" for m in members(p))
    return found


def hosted_parties(verb: Token, noun: Token, knowledge: Knowledge) -> list[Token]:
    """'Qatar hosted talks for Israel and Hamas', 'the talks Norway hosted for the two
    sides': whom a host holds a contact for, on the verb or on the contact's noun, are its
    other side."""
    if verb.lemma_.lower() not in knowledge.words("hosting_verbs"):
        return []
    return [
        m
        for prep in [*prep_children(verb), *prep_children(noun)]
        if prep.lower_ == "for"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for m in members(pobj)
    ]


def accord_parties(noun: Token, accords: frozenset[str]) -> list[Token]:
    """'talks on a truce between Israel and Hamas', 'the negotiations produced no pact
    between Kenya and Somalia': the parties of the accord a contact seeks or yields are
    the contact's."""
    outcomes = [p for p in prep_children(noun) for p in p.children if p.dep_ == "pobj"]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        verbs = [noun.head, *(c for c in noun.head.children if c.dep_ == "xcomp")]
        outcomes += [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    return [
        m
        for outcome in outcomes
        if outcome.lemma_.lower() in accords
        for prep in prep_children(outcome)
        if prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for m in members(pobj)
    ]


def paired_names(noun: Token) -> bool:
    """The noun's modifiers name two states joined by a hyphen ('the U.S.-Cuba talks')."""
    return any(paired(t) for t in noun.subtree if t.i < noun.i) or bool(hyphened_names(noun))


def holders(trigger: Token, governor: Token | None) -> list[Token]:
    """The words whose clause holds a trigger and may carry its venue: the governing verb of
    a noun, the verb a noun is the subject of ('a meeting was to take place in Kazakhstan'),
    or the verb a participle or infinitive hangs on ('is in London to meet')."""
    holders: list[Token] = []
    if governor is not None:
        holders.append(governor)
    else:
        subject_noun = trigger.pos_ == "NOUN" and trigger.dep_ in {"nsubj", "nsubjpass"}
        participle = trigger.pos_ == "VERB" and trigger.dep_ in {"advcl", "xcomp", "acl"}
        if subject_noun or participle:
            holders.append(trigger.head)
    for holder in list(holders):
        holders.extend(c for c in holder.children if c.dep_ == "xcomp" and c != trigger)
    return holders


def governed_arguments(
    args: Arguments,
    noun: Token,
    governor: Token,
    adjunct: bool,
    rule: TriggerRule,
    knowledge: Knowledge,
) -> None:
    """Participants a noun trigger takes from the clause that holds it.

    In an adjunct the clause's subject took part, and a person it acts on too ('the envoy urged
    the governor, during a meeting, to ...'). As an object, the subject took part unless the noun
    names its own parties ('welcomed the talks between X and Y' does not make the welcomer
    one, nor does 'praised the Israeli-Palestinian talks'; 'opened the U.S.-Cuba talks' does).
    """
    owned = any(
        c.dep_ == "poss"
        or (c.dep_ == "prep" and rule.preps.get(c.lower_) == "actors")
        or (c.dep_ == "relcl" and c.lemma_.lower() in rule.light_verbs)
        for c in noun.children
    )
    if owned and not adjunct:
        return
    # a phrase on another noun ('welcomed progress in the U.S.-Russian talks') is no adjunct
    # of the clause: the welcomer is no more a party than of 'welcomed the talks'
    on_noun = noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}
    aside = not adjunct or on_noun
    if aside and governor.lemma_.lower() not in rule.light_verbs and paired_names(noun):
        return  # "Cruz praised the Israeli-Palestinian talks": the pair's talks, not his
    subjects, passive = subject_of(governor)
    # "Kremlin spokesman Dmitry Peskov described the call with X": one who speaks for a
    # party tells of its contact and takes no part in it
    subjects = [s for s in subjects if not speaks_for_others(s, knowledge)]
    if passive:
        # "Diop was received by X at talks"; with no agent the subject took part: "it is
        # involved in negotiations"
        args.add(rule.subject, agent(governor) or subjects)
    elif noun not in subjects:
        args.add(_side_of_subject(noun, rule, adjunct), subjects)
    if adjunct:
        for child in governor.children:
            if child.dep_ in OBJECT_DEPS and child.ent_type_ == "PERSON":
                args.add(rule.object if rule.object != "none" else "recipients", members(child))


def _side_of_subject(noun: Token, rule: TriggerRule, adjunct: bool) -> Role:
    """'X greeted Y during the U.S. president's visit to China': a visit owned by a named
    visitor leaves the one the clause is about the host, its other side; 'during his visit,
    X said' keeps X the visitor."""
    named_owner = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)
    if adjunct and rule.mode == "visit" and named_owner:
        return "recipients"
    return rule.subject


def promised_to(verb: Token, obj: Token, rule: TriggerRule, knowledge: Knowledge) -> bool:
    """'promised Zelensky that the US would keep sending arms': a pledge whose object is
    what it promises takes a party as its object only as the one it is made to, when a
    clause tells what is promised."""
    if rule.object != "topic" or rule.preps.get("to") != "recipients":
        return False
    if not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return False
    return heads_entity(obj, knowledge.words("people_nouns"))
