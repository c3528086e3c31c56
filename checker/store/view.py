"""What pairing reads from an index: its sentences with their claims and articles, their vectors
by row, and the neighbour search over the saved FAISS index (with articles being checked)."""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.models import AnalysedSentence, Article
from checker.store.generations import StoredIndex
from checker.store.search import NeighbourSearch


class IndexView(BaseModel):
    """The sentences to pair (`sentences[i].row` indexes `vectors`) and how to search them."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    model: str
    articles: list[Article]
    sentences: list[AnalysedSentence]
    vectors: np.ndarray
    search: Any  # NeighbourSearch


def view_of(stored: StoredIndex) -> IndexView:
    """The whole index as written: every row, searched in its saved FAISS index."""
    return IndexView(
        model=stored.model,
        articles=stored.articles,
        sentences=_sentences(stored, rows=range(len(stored.claims))),
        vectors=stored.vectors,
        search=NeighbourSearch(_vector_index(stored)),
    )


def view_with(corpus: StoredIndex, new: StoredIndex) -> IndexView:
    """The corpus as if `new`'s articles were in it: articles they replace (same id) hidden,
    their rows numbered after the corpus's, the corpus's saved FAISS index searched as is."""
    replaced = {article.id for article in new.articles}
    hidden = frozenset(
        row for row, claim in enumerate(corpus.claims) if claim.sentence.doc_id in replaced
    )
    kept = [row for row in range(len(corpus.claims)) if row not in hidden]
    offset = len(corpus.claims)
    articles = [article for article in corpus.articles if article.id not in replaced]
    by_id = {article.id: article for article in [*articles, *new.articles]}
    sentences = [
        AnalysedSentence(
            row=row, claim=corpus.claims[row], article=by_id[corpus.claims[row].sentence.doc_id]
        )
        for row in kept
    ] + [
        AnalysedSentence(row=offset + row, claim=claim, article=by_id[claim.sentence.doc_id])
        for row, claim in enumerate(new.claims)
    ]
    return IndexView(
        model=corpus.model,
        articles=[*articles, *new.articles],
        sentences=sentences,
        vectors=np.vstack([corpus.vectors, new.vectors]).astype(np.float32)
        if len(new.vectors)
        else corpus.vectors,
        search=NeighbourSearch(_vector_index(corpus), hidden=hidden, added=new.vectors),
    )


def _sentences(stored: StoredIndex, *, rows: range) -> list[AnalysedSentence]:
    by_id = {article.id: article for article in stored.articles}
    return [
        AnalysedSentence(
            row=row, claim=stored.claims[row], article=by_id[stored.claims[row].sentence.doc_id]
        )
        for row in rows
    ]


def _vector_index(stored: StoredIndex) -> Any:
    """The saved FAISS index; an index never saved (built in memory) gets a flat one."""
    if stored.vector_index is not None:
        return stored.vector_index
    import faiss

    vector_index = faiss.IndexFlatIP(stored.dimension)
    if len(stored.vectors):
        vector_index.add(np.ascontiguousarray(stored.vectors, dtype=np.float32))
    return vector_index
