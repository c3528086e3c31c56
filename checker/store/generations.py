"""The saved index: a FAISS vector index plus SQLite metadata under `indexes/NAME/`.

Layout: `manifest.json` names the current generation folder (`gen-NNNNNN/` with
`vectors.faiss` and `meta.sqlite`), the model, its dimension, the format and checker
versions and a sha256 of every file. A save writes a new generation beside the old
one, fsyncs it, then atomically replaces `manifest.json`: a crash at any moment leaves
either the old index or the new one, never a half-written one. `index.lock` serialises
writers across processes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.errors import CorruptIndexError, IncompatibleIndexError, IndexLockedError
from checker.models import Article, Claim

FORMAT_VERSION = 2  # 2: claims carry perpetrators and attribution
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
METADATA = "meta.sqlite"
LOCK = "index.lock"
LOCK_TIMEOUT_S = 600.0  # a CI job indexing FA-KES takes ~2 minutes; wait well beyond that
# Tests set this to a step name of `save_index` to SIGKILL the process there (crash safety).
CRASH_AT_ENV = "CHECKER_TEST_CRASH_AT"
SAVE_STEPS = ("staged", "generation", "manifest-staged", "manifest")


class StoredIndex(BaseModel):
    """An index in memory: articles, one claim per sentence, one vector per claim (same order)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: str
    dimension: int
    articles: list[Article]
    claims: list[Claim]
    vectors: np.ndarray


def index_exists(path: Path) -> bool:
    return (path / MANIFEST).exists()


