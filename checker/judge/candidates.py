"""Candidate pairs: sentences from different outlets that may report the same thing.

Two sources of candidates: nearest neighbours in the saved FAISS index (wording alike), and
claim-aware matches (the same counted thing and event near the same place and time) so that
two figures for one event pair up even when the wording differs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.judge.evidence import SIMILARITY_DIGITS
from checker.judge.places import places_overlap
from checker.models import AnalysedSentence, PairingOptions
from checker.quantities import match_strength
from checker.store.view import IndexView

# Search this many raw neighbours so that enough remain after the outlet filter.
SEARCH_DEPTH = 40
# Claim-aware candidates: same count of the same event, articles at most this many
# days apart (FA-KES tolls are revised within about a week), and a shared place.
CLAIM_WINDOW_DAYS = 3
CLAIM_MIN_SIMILARITY = 0.5
# Reports more than a month apart are about different events (FA-KES tolls are revised
# within three weeks: dev.jsonl's updates are 0-21 days apart) unless worded as wire copy.
EVENT_WINDOW_DAYS = 30
WIRE_COPY_SIMILARITY = 0.85
# A shared city name alone is weak evidence: it counts within a week, or beyond with
# closely worded sentences; non-numeric clashes need the same place within 3 days.
NEAR_DAYS = 7
CLOSE_WORDING_SIMILARITY = 0.7
CONTRADICTION_DAYS = 3
# …unless few sentences in the corpus count that thing for that event ("children abducted"):
# then the count itself identifies the event.
DISTINCTIVE_BUCKET = 6
DISTINCTIVE_MIN_SIMILARITY = 0.35

Bucket = tuple[str, str]  # (event, counted category) of a sentence's counts


class Candidate(BaseModel):
    """Two sentences that may report the same thing; `a` is the earlier report (then the lower
    row), so verdicts read a→b in time."""

    model_config = ConfigDict(frozen=True)

    a: AnalysedSentence
    b: AnalysedSentence
    similarity: float
    origin: Literal["neighbour", "claim"]


def find_candidates(view: IndexView, *, options: PairingOptions) -> list[Candidate]:
    """All candidate pairs, deduplicated (a neighbour wins over a claim match) and sorted by rows."""
    found: dict[tuple[int, int], Candidate] = {}
    for candidate in [*_neighbour_candidates(view, options), *_claim_candidates(view, options)]:
        found.setdefault((candidate.a.row, candidate.b.row), candidate)
    return [found[key] for key in sorted(found)]


def allowed(a: AnalysedSentence, b: AnalysedSentence, options: PairingOptions) -> bool:
    """Whether the options let these two sentences pair (focus, same article, same outlet)."""
    if options.focus is not None and not (
        a.article.id in options.focus or b.article.id in options.focus
    ):
        return False
    if a.article.id == b.article.id:
        return options.include_same_article and a.claim.sentence.index != b.claim.sentence.index
    if a.article.outlet == b.article.outlet:
        return options.include_same_outlet
    return True


def _neighbour_candidates(view: IndexView, options: PairingOptions) -> list[Candidate]:
    queries = [
        sentence
        for sentence in view.sentences
        if options.focus is None or sentence.article.id in options.focus
    ]
    if len(view.sentences) < 2 or not queries:
        return []
    rare = _rare_buckets(view.sentences)
    by_row = {sentence.row: sentence for sentence in view.sentences}
    depth = min(len(view.sentences), SEARCH_DEPTH)
    similarities, neighbours = view.search.search(
        view.vectors[[query.row for query in queries]], depth
    )
    out = []
    for query, found_similarities, found_rows in zip(
        queries, similarities, neighbours, strict=True
    ):
        kept = 0
        for similarity, row in zip(found_similarities, found_rows, strict=True):
            if row < 0 or row == query.row or similarity < options.min_similarity:
                continue
            other = by_row[int(row)]
            if not allowed(query, other, options):
                continue
            if not _same_event_evidence(query, other, float(similarity), rare):
                continue
            out.append(_ordered(query, other, float(similarity), "neighbour"))
            kept += 1
            if kept >= options.neighbours:
                break
    return out


def _claim_candidates(view: IndexView, options: PairingOptions) -> list[Candidate]:
    buckets: dict[Bucket, dict[int, AnalysedSentence]] = defaultdict(dict)
    for sentence in view.sentences:
        for key in _buckets(sentence):
            buckets[key][sentence.row] = sentence
    out = []
    for members in buckets.values():
        rows = sorted(members.values(), key=lambda sentence: (_date_key(sentence), sentence.row))
        distinctive = len(rows) <= DISTINCTIVE_BUCKET
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                gap = _day_gap(first, second)
                if gap is not None and gap > CLAIM_WINDOW_DAYS:
                    break
                if not allowed(first, second, options) or not _counts_match(first, second):
                    continue
                if not distinctive and not _share_place(first, second):
                    continue
                similarity = float(view.vectors[first.row] @ view.vectors[second.row])
                if similarity >= (
                    DISTINCTIVE_MIN_SIMILARITY if distinctive else CLAIM_MIN_SIMILARITY
                ):
                    out.append(_ordered(first, second, similarity, "claim"))
    return out


def _counts_match(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    return any(match_strength(qa, qb) > 0 for qa in a.claim.quantities for qb in b.claim.quantities)


def _ordered(
    one: AnalysedSentence,
    other: AnalysedSentence,
    similarity: float,
    origin: Literal["neighbour", "claim"],
) -> Candidate:
    """Put the earlier report first (then the lower row) so verdicts read a→b in time."""
    first, second = sorted((one, other), key=lambda sentence: (_date_key(sentence), sentence.row))
    return Candidate(
        a=first, b=second, similarity=round(similarity, SIMILARITY_DIGITS), origin=origin
    )


def _date_key(sentence: AnalysedSentence) -> dt.date:
    return sentence.article.date or dt.date.min


def _day_gap(a: AnalysedSentence, b: AnalysedSentence) -> int | None:
    if a.article.date is None or b.article.date is None:
        return None
    return abs((b.article.date - a.article.date).days)


def _buckets(sentence: AnalysedSentence) -> set[Bucket]:
    """The (event, counted category) keys of a sentence's counts."""
    return {(q.event, q.category or "people") for q in sentence.claim.quantities if q.event}


