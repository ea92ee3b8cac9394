"""The document context: entity indexes, datelines, and what the text says of each person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..schema import GazetteerEntry, OfficeHolder, TriggerRule
from .descriptors import clean_name, person_context
from .knowledge import Knowledge, name_key
from .rolename import without_role
from .voice import addressed_gender, voice_role

# The dashes that end a dateline or a glued headline; a dateline may end with a hyphen too.
DASHES = frozenset({"—", "–", "--"})
DATELINE_DASHES = DASHES | {"-"}


@dataclass
class PersonInfo:
    """What the document says about one person, gathered over all their mentions."""

    name: str
    title: str | None = None
    country: str | None = None
    id: str | None = None  # the office holder the document's mentions resolve to
    mentions: list[int] = field(default_factory=list)  # token index of each mention
    voice: bool = False  # quoted for a view of the news: an analyst, a spokesman
    gender: str | None = None  # "m" or "f" when a word of address says ('Mr', 'Queen')


@dataclass
class DocContext:
    """Per-document lookups shared by all events of a Doc: entity spans and known persons."""

    doc: Doc
    knowledge: Knowledge
    ent_at: dict[int, Span] = field(default_factory=dict)
    persons: dict[str, PersonInfo] = field(default_factory=dict)
    dateline: set[int] = field(default_factory=set)
    trigger_at: dict[int, TriggerRule] = field(default_factory=dict)
    settled: dict[int, GazetteerEntry] = field(default_factory=dict)  # see `_settle_shared`
    date: Date | None = None  # the document's date: who held which office then
    governments: list[tuple[int, str]] | None = None  # (token, country): "the Syrian regime"

    @cached_property
    def text(self) -> str:
        """The Doc's text, joined once: `Doc.text` joins every token of the Doc at each call."""
        return self.doc.text

    @classmethod
    def build(cls, doc: Doc, knowledge: Knowledge, when: Date | None = None) -> DocContext:
        context = cls(doc, knowledge, date=when)
        for ent in doc.ents:
            for token in ent:
                context.ent_at[token.i] = ent
        context._gather_persons()
        context._title_counterparts()
        context._find_datelines()
        context._settle_shared()
        return context

    def _settle_shared(self) -> None:
        """'Congo' alone is the DRC or the Republic of the Congo: the country the document's
        other places and people belong to more often ('Brazzaville', 'Sassou Nguesso') is
        the one meant; without such signs the ruler's choice stands."""
        shared = self.knowledge.words("shared_country_names")
        bare = [
            ent
            for ent in self.doc.ents
            if ent.label_ == "GPE" and ent.text.lower().removeprefix("the ") in shared
        ]
        if not bare:
            return
        signs: dict[str, int] = {}
        for ent in self.doc.ents:
            entry = self.entry(ent) if ent not in bare else None
            if entry is not None and entry.country and ent.label_ in {"GPE", "LOC", "FAC"}:
                signs[entry.country] = signs.get(entry.country, 0) + 1
        for info in self.people():
            # what the knowledge file says of them: their mention may borrow the bare name
            holder = self.knowledge.holder(info.id)
            term = holder.term_on(self.date) if holder is not None else None
            country = (term.country if term else None) or (holder.country if holder else None)
            if country:
                signs[country] = signs.get(country, 0) + 1
        for ent in bare:
            word = ent.text.lower().removeprefix("the ")
            default = self.entry(ent)
            candidates = self.knowledge.countries_sharing(word)
            best = max(candidates, key=lambda iso3: signs.get(iso3, 0), default=None)
            chosen = self.knowledge.by_iso3.get(best) if best else None
            if chosen is None or default is None or chosen.id == default.id:
                continue
            if signs.get(chosen.id, 0) > signs.get(default.country or default.id, 0):
                self.settled[ent.start] = chosen
        if self.settled:
            self.persons.clear()  # "Congo's President X" takes the country just settled
            self._gather_persons()

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

    @cached_property
    def theatre(self) -> str | None:
        """The one country the story happens in: the country of at least two thirds of the
        towns and regions it names, two at least ('Aleppo', 'eastern Ghouta'). Capitals
        are left out, since they stand for governments ('Moscow said'), and so is the
        dateline, where the story is filed from."""
        counts: dict[str, int] = {}
        for ent in self.doc.ents:
            entry = self.entry(ent) if ent.label_ in {"GPE", "LOC"} else None
            if entry is None or entry.country is None or entry.capital_of is not None:
                continue
            if entry.kind in {"city", "region", "state"} and not self.in_dateline(ent.root):
                counts[entry.country] = counts.get(entry.country, 0) + 1
        if not counts:
            return None
        country, most = max(counts.items(), key=lambda item: item[1])
        return country if most >= 2 and most * 3 >= sum(counts.values()) * 2 else None

    def in_dateline(self, token: Token) -> bool:
        """Whether the token is in a wire dateline ('NAIROBI, May 20 —')."""
        return token.i in self.dateline

    def entity(self, token: Token) -> Span | None:
        return self.ent_at.get(token.i)

    def entry(self, span: Span) -> GazetteerEntry | None:
        settled = self.settled.get(span.start)
        if settled is not None and span.label_ == "GPE":
            return settled
        return self.knowledge.entry(span.ent_id_)

    def _gather_persons(self) -> None:
        people = [ent for ent in self.doc.ents if ent.label_ == "PERSON"]
        # The fullest form of each surname: "Doe" -> "Jane Doe".
        given: dict[str, PersonInfo] = {}
        for ent in sorted(people, key=lambda e: -len(e)):
            # not the role the tagger took into the name ('King Mohammed VI')
            name = clean_name(without_role(ent, self.knowledge))
            if not name:
                continue
            key = self.knowledge.surname_key(name)
            holder = self.holder_of_mention(ent, name)
            info = self.persons.get(key) or (given.get(key) if len(name.split()) == 1 else None)
            if info is None or (holder is not None and info.id not in (None, holder.id)):
                info = self.persons[key] = PersonInfo(name=name)
            info.mentions.append(ent.start)
            info.id = info.id or (holder.id if holder is not None else None)
            title, country = person_context(ent, self)
            info.title = info.title or title
            info.country = info.country or country
            info.voice = info.voice or voice_role(ent, self.knowledge)
            info.gender = info.gender or addressed_gender(ent, self.knowledge)
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

    def _title_counterparts(self) -> None:
        """'Foreign Minister X and her Togolese counterpart Y': a person introduced as
        someone's counterpart holds the office of the last person with a title before."""
        people = self.people()
        titled = [p for p in people if p.title]
        for info in people:
            if info.title is not None:
                continue
            for mention in info.mentions:
                if mention > 0 and self.doc[mention - 1].lemma_.lower() == "counterpart":
                    other = last_before([p for p in titled if p is not info], mention)
                    info.title = other.title if other is not None else None
                    break

    def people(self) -> list[PersonInfo]:
        """Each person once: `persons` keys one person under each of their names."""
        return list({id(p): p for p in self.persons.values()}.values())

    def holder_of_mention(self, ent: Span, name: str) -> OfficeHolder | None:
        """The office holder a person mention names: by the ruler's id, else by the name."""
        return self.knowledge.holder(ent.ent_id_) or self.knowledge.holder_named(name, self.date)

    def person(self, span: Span) -> PersonInfo | None:
        name = clean_name(span)
        return self.persons.get(self.knowledge.surname_key(name)) if name else None

    def person_by_country(self, country: str, before: int | None = None) -> PersonInfo | None:
        """The person the document affiliates with this country: the only one, or the one
        mentioned last before token `before`."""
        found = [p for p in self.people() if p.country == country]
        return _only_or_last_before(found, before)

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
        return _only_or_last_before(found.values(), before)


def _only_or_last_before(people: Iterable[PersonInfo], before: int | None) -> PersonInfo | None:
    """The one person, or the one mentioned last before token `before`; never one the text
    names only later ('The prime minister refused ...' is not the prime minister of another
    country introduced further down)."""
    people = list(people)
    if before is None:
        return people[0] if len(people) == 1 else None
    return last_before(people, before)


def last_before(people: Iterable[PersonInfo], before: int | None) -> PersonInfo | None:
    """Of several people, the one mentioned last before token `before`."""
    if before is None:
        return None
    earlier = [
        (max(m for m in p.mentions if m < before), p)
        for p in people
        if any(m < before for m in p.mentions)
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


def sentence_ents(sentence: Span, context: DocContext) -> list[Span]:
    """The entities inside a sentence, as `sentence.ents` gives them, in time linear in the
    sentence: `Span.ents` walks all of `doc.ents` on every call, quadratic on long texts."""
    found: list[Span] = []
    for token in sentence:
        ent = context.entity(token)
        if ent is not None and ent.start == token.i and ent.end <= sentence.end:
            found.append(ent)
    return found
