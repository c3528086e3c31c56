"""The one merge of new or changed articles into an index: `checker index` and `checker check
--update` both write what this returns."""

from __future__ import annotations

import numpy as np

from checker.models import Article
from checker.store.generations import StoredIndex


def merge(existing: StoredIndex | None, new: StoredIndex) -> StoredIndex:
    """`existing` with `new`'s articles added, each replacing any article of the same id (its
    sentences, claims and vectors go); articles sorted by (outlet, id), rows by (article,
    sentence), so the same corpus always saves the same index."""
    if existing is None:
        kept_articles: list[Article] = []
        kept_rows: list[int] = []
        kept_vectors = np.zeros((0, new.dimension), dtype=np.float32)
        claims = list(new.claims)
    else:
        replaced = {article.id for article in new.articles}
        kept_articles = [article for article in existing.articles if article.id not in replaced]
        kept_rows = [
            row
            for row, claim in enumerate(existing.claims)
            if claim.sentence.doc_id not in replaced
        ]
        kept_vectors = existing.vectors[kept_rows]
        claims = [*(existing.claims[row] for row in kept_rows), *new.claims]
    blocks = [block for block in (kept_vectors, new.vectors) if len(block)]
    dimension = existing.dimension if existing else new.dimension
    vectors = np.vstack(blocks) if blocks else np.zeros((0, dimension), dtype=np.float32)
    order = sorted(
        range(len(claims)),
        key=lambda row: (claims[row].sentence.doc_id, claims[row].sentence.index),
    )
    articles = {article.id: article for article in [*kept_articles, *new.articles]}
    return StoredIndex(
        model=existing.model if existing else new.model,
        dimension=dimension,
        articles=sorted(articles.values(), key=lambda article: (article.outlet, article.id)),
        claims=[claims[row] for row in order],
        vectors=np.asarray(vectors[order], dtype=np.float32),
    )
