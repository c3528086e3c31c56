"""A FAISS flat inner-product index file written a block of vectors at a time.

`faiss.serialize_index(IndexFlatIP)` is a fixed header (the fourcc "IxFI", the dimension, the
row count, two unused int64 fields, the trained flag and the metric) followed by the float32
rows, prefixed by how many floats they hold. Writing the rows as they are encoded and the
header last gives the same bytes without ever holding every vector: at 1.2 M sentences they
are 1.8 GB (tests/test_store_flat_file.py checks the bytes against faiss's own).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from types import TracebackType

import numpy as np

from checker.store.durable import no_space

_FOURCC = b"IxFI"
_UNUSED = 1 << 20  # what faiss writes in the two legacy fields of every index header
_METRIC_INNER_PRODUCT = 0
# fourcc, dimension (int32), rows (int64), two legacy int64, trained (uint8), metric (int32),
# then the number of floats that follow (uint64)
_HEADER = struct.Struct("<4siqqqBiQ")


def flat_header(dimension: int, rows: int) -> bytes:
    """The bytes faiss writes before the rows of an IndexFlatIP of `rows` vectors."""
    return _HEADER.pack(
        _FOURCC, dimension, rows, _UNUSED, _UNUSED, 1, _METRIC_INNER_PRODUCT, rows * dimension
    )


class FlatIndexWriter:
    """Appends float32 rows to a new flat index file; `close` writes the header and fsyncs.

    A full disk raises DiskFullError naming the file. Until `close` the file is not a
    readable index, which is why it is only ever written inside a staging folder."""

    def __init__(self, target: Path, dimension: int) -> None:
        self.target = target
        self.dimension = dimension
        self.rows = 0
        self._descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self._write(flat_header(dimension, 0))

    def append(self, vectors: np.ndarray) -> None:
        """Add `vectors` (rows × dimension) after the rows written so far."""
        if vectors.shape[1:] != (self.dimension,):
            raise ValueError(f"vectors of shape {vectors.shape}, expected (n, {self.dimension})")
        self._write(np.ascontiguousarray(vectors, dtype="<f4").tobytes())
        self.rows += len(vectors)

    def close(self) -> None:
        """Write the header with the final row count and fsync the file."""
        try:
            os.lseek(self._descriptor, 0, os.SEEK_SET)
            self._write(flat_header(self.dimension, self.rows))
            try:
                os.fsync(self._descriptor)
            except OSError as error:
                self._raise(error)
        finally:
            self.discard()

    def discard(self) -> None:
        """Let go of the file unfinished (after a failure: the staging folder is removed)."""
        if self._descriptor >= 0:
            os.close(self._descriptor)
            self._descriptor = -1

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._descriptor, view) :]
        except OSError as error:
            self._raise(error)

    def _raise(self, error: OSError) -> None:
        full = no_space(error, self.target)
        if full is not None:
            raise full from error
        raise error

    def __enter__(self) -> FlatIndexWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()