@contextlib.contextmanager
def locked(path: Path, *, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the index's writer lock (an flock on `index.lock`) for the block."""
    path.mkdir(parents=True, exist_ok=True)
    with open(path / LOCK, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexLockedError(
                        f"{path}: another checker process has held the index lock for "
                        f"{timeout_s:.0f}s; wait for it or remove {path / LOCK} if it died"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_manifest(path: Path) -> dict:
    manifest_path = path / MANIFEST
    if not manifest_path.exists():
        raise CorruptIndexError(
            f"{path}: no index here ({MANIFEST} missing); build one with `checker index CORPUS --index {path}`"
        )
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptIndexError(
            f"{manifest_path}: unreadable manifest ({error}); rebuild with `checker index CORPUS --index {path}`"
        ) from error
    if not isinstance(manifest, dict) or manifest.get("kind") != "checker-index":
        raise IncompatibleIndexError(f"{manifest_path}: not a checker index manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IncompatibleIndexError(
            f"{manifest_path}: index format version {manifest.get('format_version')} but this "
            f"checker reads version {FORMAT_VERSION}; rebuild it with `checker index CORPUS --index {path}`"
        )
    _check_writer_version(manifest_path, str(manifest.get("checker_version", "")))
    return manifest


def _check_writer_version(manifest_path: Path, written_by: str) -> None:
    """Refuse an index written by a newer checker (major.minor): it may hold what this one misreads."""
    from checker._version import __version__

    def major_minor(version: str) -> tuple[int, ...]:
        parts = version.split(".")[:2]
        return tuple(int(part) for part in parts) if all(p.isdigit() for p in parts) else ()

    written, running = major_minor(written_by), major_minor(__version__)
    if not written or written > running:
        raise IncompatibleIndexError(
            f"{manifest_path}: index written by checker {written_by or '(unknown)'}, this is "
            f"checker {__version__}; upgrade checker or rebuild with `checker index CORPUS "
            f"--index {manifest_path.parent}`"
        )


class IndexHealth(BaseModel):
    """What `verify_index` found: an index whose every file matches its checksum."""

    index: str
    model: str
    dimension: int
    generation: str
    checker_version: str
    articles: int
    sentences: int


def verify_index(path: Path) -> IndexHealth:
    """Fully load the index (checksums, vectors, metadata); raise the first problem found."""
    stored = load_index(path)
    manifest = read_manifest(path)
    return IndexHealth(
        index=str(path),
        model=stored.model,
        dimension=stored.dimension,
        generation=manifest["generation"],
        checker_version=manifest["checker_version"],
        articles=len(stored.articles),
        sentences=len(stored.claims),
    )


def load_index(path: Path, *, expected_model: str | None = None) -> StoredIndex:
    """Load and verify an index; refuse one built by another model than `expected_model`."""
    import faiss

    manifest = read_manifest(path)
    if expected_model is not None and manifest["model"] != expected_model:
        raise IncompatibleIndexError(
            f"{path}: index was built with model {manifest['model']!r}, not {expected_model!r}; "
            f"use --model {manifest['model']} or index into a new --index folder"
        )
    generation = path / manifest["generation"]
    for name, digest in manifest["files"].items():
        file_path = generation / name
        if not file_path.exists():
            raise CorruptIndexError(
                f"{file_path}: missing; rebuild with `checker index CORPUS --index {path}`"
            )
        if _sha256(file_path) != digest:
            raise CorruptIndexError(
                f"{file_path}: checksum mismatch (truncated or modified); rebuild with "
                f"`checker index CORPUS --index {path}`"
            )
    vector_index = faiss.read_index(str(generation / VECTORS))
    if vector_index.d != manifest["dimension"]:
        raise CorruptIndexError(
            f"{generation / VECTORS}: dimension {vector_index.d} != manifest {manifest['dimension']}"
        )
    vectors = (
        vector_index.reconstruct_n(0, vector_index.ntotal)
        if vector_index.ntotal
        else np.zeros((0, vector_index.d), np.float32)
    )
    articles, claims = _read_metadata(generation / METADATA)
    if len(claims) != len(vectors):
        raise CorruptIndexError(f"{generation}: {len(claims)} sentences but {len(vectors)} vectors")
    return StoredIndex(
        model=manifest["model"],
        dimension=manifest["dimension"],
        articles=articles,
        claims=claims,
        vectors=np.asarray(vectors, dtype=np.float32),
    )


def save_index(path: Path, stored: StoredIndex, *, checker_version: str) -> None:
    """Write `stored` as a new generation and switch the manifest to it atomically.

    Call inside `locked(path)`.
    """
    import faiss

    path.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(path)["generation"] if index_exists(path) else None
    number = int(previous.split("-")[1]) + 1 if previous else 1
    generation_name = f"gen-{number:06d}"
    staging = path / f".{generation_name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    vector_index = faiss.IndexFlatIP(stored.dimension)
    if len(stored.vectors):
        vector_index.add(np.ascontiguousarray(stored.vectors, dtype=np.float32))
    faiss.write_index(vector_index, str(staging / VECTORS))
    _write_metadata(staging / METADATA, stored)
    for name in (VECTORS, METADATA):
        _fsync_file(staging / name)
    _crash_point("staged")
    final = path / generation_name
    shutil.rmtree(final, ignore_errors=True)
    os.replace(staging, final)
    _fsync_dir(path)
    _crash_point("generation")
    manifest = {
        "kind": "checker-index",
        "format_version": FORMAT_VERSION,
        "checker_version": checker_version,
        "model": stored.model,
        "dimension": stored.dimension,
        "generation": generation_name,
        "articles": len(stored.articles),
        "sentences": len(stored.claims),
        "files": {name: _sha256(final / name) for name in (VECTORS, METADATA)},
    }
    _atomic_write_text(path / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    _crash_point("manifest")
    _remove_stale_generations(path, keep=generation_name)


def _crash_point(step: str) -> None:
    """Die here, as a killed CI job would, when the test hook names this step."""
    if os.environ.get(CRASH_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _write_metadata(db_path: Path, stored: StoredIndex) -> None:
    connection = sqlite3.connect(db_path)
    try:
        with connection:
            connection.execute(
                "CREATE TABLE articles (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, json TEXT NOT NULL)"
            )
            connection.execute(
                "CREATE TABLE claims (row INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, json TEXT NOT NULL)"
            )
            connection.executemany(
                "INSERT INTO articles VALUES (?, ?, ?)",
                [
                    (article.id, article.checksum, article.model_dump_json())
                    for article in stored.articles
                ],
            )
            connection.executemany(
                "INSERT INTO claims VALUES (?, ?, ?)",
                [
                    (row, claim.sentence.doc_id, claim.model_dump_json())
                    for row, claim in enumerate(stored.claims)
                ],
            )
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
            f"{db_path}: unreadable metadata ({error}); rebuild the index"
        ) from error
    return articles, claims


def _remove_stale_generations(path: Path, *, keep: str) -> None:
    for child in path.iterdir():
        if (
            child.is_dir()
            and child.name != keep
            and (child.name.startswith("gen-") or child.name.startswith(".gen-"))
        ):
            shutil.rmtree(child, ignore_errors=True)


def _atomic_write_text(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    _crash_point(f"{target.stem}-staged")
    os.replace(temporary, target)
    _fsync_dir(target.parent)


def _fsync_file(file_path: Path) -> None:
    with open(file_path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sha256(file_path: Path) -> str:
    digest = hashlib.sha256()
    with open(file_path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
