"""Which articles are copies of one story: articles of different outlets that share at least
MIN_SHARED near-identical sentences (a wire story run by several outlets). Ten copies of one AFP
story are one origin, not ten outlets agreeing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from checker.store.view import IndexView

# Sentences this alike are one sentence (copy edits: punctuation, a word); 0.95 on MiniLM.
COPY_SIMILARITY = 0.95
# A story and its copy share several sentences; one shared quote or boilerplate line is not a copy.
MIN_SHARED = 2
# Each sentence's nearest neighbours looked at for its copies.
COPY_DEPTH = 8


def story_origins(view: IndexView) -> dict[str, str]:
    """Each article's origin: the id of the earliest article (then the lowest id) of its story."""
    if len(view.sentences) < 2:
        return {article.id: article.id for article in view.articles}
    by_row = {sentence.row: sentence for sentence in view.sentences}
    queries = [sentence.row for sentence in view.sentences]
    similarities, rows = view.search.search(
        view.vectors[queries], min(COPY_DEPTH, len(view.sentences))
    )
    shared: Counter[tuple[str, str]] = Counter()
    for query, found_similarities, found_rows in zip(queries, similarities, rows, strict=True):
        own = by_row[query].article.id
        copied = set()
        for similarity, row in zip(found_similarities, found_rows, strict=True):
            other = by_row.get(int(row))
            if other is None or similarity < COPY_SIMILARITY or other.article.id == own:
                continue
            copied.add(other.article.id)
        for other_id in copied:
            shared[(own, other_id) if own < other_id else (other_id, own)] += 1
    parent = {article.id: article.id for article in view.articles}
    dates = {article.id: article.date or dt.date.max for article in view.articles}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    # Both sides of a shared sentence count it: MIN_SHARED sentences are 2 * MIN_SHARED hits.
    for (first, second), hits in sorted(shared.items()):
        if hits >= 2 * MIN_SHARED:
            a, b = root(first), root(second)
            if a != b:
                keep, drop = sorted((a, b), key=lambda article_id: (dates[article_id], article_id))
                parent[drop] = keep
    return {article_id: root(article_id) for article_id in parent}
