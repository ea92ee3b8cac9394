"""The subject of a verb, followed up through the clauses that share it, and a passive's agent."""

from __future__ import annotations

from spacy.tokens import Token

from .embedded import controlling_object, finite_host, infinitive, uncoordinated
from .phrase import PARTY_LABELS, members

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Clauses that share their head's subject: "was scheduled to meet", "met ... and held talks".
SUBJECT_SHARING = frozenset({"xcomp", "conj", "advcl", "acl", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
NOUNS = frozenset({"NOUN", "PROPN"})


def described_by(subject: Token) -> Token | None:
    """'A Cuban-American, Senator X has criticized ...': the parser makes the description
    set before a name, an indefinite noun and a comma, a second subject of the verb; it says
    who the subject is and names no party of its own."""
    doc = subject.doc
    opening = subject.left_edge.i
    if opening == 0 or doc[opening - 1].text != ",":
        return None
    for other in subject.head.children:
        before = other.i < opening and other.right_edge.i == opening - 2
        if other.dep_ not in SUBJECT_DEPS or not before:
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in other.children):
            return other
    return None


def subject_of(
    verb: Token,
    controllers: frozenset[str] = frozenset(),
    purposes: frozenset[str] = frozenset(),
    texts: frozenset[str] = frozenset(),
) -> tuple[list[Token], bool]:
    """The subject heads of a verb and whether it is passive, following shared subjects up.
    Under one of the `controllers` ('left X to hold talks'), and in a gerund after 'of' or
    'for' ('criticized X for holding talks', `embedded.controlling_object`), the governing
    verb's object is the subject; the infinitive of one of the `purposes` nouns ('Blinken's
    trip to meet X') is done by the noun's possessor, and a participle on one of the `texts`
    nouns ('issued a statement urging X') by the text's author (`author_of`)."""
    current = verb
    # "has been charged": the verb's own passive makes whoever it shares a subject with its
    # object, as does a bare participle joined to a passive ("was arrested and charged")
    own_passive = any(c.dep_ == "auxpass" for c in verb.children)
    climbed: set[str] = set()
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if (
            subjects
            and current.dep_ == "relcl"
            and all(s.lower_ in RELATIVE_PRONOUNS for s in subjects)
        ):
            named = current.head
            if named.dep_ == "conj" and _whole_list(current, subjects[0]):
                # "Bahrain, Sudan and the UAE, which have all cut ties": the parser hangs
                # the clause on the last member, but it is said of them all
                while named.dep_ == "conj" and named.head != named:
                    named = named.head
            if named.dep_ == "attr" and named.head.lemma_ == "be":
                # "Lane ... is a retired colonel who toured": the one the colonel is
                copula = [c for c in named.head.children if c.dep_ in SUBJECT_DEPS]
                named = copula[0] if copula else named
            return described_members(named, current), False  # "Doe, who arrived in Nairobi"
        if len(subjects) > 1:  # "A Cuban-American, Senator X": the description is no subject
            described = {d for s in subjects if (d := described_by(s)) is not None}
            subjects = [s for s in subjects if s not in described]
        if subjects:
            if own_passive and "advcl" in climbed:
                return [], False  # "X struck Y, believed to be backed by Z": Y's, not X's
            return [m for s in subjects for m in members(s)], own_passive and current != verb
        passive = [c for c in current.children if c.dep_ == "nsubjpass"]
        if passive:
            # Only the verb's own passive subject is its object: in "X was scheduled to
            # meet Y", X is the one who meets.
            return [m for s in passive for m in members(s)], current == verb or own_passive or (
                _bare_participle(verb)
            )
        if current.dep_ == "relcl":  # "the minister, who met ..." -> the minister
            return described_members(current.head, current), False
        rootless = current.head.dep_ == "ROOT" and current.head.pos_ in {"NOUN", "PROPN"}
        if current.dep_ == "acl" and (current.tag_ == "VBD" or rootless):
            # a finite verb the parser hung on its own subject: "The director ..., Jane van
            # der Doe, called on Iran" (an 'acl' participle, "a move described as", is VBN)
            return members(current.head), False
        gerund_doer = controlling_object(current)
        if gerund_doer is not None:  # "accused Kyiv of supporting X": Kyiv supports
            return members(gerund_doer), False
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.lemma_.lower() in texts:
            # "issued a statement urging X", "a letter from 30 senators calling for":
            # the text says it, on behalf of whoever wrote it
            author = author_of(current.head)
            if author:
                return author, False
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in NOUNS:
            # "leaders meeting in Jakarta", "officials attending the talks": the noun an
            # active participle hangs on does it
            return members(current.head), False
        purpose = current.head.lemma_.lower() in purposes
        if current.dep_ == "acl" and purpose and infinitive(current):
            # "Blinken's trip to meet Wang", "Kenya's offer to host talks": the noun's
            # possessor does what its infinitive tells
            owners = [c for c in current.head.children if c.dep_ == "poss"]
            if owners:
                return members(owners[0]), False
        participle = current.dep_ == "acl" and current.tag_ == "VBN"
        if participle and (current == verb or own_passive) and current.head.pos_ in NOUNS:
            # "the rebels, thought to be armed by Tehran", "the deal signed by X": the
            # noun a passive participle hangs on is what it acts on
            return described_members(current.head, current), True
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "after meeting with X, Y said": the clause the phrase hangs on has the subject
            current = current.head.head
            continue
        if current.dep_ not in SUBJECT_SHARING or current.head == current:
            break
        controller = [c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i]
        if current.dep_ == "xcomp" and controller and current.head.lemma_.lower() in controllers:
            # "leaving the adviser to hold talks", "invited Diop to visit": the object of
            # the governing verb does it, not its subject
            return [m for c in controller for m in members(c)], False
        if (
            current.dep_ == "advcl"
            and current.tag_ not in {"VBG", "VBN"}
            and any(c.dep_ == "mark" for c in current.children)
        ):
            break  # "before X met Y": a new clause with its own subject
        if uncoordinated(current):
            break
        if current != verb:
            climbed.add(current.dep_)  # "X waves as he is welcomed by Y" climbs from the verb
        current = finite_host(current)
    return [], False


def author_of(text: Token) -> list[Token]:
    """Who wrote or issued a text: its possessor ('the ministry's statement'), an actor
    named before it ('a Kremlin statement', 'a U.N. report'), its 'from' or 'by' phrase ('a
    letter from 30 senators'), or the subject of the verb it is the object of ('the rebels
    issued a declaration', 'Kenya has sent a letter'). Empty when the text names none."""
    for child in text.children:
        if child.dep_ == "poss":
            return members(child)
    named = [
        c
        for c in text.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < text.i and c.ent_type_ in PARTY_LABELS
    ]
    if named:
        return [named[-1]]
    for prep in text.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"from", "by"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return members(objects[0])
    if text.dep_ == "dobj":
        return subject_of(text.head)[0]
    return []


def described_members(noun: Token, clause: Token) -> list[Token]:
    """The members of `noun` that a clause hung on it describes. In "Russia, which backs X,
    and Turkey, which backs Y" the clause closes before ', and Turkey' and is Russia's alone;
    in "Bahrain, Sudan and the UAE, which ..." it follows them all, and in "the powers who
    signed it - Britain, China and France -" the list after it names them."""
    found = members(noun)
    end = clause.right_edge.i
    later = [m for m in found if m.i > end]
    if not later:
        return found
    between = noun.doc[end + 1 : later[0].left_edge.i]
    joined = any(t.lower_ in {"and", "or"} for t in between)
    if joined and all(t.is_punct or t.lower_ in {"and", "or"} for t in between):
        return [m for m in found if m.i <= end]
    return found


def _bare_participle(verb: Token) -> bool:
    """'was arrested and charged': a participle joined to a passive, with no auxiliary or
    subject of its own, is passive too."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


# Verb forms that agree with one subject only: "..., which is", "..., who has".
SINGULAR_FORMS = frozenset({"is", "was", "has", "does", "'s"})
PLURAL_FORMS = frozenset({"are", "were", "have", "do", "'re", "'ve"})


def _whole_list(clause: Token, pronoun: Token) -> bool:
    """Whether a relative clause on the last member of a list is said of the whole list: a
    plural verb or 'all'/'both' says so; a verb that does not show its number ('which cut
    ties') does after a comma, as a clause on the last member alone would say 'which is'."""
    words = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    forms = {w.lower_ for w in words}
    if clause.tag_ == "VBZ" or forms & SINGULAR_FORMS:
        return False
    if forms & PLURAL_FORMS or clause.tag_ == "VBP":
        return True
    if any(c.lower_ in {"all", "both"} for c in clause.subtree if c.i < clause.i):
        return True
    if clause.head.ent_type_ == "PERSON":
        return False  # "met Ruto and Museveni, who arrived on Monday": the last one
    return pronoun.i > 0 and pronoun.doc[pronoun.i - 1].text == ","


def agent(verb: Token) -> list[Token]:
    return [
        member
        for prep in verb.children
        if prep.dep_ == "agent"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for member in members(pobj)
    ]
