"""`checker report` and `checker compare`: the discrepancy report, and verdicts on given pairs."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.cli._common import (
    NliModelOption,
    OutsOption,
    ParaphraseModelOption,
    QuietOption,
    output_plan,
    progress_for,
    run,
    say,
    warn,
    write_output,
    write_outputs,
    written,
)
from checker.models import NEIGHBOUR_MIN_SIMILARITY, NEIGHBOURS, SHIPPED_PARAPHRASE_MODEL
from checker.nlp.embed import DEFAULT_MODEL


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    csv = "csv"
    html = "html"


def report_command(
    index: Annotated[
        Path | None,
        typer.Option(
            "--index",
            "-i",
            envvar="CHECKER_INDEX",
            help="Index folder; omitted: the bundled default corpus",
        ),
    ] = None,
    format: Annotated[
        list[ReportFormat] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="md (the default), json, csv or html; repeat for several",
        ),
    ] = None,
    out: OutsOption = None,
    include_same_outlet: Annotated[
        bool, typer.Option("--include-same-outlet", help="Also pair sentences of one outlet")
    ] = False,
    include_same_article: Annotated[
        bool, typer.Option("--include-same-article", help="Also pair sentences of one article")
    ] = False,
    neighbours: Annotated[
        int, typer.Option(help="Nearest neighbours per sentence from other outlets")
    ] = NEIGHBOURS,
    min_similarity: Annotated[
        float, typer.Option(help="Cosine below which neighbours are ignored")
    ] = NEIGHBOUR_MIN_SIMILARITY,
    nli_model: NliModelOption = None,
    paraphrase_model: ParaphraseModelOption = SHIPPED_PARAPHRASE_MODEL,
    quiet: QuietOption = False,
) -> None:
    """Write the cross-outlet discrepancy report (json, md, csv or html)."""
    from checker.rendering import render_report
    from checker.reporting import pairing_options_for, report

    plan = run(lambda: output_plan([f.value for f in format or [ReportFormat.md]], out))
    options = pairing_options_for(
        index,
        neighbours=neighbours,
        min_similarity=min_similarity,
        include_same_outlet=include_same_outlet or None,  # a flag only turns pairing on
        include_same_article=include_same_article or None,
        paraphrase_model=paraphrase_model,
    )
    with progress_for(quiet) as progress:
        result = run(lambda: report(index, options=options, nli_model=nli_model, progress=progress))
    write_outputs(plan, lambda fmt: render_report(result, fmt))  # type: ignore[arg-type]
    warn(result.warnings)
    if result.suppressed:
        suppressed = sum(result.suppressed.values())
        say(f"{suppressed} dismissed in review suppressed (review.sqlite in {result.index})", quiet)
    counts = ", ".join(
        f"{count} {kind}" for kind, count in result.summary.pairs_by_kind.items() if count
    )
    say(f"{len(result.pairs)} pairs ({counts or 'none'})" + written(plan), quiet)


def compare_command(
    pairs: Annotated[
        Path,
        typer.Argument(help='JSONL of {"id", "a", "b"} (+ a_date, b_date, a_outlet, b_outlet)'),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write JSONL here instead of standard output")
    ] = None,
    model: Annotated[str, typer.Option(help="sentence-transformers name or path")] = DEFAULT_MODEL,
    nli_model: NliModelOption = None,
    paraphrase_model: ParaphraseModelOption = SHIPPED_PARAPHRASE_MODEL,
) -> None:
    """Classify given sentence pairs (no index needed); writes JSONL verdicts."""
    from checker.comparison import compare, read_compare_pairs

    results = run(
        lambda: compare(
            read_compare_pairs(pairs),
            model=model,
            nli_model=nli_model,
            paraphrase_model=paraphrase_model,
        )
    )
    write_output("".join(result.model_dump_json() + "\n" for result in results), out)
