"""Phrases that name parties: coordination, 'including' lists and the entities inside a phrase."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .bloc import bloc_author
from .company import companions

# Prepositions that introduce the members of a group: "governments, including Mali and Niger".
INCLUDING = frozenset({"including", "notably", "like", "among"})
PARTY_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP"})


def entity_from(token: Token) -> Span:
    """The entity that begins at `token` (whose `ent_iob_` is "B")."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[token.i : end]


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('Burkina Faso and Niger').

    Coordination hanging off an apposition counts too: in "Egypt's Foreign Minister Jane
    Doe and Jordan's ... Richard Roe", the parser attaches Roe to Doe.
    """
    found = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj not in found:
            found.append(conj)
    for appos in [c for c in token.children if c.dep_ == "appos"]:
        listed = [conj for conj in appos.conjuncts if conj.i > appos.i and conj not in found]
        if listed and _lists_the_group(token, appos):
            found.append(appos)  # "the four states - Bahrain, Morocco and Sudan -"
        found.extend(listed)
    if token.ent_type_ == "PERSON":
        found.extend(t for t in _coordinated_names(token) if t not in found)
    return found


def _lists_the_group(group: Token, appos: Token) -> bool:
    """Whether an apposition that opens a list names the first member of a group noun's list
    ('the powers - Britain, China and France'), not the group's own name."""
    return not group.ent_type_ and group.tag_ == "NNS" and appos.ent_type_ in PARTY_LABELS


def _coordinated_names(name: Token) -> list[Token]:
    """Other people named in a name's own phrase with 'and' between them, where the parser
    folded the coordination into modifiers ('Minister Le Van An and ... Kim Min-jun')."""
    phrase = list(name.subtree)
    if not any(t.dep_ == "cc" and t.lower_ == "and" for t in phrase):
        return []
    others: list[Token] = []
    for token in phrase:
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            ent = entity_from(token)
            if not (ent.start <= name.i < ent.end):
                others.append(ent.root)
    return others


def members(token: Token) -> list[Token]:
    """Heads of the phrase's referents, expanding coordination and 'including' lists.

    'several governments in the region, including Burkina Faso and Niger' stands for
    Burkina Faso and Niger.
    """
    heads: list[Token] = []
    shared = _shared_modifiers(token) or _officials_of_countries(token)
    if shared:
        return shared  # "U.S. and Russian negotiators": one party per country
    for head in conjuncts(token) + companions(token):
        included = [
            member
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in INCLUDING
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for member in conjuncts(pobj)
            if member.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}  # not "including rights"
        ]
        heads.extend(included or [head])
    return heads


def _officials_of_countries(noun: Token) -> list[Token]:
    """'The defence ministers of Spain and Portugal': one party per country listed."""
    if noun.tag_ != "NNS" or noun.ent_type_:
        return []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            listed = [pobj, *pobj.conjuncts]
            countries = all(t.ent_type_ == "GPE" for t in listed)
            if pobj.dep_ == "pobj" and len(listed) > 1 and countries:
                return sorted(listed, key=lambda t: t.i)
    return []


def _shared_modifiers(noun: Token) -> list[Token]:
    """Coordinated nationalities or countries modifying one plural noun."""
    if noun.tag_ != "NNS":
        return []
    for child in noun.children:
        if child.dep_ in {"amod", "nmod", "compound"} and child.ent_type_ in {"GPE", "NORP"}:
            coordinated = [child, *child.conjuncts]
            if len(coordinated) > 1 and all(t.ent_type_ in {"GPE", "NORP"} for t in coordinated):
                return sorted(coordinated, key=lambda t: t.i)
    return []


# Parts of a phrase that name other things than its target: a subordinate clause ("after
# Manila signed a deal with Japan") or a comparison ("as interference in parliament").
ASIDE_DEPS = frozenset({"advcl", "relcl", "parataxis"})
# ... a time ("agreed to speak again after the European Council meeting") or a cause
# ("threatened to cut ties with X over its ties with Y").
ASIDE_PREPS = frozenset({"as", "after", "before", "during", "since", "until", "over"})


def _on_the_eve(prep: Token) -> bool:
    """'on the eve of talks with X', 'on the sidelines of ...': when, not who."""
    return prep.lower_ == "on" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in {"eve", "sidelines", "margins", "anniversary"}
        for c in prep.children
    )


# Inside an object phrase these say where something is or comes from, not who takes part:
# "militants in Azerbaijan", "a refugee camp in Thailand", "withdrawal ... from Bosnia".
WHERE_PREPS = frozenset({"in", "inside", "near", "from", "across", "throughout"})


