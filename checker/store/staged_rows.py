"""Analysed sentences read back from a generation's metadata on demand.

A fresh index of a large corpus writes its claims to disk as it goes (staging.py); building its
incidents then needs some of those rows again, each several times, but never all of them at
once. `StagedSentences` is that selection as a sequence: each item is parsed from its SQLite
row when asked for, and the most recently used are kept, so memory holds a few thousand parsed
sentences however large the corpus (a parsed claim is ~4 KB of Python objects, its row ~0.7 KB
on disk).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

from checker.models import AnalysedSentence, Article, Claim

# Parsed sentences kept: incidents are built in day order, so the reports an incident being
# built compares with were mostly read moments ago.
CACHED_SENTENCES = 8_192


class StagedSentences(Sequence[AnalysedSentence]):
    """The sentences at `rows` (ascending) of the claims table `connection` holds, each with
    its article from `articles` (by id)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        rows: Sequence[int],
        articles: Mapping[str, Article],
        *,
        cached: int = CACHED_SENTENCES,
    ) -> None:
        self._connection = connection
        self._rows = rows
        self._articles = articles
        self._cached = cached
        self._parsed: OrderedDict[int, AnalysedSentence] = OrderedDict()

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, at: int) -> AnalysedSentence: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[AnalysedSentence]: ...

    def __getitem__(self, at: int | slice) -> AnalysedSentence | Sequence[AnalysedSentence]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        row = self._rows[at]
        found = self._parsed.get(row)
        if found is not None:
            self._parsed.move_to_end(row)
            return found
        (text,) = self._connection.execute(
            "SELECT json FROM claims WHERE row = ?", (row,)
        ).fetchone()
        sentence = self._sentence(row, text)
        self._parsed[row] = sentence
        if len(self._parsed) > self._cached:
            self._parsed.popitem(last=False)
        return sentence

    def __iter__(self) -> Iterator[AnalysedSentence]:
        """Every sentence in row order, read in one pass (not kept: a pass reads them all)."""
        wanted = iter(self._rows)
        next_row = next(wanted, None)
        for row, text in self._connection.execute("SELECT row, json FROM claims ORDER BY row"):
            if row != next_row:
                continue
            yield self._sentence(row, text)
            next_row = next(wanted, None)
            if next_row is None:
                return

    def _sentence(self, row: int, text: str) -> AnalysedSentence:
        claim = Claim.model_validate_json(text)
        return AnalysedSentence(row=row, claim=claim, article=self._articles[claim.sentence.doc_id])
