"""Parse repairs of coordinated lists of parties, told as `repair.Edit`s: members the parser
hangs somewhere else, and clauses it hangs on the wrong member.

- 'Russia, which backs X, and Turkey, which backs Y, brokered the deal': the parser joins
  Turkey to X, inside Russia's relative clause, and hangs Turkey's clause on X too; repaired,
  Turkey is Russia's conjunct and its clause is its own.
- 'backed by A fighters, B forces and Iraqi militias armed by Iran': a participle right after
  the last member that the parser hangs on a middle one belongs to the last.
- 'Russia, Turkey Agree to ...': a headline's subjects joined by a comma; the plural verb
  says the singular subject after the comma is not alone.
- 'the four states who signed the accords - Bahrain, Morocco, Sudan and the UAE - meet':
  a list of parties set off by a dash, hung on the clause's object, names the plural noun
  the clause describes.
- 'met the president of Kenya, William Ruto, and acting Prime Minister X': the name
  after the office is the office's, not a conjunct of the country, and the person after
  ', and' is the next member, not a clause the parser joins to the verb.
- 'the powers - Britain, China, and the United States - convene': the member after the list's
  'and' that the parser hangs on the next word is the list's last member.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .phrase import PARTY_LABELS, entity_from
from .repair import Edit

RELATIVE_PRONOUNS = frozenset({"which", "who", "whose", "whom"})
JOINERS = frozenset({"and", "or"})
NOMINAL = frozenset({"NOUN", "PROPN"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def list_edits(doc: Doc) -> list[list[Edit]]:
    """Every coordination repair a Doc needs, each a group of edits that apply together."""
    repairs: list[list[Edit]] = []
    for token in doc:
        if token.dep_ == "conj" and (edits := _member_after_clause(token)):
            repairs.append(edits)
        if token.dep_ in {"acl", "relcl"} and (edits := _clause_on_last_member(token)):
            repairs.append(edits)
        if token.dep_ == "cc" and (edits := _last_member_lost(token)):
            repairs.append(edits)
        if token.dep_ == "conj" and (edits := _name_of_office(token)):
            repairs.append(edits)
        if token.dep_ in {"appos", "conj"} and (edits := _dash_list(token)):
            repairs.append(edits)
    for sent in doc.sents:
        if edits := _headline_subjects(sent):
            repairs.append(edits)
    repairs.extend(_person_after_clause_joiner(doc, repairs))
    return repairs


def _member_after_clause(member: Token) -> list[Edit]:
    """'Russia, which backs Assad, and Turkey(, which ...) brokered': `member` (Turkey) hung on
    the clause's last noun is the conjunct of the noun the clause describes."""
    doc = member.doc
    joiner = member.left_edge.i - 1
    if joiner < 2 or doc[joiner].lower_ not in JOINERS or doc[joiner - 1].text != ",":
        return []
    if member.pos_ not in NOMINAL or member.ent_type_ not in PARTY_LABELS:
        return []
    inner = member.head
    if [c for c in inner.conjuncts if c != member]:
        return []  # 'which backs Assad, Iran, and Hezbollah': a list inside the clause
    clause = _enclosing_relative_clause(inner)
    if clause is None or inner.i > joiner:
        return []
    described = clause.head
    own = _own_clause(member, inner)
    after = (own.right_edge.i if own is not None else member.right_edge.i) + 1
    if own is not None and after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after] != described.head:
        return []  # the list's verb follows: 'and Turkey brokered', 'and Turkey, which ...,'
    edits = [
        Edit(member.i, described.i, "conj"),
        Edit(joiner - 1, described.i, "punct"),
        Edit(joiner, described.i, "cc"),
    ]
    if own is not None:  # the clause and the comma that opens it are the member's
        edits += [Edit(own.i, member.i, "relcl"), Edit(member.right_edge.i + 1, member.i, "punct")]
    return edits


def _enclosing_relative_clause(token: Token) -> Token | None:
    """The relative clause set off by a comma that `token` lies in ('Russia, which backs X')."""
    for up in [token, *token.ancestors]:
        if up.dep_ == "relcl":
            opener = up.left_edge
            if opener.lower_ in RELATIVE_PRONOUNS and up.doc[opener.i - 1].text == ",":
                return up
            return None
    return None