def _where(token: Token, phrase: Token) -> bool:
    """Deeper inside an object phrase: a locative naming a place, on a noun itself inside a
    prepositional phrase ('supplies to the camp in Thailand'), or a participle clause with
    its own participants ('deals reached with Israel', 'refugees fleeing an offensive by
    Assad's forces'). The object's own place stays
    ('deploy peacekeepers in Iraq'), and so does a clause's agent or parties ('attacks
    carried out by Russia', 'the agreement reached between Sudan and South Sudan')."""
    if token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"}:
        # "the agreement reached between Sudan and South Sudan" names its parties
        return not any(c.dep_ == "agent" or c.lower_ == "between" for c in token.children)
    if token.dep_ != "prep" or token.lower_ not in WHERE_PREPS or token.head == phrase:
        return False
    if token.head.dep_ != "pobj":
        return False  # "to deploy peacekeepers in Iraq": where the act takes place
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objects)


# "a Saudi-owned weekly", "a London-based group", "the US-born suspect": where something is
# from, not a party.
ORIGIN_PARTICIPLES = frozenset({"owned", "based", "born", "registered", "flagged", "educated"})


def _origin(token: Token) -> bool:
    return token.head.lower_ in ORIGIN_PARTICIPLES and token.i < token.head.i


# Links from a modifier to the noun it belongs to in a person's title: "Ukrainian President
# Zelenskyy", "Kenya's new President William Ruto".
# Prepositions that tell what a text or plan is about ('a resolution on Syria').
SUBJECT_MATTER_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})

TITLE_LINKS = frozenset({"amod", "compound", "nmod", "poss"})


def _describes_person(root: Token) -> bool:
    """A nationality or country in the title of a named person ('refused to meet Ukrainian
    President Zelenskyy') is that person's country, not another party."""
    current = root
    for _ in range(4):
        if current.dep_ not in TITLE_LINKS or current.head.i < current.i:
            return False
        current = current.head
        if current.ent_type_ == "PERSON" or _named_by_apposition(current):
            return True
    return False


def _named_by_apposition(noun: Token) -> bool:
    """A description set beside a name: 'his Ukrainian counterpart, Andrii Sybiha' or
    'Andrii Sybiha, his Ukrainian counterpart'."""
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def entities_within(
    head: Token, skip_subjects: bool = False, asides: frozenset[str] = frozenset()
) -> list[Token]:
    """Roots of the actor entities inside a phrase, in text order ('Russia's attack'); a
    country in a named person's title is left to the person, and phrases under the
    prepositions `asides` are left out."""
    skipped: set[int] = set()
    for token in head.subtree:
        aside = token.dep_ in ASIDE_DEPS or (
            token.dep_ == "prep"
            and (token.lower_ in ASIDE_PREPS or token.lower_ in asides or _on_the_eve(token))
        )
        if token != head and (aside or _where(token, head)):
            skipped.update(t.i for t in token.subtree)
    if skip_subjects:
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                skipped.update(t.i for t in child.subtree)
    found: list[Token] = []
    for token in head.subtree:
        if token.i in skipped or token.ent_iob_ != "B" or _origin(token):
            continue
        if token.ent_type_ in {"PERSON", "GPE", "ORG", "NORP", "FAC"}:
            ent = entity_from(token)
            if ent.label_ != "PERSON" and _describes_person(ent.root):
                continue
            if token.ent_type_ == "GPE" and opens_a_body(ent):
                continue  # "the Kenya Anti-Corruption Commission": the body's, not Kenya
            found.append(ent.root)
    return found


