"""The fast path: a cheap first pass picks the sentences worth parsing; only they are parsed.

Most sentences of a news corpus hold no diplomatic event. The first pass runs the tokenizer
and a rule-based sentence splitter, and keeps a sentence when one of the trigger rules could
fire in it: a word form of the rule's lemma is there, and so are the words the rule cannot
fire without (one of its required words, required prepositions, or light verbs), unless an
exclusion term of `models/exclusions.jsonl` written there blocks every event type it could
give ('the clubs meet again in the league'; see `eventx.candidate`). The forms come from the
trigger rules and the model's own lemmatizer tables, so a rule added to
`models/triggers.jsonl` is followed without a word list to keep up to date.

Kept too is the context that the extraction reads across sentences: the headline and the
dateline's lead; the two sentences before a candidate that refers back to a party named
earlier (a word of the `back_references` lexicon, 'he', 'its', 'the two', or a plural of a
`plural_referents` noun, 'the two sides'), since their subjects are what it stands for;
the sentence after a candidate that holds a verb of taking part in or running a contact
('Delegations from A and B attended.', the `attendance_verbs` and `conducting_verbs`
lexicons), which may list that contact's parties; and every sentence where a capitalized
word of a candidate or of such a sentence (not a stop word, 'The', nor a word of a name of
a place or a people the entity rulers know as written in the candidate, 'Kenya', 'Ho Chi
Minh City', 'Kenyan', found by its characters so that no name is tokenized, nor a word of an
office the rulers know as a TITLE or of the `calendar_words` lexicon, 'Minister', 'Tuesday')
is first written or written after another capitalized word (where a person gets a full
name, a title and a country).
A candidate that refers back to nothing needs no sentence before it: the events of earlier
candidates, which contact nouns and visits read, come from candidates, kept anyway. Every other
sentence is blanked: its characters become spaces, line breaks stay, and it starts with a
blank line so that the next kept sentence starts a sentence as it did. The text keeps its
length, every offset still points into the original text, and a run of spaces costs the
parser one token. The entity rulers do not take part in the choice: every sentence the
first pass keeps goes through the whole pipeline, rulers included.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from spacy import attrs
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .candidate import CandidateTest, Inflector
from .components.ruler import EntityRuler
from .defaults import DEFAULT_BATCH_SIZE
from .errors import ExtractionError
from .extract.knowledge import Knowledge
from .pipeline import knowledge_of
from .schema import Document, Event

# Sentences always kept: the headline and the dateline's lead.
LEAD_SENTENCES = 2
# Entity labels of places and peoples, which name no person (see `_known_names`). Not ORG:
# where 'Senate' is first written, its members may get their country and their sector.
PERSONLESS_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _known_names(nlp: Language) -> frozenset[str]:
    """The names of places and peoples that the pipeline's entity rulers match ('Kenya',
    'Ho Chi Minh City', 'Kenyan').

    A city, a country or a nationality names no person, so where it is first written is no
    context a candidate needs: the ruler's entry says what it is. Left out: a
    one-word name that is also a word of a known person's name ('Jordan', 'Georgia'), and
    the names the rulers match only after a preposition ('Nice').
    """
    names: set[str] = set()
    people: set[str] = set()
    for label, pattern in _ruler_phrases(nlp, after_preposition=False):
        if label == "PERSON":
            people.update(pattern.split())
            people.add(pattern)
        elif label in PERSONLESS_LABELS:
            names.add(pattern)
    return frozenset(names - people)


def _ruler_phrases(nlp: Language, *, after_preposition: bool = True) -> Iterator[tuple[str, str]]:
    """(label, phrase) of every phrase pattern of the pipeline's entity rulers; without
    `after_preposition`, not of the rulers that match only after a preposition ('Nice')."""
    for _, pipe in nlp.pipeline:
        if not isinstance(pipe, EntityRuler) or (pipe.after_preposition and not after_preposition):
            continue
        for line in pipe.lines:
            if isinstance(line.pattern, str):
                yield line.label, line.pattern


def _impersonal_words(nlp: Language, knowledge: Knowledge) -> frozenset[str]:
    """Lower-case words that name no person where a candidate writes them capitalized: a
    word of an office the entity rulers know as a TITLE ('Foreign', 'Minister', 'Deputy')
    and a word of the `calendar_words` lexicon ('Tuesday', 'March'). Where 'Minister' is
    first written, or written after another capitalized word, is where other ministers are
    named, not the candidate's person, whose own name words bring that context. Left out:
    a word of a known person's name ('King', 'Bishop')."""
    words: set[str] = set(knowledge.words("calendar_words"))
    people: set[str] = set()
    for label, pattern in _ruler_phrases(nlp):
        if label == "TITLE":
            words.update(pattern.lower().split())
        elif label == "PERSON":
            people.update(pattern.lower().split())
    return frozenset(words - people)


