"""The eventx_ruler component: same matches as spaCy's entity_ruler, and it saves and loads."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from eventx import resources
from eventx.components.ruler import EntityRuler
from eventx.schema import PatternLine

TEXTS = [
    "Mali's Foreign Minister met the U.S. envoy in Bamako and later flew to Côte d'Ivoire.",
    "Talks in Burkina Faso, Niger and the Democratic Republic of the Congo resumed on Monday.",
    "The UN Security Council and the African Union met in Addis Ababa.",
    "Officials in Washington said the Kremlin had rejected the plan for the Sahel.",
    "Nigerien and Nigerian troops patrolled the border near Lake Chad.",
]


def ents(doc: spacy.tokens.Doc) -> list[tuple[str, str, str]]:
    return [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents]


# Contexts a name meets in wire copy; {0} and {1} are two names drawn from a rule file.
TEMPLATES = [
    "{0} met {1} on Monday.",
    "Talks between {0} and {1} resumed in {0}.",
    "{0}'s delegation left for {1}, officials said.",
    'The envoy ({0}) spoke to "{1}" reporters.',
    "Officials from {0}-{1} joined the pro-{0} group.",
    "{0}{1} and {0}n are not names; {1}",
    "Leaders of {0} {1} agreed.",
    "{0}. {1}: {0}; {1}!",
    "In {0} - the {1} said - nothing changed.",
]


def _generated_texts(lines: tuple[PatternLine, ...], count: int) -> list[str]:
    """Sentences with names from the rule file, in varied contexts and in a few casings."""
    names = [line.pattern for line in lines if isinstance(line.pattern, str)]
    pick = random.Random(f"ruler-{len(names)}")
    texts = list(TEXTS)
    for n in range(count):
        first, second = pick.choice(names), pick.choice(names)
        if n % 7 == 0:
            first = first.upper()
        if n % 11 == 0:
            second = second.lower()
        texts.append(TEMPLATES[n % len(TEMPLATES)].format(first, second))
    return texts


@pytest.mark.parametrize("family", list(resources.RULER_FILES))
def test_matches_like_spacys_entity_ruler(family: str) -> None:
    lines = resources.shipped_patterns(family)
    ours = spacy.blank("en")
    ours.add_pipe("eventx_ruler", config={"family": family})
    theirs = spacy.blank("en")
    reference = theirs.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    reference.add_patterns(  # type: ignore[attr-defined]
        [{"label": line.label, "pattern": line.pattern, "id": line.id} for line in lines]
    )
    texts = _generated_texts(lines, 1500)
    for text in texts:
        assert ents(ours(text)) == ents(theirs(text)), text
    assert sum(len(ours(text).ents) for text in texts) > len(texts)


class CountedName(str):
    """A name that counts how often its length is asked for: a sort by length asks."""

    asked = 0

    def __len__(self) -> int:
        CountedName.asked += 1
        return super().__len__()


def test_many_names_sharing_a_prefix_are_indexed_in_linear_work() -> None:
    names = 3_000
    ruler = EntityRuler(spacy.blank("en"), "many")
    CountedName.asked = 0
    ruler.add_patterns(
        # Built without validation so that the pattern stays a CountedName.
        PatternLine.model_construct(
            label="PERSON",
            pattern=CountedName(f"Abdoulaye {'Diallo' * (n % 5 + 1)} {n}"),
            id=f"p{n}",
        )
        for n in range(names)
    )
    doc = ruler(
        spacy.blank("en")("Abdoulaye DialloDiallo 6 met Abdoulaye Diallo 1500 and Abdoulaye.")
    )
    assert ents(doc) == [
        ("Abdoulaye DialloDiallo 6", "PERSON", "p6"),
        ("Abdoulaye Diallo 1500", "PERSON", "p1500"),
    ]
    # Re-sorting the bucket on every add asks for each length about names**2 / 2 times.
    assert CountedName.asked < 10 * names


def test_an_earlier_ruler_wins_and_longest_match_wins_within_one() -> None:
    nlp = spacy.blank("en")
    first = nlp.add_pipe("eventx_ruler", name="first")
    second = nlp.add_pipe("eventx_ruler", name="second")
    assert isinstance(first, EntityRuler) and isinstance(second, EntityRuler)
    first.add_patterns([PatternLine(label="ORG", pattern="Bank of Mali", id="org.bom")])
    second.add_patterns(
        [
            PatternLine(label="GPE", pattern="Mali", id="MLI"),
            PatternLine(label="GPE", pattern="South Sudan", id="SSD"),
            PatternLine(label="GPE", pattern="Sudan", id="SDN"),
        ]
    )
    doc = nlp("The Bank of Mali lent South Sudan money, not Sudan or Mali.")
    assert ents(doc) == [
        ("Bank of Mali", "ORG", "org.bom"),
        ("South Sudan", "GPE", "SSD"),
        ("Sudan", "GPE", "SDN"),
        ("Mali", "GPE", "MLI"),
    ]


def test_names_inside_words_do_not_match() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("eventx_ruler")
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns([PatternLine(label="GPE", pattern="Oman", id="OMN")])
    assert ents(nlp("Romans and a woman met Omani officials.")) == []
    assert ents(nlp("Oman's envoy")) == [("Oman", "GPE", "OMN")]


def test_saved_pipeline_keeps_user_patterns(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("eventx_ruler", name="eventx_user")
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(
        [
            PatternLine(label="GPE", pattern="Freedonia", id="FRD"),
            PatternLine(
                label="TITLE", pattern=[{"LOWER": "grand"}, {"LOWER": "vizier"}], id="t.gv"
            ),
        ]
    )
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert ents(loaded("The Grand Vizier of Freedonia")) == [
        ("Grand Vizier", "TITLE", "t.gv"),
        ("Freedonia", "GPE", "FRD"),
    ]


# A contextual ruler on a long document where every sentence has a match and an entity.
MANY_MATCHES = """
import spacy
from spacy.tokens import Span
from eventx.components.ruler import EntityRuler
from eventx.schema import PatternLine

nlp = spacy.blank("en")
nlp.max_length = 10_000_000  # no parser here
ruler = EntityRuler(nlp, "context", after_preposition=True)
ruler.add_patterns([PatternLine(label="GPE", pattern="Nice", id="geonames:2990440")])
doc = nlp.make_doc("Officials met in Nice with Sissoko . " * {repeats})
doc.ents = [Span(doc, i, i + 1, label="PERSON") for i in range(5, len(doc), 7)]
doc = ruler(doc)
print(len(doc.ents), sum(ent.label_ == "GPE" for ent in doc.ents))
"""


def test_a_contextual_ruler_does_linear_work_on_many_matches() -> None:
    repeats = 60_000
    # The timeout only guards against a hang: comparing every match with every entity takes
    # many minutes here, linear work a second or two.
    done = subprocess.run(
        [sys.executable, "-c", MANY_MATCHES.format(repeats=repeats)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(2 * repeats), str(repeats)]
