"""Turning argument tokens into resolved actors: names, titles, countries, kinds and metonymy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from ..schema import Actor, ActorKind, GazetteerEntry, OfficeHolder, OfficeTerm, TriggerRule
from .argument import INCLUDING
from .knowledge import Knowledge, name_key

ORG_KINDS = {
    "igo": "organization",
    "organization": "organization",
    "government": "government",
    "ministry": "government",
    "group": "group",
    "seat": "government",
}
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


@dataclass
class PersonInfo:
    """What the document says about one person, gathered over all their mentions."""

    name: str
    title: str | None = None
    country: str | None = None
    id: str | None = None  # the office holder the document's mentions resolve to
    mentions: list[int] = field(default_factory=list)  # token index of each mention


@dataclass
class DocContext:
    """Per-document lookups shared by all events of a Doc: entity spans and known persons."""

    doc: Doc
    knowledge: Knowledge
    ent_at: dict[int, Span] = field(default_factory=dict)
    persons: dict[str, PersonInfo] = field(default_factory=dict)
    dateline: set[int] = field(default_factory=set)
    trigger_at: dict[int, TriggerRule] = field(default_factory=dict)
    date: Date | None = None  # the document's date: who held which office then

    @classmethod
    def build(cls, doc: Doc, knowledge: Knowledge, when: Date | None = None) -> DocContext:
        context = cls(doc, knowledge, date=when)
        for ent in doc.ents:
            for token in ent:
                context.ent_at[token.i] = ent
        context._gather_persons()
        context._find_datelines()
        return context

    def _find_datelines(self) -> None:
        for sentence in self.doc.sents:
            head = sentence[:12]
            dash = next((t.i for t in head if t.text in DATELINE_DASHES), None)
            if dash is None or not any(t.is_upper and t.is_alpha and len(t) > 1 for t in head):
                continue
            if dash == sentence.start:
                continue
            before = self.doc[dash - 1]
            if self.doc[dash].text == "-" and before.text != ")" and not before.like_num:
                continue  # a plain hyphen ends a dateline only after "(Reuters)" or a day
            self.dateline.update(range(sentence.start, dash + 1))

    def in_dateline(self, token: Token) -> bool:
        """Whether the token is in a wire dateline ('NAIROBI, May 20 —')."""
        return token.i in self.dateline

    def entity(self, token: Token) -> Span | None:
        return self.ent_at.get(token.i)

    def entry(self, span: Span) -> GazetteerEntry | None:
        return self.knowledge.entry(span.ent_id_)

    def _gather_persons(self) -> None:
        people = [ent for ent in self.doc.ents if ent.label_ == "PERSON"]
        # The fullest form of each surname: "Doe" -> "Jane Doe".
        given: dict[str, PersonInfo] = {}
        for ent in sorted(people, key=lambda e: -len(e)):
            name = clean_name(ent)
            if not name:
                continue
            key = name_key(name.split()[-1])
            holder = self.holder_of_mention(ent, name)
            info = self.persons.get(key) or (given.get(key) if len(name.split()) == 1 else None)
            if info is None or (holder is not None and info.id not in (None, holder.id)):
                info = self.persons[key] = PersonInfo(name=name)
            info.mentions.append(ent.start)
            info.id = info.id or (holder.id if holder is not None else None)
            title, country = person_context(ent, self)
            info.title = info.title or title
            info.country = info.country or country
            term = holder.term_on(self.date) if holder is not None else None
            if term is not None and term.country is not None:
                # what the knowledge file says, for 'the adviser' and 'the Turkish minister'
                info.title = info.title or term.office
                info.country = info.country or term.country
            elif holder is not None and term is None:
                info.country = info.country or holder.country  # out of office then
            words = name.split()
            if len(words) > 1:
                given.setdefault(name_key(words[0]), info)
            if holder is not None:
                # "Erdogan" later stands for the "Recep Tayyip Erdoğan" introduced here.
                for short in holder.surnames:
                    self.persons.setdefault(name_key(short), info)
        # Names written surname first ("Li Wei" ... "Li"): the first word finds the
        # person when no one else has it as a surname.
        for key, info in given.items():
            self.persons.setdefault(key, info)

    def holder_of_mention(self, ent: Span, name: str) -> OfficeHolder | None:
        """The office holder a person mention names: by the ruler's id, else by the name."""
        return self.knowledge.holder(ent.ent_id_) or self.knowledge.holder_named(name, self.date)

    def person(self, span: Span) -> PersonInfo | None:
        name = clean_name(span)
        return self.persons.get(name_key(name.split()[-1])) if name else None

    def person_by_country(self, country: str, before: int | None = None) -> PersonInfo | None:
        """The person the document affiliates with this country: the only one, or the one
        mentioned last before token `before`."""
        found = {id(p): p for p in self.persons.values() if p.country == country}
        if len(found) == 1:
            return next(iter(found.values()))
        return _last_before(found.values(), before)

    def person_by_title(
        self, title: str, before: int | None = None, country: str | None = None
    ) -> PersonInfo | None:
        """The person the document gave this title ('the Prime Minister'), of `country` when
        the description names one ('the U.S. president'): the only one, or the one
        mentioned last before token `before`."""
        wanted = title.casefold()
        found = {
            id(p): p
            for p in self.persons.values()
            if p.title
            and (p.title.casefold() == wanted or p.title.casefold().endswith(" " + wanted))
            and (country is None or p.country in (None, country))
        }
        if len(found) == 1:
            return next(iter(found.values()))
        return _last_before(found.values(), before)


