"""A deterministic stand-in for the embedding model, for tests of pairing logic only.

Vectors are hashed bags of words (crc32 of each lower-cased word, so the same on every run and
machine), L2-normalised: sentences that share words are close, sentences that share none are
orthogonal. End-to-end tests use the real model; this one makes pairing tests fast and exact.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np


class FakeEmbedder:
    """Satisfies `checker.nlp.embed.Embedder`: bag-of-words vectors of `dimension` floats."""

    name = "fake-bag-of-words"

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                vectors[row, zlib.crc32(word.encode()) % self.dimension] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)
