"""When a sentence says its event happened: weekdays, relative days and calendar dates resolved
against the publication date, and cumulative windows ("since April") that widen a count."""

from __future__ import annotations

import datetime as dt
import re

import checker.lexicon as lx
from checker.models import TimeExpression

# "said on Sunday", "said in a statement on Wednesday": the day of the statement, which bounds
# the event (on or before it) but does not date it.
REPORTING_BEFORE_RE = re.compile(
    r"\b(said|says|reported|announced|told \w+(?: \w+)?|stated|added|issued|published)"
    r"(?:\s+in\s+(?:a|its|their|his|her)\s+(?:\w+\s+)?(?:statement|report|briefing))?"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(" + "|".join(lx.WEEKDAYS) + r")s?\b", re.I)
RELATIVE_DAY_RE = re.compile(r"\b(" + "|".join(lx.RELATIVE_DAY_WORDS) + r")\b", re.I)
MONTH_DAY_RE = re.compile(
    rf"\b(?:({lx.MONTH_PATTERN})\.?\s+(\d{{1,2}})(?!\d)|(\d{{1,2}})\s+({lx.MONTH_PATTERN})\b)"
    rf"(?:,?\s+(\d{{4}}))?",
    re.I,
)
# A month or a year with no day: "in August 2013", "last December", "in late May" (the latest
# such month), "in 2015", "last year", "last month".
MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?P<month>{lx.MONTH_PATTERN})\s+(?P<year>(?:19|20)\d\d)"
    rf"|last\s+(?P<last_month>{lx.MONTH_PATTERN})"
    rf"|(?:(?:in|during|by|until)\s+(?:(?:early|late|mid)[- ])?|(?:early|late|mid)[- ])"
    rf"(?P<bare_month>{lx.MONTH_PATTERN})(?!\s*\d)"
    r"|in\s+(?P<only_year>(?:19|20)\d\d)|(?P<last_year>last\s+year)"
    r"|(?P<previous_month>last\s+month))\b",
    re.I,
)
# A week or a month before publication with no day: "earlier this week", "last week",
# "earlier this month" (a background sentence about a recent event).
RECENT_PERIOD_RE = re.compile(
    r"\b(?:(?P<earlier_week>earlier this week)|(?P<this_week>this week)"
    r"|(?P<last_week>last week)|(?P<earlier_month>earlier this month))\b",
    re.I,
)
# Cumulative windows make a toll a different quantity from a one-day toll.
WINDOW_RE = re.compile(
    r"\b(since (?:the )?(?:start|beginning|outbreak)\b[^,.;]*|since\s+[^,.;]{2,60}?(?=\s+(?:according|the|a|as|and|in)\b|[,.;]|$)"
    r"|(?:in|over|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?|hours)"
    r"|\b(?:in|over) recent (?:days|weeks|months)"
    r"|so far this (?:year|month|week)|throughout the (?:war|conflict)"
    r"|during the (?:\w+[- ]year[- ])?(?:war|conflict)"
    r"|(?:war|conflict) (?:started|began|erupted|broke out)"
    # "Syria's civil war, now in its seventh year, has killed at least 400000": the war's toll
    r"|(?:civil|the|a|syrias?|syrian|\w+-year(?:-old)?)\s+(?:civil\s+)?(?:war|conflict|uprising)"
    r"(?!\s*(?:planes?|jets?|crimes?))\b[^.;]{0,40}?\b(?:has|have|had) (?:so far )?"
    r"(?:killed|claimed|left|displaced)"
    # "put the death toll from the six-year conflict at more than 470000": the war's toll
    r"|\b(?:toll|tally)\s+(?:from|of|in)\s+the\s+(?:[\w-]+\s+)?(?:war|conflict|uprising)\b"
    # "... have been killed ... across the war-battered country": the whole war, not one strike
    r"|\b(?:has|have) been (?:killed|displaced)\b[^.;]{0,80}?\bacross the (?:[\w-]+ )?country\b)",
    re.I,
)


