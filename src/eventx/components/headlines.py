"""The `eventx_headlines` component: scraped headlines and subheads glued to the next sentence.

Scraped wire copy often loses the line break after a headline or a subheading, leaving
"...Mend Ties-NAIROBI — -Foreign Minister ...", "Hard bargaining ahead-Delegates
from Peru ...", a title-case headline run into the lead ("Envoy Says Talks Stall-The
envoy said ...") or a subhead with a space before its hyphen ("Talks -The two ...",
"Protesters -CAIRO — ..."). Left alone, the headline becomes part of the lead's subject
("Envoy Heads") and the dateline's stray hyphen swallows the first word ("-U.S."). This
component runs before everything else: it splits the stray hyphen off the first word and
starts a new sentence at the dateline and after a glued headline or subhead, so neither
joins a participant.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extract.caption import CAPTION_OPENERS
from ..extract.context import DASHES
from .paragraphs import mark_sentence_starts

if TYPE_CHECKING:
    from thinc.types import Ints2d

# Words before a hyphen that form one word with what follows ("pro-Russian", "al-Assad").
PREFIXES = frozenset(
    {
        "al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "le",
        "la", "pro", "anti", "non", "ex", "mid", "post", "pre", "trans", "pan", "neo", "un", "re",
        "co", "self", "all", "quasi", "semi", "sub", "super", "inter", "intra", "multi", "counter",
        "cross", "euro", "afro", "sino", "indo", "russo", "franco", "then", "now", "would-be",
    }
)  # fmt: skip
# A dotted capital abbreviation that can open a lead: "U.S.", "U.N.", "U.K.".
ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
# A title-case headline is this many words at least before it runs into the lead.
HEADLINE_WORDS = 3
# How far back a capitalized subhead is looked for: a subhead is a few words, and a bound
# keeps a text of thousands of capitalized, hyphenated words linear.
SUBHEAD_REACH = 12
# How far into the lead its first lower-case word is looked for.
LEAD_REACH = 8
# Each split shifts the whole Doc, so their cost grows with the square of their number; a
# story has a handful of glued headlines and captions, a pathological text thousands.
MAX_SPLITS = 64


@Language.factory("eventx_headlines", assigns=["token.is_sent_start"])
def make_headlines(nlp: Language, name: str) -> Headlines:
    """Build the headline-splitting component."""
    return Headlines(name)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written without spaces between two words."""
    token = doc[i]
    return (
        token.text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not token.whitespace_
    )


def _spaced_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen with a space before it and a word glued after: 'Talks -The'."""
    token = doc[i]
    return (
        token.text == "-"
        and 0 < i < len(doc) - 1
        and bool(doc[i - 1].whitespace_)
        and not token.whitespace_
        and doc[i - 1].is_alpha
    )


def _capital(token: Token) -> bool:
    return (token.is_alpha and (token.is_title or token.is_upper)) or bool(
        ABBREVIATION.fullmatch(token.text)
    )


def _headline_word(token: Token) -> bool:
    """A word as a title-case headline writes it: capitalized, or a small lower-case word
    ('on', 'than', 'amid')."""
    if not token.is_alpha:
        return True  # punctuation, numbers and possessives: "Rwanda's", "'Shame'"
    return _capital(token) or (token.is_lower and (token.is_stop or len(token) <= 4))


def _lead_after(doc: Doc, i: int) -> bool:
    """A sentence-case lead starts at token i: a lower-case word ('said', 'critics') comes
    within reach, before any other glued hyphen."""
    for j in range(i + 1, min(i + LEAD_REACH, len(doc))):
        if _glued_hyphen(doc, j):
            return False
        if doc[j].is_alpha and doc[j].is_lower and not doc[j].is_stop:
            return True
    return False


def _headline_end(doc: Doc) -> int | None:
    """Where a title-case headline at the start of the text runs into the lead: 'Kyiv Says
    Forces Attacked-Ukraine said Tuesday', 'Burma Frees Prisoners-Five prisoners were'."""
    for i in range(1, min(len(doc) - 1, 40)):
        token = doc[i]
        if token.is_sent_start or token.text in {".", "!", "?", *DASHES}:
            return None  # a dateline's dash ends the headline: the rule for datelines splits it
        if not _headline_word(token):
            return None
        left = doc[i - 1]
        if not _glued_hyphen(doc, i) or not left.is_alpha or left.lower_ in PREFIXES:
            continue
        words = sum(t.is_alpha for t in doc[:i])
        if words >= HEADLINE_WORDS and _capital(doc[i + 1]) and _lead_after(doc, i + 1):
            return i + 1
    return None


def _dateline_after(doc: Doc, i: int) -> bool:
    """An upper-case place name runs from token i to a dash: 'WASHINGTON —', 'WHITE HOUSE —',
    also with its country after a comma: 'NEW DELHI, INDIA —', 'BAMAKO, Mali —'."""
    comma = False
    for j in range(i, min(i + 6, len(doc))):
        token = doc[j]
        if token.text in DASHES:
            return j > i
        if token.text == "," and j > i:
            comma = True
        elif not token.is_alpha or not (token.is_upper or (comma and token.is_title)):
            return False
    return False


