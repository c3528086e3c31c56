"""The one analysis path: articles in, analysed rows out (sentences, claims and vectors).

`checker index` and `checker check` both call `analyse_articles`, so a sentence gets the same
claim and vector whichever command reads it first.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from checker.claims import extract_claims
from checker.models import Article, Claim, Sentence
from checker.nlp.embed import DEFAULT_MODEL, Embedder, encode_stoppably, get_embedder
from checker.progress import NO_PROGRESS, Progress
from checker.store.generations import StoredIndex
from checker.text import split_sentences


def analyse_articles(
    articles: Sequence[Article],
    *,
    model: str = DEFAULT_MODEL,
    embedder: Embedder | None = None,
    progress: Progress = NO_PROGRESS,
    show_progress: bool = False,
) -> StoredIndex:
    """Split, parse and encode `articles`: an index of their own, not yet saved.

    The embedder (`embedder`, else `model` loaded once per process) is loaded only when there
    is a sentence to encode; `progress` hears the stages (loading the model, encoding N
    sentences), and `show_progress` draws the encoder's progress bar. Encoding (torch, releases
    the GIL) runs in a thread while claims are extracted (spaCy, Python), which keeps indexing
    near raw encoding speed (bench/speed.py); it stops within a batch when this thread is
    interrupted.
    """
    sentences: list[Sentence] = [
        sentence for article in articles for sentence in split_sentences(article)
    ]
    if not sentences:
        dimension = embedder.dimension if embedder else 0
        return StoredIndex(
            model=embedder.name if embedder else model,
            dimension=dimension,
            articles=list(articles),
            claims=[],
            vectors=np.zeros((0, dimension), dtype=np.float32),
        )
    if embedder is None:
        progress.stage(f"loading the embedding model {model}")
        embedder = get_embedder(model)
    progress.stage(
        f"extracting claims and encoding {len(sentences):,} sentences of {len(articles):,} "
        f"articles with {embedder.name}"
    )
    return analyse_sentences(articles, sentences, embedder, show_progress=show_progress)


def analyse_sentences(
    articles: Sequence[Article],
    sentences: list[Sentence],
    embedder: Embedder,
    *,
    show_progress: bool = False,
) -> StoredIndex:
    """The claims and vectors of `sentences` (split from `articles`, at least one): the step of
    `analyse_articles` after splitting, which a fresh index runs batch by batch."""
    published = {article.id: article.date for article in articles}
    claims, vectors = _claims_and_vectors(sentences, published, embedder, show_progress)
    return StoredIndex(
        model=embedder.name,
        dimension=embedder.dimension,
        articles=list(articles),
        claims=claims,
        vectors=vectors.reshape(len(sentences), embedder.dimension),
    )


def _claims_and_vectors(
    sentences: list[Sentence],
    published: dict[str, dt.date | None],
    embedder: Embedder,
    show_progress: bool,
) -> tuple[list[Claim], np.ndarray]:
    """Claims in this thread while a worker encodes; Ctrl-C (or a failure) here stops the
    encoder after its batch instead of the pool waiting out the whole corpus."""
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(
            encode_stoppably,
            embedder,
            [sentence.text for sentence in sentences],
            stop=stop,
            show_progress=show_progress,
        )
        try:
            return extract_claims(sentences, published=published), pending.result()
        except BaseException:
            stop.set()
            raise
