"""Repairing person names that the rulers or the statistical NER took for something else."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .context import DASHES
from .knowledge import Knowledge, name_key

# Entity labels a surname is mistaken for: a city ruler hit ("Maria Lima"), or NER noise.
MISTAKABLE = frozenset(
    {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", ""}
)


def _is_name_token(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.pos_ == "PROPN" and token.is_title and token.ent_type_ == "" and token.is_alpha


def _mistakable(ent: Span, knowledge: Knowledge) -> bool:
    """A single-word entity that could be a surname: not a country, capital or known body."""
    if ent.label_ not in MISTAKABLE or len(ent) > 2:
        return False
    entry = knowledge.entry(ent.ent_id_)
    return entry is None or (entry.kind in {"city", "state"} and entry.capital_of is None)


def repair_person_ents(doc: Doc, knowledge: Knowledge) -> list[Span]:
    """Entities with person names restored.

    - 'Maria Lima', 'Foreign Minister Lima': a given name or a title right before a
      city that is not a capital makes the pair a person;
    - a later bare surname ('Lima', 'Doe') that the document introduced as a person
      is that person, whatever label it got.
    """
    ents = [_without_pronoun(doc, piece) for ent in doc.ents for piece in _cut_at_dash(doc, ent)]
    repaired: list[Span] = []
    for ent in ents:
        start = ent.start
        if ent.label_ != "PERSON" and _known_holder(ent, knowledge):
            # "Macron met Scholz": a known office holder the NER took for a place
            repaired.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        bodies = knowledge.words("organization_words") | knowledge.words(
            "foreign_institution_words"
        )
        if _particle_name(ent, bodies):
            # "Anneke de Vries", "Omar bin Saleh" taken for an organisation
            repaired.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if _title_surname(doc, ent):
            # "Defence Secretary Tom King": a surname that is also a title word
            repaired.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
            continue
        if _appositive_name(ent, knowledge.words("organization_words")):
            repaired.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if _mistakable(ent, knowledge):
            before = start - 1
            if before >= 0 and _is_name_token(doc, before):
                while before - 1 >= 0 and _is_name_token(doc, before - 1):
                    before -= 1
                repaired.append(Span(doc, before, ent.end, label="PERSON"))
                continue
            if before >= 0 and doc[before].ent_type_ == "TITLE" and ent.label_ != "ORG":
                repaired.append(Span(doc, start, ent.end, label="PERSON"))
                continue
        repaired.append(ent)
    repaired = _merge_given_names(doc, repaired)
    honorifics = knowledge.words("honorifics")
    repaired = [_with_particle_tail(doc, _with_given_names(doc, ent)) for ent in repaired]
    repaired = [_without_honorifics(doc, ent, honorifics) for ent in repaired]
    repaired = [_with_hyphenated_tail(doc, ent) for ent in repaired]
    repaired += _unlabelled_names(doc, repaired)
    # a function word is no surname, even where a glued subhead ends a name ('Abe-The')
    regnal = knowledge.words("regnal_numbers")
    surnames = {
        _surname(ent, regnal).text
        for ent in repaired
        if ent.label_ == "PERSON" and len(ent) > 1 and not _surname(ent, regnal).is_stop
    }
    final = [
        Span(doc, ent.start, ent.end, label="PERSON")
        if ent.label_ != "PERSON"
        and len(ent) == 1
        and ent.text in surnames
        and _mistakable(ent, knowledge)
        else ent
        for ent in repaired
    ]
    # A surname the NER left out altogether.
    covered = {i for ent in final for i in range(ent.start, ent.end)}
    for token in doc:
        # A known surname needs no part-of-speech evidence: sentence-initial names are
        # often tagged NOUN.
        known = token.pos_ == "PROPN" and name_key(token.text) in knowledge.holders_by_name
        if token.i not in covered and (token.text in surnames or known) and token.is_title:
            final.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    final += _contact_party_names(doc, final, knowledge)
    final += _listed_with_people(doc, final, knowledge)
    return filter_spans(final)


def _cut_at_dash(doc: Doc, ent: Span) -> list[Span]:
    """'CARACAS — Jane Doe' taken as one entity: a dateline's dash ends the place before it
    (in capitals, a place) and starts the name after it (title-case words, a person)."""
    dash = next((t.i for t in ent if t.text in DASHES), None)
    if dash is None:
        return [ent]
    pieces: list[Span] = []
    before, after = doc[ent.start : dash], doc[dash + 1 : ent.end]
    if len(before) and all(t.is_upper or not t.is_alpha for t in before):
        pieces.append(Span(doc, before.start, before.end, label="GPE"))
    if len(after):
        named = 2 <= len(after) <= 4 and all(t.is_title and t.pos_ == "PROPN" for t in after)
        pieces.append(Span(doc, after.start, after.end, label="PERSON" if named else ent.label_))
    return pieces


# Only those that open no name: 'My Tho' is a city, 'Our Lady' a church, 'His Majesty' a title.
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def _without_pronoun(doc: Doc, ent: Span) -> Span:
    """'Its Department of Transport' taken as one name at a sentence's start: the pronoun
    is no part of it, but whose the body is."""
    if len(ent) > 1 and ent[0].lower_ in POSSESSIVE_PRONOUNS:
        return Span(doc, ent.start + 1, ent.end, label=ent.label_, span_id=ent.ent_id_)
    return ent


def _surname(ent: Span, regnal: frozenset[str]) -> Token:
    """A name's last word, before a regnal number ('Mohammed VI' -> 'Mohammed')."""
    if len(ent) > 1 and ent[-1].lower_ in regnal:
        return ent[-2]
    return ent[-1]


