"""The fast path's candidate test: whether one of the trigger rules could fire in a sentence.

A rule needs a word form of its lemma and each kind of word it cannot fire without (one of
its required words, required prepositions, its particle, or, for a noun without
`standalone`, one of its light verbs). A sentence whose every possible event type is
blocked by an exclusion term of `models/exclusions.jsonl` written in it in lower case ('the
teams meet again in the cup') gives no event either: the full path drops every trigger
there. The forms come from the rules and the model's own lemmatizer tables, so a rule or an
exclusion term added later is followed with no word list to keep up to date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language

from .extract.knowledge import Knowledge
from .schema import TriggerRule


def _lemmatizer_tables(nlp: Language) -> tuple[dict[str, list[list[str]]], dict[str, dict]]:
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    rules: dict[str, list[list[str]]] = {}
    exceptions: dict[str, dict] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        if lookups.has_table("lemma_rules") and pos in lookups.get_table("lemma_rules"):
            rules[pos] = lookups.get_table("lemma_rules")[pos]
        if lookups.has_table("lemma_exc") and pos in lookups.get_table("lemma_exc"):
            exceptions[pos] = lookups.get_table("lemma_exc")[pos]
    return rules, exceptions


@dataclass(frozen=True)
class Inflector:
    """Every word form the model's lemmatizer could reduce to a given lemma, by part of
    speech: the lemmatizer only applies a part of speech's own rules, so 'according' is
    a form of the verb 'accord' but never of the noun."""

    irregular: dict[tuple[str, str], frozenset[str]]  # (pos, lemma) -> exception forms
    suffixes: dict[str, tuple[tuple[str, str], ...]]  # pos -> (form ending, lemma ending)

    @classmethod
    def of(cls, nlp: Language) -> Inflector:
        rules, exceptions = _lemmatizer_tables(nlp)
        irregular: dict[tuple[str, str], set[str]] = {}
        for pos, table in exceptions.items():
            for form, lemmas in table.items():
                for lemma in lemmas:
                    irregular.setdefault((pos, lemma.lower()), set()).add(form.lower())
        return cls(
            {key: frozenset(forms) for key, forms in irregular.items()},
            {pos: tuple((old, new) for old, new in table) for pos, table in rules.items()},
        )

    def forms(self, lemma: str, pos: Iterable[str] = ("noun", "verb", "adj")) -> frozenset[str]:
        lemma = lemma.lower()
        found = {lemma}
        for part in pos:
            found |= self.irregular.get((part, lemma), frozenset())
            for old, new in self.suffixes.get(part, ()):
                if lemma.endswith(new):
                    found.add(lemma[: len(lemma) - len(new)] + old)
            if part == "verb" and lemma[-1:].isalpha() and lemma[-1:] not in "aeiouwxy":
                # A doubled final consonant ("planned") that a model lists nowhere still
                # lemmatizes by its rules to a non-word; cover it rather than miss a form.
                found |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        return frozenset(found)


@dataclass(frozen=True)
class Need:
    """What a sentence must hold for one trigger rule to have a chance to fire."""

    event: str
    trigger: frozenset[str]
    any_of: tuple[frozenset[str], ...]  # each set: at least one of these words


def need_of(rule: TriggerRule, inflect: Inflector) -> Need:
    """What `rule` needs of a sentence's words."""
    any_of: list[frozenset[str]] = []
    if rule.requires_word:
        words = rule.requires_word
        any_of.append(frozenset(form for word in words for form in inflect.forms(word)))
    if rule.requires_prep:
        any_of.append(frozenset(prep.lower() for prep in rule.requires_prep))
    if rule.particle:
        any_of.append(frozenset({rule.particle.lower()}))
    if rule.light_verbs and not rule.standalone:
        verbs = rule.light_verbs
        any_of.append(frozenset(form for verb in verbs for form in inflect.forms(verb, ["verb"])))
    pos = [part.lower() for part in rule.pos]
    return Need(rule.event, inflect.forms(rule.lemma, pos), tuple(any_of))


class CandidateTest:
    """Whether a sentence, given as its words in lower case, may hold a trigger that fires."""

    def __init__(self, nlp: Language, knowledge: Knowledge) -> None:
        inflect = Inflector.of(nlp)
        self.needs: dict[str, list[Need]] = {}
        for rules in knowledge.by_lemma.values():
            for rule in rules:
                need = need_of(rule, inflect)
                for form in need.trigger:
                    self.needs.setdefault(form, []).append(need)
        # Exclusion terms by the forms the full path reads them in (its lemma, its words,
        # two words in a row), nouns inflected: 'clubs' is the lemma 'club' however tagged.
        self.excluded: dict[str, frozenset[str]] = {}
        for term, events in knowledge.excluded_terms.items():
            forms = inflect.forms(term, ["noun"]) if " " not in term else {term}
            for form in forms:
                self.excluded[form] = self.excluded.get(form, frozenset()) | frozenset(events)

    def __call__(self, lowers: Sequence[str], lowercase: Sequence[bool]) -> bool:
        """`lowers`: the sentence's tokens in lower case; `lowercase`: whether each is
        written in lower case (a term in a capitalized word may be a name's, 'the Arab
        League', which the full path does not read as the domain)."""
        words = set(lowers)
        events: set[str] = set()
        for word in words:
            for need in self.needs.get(word, ()):
                if need.event not in events and all(words & other for other in need.any_of):
                    events.add(need.event)
        if not events:
            return False
        blocked: set[str] = set()
        for i, word in enumerate(lowers):
            if lowercase[i]:
                blocked |= self.excluded.get(word, frozenset())
                if i + 1 < len(lowers) and lowercase[i + 1]:
                    blocked |= self.excluded.get(f"{word} {lowers[i + 1]}", frozenset())
        return not events <= blocked
