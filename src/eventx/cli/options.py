"""The arguments and options commands share, defined once so their help cannot drift apart."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from eventx.defaults import DEFAULT_BATCH_SIZE
from eventx.formats import DATA_FORMATS, EXTRACT_FORMATS, REPORT_FORMATS, RESULT_FORMATS, Format

# `eventx graph` writes networks, not records: its formats are not `Format` members.
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf", "json")

_BY_DEFAULT = "table on a terminal, JSON Lines otherwise"


def _format_option(
    formats: Sequence[Format | str], *, what: str = "Output", default: str = _BY_DEFAULT
) -> Any:
    """A `--format/-f` option whose help lists exactly the formats the command accepts."""
    names = [item.value if isinstance(item, Format) else item for item in formats]
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"{what} format: {listed}, in any case (default: {default}).",
    )


def _output_option(text: str) -> Any:
    """An `--output/-o FILE` option; what FILE holds is the command's to say."""
    return typer.Option("--output", "-o", metavar="FILE", help=text, dir_okay=False)


InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        help="Files, directories, glob patterns, or - for stdin.",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="EVENTX_MODEL",
        metavar="NAME|PATH",
        help="spaCy pipeline name or path (default: the best installed en_core_web_*).",
    ),
]
PatternsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns",
        metavar="FILE",
        help="Extra entity-ruler pattern file (JSONL); repeatable.",
        dir_okay=False,
    ),
]
TextFieldOption = Annotated[
    str | None,
    typer.Option(
        "--text-field",
        metavar="NAME",
        help="JSON field or CSV column holding the text (default: text, body or content).",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="DATE", help="Document date (YYYY-MM-DD) when the input gives none."
    ),
]
MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        metavar="SCORE",
        show_default=False,
        help="Drop events less certain than SCORE, from 0 to 1 (default: 0, keep all).",
    ),
]
BatchSizeOption = Annotated[
    int,
    typer.Option(
        "--batch-size",
        metavar="N",
        show_default=False,
        help=f"Documents parsed together (default: {DEFAULT_BATCH_SIZE}, which keeps a process "
        "near 400 MB on long articles); the first batches are smaller, so the first records "
        "come out at once.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        show_default=False,
        help="Parse in N processes (default: every core this process may use; one for inputs "
        "of no more than a batch); the output is the same whatever N.",
    ),
]
ModelsDirOption = Annotated[
    Path | None,
    typer.Option(
        "--models",
        metavar="DIR",
        help="The models directory (default: the checkout's, else the installed package's).",
    ),
]

# --format, listing what each command writes.
DataFormatOption = Annotated[str | None, _format_option(DATA_FORMATS)]
ExtractFormatOption = Annotated[str | None, _format_option(EXTRACT_FORMATS)]
ResultFormatOption = Annotated[str | None, _format_option(RESULT_FORMATS)]
ScoresFormatOption = Annotated[str | None, _format_option(RESULT_FORMATS, what="Report")]
ReportFormatOption = Annotated[
    str | None,
    _format_option(REPORT_FORMATS, default="html; needed for an --output not named .html or .htm"),
]
GraphFormatOption = Annotated[
    str | None, _format_option(GRAPH_FORMATS, default="the extension of --output, else json")
]

# --output FILE: the same option everywhere, with what the file holds.
ExtractOutputOption = Annotated[
    Path | None,
    _output_option(
        "Write records to FILE; its extension (.jsonl, .json, .csv, .geojson, .html) "
        "sets the format, any other needs --format. "
        "JSON and CSV appear whole when the run ends; JSON Lines grow document by document."
    ),
]
ReportOutputOption = Annotated[Path | None, _output_option("The HTML file (default: stdout).")]
GraphOutputOption = Annotated[Path | None, _output_option("Write here (default: stdout).")]
