"""`checker index` (and `checker index verify`): build or check an index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from checker.cli._common import IndexOption, QuietOption, progress_for, run, say
from checker.nlp.embed import DEFAULT_MODEL

VERIFY = "verify"  # `checker index verify --index DIR`: the integrity check


CorpusArgument = Annotated[
    list[Path], typer.Argument(help="Files or folders: .txt .md .html .csv .jsonl")
]
ModelOption = Annotated[
    str | None,
    typer.Option(help=f"sentence-transformers name or path (default {DEFAULT_MODEL}, offline)"),
]
OutletOption = Annotated[
    str | None, typer.Option(help="Outlet for every article given (overrides detection)")
]
SingleOutletOption = Annotated[
    bool,
    typer.Option(
        "--allow-single-outlet", help="Allow an index whose articles all come from one outlet"
    ),
]

RebuildOption = Annotated[
    bool,
    typer.Option(
        "--rebuild",
        help="Build the index afresh from CORPUS without reading it (a damaged index); "
        "keeps review.sqlite, baseline.json and last_check.json",
    ),
]


def _column(what: str) -> Any:
    """The option naming the CSV/JSONL column that holds `what`."""
    return typer.Option(help=f"CSV/JSONL column holding {what}")


def index_command(
    corpus: CorpusArgument,
    index: IndexOption,
    model: ModelOption = None,
    text_field: Annotated[str | None, _column("the article text")] = None,
    outlet_field: Annotated[str | None, _column("the outlet")] = None,
    id_field: Annotated[str | None, _column("a stable article id")] = None,
    date_field: Annotated[str | None, _column("the publication date")] = None,
    title_field: Annotated[str | None, _column("the title")] = None,
    url_field: Annotated[str | None, _column("the URL")] = None,
    outlet: OutletOption = None,
    encoding: Annotated[
        str, typer.Option(help="Text encoding of the inputs, e.g. cp1252 for FA-KES")
    ] = "utf-8",
    allow_single_outlet: SingleOutletOption = False,
    rebuild: RebuildOption = False,
    quiet: QuietOption = False,
) -> None:
    """Index articles (incremental: unchanged articles are not re-encoded).

    `checker index verify --index DIR` instead checks the index's integrity (exit 0 OK, 2 not);
    to index a file or folder named `verify`, write `./verify`.
    """
    from checker.indexing import index as build_index
    from checker.ingest import FieldMap

    if [str(path) for path in corpus] == [VERIFY]:
        verify(index)
        return
    fields = FieldMap(
        text=text_field,
        outlet=outlet_field,
        id=id_field,
        date=date_field,
        title=title_field,
        url=url_field,
    )
    with progress_for(quiet) as progress:
        summary = run(
            lambda: build_index(
                corpus,
                index_path=index,
                model=model,
                fields=fields,
                outlet=outlet,
                encoding=encoding,
                allow_single_outlet=allow_single_outlet,
                progress=progress,
                rebuild=rebuild,
            )
        )
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)
    say(
        f"indexed {summary.articles} articles from {summary.outlets} outlets ({summary.added} added, "
        f"{summary.changed} changed, {summary.unchanged} unchanged), {summary.sentences} sentences, "
        f"{summary.encoded_sentences} encoded, in {summary.seconds:.1f}s -> {summary.index}",
        quiet,
    )


def verify_command(index: IndexOption) -> None:
    """Check an index's integrity: OK and what it holds, or the first problem (exit 2)."""
    verify(index)


def verify(index: Path) -> None:
    """`checker verify` (also `checker index verify`): OK and what the index holds, or the
    first problem (exit 2)."""
    from checker.store import verify_index

    health = run(lambda: verify_index(index))
    typer.echo(
        f"OK {health.index}: {health.articles} articles, {health.sentences} sentences, "
        f"model {health.model} ({health.dimension} dims), {health.generation}, "
        f"written by checker {health.checker_version}"
    )
