"""Verdicts: classify one sentence pair into exactly one kind, with the reason why.

Order of questions (GUIDELINES.md of annotated/dev.jsonl, step 1 then step 2):
1. Is it the same incident and the same quantity? Different days, cumulative
   windows or places, or counts of different things (killed vs wounded, children vs
   all people) make the pair `unrelated` however alike the wording.
2. For the same quantity, compare the intervals the hedges allow: `duplicate`,
   `compatible`, `divergent`, `conflict`, or `update` when the later report is higher.
3. Without a shared quantity: `contradiction` for a denial or opposite perpetrators,
   `duplicate` for a close paraphrase, else `unrelated`.
"""

from __future__ import annotations

import datetime as dt

from checker import lexicon as lx
from checker.judge.places import places_overlap, same_place, specific_places
from checker.judge.wording import describe_quantity, format_ratio
from checker.models import KINDS, Claim, CompareKind, Quantity, Verdict
from checker.nlp.nli import NLI_CONTRADICTION_PROBABILITY
from checker.nlp.paraphrase import (
    JUDGE_MIN_CLOSENESS,
    PARAPHRASE_CLOSENESS,
    PARAPHRASE_PROBABILITY,
    closeness,
    word_overlap,
)
from checker.quantities.match import QuantityMatch, figure_ratio, match_quantities, point

# Ratio of the larger to the smaller figure under which two overlapping figures are
# "close" (GUIDELINES: "within about 1.3-1.4x"; 1.5x and more is divergent).
COMPATIBLE_RATIO = 1.4
# Two tolls more than an order of magnitude apart are different events, not rival counts
# (GUIDELINES: divergent spans "up to an order of magnitude"; 1300 vs 213 is 6.1x).
SAME_EVENT_MAX_RATIO = 10.0
# Small counts differ by a few units without an editor caring ("a few units for small counts").
SMALL_GAP = 2
# A later, higher toll counts as an update without "rose to" wording only when the
# reports are at least this many days apart (same-news-cycle reports are rivals).
UPDATE_MIN_DAYS = 3
# Below this similarity two sentences are not about the same thing even if their
# counts match in kind; chosen on annotated/dev.jsonl and FA-KES, see bench/.
RELATED_SIMILARITY = 0.25
# Non-numeric contradictions need the sentences to be about the same fact.
CONTRADICTION_SIMILARITY = 0.30

# A report's undated sentence tells the news of its day or the day before; an event pinned
# this many days before both reports of one news cycle is an earlier incident.
NEWS_CYCLE_DAYS = 2

# Non-numeric contradictions concern one event: reports at most a week apart (dev.jsonl's
# contradiction pairs are 0-7 days apart); undated pairs need close wording instead.
CONTRADICTION_WINDOW_DAYS = 7
UNDATED_CONTRADICTION_SIMILARITY = 0.75


def classify_pair(
    a: Claim,
    b: Claim,
    *,
    similarity: float,
    a_date: dt.date | None = None,
    b_date: dt.date | None = None,
    nli_contradiction: float | None = None,
    paraphrase_probability: float | None = None,
    same_article: bool = False,
) -> Verdict:
    """Classify two sentences' claims (a from one report, b from another).

    `nli_contradiction` is an optional NLI model's contradiction probability (see nli.py).
    `paraphrase_probability` is the paraphrase judge's (see paraphrase.py); without it a
    blend of cosine similarity and shared wording decides whether wording alone is a duplicate.
    `same_article`: both sentences come from one article, whose topic ties their places
    together (a town and its province), so differing place names do not separate them.
    """
    event_gap = _different_event(a, b, same_article=same_article, a_date=a_date, b_date=b_date)
    incident_gap = _different_windows(a, b) or event_gap
    matches = match_quantities(a.quantities, b.quantities)
    if matches and similarity >= RELATED_SIMILARITY:
        if incident_gap:
            return _unrelated(f"same kind of count but {incident_gap}")
        verdicts = [
            _compare_figures(match, a, b, similarity, a_date, b_date)
            for match in _decisive(matches)
        ]
        if verdicts:
            return max(verdicts, key=lambda verdict: (KINDS[verdict.kind].severity, verdict.score))
    clash = _non_numeric_clash(a, b, similarity, nli_contradiction)
    if clash and not incident_gap and _same_news_cycle(a_date, b_date, similarity):
        return clash
    # Cumulative windows separate counts ("since April" vs one day's toll), not wording.
    paraphrase = _paraphrase_evidence(a, b, similarity, paraphrase_probability)
    if paraphrase and not event_gap and not _counts_disagree(a, b):
        return Verdict(
            kind="duplicate",
            score=_score("duplicate", similarity),
            reason=f"same claim in other words ({paraphrase})",
        )
    if incident_gap:
        return _unrelated(incident_gap)
    return _unrelated("no shared quantity or clash of facts")