def find_times(text: str, published: dt.date | None) -> list[TimeExpression]:
    """Weekdays, relative days and calendar dates, resolved against `published`."""
    found: list[tuple[int, TimeExpression]] = []
    for match in WEEKDAY_RE.finditer(text):
        said = REPORTING_BEFORE_RE.search(text[max(0, match.start() - 60) : match.start()])
        day = lx.WEEKDAYS.index(match.group(1).lower())
        resolved = _last_weekday(published, day)
        found.append(
            (match.start(), TimeExpression(text=match.group(0), date=resolved, said=bool(said)))
        )
    for match in RELATIVE_DAY_RE.finditer(text):
        offset = 1 if match.group(1).lower() == "yesterday" else 0
        resolved = published - dt.timedelta(days=offset) if published else None
        found.append((match.start(), TimeExpression(text=match.group(0), date=resolved)))
    for match in MONTH_DAY_RE.finditer(text):
        month_name = (match.group(1) or match.group(4)).lower()
        day_number = int(match.group(2) or match.group(3))
        year = int(match.group(5)) if match.group(5) else (published.year if published else None)
        month = lx.MONTH_NUMBERS[month_name]
        found.append(
            (
                match.start(),
                TimeExpression(text=match.group(0), date=_safe_date(year, month, day_number)),
            )
        )
    day_spans = [match.span() for match in MONTH_DAY_RE.finditer(text)]
    for match in MONTH_YEAR_RE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in day_spans):
            continue  # "3 March 2016" is a day, not March as a whole
        if expression := _month_or_year(match, published):
            found.append((match.start(), expression))
    if published is not None:
        for match in RECENT_PERIOD_RE.finditer(text):
            if expression := _recent_period(match, published):
                found.append((match.start(), expression))
    return [expression for _, expression in sorted(found, key=lambda item: item[0])]


def _recent_period(match: re.Match[str], published: dt.date) -> TimeExpression | None:
    """The days "earlier this week", "this week", "last week" or "earlier this month" span,
    counted back from publication (a Monday's "earlier this week" is the week before)."""
    monday = published - dt.timedelta(days=published.weekday())
    if match["earlier_week"]:
        first, last = (monday if monday < published else monday - dt.timedelta(days=6)), published
        last -= dt.timedelta(days=1)
    elif match["this_week"]:
        first, last = monday, published
    elif match["last_week"]:
        first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    else:
        first, last = published.replace(day=1), published - dt.timedelta(days=1)
        if last < first:
            return None  # "earlier this month" on the 1st
    return TimeExpression(text=match.group(0), date=first, until=last)


def _month_or_year(match: re.Match[str], published: dt.date | None) -> TimeExpression | None:
    """The range of days a month or a year names, resolved against `published`."""
    if match["previous_month"]:  # "last month": the month before publication's
        if published is None:
            return None
        last = published.replace(day=1) - dt.timedelta(days=1)
        return TimeExpression(text=match.group(0), date=last.replace(day=1), until=last)
    if match["bare_month"] and not match["bare_month"][0].isupper():
        return None  # "in may": the verb, not the month
    if name := match["month"] or match["last_month"] or match["bare_month"]:
        month = lx.MONTH_NUMBERS[name.lower()]
        if match["year"]:
            year = int(match["year"])
        elif published is None:
            return None
        elif match["last_month"]:  # "last December": the latest December before publication
            year = published.year if month < published.month else published.year - 1
        else:  # "in July": the latest July, this month's included
            year = published.year if month <= published.month else published.year - 1
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return TimeExpression(text=match.group(0), date=dt.date(year, month, 1), until=last)
    if match["only_year"]:
        year = int(match["only_year"])
    elif published is not None:
        year = published.year - 1
    else:
        return None
    return TimeExpression(
        text=match.group(0), date=dt.date(year, 1, 1), until=dt.date(year, 12, 31)
    )


def find_window(text: str) -> str | None:
    """The cumulative window a sentence counts over ("since april"), lower-cased, if any."""
    match = WINDOW_RE.search(text)
    return match.group(0).strip().lower() if match else None


def _last_weekday(published: dt.date | None, weekday: int) -> dt.date | None:
    """News convention: 'on Sunday' means the latest Sunday on or before publication."""
    if published is None:
        return None
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
