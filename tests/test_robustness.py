"""Never crash, never lose work: bad inputs, property tests, killed runs, determinism, safety."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from eventx.errors import InputError
from eventx.io import iter_documents
from eventx.schema import Event

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "robustness"
GOOD = DATA / "good"

Run = Callable[..., Result]

pytestmark = pytest.mark.slow

# Sentences written for these tests: events of several types, a negation, a hypothetical,
# and a few with no event at all.
SENTENCES = (
    "Kenyan President William Ruto met French President Emmanuel Macron in Nairobi on Tuesday.",
    "The European Union imposed new sanctions on Belarus over the detention of opposition figures.",
    "Japan pledged 50 million dollars in humanitarian aid to Sudan.",
    "Brazilian Foreign Minister Mauro Vieira visited Beijing on Thursday.",
    "Ghana and Nigeria signed an agreement on energy cooperation in Accra.",
    "Germany accused Russia of interfering in its elections.",
    "Indian Prime Minister Narendra Modi spoke by phone with Australian Prime Minister "
    "Anthony Albanese.",
    "The talks between Armenia and Azerbaijan were cancelled at the last minute.",
    "Chile rejected Bolivia's demand for sovereign access to the sea.",
    "If the election goes ahead, the two presidents would meet in Geneva next spring.",
    "The weather in Lisbon was mild for most of the week.",
    "Officials said the harbour in Mombasa would reopen after the storm.",
    "North Korea threatened South Korea with retaliation over the military drills.",
    "Chilean Foreign Minister José Valdés met Argentine Foreign Minister Diana Mondino in "
    "Santiago on Monday.",
)
# Written in cp1252 by the legacy-encoding case: accents and a curly apostrophe.
LEGACY_TEXT = (
    "Chilean Foreign Minister José Valdés met Argentine Foreign Minister Diana Mondino in "
    "Santiago on Monday, and both said the region’s trade corridors would be reviewed "
    "before the summit in Asunción."
)


def events_of(text: str) -> list[Event]:
    return [Event.model_validate_json(line) for line in text.splitlines()]


def lines_about(result: Result, path: Path) -> list[str]:
    return [line for line in result.stderr.splitlines() if f": {path}" in line]


# ---------------------------------------------------------------------------
# One case per kind of bad input


@dataclass(frozen=True)
class Case:
    """A bad input: how to make it, and the stderr lines it must give (none when fine)."""

    name: str
    make: Callable[[Path], None]
    kind: str  # "error", "warning" or "fine"
    reason: str = ""
    lines: tuple[int, ...] = ()  # JSON Lines line numbers with an error each
    events_from: str | None = None  # doc_id whose events must still come out


def write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def copy(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        shutil.copy(DATA / name, folder / name)

    return make


def symlink_loop(folder: Path) -> None:
    (folder / "loop" / "inner").mkdir(parents=True)
    (folder / "loop" / "inner" / "back").symlink_to(folder / "loop", target_is_directory=True)


def self_link(folder: Path) -> None:
    (folder / "self.txt").symlink_to(folder / "self.txt")


def long_line(folder: Path) -> None:
    filler = "The committee reviewed the minutes of its previous session without comment. "
    text = filler * 1600 + SENTENCES[0]  # about 120,000 characters, one line
    (folder / "long_line.txt").write_text(text, encoding="utf-8")


def locked(folder: Path) -> None:
    (folder / "locked.txt").write_text(SENTENCES[2], encoding="utf-8")
    (folder / "locked_dir").mkdir()
    (folder / "locked_dir" / "inside.txt").write_text(SENTENCES[3], encoding="utf-8")


def huge(folder: Path) -> None:
    paragraph = " ".join(SENTENCES[:6]) + "\n\n"
    copies = 50_000_000 // len(paragraph.encode("utf-8")) + 1
    data = (paragraph * copies).encode("utf-8")[:50_000_000]
    (folder / "huge.txt").write_bytes(data)


ARTICLE = " ".join(SENTENCES[:5])
CASES = (
    Case("empty", write("empty.txt", b""), "error", "empty file"),
    Case("whitespace", write("blank.txt", b"  \n\t \r\n   \n"), "error", "whitespace only"),
    Case(
        "binary",
        write(
            "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(900)
        ),
        "error",
        "binary file",
    ),
    Case(
        "invalid-utf8",
        write("mojibake.txt", bytes(range(128, 256)) * 4),
        "error",
        "not valid UTF-8 and the encoding could not be determined",
    ),
    Case(
        "legacy-encoding",
        write("legacy.txt", LEGACY_TEXT.encode("cp1252")),
        "warning",
        "not UTF-8; decoded as",
        events_from="legacy",
    ),
    Case(
        "utf8-bom",
        write("bom8.txt", "\ufeff".encode() + ARTICLE.encode("utf-8")),
        "fine",
        events_from="bom8",
    ),
    Case("utf16-bom", write("bom16.txt", ARTICLE.encode("utf-16")), "fine", events_from="bom16"),
    Case(
        "utf16-be-bom",
        write("bom16be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
        "fine",
        events_from="bom16be",
    ),
    Case(
        "nul-bytes",
        write("utf16_no_bom.txt", ARTICLE.encode("utf-16-le")),
        "warning",
        "no byte order mark; decoded as UTF-16-LE",
        events_from="utf16_no_bom",
    ),
    Case(
        "stray-nul",
        write("stray_nul.txt", (ARTICLE + "\x00 " + ARTICLE).encode("utf-8")),
        "warning",
        "dropped 1 NUL byte(s)",
        events_from="stray_nul",
    ),
    Case("long-line", long_line, "fine", events_from="long_line"),
    Case("50mb-document", huge, "error", "above the model's limit of 1,000,000"),
    Case("html-scripts", copy("scripts.html"), "fine", events_from="scripts"),
    Case("html-malformed", copy("malformed.html"), "fine", events_from="malformed"),
    Case(
        "json-scalar",
        write("scalar.json", b"42\n"),
        "error",
        "expected a JSON object or an array of objects",
    ),
    Case(
        "json-array-of-numbers",
        write("numbers.json", b"[1, 2, 3]"),
        "error",
        "expected a JSON object or an array of objects",
    ),
    Case(
        "jsonl-broken",
        copy("broken.jsonl"),
        "error",
        "",
        lines=(2, 3, 4, 5),
        events_from="wire-6",
    ),
    Case("unknown-extension", write("notes.xyz", ARTICLE.encode()), "warning", "unknown file type"),
    Case("symlink-loop", symlink_loop, "warning", "directory already read"),
    Case("self-symlink", self_link, "error", "too many levels of symbolic links"),
    Case("permission-denied", locked, "error", "permission denied"),
)
CASE_PATHS = {
    "symlink-loop": "loop/inner/back",
    "permission-denied": "locked.txt",
    "long-line": "long_line.txt",
    "50mb-document": "huge.txt",
}
JSONL_REASONS = {
    2: "invalid JSON",
    3: "no text field",
    4: "field 'text' is not a string",
    5: "not a JSON object",
}


def case_path(case: Case, folder: Path) -> Path:
    if case.name in CASE_PATHS:
        return folder / CASE_PATHS[case.name]
    made = {path.name for path in folder.iterdir()}
    return next(folder / name for name in made if name.startswith(_stem_hint(case)))


def _stem_hint(case: Case) -> str:
    hints = {
        "empty": "empty",
        "whitespace": "blank",
        "binary": "photo",
        "invalid-utf8": "mojibake",
        "legacy-encoding": "legacy",
        "utf8-bom": "bom8",
        "utf16-bom": "bom16.",
        "utf16-be-bom": "bom16be",
        "nul-bytes": "utf16_no_bom",
        "stray-nul": "stray_nul",
        "html-scripts": "scripts",
        "html-malformed": "malformed",
        "json-scalar": "scalar",
        "json-array-of-numbers": "numbers",
        "jsonl-broken": "broken",
        "unknown-extension": "notes",
        "self-symlink": "self",
    }
    return hints[case.name]


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate permission denied on `locked.txt` and `locked_dir` (the suite may run as root)."""
    real_open = Path.open
    real_scandir = os.scandir

    def open_path(self: Path, *args: Any, **kwargs: Any) -> Any:
        mode = args[0] if args else kwargs.get("mode", "r")
        if self.name == "locked.txt" and mode.startswith("r"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def scandir(path: Any = ".") -> Any:
        if Path(path).name == "locked_dir":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", open_path)
    monkeypatch.setattr(os, "scandir", scandir)


def check_case(case: Case, folder: Path, result: Result) -> list[str]:
    """Assert the stderr lines one case must give; return them."""
    path = case_path(case, folder)
    lines = lines_about(result, path)
    if case.name == "permission-denied":
        lines += lines_about(result, folder / "locked_dir")
        assert lines == [
            f"error: {folder / 'locked.txt'}: permission denied",
            f"error: {folder / 'locked_dir'}: permission denied",
        ]
        return lines
    if case.lines:
        assert len(lines) == len(case.lines), lines
        for line, number in zip(lines, case.lines, strict=True):
            assert line.startswith(f"error: {path}:{number}: {JSONL_REASONS[number]}"), line
        return lines
    if case.kind == "fine":
        assert lines == []
        return lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{case.kind}: {path}: "), lines
    assert case.reason in lines[0]
    return lines


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_bad_input_gives_one_line_and_the_run_goes_on(
    run: Run, tmp_path: Path, case: Case, deny: None
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD / "summit.txt", folder / "summit.txt")
    case.make(folder)
    result = run(folder)
    check_case(case, folder, result)
    events = events_of(result.stdout)
    doc_ids = {event.doc_id for event in events}
    assert "summit" in doc_ids  # the run went on
    if case.events_from:
        assert case.events_from in doc_ids
    assert result.exit_code == (1 if case.kind == "error" else 0), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_nonexistent_path_is_one_line_and_the_run_goes_on(run: Run, tmp_path: Path) -> None:
    result = run(tmp_path / "gone.txt", GOOD / "summit.txt", f"{tmp_path}/*.md")
    assert result.exit_code == 1
    assert lines_about(result, tmp_path / "gone.txt") == [
        f"error: {tmp_path / 'gone.txt'}: no such file or directory"
    ]
    assert f"error: {tmp_path}/*.md: no files match this pattern" in result.stderr
    assert {event.doc_id for event in events_of(result.stdout)} == {"summit"}


def test_unknown_extension_named_explicitly_is_read_as_text(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "cable.xyz"
    path.write_text(SENTENCES[0], encoding="utf-8")
    result = run(path)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert {event.doc_id for event in events_of(result.stdout)} == {"cable"}


def test_legacy_encoding_is_decoded_into_the_right_characters(run: Run, tmp_path: Path) -> None:
    (tmp_path / "legacy.txt").write_bytes(LEGACY_TEXT.encode("cp1252"))
    result = run(tmp_path)
    [event] = [e for e in events_of(result.stdout) if e.event == "CONSULT"]
    assert "José Valdés" in event.sentence
    assert [actor.name for actor in event.actors] == ["José Valdés"]


def test_html_scripts_styles_and_noscript_never_reach_the_text(run: Run) -> None:
    [document] = iter_documents([str(DATA / "scripts.html")])
    assert not isinstance(document, InputError)
    assert document.text.startswith("Ghana and Nigeria signed an agreement")
    for planted in ("Chile", "Russia", "Argentina", "Turkey", "Cuba", "fetch", "content:"):
        assert planted not in document.text
    events = events_of(run(DATA / "scripts.html").stdout)
    assert events
    assert {event.sentence for event in events} <= {
        sentence for sentence in document.text.split("\n\n")
    } | {document.text[event.start : event.end] for event in events}
    names = {actor.name for event in events for actor in event.actors + event.recipients}
    assert names == {"Ghana", "Nigeria"}


def test_a_long_line_keeps_its_offsets(run: Run, tmp_path: Path) -> None:
    long_line(tmp_path)
    text = (tmp_path / "long_line.txt").read_text(encoding="utf-8")
    [event] = events_of(run(tmp_path / "long_line.txt").stdout)
    assert event.start > 100_000
    assert text[event.start : event.end] == event.sentence == SENTENCES[0]


def test_invalid_pattern_file_stops_before_any_work(run: Run, tmp_path: Path) -> None:
    pattern_file = DATA / "bad_patterns.jsonl"
    result = run(GOOD, "--patterns", pattern_file, "--output", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {pattern_file}:2: ")
    assert "PLANET" in result.stderr or "label" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_folder_of_every_bad_case_and_three_good_articles(
    run: Run, tmp_path: Path, deny: None
) -> None:
    """The issue's definition of done."""
    folder = tmp_path / "mixed"
    shutil.copytree(GOOD, folder)
    for case in CASES:
        case.make(folder)
    missing = tmp_path / "not-there.txt"
    result = run(folder, missing)
    assert result.exit_code == 1

    reported = [f"error: {missing}: no such file or directory"]
    for case in CASES:
        reported += check_case(case, folder, result)
    summary = result.stderr.strip().splitlines()[-2:]
    assert sorted(result.stderr.strip().splitlines()[:-2]) == sorted(reported)

    events = events_of(result.stdout)
    failures = sum(line.startswith("error: ") for line in reported)
    documents = (
        len(list(iter_documents([str(GOOD)]))) + sum(1 for case in CASES if case.events_from) + 1
    )  # broken.jsonl gives two documents
    warnings = sum(line.startswith("warning: ") for line in reported)
    assert warnings == sum(case.kind == "warning" for case in CASES)
    assert summary == [
        f"{documents} document(s), {len(events)} event(s), {failures} failure(s)",
        f"{warnings} warning(s); --strict counts them as failures",
    ]
    # The good articles give exactly the events they give on their own.
    alone = events_of(run(GOOD).stdout)
    good_ids = {"summit", "sanctions", "visit"}
    assert [e for e in events if e.doc_id in good_ids] == alone
    assert {e.doc_id for e in events} == good_ids | {
        "wire-1" if case.lines else case.events_from for case in CASES if case.events_from
    } | {"wire-6"}


# ---------------------------------------------------------------------------
# Properties


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.text(max_size=150),
    sentence=st.one_of(st.just(""), st.sampled_from(SENTENCES)),
    after=st.text(max_size=150),
)
def test_records_from_arbitrary_unicode_are_sound_and_stable(
    sound: Callable[[str], list[Event]], before: str, sentence: str, after: str
) -> None:
    # A real sentence amid the noise, so that there are records whose offsets can be wrong.
    sound(f"{before} {sentence} {after}" if sentence else before + after)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sentences=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    separators=st.lists(st.sampled_from([" ", "\n", "\n\n", "  ", "\t", " — "]), min_size=8),
    date=st.one_of(st.none(), st.dates().map(lambda day: day.isoformat())),
)
def test_extraction_never_raises_on_mixtures_of_real_sentences(
    extract: Callable[..., list[Event]],
    check_records: Callable[[str, list[Event]], None],
    sentences: list[str],
    separators: list[str],
    date: str | None,
) -> None:
    text = sentences[0]
    for sentence, separator in zip(sentences[1:], separators, strict=False):
        text += separator + sentence
    events = extract(text, date=date)
    check_records(text, events)
    if sentences[0] == SENTENCES[0]:
        assert any(event.event == "CONSULT" for event in events)


def spliced(data: tuple[list[str], bytes, int]) -> bytes:
    sentences, noise, at = data
    text = " ".join(sentences).encode("utf-8")
    at = min(at, len(text))
    return text[:at] + noise + text[at:]


FILE_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.tuples(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
        st.binary(max_size=40),
        st.integers(min_value=0, max_value=400),
    ).map(spliced),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=FILE_BYTES, suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_random_bytes_in_a_file_never_crash_the_cli(run: Run, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"blob{suffix}"
        path.write_bytes(data)
        result = run(path)
    assert result.exit_code in (0, 1), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    events_of(result.stdout)  # every record validates
    for line in result.stderr.splitlines():
        assert line.startswith((f"error: {path}", f"warning: {path}")) or re.fullmatch(
            r"\d+ (document|warning).*", line
        ), line
    if suffix != ".jsonl":
        assert len([line for line in result.stderr.splitlines() if ": " in line]) <= 2


# ---------------------------------------------------------------------------
# Killed runs: a valid prefix, and --resume completes it without duplicates

FIFO_TEXT = SENTENCES[4]


def kill_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """Forty small documents; the eleventh is a named pipe the test writes when it chooses."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        text = SENTENCES[number % len(SENTENCES)] + f" It was briefing number {number}."
        (folder / f"d{number:02d}.txt").write_text(text, encoding="utf-8")
    fifo = folder / "d10.txt"
    fifo.unlink()
    os.mkfifo(fifo)
    return folder, fifo


def start(folder: Path, out: Path) -> subprocess.Popen[str]:
    # Named one by one: inside a folder a named pipe is skipped, named it is read.
    files = [str(path) for path in sorted(folder.iterdir())]
    command = [sys.executable, "-m", "eventx", "extract", *files, "--output", str(out)]
    # One document per batch in one process, so the pipe is opened only once d00-d09 are
    # written (workers would be sent documents ahead).
    return subprocess.Popen(
        [*command, "--batch-size", "1", "--jobs", "1"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=folder.parent,
    )


def finish_after_kill(run: Run, folder: Path, fifo: Path, out: Path, before: bytes) -> None:
    fifo.unlink()
    fifo.write_text(FIFO_TEXT, encoding="utf-8")
    clean = run(folder).stdout
    killed = out.read_text(encoding="utf-8")
    assert killed.encode() == before or killed.encode().startswith(before)
    assert clean.startswith(killed) and killed.endswith("\n")  # a valid JSONL prefix
    events_of(killed)
    resumed = run(folder, "--output", out, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    ids = [event.id for event in events_of(out.read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids))
    assert set(ids) == {event.id for event in events_of(clean)}
    assert out.read_text(encoding="utf-8") == clean


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_sigint_midway_keeps_a_valid_prefix_and_resume_completes(run: Run, tmp_path: Path) -> None:
    folder, fifo = kill_corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    process = start(folder, out)
    with fifo.open("w", encoding="utf-8") as writer:  # returns once eventx opens the pipe
        before = out.read_bytes()
        assert before.count(b"\n") >= 8
        process.send_signal(signal.SIGINT)
        writer.write(FIFO_TEXT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "interrupted after 11 document(s)" in stderr
    assert "--resume" in stderr
    finish_after_kill(run, folder, fifo, out, before)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_sigkill_midway_keeps_a_valid_prefix_and_resume_completes(run: Run, tmp_path: Path) -> None:
    folder, fifo = kill_corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    process = start(folder, out)
    with fifo.open("w", encoding="utf-8"):
        before = out.read_bytes()
        assert before.count(b"\n") >= 8
        process.kill()
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    finish_after_kill(run, folder, fifo, out, before)


# ---------------------------------------------------------------------------
# Determinism and safety


def test_two_processes_give_byte_identical_output(run: Run, tmp_path: Path) -> None:
    inputs = [str(GOOD), str(DATA / "scripts.html"), str(DATA / "broken.jsonl")]
    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        environment.pop("EVENTX_MODEL", None)
        done = subprocess.run(
            [sys.executable, "-m", "eventx", "extract", *inputs, "--format", "jsonl"],
            capture_output=True,
            env=environment,
            timeout=300,
            check=False,
        )
        assert done.returncode == 1  # broken.jsonl has bad lines
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].decode("utf-8") == run(*inputs).stdout
    ids = [event.id for event in events_of(outputs[0].decode("utf-8"))]
    assert len(ids) == len(set(ids)) > 5


def test_no_network_and_no_writes_outside_the_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    work = tmp_path / "work"
    shutil.copytree(GOOD, work / "in")
    shutil.copy(DATA / "scripts.html", work / "in")
    monkeypatch.chdir(work)
    before = {path for path in tmp_path.rglob("*")}
    for fmt in ("jsonl", "json", "csv"):
        result = run("in", "--format", fmt, "--output", f"out/events.{fmt}")
        assert result.exit_code == 2  # the folder does not exist: nothing may create it
    (work / "out").mkdir()
    for fmt in ("jsonl", "json", "csv"):
        result = run("in", "--format", fmt, "--output", f"out/events.{fmt}")
        assert result.exit_code == 0, result.stderr
    created = {path for path in tmp_path.rglob("*")} - before
    assert {path.relative_to(work).as_posix() for path in created} == {
        "out",
        "out/events.jsonl",
        "out/events.jsonl.done",
        "out/events.json",
        "out/events.csv",
    }
    assert attempts == []


def test_source_has_no_eval_exec_pickle_or_network_clients() -> None:
    forbidden = re.compile(
        r"\b(eval|exec)\(|\bimport (pickle|marshal|shelve|socket|urllib|requests|http)\b"
        r"|\bfrom (pickle|marshal|shelve|socket|urllib|requests|http)\b|trafilatura\.fetch"
    )
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "src" / "eventx").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if forbidden.search(line)
    ]
    assert offenders == []
