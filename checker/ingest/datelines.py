"""The date an article prints for itself: its dateline ("Sunday 3 Jul 2016", "Published October
26 2016", "Date of publication 1 September 2016", "03.10.2017", "Last updated at Apr 052017").

News metadata is often wrong (FA-KES rows carry dates days to years away from the dateline in
their own text; annotated/GUIDELINES.md §2), so an article's own dateline wins over metadata.
Only the opening of the text is searched, and a date that follows a preposition ("on September 7,
2018" in a photo caption) is an event's date, not the article's, unless a publication cue
("Posted on") says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import checker.lexicon as lx
from checker.ingest.dates import checked_date

# Datelines sit at the top: before the headline, or right after it (FA-KES SANA and Ahram rows
# put the headline first, about 60-120 characters).
DATELINE_SEARCH_CHARS = 300
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})(?!\d)"
_START = r"(?<![\w.:/+-])"
_DATE_FORMS = (
    ("day_month", re.compile(rf"{_START}{_DAY}\s+({lx.MONTH_PATTERN})\.?,?\s+{_YEAR}", re.I)),
    ("month_day", re.compile(rf"{_START}({lx.MONTH_PATTERN})\.?\s+{_DAY},?\s+{_YEAR}", re.I)),
    # Jordan Times glues day and year: "Last updated at Apr 052017".
    (
        "month_dayyear",
        re.compile(rf"{_START}({lx.MONTH_PATTERN})\.?\s+(\d{{2}})(\d{{4}})(?!\d)", re.I),
    ),
    # Sputnik and Al-Manar write day first: "03.10.2017", "23-04-2016".
    ("numeric", re.compile(rf"{_START}(\d{{1,2}})[.-](\d{{1,2}})[.-]{_YEAR}")),
    ("iso", re.compile(rf"{_START}(\d{{4}})-(\d{{2}})-(\d{{2}})(?!\d)")),
)
PUBLICATION_CUE = re.compile(
    r"(?:published|posted|date\s+of\s+publication|updated|last\s+updated)(?:\s+(?:on|at))?\s*:?\s*$",
    re.I,
)
# A date right after one of these words is the date of something the article tells.
EVENT_PREPOSITIONS = frozenset(
    {"on", "since", "in", "of", "from", "until", "till", "before", "after", "by", "to", "between"}
)


class Dateline(NamedTuple):
    """The publication date an article's text gives, and the words it was read from."""

    date: dt.date
    text: str
    start: int


def find_dateline(text: str) -> Dateline | None:
    """The first publication date in the opening of `text`, or None when it prints none."""
    opening = text[:DATELINE_SEARCH_CHARS]
    found = sorted(
        (match.start(), form, match)
        for form, pattern in _DATE_FORMS
        for match in pattern.finditer(opening)
    )
    for start, form, match in found:
        before = opening[:start]
        if _after_event_preposition(before) and not PUBLICATION_CUE.search(before):
            continue
        date = _date_of(form, match.groups())
        if date is not None:
            return Dateline(date=date, text=match.group(0), start=start)
    return None


def _after_event_preposition(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower().strip(",") in EVENT_PREPOSITIONS


def _date_of(form: str, groups: tuple[str, ...]) -> dt.date | None:
    if form == "day_month":
        day, month, year = groups
        return checked_date(int(year), lx.MONTH_NUMBERS[month.lower()], int(day))
    if form in ("month_day", "month_dayyear"):
        month, day, year = groups
        return checked_date(int(year), lx.MONTH_NUMBERS[month.lower()], int(day))
    if form == "numeric":
        day, month, year = groups
        return checked_date(int(year), int(month), int(day))
    year, month, day = groups
    return checked_date(int(year), int(month), int(day))
