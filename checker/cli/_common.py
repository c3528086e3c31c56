"""What every command shares: option types, the one error exit, quiet progress, atomic output."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from checker.errors import EXIT_USAGE, CheckerError
from checker.models import SHIPPED_PARAPHRASE_MODEL

Result = TypeVar("Result")

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages")]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write here instead of standard output")
]
IndexOption = Annotated[Path, typer.Option("--index", help="Index folder, e.g. indexes/NAME")]
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
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=EXIT_USAGE)


def run(action: Callable[[], Result]) -> Result:
    """Run a library call; a CheckerError becomes the one-line error and exit code 2."""
    try:
        return action()
    except CheckerError as error:
        fail(error)


def say(message: str, quiet: bool) -> None:
    """A progress or summary line on stderr, unless --quiet."""
    if not quiet:
        typer.echo(message, err=True)


def progress_for(quiet: bool) -> Callable[[str], None]:
    """The progress callback library calls take: lines on stderr unless --quiet."""
    return lambda message: say(message, quiet)


def write_output(text: str, out: Path | None) -> None:
    """Write to `out` atomically (a temporary file renamed over it), or to standard output."""
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(out)
