"""Nearest-neighbour search over an index's rows, in the FAISS index that `checker index` saved.

A check pairs new articles with the corpus without saving them first: the saved index is
searched as written, rows whose articles the new ones replace are hidden, and the new rows
(numbered after the saved ones) are searched in a small flat index of their own.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def flat_index(vectors: np.ndarray, dimension: int) -> Any:
    """An exact FAISS inner-product index of `vectors` (rows are L2-normalised: cosine)."""
    import faiss

    vector_index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        vector_index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return vector_index


class NeighbourSearch:
    """Cosine nearest neighbours (vectors are normalised: inner product) among the rows of
    `saved` that are not `hidden`, plus `added` rows numbered from `saved.ntotal` on."""

    def __init__(
        self,
        saved: Any,
        *,
        hidden: frozenset[int] = frozenset(),
        added: np.ndarray | None = None,
    ) -> None:
        self._saved = saved
        self._hidden = hidden
        self._offset = int(saved.ntotal)
        self._added = flat_index(added, saved.d) if added is not None and len(added) else None

    @property
    def saved(self) -> Any:
        """The FAISS index searched as written."""
        return self._saved

    @property
    def rows(self) -> int:
        """How many rows can be found."""
        added = self._added.ntotal if self._added is not None else 0
        return self._offset - len(self._hidden) + added

    def search(self, queries: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """The `depth` nearest rows of each query, most similar first: (similarities, rows),
        each of shape (len(queries), depth); -1 rows pad where fewer exist."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if not self._hidden and self._added is None:
            return self._saved.search(queries, depth)
        found = [self._search_saved(queries, depth)]
        if self._added is not None:
            similarities, rows = self._added.search(queries, min(depth, self._added.ntotal))
            found.append((similarities, np.where(rows >= 0, rows + self._offset, -1)))
        return _merge(found, depth)

    def _search_saved(self, queries: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """The saved index, searched deep enough that `depth` visible rows remain."""
        reach = min(depth + len(self._hidden), self._offset)
        if reach == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.float32), empty.astype(np.int64)
        similarities, rows = self._saved.search(queries, reach)
        if self._hidden:
            hidden = np.isin(rows, np.fromiter(self._hidden, dtype=np.int64))
            rows = np.where(hidden, -1, rows)
        return similarities, rows


def _merge(found: list[tuple[np.ndarray, np.ndarray]], depth: int) -> tuple[np.ndarray, np.ndarray]:
    """Per query, the `depth` best of several searches' results: by similarity, ties to the
    higher row, as a FAISS flat search of all the rows would order them."""
    similarities = np.concatenate([part[0] for part in found], axis=1)
    rows = np.concatenate([part[1] for part in found], axis=1)
    out_similarities = np.full((len(rows), depth), -np.inf, dtype=np.float32)
    out_rows = np.full((len(rows), depth), -1, dtype=np.int64)
    for query in range(len(rows)):
        best = sorted(
            ((float(similarity), int(row))
             for similarity, row in zip(similarities[query], rows[query], strict=True)
             if row >= 0),
            reverse=True,
        )[:depth]  # fmt: skip
        for rank, (similarity, row) in enumerate(best):
            out_similarities[query, rank] = similarity
            out_rows[query, rank] = row
    return out_similarities, out_rows
