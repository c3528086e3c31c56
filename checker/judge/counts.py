"""Two figures for the same quantity: do their hedged intervals agree, diverge, conflict, or
does the later report give a higher toll (GUIDELINES.md step 2)?"""

from __future__ import annotations

import datetime as dt

from checker.claims.actors import figure_sources
from checker.judge.scoring import figures_verdict, unrelated
from checker.judge.wording import describe_quantity, format_ratio
from checker.models import Claim, Quantity, Verdict
from checker.quantities.match import QuantityMatch, figure_ratio, point

# Ratio of the larger to the smaller figure under which two overlapping figures are
# "close" (GUIDELINES: "within about 1.3-1.4x"; 1.5x and more is divergent).
COMPATIBLE_RATIO = 1.4
# Two tolls more than an order of magnitude apart are different events, not rival counts
# (GUIDELINES: divergent spans "up to an order of magnitude"; 1300 vs 213 is 6.1x).
SAME_EVENT_MAX_RATIO = 10.0
# A revised toll may grow past that ("initial reports said four", "the toll has risen to 58"),
# but not without bound: the war's 400,000 dead are no revision of one market's 40.
REVISED_TOLL_MAX_RATIO = 30.0
# Small counts differ by a few units without an editor caring ("a few units for small counts").
SMALL_GAP = 2
# A later, higher toll counts as an update without "rose to" wording only when the
# reports are at least this many days apart (same-day reports are rivals): a day for figures
# that cannot both hold (15 on Monday, at least 17 on Tuesday: the toll rose), three for
# figures whose hedges overlap (at least 20, then 44: rival estimates of one news cycle).
UPDATE_MIN_DAYS = 1
HEDGED_UPDATE_MIN_DAYS = 3
# A secondary match decides too only when it is nearly as sure as the best one
# (killed and wounded both paired), not a loose pairing of leftovers.
DECISIVE_STRENGTH = 0.8


def decisive(matches: list[QuantityMatch]) -> list[QuantityMatch]:
    """The matches that decide: the surest ones; vague quantifiers only when nothing else pairs."""
    precise = [match for match in matches if "vague" not in (match.a.hedge, match.b.hedge)]
    # A vague quantifier decides only when it agrees ("many" vs 40): "scores wounded" vs
    # "9 wounded" says more about two incidents than about one disagreement.
    precise = precise or [match for match in matches if overlaps(match.a, match.b)]
    if not precise:
        return []
    best = max(match.strength for match in precise)
    return [match for match in precise if match.strength >= DECISIVE_STRENGTH * best]


def compare_figures(
    match: QuantityMatch,
    a: Claim,
    b: Claim,
    similarity: float,
    a_date: dt.date | None,
    b_date: dt.date | None,
) -> Verdict:
    """The verdict of one pair of matched figures, with the figures in its reason."""
    qa, qb = match.a, match.b
    said = f"{describe_quantity(qa)} vs {describe_quantity(qb)}"
    ratio = figure_ratio(qa, qb)
    overlap = overlaps(qa, qb)
    min_days = HEDGED_UPDATE_MIN_DAYS if overlap and _rival_sources(a, b) else UPDATE_MIN_DAYS
    rise = _is_update(qa, qb, a, b, a_date, b_date, min_days=min_days)
    compared = (qa, qb)
    revised = (a.toll_update or b.toll_update) and ratio <= REVISED_TOLL_MAX_RATIO
    if ratio > SAME_EVENT_MAX_RATIO and not revised:
        return unrelated(
            f"{said}: {format_ratio(ratio)} apart, more than one event's figures differ"
        )
    if _same_figure(qa, qb):
        return figures_verdict("duplicate", f"{said}: same figure", similarity, compared, ratio)
    if rise and (a.toll_update or b.toll_update):
        return figures_verdict("update", f"{said}: {rise}", similarity, compared, ratio)
    if overlap and (ratio <= COMPATIBLE_RATIO or _small_gap(qa, qb) or _vague_pair(qa, qb)):
        reason = f"{said}: agree within hedges, {format_ratio(ratio)}"
        return figures_verdict("compatible", reason, similarity, compared, ratio)
    if rise:
        return figures_verdict("update", f"{said}: {rise}", similarity, compared, ratio)
    if overlap:
        reason = f"{said}: compatible bound, {format_ratio(ratio)} apart"
        return figures_verdict("divergent", reason, similarity, compared, ratio)
    reason = f"{said}: cannot both be true, {format_ratio(ratio)} apart"
    return figures_verdict("conflict", reason, similarity, compared, ratio)


def overlaps(qa: Quantity, qb: Quantity) -> bool:
    """Whether the two hedged intervals share a value."""
    a_high = qa.high if qa.high is not None else float("inf")
    b_high = qb.high if qb.high is not None else float("inf")
    return qa.low <= b_high and qb.low <= a_high


def _is_update(
    qa: Quantity,
    qb: Quantity,
    a: Claim,
    b: Claim,
    a_date: dt.date | None,
    b_date: dt.date | None,
    *,
    min_days: int,
) -> str | None:
    """A rise, not a contradiction: the later report is higher (by date or by its own words).
    Only a toll rises so: figures of no event (a city's population) are estimates that differ."""
    a_value, b_value = point(qa), point(qb)
    if a_value == b_value or not (qa.event or qb.event):
        return None
    later_is_b = b_value > a_value
    higher_claim, lower_claim = (b, a) if later_is_b else (a, b)
    higher_date, lower_date = (b_date, a_date) if later_is_b else (a_date, b_date)
    if higher_date and lower_date:
        gap = (higher_date - lower_date).days
        if gap < 0:
            # Dated a day before the lower figure, a report that frames its own higher figure
            # as the risen toll is still the later count (CSV dates lag the news by a day).
            if gap >= -1 and higher_claim.toll_update:
                return "the higher figure is framed as the risen toll"
            return None
        if gap >= min_days:
            return f"later report ({gap} days on) gives the higher toll"
    if higher_claim.toll_update or lower_claim.toll_update:
        return "a report frames its figure as a revised toll"
    return None


def _rival_sources(a: Claim, b: Claim) -> bool:
    """Whether two reports' figures may come from rival sources (the Observatory against the
    civil defence): unless both name the same source, hedged figures a day apart are rival
    estimates, not one count rising (GUIDELINES: divergent is typically different sources)."""
    a_sources, b_sources = figure_sources(a.sentence.text), figure_sources(b.sentence.text)
    return not (a_sources and a_sources == b_sources)


def _same_figure(qa: Quantity, qb: Quantity) -> bool:
    if qa.value is None or qb.value is None:
        return qa.hedge == qb.hedge == "vague" and (qa.low, qa.high) == (qb.low, qb.high)
    return qa.value == qb.value and "between" not in (qa.hedge, qb.hedge)


def _small_gap(qa: Quantity, qb: Quantity) -> bool:
    return abs(point(qa) - point(qb)) <= SMALL_GAP


def _vague_pair(qa: Quantity, qb: Quantity) -> bool:
    """'many' or 'dozens' against a number that lies in its range agrees (GUIDELINES)."""
    return "vague" in (qa.hedge, qb.hedge)