def _rare_buckets(sentences: list[AnalysedSentence]) -> set[Bucket]:
    counts: dict[Bucket, int] = defaultdict(int)
    for sentence in sentences:
        for key in _buckets(sentence):
            counts[key] += 1
    return {key for key, count in counts.items() if count <= DISTINCTIVE_BUCKET}


def _same_event_evidence(
    a: AnalysedSentence, b: AnalysedSentence, similarity: float, rare: set[Bucket]
) -> bool:
    """Whether two neighbours can report one event: near in time, and sharing a place,
    a rare kind of count, one article, or wording close enough to be a wire copy.

    In a corpus most "N people were killed" sentences are alike; without such evidence
    FA-KES pairs thousands of different strikes (see README, benchmarks)."""
    gap = _day_gap(a, b)
    if similarity >= WIRE_COPY_SIMILARITY or a.article.id == b.article.id:
        return True
    if gap is not None and gap > EVENT_WINDOW_DAYS:
        return False
    near = gap is None or gap <= NEAR_DAYS
    if not (a.claim.quantities and b.claim.quantities):
        # Non-numeric pairs (paraphrases, contradictions) need the same place within days.
        return _share_place(a, b) and (gap is None or gap <= CONTRADICTION_DAYS)
    return bool(_buckets(a) & _buckets(b) & rare) or (
        _share_place(a, b) and (near or similarity >= CLOSE_WORDING_SIMILARITY)
    )


def _share_place(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    return places_overlap(a.claim, b.claim, hierarchy=False) is True
