"""Candidate pairs: sentences from different outlets that may report the same thing.

Two sources of candidates: FAISS nearest neighbours (wording alike), and claim-aware
matches (the same counted thing and event near the same place and time) so that two
figures for one event pair up even when the wording differs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.judge.places import places_overlap
from checker.models import Article, Claim
from checker.quantities.match import match_strength

# Neighbours kept per sentence after dropping same-outlet ones; 10 covers the handful of
# outlets that report one event in FA-KES (at most 8 records per event in dev.jsonl).
NEIGHBOURS = 10
# Search this many raw neighbours so that enough remain after the outlet filter.
SEARCH_DEPTH = 40
# Neighbours below this cosine are different topics (MiniLM: unrelated news ~0.2-0.4).
NEIGHBOUR_MIN_SIMILARITY = 0.55
# Claim-aware candidates: same count of the same event, articles at most this many
# days apart (FA-KES tolls are revised within about a week), and a shared place.
CLAIM_WINDOW_DAYS = 3
CLAIM_MIN_SIMILARITY = 0.5
# Without a shared place name the wording must say more (place names vary: a town vs its province)…
CLAIM_MIN_SIMILARITY_NO_PLACE = 0.5
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


class Candidate(BaseModel):
    """Rows `a` < `b` in the index (a is the earlier report when dates are known)."""

    model_config = ConfigDict(frozen=True)

    a: int
    b: int
    similarity: float
    origin: str


class PairingOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    neighbours: int = NEIGHBOURS
    min_similarity: float = NEIGHBOUR_MIN_SIMILARITY
    include_same_outlet: bool = False
    include_same_article: bool = False
    # The paraphrase judge for pairs without a shared quantity: "shipped" (the adapter in
    # checker/data), "none" (cosine plus shared wording), or the path of another adapter.
    paraphrase_model: str = "shipped"
    # Only pairs with at least one sentence from these articles (a check of new articles
    # against the corpus); None pairs the whole index.
    focus: frozenset[str] | None = None


def find_candidates(
    articles: list[Article], claims: list[Claim], vectors: np.ndarray, *, options: PairingOptions
) -> list[Candidate]:
    """All candidate pairs, deduplicated and sorted by row numbers."""
    by_id = {article.id: article for article in articles}
    found: dict[tuple[int, int], Candidate] = {}
    for candidate in _neighbour_candidates(claims, vectors, by_id, options):
        found.setdefault((candidate.a, candidate.b), candidate)
    for candidate in _claim_candidates(claims, vectors, by_id, options):
        found.setdefault((candidate.a, candidate.b), candidate)
    return [found[key] for key in sorted(found)]


def allowed(a: Claim, b: Claim, by_id: dict[str, Article], options: PairingOptions) -> bool:
    if options.focus is not None and not (
        a.sentence.doc_id in options.focus or b.sentence.doc_id in options.focus
    ):
        return False
    if a.sentence.doc_id == b.sentence.doc_id:
        return options.include_same_article and a.sentence.index != b.sentence.index
    if by_id[a.sentence.doc_id].outlet == by_id[b.sentence.doc_id].outlet:
        return options.include_same_outlet
    return True


def _neighbour_candidates(claims, vectors, by_id, options):  # type: ignore[no-untyped-def]
    import faiss

    rare = _rare_buckets(claims)
    if len(claims) < 2:
        return []
    vector_index = faiss.IndexFlatIP(vectors.shape[1])
    vector_index.add(vectors)
    depth = min(len(claims), SEARCH_DEPTH)
    rows = [
        row
        for row, claim in enumerate(claims)
        if options.focus is None or claim.sentence.doc_id in options.focus
    ]
    if not rows:
        return []
    similarities, neighbours = vector_index.search(np.ascontiguousarray(vectors[rows]), depth)
    out = []
    for position, row in enumerate(rows):
        kept = 0
        for similarity, other in zip(similarities[position], neighbours[position], strict=True):
            if other < 0 or other == row or similarity < options.min_similarity:
                continue
            if not allowed(claims[row], claims[other], by_id, options):
                continue
            if not _same_event_evidence(
                claims[row], claims[int(other)], float(similarity), by_id, rare
            ):
                continue
            out.append(_ordered(row, int(other), float(similarity), "neighbour", claims, by_id))
            kept += 1
            if kept >= options.neighbours:
                break
    return out


def _claim_candidates(claims, vectors, by_id, options):  # type: ignore[no-untyped-def]
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, claim in enumerate(claims):
        for quantity in claim.quantities:
            if quantity.event:
                buckets[(quantity.event, quantity.category or "people")].append(row)
    out = []
    for rows in buckets.values():
        rows = sorted(set(rows), key=lambda r: (_date_key(claims[r], by_id), r))
        distinctive = len(rows) <= DISTINCTIVE_BUCKET
        for i, row in enumerate(rows):
            for other in rows[i + 1 :]:
                gap = _day_gap(claims[row], claims[other], by_id)
                if gap is not None and gap > CLAIM_WINDOW_DAYS:
                    break
                if not allowed(claims[row], claims[other], by_id, options):
                    continue
                if not any(
                    match_strength(qa, qb) > 0
                    for qa in claims[row].quantities
                    for qb in claims[other].quantities
                ):
                    continue
                if not distinctive and not _share_place(claims[row], claims[other]):
                    continue
                similarity = float(vectors[row] @ vectors[other])
                if similarity >= (
                    DISTINCTIVE_MIN_SIMILARITY if distinctive else CLAIM_MIN_SIMILARITY
                ):
                    out.append(_ordered(row, other, similarity, "claim", claims, by_id))
    return out


def _ordered(row, other, similarity, origin, claims, by_id) -> Candidate:  # type: ignore[no-untyped-def]
    """Put the earlier report first (then the lower row) so verdicts read a→b in time."""
    first, second = sorted((row, other), key=lambda r: (_date_key(claims[r], by_id), r))
    return Candidate(a=first, b=second, similarity=round(similarity, 4), origin=origin)


def _date_key(claim: Claim, by_id: dict[str, Article]) -> dt.date:
    return by_id[claim.sentence.doc_id].date or dt.date.min


def _day_gap(a: Claim, b: Claim, by_id: dict[str, Article]) -> int | None:
    a_date, b_date = by_id[a.sentence.doc_id].date, by_id[b.sentence.doc_id].date
    if a_date is None or b_date is None:
        return None
    return abs((b_date - a_date).days)


def _buckets(claim: Claim) -> set[tuple[str, str]]:
    """The (event, counted category) keys of a sentence's counts."""
    return {(q.event, q.category or "people") for q in claim.quantities if q.event}


