"""`check`: new articles against an indexed corpus, for CI.

The new articles go through the analysis path with the index's own model, then are paired
with the corpus (and with each other) only: `PairingOptions.focus` keeps every pair that
touches a new article and nothing else, and the corpus is searched in the FAISS index that
`checker index` saved. Findings of a `fail_on` kind that no baseline accepted make the exit
code `EXIT_FINDINGS`. With `update`, the checked articles join the index after the check, in
one atomic write under the index lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.analysis import analyse_articles
from checker.ci.baseline_file import default_baseline_path, read_baseline
from checker.ci.last_check import record_last_check
from checker.errors import EXIT_FINDINGS, EXIT_OK, IncompatibleIndexError, UsageError
from checker.incidents import with_incidents
from checker.ingest import FieldMap, article_checksum, load_articles
from checker.models import (
    DEFAULT_FAIL_ON,
    KIND_ORDER,
    Article,
    Pair,
    PairingOptions,
    PairKind,
    Report,
)
from checker.progress import NO_PROGRESS, Progress
from checker.reporting import build_report, review_suppression
from checker.store import StoredIndex, load_index, locked, merge, save_index, view_with


class CheckResult(BaseModel):
    """The outcome of one check: the report of every pair touching the checked articles."""

    model_config = ConfigDict(frozen=True)

    report: Report
    checked: list[str]  # ids of the checked articles
    fail_on: list[PairKind]
    failing: list[Pair]  # findings of a fail_on kind, not baselined, in report order
    baselined: int  # findings left out because the baseline accepted them
    dismissed: int = 0  # findings left out because an editor dismissed them in review
    updated: bool  # the checked articles were added to the index
    exit_code: int
    warnings: list[str] = []  # rows skipped or read in part, as `index` warns of them


def parse_fail_on(text: str) -> tuple[PairKind, ...]:
    """`"conflict,contradiction"` → the kinds; `"none"` → never fail. Unknown kinds are a UsageError."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["none"]:
        return ()
    unknown = [name for name in names if name not in KIND_ORDER]
    if unknown or not names:
        raise UsageError(
            f"--fail-on {text!r}: unknown kind {', '.join(unknown) or '(empty)'}; "
            f"use a comma-separated list of {', '.join(KIND_ORDER)}, or none"
        )
    return tuple(kind for kind in KIND_ORDER if kind in names)


def check(
    paths: Sequence[str | Path],
    *,
    index_path: str | Path,
    fail_on: Sequence[PairKind] = DEFAULT_FAIL_ON,
    baseline: str | Path | None = None,
    use_baseline: bool = True,
    update: bool = False,
    root: str | Path | None = None,
    options: PairingOptions | None = None,
    fields: FieldMap | None = None,
    encoding: str = "utf-8",
    progress: Progress = NO_PROGRESS,
) -> CheckResult:
    """Check the articles under `paths` against the index at `index_path`.

    `baseline` names the baseline file (default: `baseline.json` in the index folder,
    used when present). `root` gives loose files the ids `checker index ROOT` gives them
    (their path below ROOT), so a changed article replaces its indexed version.
    """
    index_dir = Path(index_path)
    articles, warnings = _load_new(paths, root=root, fields=fields, encoding=encoding)
    accepted = _accepted(index_dir, baseline) if use_baseline else frozenset()
    corpus = load_index(index_dir)
    progress.note(
        f"checking {len(articles)} articles against {len(corpus.articles)} in {index_dir}"
    )
    new = analyse_with_index_model(articles, corpus, progress=progress)
    new_ids = frozenset(article.id for article in articles)
    dismissed, store_warnings = review_suppression(index_dir)
    report = build_report(
        view_with(corpus, new),
        index_name=str(index_dir),
        options=(options or PairingOptions()).model_copy(update={"focus": new_ids}),
        # Editors' dismissals count first: a finding both dismissed and baselined is "dismissed".
        suppress={**dict.fromkeys(accepted, "baselined"), **dismissed},
        progress=progress,
        warnings=store_warnings,
    )
    failing = [pair for pair in report.pairs if pair.kind in fail_on]
    record_last_check(index_dir, sorted(new_ids), list(report.pairs))
    if update:
        add_to_index(index_dir, new)
    return CheckResult(
        report=report,
        checked=sorted(new_ids),
        fail_on=list(fail_on),
        failing=failing,
        baselined=report.suppressed.get("baselined", 0),
        dismissed=report.suppressed.get("dismissed", 0),
        updated=update,
        exit_code=EXIT_FINDINGS if failing else EXIT_OK,
        warnings=warnings,
    )


def analyse_with_index_model(
    articles: list[Article], corpus: StoredIndex, *, progress: Progress = NO_PROGRESS
) -> StoredIndex:
    """The articles through the analysis path with the corpus index's model; refuse a model
    whose vectors do not fit the index."""
    new = analyse_articles(articles, model=corpus.model, progress=progress)
    if new.claims and new.dimension != corpus.dimension:
        raise IncompatibleIndexError(
            f"model {corpus.model!r} encodes {new.dimension} dimensions but the index holds "
            f"{corpus.dimension}; rebuild the index with `checker index CORPUS --index INDEX --rebuild`"
        )
    if not new.claims:  # nothing was encoded: an empty block of the index's width
        return new.model_copy(
            update={
                "dimension": corpus.dimension,
                "vectors": np.zeros((0, corpus.dimension), np.float32),
            }
        )
    return new


def add_to_index(index_dir: Path, new: StoredIndex) -> None:
    """Add already-analysed articles to the index: reload, merge and save under the lock,
    so a writer that finished meanwhile keeps its articles."""
    with locked(index_dir):
        current = load_index(index_dir)
        if current.model != new.model:
            raise IncompatibleIndexError(
                f"{index_dir}: now built with {current.model!r}, not {new.model!r}"
            )
        save_index(index_dir, with_incidents(merge(current, new), current.incidents))


def _accepted(index_dir: Path, baseline: str | Path | None) -> frozenset[str]:
    """Fingerprints the baseline accepts: the named file, else INDEX/baseline.json if present."""
    baseline_path = Path(baseline) if baseline else default_baseline_path(index_dir)
    if baseline is None and not baseline_path.is_file():
        return frozenset()
    return read_baseline(baseline_path).fingerprints()


def _load_new(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None,
    fields: FieldMap | None,
    encoding: str,
) -> tuple[list[Article], list[str]]:
    """The articles to check, sorted, and the warnings of reading them."""
    if not paths:
        raise UsageError("no articles to check; name files or folders, or pass --changed-since")
    loaded = load_articles(paths, fields=fields, encoding=encoding)
    articles = loaded.articles
    if root is not None:
        articles = [_keyed_below(article, Path(root)) for article in articles]
    return sorted(articles, key=lambda article: (article.outlet, article.id)), loaded.warnings


def _keyed_below(article: Article, root: Path) -> Article:
    """Give a loose file with a default id (its file name) the id `checker index ROOT` gives it."""
    source = Path(article.source)
    if ":row " in article.source or article.id != source.stem:
        return article  # a table row, or an id set in front matter or a sidecar
    try:
        relative = source.resolve().relative_to(root.resolve())
    except ValueError as error:
        raise UsageError(f"{source}: not below --root {root}") from error
    article_id = relative.with_suffix("").as_posix()
    # The same checksum `index` stores, so re-indexing the file agrees with the check.
    checksum = article_checksum(
        article_id, article.outlet, article.date, article.title, article.url, article.text
    )
    return article.model_copy(update={"id": article_id, "checksum": checksum})
