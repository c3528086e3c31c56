"""`checker render`: a saved JSON report or check result in other formats, without recomputing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.cli._common import (
    OutsOption,
    QuietOption,
    output_plan,
    run,
    say,
    write_outputs,
    written,
)


def render_command(
    saved: Annotated[
        Path,
        typer.Argument(
            help="JSON written by `checker report --format json` or `checker check --format json`"
        ),
    ],
    format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json, md, csv or html (a report or check); text, sarif, junit or github (a "
            "check); md for a report and text for a check if none; repeat for several",
        ),
    ] = None,
    out: OutsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Render a saved report or check result again, byte-identical to the original command."""
    from checker.ci.check import CheckResult
    from checker.rendering import load_saved, render

    result = run(lambda: load_saved(saved))
    default = "text" if isinstance(result, CheckResult) else "md"
    plan = run(lambda: output_plan(format or [default], out))
    run(lambda: write_outputs(plan, lambda fmt: render(result, fmt)))
    if written(plan):
        say(f"rendered {saved}" + written(plan), quiet)