# Place names are indexed by up to their first three characters, then by length.
PREFIX = 3
NameIndex = dict[str, tuple[tuple[int, frozenset[str]], ...]]


def _name_index(names: Iterable[str]) -> NameIndex:
    """Names by their first `PREFIX` characters (all of a shorter name), longest first;
    the first character of every name is a key, if only to an empty group."""
    found: dict[str, dict[int, set[str]]] = {}
    for name in names:
        if name:
            found.setdefault(name[:PREFIX], {}).setdefault(len(name), set()).add(name)
    index = {
        prefix: tuple((length, frozenset(group[length])) for length in sorted(group, reverse=True))
        for prefix, group in found.items()
    }
    for prefix in list(index):
        index.setdefault(prefix[0], ())  # every first character is a key
    return index


# The token attributes the first pass reads, by their place in `_Tokens.flags`.
FLAGS = (
    attrs.IDX, attrs.LENGTH, attrs.SPACY, attrs.IS_SPACE, attrs.IS_PUNCT, attrs.IS_QUOTE,
    attrs.IS_TITLE, attrs.IS_ALPHA, attrs.IS_LOWER, attrs.IS_STOP, attrs.SENT_START,
)  # fmt: skip
START, SIZE, SPACED, SPACE, PUNCT, QUOTE, TITLE, ALPHA, LOWER, STOP, PRESET = range(len(FLAGS))


