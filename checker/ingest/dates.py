"""Publication dates as news metadata writes them; one reader so every input format agrees."""

from __future__ import annotations

import datetime as dt
import re

# Dates outside this range are typos (or epoch seconds), not publication dates.
MIN_YEAR, MAX_YEAR = 1900, 2100

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:$|\s)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
# Fixed default so a partial date never borrows today's day or month.
_DATEUTIL_DEFAULT = dt.datetime(2000, 1, 1)


def parse_date(value: str) -> dt.date | None:
    """Read a publication date in common formats; None when it cannot be read for sure.

    ISO (2018-09-10, with or without time), M/D/YYYY as FA-KES writes it (D/M/YYYY when
    the first number exceeds 12), D.M.YYYY and D-M-YYYY, "28 Jan 2020", "January 28, 2020"
    and RFC 2822. A date must name its year; the result never depends on today's date.
    """
    value = value.strip()
    try:
        if match := _ISO_DATE.match(value):
            year, month, day = (int(group) for group in match.groups())
            return checked_date(year, month, day)
        if match := _NUMERIC_DATE.match(value):
            first, separator, second, year_text = match.groups()
            if separator == "/" and int(first) <= 12:
                month, day = int(first), int(second)
            else:
                day, month = int(first), int(second)
            return checked_date(int(year_text), month, day)
    except ValueError:
        return None
    if not _YEAR.search(value):
        return None
    from dateutil import parser as date_parser  # only for the less regular formats

    try:
        parsed = date_parser.parse(value, default=_DATEUTIL_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return checked_date(parsed.year, parsed.month, parsed.day)


def checked_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist or its year is out of range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