def _own_clause(member: Token, inner: Token) -> Token | None:
    """The relative clause right after `member` ('Turkey, which supports rebels'), wherever the
    parser hung it."""
    doc = member.doc
    comma = member.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    if doc[comma + 1].lower_ not in RELATIVE_PRONOUNS:
        return None
    verb = doc[comma + 1].head
    if verb.dep_ == "relcl" and verb.head in {member, inner}:
        return verb
    return None


def _clause_on_last_member(clause: Token) -> list[Edit]:
    """'A fighters, B forces and Iraqi militias armed by Iran': a participle or relative
    clause straight after the last member, hung on a middle one, is the last member's."""
    doc = clause.doc
    middle = clause.head
    if middle.dep_ != "conj" or clause.left_edge.i != clause.i or clause.i == 0:
        return []  # on the first member it may describe the whole list
    last = doc[clause.i - 1]
    if last.pos_ not in NOMINAL or last.dep_ != "conj" or last.head != middle:
        return []
    return [Edit(clause.i, last.i, clause.dep_)]


def _headline_subjects(sent: Span) -> list[Edit]:
    """'Russia, Turkey Agree ...', 'Egyptian President, Jordanian King Agree ...': a party,
    a comma, then a second party right before a plural verb; the two are the verb's
    subjects (one singular subject would take 'Agrees')."""
    doc = sent.doc
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma == sent.start or comma + 2 >= sent.end:
        return []
    first = doc[sent.start : comma]
    if not any(t.ent_type_ in PARTY_LABELS | {"TITLE"} for t in first):
        return []
    if not any(t.ent_type_ in PARTY_LABELS for t in first[:1]):
        return []  # the headline opens with the party: 'Russia', 'Egyptian President'
    verb = next((t for t in doc[comma + 1 : sent.end] if t.tag_.startswith("VB")), None)
    if verb is None or verb.tag_ != "VBP" or verb.i == comma + 1:
        return []
    second = doc[comma + 1 : verb.i]
    if not any(t.ent_type_ in PARTY_LABELS | {"TITLE"} for t in second):
        return []
    head = first.root
    if second.root.head not in (verb, head) or second.root.tag_ not in SINGULAR_TAGS:
        return []
    return [
        Edit(head.i, verb.i, "nsubj"),
        Edit(second.root.i, head.i, "conj"),
        Edit(comma, head.i, "punct"),
    ]


def _last_member_lost(joiner: Token) -> list[Edit]:
    """'Britain, China, Japan, and the United States - convene': the party after the list's
    'and', hung on the verb after it, is the list's last member."""
    doc = joiner.doc
    member = joiner.head
    if joiner.lower_ not in JOINERS or member.ent_type_ not in PARTY_LABELS:
        return []
    if member.dep_ != "conj" or doc[joiner.i - 1].text != ",":
        return []  # a list of three or more: 'A, B, and C'
    start = joiner.i + 1
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    if start >= len(doc) or doc[start].ent_iob_ != "B" or doc[start].ent_type_ not in PARTY_LABELS:
        return []
    named = entity_from(doc[start])
    end, last = named.end, named.root
    if last.dep_ in {"conj", "nsubj", "nsubjpass"} or last.head.i < end:
        return []  # joined already, or the subject of a clause of its own
    if last.head.pos_ in NOMINAL:
        return []  # 'and Jordanian King Abdullah': a modifier of the next name
    edits = [Edit(last.i, member.i, "conj")]
    if start > joiner.i + 1:
        edits.append(Edit(joiner.i + 1, last.i, "det"))
    return edits


def _name_of_office(name: Token) -> list[Edit]:
    """'the president of Kenya, William Ruto,': a person the
    parser joins to the country of an office is the office's holder (its apposition)."""
    doc = name.doc
    country = name.head
    if name.ent_type_ != "PERSON" or country.ent_type_ != "GPE" or country.dep_ != "pobj":
        return []
    of = country.head
    office = of.head
    if of.lower_ != "of" or office.ent_type_ != "TITLE" or office.tag_ != "NN":
        return []
    if [c for c in country.conjuncts if c != name] or doc[name.left_edge.i - 1].text != ",":
        return []  # 'the presidents of Egypt, Jordan and ...': a list of countries
    after = name.right_edge.i + 1
    if after < len(doc) and doc[after].text not in {",", "."}:
        return []
    return [Edit(name.i, office.i, "appos")]


