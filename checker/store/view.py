"""What pairing reads from an index: its sentences with their claims and articles, their vectors
by row, and the neighbour search over the saved FAISS index (with articles being checked)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.models import AnalysedSentence, Article, Claim
from checker.store.generations import StoredIndex
from checker.store.incident_file import StoredIncident
from checker.store.search import NeighbourSearch, flat_index


class IndexView(BaseModel):
    """The sentences to pair (`sentences[i].row` indexes `vectors`) and how to search them."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    model: str
    articles: list[Article]
    sentences: list[AnalysedSentence]
    vectors: np.ndarray
    search: NeighbourSearch
    # The index's saved incidents; sentences none of them holds join them when pairing.
    incidents: list[StoredIncident] | None = None


def sentences_of(stored: StoredIndex) -> list[AnalysedSentence]:
    """Every row of the index as an analysed sentence (its claim and article)."""
    return _sentences(enumerate(stored.claims), stored.articles)


def view_of(stored: StoredIndex) -> IndexView:
    """The whole index as written: every row, searched in its saved FAISS index."""
    saved = stored.vector_index
    if saved is None:  # analysed in memory, never saved
        saved = flat_index(stored.vectors, stored.dimension)
    return IndexView(
        model=stored.model,
        articles=stored.articles,
        sentences=sentences_of(stored),
        vectors=stored.vectors,
        search=NeighbourSearch(saved),
        incidents=stored.incidents,
    )


def view_with(corpus: StoredIndex, new: StoredIndex) -> IndexView:
    """The corpus as if `new`'s articles were in it: articles they replace (same id) hidden,
    their rows numbered after the corpus's, the corpus's saved FAISS index searched as is."""
    corpus_view = view_of(corpus)
    replaced = {article.id for article in new.articles}
    kept = [s for s in corpus_view.sentences if s.article.id not in replaced]
    hidden = frozenset(s.row for s in corpus_view.sentences if s.article.id in replaced)
    articles = [article for article in corpus.articles if article.id not in replaced]
    offset = len(corpus.claims)
    added = _sentences(
        ((offset + row, claim) for row, claim in enumerate(new.claims)), new.articles
    )
    return IndexView(
        model=corpus.model,
        articles=[*articles, *new.articles],
        sentences=[*kept, *added],
        vectors=np.vstack([corpus.vectors, new.vectors]).astype(np.float32)
        if len(new.vectors)
        else corpus.vectors,
        search=NeighbourSearch(corpus_view.search.saved, hidden=hidden, added=new.vectors),
        incidents=corpus.incidents,
    )


def _sentences(
    rows: Iterable[tuple[int, Claim]], articles: list[Article]
) -> list[AnalysedSentence]:
    """Each (row, claim) with the article it belongs to."""
    by_id = {article.id: article for article in articles}
    return [
        AnalysedSentence(row=row, claim=claim, article=by_id[claim.sentence.doc_id])
        for row, claim in rows
    ]
