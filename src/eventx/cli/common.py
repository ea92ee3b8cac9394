"""What every command shares: the Typer app, usage errors, loading the pipeline,
the tally of a run and its closing lines."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from eventx import run
from eventx.errors import EventxError, FormatError, OutputError
from eventx.formats import DATA_FORMATS, Format, choose_format, parse_format

if TYPE_CHECKING:
    from eventx import render


def _lazy(name: str) -> ModuleType:
    """A module that is imported when first used, so `eventx --help`, `--version` and
    `schema` never pay for rich's tables, pydantic's records or spaCy."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as a real import does: `eventx.render` works
    return module


if not TYPE_CHECKING:
    render = _lazy("eventx.render")

# click's base error class, whether typer vendors click (0.2x) or uses the click package.
_ClickError: type[Exception] = next(
    kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"
)


class _Command(TyperCommand):
    """A command whose help names arguments plainly: `INPUT...`, not `{inputs}... <list[str]>`."""

    def _arguments(self) -> list[tuple[typer.core.TyperArgument, str]]:
        named = []
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                name = param.metavar or (param.name or "").upper()
                named.append((param, name + ("..." if param.nargs != 1 else "")))
        return named

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [name for _, name in self._arguments()]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [(name, param.help or "") for param, name in self._arguments()]
        options = [
            record
            for param in self.get_params(ctx)
            if not isinstance(param, typer.core.TyperArgument)
            and (record := param.get_help_record(ctx)) is not None
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class _Group(TyperGroup):
    """The `eventx` group: usage errors are one plain line (`error: ...`) and exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except _ClickError as error:
            _usage_error(error)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        # Here, not in `main`: click turns a broken pipe into exit 1 before `main` sees it.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            reader_gone()
            raise typer.Exit(0) from None


def reader_gone() -> None:
    """The reader of standard output went away (`eventx ... | head`): stop quietly, as `cat`
    does, and let nothing more (the interpreter's last flush) fail on the closed pipe."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _usage_error(error: Exception) -> NoReturn:
    message = str(getattr(error, "format_message", lambda: str(error))()).strip()
    if type(error).__name__ == "NoArgsIsHelpError":  # bare `eventx`: the help is the message
        sys.stderr.write(message + "\n")
        sys.exit(2)
    message = (message[:1].lower() + message[1:]).rstrip(".")
    context = getattr(error, "ctx", None)
    hint = f" (see '{context.command_path} -h')" if context is not None else ""
    sys.stderr.write(f"error: {message}{hint}\n")
    sys.exit(int(getattr(error, "exit_code", 2)))


app = typer.Typer(
    name="eventx",
    cls=_Group,
    help="Extract diplomatic events (who met whom, where, about what, when) from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
stderr = Console(stderr=True)


def _format(
    value: str | None,
    output: Path | None = None,
    allowed: Sequence[Format] = DATA_FORMATS,
    fallback: Format | None = None,
) -> Format:
    """The output format of a data command, or a usage error (exit 2) naming the choices."""
    try:
        explicit = parse_format(value, allowed) if value is not None else None
        terminal = sys.stdout.isatty()
        return choose_format(
            explicit, output, terminal=terminal, allowed=allowed, fallback=fallback
        )
    except FormatError as err:
        raise _fail(str(err)) from err


def _census(inputs: Sequence[str], exclude: Sequence[Path]) -> int | None:
    from eventx.census import count_documents

    return count_documents(inputs, exclude=exclude)


def _print_data(renderable: Any) -> None:
    """A table on stdout: fitted to a terminal, at its full width anywhere else."""
    render.print_data(renderable, sys.stdout)


_GLOB_CHARS = frozenset("*?[")


def _nothing_found(inputs: Sequence[str], tally: run.Tally) -> bool:
    """Say so when the inputs held no document and no input failed (an empty folder, or one
    of files eventx does not read); True then. A failed input has said why already."""
    if tally.read or tally.skipped or tally.failures or tally.stopping:
        return False
    places = [item for item in inputs if Path(item).is_dir() or _GLOB_CHARS & set(item)]
    where = escape(", ".join(places or inputs))
    stderr.print(f"no documents found in {where}", highlight=False, soft_wrap=True)
    return True


def _fail(message: str, code: int = 2) -> typer.Exit:
    render.error_line(stderr, message)
    return typer.Exit(code)


def _load(model: str | None, patterns: list[Path] | None):  # type: ignore[no-untyped-def]
    from eventx.pipeline import load_pipeline

    try:
        return load_pipeline(model, patterns or ())
    except EventxError as err:
        raise _fail(str(err)) from err
    except (ValueError, TypeError, KeyError, RecursionError, re.error) as err:
        # A --patterns line spaCy's matcher refuses (an unknown token attribute, a REGEX
        # that does not compile) is a usage error like any invalid rule line.
        names = ", ".join(str(path) for path in patterns or ()) or "the rules"
        raise _fail(f"cannot load {names}: {short_error(err)}") from err


def _tally(*, strict: bool = False, fail_fast: bool = False) -> run.Tally:
    """A run's tally, telling each failed input and warning on stderr as it comes."""
    return run.Tally(
        strict=strict,
        fail_fast=fail_fast,
        on_failure=lambda message: render.error_line(stderr, message),
        on_warning=lambda message: render.warning_line(stderr, message),
    )


def _stopping_notice() -> None:
    sys.stderr.write("\nstopping: finishing the documents in progress (Ctrl-C again to stop now)\n")


def _closing(
    tally: run.Tally,
    output: Path | None,
    *,
    always: bool,
    resumable: bool,
    replaced: bool = True,
) -> int:
    """Print the closing lines; return the exit code."""
    if tally.skipped:
        stderr.print(f"skipped {tally.skipped} document(s) already done (--resume)")
    if always or tally.read + tally.failures > 1 or tally.failures or tally.warnings:
        render.summary_line(stderr, tally.documents, tally.events, tally.failures)
    if tally.warnings:
        stderr.print(f"{tally.warnings} warning(s); --strict counts them as failures")
    if tally.failed_fast:
        stderr.print("stopped at the first failure (--fail-fast)")
    if tally.signal is None:
        return 1 if tally.failures else 0
    last = f" (the last: {run.where(tally.last)})" if tally.last else ""
    message = f"interrupted after {tally.documents} document(s){last}"
    if output is None:
        message += "; their events are written"
    elif replaced:
        message += f"; their events are in {output}"
    else:
        message += f"; {output} was not replaced"
    if resumable:
        message += "; run the same command with --resume to continue"
    stderr.print(escape(message), highlight=False, soft_wrap=True)
    return 128 + tally.signal


def _parse_date(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError as err:
        raise _fail(f"--date must be YYYY-MM-DD, got {value!r}") from err


def short_error(error: BaseException) -> str:
    """One line about an error, whatever its message holds."""
    return " ".join(f"{type(error).__name__}: {error}".split())[:300]


def _default_model() -> str:
    from eventx.pipeline import default_model

    return default_model()


def _connect(scheduler: str) -> Any:
    """A dask Client on the scheduler, or a usage error saying why there is none."""
    try:
        from eventx.distributed import Client
    except EventxError as err:  # dask is not installed: the message says how to get it
        raise _fail(str(err)) from err
    try:
        return Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as err:
        raise _fail(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err


@contextlib.contextmanager
def _guarded_output(
    output: Path, fmt: Format, inputs: Sequence[str], patterns: Sequence[Path]
) -> Iterator[None]:
    """Refuse an output that is an input (exit 2); hold its lock for the whole run.
    `extract`, `report` and `graph` all take it before reading anything."""
    from eventx.io import done_path
    from eventx.output import guarded

    also = [done_path(output)] if fmt is Format.jsonl else []
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(guarded(output, inputs, patterns, also=also))
        except OutputError as err:
            raise _fail(str(err)) from err
        yield


def _kept_note(output: Path | None) -> None:
    message = f"{output} was left as it was: no input could be read"
    stderr.print(escape(message), highlight=False, soft_wrap=True)
