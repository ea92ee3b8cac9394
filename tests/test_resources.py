"""Reading rule files: where they are, and how bad lines are reported."""

from __future__ import annotations

import ast
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


def _word_list_calls() -> list[tuple[str, int, ast.expr]]:
    """(file, line, argument) of every `words(...)` call in the package."""
    source = Path(__file__).resolve().parent.parent / "src" / "eventx"
    calls = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "words":
                calls.extend((path.name, node.lineno, arg) for arg in node.args)
    return calls


def test_every_word_list_the_code_names_is_shipped() -> None:
    calls = _word_list_calls()
    # A name built at run time (an f-string, a variable) is invisible to this check.
    computed = [(file, line) for file, line, arg in calls if not isinstance(arg, ast.Constant)]
    assert not computed, f"word lists must be named literally: {computed}"
    named = {arg.value for _, _, arg in calls if isinstance(arg, ast.Constant)}
    shipped = {lexicon.name for lexicon in resources.lexicon_rules()}
    assert named and named <= shipped, named - shipped
    assert shipped <= named, f"shipped word lists no code reads: {sorted(shipped - named)}"


def test_extraction_reads_word_lists_only_through_words() -> None:
    # `word_lists.get(name, ())` would quietly give nothing for a list the file lacks.
    source = Path(__file__).resolve().parent.parent / "src" / "eventx" / "extract"
    readers = [
        path.name
        for path in sorted(source.glob("*.py"))
        if path.name != "knowledge.py" and "word_lists" in path.read_text(encoding="utf-8")
    ]
    assert not readers
