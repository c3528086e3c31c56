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

from checker.claims.gazetteer import most_specific
from checker.incidents import Incidents, describe, place_name
from checker.incidents.models import Incident
from checker.incidents.when import days_meet, event_days
from checker.incidents.where import places_meet
from checker.judge.evidence import SIMILARITY_DIGITS
from checker.judge.places import places_overlap
from checker.models import AnalysedSentence, PairingOptions
from checker.quantities import match_strength, same_stated_figure
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

# Two sentences of one incident whose wording is this far apart rarely report one count.
INCIDENT_MIN_SIMILARITY = 0.3

Bucket = tuple[str, str]  # (event, counted category) of a sentence's counts


class Candidate(BaseModel):
    """Two sentences that may report the same thing; `a` is the earlier report (then the lower
    row), so verdicts read a→b in time."""

    model_config = ConfigDict(frozen=True)

    a: AnalysedSentence
    b: AnalysedSentence
    similarity: float
    origin: Literal["neighbour", "claim", "incident"]
    incident: str | None = None  # the incident both sentences report
    incident_gap: str | None = None  # or the two different incidents they report
    place: str | None = None  # where: the incident's place (the earlier side's when two)
    # Whether both report one incident: None when it is not known (no incidents built, or
    # neither sentence reports one: a place the gazetteer does not know, no count).
    same_incident: bool | None = None


def with_incidents(candidate: Candidate, incidents: Incidents) -> Candidate:
    """The candidate with the incident both sides report, or why their incidents differ."""
    a, b = incidents.of(candidate.a.row), incidents.of(candidate.b.row)
    place = next((place_name(x) for x in (a, b) if x is not None and x.place is not None), None)
    candidate = candidate.model_copy(update={"place": place})
    if a is None and b is None:
        return candidate
    if a is None or b is None:
        return candidate.model_copy(update={"same_incident": False})
    if a.id == b.id:
        return candidate.model_copy(update={"incident": a.id, "same_incident": True})
    if _same_figure(candidate.a, candidate.b) and _own_words_meet(candidate, a, b):
        # One figure of one thing, on days and in places that meet: one report, the incidents
        # split by which of their neighbours each joined; nothing is known against the pair.
        return candidate
    candidate = candidate.model_copy(update={"same_incident": False})
    if a.place is None or b.place is None or a.first_day is None or b.first_day is None:
        return candidate  # an unplaced or undated incident says nothing against the pair
    if candidate.similarity >= WIRE_COPY_SIMILARITY:
        return candidate  # worded as one wire story: one incident, however its parts were read
    gap = f"different incidents ({describe(a)} vs {describe(b)})"
    return candidate.model_copy(update={"incident_gap": gap})


def _own_words_meet(candidate: Candidate, a: Incident, b: Incident) -> bool:
    """Whether the two sentences' event days meet and their places (their own, else their
    incident's) meet."""
    a_days, b_days = event_days(candidate.a), event_days(candidate.b)
    if a_days is None or b_days is None or not days_meet(a_days, b_days, slack=dt.timedelta()):
        return False
    a_places = most_specific(candidate.a.claim.locations) or [p for p in [a.place] if p]
    b_places = most_specific(candidate.b.claim.locations) or [p for p in [b.place] if p]
    return places_meet(a_places, b_places) is not None


def _same_figure(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    """Whether both sentences state one figure of one counted thing ("at least 15 civilians",
    "15 people")."""
    return any(same_stated_figure(qa, qb) for qa in a.claim.quantities for qb in b.claim.quantities)


def find_candidates(
    view: IndexView, *, options: PairingOptions, incidents: Incidents | None = None
) -> list[Candidate]:
    """All candidate pairs, deduplicated (a neighbour wins over an incident match, which wins
    over a claim match) and sorted by rows.

    With `incidents`, every two sentences of one incident from different outlets whose counts
    match are candidates too, however differently worded."""
    found: dict[tuple[int, int], Candidate] = {}
    within = _incident_candidates(view, options, incidents) if incidents is not None else []
    for candidate in [
        *_neighbour_candidates(view, options),
        *within,
        *_claim_candidates(view, options),
    ]:
        found.setdefault((candidate.a.row, candidate.b.row), candidate)
    if incidents is None:
        return [found[key] for key in sorted(found)]
    return [with_incidents(found[key], incidents) for key in sorted(found)]


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


def _incident_candidates(
    view: IndexView, options: PairingOptions, incidents: Incidents
) -> list[Candidate]:
    by_row = {sentence.row: sentence for sentence in view.sentences}
    out = []
    for incident in incidents.incidents:
        members = [by_row[row] for row in incident.rows if row in by_row]
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if not allowed(first, second, options):
                    continue
                if not (_counts_match(first, second) or _may_clash(first, second)):
                    continue
                similarity = float(view.vectors[first.row] @ view.vectors[second.row])
                if similarity >= INCIDENT_MIN_SIMILARITY:
                    out.append(_ordered(first, second, similarity, "incident"))
    return out


def _may_clash(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    """Two reports of one incident that each say who attacked, or where one denies an attack or
    says a party did not attack and the other blames someone: a contradiction the verdicts may
    find."""
    x, y = a.claim, b.claim
    return bool(x.perpetrators and y.perpetrators) or any(
        (denier.denial or denier.cleared) and blamer.perpetrators
        for denier, blamer in ((x, y), (y, x))
    )


def _counts_match(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    return any(match_strength(qa, qb) > 0 for qa in a.claim.quantities for qb in b.claim.quantities)


def _ordered(
    one: AnalysedSentence,
    other: AnalysedSentence,
    similarity: float,
    origin: Literal["neighbour", "claim", "incident"],
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
    if a.article.id == b.article.id:
        return True
    if gap is not None and gap > EVENT_WINDOW_DAYS:
        return _text_dates_meet(a, b)  # far apart: one event only when the text says so
    if similarity >= WIRE_COPY_SIMILARITY:
        return True
    near = gap is None or gap <= NEAR_DAYS
    if not (a.claim.quantities and b.claim.quantities):
        # Non-numeric pairs (paraphrases, contradictions) need the same place within days.
        return _share_place(a, b) and (gap is None or gap <= CONTRADICTION_DAYS)
    if _same_figure(a, b) and (gap is None or gap <= CLAIM_WINDOW_DAYS):
        # One figure of one thing within days, worded alike, in places not known to differ:
        # most often one report ("the toll for Russian soldiers ... to 18").
        return places_overlap(a.claim, b.claim) is not False
    return bool(_buckets(a) & _buckets(b) & rare) or (
        _share_place(a, b) and (near or similarity >= CLOSE_WORDING_SIMILARITY)
    )


def _text_dates_meet(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    """Whether both sentences' own words date their events to days that meet (a day each,
    not a month or a year)."""
    a_days, b_days = event_days(a), event_days(b)
    return (
        a_days is not None
        and b_days is not None
        and a_days.dated_by == b_days.dated_by == "text"
        and (a_days.last - a_days.first).days <= 1
        and (b_days.last - b_days.first).days <= 1
        and days_meet(a_days, b_days, slack=dt.timedelta(days=1))
    )


def _share_place(a: AnalysedSentence, b: AnalysedSentence) -> bool:
    return places_overlap(a.claim, b.claim, hierarchy=False) is True