class _Tokens:
    """A tokenized text as plain lists: integer attributes and each token's text, with no
    Token object per token (a Token costs more than the slice of the text; hashes stay
    out, since turning 64-bit hashes into Python integers costs more still)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.flags: list[list[int]] = doc.to_array(list(FLAGS)).tolist() if len(doc) else []
        self.starts = [row[START] for row in self.flags]
        self.ends = [row[START] + row[SIZE] for row in self.flags]
        self.words = [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]
        # as the lexeme's LOWER is computed (the language's `lower` getter, str.lower)
        self.lowers = [word.lower() for word in self.words]


def _in_known_names(tokens: _Tokens, start: int, end: int, text: str, names: NameIndex) -> set[int]:
    """Indexes of the tokens `start` to `end` (a sentence) that are inside a known name
    written there (see `_known_names`): its 'Minh' in 'Ho Chi Minh City' is the city's,
    where a bare 'Minh' may be a person.
    A name is written where its characters start at a token and end where a token of the
    sentence ends, so no name needs tokenizing."""
    found: set[int] = set()
    starts, ends_at = tokens.starts, tokens.ends
    ends = {ends_at[k]: k + 1 for k in range(start, end)}
    for k in range(start, end):
        name_end = _longest_name_end(text, starts[k], ends, names)
        if name_end is not None:
            found.update(range(k, name_end))
    return found


def _longest_name_end(text: str, start: int, ends: dict[int, int], names: NameIndex) -> int | None:
    # A name with a three-character prefix is longer than any shorter prefix's name.
    if text[start] not in names:
        return None  # no name starts with this character
    for width in range(PREFIX, 0, -1):
        for length, group in names.get(text[start : start + width], ()):
            end = ends.get(start + length)
            if end is not None and text[start : start + length] in group:
                return end
    return None


class SentencePicker:
    """Decides, from the tokenizer alone, which sentences of a text go through the parser."""

    def __init__(
        self, nlp: Language, knowledge: Knowledge, before: int = 2, after: int = 0
    ) -> None:
        self.before, self.after = before, after
        inflect = Inflector.of(nlp)
        self.tokenizer = nlp.tokenizer
        self.sentence_final = frozenset(Sentencizer.default_punct_chars)
        # Plurals only: a singular noun ('the minister') is never a reference to a group.
        plurals = {
            form
            for noun in knowledge.words("plural_referents")
            for form in inflect.forms(noun.split()[-1], ["noun"]) - {noun.split()[-1]}
        }
        self.back_references = knowledge.words("back_references") | plurals
        # "X hosted talks. Delegations from A and B attended.": the parties' sentence after
        # a contact holds no trigger of its own (see extract.attendance)
        taking_part = knowledge.words("attendance_verbs") | knowledge.words("conducting_verbs")
        self.attendance = frozenset(
            form for verb in taking_part for form in inflect.forms(verb, ["verb"])
        )
        self.known_names = _name_index(_known_names(nlp))
        self.impersonal = _impersonal_words(nlp, knowledge)
        self.candidate = CandidateTest(nlp, knowledge)

    def _sentences(self, text: str) -> tuple[_Tokens, list[tuple[int, int]]]:
        """The text's tokens and its sentences as token ranges, split as spaCy's rule-based
        `Sentencizer` splits them (after a run of its sentence-final marks, at the first
        token that is no punctuation), and where a blank line ends one."""
        tokens = _Tokens(self.tokenizer(text), text)
        words, flags, count = tokens.words, tokens.flags, len(tokens.words)
        starts = [False] * count
        if count:
            starts[0] = True
        seen_period = False
        for i, word in enumerate(words):
            final = word in self.sentence_final
            if seen_period and not flags[i][PUNCT] and not final:
                starts[i] = True
                seen_period = False
            elif final:
                seen_period = True
        # The splitter leaves a start the tokenizer set as it is (one at each stretch the
        # tokenizer guard cut out, components/tokenizer.py).
        for i in range(count):
            if flags[i][PRESET]:
                starts[i] = flags[i][PRESET] == 1
        # A blank line ends a sentence, as it does for the parser (components/paragraphs.py).
        # A token's own trailing whitespace is at most one space, so only spacing tokens
        # can hold one.
        for i in range(count - 1):
            if flags[i][SPACE] and not flags[i + 1][SPACE] and "\n\n" in words[i]:
                starts[i + 1] = True
        bounds = [i for i in range(count) if starts[i]] + [count]
        spans: list[tuple[int, int]] = []
        for first, last in pairwise(bounds):
            end = last
            # The splitter hands the next sentence's opening quote to this one ('said. "We');
            # the parser does not, so the quote goes with the sentence it opens.
            if end - 1 > first and flags[end - 1][QUOTE] and flags[end - 2][SPACED]:
                end -= 1
            start = spans[-1][1] if spans else first
            if spans and all(flags[k][SPACE] for k in range(start, end)):
                spans[-1] = (spans[-1][0], end)  # a blank line is no sentence
            elif end > start:
                spans.append((start, end))
        if spans and spans[-1][1] < count:
            spans[-1] = (spans[-1][0], count)
        return tokens, spans

    def reduce(self, text: str) -> str:
        """The text with every sentence that needs no parse blanked to spaces."""
        return self.choose(text).text()

    def choose(self, text: str) -> Choice:
        """The text's sentences and why each is kept (`Choice.kept`)."""
        tokens, sentences = self._sentences(text)
        kept: dict[int, str] = {}
        flags, lower = tokens.flags, tokens.lowers
        lowers = [lower[start:end] for start, end in sentences]
        words = [set(found) for found in lowers]
        candidates = [
            i
            for i, (start, end) in enumerate(sentences)
            if self.candidate(lowers[i], [bool(flags[k][LOWER]) for k in range(start, end)])
        ]
        spans = [(tokens.starts[start], tokens.ends[end - 1]) for start, end in sentences]
        if not candidates:
            return Choice(text, spans, kept)
        # The first reason a sentence is kept for is the one it keeps (see `Choice.kept`).
        for i in candidates:
            kept[i] = CANDIDATE
        for i in range(min(LEAD_SENTENCES, len(sentences))):
            kept.setdefault(i, LEAD)
        followers = [
            i + 1 for i in candidates if i + 1 < len(words) and words[i + 1] & self.attendance
        ]
        for i in followers:
            kept.setdefault(i, FOLLOWER)
        for i in candidates:
            if words[i] & self.back_references:
                for k in range(max(i - self.before, 0), i):
                    kept.setdefault(k, BEFORE)
            for k in range(i, min(i + self.after + 1, len(sentences))):
                kept.setdefault(k, BEFORE)
        # Where each name of a candidate is first written, and first written in full
        # ('Jane Doe' after a bare 'Doe'): titles, countries and given names come from there.
        first: dict[str, int] = {}
        full: dict[str, set[int]] = {}
        text_of = tokens.words
        for i, (start, end) in enumerate(sentences):
            for k in range(start, end):
                if flags[k][TITLE] and flags[k][ALPHA]:
                    word = text_of[k]
                    first.setdefault(word, i)
                    if k > start and flags[k - 1][TITLE]:
                        full.setdefault(word, set()).add(i)
        for i in dict.fromkeys(candidates + followers):
            start, end = sentences[i]
            places = _in_known_names(tokens, start, end, text, self.known_names)
            for k in range(start, end):
                # A capitalized stop word ('The', 'In') opens a sentence; it names no one.
                if (
                    flags[k][TITLE]
                    and flags[k][ALPHA]
                    and not flags[k][STOP]
                    and k not in places
                    and lower[k] not in self.impersonal
                ):
                    kept.setdefault(first[text_of[k]], NAME)
                    for j in full.get(text_of[k], ()):
                        kept.setdefault(j, NAME)
        return Choice(text, spans, kept)


