"""The source tree keeps its shape: imports run one way, comments name no fixture people."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from eventx import resources

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "eventx"

# Lower layers never import higher ones; modules of one layer may import each other. The
# order is the README's: `cli -> render -> run -> io, evaluation, report -> stream ->
# pipeline -> components -> extract -> resources -> schema`. Every module has a layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("eventx.schema", "eventx.errors", "eventx.jsonl", "eventx.defaults"),
    ("eventx.resources", "eventx.extensions"),
    ("eventx.extract",),
    ("eventx.components",),
    ("eventx.pipeline",),
    # Running the pipeline over documents: streamed, cut when long, fast, on a cluster.
    (
        "eventx.stream",
        "eventx.workers",
        "eventx.longtext",
        "eventx.candidate",
        "eventx.fastpath",
        "eventx.distributed",
    ),
    # Reading and writing, scoring, the rule builders and the views of the records.
    (
        "eventx.io",
        "eventx.output",
        "eventx.evaluation",
        "eventx.gold",
        "eventx.rules",
        "eventx.report",
    ),
    # A whole run, from inputs to written records, and what the commands decide before one.
    ("eventx.run", "eventx.resume", "eventx.formats", "eventx.census"),
    ("eventx.render",),
    ("eventx.cli", "eventx.__main__"),
)
# Inside evaluation/: reading gold, then scoring it, each module after those it may import.
EVALUATION_ORDER = (
    "files",
    "gold",
    "plover",
    "ace",
    "formats",
    "report",
    "names",
    "matching",
    "scoring",
    "floors",
)
# Inside io/: OS error reasons, finding inputs, decoding, records, text, HTML, reading them
# all, then writing records and the resume journal.
IO_ORDER = (
    "reasons",
    "pipes",
    "discovery",
    "encoding",
    "records",
    "boilerplate",
    "html",
    "reader",
    "writer",
    "journal",
)
# Inside schema/: the vocabularies, what every record shares, then the records and rule lines.
SCHEMA_ORDER = ("vocabulary", "base", "party", "record", "entity", "rule")
# Inside render/: the terminal helpers, then one module per command's tables.
RENDER_ORDER = ("terminal", "events", "entities", "scores", "summary")
# Inside cli/: the shared options, what every command shares, then the command modules
# (`report` also serves `extract -o report.html`, imported when that runs).
CLI_ORDER = ("options", "common", "report", "extract", "data", "rules")
PACKAGE_ORDERS = {
    "cli": CLI_ORDER,
    "evaluation": EVALUATION_ORDER,
    "io": IO_ORDER,
    "render": RENDER_ORDER,
    "schema": SCHEMA_ORDER,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every eventx module `path` imports, at any depth in the file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {module for module in found if module.startswith("eventx.")}


def _layer(module: str) -> int | None:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    return None


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda path: _module_name(path))
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    own = _layer(_module_name(path))
    if own is None:
        return  # the package's __init__: the public API may reach any layer, lazily
    higher = sorted(m for m in _imports(path) if (_layer(m) or 0) > own)
    assert not higher, f"{_module_name(path)} imports {higher}"


@pytest.mark.parametrize("package", sorted(PACKAGE_ORDERS))
def test_package_modules_import_one_way(package: str) -> None:
    order = PACKAGE_ORDERS[package]
    for rank, name in enumerate(order):
        imported = _imports(PACKAGE / package / f"{name}.py")
        inside = [m for m in imported if m.startswith(f"eventx.{package}.")]
        later = sorted(m for m in inside if m.split(".")[2] in order[rank:])
        assert not later, f"{package}.{name} imports {later}"


@pytest.mark.parametrize("package", sorted(PACKAGE_ORDERS))
def test_package_orders_list_every_module(package: str) -> None:
    names = {path.stem for path in (PACKAGE / package).glob("*.py")} - {"__init__"}
    assert names == set(PACKAGE_ORDERS[package])


def test_every_module_has_a_layer() -> None:
    unplaced = [
        _module_name(path)
        for path in _modules()
        if path != PACKAGE / "__init__.py" and _layer(_module_name(path)) is None
    ]
    assert not unplaced


MAX_LINES = 400


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", _modules(), ids=lambda path: _module_name(path))
def test_every_module_stays_small(path: Path) -> None:
    name = path.relative_to(PACKAGE).as_posix()
    assert _lines(path) <= MAX_LINES, f"{name}: {_lines(path)} lines; split it by job"


def _fixture_people() -> set[str]:
    """Full names of the people the test fixtures' gold records expect."""
    names: set[str] = set()
    party_keys = {"actors", "recipients", "actors_any", "recipients_any", "participants_any"}

    def collect(value: object, party: bool = False) -> None:
        if isinstance(value, str) and party:
            names.add(value)
        elif isinstance(value, list):
            for item in value:
                collect(item, party)
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(item, party=key in party_keys or (party and key == "name"))

    for line in (ROOT / "tests" / "data" / "dev" / "gold.jsonl").read_text().splitlines():
        collect(json.loads(line))
    collect(json.loads((ROOT / "tests" / "data" / "golden" / "expected.json").read_text()))
    # Full names of people: two or more capitalised words, no office, not a name the shipped
    # rulers know as a place or body or contains one, not a group ("the Nordic-Baltic Eight").
    offices = {"President", "Minister", "Secretary", "Foreign", "Prime", "State", "Ministry"}
    groups = {"Eight", "Seven", "Twenty", "Group", "Union", "Council", "Forces", "Army"}
    known = {
        line.pattern
        for ruler in (*resources.RULER_FILES, *resources.CONTEXT_RULER_FILES)
        for line in resources.shipped_patterns(ruler)
        if isinstance(line.pattern, str)
    }
    return {
        name
        for name in names
        if len(name.split()) >= 2
        and all(word[:1].isupper() for word in name.split())
        and not offices.intersection(name.split())
        and name.split()[-1] not in groups
        and name not in known
        and not known.intersection(name.split())  # "Real Madrid" is a club
    }


