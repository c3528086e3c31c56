"""Sentence embeddings (checker/nlp/embed.py) with the real model: encoding one batch at a
time, so that Ctrl-C is seen quickly, gives the very same floats as one call."""

from __future__ import annotations

import platform
import threading

import numpy as np
import pytest

from checker.ingest import load_articles
from checker.nlp.embed import ENCODE_BATCH, EncodingStopped, encode_stoppably, get_embedder
from checker.text import split_sentences


@pytest.fixture(scope="module")
def seed_sentences(seeds_dir) -> list[str]:
    """The seed corpus' sentences, then joined pairs of them with many ties in length."""
    articles = load_articles([seeds_dir]).articles
    texts = [sentence.text for article in articles for sentence in split_sentences(article)]
    joined = [f"{first} {second}" for first, second in zip(texts, reversed(texts), strict=True)]
    ties = [text[:80] for text in texts * 2 if len(text) > 80]
    return [*texts, *joined, *ties, *texts[:17]]


def test_batch_by_batch_vectors_equal_one_call_exactly(seed_sentences):
    embedder = get_embedder()
    assert len(seed_sentences) > 3 * ENCODE_BATCH
    whole = embedder.encode(seed_sentences)
    batched = encode_stoppably(embedder, seed_sentences, stop=threading.Event())
    assert batched.dtype == whole.dtype and np.array_equal(batched, whole)


def test_a_set_stop_flag_ends_encoding_before_the_next_batch(seed_sentences):
    stop = threading.Event()
    stop.set()
    with pytest.raises(EncodingStopped):
        encode_stoppably(get_embedder(), seed_sentences, stop=stop)


def test_encoding_hands_freed_memory_back_without_changing_a_vector(seed_sentences, monkeypatch):
    import checker.nlp.embed as embed

    embedder = get_embedder()
    whole = embedder.encode(seed_sentences)
    released = []
    trim = embed.release_freed_memory
    monkeypatch.setattr(embed, "RELEASE_EVERY", 1)
    monkeypatch.setattr(embed, "release_freed_memory", lambda: released.append(trim()) or True)
    batched = encode_stoppably(embedder, seed_sentences, stop=threading.Event())
    assert np.array_equal(batched, whole)
    assert len(released) == -(-len(seed_sentences) // ENCODE_BATCH)
    if platform.libc_ver()[0] == "glibc":
        assert all(released)  # malloc_trim was there and ran
