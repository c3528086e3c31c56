"""`checker check` and `checker baseline`: new articles against an index in CI, and accepting
today's findings."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli._common import (
    EncodingOption,
    IndexOption,
    OutsOption,
    ParaphraseModelOption,
    QuietOption,
    output_plan,
    progress_for,
    run,
    say,
    warn,
    write_outputs,
    written,
)
from checker.errors import EXIT_OK
from checker.models import DEFAULT_FAIL_ON, SHIPPED_PARAPHRASE_MODEL

if TYPE_CHECKING:
    from checker.ci.check import CheckResult


class CheckOutput(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


ChangedSince = Annotated[
    str | None,
    typer.Option(
        "--changed-since",
        help="Check the article files `git diff REV` adds or modifies (under PATHS if given)",
        metavar="REV",
    ),
]
Root = Annotated[
    Path | None,
    typer.Option(
        help="Corpus folder the index was built from: loose files get the ids "
        "`checker index ROOT` gives them, so a changed article replaces its indexed version"
    ),
]


def _article_paths(paths: list[Path] | None, changed_since: str | None) -> list[Path]:
    from checker.ci.git import changed_files

    if changed_since is None:
        return list(paths or [])
    return changed_files(changed_since, paths=paths or [])


DEFAULT_FAIL_ON_TEXT = ",".join(DEFAULT_FAIL_ON)
ArticlesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATHS]...",
        help="New or changed articles: files or folders (.txt .md .html .csv .jsonl)",
    ),
]
FailOnOption = Annotated[
    str, typer.Option(help="Comma-separated kinds that fail the check (exit 1), or none")
]
BaselineOption = Annotated[
    Path | None,
    typer.Option(
        help="Baseline file of accepted findings (default: INDEX/baseline.json if present)"
    ),
]
UpdateOption = Annotated[
    bool, typer.Option("--update", help="After the check, add the checked articles to the index")
]


def check_command(
    index: IndexOption,
    paths: ArticlesArgument = None,
    changed_since: ChangedSince = None,
    root: Root = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    baseline: BaselineOption = None,
    no_baseline: Annotated[
        bool, typer.Option("--no-baseline", help="Report baselined findings too")
    ] = False,
    update: UpdateOption = False,
    format: Annotated[
        list[CheckOutput] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (the default), json, sarif, junit or github; repeat for several",
        ),
    ] = None,
    out: OutsOption = None,
    encoding: EncodingOption = "utf-8",
    paraphrase_model: ParaphraseModelOption = SHIPPED_PARAPHRASE_MODEL,
    quiet: QuietOption = False,
) -> None:
    """Check new articles against an index for CI. Exit 0: no finding of a --fail-on kind;
    1: such findings; 2: usage or input error."""
    from checker.ci.check import check, parse_fail_on
    from checker.models import PairingOptions
    from checker.rendering import render_check

    plan = run(lambda: output_plan([f.value for f in format or [CheckOutput.text]], out))
    kinds = run(lambda: parse_fail_on(fail_on))
    articles = run(lambda: _article_paths(paths, changed_since))
    if not articles and changed_since is not None:
        say(f"no article files changed since {changed_since}; nothing to check", quiet)
        raise typer.Exit(code=EXIT_OK)
    with progress_for(quiet) as progress:
        result = run(
            lambda: check(
                articles,
                index_path=index,
                fail_on=kinds,
                baseline=baseline,
                use_baseline=not no_baseline,
                update=update,
                root=root,
                options=PairingOptions(paraphrase_model=paraphrase_model),
                encoding=encoding,
                progress=progress,
            )
        )
    write_outputs(plan, lambda fmt: render_check(result, fmt))
    warn(result.report.warnings)
    _tell_outcome(result, plan, index, quiet)
    raise typer.Exit(code=result.exit_code)


def _tell_outcome(
    result: CheckResult, plan: list[tuple[str, Path | None]], index: Path, quiet: bool
) -> None:
    """The warnings and summary on stderr when the outputs are not text on stdout (which holds
    them), and what --update added."""
    from checker.rendering.check import summary_line

    if plan != [("text", None)]:
        for warning in result.warnings:
            typer.echo(f"warning: {warning}", err=True)
        say(summary_line(result) + written(plan), quiet)
    if result.updated:
        say(f"added {len(result.checked)} articles to {index}", quiet)


def baseline_command(
    index: IndexOption,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Also accept the findings of checking these articles"),
    ] = None,
    changed_since: ChangedSince = None,
    root: Root = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline file to write (default: INDEX/baseline.json)")
    ] = None,
    encoding: EncodingOption = "utf-8",
    quiet: QuietOption = False,
) -> None:
    """Accept today's findings: write a baseline so later checks report only new ones."""
    from checker.ci.baseline import baseline as write_baseline

    summary = run(
        lambda: write_baseline(
            _article_paths(paths, changed_since),
            index_path=index,
            baseline_path=baseline,
            root=root,
            encoding=encoding,
        )
    )
    last = ""
    if summary.last_check_articles:
        names = ", ".join(summary.last_check_articles[:3])
        more = len(summary.last_check_articles) - 3
        names += f" and {more} more" if more > 0 else ""
        last = f" ({summary.from_last_check} of them from the last check, of {names})"
    say(f"baseline of {summary.findings} findings{last} -> {summary.path}", quiet)
