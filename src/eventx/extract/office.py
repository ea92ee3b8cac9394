"""People as participants: office holders on the document's date and definite descriptions."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..schema import Actor, OfficeHolder, OfficeTerm
from .context import DocContext, PersonInfo, last_before
from .descriptors import clean_name, country_of_phrase, person_context, title_text
from .homeland import office_country
from .knowledge import name_key
from .phrase import INCLUDING
from .rolename import without_role
from .visitor import visitor_here


def appositive_person(head: Token, context: DocContext) -> Span | None:
    """The person a role noun names: a parsed appositive or ', General Assimi Goïta' after it."""
    for child in head.subtree:
        # "the envoy for the Sahel, Richard Roe": the parser may hang the name lower down,
        # but not in an example ("the detention of protesters, including their leader, X")
        if child.dep_ == "appos" and (
            child.head == head or (child.head.dep_ == "pobj" and not _in_example(child, head))
        ):
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


def _in_example(token: Token, head: Token) -> bool:
    """The token stands in an 'including' phrase inside the head's phrase."""
    while token != head and token.head != token:
        if token.dep_ == "prep" and token.lower_ in INCLUDING:
            return True
        token = token.head
    return False


def person_actor(ent: Span, text_span: Span, context: DocContext) -> Actor:
    named = without_role(ent, context.knowledge)  # "Representatives Jane Doe" -> "Jane Doe"
    info = context.person(ent)
    title, country = person_context(named, context)
    name = info.name if info else clean_name(named)
    if named is not ent:  # the document's fullest form of the name has the role in it too
        name = name.removeprefix(ent[0].text).strip()
    ent = named
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
    # "Senator X", "Deputy Prime Minister Y" with no country: the story's own official,
    # unless the story says they came from elsewhere
    if country is None and not visitor_here(ent, context):
        country = office_country(title, context)
    sector = (known.sector if known is not None else None) or context.knowledge.sector_of(title)
    if country is None:
        # "U.N. refugee agency spokesman X": an official of the body named in their phrase
        sector = _employer_sector(ent, context) or sector
    return Actor(
        text=text_span.text,
        name=name,
        title=title,
        country=country,
        kind="person",
        sector=sector,
        id=known.id if known is not None else None,
        start=text_span.start_char,
        end=text_span.end_char,
    )


def _employer_sector(ent: Span, context: DocContext) -> str | None:
    """The sector of an international or non-governmental body named in a person's own
    phrase before the name ('U.N. refugee agency (UNHCR) spokesman X', 'Amnesty's X')."""
    doc = context.doc
    for token in doc[ent.root.left_edge.i : ent.start]:
        body = context.entity(token)
        entry = context.entry(body) if body is not None and body.label_ == "ORG" else None
        if entry is not None and entry.country is None and entry.sector in {"IGO", "NGO"}:
            return entry.sector
    return None


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
    fullest form is part of it ('Erdogan', 'Tayyip Erdogan', 'Abdullah II of Jordan', 'King
    Harald'), else the document's own spelling ('Chou En-lai' for Zhou Enlai)."""
    # '... of Jordan' after a monarch's name is his country, not part of his name
    of_country = (
        {"of", *_name_words(context.knowledge.country_name(holder.country))}
        if holder.country
        else set()
    )
    # nor is the office the rulers took into the name ('King Harald' is Harald V)
    offices = {word for term in holder.terms for word in _name_words(term.office)}
    same_name = set(_name_words(written)) - offices <= set(_name_words(holder.name)) | of_country
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
        sector=_holder_sector(term, held, title, context),
        id=holder.id,
        start=text_span.start_char,
        end=text_span.end_char,
    )


def _holder_sector(
    term: OfficeTerm | None, held: str | None, title: str | None, context: DocContext
) -> str | None:
    """The sector of the office held, when the text's title names it ('President' for the
    European Commission's); a title the text gives instead has its own ('former Defence
    Minister'), and one with none ('EU chief') leaves the office's."""
    own = context.knowledge.sector_of(title)
    if term is None:
        return own
    if title is None or (held is not None and (title == held or held.endswith(" " + title))):
        return term.sector or own
    return own or term.sector


def leader_of(country: str, head: Token, context: DocContext) -> Actor | None:
    """'the two countries' leaders' after the US and China: the leader of a country the
    document named before `head`, as a person."""
    offices = context.knowledge.words("leader_offices")
    fitting = [
        p
        for p in context.people()
        if p.country == country and p.title is not None and p.title.casefold() in offices
    ]
    info = fitting[0] if len(fitting) == 1 else last_before(fitting, head.i)
    if info is None:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    known = context.knowledge.holder(info.id)
    if known is not None:
        return _holder_actor(known, info.title, info.country, phrase, context, info.name)
    return _phrase_person(phrase, info.name, info.title, country, context)


def _phrase_person(
    phrase: Span, name: str, title: str | None, country: str | None, context: DocContext
) -> Actor:
    """A person the phrase names by an office the document gives, with no knowledge entry."""
    return Actor(
        text=phrase.text,
        name=name,
        title=title,
        country=country,
        kind="person",
        sector=context.knowledge.sector_of(title),
        start=phrase.start_char,
        end=phrase.end_char,
    )


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
    Russia on the document's date. Without a country it is the last one named before who
    holds X's office on another side ('X met Y. X urged his counterpart'), else a role: X's
    office on the other side ('X phoned his counterpart')."""
    country = country_of_phrase(head, context)
    titled = [p for p in context.people() if p.title]
    other = last_before(titled, head.i)
    if other is None or other.title is None or other.country == country:
        return None
    phrase = context.doc[head.left_edge.i : head.i + 1]
    if country is None:
        # "Ruto met Museveni on Monday. Ruto urged his counterpart ...": the last one before
        # who holds the same office on another side
        peers = [
            p
            for p in titled
            if p is not other and p.title == other.title and p.country not in (None, other.country)
        ]
        peer = last_before(peers, head.i)
        if peer is not None:
            return _info_actor(peer, phrase, context)
    # Who held the office then? Only a dated document says; else the office stays a role.
    held = None
    if country is not None and context.date is not None:
        held = context.knowledge.holder_of(other.title, country, context.date)
    if held is None:
        return _phrase_person(phrase, phrase.text, other.title, country, context)
    holder, term = held
    return _holder_actor(holder, term.office, country, phrase, context, holder.name)


# Words a title-case headline leaves in lower case however it is styled ('to', 'on', 'amid').
HEADLINE_LOWER_LENGTH = 4


def _in_headline(head: Token) -> bool:
    """'Trump, Saudi King Agree to ...': a headline drops its articles, so a bare title
    there is as definite as 'the Saudi king' in the story. The document's first sentence,
    written in title case (every word longer than a short function word capitalized)."""
    sentence = head.sent
    if sentence.start != 0:
        return False
    words = [t for t in sentence if t.is_alpha and len(t) >= HEADLINE_LOWER_LENGTH]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def described_person(head: Token, ent: Span | None, context: DocContext) -> Actor | None:
    """'the foreign minister', 'the Turkish leader', "France's new President": a definite
    description standing for a person. The nearest earlier person in the document who fits
    it, else whoever held that office of the country it names on the document's date."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    definite = definite or (_in_headline(head) and not any(c.dep_ == "det" for c in head.children))
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
    return _info_actor(info, phrase, context)


def _info_actor(info: PersonInfo, phrase: Span, context: DocContext) -> Actor:
    """The person the document introduced earlier, as the phrase that stands for them."""
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