# Why a sentence is kept, strongest first (a candidate is parsed for itself).
CANDIDATE, LEAD, FOLLOWER, BEFORE, NAME = "candidate", "lead", "follower", "before", "name"


class Choice:
    """A text's sentences (character spans) and, by sentence index, why each is kept."""

    def __init__(self, text: str, spans: list[tuple[int, int]], kept: dict[int, str]) -> None:
        self.original, self.spans, self.kept = text, spans, kept

    def text(self) -> str:
        """The text with every sentence not kept blanked (see `_blank`)."""
        text, spans = self.original, self.spans
        if not self.kept:
            return _blank(text)
        pieces = [text[: spans[0][0]]]
        for i, (start, _) in enumerate(spans):
            following = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            chunk = text[start:following]
            pieces.append(chunk if i in self.kept else _blank(chunk, paragraph=True))
        return "".join(pieces)


def _blank(text: str, paragraph: bool = False) -> str:
    """Spaces for every character but line breaks and other spacing, which stay.

    With `paragraph`, the blank starts with a blank line, so that the sentence after it
    starts a sentence (components/paragraphs.py) as it did when its neighbour was there:
    the parser alone may run two kept sentences together across the gap.
    """
    blank = "".join(c if c.isspace() else " " for c in text)
    if paragraph and len(blank) > 2 and "\n\n" not in blank:
        blank = "\n\n" + blank[2:]
    return blank


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    first_batches: Sequence[int] = (),
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """As `eventx.stream.extract_documents`, parsing only the sentences the first pass keeps.

    Each document comes back as it was given, with the events of its reduced text: their
    offsets and sentences are the original text's, since blanking keeps every character
    in place. A text longer than the model takes is not reduced: it goes whole to the full
    path, which cuts it into parts or refuses it, without a first pass over all of it; so
    does a text the first pass fails on.
    """
    from .stream import extract_documents as full

    picker = SentencePicker(nlp, knowledge_of(nlp))
    given: deque[Document] = deque()

    def reduced() -> Iterator[Document]:
        for document in documents:
            given.append(document)
            if len(document.text) > nlp.max_length:
                yield document
                continue
            try:
                text = picker.reduce(document.text)
            except Exception:
                # A text the first pass cannot read (a lone surrogate) goes whole to the full
                # path, which refuses it with the reason, or parses it.
                yield document
                continue
            yield document.model_copy(update={"text": text})

    results = full(nlp, reduced(), batch_size=batch_size, jobs=jobs, first_batches=first_batches)
    for _, result in results:
        yield given.popleft(), result