def _person_after_clause_joiner(doc: Doc, repairs: list[list[Edit]]) -> list[list[Edit]]:
    """'met with the president, William Ruto, and acting Prime Minister Osman Hussein': the
    person after ', and', which the parser joins to the verb (or to 'acting' read as a verb),
    is the conjunct of the party named before the comma."""
    holders = {e.head: e.token for edits in repairs for e in edits if e.dep == "appos"}
    found: list[list[Edit]] = []
    for joiner in doc:
        if joiner.dep_ != "cc" or joiner.lower_ not in JOINERS or joiner.i < 2:
            continue
        verb = joiner.head
        comma = doc[joiner.i - 1]
        if comma.text != "," or verb.pos_ not in {"VERB", "AUX"}:
            continue
        party = _party_ending_at(doc, comma.i - 1, verb, holders)
        person = _person_phrase_after(joiner, verb)
        if party is not None and person is not None:
            edits = [Edit(person.i, party.i, "conj"), Edit(joiner.i, party.i, "cc")]
            opener = doc[joiner.i + 1]
            if opener.tag_ == "VBG" and opener != person:  # 'acting', read as a verb
                edits.append(Edit(opener.i, person.i, "amod", tag="JJ", pos="ADJ"))
            found.append(edits)
    return found


def _party_ending_at(doc: Doc, last: int, verb: Token, holders: dict[int, int]) -> Token | None:
    """The person or office, an object of `verb`, whose phrase ends at token `last`."""
    for office, name in holders.items():
        if doc[name].right_edge.i == last:
            return doc[office]
    head = doc[last]
    while head.head != head and head.head.i <= last and head.head != verb:
        if head.dep_ in {"dobj", "pobj"} and head.ent_type_ in {"PERSON", "TITLE"}:
            break
        head = head.head
    if head.ent_type_ not in {"PERSON", "TITLE"} or head.dep_ not in {"dobj", "pobj"}:
        return None
    governor = head.head if head.dep_ == "dobj" else head.head.head
    return head if governor == verb else None


def _person_phrase_after(joiner: Token, verb: Token) -> Token | None:
    """The person named from 'and' to the sentence's end ('and acting Sudanese Prime Minister
    Osman Hussein.'), if the parser hung it on `verb` or on a participle joined to it."""
    doc = joiner.doc
    end = joiner.i + 1
    while end < len(doc) and not doc[end].is_sent_start and doc[end].text not in {".", ";"}:
        end += 1
    phrase = doc[joiner.i + 1 : end]
    people = [
        t
        for t in phrase
        if t.ent_type_ == "PERSON" and (t.head.ent_type_ != "PERSON" or not _inside(t.head, phrase))
    ]
    if len(people) != 1 or any(t.dep_ in {"nsubj", "nsubjpass"} for t in phrase):
        return None
    person = people[0]
    verbs = [t for t in phrase if t.pos_ in {"VERB", "AUX"}]
    if person.head == verb and not verbs:
        return person
    if len(verbs) == 1 and verbs[0] == phrase[0] and verbs[0].tag_ == "VBG":
        return person if person.head == verbs[0] and verbs[0].head == verb else None
    return None


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


DASHES = frozenset({"-", "—", "–", "--"})


def _dash_list(first: Token) -> list[Edit]:
    """'the four states who signed the accords - Bahrain, Morocco, ...': the list after the
    dash is the states (the noun the clause describes), not the accords it hung on."""
    doc = first.doc
    if first.left_edge.i == 0 or doc[first.left_edge.i - 1].text not in DASHES:
        return []
    listed = [first, *(c for c in first.conjuncts if c.i > first.i)]
    if len(listed) < 2 or any(t.ent_type_ not in PARTY_LABELS for t in listed):
        return []
    thing = first.head
    if thing.ent_type_ or thing.pos_ != "NOUN" or thing.i > first.i:
        return []
    clause = next((a for a in thing.ancestors if a.dep_ == "relcl"), None)
    if clause is None or clause.head.tag_ not in PLURAL_TAGS or clause.head.ent_type_:
        return []
    return [Edit(first.i, clause.head.i, "appos")]