# A secondary match decides too only when it is nearly as sure as the best one
# (killed and wounded both paired), not a loose pairing of leftovers.
DECISIVE_STRENGTH = 0.8


def _decisive(matches: list[QuantityMatch]) -> list[QuantityMatch]:
    """The matches that decide: the surest ones; vague quantifiers only when nothing else pairs."""
    precise = [match for match in matches if "vague" not in (match.a.hedge, match.b.hedge)]
    # A vague quantifier decides only when it agrees ("many" vs 40): "scores wounded" vs
    # "9 wounded" says more about two incidents than about one disagreement.
    precise = precise or [match for match in matches if _overlaps(match.a, match.b)]
    if not precise:
        return []
    best = max(match.strength for match in precise)
    return [match for match in precise if match.strength >= DECISIVE_STRENGTH * best]


def different_incident(
    a: Claim,
    b: Claim,
    *,
    same_article: bool = False,
    a_date: dt.date | None = None,
    b_date: dt.date | None = None,
) -> str | None:
    """Why two sentences describe different incidents or scopes, or None if they may not.
    `a_date` and `b_date` are the reports' publication dates, where known."""
    return _different_windows(a, b) or _different_event(
        a, b, same_article=same_article, a_date=a_date, b_date=b_date
    )


def _different_windows(a: Claim, b: Claim) -> str | None:
    """Cumulative windows that differ ("since April" vs one day): they separate counts only."""
    if (a.window is None) != (b.window is None) or (
        a.window and b.window and not _same_window(a.window, b.window)
    ):
        return f"different time windows ({a.window or 'one event'} vs {b.window or 'one event'})"
    return None


def _different_event(
    a: Claim,
    b: Claim,
    *,
    same_article: bool,
    a_date: dt.date | None,
    b_date: dt.date | None,
) -> str | None:
    """Different days, dates, places or scope: another incident whatever is compared."""
    a_days = _weekdays(a)
    b_days = _weekdays(b)
    if a_days and b_days and not a_days & b_days:
        return f"different days ({', '.join(sorted(a_days))} vs {', '.join(sorted(b_days))})"
    a_dates = _event_dates(a)
    b_dates = _event_dates(b)
    if not (a_days and b_days) and a_dates and b_dates and not _dates_meet(a_dates, b_dates):
        return (
            "different dates ("
            + ", ".join(map(str, sorted(a_dates)))
            + " vs "
            + ", ".join(map(str, sorted(b_dates)))
            + ")"
        )
    earlier = _earlier_than_news_cycle(a, b, a_date, b_date) or _earlier_than_news_cycle(
        b, a, b_date, a_date
    )
    if earlier:
        return earlier
    a_places = specific_places(a.places)
    b_places = specific_places(b.places)
    if not same_article and places_overlap(a, b) is False:
        return f"different places ({', '.join(sorted(a_places))} vs {', '.join(sorted(b_places))})"
    wider = _coordinated_extra_place(a, b_places, a_places) or _coordinated_extra_place(
        b, a_places, b_places
    )
    if wider:
        return f"different scope ({wider} vs one of them)"
    return None


def _earlier_than_news_cycle(
    pinned: Claim, undated: Claim, pinned_date: dt.date | None, undated_date: dt.date | None
) -> str | None:
    """Two reports of one news cycle (published at most a day apart): a sentence with no day
    of its own tells that cycle's news, so an event its rival pins NEWS_CYCLE_DAYS or more
    before both reports is an earlier incident ("also hit on Wednesday" in Friday's papers).
    Revised tolls and cumulative windows look back on purpose and are left alone."""
    if pinned_date is None or undated_date is None or abs((pinned_date - undated_date).days) > 1:
        return None
    if undated.times or pinned.toll_update or undated.toll_update or pinned.window:
        return None
    pinned_days = _event_dates(pinned)
    cycle_start = min(pinned_date, undated_date)
    if not pinned_days or any((cycle_start - day).days < NEWS_CYCLE_DAYS for day in pinned_days):
        return None
    said = ", ".join(str(day) for day in sorted(pinned_days))
    return f"different days ({said} vs the news of {undated_date})"


