"""Photo captions inside scraped story text: told apart so their people stay out of the story."""

from __future__ import annotations

from spacy.tokens import Span

from .knowledge import Knowledge

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