def sentence_starts(doc: Doc) -> list[int]:
    """Indices of tokens that start a sentence after a glued headline or subhead."""
    starts: list[int] = []
    headline = _headline_end(doc)
    for i in range(1, len(doc) - 1):
        spaced = _spaced_hyphen(doc, i)
        if not (spaced or _glued_hyphen(doc, i)):
            continue
        left, right = doc[i - 1], doc[i + 1]
        if _dateline_after(doc, i + 1) or right.text in CAPTION_OPENERS or i + 1 == headline:
            starts.append(i + 1)
        elif left.text == ")" and _capital(right):
            starts.append(i + 1)  # a caption's credit, then the story: "(J. Doe/AP)-Zeid said"
        elif spaced:
            if _capital(right):
                starts.append(i + 1)  # "Responsibility -Syrian TV said", "Cease-fire -The"
        elif (
            left.is_lower
            and left.is_alpha
            and len(left) > 2
            and left.lower_ not in PREFIXES
            and ((right.is_title and right.is_alpha) or ABBREVIATION.fullmatch(right.text))
        ):
            # "Hard bargaining ahead-Delegates from Peru", "pressure on the north-U.S. President"
            starts.append(i + 1)
        elif _title_subhead_before(doc, i) and right.is_title and right.is_stop:
            starts.append(i + 1)  # "... he said. Lena Marsh-The U.N. envoy Marsh"
    return starts


def _title_subhead_before(doc: Doc, i: int) -> bool:
    """Two or more capitalized words run from a sentence's end to the hyphen at i: a
    subhead, often a name ('Lena Marsh-The ...'), not a hyphenated name ('Jean-Pierre')."""
    words = 0
    for j in range(i - 1, max(-1, i - 1 - SUBHEAD_REACH), -1):
        token = doc[j]
        if token.text in {".", "!", "?", "”", '"'}:
            break
        if _glued_hyphen(doc, j):
            continue  # "Kerry-Lavrov Talks-The ..."
        if not token.is_alpha or not _capital(token) or token.lower_ in PREFIXES:
            return False
        words += 1
    else:
        return i - 1 - SUBHEAD_REACH < 0 and words >= 2  # the text's start, not a long run
    return words >= 2


def _hold_datelines_together(doc: Doc, starts: list[int]) -> None:
    """No sentence starts inside a dateline split off a headline, nor right after its dash:
    the parser would otherwise end one at 'BAMAKO' in 'BAMAKO, Mali — Malian President'."""
    inside = [
        j
        for i in starts
        if _dateline_after(doc, i)
        for j in range(i + 1, min(i + 8, len(doc)))
        if not any(doc[k].text in DASHES for k in range(i, j - 1))
    ]
    if inside:
        values = doc.to_array([SENT_START]).reshape(-1, 1)
        values[inside, 0] = values.dtype.type(2**64 - 1)  # -1, "not a start", as uint64
        doc.from_array([SENT_START], cast("Ints2d", values))


def _glued_pieces(doc: Doc) -> list[tuple[Token, list[str]]]:
    """Tokens that hold a hyphen the tokenizer did not split off: '— -U.S. Secretary' (the
    dateline's hyphen on the story's first word), 'Talks -The' (a subhead's), 'across the
    U.S.-FILE - President' (an abbreviation glued to the caption after it) and 'via AP)-Zeid'
    (a caption's photo credit glued to the story after it)."""
    found: list[tuple[Token, list[str]]] = []
    for token in doc:
        text = token.text
        if token.ent_type_:
            continue  # a user's pattern matched it as it is
        before = doc[token.i - 1]
        if (
            token.i > 0
            and len(text) > 1
            and text[0] == "-"
            and text[1].isupper()
            # "— -U.S.", and a subhead's hyphen after a space: "Protesters -CAIRO"
            and (
                before.text in DASHES or before.is_space or (before.whitespace_ and before.is_alpha)
            )
        ):
            found.append((token, ["-", text[1:]]))
            continue
        left, hyphen, right = text.partition(".-")
        if hyphen and left and right[:1].isupper():
            found.append((token, [left + ".", "-", right]))
            continue
        left, hyphen, right = text.partition(")-")
        if hyphen and right[:1].isupper():
            # a photo credit closing a caption, glued to the story: "(J. Doe via AP)-Zeid"
            found.append((token, [piece for piece in (left, ")", "-", right) if piece]))
    return found


class Headlines:
    """Splits stray dateline hyphens off words and starts sentences after glued headlines."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        glued = _glued_pieces(doc)[:MAX_SPLITS]
        if glued:
            with doc.retokenize() as retokenizer:
                for token, pieces in glued:
                    # every piece hangs on the first; the parser sets real heads later
                    heads: list[Token | tuple[Token, int]] = [(token, 0)] * len(pieces)
                    retokenizer.split(token, pieces, heads=heads)
        starts = sentence_starts(doc)
        mark_sentence_starts(doc, starts)
        _hold_datelines_together(doc, starts)
        return doc

    # Stateless: nothing to save.
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> Headlines:
        return self
