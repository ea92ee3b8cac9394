"""A saved pipeline carries the rules its components use: user entities survive plain
`spacy.load`, and later changes to the installed rule files do not reach it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from eventx import resources
from eventx.components.events import EventsComponent
from eventx.components.rules import shipped_knowledge
from eventx.components.state import load_knowledge, save_knowledge
from eventx.errors import RuleFileError
from eventx.extract.knowledge import Knowledge
from eventx.pipeline import load_pipeline

FREEDONIA = Path(__file__).resolve().parent / "data" / "patterns" / "freedonia.jsonl"

# Run in a fresh interpreter, so nothing eventx set up in this process can help the load.
LOAD_AND_EXTRACT = """
import sys
import spacy
from eventx.schema import Document
from eventx.stream import extract_events

nlp = spacy.load(sys.argv[1])
text = "Rufus Firefly met Sylvanian Ambassador Luigi Trentino in Geneva."
for event in extract_events(nlp, [Document(doc_id="d", text=text)]):
    print(event.model_dump_json())
"""


def _user_knowledge() -> Knowledge:
    return shipped_knowledge().with_patterns(resources.read_patterns(FREEDONIA))


def test_saved_knowledge_reads_back_equal(tmp_path: Path) -> None:
    knowledge = _user_knowledge()
    save_knowledge(knowledge, tmp_path / "events")
    restored = load_knowledge(tmp_path / "events")
    assert restored == knowledge
    assert restored is not None and restored.entry("person.firefly") is not None


def test_a_directory_saved_before_rules_were_saved_keeps_the_shipped_rules(
    tmp_path: Path,
) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("eventx_events")
    assert isinstance(component, EventsComponent)
    shipped = component.knowledge
    (tmp_path / "old").mkdir()
    assert component.from_disk(tmp_path / "old").knowledge is shipped


def test_a_saved_component_ignores_later_changes_to_the_rule_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = spacy.blank("en")
    saved.add_pipe("eventx_events")
    saved.to_disk(tmp_path / "pipeline")
    # The package's trigger file then loses its first rule.
    changed = tmp_path / "models"
    shutil.copytree(resources.models_dir(), changed)
    lines = (changed / resources.TRIGGER_FILE).read_text(encoding="utf-8").splitlines()
    dropped = json.loads(lines[0])["id"]
    (changed / resources.TRIGGER_FILE).write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    monkeypatch.setenv("EVENTX_MODELS_DIR", str(changed))
    assert dropped not in shipped_knowledge().rules_by_id

    loaded = spacy.load(tmp_path / "pipeline")
    component = loaded.get_pipe("eventx_events")
    assert isinstance(component, EventsComponent)
    assert dropped in component.knowledge.rules_by_id


def test_a_damaged_saved_rule_names_its_file_and_line(tmp_path: Path) -> None:
    save_knowledge(_user_knowledge(), tmp_path)
    triggers = tmp_path / "triggers.jsonl"
    lines = triggers.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"lemma"', '"lemmas"', 1)
    triggers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_knowledge(tmp_path)
    assert "triggers.jsonl:2:" in str(caught.value)


def test_a_missing_saved_rule_file_is_an_error(tmp_path: Path) -> None:
    save_knowledge(_user_knowledge(), tmp_path)
    (tmp_path / "lexicons.jsonl").unlink()
    with pytest.raises(RuleFileError, match=r"lexicons\.jsonl"):
        load_knowledge(tmp_path)


@pytest.mark.slow
def test_user_people_keep_country_and_id_under_plain_spacy_load(tmp_path: Path) -> None:
    load_pipeline(patterns=[FREEDONIA]).to_disk(tmp_path / "saved")
    env = {key: value for key, value in os.environ.items() if key != "EVENTX_MODEL"}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_AND_EXTRACT, str(tmp_path / "saved")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    people = [
        actor
        for event in events
        for actor in (*event["actors"], *event["recipients"])
        if actor["name"] == "Rufus Firefly"
    ]
    assert people, events
    assert (people[0]["id"], people[0]["country"]) == ("person.firefly", "FRD")