def _coordinated_extra_place(
    claim: Claim, other_places: set[str], own_places: set[str]
) -> str | None:
    """'X and Y' in one sentence where the other names only X: a wider scope (GUIDELINES step 1)."""
    lowered = claim.sentence.text.lower()
    for shared in own_places:
        if not any(same_place(shared, other) for other in other_places):
            continue
        for extra in own_places - {shared}:
            if any(same_place(extra, other) for other in other_places):
                continue
            if f"{shared} and {extra}" in lowered or f"{extra} and {shared}" in lowered:
                return f"{shared} and {extra}"
    return None


def _compare_figures(
    match: QuantityMatch,
    a: Claim,
    b: Claim,
    similarity: float,
    a_date: dt.date | None,
    b_date: dt.date | None,
) -> Verdict:
    qa, qb = match.a, match.b
    said = f"{describe_quantity(qa)} vs {describe_quantity(qb)}"
    ratio = figure_ratio(qa, qb)
    overlap = _overlaps(qa, qb)
    rise = _is_update(qa, qb, a, b, a_date, b_date)
    if ratio > SAME_EVENT_MAX_RATIO and not (a.toll_update or b.toll_update):
        return _unrelated(
            f"{said}: {format_ratio(ratio)} apart, more than one event's figures differ"
        )
    if _same_figure(qa, qb):
        return _verdict("duplicate", f"{said}: same figure", similarity, (qa, qb), ratio)
    if rise and (a.toll_update or b.toll_update):
        return _verdict("update", f"{said}: {rise}", similarity, (qa, qb), ratio)
    if overlap and (ratio <= COMPATIBLE_RATIO or _small_gap(qa, qb) or _vague_pair(qa, qb)):
        return _verdict(
            "compatible",
            f"{said}: agree within hedges, {format_ratio(ratio)}",
            similarity,
            (qa, qb),
            ratio,
        )
    if rise:
        return _verdict("update", f"{said}: {rise}", similarity, (qa, qb), ratio)
    if overlap:
        return _verdict(
            "divergent",
            f"{said}: compatible bound, {format_ratio(ratio)} apart",
            similarity,
            (qa, qb),
            ratio,
        )
    return _verdict(
        "conflict",
        f"{said}: cannot both be true, {format_ratio(ratio)} apart",
        similarity,
        (qa, qb),
        ratio,
    )


def _is_update(
    qa: Quantity, qb: Quantity, a: Claim, b: Claim, a_date: dt.date | None, b_date: dt.date | None
) -> str | None:
    """A rise, not a contradiction: the later report is higher (by date or by its own words)."""
    a_value, b_value = point(qa), point(qb)
    if a_value == b_value:
        return None
    later_is_b = b_value > a_value
    higher_claim, lower_claim = (b, a) if later_is_b else (a, b)
    higher_date, lower_date = (b_date, a_date) if later_is_b else (a_date, b_date)
    if higher_date and lower_date:
        gap = (higher_date - lower_date).days
        if gap < 0:
            return None
        if gap >= UPDATE_MIN_DAYS:
            return f"later report ({gap} days on) gives the higher toll"
    if higher_claim.toll_update or lower_claim.toll_update:
        return "a report frames its figure as a revised toll"
    return None


def _paraphrase_evidence(
    a: Claim, b: Claim, similarity: float, probability: float | None
) -> str | None:
    """Why the two sentences say the same thing in other words, or None if they do not."""
    overlap = word_overlap(a.sentence.text, b.sentence.text)
    close = closeness(similarity, overlap)
    if probability is not None:
        if probability >= PARAPHRASE_PROBABILITY and close >= JUDGE_MIN_CLOSENESS:
            return f"paraphrase model p={probability:.2f}, similarity {similarity:.2f}"
        return None
    if close >= PARAPHRASE_CLOSENESS:
        return f"similarity {similarity:.2f}, shared wording {overlap:.0%}"
    return None


