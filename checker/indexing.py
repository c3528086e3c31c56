"""`index`: ingest a corpus, analyse its articles and save the index.

Incremental: articles whose checksum is already in the index keep their sentences, claims and
vectors; only new or changed articles go through the analysis path (analysis.py) and the one
merge (store/merge.py). A rebuild ignores the saved generation (a damaged or incompatible
index) and builds afresh, leaving the editors' files beside it (review store, baseline, last
check) in place.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel

from checker.analysis import analyse_articles
from checker.errors import CheckerError, IncompatibleIndexError, UsageError
from checker.fresh_index import index_fresh
from checker.incidents import with_incidents
from checker.ingest import FieldMap, load_articles
from checker.models import Article
from checker.nlp.embed import DEFAULT_MODEL, Embedder
from checker.progress import NO_PROGRESS, Progress
from checker.store import StoredIndex, index_exists, load_index, locked, merge, read_manifest
from checker.store import save_index as save

ArticleChange = Literal["added", "changed", "unchanged"]


class IndexSummary(BaseModel):
    """What one `index` run did."""

    index: str
    model: str
    articles: int
    outlets: int
    sentences: int
    added: int
    changed: int
    unchanged: int
    encoded_sentences: int
    seconds: float
    warnings: list[str]


def index(
    paths: Sequence[str | Path],
    *,
    index_path: str | Path,
    model: str | None = None,
    fields: FieldMap | None = None,
    outlet: str | None = None,
    encoding: str = "utf-8",
    allow_single_outlet: bool = False,
    embedder: Embedder | None = None,
    progress: Progress = NO_PROGRESS,
    rebuild: bool = False,
    mirror: bool = False,
) -> IndexSummary:
    """Add the articles under `paths` to the index at `index_path` (created if absent); with
    `rebuild`, replace what it holds by these articles alone, without reading it; with
    `mirror`, rebuild only when it holds articles `paths` no longer have."""
    started = time.perf_counter()
    index_dir = Path(index_path)
    progress.stage(f"reading articles from {len(paths)} path{'s' if len(paths) != 1 else ''}")
    ingested = load_articles(paths, fields=fields, outlet=outlet, encoding=encoding)
    with locked(index_dir):
        existing = None if rebuild else _existing(index_dir, model)
        if mirror and existing and _stale(existing, ingested.articles):
            progress.note(f"{index_dir}: holds articles its corpus no longer has; rebuilding")
            existing = None  # the review store and the baseline beside it stay
        model_name = existing.model if existing else (model or _saved_model(index_dir))
        changes = _changes(existing, ingested.articles)
        fresh = [article for article in ingested.articles if changes[article.id] != "unchanged"]
        _require_outlets(existing, fresh, paths, allow_single_outlet)
        if existing is None:  # a new index: analysed and written in bounded batches
            written = index_fresh(
                fresh, index_dir=index_dir, model=model_name, embedder=embedder, progress=progress
            )
            held = Held(
                model=written.model,
                articles=written.articles,
                outlets=len({article.outlet for article in fresh}),
                sentences=written.sentences,
                encoded=written.sentences,
            )
        else:
            held = _add_to(existing, fresh, index_dir, model_name, embedder, progress)
    counts = {
        kind: sum(1 for value in changes.values() if value == kind)
        for kind in get_args(ArticleChange)
    }
    return IndexSummary(
        index=str(index_dir),
        model=held.model,
        articles=held.articles,
        outlets=held.outlets,
        sentences=held.sentences,
        encoded_sentences=held.encoded,
        seconds=round(time.perf_counter() - started, 3),
        warnings=ingested.warnings,
        **counts,
    )


class Held(BaseModel):
    """What the index holds after a run, and how many sentences the run encoded."""

    model: str
    articles: int
    outlets: int
    sentences: int
    encoded: int


def _add_to(
    existing: StoredIndex,
    fresh: list[Article],
    index_dir: Path,
    model_name: str,
    embedder: Embedder | None,
    progress: Progress,
) -> Held:
    """The new and changed articles analysed in memory and merged into `existing`, saved when
    anything changed (or its incidents were never built)."""
    analysed = _analyse(fresh, existing, index_dir, model_name, embedder, progress)
    stored = merge(existing, analysed)
    if fresh or existing.incidents is None:
        progress.stage(f"building incidents across {len(stored.articles):,} articles")
        stored = with_incidents(stored, existing.incidents)
        progress.stage(f"writing the index to {index_dir}")
        save(index_dir, stored)
    return Held(
        model=model_name,
        articles=len(stored.articles),
        outlets=len({article.outlet for article in stored.articles}),
        sentences=len(stored.claims),
        encoded=len(analysed.claims),
    )


def _stale(existing: StoredIndex, articles: list[Article]) -> bool:
    """Whether the index holds an article that `articles` lack."""
    return bool({article.id for article in existing.articles} - {a.id for a in articles})


def _analyse(
    fresh: list[Article],
    existing: StoredIndex | None,
    index_dir: Path,
    model_name: str,
    embedder: Embedder | None,
    progress: Progress,
) -> StoredIndex:
    """The new and changed articles through the analysis path, with the index's own model."""
    if existing is not None and embedder is not None and embedder.name != model_name:
        raise IncompatibleIndexError(
            f"{index_dir}: built with {model_name!r}, not {embedder.name!r}"
        )

    analysed = analyse_articles(
        fresh,
        model=model_name,
        embedder=embedder,
        progress=progress,
        show_progress=progress is not NO_PROGRESS and _interactive(),
    )
    if existing is not None and analysed.claims and analysed.dimension != existing.dimension:
        raise IncompatibleIndexError(
            f"model {model_name!r} encodes {analysed.dimension} dimensions but the index holds "
            f"{existing.dimension}"
        )
    return analysed


