"""`index`: ingest a corpus, extract claims, embed sentences and save the index.

Incremental: articles whose checksum is already in the index keep their sentences,
claims and vectors; only new or changed articles are split, parsed and encoded.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from checker._version import __version__
from checker.claims.extract import extract_claims
from checker.errors import IncompatibleIndexError, UsageError
from checker.ingest.load import FieldMap, load_articles
from checker.models import Article, Claim, Sentence
from checker.nlp.embed import DEFAULT_MODEL, Embedder, get_embedder
from checker.store.generations import (
    StoredIndex,
    index_exists,
    load_index,
    locked,
    read_manifest,
    save_index,
)
from checker.text.sentences import split_sentences

log = logging.getLogger(__name__)


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
    progress: Callable[[str], None] | None = None,
) -> IndexSummary:
    """Add the articles under `paths` to the index at `index_path` (created if absent)."""
    started = time.perf_counter()
    index_dir = Path(index_path)
    ingested = load_articles(paths, fields=fields, outlet=outlet, encoding=encoding)
    with locked(index_dir):
        existing = _existing(index_dir, model)
        model_name = existing.model if existing else (model or DEFAULT_MODEL)
        kept_articles, kept_claims, kept_vectors, stats = _merge(existing, ingested.articles)
        fresh = [article for article in ingested.articles if stats[article.id] != "unchanged"]
        all_articles = sorted(
            {a.id: a for a in [*kept_articles, *fresh]}.values(), key=lambda a: (a.outlet, a.id)
        )
        outlets = {article.outlet for article in all_articles}
        if len(outlets) < 2 and not allow_single_outlet:
            raise UsageError(
                f"{paths[0]}: every article comes from one outlet ({next(iter(outlets))!r}); cross-outlet "
                f"checks need two or more — set outlets (--outlet-field, a header 'outlet:' line, or one "
                f"folder per outlet) or pass --allow-single-outlet"
            )
        sentences, published = sentences_of(fresh)
        encoded = 0
        if sentences:
            embedder = embedder or get_embedder(model_name)
            if embedder.name != model_name and existing is not None:
                raise IncompatibleIndexError(
                    f"{index_dir}: built with {model_name!r}, not {embedder.name!r}"
                )
            if progress:
                progress(
                    f"{len(fresh)} new or changed articles: extracting claims and encoding "
                    f"{len(sentences)} sentences with {model_name}"
                )
            fresh_claims, fresh_vectors = analyse_sentences(
                sentences,
                published,
                embedder,
                show_progress=progress is not None and _interactive(),
            )
            encoded = len(sentences)
            dimension = embedder.dimension
        else:
            fresh_claims = []
            dimension = existing.dimension if existing else 0
            fresh_vectors = np.zeros((0, dimension), dtype=np.float32)
        changed_anything = bool(fresh) or existing is None
        claims = [*kept_claims, *fresh_claims]
        vectors = np.vstack([kept_vectors, fresh_vectors]) if len(kept_vectors) else fresh_vectors
        order = sorted(
            range(len(claims)),
            key=lambda row: (claims[row].sentence.doc_id, claims[row].sentence.index),
        )
        stored = StoredIndex(
            model=model_name,
            dimension=dimension or (existing.dimension if existing else 0),
            articles=all_articles,
            claims=[claims[row] for row in order],
            vectors=vectors[order] if len(order) else vectors,
        )
        if changed_anything:
            save_index(index_dir, stored, checker_version=__version__)
    counts = {
        kind: sum(1 for value in stats.values() if value == kind)
        for kind in ("added", "changed", "unchanged")
    }
    return IndexSummary(
        index=str(index_dir),
        model=model_name,
        articles=len(all_articles),
        outlets=len(outlets),
        sentences=len(stored.claims),
        encoded_sentences=encoded,
        seconds=round(time.perf_counter() - started, 3),
        warnings=ingested.warnings,
        **counts,
    )


def _existing(index_dir: Path, model: str | None) -> StoredIndex | None:
    if not index_exists(index_dir):
        return None
    manifest = read_manifest(index_dir)
    if model is not None and manifest["model"] != model:
        raise IncompatibleIndexError(
            f"{index_dir}: index was built with model {manifest['model']!r}, not {model!r}; "
            f"use the same --model or index into a new --index folder"
        )
    return load_index(index_dir)


def _merge(existing: StoredIndex | None, incoming: list[Article]):  # type: ignore[no-untyped-def]
    """Split the incoming articles into unchanged/changed/added and keep the old rows still valid."""
    old = {article.id: article for article in existing.articles} if existing else {}
    stats = {}
    for article in incoming:
        if article.id not in old:
            stats[article.id] = "added"
        elif old[article.id].checksum == article.checksum:
            stats[article.id] = "unchanged"
        else:
            stats[article.id] = "changed"
    if existing is None:
        return [], [], np.zeros((0, 0), dtype=np.float32), stats
    replaced = {doc_id for doc_id, state in stats.items() if state == "changed"}
    keep_rows = [
        row for row, claim in enumerate(existing.claims) if claim.sentence.doc_id not in replaced
    ]
    kept_articles = [article for article in existing.articles if article.id not in replaced]
    return (
        kept_articles,
        [existing.claims[row] for row in keep_rows],
        existing.vectors[keep_rows],
        stats,
    )


def analyse_sentences(
    sentences: list[Sentence],
    published: list[dt.date | None],
    embedder: Embedder,
    *,
    show_progress: bool = False,
) -> tuple[list[Claim], np.ndarray]:
    """Claims and vectors of the sentences (same order): the per-sentence work of indexing.

    Encoding (torch, releases the GIL) runs in a thread while claims are extracted (spaCy,
    Python), which keeps indexing near raw encoding speed (bench/speed.py).
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(
            embedder.encode, [sentence.text for sentence in sentences], show_progress=show_progress
        )
        claims = extract_claims(sentences, published=published) if sentences else []
        vectors = pending.result()
    return claims, vectors


def sentences_of(articles: list[Article]) -> tuple[list[Sentence], list[dt.date | None]]:
    """All sentences of the articles, with each one's publication date."""
    sentences: list[Sentence] = []
    published: list[dt.date | None] = []
    for article in articles:
        for sentence in split_sentences(article):
            sentences.append(sentence)
            published.append(article.date)
    return sentences, published


def _interactive() -> bool:
    """A progress bar only for a person at a terminal: never in CI or when piped."""
    return sys.stderr.isatty() and not os.environ.get("CI")
