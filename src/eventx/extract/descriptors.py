"""What a phrase says of the person or body it names: its title and its country.

Gathering the document's persons (`context.DocContext`) reads these, and so do the actors
built from each argument; they take the context only for its entity lookups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..schema import GazetteerEntry
from .knowledge import Knowledge

if TYPE_CHECKING:
    from .context import DocContext

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
    posted_to = _posted_to(head, context.knowledge)
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
        entry = context.entry(ent)
        if entry is None:
            continue
        if ent.label_ in {"GPE", "NORP"} and entry.kind == "country":
            return entry.id
        if entry.country and entry.kind in {"city", "state", "seat", "government", "ministry"}:
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
