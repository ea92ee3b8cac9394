"""A person who comes to where the story is filed is a visitor there, not its own official.

'ANKARA — Foreign Minister X arrived on Monday for talks', 'NAIROBI — Foreign Minister X, who
flew in from Mali, met ...', 'PARIS — Defence Minister X held talks with his French
counterpart': a bare office under a dateline is read as the dateline country's own
(`homeland.office_country`), but what the story says of the person's coming, or of whom they
face, says they are from elsewhere. Their country is then what the text or the office-holder
file gives, or none: a wrong country is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .context import DocContext
from .descriptors import country_of_phrase
from .homeland import story_country

DESTINATION_PREPS = frozenset({"in", "to", "at", "into"})


def visitor_here(ent: Span, context: DocContext) -> bool:
    """Whether any mention of the person says they came to the story's country from
    elsewhere, or names their counterpart as one of its people."""
    story = story_country(context)
    if story is None:
        return False
    info = context.person(ent)
    starts = info.mentions if info is not None else [ent.start]
    for start in starts:
        mention = context.entity(context.doc[start])
        root = mention.root if mention is not None else context.doc[start]
        for verb in _own_verbs(root):
            if _comes_here(verb, story, context) or _faces_a_local(verb, story, context):
                return True
    return False


def _own_verbs(root: Token) -> Iterator[Token]:
    """The verbs the person is the subject of: the clause's, and a relative clause on the
    name ('X, who flew in from Mali, ...')."""
    if root.dep_ in {"nsubj", "nsubjpass"}:
        yield root.head
    for child in root.children:
        if child.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in child.children
        ):
            yield child


def _comes_here(verb: Token, story: str, context: DocContext) -> bool:
    """A coming to the story's country ('arrived in Ankara', 'visited Turkey'), from another
    ('flew in from Mali'), or an arrival with no place named (it is where the story is)."""
    words = context.knowledge.words
    lemma = verb.lemma_.lower()
    if lemma not in words("visitor_verbs"):
        return False
    places = []
    origin = None
    for child in verb.children:
        if child.dep_ == "dobj":
            places.append(child)
        elif child.dep_ == "prep":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "from":
                origin = next(iter(pobjs), None)
            elif child.lower_ in DESTINATION_PREPS:
                places.extend(pobjs)
    if origin is not None:
        came_from = country_of_phrase(origin, context)
        if came_from is not None and came_from != story:
            return True
    countries = [c for c in (country_of_phrase(p, context) for p in places) if c is not None]
    if countries:
        return all(c == story for c in countries)
    return origin is None and not places and lemma in words("arrival_verbs")


def _faces_a_local(verb: Token, story: str, context: DocContext) -> bool:
    """'held talks with his French counterpart' in a Paris story: a counterpart is of
    another country than the person, so the person is not of the story's."""
    for child in verb.children:
        if child.dep_ == "conj":
            continue  # another clause, with a subject of its own
        for token in child.subtree:
            if token.lemma_.lower() != "counterpart":
                continue
            owned = any(c.dep_ == "poss" for c in token.children)  # 'his', 'her'
            if owned and country_of_phrase(token, context) == story:
                return True
    return False