def opens_a_body(ent: Span) -> bool:
    """A place's name compounded onto the organization named right after it ('Kenya' in
    'the Kenya Revenue Authority', 'Israel' in 'Israel Democracy Institute')."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].ent_type_ != "ORG" or doc[ent.end].ent_iob_ != "B":
        return False
    body = entity_from(doc[ent.end])
    return all(t.dep_ == "compound" and body.start <= t.head.i < body.end for t in ent)


def owner_entities(
    noun: Token,
    custody: frozenset[str] = frozenset(),
    harm: frozenset[str] = frozenset(),
    asides: frozenset[str] = frozenset(),
    documents: frozenset[str] = frozenset(),
    affairs: frozenset[str] = frozenset(),
    extent: frozenset[str] = frozenset({"in"}),
    blocs: frozenset[str] = frozenset(),
    authored: frozenset[str] = frozenset(),
) -> list[Token]:
    """The parties an object noun belongs to: its possessor ('rejected Turkey's demand to cut
    ties with Syria' targets Turkey), else its doer ('abuses by Croatian paramilitaries against
    Serb villagers', 'killings committed by Croat troops'), else a nationality or country before
    it ('aid to the Sudanese refugee camp in Chad'), else what it is of ('the pullout of Russian
    troops from Moldova'), else any entity in its phrase. An act of `custody` or `harm` done to
    someone belongs to its doer, never to the one it is done to (see `_doer_of_act`). What a
    text or plan of `documents` is about is not whose it is: 'rejected the resolution on Syria'
    names no Syrian side. A state of `affairs` ('the crackdown on protesters across Iran')
    belongs, like custody, to the country where it holds, named after one of `extent`. A
    bloc adjective of `blocs` on a noun of what is said, asked or offered (`authored`) names
    its author as a nationality would (see `bloc.bloc_author`)."""
    if noun.lemma_.lower() in documents:
        asides = asides | SUBJECT_MATTER_PREPS
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"] + [
        agent
        for clause in noun.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN"
        for agent in clause.children
        if agent.dep_ == "agent"
    ]
    by += stray_agents(noun)
    # the doer's own words, not its phrase's: "by Croatian paramilitaries against Serb villagers"
    doers = [
        token
        for prep in by
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for member in conjuncts(pobj)  # "the deal signed by Uganda and Rwanda"
        for token in (member, *_left_modifiers(member))
    ]
    # what the noun is of: "the pullout of Russian troops from Moldova"
    of = [
        token
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for token in (pobj, *_left_modifiers(pobj))
    ]
    lemma = noun.lemma_.lower()
    if lemma in custody or lemma in harm or lemma in affairs:
        held = lemma in custody or lemma in affairs
        return _doer_of_act(noun, possessors + doers, of, held, extent)
    modifiers = list(dict.fromkeys([*_left_modifiers(noun), *hyphened_names(noun)]))
    for owners in (possessors, doers, modifiers, of):
        found = [t for child in owners for t in _own_entities(child, asides)]
        if owners is modifiers:  # "Western accusations"
            found += [c for c in noun.children if bloc_author(c, blocs, authored)]
        if found:
            return found
    return entities_within(noun, asides=asides)


def stray_agents(noun: Token) -> list[Token]:
    """'condemned the killings of protesters by Myanmar's army': the small parser hangs the
    'by' phrase on the verb as its agent, but an active verb has none; it is the object's."""
    verb = noun.head
    if noun.dep_ != "dobj" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "agent" and c.i > noun.i]


def _doer_of_act(
    noun: Token, doers: list[Token], of: list[Token], held: bool, extent: frozenset[str]
) -> list[Token]:
    """'condemned Iran's detention of X', 'the arrest of X by police': whoever did it. Holding
    someone is what a state does, so for an arrest or detention the country where it happens
    ('the detention of a reporter in Iran') stands for the doer, else the country of the one
    held ('the jailing of Russian opposition leader X'); a killing without a named doer has
    no target here, and the person held or harmed is never one."""
    found = [t for child in doers for t in _own_entities(child)]
    if found or not held:
        return found
    for token in noun.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in extent and token.ent_type_ == "GPE":
            return [entity_from_inside(token).root]
    held_by = [
        t
        for pobj in of
        if pobj.dep_ == "pobj"
        for t in pobj.subtree
        if t.ent_type_ in {"GPE", "NORP"} and t.ent_iob_ == "B" and t.dep_ != "pobj"
    ]
    return held_by[:1]


def entity_from_inside(token: Token) -> Span:
    """The entity a token is part of."""
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return entity_from(token.doc[start])


# Names joined by hyphens before a noun: "India-Pakistan talks", "U.S.-Russian nuclear talks".
PAIRED_LABELS = frozenset({"GPE", "NORP", "ORG"})


def hyphened_names(noun: Token) -> list[Token]:
    """The names a hyphen joins just before a noun, over its plain lowercase modifiers
    ('U.S.-Russian nuclear talks'), however the parser hung them: the small model often
    makes 'India' in 'India-Pakistan talks' a stray dependent of the verb. One name alone is
    left to the parse."""
    doc = noun.doc
    k = noun.i - 1
    while k >= 0 and noun.i - k <= 2 and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
        k -= 1  # "nuclear", "trade"
    found: list[Token] = []
    while k >= 0 and doc[k].ent_type_ in PAIRED_LABELS:
        name = entity_from_inside(doc[k])
        found.append(name.root)
        k = name.start - 1
        if k < 1 or doc[k].tag_ != "HYPH":
            break
        k -= 1
    return found[::-1] if len(found) > 1 else []


def _left_modifiers(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in TITLE_LINKS and c.i < noun.i]


def _own_entities(token: Token, asides: frozenset[str] = frozenset()) -> list[Token]:
    """The entity a token is part of, else the entities inside its phrase."""
    if token.ent_type_ in {"PERSON", "GPE", "ORG", "NORP", "FAC"}:
        return [entity_from_inside(token).root]
    if token.dep_ == "pobj":
        return []
    return entities_within(token, asides=asides)
