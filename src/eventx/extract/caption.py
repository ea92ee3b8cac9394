"""Asides run into scraped story text: photo captions, told apart so their people stay out
of the story, and subheads, whose contact the paragraph after them tells."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from ..schema import Event
from .knowledge import Knowledge

# A subhead is a few words: "Kenya-Uganda talks", "Border row".
SUBHEAD_WORDS = 8

CAPTION_OPENERS = frozenset({"FILE"})


def archive_photo(sentence: Span) -> bool:
    """A caption of a file photo ('FILE - ...'): a picture from another day, of its own people."""
    words = [t for t in sentence if not t.is_space and t.text not in {"-", "—"}]
    return bool(words) and words[0].text in CAPTION_OPENERS


def is_caption(sentence: Span, knowledge: Knowledge) -> bool:
    """Whether a sentence is a photo caption run into the story: 'FILE - ...', or one that
    places its people in the picture ('Putin, right, and Aliyev shake hands ...';
    `caption_positions`). A caption's people are no antecedents for the story's pronouns."""
    if archive_photo(sentence):
        return True
    words = [t for t in sentence if not t.is_space]
    positions = knowledge.words("caption_positions")
    for i in range(1, len(words) - 1):
        before, word, after = words[i - 1], words[i], words[i + 1]
        if before.text == "," and after.text in {",", ")"} and word.lower_ in positions:
            return True  # "Putin, right, and ..."
        if before.text == "(" and after.text == ")" and word.lower_ in positions:
            return True  # "Putin (R) and ..."
    return False


def subhead(sentence: Span) -> bool:
    """A subhead glued to its paragraph: a few words without a verb, ended by the hyphen the
    line break became ('Kenya-Uganda talks-'), not the story's headline."""
    words = [t for t in sentence if not t.is_space]
    return (
        sentence.start > 0
        and 1 < len(words) <= SUBHEAD_WORDS
        and words[-1].text == "-"
        and not any(t.pos_ in {"VERB", "AUX"} for t in words)
    )


def drop_subhead_echoes(events: list[Event], doc: Doc) -> list[Event]:
    """'Kenya-Uganda talks-A Kenyan official said negotiations ... continue': a subhead's
    contact is the one the sentence after it tells, with a party in common, not another."""
    sentences = list(doc.sents)
    after = {a.start_char: b.start_char for a, b in pairwise(sentences)}
    heads = {s.start_char for s in sentences if subhead(s)}
    if not heads:
        return events

    def names(event: Event) -> set[str]:
        return {a.name for a in event.actors + event.recipients}

    # the parties of each sentence's contacts, so a subhead looks at its own next sentence only
    told: dict[int, set[str]] = {}
    for event in events:
        if event.event == "CONSULT":
            told.setdefault(event.start, set()).update(names(event))
    return [
        event
        for event in events
        if not (
            event.event == "CONSULT"
            and event.start in heads
            and names(event) & told.get(after.get(event.start, -1), set())
        )
    ]
