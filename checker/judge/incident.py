"""Same incident? Different days, dates, places, scope or cumulative windows make two sentences
about different incidents however alike their wording (GUIDELINES.md step 1)."""

from __future__ import annotations

import datetime as dt
import re

import checker.lexicon as lx
from checker.claims import held_sides
from checker.claims.gazetteer import most_specific, towns
from checker.claims.means import means_compatible
from checker.judge.places import below_gazetteer, places_overlap, same_place, specific_places
from checker.models import Claim, Quantity
from checker.quantities.match import point

# A report's undated sentence tells the news of its day or the day before; an event pinned
# this many days before both reports of one news cycle is an earlier incident.
NEWS_CYCLE_DAYS = 2
# Windows that all mean "since the war began".
WAR_WINDOW_WORDS = ("war", "conflict", "2011", "start", "beginning", "outbreak")


def different_windows(a: Claim, b: Claim) -> str | None:
    """Cumulative windows that differ ("since April" vs one day): they separate counts only."""
    if (a.window is None) != (b.window is None) or (
        a.window and b.window and not _same_window(a.window, b.window)
    ):
        return f"different time windows ({a.window or 'one event'} vs {b.window or 'one event'})"
    return None


def different_means(a: Claim, b: Claim) -> str | None:
    """Counts of attacks carried out by incompatible means (shelling vs an air strike, a car bomb
    vs a raid): two attacks, even on one day in one city."""
    if means_compatible(a.means, b.means):
        return None
    return f"different attacks ({'/'.join(a.means)} vs {'/'.join(b.means)})"


def different_event(
    a: Claim,
    b: Claim,
    *,
    same_article: bool,
    a_date: dt.date | None,
    b_date: dt.date | None,
    same_incident: bool | None = None,
) -> str | None:
    """Different days, dates, places or scope: another incident whatever is compared. Within
    one incident (`same_incident`) a name the gazetteer does not know ("Wadi al-Zahab
    district") against a place it does ("Homs") is a part of that place, not another one."""
    a_days = _weekdays(a)
    b_days = _weekdays(b)
    if a_days and b_days and not a_days & b_days:
        return f"different days ({', '.join(sorted(a_days))} vs {', '.join(sorted(b_days))})"
    a_dates = event_dates(a)
    b_dates = event_dates(b)
    if not (a_days and b_days) and a_dates and b_dates and not _dates_meet(a_dates, b_dates):
        return (
            "different dates ("
            + ", ".join(map(str, sorted(a_dates)))
            + " vs "
            + ", ".join(map(str, sorted(b_dates)))
            + ")"
        )
    if told_later := _after_publication(a_dates, b, b_date) or _after_publication(
        b_dates, a, a_date
    ):
        return told_later
    a_places = specific_places(a.places)
    b_places = specific_places(b.places)
    below = same_incident is True and below_gazetteer(a, b)
    if not same_article and not below and places_overlap(a, b) is False:
        only_a, only_b = a_places - b_places, b_places - a_places
        return (
            f"different places ({', '.join(sorted(only_a or a_places))} vs "
            f"{', '.join(sorted(only_b or b_places))})"
        )
    if not same_article and (held := _held_by_other_sides(a, b)):
        return held
    wider = _coordinated_extra_place(a, b_places, a_places) or _coordinated_extra_place(
        b, a_places, b_places
    )
    if wider:
        return f"different scope ({wider} vs one of them)"
    return None


def _held_by_other_sides(a: Claim, b: Claim) -> str | None:
    """Areas held by opposite sides ("rebel fire on the government-held west" vs "a barrel bomb
    on a rebel-held neighbourhood"): a split city's two halves, two incidents."""
    a_sides, b_sides = held_sides(a.sentence.text), held_sides(b.sentence.text)
    if not (a_sides and b_sides) or a_sides & b_sides:
        return None
    return f"different areas ({'/'.join(sorted(a_sides))}-held vs {'/'.join(sorted(b_sides))}-held)"


def _after_publication(
    dates: set[dt.date], other: Claim, other_published: dt.date | None
) -> str | None:
    """An event dated after the other report was published (a day's slack for time zones):
    the other, which dates nothing itself, cannot be telling it."""
    if not dates or other_published is None or event_dates(other):
        return None
    if min(dates) - other_published <= dt.timedelta(days=1):
        return None
    return f"different days ({min(dates)} is after the other report of {other_published})"


def event_dates(claim: Claim) -> set[dt.date]:
    """Resolved calendar dates and weekdays of the event ('said on Wednesday' dates a statement,
    not the event); 'today'/'yesterday' lean on publication dates, which are too often wrong in
    real corpora to separate incidents on their own."""
    return {
        t.date
        for t in claim.times
        if t.date is not None
        and t.until is None
        and not t.said
        and t.text.lower() not in lx.RELATIVE_DAY_WORDS
    }


