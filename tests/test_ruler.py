"""The eventx_ruler component: same matches as spaCy's entity_ruler, and it saves and loads."""

from __future__ import annotations

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
    for text in TEXTS:
        assert ents(ours(text)) == ents(theirs(text)), text


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
