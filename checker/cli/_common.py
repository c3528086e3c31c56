"""What every command shares: option types, the one error exit, quiet progress, atomic output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from checker.cli.progress import StageReporter, active, end_live_line
from checker.errors import EXIT_USAGE, CheckerError, UsageError
from checker.models import SHIPPED_PARAPHRASE_MODEL
from checker.progress import NO_PROGRESS, Progress

Result = TypeVar("Result")

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages")]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write here instead of standard output")
]
OutsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE",
        help="Write here instead of standard output ('-': standard output); "
        "repeat with --format to write several formats in one run",
    ),
]
IndexOption = Annotated[
    Path,
    typer.Option("--index", "-i", envvar="CHECKER_INDEX", help="Index folder, e.g. indexes/NAME"),
]
EncodingOption = Annotated[str, typer.Option(help="Text encoding of the articles")]
NliModelOption = Annotated[
    str | None,
    typer.Option(help="Optional NLI CrossEncoder (name or path) adding contradiction evidence"),
]
ParaphraseModelOption = Annotated[
    str,
    typer.Option(
        help=f"Paraphrase judge for pairs without figures: '{SHIPPED_PARAPHRASE_MODEL}', 'none' "
        "(cosine plus shared wording), or an adapter file from scripts/train_paraphrase.py"
    ),
]


def fail(error: CheckerError) -> NoReturn:
    """The one way a command fails on purpose: `error: ...` on one line, exit code 2."""
    end_live_line()
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=EXIT_USAGE)


def run(action: Callable[[], Result]) -> Result:
    """Run a library call; a CheckerError becomes the one-line error and exit code 2."""
    try:
        return action()
    except CheckerError as error:
        fail(error)


def warn(warnings: list[str]) -> None:
    """What a result had to do without, on stderr, one line each (even with --quiet)."""
    end_live_line()
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


def say(message: str, quiet: bool) -> None:
    """A progress or summary line on stderr, unless --quiet."""
    if not quiet:
        typer.echo(message, err=True)


@contextmanager
def progress_for(quiet: bool) -> Iterator[Progress]:
    """The stages of a library call on stderr (checker.cli.progress), nothing with --quiet;
    the live line and the heartbeat end with the block."""
    if quiet:
        yield NO_PROGRESS
        return
    reporter = StageReporter()
    active(reporter)
    try:
        yield reporter
    finally:
        reporter.close()
        active(None)


def output_plan(formats: list[str], outs: list[Path] | None) -> list[tuple[str, Path | None]]:
    """Each --format with its --out, paired in order; one format may go to standard output.

    Several formats need one --out each ('-' for standard output, at most once)."""
    outs = outs or []
    if not outs and len(formats) == 1:
        return [(formats[0], None)]
    if len(outs) != len(formats):
        raise UsageError(
            f"{len(formats)} --format and {len(outs)} --out: give one --out after each --format "
            "('-' for standard output)"
        )
    plan = [(fmt, None if str(out) == "-" else out) for fmt, out in zip(formats, outs, strict=True)]
    if sum(out is None for _, out in plan) > 1:
        raise UsageError("only one --format can go to standard output ('-')")
    return plan


def write_outputs(plan: list[tuple[str, Path | None]], render: Callable[[str], str]) -> None:
    """Render every planned output, then write them (files atomically, standard output last):
    a format that cannot be rendered writes nothing."""
    texts = [(render(fmt), out) for fmt, out in sorted(plan, key=lambda item: item[1] is None)]
    for text, out in texts:
        write_output(text, out)


def written(plan: list[tuple[str, Path | None]]) -> str:
    """' -> a.md, b.html' naming the files written, or '' when all went to standard output."""
    files = [str(out) for _, out in plan if out is not None]
    return f" -> {', '.join(files)}" if files else ""


def write_output(text: str, out: Path | None) -> None:
    """Write to `out` atomically (a temporary file renamed over it), or to standard output."""
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(out)
