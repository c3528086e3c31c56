"""`check`: new articles against an indexed corpus, for CI.

The new articles are split, parsed and encoded with the index's own model, then paired
with the corpus (and with each other) only: `PairingOptions.focus` keeps every pair that
touches a new article and nothing else. Findings of a `fail_on` kind that no baseline
accepted make the exit code 1. With `update`, the checked articles join the index after
the check, in one atomic write under the index lock.

Exit codes (stable): 0 no failing finding, 1 failing findings, 2 usage or input error
(raised as `CheckerError`; the CLI maps it).
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker._version import __version__
from checker.ci.baseline_file import (
    baseline_of,
    default_baseline_path,
    read_baseline,
    write_baseline,
)
from checker.errors import IncompatibleIndexError, UsageError
from checker.indexing import analyse_sentences, sentences_of
from checker.ingest.load import SIDECAR_SUFFIX, SUPPORTED_SUFFIXES, FieldMap, load_articles
from checker.judge.candidates import PairingOptions
from checker.models import KIND_ORDER, Article, Pair, PairKind, Report
from checker.nlp.embed import get_embedder
from checker.reporting import build_report
from checker.review.store import dismissed_fingerprints
from checker.store.generations import StoredIndex, load_index, locked, save_index

log = logging.getLogger(__name__)

# Kinds that fail a check unless told otherwise: the two that say one report is wrong.
DEFAULT_FAIL_ON: tuple[PairKind, ...] = ("conflict", "contradiction")
# Kinds that never call for an editor: reported, but only as information.
INFORMATIONAL: frozenset[str] = frozenset({"duplicate", "compatible"})

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


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


def changed_files(
    revision: str, *, paths: Sequence[str | Path] = (), cwd: str | Path = "."
) -> list[Path]:
    """Article files that `git diff REV` adds or modifies (under `paths` if given).

    Paths are returned relative to `cwd` when they lie below it, so findings name files
    the way CI annotations expect. Git failures are UsageErrors quoting git.
    """
    cwd = Path(cwd)
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd=cwd).strip())
    listing = _git(
        ["diff", "--name-only", "--diff-filter=AM", "-z", revision, "--", *map(str, paths)],
        cwd=cwd,
    )
    found = []
    for name in sorted(filter(None, listing.split("\0"))):
        path = top / name
        if (
            path.suffix.lower() in SUPPORTED_SUFFIXES
            and not path.name.lower().endswith(SIDECAR_SUFFIX)
            and path.is_file()
        ):
            try:
                found.append(path.resolve().relative_to(cwd.resolve()))
            except ValueError:
                found.append(path)
    return found


def _git(arguments: list[str], *, cwd: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise UsageError("--changed-since needs git on PATH") from error
    if completed.returncode != 0:
        message = (completed.stderr.strip().splitlines() or ["failed"])[-1]
        raise UsageError(f"git {' '.join(arguments[:2])} in {cwd}: {message}")
    return completed.stdout


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
    progress: Callable[[str], None] | None = None,
) -> CheckResult:
    """Check the articles under `paths` against the index at `index_path`.

    `baseline` names the baseline file (default: `baseline.json` in the index folder,
    used when present). `root` gives loose files the ids `checker index ROOT` gives them
    (their path below ROOT), so a changed article replaces its indexed version.
    """
    index_dir = Path(index_path)
    articles = _load_new(paths, root=root, fields=fields, encoding=encoding)
    accepted: frozenset[str] = frozenset()
    if use_baseline:
        baseline_path = Path(baseline) if baseline else default_baseline_path(index_dir)
        if baseline is not None or baseline_path.is_file():
            accepted = read_baseline(baseline_path).fingerprints()
    corpus = load_index(index_dir)
    if progress:
        progress(f"checking {len(articles)} articles against {len(corpus.articles)} in {index_dir}")
    new = encode_articles(articles, model=corpus.model, dimension=corpus.dimension)
    combined = _combined(corpus, new)
    base_options = options or PairingOptions()
    new_ids = frozenset(article.id for article in articles)
    report = build_report(
        combined,
        index_name=str(index_dir),
        options=base_options.model_copy(update={"focus": new_ids}),
        # Editors' dismissals count first: a finding both dismissed and baselined is "dismissed".
        suppress={**dict.fromkeys(accepted, "baselined"), **dismissed_fingerprints(index_dir)},
    )
    failing = [pair for pair in report.pairs if pair.kind in fail_on]
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
    )


def _load_new(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None,
    fields: FieldMap | None,
    encoding: str,
) -> list[Article]:
    if not paths:
        raise UsageError("no articles to check; name files or folders, or pass --changed-since")
    articles = load_articles(paths, fields=fields, encoding=encoding).articles
    if root is not None:
        articles = [_keyed_below(article, Path(root)) for article in articles]
    return sorted(articles, key=lambda article: (article.outlet, article.id))


def _keyed_below(article: Article, root: Path) -> Article:
    """Give a loose file with a default id (its file name) the id `checker index ROOT` gives it."""
    from checker.ingest.load import (
        _checksum,  # the same checksum `index` stores, so re-indexing agrees
    )

    source = Path(article.source)
    if ":row " in article.source or article.id != source.stem:
        return article  # a table row, or an id set in front matter or a sidecar
    try:
        relative = source.resolve().relative_to(root.resolve())
    except ValueError as error:
        raise UsageError(f"{source}: not below --root {root}") from error
    article_id = relative.with_suffix("").as_posix()
    checksum = _checksum(
        article_id, article.outlet, article.date, article.title, article.url, article.text
    )
    return article.model_copy(update={"id": article_id, "checksum": checksum})


def encode_articles(articles: list[Article], *, model: str, dimension: int) -> StoredIndex:
    """Split, parse and encode `articles` with the index's model: a small index of their own."""
    sentences, published = sentences_of(articles)
    embedder = get_embedder(model)
    if embedder.dimension != dimension:
        raise IncompatibleIndexError(
            f"model {model!r} encodes {embedder.dimension} dimensions but the index holds "
            f"{dimension}; rebuild the index with `checker index CORPUS --index INDEX`"
        )
    claims, vectors = analyse_sentences(sentences, published, embedder)
    return StoredIndex(
        model=model,
        dimension=dimension,
        articles=articles,
        claims=claims,
        vectors=vectors.reshape(len(sentences), dimension),
    )