def _contact_party_names(doc: Doc, ents: list[Span], knowledge: Knowledge) -> list[Span]:
    """'Vogt met Macron in Paris': the small NER leaves an unfamiliar surname untagged, but a
    capitalised name meeting, hosting or talking with a named person is a person too. Only
    bare proper nouns with no entity at all qualify, so places, bodies and dates stay."""
    verbs = knowledge.words("person_contact_verbs")
    calendar = knowledge.words("calendar_words")
    labels = {i: ent.label_ for ent in ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for token in doc:
        # a known holder's surname opening a sentence is often tagged NOUN ('Trump met ...')
        known = token.is_title and name_key(token.text) in knowledge.holders_by_name
        if token.i in labels or not (_bare_name(token) or known) or token.lower_ in calendar:
            continue
        verb = _contact_verb(token, verbs)
        if verb is None:
            continue
        others = [m for p in _contact_parties(verb) for m in (p, *p.conjuncts) if m != token]
        if not any(labels.get(p.i) == "PERSON" for p in others):
            continue
        start = token.i
        while start > 0 and doc[start - 1].head == token and _bare_name(doc[start - 1]):
            if doc[start - 1].i in labels or doc[start - 1].dep_ != "compound":
                break
            start -= 1  # "Hans Vogt": the given name the parser hung on the surname
        found.append(Span(doc, start, token.i + 1, label="PERSON"))
    return found


def _listed_with_people(doc: Doc, ents: list[Span], knowledge: Knowledge) -> list[Span]:
    """'Obama, Park and Abe met': a bare capitalised name in a list of people, which the
    small NER left untagged, is a person too."""
    calendar = knowledge.words("calendar_words")
    labels = {i: ent.label_ for ent in ents for i in range(ent.start, ent.end)}
    # people the list is sure of: a known person, or a name in full ('Twitter' alone, which
    # the NER may take for a person, makes no list of people)
    sure = {
        i
        for ent in ents
        if ent.label_ == "PERSON" and (ent.ent_id_ or len(ent) > 1)
        for i in range(ent.start, ent.end)
    }
    return [
        Span(doc, token.i, token.i + 1, label="PERSON")
        for token in doc
        if token.i not in labels
        and _bare_name(token)
        and token.lower_ not in calendar
        and not token.is_sent_start
        and any(other.i in sure for other in token.conjuncts)
        and not any(c.dep_ == "compound" for c in token.children)
    ]


def _bare_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha and len(token) > 2


def _contact_verb(token: Token, verbs: frozenset[str]) -> Token | None:
    """The contact verb whose subject, object or 'with' partner the token is, or a member
    of ('hosted Merkel and Vogt')."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ in {"nsubj", "dobj"}:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "with":
        verb = token.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs else None


def _contact_parties(verb: Token) -> list[Token]:
    parties = [c for c in verb.children if c.dep_ in {"nsubj", "dobj"}]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            parties += [c for c in prep.children if c.dep_ == "pobj"]
    return parties


# Lower-case words inside names: "Jane van der Doe", "Yusuf bin Saleh".
NAME_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "da",
        "di",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
    }
)


def _particle_name(ent: Span, organization_words: frozenset[str]) -> bool:
    """Capitalised names joined by a lower-case name particle ('Anneke de Vries'), with no
    organisation word and no id: a person's name, not a body's."""
    # Places are left alone: "Santiago de Compostela", "Rio de la Plata".
    if ent.label_ not in {"ORG", "NORP"} or ent.ent_id_ or not 3 <= len(ent) <= 5:
        return False
    if not any(t.text in NAME_PARTICLES for t in ent[1:-1]):
        return False
    names = [t for t in ent if t.text not in NAME_PARTICLES]
    return all(t.is_title and t.is_alpha for t in names) and not any(
        t.lower_ in organization_words for t in ent
    )


def _known_holder(ent: Span, knowledge: Knowledge) -> bool:
    """An entity whose whole text is a known office holder's name or short form, and that
    the rule files do not know as something else ('Scholz', not 'Jordan' the country)."""
    if ent.label_ not in MISTAKABLE or knowledge.entry(ent.ent_id_) is not None:
        return False
    return name_key(ent.text) in knowledge.holders_by_name


def _with_particle_tail(doc: Doc, ent: Span) -> Span:
    """'Ursula von der' + 'Leyen', 'Anneke de' + 'Vries': a name the NER cut after its
    particles; the capitalised word after them belongs to it, whatever label it got."""
    if ent.label_ != "PERSON":
        return ent
    end = ent.end
    while end < len(doc) and doc[end].text in NAME_PARTICLES:
        end += 1
    cut = end > ent.end or ent[-1].text in NAME_PARTICLES
    if cut and end < len(doc) and doc[end].is_title and doc[end].is_alpha:
        return Span(doc, ent.start, end + 1, label="PERSON", span_id=ent.id_)
    return ent


def _without_honorifics(doc: Doc, ent: Span, honorifics: frozenset[str]) -> Span:
    """'Mr Kerry', 'Sheikh Tamim': a word of address is not part of the name."""
    start = ent.start
    while ent.label_ == "PERSON" and start < ent.end - 1 and doc[start].lower_ in honorifics:
        start += 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="PERSON", span_id=ent.id_)


def _with_given_names(doc: Doc, ent: Span) -> Span:
    """'Recep' + 'Tayyip Erdoğan': capitalised names right before a person the NER found
    are their given names."""
    if ent.label_ != "PERSON":
        return ent
    start = ent.start
    while start > ent.sent.start and _is_name_token(doc, start - 1):
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="PERSON")


def _title_surname(doc: Doc, ent: Span) -> bool:
    """A one-word title ('King', 'Major') right after a given name no one labelled and before
    no other name word is that person's surname ('Tom King', 'John Major')."""
    if (
        ent.label_ != "TITLE"
        or len(ent) != 1
        or ent.start == 0
        or not _is_name_token(doc, ent.start - 1)
    ):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or not (after.is_title and after.pos_ == "PROPN")


def _appositive_name(ent: Span, organization_words: frozenset[str]) -> bool:
    """'the Chairperson of the Commission, Jane Doe Sánchez,', 'Vice-President Jane Doe': a
    name the NER took for an organization, in apposition or right after a person's title,
    with capitalised words and no organization word."""
    if ent.label_ != "ORG" or ent.ent_id_ or not 2 <= len(ent) <= 4 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    appositive = ent.root.dep_ == "appos" and before.text == ","
    if not appositive and before.ent_type_ != "TITLE":
        return False
    return all((t.is_title or t.lower_ in NAME_PARTICLES) and t.is_alpha for t in ent) and not any(
        t.lower_ in organization_words for t in ent
    )


def _with_hyphenated_tail(doc: Doc, ent: Span) -> Span:
    """'Kim Min-jun', 'Al-Hashimi': a name the NER cut at a hyphen."""
    end = ent.end
    while (
        ent.label_ == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].ent_type_ == ""
        and not doc[end + 1].is_stop  # 'Trump, Abe-The comments came': a glued subhead
    ):
        end += 2
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def _merge_given_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """One name the NER or the rulers cut in two, joined:

    - 'Jordan Ellis', 'Chad Whitmore': a place name right before a person's name is their
      given name, a known nationality is not ('Belgian King Philippe');
    - 'Samia Suluhu' + 'Hassan': two person names with nothing between them are one person
      (a list of people is never written without a comma or 'and').
    """
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        if last is not None and last.end == ent.start and ent.label_ == "PERSON":
            # not a nationality the rulers know ('Belgian King Philippe'), as 'Christian' is
            nationality = last.label_ == "NORP" and bool(last.ent_id_)
            given = last.label_ in {"GPE", "NORP"} and len(last) == 1 and last[0].is_title
            given = given and not nationality
            if given or (last.label_ == "PERSON" and doc[last.end - 1].is_title):
                merged[-1] = Span(doc, last.start, ent.end, label="PERSON")
                continue
        merged.append(ent)
    return merged


def _unlabelled_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two or three capitalised words that no one labelled, standing where a name stands:
    after a title, or in apposition ('the envoy for the Sahel, Richard Roe,')."""
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in covered or not _is_name_token(doc, i):
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and end + 1 not in covered and _is_name_token(doc, end + 1):
            end += 1
        length = end - i + 1
        after_title = i > 0 and doc[i - 1].ent_type_ == "TITLE"
        appositive = doc[end].dep_ == "appos" and i > 0 and doc[i - 1].text == ","
        if 2 <= length <= 3 and (after_title or appositive):
            found.append(Span(doc, i, end + 1, label="PERSON"))
        i = end + 1
    return found