def test_source_comments_name_no_fixture_people() -> None:
    people = _fixture_people()
    assert len(people) > 20
    named = sorted(
        (person, path.name)
        for path in _modules()
        for person in people
        if person in path.read_text(encoding="utf-8")
    )
    assert not named


# Only the command line and the renderer print (the outline tool runs as a script).
MAY_PRINT = {"eventx.cli", "eventx.render", "eventx.report.outline"}


@pytest.mark.parametrize("path", _modules(), ids=lambda path: _module_name(path))
def test_the_library_never_prints(path: Path) -> None:
    name = _module_name(path)
    if any(name == allowed or name.startswith(allowed + ".") for allowed in MAY_PRINT):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    printing = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print")
        or (
            isinstance(node, ast.Attribute)
            and node.attr == "stderr"
            and getattr(node.value, "id", None) == "sys"
        )
    ]
    assert not printing, f"{name} prints on lines {printing}"


def test_the_cli_leaves_extraction_to_the_library() -> None:
    reached = sorted(
        module
        for path in (PACKAGE / "cli").glob("*.py")
        for module in _imports(path)
        if module.startswith(("eventx.extract", "eventx.components"))
    )
    assert not reached


# Inside extract/: the document context, then the office readers, then the actors.
ACTOR_ORDER = ("context", "office", "actor")


def test_the_document_context_does_not_lean_on_actors() -> None:
    for rank, name in enumerate(ACTOR_ORDER):
        later = {f"eventx.extract.{other}" for other in ACTOR_ORDER[rank:]}
        imported = _imports(PACKAGE / "extract" / f"{name}.py")
        assert not imported & later, f"extract.{name} imports {sorted(imported & later)}"
    for name in ("place", "when"):
        assert "eventx.extract.actor" not in _imports(PACKAGE / "extract" / f"{name}.py"), name
    sizes = {
        name: len((PACKAGE / "extract" / f"{name}.py").read_text().splitlines())
        for name in ACTOR_ORDER
    }
    assert max(sizes.values()) <= 400, sizes


def test_only_the_rules_command_reaches_the_rule_builders() -> None:
    reaching = sorted(
        _module_name(path)
        for path in _modules()
        if any(m == "eventx.rules" or m.startswith("eventx.rules.") for m in _imports(path))
        and not _module_name(path).startswith(("eventx.rules", "eventx.cli.rules"))
    )
    assert not reaching


def _declared_flags(path: Path) -> set[str]:
    """The long flags a module's `typer.Option(...)` calls spell out."""
    flags: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Option":
            flags.update(
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and arg.value.startswith("--")
            )
    return flags


def test_each_option_is_declared_in_one_place() -> None:
    # `--format` or `--model` spelled out in two commands lets their help and metavars drift:
    # an option more than one command takes lives in cli/options.py, once.
    declared = {path.stem: _declared_flags(path) for path in (PACKAGE / "cli").glob("*.py")}
    seen: dict[str, list[str]] = {}
    for module, flags in declared.items():
        for flag in flags:
            seen.setdefault(flag, []).append(module)
    twice = {flag: sorted(modules) for flag, modules in seen.items() if len(modules) > 1}
    assert not twice
    assert {"--format", "--output", "--model", "--patterns", "--jobs"} <= declared["options"]
