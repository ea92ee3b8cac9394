"""Parse repairs: constructions of wire copy that the small English parser gets wrong, told
as edits (token, new head, new label) for the `eventx_people` component to apply before any
rule reads the tree.

- 'called Togolese President X on Thursday to congratulate him': the parser takes the name
  for the predicate of 'call X Y' (oprd) with no X; a person alone there is the object.
- 'Southeast Asian leaders meeting in Jakarta on Tuesday urged ...': a people noun followed
  by a gathering participle (`gathering_participles`) and a place; the parser makes the
  participle the subject of the main verb, or puts it in the main verb's place with the
  main verb hanging on it, so the main verb loses its subject and the meeting its
  participants. Repaired, the noun is the main verb's subject and the participle an 'acl'
  on it.
- 'a meeting between an Israeli peace group and the PLO took place': the parser ends the
  'between' phrase at 'and' and makes the second party the main verb's subject beside the
  contact noun; repaired, it is joined to the first.
- 'President X hosted opposition leaders at State House': the parser takes the past-tense
  verb for an adjective of the noun after it ('hosted leaders') and makes that noun the
  root, so the sentence has no verb. A past tense (VBD, not the participle VBN) is no
  adjective: after a noun phrase, it is that phrase's verb and the noun its object.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .knowledge import Knowledge

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SITE_PREPS = frozenset({"in", "at"})


@dataclass(frozen=True)
class Edit:
    """Give token `token` the head `head` (itself for a root) and the label `dep`; a
    participle also gets the tag and part of speech of one."""

    token: int
    head: int
    dep: str
    tag: str | None = None
    pos: str | None = None


def parse_edits(doc: Doc, knowledge: Knowledge) -> list[list[Edit]]:
    """Every repair a Doc needs, each a group of edits that apply together, in order."""
    repairs = [[Edit(t.i, t.head.i, "dobj")] for t in misparsed_objects(doc)]
    participles = knowledge.words("gathering_participles")
    for token in doc:
        if token.lower_ in participles and (edits := _gathering(token)):
            repairs.append(edits)
        if token.lower_ == "between" and (edits := _between_pair(token)):
            repairs.append(edits)
        if token.tag_ == "VBD" and token.dep_ == "amod" and (edits := _verb_as_modifier(token)):
            repairs.append(edits)
    return repairs


def apply_edits(doc: Doc, repairs: list[list[Edit]]) -> None:
    """Apply `parse_edits` to the Doc (the component's one write to the tree). A repair that
    would leave a token its own ancestor or move a head out of its sentence is skipped
    whole, so the tree stays a tree whatever the parse was."""
    if not repairs:
        return  # most Docs: no tree to copy
    heads = [t.head.i for t in doc]
    sentence: list[int] | None = None
    if doc.has_annotation("SENT_START"):
        # each token's sentence start, one pass over the sentences ('t.sent' per token walks
        # its whole sentence each time)
        sentence = [0] * len(doc)
        for sent in doc.sents:
            sentence[sent.start : sent.end] = [sent.start] * len(sent)
    for edits in repairs:
        trial = list(heads)
        for edit in edits:
            trial[edit.token] = edit.head
        if sentence is not None and any(sentence[e.token] != sentence[e.head] for e in edits):
            continue
        if not all(_reaches_root(trial, e.token) for e in edits):
            continue
        heads = trial
        for edit in edits:
            token = doc[edit.token]
            token.head = doc[edit.head]
            token.dep_ = edit.dep
            if edit.tag is not None:
                token.tag_ = edit.tag
            if edit.pos is not None:
                token.pos_ = edit.pos


def _finite(verb: Token) -> bool:
    """'urged', 'have urged', 'will ask': a tensed verb, or one with an auxiliary."""
    return verb.tag_ in FINITE_TAGS or (
        verb.tag_ in {"VB", "VBN"}
        and any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)
    )


def _reaches_root(heads: list[int], i: int) -> bool:
    for _ in range(len(heads)):
        if heads[i] == i:
            return True
        i = heads[i]
    return False


def misparsed_objects(doc: Doc) -> list[Token]:
    """People the parser took for the predicate of 'call X Y' ('called Pakistan a terrorist
    state') with no X: in 'called President X on Thursday to congratulate him' the name is
    the object. Such a predicate needs an object beside it; alone, a person is the object."""
    return [
        token
        for token in doc
        if token.dep_ == "oprd"
        and token.ent_type_ == "PERSON"
        and token.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"dobj", "dative"} for c in token.head.children)
    ]


def _gathering(participle: Token) -> list[Edit]:
    doc = participle.doc
    i = participle.i
    if i == 0 or i + 1 >= len(doc) or doc[i + 1].lower_ not in SITE_PREPS:
        return []
    people = doc[i - 1]
    if people.tag_ not in PLURAL_TAGS or people.head != participle:
        return []
    if participle.dep_ in {"nsubj", "nsubjpass"} and _finite(participle.head):
        # "leaders meeting in Jakarta urged ...": the participle took the subject's place
        verb = participle.head
        edits = []
    else:
        # "leaders meeting in Rome on Friday called on ...": the main verb hangs on it, and
        # takes its place (the root, or what a reporting verb says)
        verbs = [
            c
            for c in participle.children
            if c.dep_ in {"advcl", "conj", "ccomp"} and c.i > i and _finite(c)
        ]
        if not verbs:
            return []
        verb = verbs[0]
        root = participle.dep_ == "ROOT"
        edits = [Edit(verb.i, verb.i if root else participle.head.i, participle.dep_)]
        edits += [
            Edit(c.i, verb.i, "punct")
            for c in participle.children
            if c.dep_ == "punct" and c.i > verb.i
        ]
    # What hung on the participle before the people noun ("ADDIS ABABA — African leaders
    # meeting ...": the dateline) belongs to the sentence, not to the people
    edits += [Edit(c.i, verb.i, c.dep_) for c in participle.children if c.i < people.i]
    return [
        *edits,
        Edit(people.i, verb.i, "nsubj"),
        Edit(participle.i, people.i, "acl", tag="VBG", pos="VERB"),
    ]


def _between_pair(prep: Token) -> list[Edit]:
    """'between A and B <verb>' where B was made a second subject of the verb that the
    noun holding 'between' is the subject of: B is A's conjunct."""
    first = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if first is None or any(c.dep_ == "conj" for c in first.children):
        return []
    joiner = next((c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if joiner is None or joiner.i + 1 >= len(prep.doc):
        return []
    second = prep.doc[joiner.i + 1]
    for _ in range(len(prep.doc)):  # up to the head of the noun phrase after 'and'
        if second.head.i <= joiner.i or second.head == second:
            break
        if second.head.pos_ not in {"NOUN", "PROPN"}:
            break
        second = second.head
    if second.dep_ not in {"nsubj", "nsubjpass"} or second.pos_ not in {"NOUN", "PROPN"}:
        return []
    verb = second.head
    holder = prep.head
    if holder.head != verb or holder.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    return [Edit(second.i, first.i, "conj")]


def _verb_as_modifier(verb: Token) -> list[Edit]:
    """'X hosted opposition leaders': a past tense taken for an adjective of its object."""
    doc = verb.doc
    noun = verb.head
    if verb.i == 0 or noun.i <= verb.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    subject = doc[verb.i - 1]
    if subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return []  # ', repatriated Yemenis', "the group's continued attacks"
    # up to the head of the phrase before the verb ('the head of the agency hosted')
    for _ in range(len(doc)):
        up = subject.head
        if up == subject or up.i >= verb.i or up.dep_ == "ROOT":
            break
        subject = up

    def in_place_of(word: Token) -> Edit:
        root = word.head == word
        return Edit(verb.i, verb.i if root else word.head.i, "ROOT" if root else word.dep_)

    if noun.head != noun and noun.head.i < subject.i:
        # 'NAIROBI — X hosted leaders ...': the noun hung on the dateline, which the verb
        # takes the place of (the root, or what a reporting verb says)
        dateline = noun.head
        edits = [in_place_of(dateline), Edit(dateline.i, verb.i, "npadvmod")]
        edits += [Edit(c.i, verb.i, c.dep_) for c in dateline.children if c.i > noun.i]
    elif noun.dep_ in {"ROOT", "ccomp"}:
        edits = [in_place_of(noun)]
    else:
        return []
    # what hung on the noun before the subject (a dateline) belongs to the sentence
    edits += [Edit(c.i, verb.i, c.dep_) for c in noun.children if c.i < subject.i]
    return [*edits, Edit(subject.i, verb.i, "nsubj"), Edit(noun.i, verb.i, "dobj")]
