"""The `checker` command line: a thin Typer skin over the library functions of the same names.

One module per command group (index, report and compare, render, check and baseline, review,
serve);
each command parses its options, calls the library, prints the result and maps errors to
exit codes (checker.errors).
"""

from __future__ import annotations

from typing import Annotated

import typer

from checker._version import __version__
from checker.cli.check import baseline_command, check_command
from checker.cli.guard import DEBUG_KEY, GuardedGroup
from checker.cli.index import index_command, verify_command
from checker.cli.render import render_command
from checker.cli.report import compare_command, report_command
from checker.cli.review import review_app
from checker.cli.serve import serve_command

app = typer.Typer(
    cls=GuardedGroup,
    add_completion=False,
    no_args_is_help=True,
    # Plain help: the rich renderer prints a '<bool>' type beside every flag.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Cross-source claim-consistency checker for news: index articles from many outlets, "
    "then report where their figures and facts agree and disagree.",
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"checker {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit"
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="On an unexpected error, print its traceback (also CHECKER_DEBUG=1)"
        ),
    ] = False,
) -> None:
    """Cross-source claim-consistency checker for news."""
    ctx.meta[DEBUG_KEY] = debug
    from checker.cli._common import run
    from checker.cli.defaults import default_map
    from checker.settings import load_settings

    settings = run(load_settings)
    if settings.source is not None:
        ctx.default_map = run(lambda: default_map(ctx.command, settings))


app.command("index")(index_command)
app.command("report")(report_command)
app.command("render")(render_command)
app.command("compare")(compare_command)
app.command("check")(check_command)
app.command("baseline")(baseline_command)
app.command("verify")(verify_command)
app.add_typer(review_app, name="review")
app.command("serve")(serve_command)


def main() -> None:
    app()


__all__ = ["app", "main"]
