"""The `checker` command line: a thin Typer skin over the library functions of the same names."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.errors import CheckerError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cross-source claim-consistency checker for news: index articles from many outlets, "
    "then report where their figures and facts agree and disagree.",
)


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    csv = "csv"
    html = "html"


QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages")]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write here instead of standard output")
]
ParaphraseModel = Annotated[
    str,
    typer.Option(
        help="Paraphrase judge for pairs without figures: 'shipped', 'none' (cosine plus "
        "shared wording), or an adapter file from scripts/train_paraphrase.py"
    ),
]


def _fail(error: CheckerError) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=2)


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(out)


@app.command("index")
def index_command(
    corpus: Annotated[
        list[Path], typer.Argument(help="Files or folders: .txt .md .html .csv .jsonl")
    ],
    index: Annotated[Path, typer.Option("--index", help="Index folder, e.g. indexes/NAME")],
    model: Annotated[
        str | None,
        typer.Option(help="sentence-transformers name or path (default all-MiniLM-L6-v2, offline)"),
    ] = None,
    text_field: Annotated[
        str | None, typer.Option(help="CSV/JSONL column holding the article text")
    ] = None,
    outlet_field: Annotated[
        str | None, typer.Option(help="CSV/JSONL column holding the outlet")
    ] = None,
    id_field: Annotated[
        str | None, typer.Option(help="CSV/JSONL column holding a stable article id")
    ] = None,
    date_field: Annotated[
        str | None, typer.Option(help="CSV/JSONL column holding the publication date")
    ] = None,
    title_field: Annotated[
        str | None, typer.Option(help="CSV/JSONL column holding the title")
    ] = None,
    url_field: Annotated[str | None, typer.Option(help="CSV/JSONL column holding the URL")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet for every article given (overrides detection)")
    ] = None,
    encoding: Annotated[
        str, typer.Option(help="Text encoding of the inputs, e.g. cp1252 for FA-KES")
    ] = "utf-8",
    allow_single_outlet: Annotated[
        bool, typer.Option(help="Allow an index whose articles all come from one outlet")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Index articles (incremental: unchanged articles are not re-encoded).

    `checker index verify --index DIR` instead checks the index's integrity (exit 0 OK, 2 not);
    to index a file or folder named `verify`, write `./verify`.
    """
    from checker.indexing import index as run_index

    if [str(path) for path in corpus] == [VERIFY]:
        _verify(index, quiet)
        return
    from checker.ingest.load import FieldMap

    fields = FieldMap(
        text=text_field,
        outlet=outlet_field,
        id=id_field,
        date=date_field,
        title=title_field,
        url=url_field,
    )
    try:
        summary = run_index(
            corpus,
            index_path=index,
            model=model,
            fields=fields,
            outlet=outlet,
            encoding=encoding,
            allow_single_outlet=allow_single_outlet,
            progress=lambda message: _say(message, quiet),
        )
    except CheckerError as error:
        _fail(error)
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)
    _say(
        f"indexed {summary.articles} articles from {summary.outlets} outlets ({summary.added} added, "
        f"{summary.changed} changed, {summary.unchanged} unchanged), {summary.sentences} sentences, "
        f"{summary.encoded_sentences} encoded, in {summary.seconds:.1f}s -> {summary.index}",
        quiet,
    )


VERIFY = "verify"  # `checker index verify --index DIR`: the integrity check


def _verify(index: Path, quiet: bool) -> None:
    from checker.store.generations import verify_index

    try:
        health = verify_index(index)
    except CheckerError as error:
        _fail(error)
    typer.echo(
        f"OK {health.index}: {health.articles} articles, {health.sentences} sentences, "
        f"model {health.model} ({health.dimension} dims), {health.generation}, "
        f"written by checker {health.checker_version}"
    )


@app.command("report")
def report_command(
    index: Annotated[
        Path | None,
        typer.Option("--index", help="Index folder; omitted: the bundled default corpus"),
    ] = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format")
    ] = ReportFormat.md,
    out: OutOption = None,
    include_same_outlet: Annotated[
        bool, typer.Option(help="Also pair sentences of one outlet")
    ] = False,
    include_same_article: Annotated[
        bool, typer.Option(help="Also pair sentences of one article")
    ] = False,
    neighbours: Annotated[
        int, typer.Option(help="Nearest neighbours per sentence from other outlets")
    ] = 10,
    min_similarity: Annotated[
        float, typer.Option(help="Cosine below which neighbours are ignored")
    ] = 0.55,
    nli_model: Annotated[
        str | None,
        typer.Option(help="Optional NLI CrossEncoder (name or path) adding contradiction evidence"),
    ] = None,
    paraphrase_model: ParaphraseModel = "shipped",
    quiet: QuietOption = False,
) -> None:
    """Write the cross-outlet discrepancy report (json, md, csv or html)."""
    from checker.default_corpus import DEFAULT_INDEX, DEFAULT_OPTIONS, default_corpus
    from checker.indexing import index as run_index
    from checker.judge.candidates import PairingOptions
    from checker.render import render_report
    from checker.reporting import report as run_report
    from checker.review.store import dismissed_fingerprints

    try:
        if index is None:
            options = DEFAULT_OPTIONS.model_copy(update={"paraphrase_model": paraphrase_model})
            summary = run_index(
                [default_corpus()], index_path=DEFAULT_INDEX, progress=lambda m: _say(m, quiet)
            )
            _say(f"default corpus: {summary.articles} articles indexed in {DEFAULT_INDEX}", quiet)
            index = DEFAULT_INDEX
        else:
            options = PairingOptions(
                neighbours=neighbours,
                min_similarity=min_similarity,
                include_same_outlet=include_same_outlet,
                include_same_article=include_same_article,
                paraphrase_model=paraphrase_model,
            )
        result = run_report(
            index_path=index,
            options=options,
            suppress=dismissed_fingerprints(index),
            nli_model=nli_model,
        )
    except CheckerError as error:
        _fail(error)
    _write(render_report(result, format.value), out)
    if result.suppressed:
        suppressed = sum(result.suppressed.values())
        _say(f"{suppressed} dismissed in review suppressed (review.sqlite in {index})", quiet)
    counts = ", ".join(
        f"{count} {kind}" for kind, count in result.summary.pairs_by_kind.items() if count
    )
    _say(f"{len(result.pairs)} pairs ({counts or 'none'})" + (f" -> {out}" if out else ""), quiet)