def _non_numeric_clash(
    a: Claim, b: Claim, similarity: float, nli_contradiction: float | None
) -> Verdict | None:
    if similarity < CONTRADICTION_SIMILARITY:
        return None
    if nli_contradiction is not None and nli_contradiction >= NLI_CONTRADICTION_PROBABILITY:
        return Verdict(
            kind="contradiction",
            score=_score("contradiction", similarity),
            reason=f"NLI model finds the sentences contradictory (p={nli_contradiction:.2f})",
        )
    if a.denial != b.denial:
        denier = "b" if b.denial else "a"
        return Verdict(
            kind="contradiction",
            score=_score("contradiction", similarity),
            reason=f"one report ({denier}) denies or calls false what the other asserts",
        )
    a_parties = a.perpetrators
    b_parties = b.perpetrators
    if a_parties and b_parties and not set(a_parties) & set(b_parties):
        return Verdict(
            kind="contradiction",
            score=_score("contradiction", similarity),
            reason=f"different perpetrators for the same attack: {', '.join(a_parties)} vs {', '.join(b_parties)}",
        )
    return None


def _same_news_cycle(a_date: dt.date | None, b_date: dt.date | None, similarity: float) -> bool:
    """Non-numeric clashes need evidence of one event: reports days apart, or (undated)
    wording close enough to name the same fact. Background statements years apart
    ("never used chemical weapons" vs "surrendered its stockpile") are not contradictions."""
    if a_date and b_date:
        return abs((a_date - b_date).days) <= CONTRADICTION_WINDOW_DAYS
    return similarity >= UNDATED_CONTRADICTION_SIMILARITY


def _counts_disagree(a: Claim, b: Claim) -> bool:
    """Both sentences state bare counts but none pair up: not a paraphrase of each other."""
    a_values = {q.value for q in a.quantities if q.value is not None}
    b_values = {q.value for q in b.quantities if q.value is not None}
    return bool(a_values and b_values and not a_values & b_values)


def _same_figure(qa: Quantity, qb: Quantity) -> bool:
    if qa.value is None or qb.value is None:
        return qa.hedge == qb.hedge == "vague" and (qa.low, qa.high) == (qb.low, qb.high)
    return qa.value == qb.value and "between" not in (qa.hedge, qb.hedge)


def _overlaps(qa: Quantity, qb: Quantity) -> bool:
    a_high = qa.high if qa.high is not None else float("inf")
    b_high = qb.high if qb.high is not None else float("inf")
    return qa.low <= b_high and qb.low <= a_high


def _small_gap(qa: Quantity, qb: Quantity) -> bool:
    return abs(point(qa) - point(qb)) <= SMALL_GAP


def _vague_pair(qa: Quantity, qb: Quantity) -> bool:
    """'many' or 'dozens' against a number that lies in its range agrees (GUIDELINES)."""
    return "vague" in (qa.hedge, qb.hedge)


def _score(kind: CompareKind, similarity: float, ratio: float = 1.0) -> float:
    spread = min(max(ratio, 1.0), 10.0)
    bonus = 0.05 * (spread - 1.0) / 9.0 if kind in ("conflict", "divergent") else 0.0
    return round(min(1.0, KINDS[kind].weight * (0.6 + 0.4 * max(similarity, 0.0)) + bonus), 4)


def _verdict(
    kind: CompareKind,
    reason: str,
    similarity: float,
    compared: tuple[Quantity, Quantity],
    ratio: float,
) -> Verdict:
    return Verdict(
        kind=kind, score=_score(kind, similarity, ratio), reason=reason, compared=compared
    )


def _unrelated(reason: str) -> Verdict:
    return Verdict(kind="unrelated", score=0.0, reason=reason)


def _weekdays(claim: Claim) -> set[str]:
    return {
        t.text.lower().rstrip("s") for t in claim.times if t.text.lower().rstrip("s") in lx.WEEKDAYS
    }


def _event_dates(claim: Claim) -> set[dt.date]:
    """Resolved calendar dates and weekdays; 'today'/'yesterday' lean on publication dates,
    which are too often wrong in real corpora to separate incidents on their own."""
    return {
        t.date
        for t in claim.times
        if t.date is not None and t.text.lower() not in lx.RELATIVE_DAY_WORDS
    }


def _dates_meet(a_dates: set[dt.date], b_dates: set[dt.date]) -> bool:
    """Dates a day apart still meet: overnight strikes and time zones blur the day."""
    return any(abs((x - y).days) <= 1 for x in a_dates for y in b_dates)


def _same_window(a_window: str, b_window: str) -> bool:
    war_words = ("war", "conflict", "2011", "start", "beginning", "outbreak")
    if any(word in a_window for word in war_words) and any(word in b_window for word in war_words):
        return True
    return a_window == b_window
