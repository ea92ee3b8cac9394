"""What a phrase says of the person or body it names: its title and its country.

Gathering the document's persons (`context.DocContext`) reads these, and so do the actors
built from each argument; they take the context only for its entity lookups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..schema import GazetteerEntry
from .compound import backer, heritage
from .knowledge import Knowledge
from .rolename import role_word, without_role
from .subject import described_by

if TYPE_CHECKING:
    from .context import DocContext

# Entries whose country a phrase naming them has: "Mombasa officials", "Darfur rebels".
PLACE_OF_ONE_COUNTRY = frozenset({"city", "state", "region", "seat", "government", "ministry"})
# Entity labels that may stand before a name in its own phrase: "Mali's Foreign Minister X".
NAME_PREFIXES = frozenset({"TITLE", "GPE", "NORP"})


def clean_name(span: Span) -> str:
    """A person's name without titles, possessives and punctuation around it."""
    tokens = [t for t in span if t.ent_type_ != "TITLE" and t.tag_ != "POS"]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    # Keep the text's own spacing: "Kim Min-jun", "Al-Hashimi".
    return "".join(t.text_with_ws for t in tokens).strip()


def person_context(ent: Span, context: DocContext) -> tuple[str | None, str | None]:
    """Title and country of a person mention from its own phrase or the role noun it renames."""
    doc = context.doc
    # The name's own phrase: "Mali's Foreign Minister Jane Doe", stopping at a
    # coordination ("Vietnam's minister X and South Korea's minister Y": Y's is Korea's).
    start = ent.start
    bound = min(ent.root.left_edge.i, ent.start)
    while start > ent.sent.start:
        before = doc[start - 1]
        # A dash too ('Taiwan and China-Trump's call': a glued subhead, not an office), but
        # not one inside a title ('Vice President-elect Mike Pence').
        inside_word = before.text == "-" and doc[start].is_lower
        if before.dep_ == "cc" or (before.is_punct and not inside_word):
            break
        if before.ent_type_ == "PERSON":
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
    # (a role inside the NER's name span counts: "[Representatives Jane Doe]")
    if role is not None and role_word(role, context.knowledge) and role.ent_type_ in {"", "PERSON"}:
        # "her Polish counterpart Richard Roe"
        phrase_title = title_of_phrase(role, context)
        if phrase_title is None and role.ent_type_ == "PERSON":
            phrase_title = role.text  # the tagger took the role for a name: 'Representatives'
        title = title or _one_holder(phrase_title, role, context)
        country = country or country_of_phrase(role, context, exclude=ent)
    title = title or _shared_title(ent, context)
    roles = context.knowledge.words("role_nouns")
    anchor = _anchor(ent, roles) or _loose_anchor(ent, roles)
    if anchor is not None:
        title = title or title_of_phrase(anchor, context)
        country = country or country_of_phrase(anchor, context, exclude=ent)
    for description in _descriptions(ent):
        # "Hans Vogt, Germany's ambassador to Kenya", "the Ugandan lawyer and activist X"
        title = title or title_of_phrase(description, context)
        country = country or _described_country(description, context, ent)
    return title, country


def _described_country(description: Token, context: DocContext, ent: Span) -> str | None:
    """The country a description gives: its whole phrase ('the governor of Ohio', 'chairman
    of the Senate subcommittee'), but of a noun that names someone by whom they face
    (`relational_nouns`: 'a critic of the government of Venezuela', 'an enemy of the people
    of X') only what stands before it ('a Venezuelan critic')."""
    if description.lemma_.lower() not in context.knowledge.words("relational_nouns"):
        return country_of_phrase(description, context, exclude=ent)
    for child in description.children:
        if child.i < description.i and child.dep_ in {"amod", "compound", "nmod", "poss"}:
            country = country_of_phrase(child, context, exclude=ent)
            if country is not None:
                return country
    return None


def _shared_title(ent: Span, context: DocContext) -> str | None:
    """'Senators Jane Doe and Richard Roe': a plural title before the first of two
    coordinated names is the title of each."""
    first = context.entity(ent.root.head) if ent.root.dep_ == "conj" else None
    if first is None or first.label_ != "PERSON" or first.start == 0:
        return None
    first = without_role(first, context.knowledge)  # "Representatives Jane Doe" as one name
    role = context.doc[first.start - 1]
    plural = role.tag_ in {"NNS", "NNPS"} or role.text.endswith("s")
    found = context.entity(role)
    if found is not None and found.label_ == "TITLE" and plural:
        return title_text(found, context.entry(found))
    if plural and role_word(role, context.knowledge) is not None:
        return _one_holder(role.text, role, context)
    return None


