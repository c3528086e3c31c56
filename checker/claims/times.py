"""When a sentence says its event happened: weekdays, relative days and calendar dates resolved
against the publication date, and cumulative windows ("since April") that widen a count."""

from __future__ import annotations

import datetime as dt
import re

import checker.lexicon as lx
from checker.models import TimeExpression

# "said on Sunday": the day of the statement, not of the event.
REPORTING_BEFORE_RE = re.compile(
    r"\b(said|says|reported|announced|told \w+(?: \w+)?|stated|added|issued|published)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(" + "|".join(lx.WEEKDAYS) + r")s?\b", re.I)
RELATIVE_DAY_RE = re.compile(r"\b(" + "|".join(lx.RELATIVE_DAY_WORDS) + r")\b", re.I)
MONTH_DAY_RE = re.compile(
    rf"\b(?:({lx.MONTH_PATTERN})\.?\s+(\d{{1,2}})(?!\d)|(\d{{1,2}})\s+({lx.MONTH_PATTERN})\b)"
    rf"(?:,?\s+(\d{{4}}))?",
    re.I,
)
# Cumulative windows make a toll a different quantity from a one-day toll.
WINDOW_RE = re.compile(
    r"\b(since (?:the )?(?:start|beginning|outbreak)\b[^,.;]*|since\s+[^,.;]{2,60}?(?=\s+(?:according|the|a|as|and|in)\b|[,.;]|$)"
    r"|(?:in|over|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?)"
    r"|so far this (?:year|month|week)|throughout the (?:war|conflict)"
    r"|(?:war|conflict) (?:started|began|erupted|broke out))",
    re.I,
)


def find_times(text: str, published: dt.date | None) -> list[TimeExpression]:
    """Weekdays, relative days and calendar dates, resolved against `published`."""
    found: list[tuple[int, TimeExpression]] = []
    for match in WEEKDAY_RE.finditer(text):
        if REPORTING_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        day = lx.WEEKDAYS.index(match.group(1).lower())
        found.append(
            (match.start(), TimeExpression(text=match.group(0), date=_last_weekday(published, day)))
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
    return [expression for _, expression in sorted(found, key=lambda item: item[0])]


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