def _last_before(people: Iterable[PersonInfo], before: int | None) -> PersonInfo | None:
    """Of several people, the one mentioned last before token `before`."""
    if before is None:
        return None
    earlier = [
        (max(m for m in p.mentions if m < before), p)
        for p in people
        if any(m < before for m in p.mentions)
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


def state_actor(iso3: str, name: str, kind: ActorKind, text: str, start: int, end: int) -> Actor:
    """A country or its government as a participant, found as `text` at `start`-`end`."""
    return Actor(text=text, name=name, country=iso3, kind=kind, id=iso3, start=start, end=end)


def clean_name(span: Span) -> str:
    """A person's name without titles, possessives and punctuation around it."""
    tokens = [t for t in span if t.ent_type_ != "TITLE" and t.tag_ != "POS"]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    # Keep the text's own spacing: "Kim Min-jun", "Al-Hashimi".
    return "".join(t.text_with_ws for t in tokens).strip()


def country_of_phrase(head: Token, context: DocContext, exclude: Span | None = None) -> str | None:
    """The country a phrase is affiliated with: 'Mali's', 'Malian', 'US', 'of Mali', an org's."""
    posted_to = _posted_to(head, context.knowledge)
    # A clause inside the phrase talks about something else: "The director ..., called on
    # Iran to ..." does not make the director Iranian.
    clauses = {
        t.i
        for child in head.subtree
        if child.dep_ in {"acl", "relcl", "advcl", "ccomp", "xcomp"} and child != head
        for t in child.subtree
    }
    for token in head.subtree:
        if exclude is not None and exclude.start <= token.i < exclude.end:
            continue
        if token.i in posted_to or token.i in clauses:
            continue
        ent = context.entity(token)
        if ent is None or token.i != ent.start:
            continue
        entry = context.entry(ent)
        if entry is None:
            continue
        if ent.label_ in {"GPE", "NORP"} and entry.kind == "country":
            return entry.id
        if entry.country and entry.kind in {"city", "seat", "government", "ministry"}:
            return entry.capital_of or entry.country
        if ent.label_ == "ORG" and entry.country:
            return entry.country
    return None


NAME_PREFIXES = frozenset({"TITLE", "GPE", "NORP"})


def _posted_to(head: Token, knowledge: Knowledge) -> set[int]:
    """Tokens naming where an envoy is posted ('ambassador to Kenya'): not their country."""
    posted: set[int] = set()
    for token in head.subtree:
        if token.lemma_.lower() in knowledge.words("posted_nouns"):
            for prep in token.children:
                # "ambassador to Kenya", "envoy in Bamako", "special envoy for Syria"
                if prep.dep_ == "prep" and prep.lower_ in {"to", "in", "for"}:
                    posted.update(t.i for t in prep.subtree)
    return posted


def title_text(ent: Span, entry: GazetteerEntry | None) -> str:
    """The canonical title, unless the rule is a template the text fills in
    ('head of African Affairs' matched by 'head of ... Affairs')."""
    if entry is None or not entry.title:
        return ent.text
    canonical = set(entry.title.lower().split())
    found = set(ent.text.lower().split())
    return ent.text if canonical < found else entry.title


def title_of_phrase(head: Token, context: DocContext) -> str | None:
    """A title in the phrase ('Foreign Minister') or a role noun with its 'of' complement."""
    for token in head.subtree:
        ent = context.entity(token)
        if ent is not None and ent.label_ == "TITLE" and token.i == ent.start:
            entry = context.entry(ent)
            return title_text(ent, entry)
    if head.lemma_.lower() == "counterpart":
        return None  # names no office: the other side's is the same as this one's
    if head.lemma_.lower() in context.knowledge.words("role_nouns"):
        words = [head]
        for prep in head.children:
            # "head of African Affairs", not "commanders of the estimated 8,000 rebels ..."
            if prep.dep_ == "prep" and prep.lower_ == "of" and len(list(prep.subtree)) <= 5:
                words.extend(prep.subtree)
        words.sort(key=lambda t: t.i)
        text = context.doc[words[0].i : words[-1].i + 1].text
        return text[0].upper() + text[1:]
    return None


def _anchor(ent: Span, roles: frozenset[str]) -> Token | None:
    """The role noun a person is in apposition to, if any ('the head of X, Jane Doe').

    The parser may hang the name on the last noun of the role's phrase ('the envoy for the
    Sahel, Richard Roe'), so climb through prepositions to the role noun.
    """
    root = ent.root
    if root.dep_ != "appos" or root.head.i >= ent.start or root.head.ent_type_ == "PERSON":
        return None  # a name in apposition to another name is a parse error, not a role
    head = root.head
    for _ in range(4):
        if head.lemma_.lower() in roles or head.ent_type_ == "TITLE":
            return head
        if head.dep_ not in {"pobj", "prep"}:
            break
        head = head.head
    return root.head


def person_context(ent: Span, context: DocContext) -> tuple[str | None, str | None]:
    """Title and country of a person mention from its own phrase or the role noun it renames."""
    doc = context.doc
    # The name's own phrase: "Mali's Foreign Minister Jane Doe", stopping at a
    # coordination ("Vietnam's minister X and South Korea's minister Y": Y's is Korea's).
    start = ent.start
    bound = min(ent.root.left_edge.i, ent.start)
    while start > ent.sent.start:
        before = doc[start - 1]
        if before.dep_ == "cc" or before.text in {",", ";"} or before.ent_type_ == "PERSON":
            break
        # Beyond the name's subtree, only an office and its country belong to it (the
        # parser may hang "Iraq's Foreign Minister" elsewhere).
        if start <= bound and before.ent_type_ not in NAME_PREFIXES and before.tag_ != "POS":
            break
        start -= 1
    span = doc[start : ent.end]
    title = None
    country = None
    for token in span:
        found = context.entity(token)
        if found is None or found == ent or token.i != found.start:
            continue
        entry = context.entry(found)
        if found.label_ == "TITLE":
            title = title or title_text(found, entry)
        elif entry is not None and country is None:
            country = country_of_phrase(token, context)
    if country is None:
        # "President Ibrahim Keita of Mali"
        for prep in ent.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                country = country_of_phrase(prep, context)
    role = doc[ent.start - 1] if ent.start > 0 else None
    if (
        role is not None
        and role.lemma_.lower() in context.knowledge.words("role_nouns")
        and (role.ent_type_ == "")
    ):
        # "her Polish counterpart Richard Roe"
        title = title or title_of_phrase(role, context)
        country = country or country_of_phrase(role, context, exclude=ent)
    roles = context.knowledge.words("role_nouns")
    anchor = _anchor(ent, roles) or _loose_anchor(ent, roles)
    if anchor is not None:
        title = title or title_of_phrase(anchor, context)
        country = country or country_of_phrase(anchor, context, exclude=ent)
    return title, country


def _loose_anchor(ent: Span, roles: frozenset[str]) -> Token | None:
    """Apposition the parser missed: a role noun phrase right before ', <title> Name'."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].ent_type_ == "TITLE":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    candidate = doc[i - 1]
    # Climb to the head of the noun phrase that ends before the comma.
    while candidate.dep_ in {"pobj", "prep", "compound", "amod"} and candidate.head.i < candidate.i:
        candidate = candidate.head
    if candidate.lemma_.lower() in roles:
        return candidate
    return None


def appositive_person(head: Token, context: DocContext) -> Span | None:
    """The person a role noun names: a parsed appositive or ', General Assimi Goïta' after it."""
    for child in head.subtree:
        # "the envoy for the Sahel, Richard Roe": the parser may hang the name lower down
        if child.dep_ == "appos" and (child.head == head or child.head.dep_ == "pobj"):
            ent = context.entity(child)
            if ent is not None and ent.label_ == "PERSON":
                return ent
    doc = context.doc
    i = head.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif head.lemma_.lower() not in context.knowledge.words("role_nouns"):
        return None  # only a role noun takes a name without a comma: "counterpart Richard X"
    while i < len(doc) and doc[i].ent_type_ == "TITLE":
        i += 1
    ent = context.entity(doc[i]) if i < len(doc) else None
    if ent is None or ent.label_ != "PERSON" or ent.start != i:
        return None
    if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
        return None  # "the rhetoric from Washington, Erdogan's spokesman said": a new phrase
    return ent


def _person_actor(ent: Span, text_span: Span, context: DocContext) -> Actor:
    info = context.person(ent)
    title, country = person_context(ent, context)
    name = info.name if info else clean_name(ent)
    title = title or (info.title if info else None)
    country = country or (info.country if info else None)
    holder = context.knowledge.holder(info.id if info else None) or context.holder_of_mention(
        ent, name
    )
    if holder is not None:
        return _holder_actor(holder, title, country, text_span, context, name)
    # "President Bush" in 2000: one of two office holders, both American.
    country = country or context.knowledge.country_named(name)
    # A person the rule files know (one from a user's --patterns file, say).
    known = context.entry(ent) if ent.ent_id_ else None
    if known is not None and known.kind == "person":
        name, title = known.name, title or known.title
        country = country or known.country
    return Actor(
        text=text_span.text,
        name=name,
        title=title,
        country=country,
        kind="person",
        sector=(known.sector if known is not None else None) or context.knowledge.sector_of(title),
        id=known.id if known is not None else None,
        start=text_span.start_char,
        end=text_span.end_char,
    )


def _name_words(name: str) -> list[str]:
    """'Bashar al-Assad' -> ['bashar', 'al', 'assad']: the words a name is made of."""
    return [word for word in re.split(r"[\s\-‐]+", name_key(name)) if word]


def _holder_actor(
    holder: OfficeHolder,
    title: str | None,
    country: str | None,
    text_span: Span,
    context: DocContext,
    written: str,
) -> Actor:
    """An office holder as a participant: the office held on the document's date, unless
    the text gives one ("former President X"). The name is the file's when the document's
    fullest form is part of it ('Erdogan', 'Tayyip Erdogan'), else the document's own
    spelling ('Chou En-lai' for Zhou Enlai)."""
    same_name = set(_name_words(written)) <= set(_name_words(holder.name))
    term = holder.term_on(context.date)
    held = term.office if term is not None else None
    if term is not None and term.org is not None:
        # "António Guterres": the UN's Secretary-General, of no country
        org = context.knowledge.entry(term.org)
        held = f"{org.name} {term.office}" if org is not None else term.office
    elif term is None:
        country = country or holder.country  # out of office, still of their country
    return Actor(
        text=text_span.text,
        name=holder.name if same_name else written,
        title=title or held,
        country=country or (term.country if term is not None else None),
        kind="person",
        sector=(term.sector if term is not None and (title is None or title == held) else None)
        or context.knowledge.sector_of(title),
        id=holder.id,
        start=text_span.start_char,
        end=text_span.end_char,
    )


def leader_of(country: str, head: Token, context: DocContext) -> Actor | None:
    """'the two countries' leaders' after the US and China: the leader of a country the
    document named before `head`, as a person."""
    offices = context.knowledge.words("leader_offices")
    fitting = [
        p
        for p in {id(p): p for p in context.persons.values()}.values()
        if p.country == country and p.title is not None and p.title.casefold() in offices
    ]
    info = fitting[0] if len(fitting) == 1 else _last_before(fitting, head.i)
    if info is None:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    known = context.knowledge.holder(info.id)
    if known is not None:
        return _holder_actor(known, info.title, info.country, phrase, context, info.name)
    return Actor(
        text=phrase.text,
        name=info.name,
        title=info.title,
        country=country,
        kind="person",
        sector=context.knowledge.sector_of(info.title),
        start=phrase.start_char,
        end=phrase.end_char,
    )


def _listed_under_government(head: Token, knowledge: Knowledge) -> bool:
    """'several governments ..., including Burkina Faso and Niger': the members are governments."""
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in INCLUDING:
        return head.head.head.lemma_.lower() in knowledge.words("government_nouns")
    return False


def _entity_actor(ent: Span, head: Token, context: DocContext, role_is_agent: bool) -> Actor | None:
    entry = context.entry(ent)
    label = ent.label_
    start, end = ent.start_char, ent.end_char
    words = context.knowledge.words
    governmental = head.lemma_.lower() in words("government_nouns") or (
        _listed_under_government(head, context.knowledge)
    )
    if label in {"GPE", "FAC"}:
        if entry is None:
            return None  # a place the gazetteer does not know: no basis to call it a state
        if entry.kind == "country":
            kind: ActorKind = "government" if governmental else "country"
            return state_actor(entry.id, entry.name, kind, ent.text, start, end)
        seat_of = entry.capital_of or (entry.country if entry.kind == "seat" else None)
        named_after = any(  # "Real Madrid", "Inter Milan": a club named after the city
            c.dep_ == "compound" and c.pos_ == "PROPN" and context.entity(c) is None
            for c in head.children
        )
        if seat_of and role_is_agent and not named_after:
            # Metonymy: "Washington reaffirmed ..." is the US government acting.
            return state_actor(
                seat_of, context.knowledge.country_name(seat_of), "government", ent.text, start, end
            )
        return None
    if label == "NORP":
        if another_people(head, context):
            return None
        if entry is None or entry.kind != "country" or _ethnic(head, entry.id, context):
            return _people_of_a_country(ent, head, context)
        if (
            entry is not None
            and entry.kind == "country"
            and head == ent.root
            and (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s"))
        ):
            # "Palestinians blamed Israel": the people of a country acting as one
            return state_actor(entry.id, entry.name, "country", ent.text, start, end)
        if entry is not None and governmental:
            return state_actor(entry.id, entry.name, "government", ent.text, start, end)
        return None
    if label == "ORG":
        if entry is not None:
            if entry.kind == "media":
                return None  # news agencies report events; they never take part
            country = entry.country or country_of_phrase(head, context, exclude=ent)
            name = entry.name
            if (
                entry.country is None
                and country is not None
                and entry.kind
                in {
                    "ministry",
                    "government",
                }
            ):
                # "Somalia's foreign ministry": the generic body, made specific
                name = f"{context.knowledge.country_name(country)} {entry.name}"
            return Actor(
                text=ent.text,
                name=name,
                country=country,
                kind=ORG_KINDS.get(entry.kind, "organization"),  # type: ignore[arg-type]
                sector=entry.sector,
                id=entry.id,
                start=start,
                end=end,
            )
        names = {t.lower_.strip(".") for t in ent}
        if names & words("corporate_words"):
            return None  # companies are not diplomatic actors
        political = bool(names & words("political_org_words"))
        country = country_of_phrase(head, context, exclude=ent)
        name = ent.text.removeprefix("the ").strip()
        if country and words("government_nouns").intersection(t.lemma_.lower() for t in ent):
            name = context.knowledge.country_name(country)  # "the Government of Venezuela"
        return Actor(
            text=ent.text,
            name=name,
            country=country,
            kind="government" if country and political else "organization",
            start=start,
            end=end,
        )
    return None


def another_people(head: Token, context: DocContext) -> bool:
    """'Carib Indians', 'Cherokee Indians': a nationality word named for another people."""
    return any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and context.entity(c) is None
        for c in head.children
    )


def _ethnic(head: Token, own: str, context: DocContext) -> bool:
    """'Bosnian Serbs', 'ethnic Albanians in south Serbia', 'the Albanians of Serbia': a
    people of one country named as living in another, or as an ethnic group."""
    if any(c.lower_ == "ethnic" for c in head.children):
        return True
    other = country_of_phrase(head, context, exclude=head.doc[head.i : head.i + 1])
    return other is not None and other != own


def _people_of_a_country(ent: Span, head: Token, context: DocContext) -> Actor | None:
    """'Iraqi Kurds', 'Bosnian Serbs', 'ethnic Albanians in Serbia': a people named with a
    country is a group of that country, not its state."""
    if head != ent.root or not (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s")):
        return None
    country = country_of_phrase(head, context, exclude=ent)
    for prep in head.children:
        if country is None and prep.dep_ == "prep" and prep.lower_ in {"in", "of"}:
            country = country_of_phrase(prep, context)
    if country is None:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if phrase[0].dep_ == "det" and len(phrase) > 1:
        phrase = phrase[1:]
    return Actor(
        text=phrase.text,
        name=phrase.text,
        country=country,
        kind="group",
        start=phrase.start_char,
        end=phrase.end_char,
    )


def _led_by_others(head: Token, context: DocContext) -> bool:
    """'Syrian Kurdish-led forces', 'Iran-backed militias', 'Kurdish fighters': the phrase
    names who the forces are beyond their country, so they are a group, not its state."""
    for token in head.subtree:
        if token.i >= head.i:
            break
        if token.lower_ in {"led", "backed", "allied", "aligned"} and token.i > head.left_edge.i:
            return True
        ent = context.entity(token)
        if ent is not None and ent.label_ == "NORP":
            entry = context.entry(ent)
            if entry is None or entry.kind != "country":
                return True
    return False


def _office_holder(
    title: str, head: Token, country: str, context: DocContext
) -> tuple[OfficeHolder, OfficeTerm] | None:
    """Who held the office a description names, on the document's date. 'The Turkish
    leader' is whoever held one of the leader's offices then, if only one person did."""
    if head.lemma_.lower() != "leader":
        return context.knowledge.holder_of(title, country, context.date)
    found = [
        held
        for office in sorted(context.knowledge.words("leader_offices"))
        if (held := context.knowledge.holder_of(office, country, context.date)) is not None
    ]
    people = {holder.id for holder, _ in found}
    return found[0] if len(people) == 1 else None


def _counterpart(head: Token, context: DocContext) -> Actor | None:
    """'his Russian counterpart' after Turkish Foreign Minister X: whoever held X's office for
    Russia on the document's date."""
    country = country_of_phrase(head, context)
    titled = [p for p in {id(p): p for p in context.persons.values()}.values() if p.title]
    other = _last_before(titled, head.i)
    if country is None or other is None or other.title is None or other.country == country:
        return None
    if context.date is None:
        return None  # who held the office then? an undated document does not say
    held = context.knowledge.holder_of(other.title, country, context.date)
    if held is None:
        return None
    holder, term = held
    phrase = context.doc[head.left_edge.i : head.i + 1]
    return _holder_actor(holder, term.office, country, phrase, context, holder.name)


def _described_person(head: Token, ent: Span | None, context: DocContext) -> Actor | None:
    """'the foreign minister', 'the Turkish leader', "France's new President": a definite
    description standing for a person. The nearest earlier person in the document who fits
    it, else whoever held that office of the country it names on the document's date."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    possessed = any(c.dep_ == "poss" and context.entity(c) is not None for c in head.children)
    if head.lemma_.lower() == "counterpart" and head.tag_ == "NN":
        return _counterpart(head, context)
    if not definite and not possessed:
        return None
    words = context.knowledge.words
    if ent is not None and ent.label_ == "TITLE":
        title = title_text(ent, context.entry(ent))
    elif head.lemma_.lower() in words("role_nouns") and head.tag_ == "NN":
        title = head.text
    else:
        return None
    country = country_of_phrase(head, context)
    info = context.person_by_title(title, before=head.i, country=country)
    if info is not None and country is not None and info.country not in (None, country):
        info = None  # "the Iranian foreign minister" is not the Turkish one named earlier
    if info is None and head.tag_ == "NN" and country is not None:
        # "the US diplomat", "the Turkish leader": the person of that country, if the
        # description fits their office (the Iranian ambassador is not Iran's minister)
        info = context.person_by_country(country, before=head.i)
        role = head.lemma_.lower()
        if info is not None and role == "leader":
            info = info if info.title and info.title.casefold() in words("leader_offices") else None
        elif info is not None and role not in words("generic_roles"):
            info = info if info.title and role in info.title.casefold() else None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if info is None:
        # Only a dated document says who held the office: undated, the role stays a role.
        held = (
            _office_holder(title, head, country, context)
            if country and context.date is not None
            else None
        )
        if held is None:
            return None
        holder, term = held
        return Actor(
            text=phrase.text,
            name=holder.name,
            title=term.office,
            country=term.country,
            kind="person",
            sector=term.sector,
            id=holder.id,
            start=phrase.start_char,
            end=phrase.end_char,
        )
    known = context.knowledge.holder(info.id)
    if known is not None:
        return _holder_actor(known, info.title, info.country, phrase, context, info.name)
    return Actor(
        text=phrase.text,
        name=info.name,
        title=info.title,
        country=info.country,
        kind="person",
        sector=context.knowledge.sector_of(info.title),
        id=info.id,
        start=phrase.start_char,
        end=phrase.end_char,
    )


def noun_phrase(head: Token) -> Span:
    """A noun's own phrase: its left modifiers and an 'of' complement, without the
    determiner and without clauses or other prepositions ('Senegal's foreign minister', not
    '... for talks on Monday')."""
    end = head.i
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > head.i:
            end = max(end, prep.right_edge.i)
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
        start += 1
    return doc[start : end + 1]


def _group_actor(head: Token, lemma: str, context: DocContext) -> Actor | None:
    """'Moroccan diplomats', 'the US embassy', 'Ivory Coast rebels': a country's state or
    one of its armed groups."""
    country = country_of_phrase(head, context)
    if country is None:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if phrase[0].dep_ == "det" and len(phrase) > 1:
        phrase = phrase[1:]
    if lemma in context.knowledge.words("armed_group_nouns") or _led_by_others(head, context):
        return Actor(
            text=phrase.text,
            name=phrase.text,
            country=country,
            kind="group",
            start=phrase.start_char,
            end=phrase.end_char,
        )
    return state_actor(
        country,
        context.knowledge.country_name(country),
        "government",
        phrase.text,
        phrase.start_char,
        phrase.end_char,
    )


def resolve_actor(head: Token, context: DocContext, role_is_agent: bool = True) -> Actor | None:
    """The actor an argument head refers to, or None when it is not a political actor.

    `role_is_agent` is False for places in locative roles, where a capital stays a city.
    """
    ent = context.entity(head)
    if ent is not None and ent.label_ == "PERSON":
        return _person_actor(ent, ent, context)
    if ent is None and head.pos_ == "PROPN" and name_key(head.text) in context.persons:
        # A surname the NER missed but the document introduced earlier: "Doe met ...".
        return _person_actor(head.doc[head.i : head.i + 1], head.doc[head.i : head.i + 1], context)
    if ent is not None and ent.label_ != "TITLE":
        return _entity_actor(ent, head, context, role_is_agent)
    person = appositive_person(head, context)
    if person is not None:
        return _person_actor(person, person, context)
    described = _described_person(head, ent, context)
    if described is not None:
        return described
    # A named entity inside the phrase: "the government of Mali", "Mali's foreign ministry".
    lemma = head.lemma_.lower()
    words = context.knowledge.words
    roles, governments = words("role_nouns"), words("government_nouns")
    if lemma in words("state_group_nouns") | words("armed_group_nouns") and (
        head.tag_ == "NNS" or lemma not in roles
    ):
        group = _group_actor(head, lemma, context)
        if group is not None:
            return group
    if lemma in {"group", "team", "delegation", "number", "pair", "coalition", "bloc"}:
        # "a group of Moroccan diplomats"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (found := resolve_actor(pobj, context)):
                        return found
    if ent is None and lemma not in roles and lemma not in governments:
        # "al-Qaeda's terror network", "the Hamas leadership": the named body it belongs to
        for child in head.children:
            inner = context.entity(child)
            if (
                child.dep_ in {"compound", "poss", "nmod"}
                and inner is not None
                and (inner.label_ in {"ORG", "FAC"} and context.entry(inner) is not None)
            ):
                return _entity_actor(inner, child, context, role_is_agent)
    if lemma in governments or lemma in roles or (ent is not None):
        country = country_of_phrase(head, context)
        title = title_of_phrase(head, context)
        if country is None and title is None:
            return None
        phrase = noun_phrase(head)
        if lemma in governments and country:
            return state_actor(
                country,
                context.knowledge.country_name(country),
                "government",
                phrase.text,
                phrase.start_char,
                phrase.end_char,
            )
        return Actor(
            text=phrase.text,
            name=phrase.text,
            title=title,
            country=country,
            kind="person",
            start=phrase.start_char,
            end=phrase.end_char,
        )
    return None