def _one_holder(title: str | None, role: Token, context: DocContext) -> str | None:
    """A plural role noun before names is each one's title: 'Representatives' ->
    'Representative', 'Presidents' -> 'President'."""
    one = role_word(role, context.knowledge)
    if title is None or one is None or not title.endswith(role.text) or role.lower_ == one:
        return title
    if title == role.text:
        return one[:1].upper() + one[1:]
    return title[: len(title) - len(role.text)] + one


def _descriptions(ent: Span) -> list[Token]:
    """Nouns that describe a person outside the name's own phrase: an apposition after the
    name ('Jane Doe, the governor of Ohio,'), or the first noun of a coordinated description
    the parser hung the name on ('the Ugandan journalist and activist Jane Doe': the name is
    the conjunct of 'journalist', with 'activist' in its own phrase)."""
    root = ent.root
    found = [
        c
        for c in root.children
        if c.dep_ == "appos" and c.i >= ent.end and c.pos_ in {"NOUN", "PROPN"}
        if c.ent_type_ != "PERSON"
    ]
    preposed = described_by(root)  # "A Cuban-American, Senator Jane Doe"
    if preposed is not None:
        found.append(preposed)
    head = root.head
    described = any(
        c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN" and c.i < ent.start
        for c in root.children
    )
    if (
        root.dep_ == "conj"
        and described
        and head.i < ent.start
        and head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.ent_type_ == ""
        and any(c.dep_ == "det" for c in head.children)
    ):
        found.append(head)
    return found


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


def _loose_anchor(ent: Span, roles: frozenset[str]) -> Token | None:
    """Apposition the parser missed: a role noun phrase right before ', <title> Name'."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].ent_type_ == "TITLE":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    candidate = doc[i - 1]
    # Climb to the head of the noun phrase that ends before the comma, stopping at the role
    # ("with China's special envoy for the Pacific, Wang Jun": the envoy, not the meeting).
    while (
        candidate.lemma_.lower() not in roles
        and candidate.dep_ in {"pobj", "prep", "compound", "amod"}
        and candidate.head.i < candidate.i
    ):
        candidate = candidate.head
    if candidate.lemma_.lower() in roles:
        return candidate
    return None


def country_of_phrase(head: Token, context: DocContext, exclude: Span | None = None) -> str | None:
    """The country a phrase is affiliated with: 'Mali's', 'Malian', 'US', 'of Mali', an org's."""
    posted_to = _posted_to(head, context.knowledge) | _located_at(head, context)
    # A clause inside the phrase talks about something else: "The director ..., called on
    # Iran to ..." does not make the director Iranian.
    clauses = {
        t.i
        for child in head.subtree
        if child.dep_ in {"acl", "relcl", "advcl", "ccomp", "xcomp"} and child != head
        for t in child.subtree
    }
    # So does another party joined to it: in "between a Western leader and the Belarusian
    # leader" the first leader is not Belarusian.
    clauses.update(t.i for child in head.children if child.dep_ == "conj" for t in child.subtree)
    for token in head.subtree:
        if exclude is not None and exclude.start <= token.i < exclude.end:
            continue
        if token.i in posted_to or token.i in clauses:
            continue
        ent = context.entity(token)
        if ent is None or token.i != ent.start:
            continue
        if backer(token, context.knowledge) or heritage(token):
            continue  # "Russia-backed rebels" are not Russian; "a Cuban-American senator" is
        entry = context.entry(ent)
        if entry is None:
            continue
        if ent.label_ in {"GPE", "NORP"} and entry.kind == "country":
            return entry.id
        # a region of one country too ('Darfur rebels'); one across borders has none (Sahel)
        if entry.country and entry.kind in PLACE_OF_ONE_COUNTRY:
            return entry.capital_of or entry.country
        if ent.label_ == "ORG" and entry.country:
            return entry.country
    return None


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


def _located_at(head: Token, context: DocContext) -> set[int]:
    """Tokens naming the city people are in ('officials in Paris', 'diplomats in Geneva'):
    where they are, not whose. A country they are in is theirs ('rebels in the Ivory
    Coast'), and a state body stays its seat's ('the government in Kabul')."""
    words = context.knowledge.words
    if head.lemma_.lower() in words("government_nouns") | words("home_body_nouns"):
        return set()
    found: set[int] = set()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in words("locative_preps") or prep.i < head.i:
            continue
        for pobj in prep.children:
            place = context.entity(pobj) if pobj.dep_ == "pobj" else None
            entry = context.entry(place) if place is not None else None
            if entry is not None and entry.kind in {"city", "seat", "venue"}:
                found.update(t.i for t in prep.subtree)
    return found


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
            # "head of African Affairs", not "leaders of some 3,000 fighters who ..."
            if prep.dep_ == "prep" and prep.lower_ == "of" and len(list(prep.subtree)) <= 5:
                words.extend(prep.subtree)
        words.sort(key=lambda t: t.i)
        text = context.doc[words[0].i : words[-1].i + 1].text
        return text[0].upper() + text[1:]
    return None
