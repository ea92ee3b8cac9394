"""Reading rule files: where they are, and how bad lines are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventx import resources
from eventx.errors import RuleFileError


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_models_dir_is_the_checkout_when_run_from_source() -> None:
    assert resources.models_dir() == Path(__file__).resolve().parent.parent / "models"


def test_models_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTX_MODELS_DIR", str(tmp_path))
    assert resources.models_dir() == tmp_path


def test_conflicting_descriptions_of_one_id_name_the_second_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mine.jsonl",
        [
            {
                "label": "GPE",
                "pattern": "Sylvania",
                "id": "SYL",
                "kind": "country",
                "country": "SYL",
            },
            {"label": "GPE", "pattern": "Sylvanian Republic", "id": "SYL"},
            {"label": "NORP", "pattern": "Sylvanian", "id": "SYL", "kind": "demonym"},
        ],
    )
    with pytest.raises(RuleFileError) as caught:
        resources.read_patterns(path)
    assert caught.value.line == 3
    assert "mine.jsonl:3" in str(caught.value)


def test_binary_pattern_file_is_a_rule_file_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"label": "GPE"}\n\xff\xfe\x00garbage\n')
    with pytest.raises(RuleFileError, match="not UTF-8"):
        resources.read_patterns(path)


def test_shipped_rules_load_and_have_unique_ids() -> None:
    triggers = resources.trigger_rules()
    assert len({rule.id for rule in triggers}) == len(triggers)
    assert {rule.event for rule in triggers} >= {"CONSULT", "AGREE", "REQUEST", "SANCTION"}
    assert {rule.topic for rule in resources.topic_rules()} >= {"security", "economy"}
    assert resources.exclusion_rules()


def test_a_pattern_country_must_be_a_three_letter_code(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mine.jsonl",
        [
            {
                "label": "GPE",
                "pattern": "Freedonia",
                "id": "FRD",
                "kind": "country",
                "country": "frd",
            }
        ],
    )
    with pytest.raises(RuleFileError, match=r"mine\.jsonl:1: country"):
        resources.read_patterns(path)


def test_every_word_list_the_code_names_is_shipped() -> None:
    import re

    source = Path(__file__).resolve().parent.parent / "src" / "eventx" / "extract"
    named = {
        name
        for path in source.glob("*.py")
        for name in re.findall(r'words\("([a-z_]+)"\)', path.read_text(encoding="utf-8"))
    }
    named |= {f"aid_mode_{mode}" for mode in ("military", "humanitarian", "economic")}
    shipped = {lexicon.name for lexicon in resources.lexicon_rules()}
    assert named and named <= shipped, named - shipped