def _combined(corpus: StoredIndex, new: StoredIndex) -> StoredIndex:
    """The corpus without any article the new ones replace (same id), plus the new ones."""
    replaced = {article.id for article in new.articles}
    keep = [row for row, claim in enumerate(corpus.claims) if claim.sentence.doc_id not in replaced]
    articles = [article for article in corpus.articles if article.id not in replaced]
    return StoredIndex(
        model=corpus.model,
        dimension=corpus.dimension,
        articles=[*articles, *new.articles],
        claims=[*(corpus.claims[row] for row in keep), *new.claims],
        vectors=np.vstack([corpus.vectors[keep], new.vectors]).astype(np.float32),
    )


def add_to_index(index_dir: Path, new: StoredIndex) -> None:
    """Add already-encoded articles to the index: reload, merge and save under the lock,
    so a writer that finished meanwhile keeps its articles."""
    with locked(index_dir):
        current = load_index(index_dir)
        if current.model != new.model:
            raise IncompatibleIndexError(
                f"{index_dir}: now built with {current.model!r}, not {new.model!r}"
            )
        merged = _combined(current, new)
        order = sorted(
            range(len(merged.claims)),
            key=lambda row: (merged.claims[row].sentence.doc_id, merged.claims[row].sentence.index),
        )
        save_index(
            index_dir,
            StoredIndex(
                model=merged.model,
                dimension=merged.dimension,
                articles=sorted(merged.articles, key=lambda article: (article.outlet, article.id)),
                claims=[merged.claims[row] for row in order],
                vectors=merged.vectors[order],
            ),
            checker_version=__version__,
        )


def baseline(
    paths: Sequence[str | Path] = (),
    *,
    index_path: str | Path,
    baseline_path: str | Path | None = None,
    root: str | Path | None = None,
    options: PairingOptions | None = None,
    fields: FieldMap | None = None,
    encoding: str = "utf-8",
) -> BaselineSummary:
    """Accept today's findings: every pair of the index's report, plus, when `paths` are
    given, every pair a check of those articles reports. Writes the baseline file."""
    index_dir = Path(index_path)
    target = Path(baseline_path) if baseline_path else default_baseline_path(index_dir)
    options = options or PairingOptions()
    pairs = list(
        build_report(load_index(index_dir), index_name=str(index_dir), options=options).pairs
    )
    if paths:
        result = check(
            paths,
            index_path=index_dir,
            use_baseline=False,
            root=root,
            options=options,
            fields=fields,
            encoding=encoding,
        )
        pairs.extend(result.report.pairs)
    accepted = baseline_of(pairs)
    write_baseline(target, accepted)
    return BaselineSummary(path=str(target), findings=len(accepted.findings))


class BaselineSummary(BaseModel):
    """Where a baseline was written and how many findings it accepts."""

    model_config = ConfigDict(frozen=True)

    path: str
    findings: int
