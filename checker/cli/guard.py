"""The last line of the exit-code contract: whatever escapes a command exits 2, never 1.

Exit 1 means "failing findings" to CI, so a crash (a full disk, a bug, a library's own error)
must not look like one. `GuardedGroup` wraps every command of the app, so both the console
script and `CliRunner(app)` pass through it: an unexpected error becomes one line on stderr
and exit 2, with the traceback only under `--debug` or CHECKER_DEBUG=1; Ctrl-C exits 130.
"""

from __future__ import annotations

import os
import traceback
from typing import Any

import typer
from typer import _click  # the parser typer vendors; its Context is what a group receives
from typer.core import TyperGroup
from typer.exceptions import TyperException

from checker.cli.progress import end_live_line
from checker.errors import EXIT_INTERRUPTED, EXIT_USAGE, CheckerError

DEBUG_KEY = "checker.debug"  # in the context's meta, shared by every nested context
DEBUG_ENV = "CHECKER_DEBUG"
# Commands that change the index only by switching its manifest in one atomic rename, so an
# interrupted run leaves the index as it was.
ATOMIC_INDEX_WRITERS = frozenset({"index"})


def debugging(ctx: _click.Context) -> bool:
    """Whether tracebacks are wanted: `checker --debug …` or CHECKER_DEBUG=1."""
    return bool(ctx.meta.get(DEBUG_KEY)) or os.environ.get(DEBUG_ENV, "") == "1"


def unexpected_line(error: BaseException) -> str:
    """The one line an unexpected error gets: its type, its message and how to see more."""
    message = " ".join(str(error).split()) or "(no message)"
    return (
        f"error: unexpected {type(error).__name__}: {message} (run with --debug for the traceback)"
    )


class GuardedGroup(TyperGroup):
    """The root command: runs the chosen command and maps what escapes it to the contract."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # exits chosen on purpose, and the parser's own usage errors (exit 2)
        except KeyboardInterrupt:
            end_live_line()
            unchanged = ctx.invoked_subcommand in ATOMIC_INDEX_WRITERS
            typer.echo(f"interrupted{'; the index is unchanged' if unchanged else ''}", err=True)
            raise typer.Exit(code=EXIT_INTERRUPTED) from None
        except CheckerError as error:  # raised outside `run`: still the one-line error
            end_live_line()
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(code=EXIT_USAGE) from error
        except Exception as error:
            end_live_line()
            if debugging(ctx):
                traceback.print_exc()
            typer.echo(unexpected_line(error), err=True)
            raise typer.Exit(code=EXIT_USAGE) from error