def news_cycle_gap(
    a: Claim, b: Claim, a_date: dt.date | None, b_date: dt.date | None
) -> str | None:
    """An event one report pins days before the news cycle the other undated report tells:
    likely an earlier incident (it separates disagreeing figures, not one figure repeated)."""
    return _earlier_than_news_cycle(a, b, a_date, b_date) or _earlier_than_news_cycle(
        b, a, b_date, a_date
    )


def _earlier_than_news_cycle(
    pinned: Claim, undated: Claim, pinned_date: dt.date | None, undated_date: dt.date | None
) -> str | None:
    """Two reports of one news cycle (published at most a day apart): a sentence with no day
    of its own tells that cycle's news, so an event its rival pins NEWS_CYCLE_DAYS or more
    before both reports is an earlier incident ("also hit on Wednesday" in Friday's papers).
    Revised tolls and cumulative windows look back on purpose and are left alone."""
    if pinned_date is None or undated_date is None or abs((pinned_date - undated_date).days) > 1:
        return None
    if (
        any(not t.said for t in undated.times)
        or pinned.toll_update
        or undated.toll_update
        or pinned.window
    ):
        return None
    pinned_days = event_dates(pinned)
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


def _weekdays(claim: Claim) -> set[str]:
    return {
        t.text.lower().rstrip("s")
        for t in claim.times
        if not t.said and t.text.lower().rstrip("s") in lx.WEEKDAYS
    }


def _dates_meet(a_dates: set[dt.date], b_dates: set[dt.date]) -> bool:
    """Dates a day apart still meet: overnight strikes and time zones blur the day."""
    return any(abs((x - y).days) <= 1 for x in a_dates for y in b_dates)


def _same_window(a_window: str, b_window: str) -> bool:
    if any(word in a_window for word in WAR_WINDOW_WORDS) and any(
        word in b_window for word in WAR_WINDOW_WORDS
    ):
        return True
    return a_window == b_window


# Several days' tolls and sums over a province (lexicon.py: SEVERAL_DAYS, SUMMED_PLACES).
SEVERAL_DAYS_RE = re.compile(lx.SEVERAL_DAYS, re.IGNORECASE)
SUMMED_PLACES_RE = re.compile(lx.SUMMED_PLACES, re.IGNORECASE)


COUNTRY_WIDE_RE = re.compile(lx.COUNTRY_WIDE, re.IGNORECASE)


def different_scope(
    a: Claim, b: Claim, compared: tuple[Quantity, Quantity] | None = None
) -> str | None:
    """One town's toll against a sum over a province or the country, or one day's against
    several days': figures of a part and a whole disagree without contradicting (GUIDELINES
    step 1). Only disagreeing figures are held to it; agreeing ones still agree. With the
    `compared` figures (a's, b's), a lower toll of a place against a country-wide sum is its
    part too."""
    if compared is not None:
        qa, qb = compared
        if point(qa) != point(qb):
            part, whole = (a, b) if point(qa) < point(qb) else (b, a)
            if inside := _inside_the_whole(part, whole):
                return f"different scope ({inside})"
    a_town, b_town = towns(a.locations), towns(b.locations)
    if bool(a_town) != bool(b_town):
        town, other = (a, b) if a_town else (b, a)
        if summed := SUMMED_PLACES_RE.search(other.sentence.text):
            named = ", ".join(sorted(place.name for place in towns(town.locations)))
            return f"different scope ({named} vs a sum {summed[0]})"
    if _several_days(a) != _several_days(b):
        return "different scope (one day's count vs several days')"
    return None


def _inside_the_whole(part: Claim, whole: Claim) -> str | None:
    """Where the lower toll's place lies inside the higher toll's whole area: any named place
    against a sum across the country that names none ("towns across the country"). A province
    named with a toll is left alone: outlets name it to place one incident as often as to sum
    over it (the Khan Sheikhoun attack "in Idlib province")."""
    if not part.locations or whole.locations:
        return None
    if not (summed := COUNTRY_WIDE_RE.search(whole.sentence.text)):
        return None
    named = ", ".join(sorted(place.name for place in most_specific(part.locations)))
    return f"{named} vs a sum {summed[0]}"


def _several_days(claim: Claim) -> bool:
    if SEVERAL_DAYS_RE.search(claim.sentence.text):
        return True
    return any(
        t.until is not None and 1 <= (t.until - t.date).days <= 7 for t in claim.times if t.date
    )


def different_attackers(a: Claim, b: Claim) -> str | None:
    """Counts of attacks each sentence blames on parties of opposite sides (Russian jets vs
    rebel fire): two attacks, not two tolls of one. Parties of one side (regime vs Russian
    jets) may be rival accounts of one attack, which the contradiction step judges."""
    a_sides = {lx.PARTY_SIDES[party] for party in a.perpetrators if party in lx.PARTY_SIDES}
    b_sides = {lx.PARTY_SIDES[party] for party in b.perpetrators if party in lx.PARTY_SIDES}
    if not (a_sides and b_sides) or a_sides & b_sides:
        return None
    return (
        f"different attackers ({', '.join(a.perpetrators)} vs {', '.join(b.perpetrators)}): "
        "two attacks"
    )