def _rare_buckets(claims: list[Claim]) -> set[tuple[str, str]]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for claim in claims:
        for key in _buckets(claim):
            counts[key] += 1
    return {key for key, count in counts.items() if count <= DISTINCTIVE_BUCKET}


def _same_event_evidence(a: Claim, b: Claim, similarity: float, by_id, rare) -> bool:  # type: ignore[no-untyped-def]
    """Whether two neighbours can report one event: near in time, and sharing a place,
    a rare kind of count, one article, or wording close enough to be a wire copy.

    In a corpus most "N people were killed" sentences are alike; without such evidence
    FA-KES pairs thousands of different strikes (see README, benchmarks)."""
    gap = _day_gap(a, b, by_id)
    if similarity >= WIRE_COPY_SIMILARITY or a.sentence.doc_id == b.sentence.doc_id:
        return True
    if gap is not None and gap > EVENT_WINDOW_DAYS:
        return False
    near = gap is None or gap <= NEAR_DAYS
    if not (a.quantities and b.quantities):
        # Non-numeric pairs (paraphrases, contradictions) need the same place within days.
        return _share_place(a, b) and (gap is None or gap <= CONTRADICTION_DAYS)
    return bool(_buckets(a) & _buckets(b) & rare) or (
        _share_place(a, b) and (near or similarity >= CLOSE_WORDING_SIMILARITY)
    )


def _share_place(a: Claim, b: Claim) -> bool:
    return places_overlap(a, b) is True
