"""A generation written as a corpus is analysed: articles and claims go into the staging
folder's SQLite file on disk and vectors into its FAISS file a batch at a time, so a fresh
index of any size holds one batch of claims and vectors, not all of them.

The files are the ones `save_index` writes (generations.py), with the same rows: articles by
id, claims by row, row i of the FAISS index the vector of claim i. Everything is written inside
a staging folder that `publish_generation` renames into place only once it is complete.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from checker.models import Article, Claim
from checker.store.durable import fsync_dir, no_space
from checker.store.flat_file import FlatIndexWriter
from checker.store.generations import (
    METADATA,
    VECTORS,
    create_metadata_tables,
    insert_articles,
    insert_claims,
)
from checker.store.incident_file import INCIDENTS, StoredIncident, write_incidents


class GenerationWriter:
    """Writes one staging folder's files: `add_articles`, then `add_rows` batch by batch (rows
    numbered in the order given), then `finish`. Nothing is readable as an index before."""

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        self.rows = 0
        self.articles = 0
        self._connection = sqlite3.connect(staging / METADATA)
        # The staging folder is discarded whole on any failure: no journal is needed, and
        # `finish` fsyncs the file once.
        self._connection.execute("PRAGMA journal_mode = OFF")
        self._connection.execute("PRAGMA synchronous = OFF")
        self._vectors: FlatIndexWriter | None = None
        with self._writing():
            create_metadata_tables(self._connection)

    @property
    def connection(self) -> sqlite3.Connection:
        """The staged metadata, for reading back what was written (incidents)."""
        return self._connection

    def add_articles(self, articles: Sequence[Article]) -> None:
        with self._writing():
            insert_articles(self._connection, articles)
        self.articles += len(articles)

    def add_rows(self, claims: Sequence[Claim], vectors: np.ndarray, dimension: int) -> None:
        """Claims as the next rows, and their vectors (row i of `vectors` is `claims[i]`'s)."""
        if len(claims) != len(vectors):
            raise ValueError(f"{len(claims)} claims but {len(vectors)} vectors")
        with self._writing():
            insert_claims(self._connection, self.rows, claims)
        self._vector_file(dimension).append(vectors.reshape(len(claims), dimension))
        self.rows += len(claims)

    def finish(self, dimension: int, incidents: list[StoredIncident] | None) -> list[str]:
        """Close and fsync every file; the names written."""
        self._vector_file(dimension).close()
        self._connection.close()
        fsync_dir(self.staging / METADATA)  # a file: fsync_dir syncs either
        names = [VECTORS, METADATA]
        if incidents is not None:
            write_incidents(self.staging / INCIDENTS, incidents)
            names.append(INCIDENTS)
        return names

    def close(self) -> None:
        """Let go of the files after a failure (the staging folder is then removed)."""
        self._connection.close()
        if self._vectors is not None:
            self._vectors.discard()

    def _vector_file(self, dimension: int) -> FlatIndexWriter:
        if self._vectors is None:
            self._vectors = FlatIndexWriter(self.staging / VECTORS, dimension)
        if self._vectors.dimension != dimension:
            raise ValueError(f"vectors of {dimension} dimensions after {self._vectors.dimension}")
        return self._vectors

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; a full disk (SQLITE_FULL) is a DiskFullError naming the file."""
        try:
            with self._connection:
                yield
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                full = no_space(OSError(errno.ENOSPC, "No space left"), self.staging / METADATA)
                if full is not None:
                    raise full from error
            raise
