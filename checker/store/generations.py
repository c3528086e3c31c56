"""Generations of a saved index: a FAISS vector index plus SQLite metadata under `indexes/NAME/`.

Layout: `manifest.json` (see manifest.py) names the current generation folder (`gen-NNNNNN/`
with `vectors.faiss` and `meta.sqlite`). A save writes a new generation beside the old one,
fsyncs it, then atomically replaces `manifest.json`: a crash at any moment leaves either the
old index or the new one, never a half-written one. Writers hold `locked(path)` (lock.py);
readers hold the shared reader lock while loading, and a save removes older generations only
when no reader holds it, so a reader always loads a whole generation.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker._version import __version__
from checker.errors import CheckerError, CorruptIndexError, IncompatibleIndexError
from checker.models import Article, Claim
from checker.store.durable import crash_point, fsync_dir, sha256_of, write_file
from checker.store.incident_file import (
    INCIDENTS,
    StoredIncident,
    read_incidents,
    write_incidents,
)
from checker.store.lock import reading, unread
from checker.store.manifest import (
    Manifest,
    read_manifest,
    rebuild_hint,
    write_manifest,
)
from checker.store.search import flat_index

VECTORS = "vectors.faiss"
METADATA = "meta.sqlite"
GENERATION_PREFIX = "gen-"


class StoredIndex(BaseModel):
    """An index in memory: articles, one claim per sentence and one vector per claim (row i of
    `vectors` belongs to `claims[i]`), plus the FAISS index those vectors were read from when
    it was loaded from disk (`vector_index`, searched by pairing)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: str
    dimension: int
    articles: list[Article]
    claims: list[Claim]
    vectors: np.ndarray
    vector_index: Any = None
    # The incidents built over these claims (None: not built yet, e.g. an older index).
    incidents: list[StoredIncident] | None = None
    # The generation folder it was loaded from (None: never saved).
    generation: str | None = None


def load_index(path: Path, *, expected_model: str | None = None) -> StoredIndex:
    """Load and verify an index; refuse one built by another model than `expected_model`.

    The load holds the shared reader lock, so no save removes the generation being read; a
    generation that is gone all the same (a filesystem without flock) is retried once with
    the manifest as it now stands."""
    with reading(path):
        manifest = read_manifest(path)
        if expected_model is not None and manifest.model != expected_model:
            raise IncompatibleIndexError(
                f"{path}: index was built with model {manifest.model!r}, not {expected_model!r}; "
                f"use --model {manifest.model} or index into a new --index folder"
            )
        try:
            return _load_generation(path, manifest)
        except CorruptIndexError:
            current = read_manifest(path)
            if current.generation == manifest.generation:
                raise
            return _load_generation(path, current)


def _load_generation(path: Path, manifest: Manifest) -> StoredIndex:
    """The generation `manifest` names, every file checked against its checksum."""
    import faiss

    generation = path / manifest.generation
    for name, digest in manifest.files.items():
        file_path = generation / name
        if not file_path.exists():
            raise CorruptIndexError(f"{file_path}: missing; {rebuild_hint(path)}")
        if sha256_of(file_path) != digest:
            raise CorruptIndexError(
                f"{file_path}: checksum mismatch (truncated or modified); {rebuild_hint(path)}"
            )
    try:
        vector_index = faiss.read_index(str(generation / VECTORS))
    except RuntimeError as error:  # faiss reports an unreadable file as a RuntimeError
        raise CorruptIndexError(
            f"{generation / VECTORS}: unreadable vectors; {rebuild_hint(path)}"
        ) from error
    if vector_index.d != manifest.dimension:
        raise CorruptIndexError(
            f"{generation / VECTORS}: dimension {vector_index.d} != manifest {manifest.dimension}; "
            f"{rebuild_hint(path)}"
        )
    vectors = (
        vector_index.reconstruct_n(0, vector_index.ntotal)
        if vector_index.ntotal
        else np.zeros((0, vector_index.d), np.float32)
    )
    articles, claims = _read_metadata(generation / METADATA)
    incidents = read_incidents(generation / INCIDENTS) if INCIDENTS in manifest.files else None
    if len(claims) != len(vectors):
        raise CorruptIndexError(
            f"{generation}: {len(claims)} sentences but {len(vectors)} vectors; {rebuild_hint(path)}"
        )
    return StoredIndex(
        model=manifest.model,
        dimension=manifest.dimension,
        articles=articles,
        claims=claims,
        vectors=np.asarray(vectors, dtype=np.float32),
        vector_index=vector_index,
        incidents=incidents,
        generation=manifest.generation,
    )


def save_index(path: Path, stored: StoredIndex, *, checker_version: str = __version__) -> None:
    """Write `stored` as a new generation and switch the manifest to it atomically.

    Call inside `locked(path)`. Any failure (a full disk included) removes what this save
    wrote and leaves the index as it was. The previous manifest is not read, so a damaged
    index can be replaced (`index(..., rebuild=True)`).
    """

    def stage(staging: Path) -> Staged:
        return Staged(
            model=stored.model,
            dimension=stored.dimension,
            articles=len(stored.articles),
            sentences=len(stored.claims),
            files=_stage(staging, stored),
        )

    publish_generation(path, stage, checker_version=checker_version)


