"""A flat FAISS index written a block of vectors at a time (checker/store/flat_file.py) is the
file faiss itself writes for the same vectors, and reads back as a searchable index."""

from __future__ import annotations

import numpy as np
import pytest

from checker.store.flat_file import FlatIndexWriter
from checker.store.search import flat_index


@pytest.mark.parametrize(("rows", "dimension"), [(0, 384), (1, 8), (1_000, 384)])
def test_rows_written_in_blocks_give_faiss_own_bytes(tmp_path, rows, dimension):
    import faiss

    vectors = np.random.default_rng(7).standard_normal((rows, dimension)).astype(np.float32)
    target = tmp_path / "vectors.faiss"
    with FlatIndexWriter(target, dimension) as writer:
        for start in range(0, rows, 300):
            writer.append(vectors[start : start + 300])
    expected = faiss.serialize_index(flat_index(vectors, dimension)).tobytes()
    assert target.read_bytes() == expected
    read = faiss.read_index(str(target))
    assert (read.ntotal, read.d) == (rows, dimension)
    if rows:
        _, found = read.search(vectors[:3], 1)
        assert found[:, 0].tolist() == list(range(min(rows, 3)))


def test_vectors_of_another_width_are_refused(tmp_path):
    writer = FlatIndexWriter(tmp_path / "vectors.faiss", 4)
    with pytest.raises(ValueError, match=r"expected \(n, 4\)"):
        writer.append(np.zeros((2, 3), dtype=np.float32))
    writer.close()