def _existing(index_dir: Path, model: str | None) -> StoredIndex | None:
    if not index_exists(index_dir):
        return None
    manifest = read_manifest(index_dir)
    if model is not None and manifest.model != model:
        raise IncompatibleIndexError(
            f"{index_dir}: index was built with model {manifest.model!r}, not {model!r}; "
            f"use the same --model or index into a new --index folder"
        )
    return load_index(index_dir)


def _saved_model(index_dir: Path) -> str:
    """The model a new or rebuilt index uses without --model: the one its manifest names
    where that is still readable (a rebuild keeps the model), else the default."""
    if not index_exists(index_dir):
        return DEFAULT_MODEL
    try:
        return read_manifest(index_dir).model
    except CheckerError:  # the damage a rebuild repairs; nothing to keep from it
        return DEFAULT_MODEL


def _changes(existing: StoredIndex | None, incoming: list[Article]) -> dict[str, ArticleChange]:
    """Each incoming article: new to the index, changed (another checksum) or unchanged."""
    old = {article.id: article.checksum for article in existing.articles} if existing else {}
    return {
        article.id: "added"
        if article.id not in old
        else "unchanged"
        if old[article.id] == article.checksum
        else "changed"
        for article in incoming
    }


def _require_outlets(
    existing: StoredIndex | None,
    fresh: list[Article],
    paths: Sequence[str | Path],
    allow_single_outlet: bool,
) -> None:
    """Cross-outlet checks need two outlets; say how to set them when there is one."""
    replaced = {article.id for article in fresh}
    kept = [
        article for article in (existing.articles if existing else []) if article.id not in replaced
    ]
    outlets = {article.outlet for article in [*kept, *fresh]}
    if len(outlets) < 2 and not allow_single_outlet:
        raise UsageError(
            f"{paths[0]}: every article comes from one outlet ({next(iter(outlets))!r}); cross-outlet "
            f"checks need two or more — set outlets (--outlet-field, a header 'outlet:' line, or one "
            f"folder per outlet) or pass --allow-single-outlet"
        )


def _interactive() -> bool:
    """A progress bar only for a person at a terminal: never in CI or when piped."""
    return sys.stderr.isatty() and not os.environ.get("CI")