class Staged(BaseModel):
    """What a staging function wrote into a generation: the manifest's facts and files."""

    model: str
    dimension: int
    articles: int
    sentences: int
    files: list[str]


def publish_generation(
    path: Path, stage: Callable[[Path], Staged], *, checker_version: str = __version__
) -> Staged:
    """Run `stage` on a fresh staging folder, then publish it as the next generation: fsync'd,
    renamed into place, the manifest switched atomically, older generations removed.

    Call inside `locked(path)`. Whatever fails in between, `stage` itself included (a full
    disk, Ctrl-C while a corpus is analysed into it), removes the staging folder and leaves
    the index as it was."""
    path.mkdir(parents=True, exist_ok=True)
    generation_name = _next_generation(path)
    staging = path / f".{generation_name}.tmp-{os.getpid()}"
    final = path / generation_name
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        staged = stage(staging)
        fsync_dir(staging)
        crash_point("staged")
        os.replace(staging, final)
        fsync_dir(path)
        crash_point("generation")
        manifest = Manifest(
            checker_version=checker_version,
            model=staged.model,
            dimension=staged.dimension,
            generation=generation_name,
            articles=staged.articles,
            sentences=staged.sentences,
            files={name: sha256_of(final / name) for name in staged.files},
        )
        write_manifest(path, manifest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if _current_generation(path) != generation_name:
            shutil.rmtree(final, ignore_errors=True)
        raise
    crash_point("manifest")
    _remove_stale_generations(path, keep=generation_name)
    return staged


def _stage(staging: Path, stored: StoredIndex) -> list[str]:
    """Write every file of the generation into `staging`; the names written."""
    import faiss

    # Written from faiss's own buffer: a bytes copy of it would hold the vectors once more.
    serialized = faiss.serialize_index(flat_index(stored.vectors, stored.dimension))
    write_file(staging / VECTORS, serialized.data)
    del serialized
    write_file(staging / METADATA, _metadata_bytes(stored))
    names = [VECTORS, METADATA]
    if stored.incidents is not None:
        write_incidents(staging / INCIDENTS, stored.incidents)
        names.append(INCIDENTS)
    return names


def _next_generation(path: Path) -> str:
    """One past the highest generation folder here: never the name of one a reader holds."""
    numbers = [
        int(child.name[len(GENERATION_PREFIX) :])
        for child in path.iterdir()
        if child.name.startswith(GENERATION_PREFIX)
        and child.name[len(GENERATION_PREFIX) :].isdigit()
    ]
    return f"{GENERATION_PREFIX}{max(numbers, default=0) + 1:06d}"


def _current_generation(path: Path) -> str | None:
    """The generation the manifest names, None where there is no readable manifest."""
    try:
        return read_manifest(path).generation
    except CheckerError:
        return None


def create_metadata_tables(connection: sqlite3.Connection) -> None:
    """The metadata schema: articles by id, claims by row (the row of their vector)."""
    connection.execute(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, json TEXT NOT NULL)"
    )
    connection.execute(
        "CREATE TABLE claims (row INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, json TEXT NOT NULL)"
    )


def insert_articles(connection: sqlite3.Connection, articles: Iterable[Article]) -> None:
    connection.executemany(
        "INSERT INTO articles VALUES (?, ?, ?)",
        ((article.id, article.checksum, article.model_dump_json()) for article in articles),
    )


def insert_claims(connection: sqlite3.Connection, first_row: int, claims: Iterable[Claim]) -> None:
    """The claims as rows `first_row`, `first_row + 1`, …"""
    connection.executemany(
        "INSERT INTO claims VALUES (?, ?, ?)",
        (
            (row, claim.sentence.doc_id, claim.model_dump_json())
            for row, claim in enumerate(claims, start=first_row)
        ),
    )


def _metadata_bytes(stored: StoredIndex) -> bytes:
    """The SQLite metadata of `stored` (articles, claims by row), built in memory."""
    connection = sqlite3.connect(":memory:")
    try:
        with connection:
            create_metadata_tables(connection)
            insert_articles(connection, stored.articles)
            insert_claims(connection, 0, stored.claims)
        return connection.serialize()
    finally:
        connection.close()


def _read_metadata(db_path: Path) -> tuple[list[Article], list[Claim]]:
    try:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            articles = [
                Article.model_validate_json(row[0])
                for row in connection.execute("SELECT json FROM articles ORDER BY id")
            ]
            claims = [
                Claim.model_validate_json(row[0])
                for row in connection.execute("SELECT json FROM claims ORDER BY row")
            ]
        finally:
            connection.close()
    except (sqlite3.DatabaseError, ValueError) as error:
        raise CorruptIndexError(
            f"{db_path}: unreadable metadata ({error}); {rebuild_hint(db_path.parent.parent)}"
        ) from error
    return articles, claims


def _remove_stale_generations(path: Path, *, keep: str) -> None:
    """Remove every generation but `keep`, and crashed writers' staging folders, when no
    reader holds the index; otherwise leave them to a later save."""
    with unread(path) as unheld:
        if not unheld:
            return
        for child in path.iterdir():
            if (
                child.is_dir()
                and child.name != keep
                and child.name.startswith((GENERATION_PREFIX, f".{GENERATION_PREFIX}"))
            ):
                shutil.rmtree(child, ignore_errors=True)