@app.command("compare")
def compare_command(
    pairs: Annotated[
        Path,
        typer.Argument(help='JSONL of {"id", "a", "b"} (+ a_date, b_date, a_outlet, b_outlet)'),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write JSONL here instead of standard output")
    ] = None,
    model: Annotated[
        str, typer.Option(help="sentence-transformers name or path")
    ] = "all-MiniLM-L6-v2",
    nli_model: Annotated[
        str | None,
        typer.Option(help="Optional NLI CrossEncoder (name or path) adding contradiction evidence"),
    ] = None,
    paraphrase_model: ParaphraseModel = "shipped",
) -> None:
    """Classify given sentence pairs (no index needed); writes JSONL verdicts."""
    from checker.comparison import compare, read_compare_pairs

    try:
        results = compare(
            read_compare_pairs(pairs),
            model=model,
            nli_model=nli_model,
            paraphrase_model=paraphrase_model,
        )
    except CheckerError as error:
        _fail(error)
    _write("".join(result.model_dump_json() + "\n" for result in results), out)


from checker.cli.review import review_app, serve_command  # noqa: E402

app.add_typer(review_app, name="review")
app.command("serve")(serve_command)


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


def _check_paths(paths: list[Path] | None, changed_since: str | None) -> list[Path]:
    from checker.ci.check import changed_files

    if changed_since is None:
        return list(paths or [])
    return changed_files(changed_since, paths=paths or [])


@app.command("check")
def check_command(
    index: Annotated[Path, typer.Option("--index", help="Index of the corpus, e.g. indexes/NAME")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="New or changed articles: files or folders (.txt .md .html .csv .jsonl)"
        ),
    ] = None,
    changed_since: ChangedSince = None,
    root: Root = None,
    fail_on: Annotated[
        str,
        typer.Option(help="Comma-separated kinds that fail the check (exit 1), or none"),
    ] = "conflict,contradiction",
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Baseline file of accepted findings (default: INDEX/baseline.json if present)"
        ),
    ] = None,
    no_baseline: Annotated[bool, typer.Option(help="Report baselined findings too")] = False,
    update: Annotated[
        bool, typer.Option(help="After the check, add the checked articles to the index")
    ] = False,
    format: Annotated[
        CheckOutput, typer.Option("--format", "-f", help="Output format")
    ] = CheckOutput.text,
    out: OutOption = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the articles")] = "utf-8",
    paraphrase_model: ParaphraseModel = "shipped",
    quiet: QuietOption = False,
) -> None:
    """Check new articles against an index for CI. Exit 0: no finding of a --fail-on kind;
    1: such findings; 2: usage or input error."""
    from checker.ci.check import check as run_check
    from checker.ci.check import parse_fail_on
    from checker.judge.candidates import PairingOptions
    from checker.render.ci import render_check, summary_line

    try:
        kinds = parse_fail_on(fail_on)
        articles = _check_paths(paths, changed_since)
        if not articles and changed_since is not None:
            _say(f"no article files changed since {changed_since}; nothing to check", quiet)
            raise typer.Exit(code=0)
        result = run_check(
            articles,
            index_path=index,
            fail_on=kinds,
            baseline=baseline,
            use_baseline=not no_baseline,
            update=update,
            root=root,
            options=PairingOptions(paraphrase_model=paraphrase_model),
            encoding=encoding,
            progress=lambda message: _say(message, quiet),
        )
    except CheckerError as error:
        _fail(error)
    _write(render_check(result, format.value), out)
    if out is not None or format is not CheckOutput.text:
        _say(summary_line(result) + (f" -> {out}" if out else ""), quiet)
    if result.updated:
        _say(f"added {len(result.checked)} articles to {index}", quiet)
    raise typer.Exit(code=result.exit_code)


@app.command("baseline")
def baseline_command(
    index: Annotated[Path, typer.Option("--index", help="Index of the corpus, e.g. indexes/NAME")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Also accept the findings of checking these articles"),
    ] = None,
    changed_since: ChangedSince = None,
    root: Root = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline file to write (default: INDEX/baseline.json)")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the articles")] = "utf-8",
    quiet: QuietOption = False,
) -> None:
    """Accept today's findings: write a baseline so later checks report only new ones."""
    from checker.ci.check import baseline as run_baseline

    try:
        summary = run_baseline(
            _check_paths(paths, changed_since),
            index_path=index,
            baseline_path=baseline,
            root=root,
            encoding=encoding,
        )
    except CheckerError as error:
        _fail(error)
    _say(f"baseline of {summary.findings} findings -> {summary.path}", quiet)


def main() -> None:
    app()
