"""When a sentence's event happened, as a range of days: the dates its own words give
("on Tuesday", "June 5"; or a month or year, "in August 2013"), else the news cycle of the
statement it relays ("said on Wednesday": that day or the day before), else the news cycle of
its report (the publication day or the day before), else unknown."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

import checker.lexicon as lx
from checker.models import AnalysedSentence

DatedBy = Literal["text", "publication", "none"]
# An undated sentence tells the news of its day or of the day before.
NEWS_CYCLE = dt.timedelta(days=1)


class DayRange(NamedTuple):
    first: dt.date
    last: dt.date
    dated_by: DatedBy


def event_days(sentence: AnalysedSentence) -> DayRange | None:
    """The days the sentence's event may have happened on, or None when nothing dates it."""
    claim, published = sentence.claim, sentence.article.date
    days = [
        t
        for t in claim.times
        if t.date is not None and t.until is None and t.text.lower() not in lx.RELATIVE_DAY_WORDS
    ]
    own = sorted(t.date for t in days if t.date is not None and not t.said)
    if own:
        return DayRange(own[0], own[-1], "text")
    ranges = [t for t in claim.times if t.date is not None and t.until is not None]
    if ranges:  # "in August 2013": a background sentence, dated to a month or a year
        return DayRange(
            min(t.date for t in ranges if t.date), max(t.until for t in ranges if t.until), "text"
        )
    said = sorted(t.date for t in days if t.date is not None and t.said)
    if said:  # "said on Wednesday": the news cycle of the statement, not of the publication
        return DayRange(said[0] - NEWS_CYCLE, said[-1], "text")
    if published is None:
        return None
    return DayRange(published - NEWS_CYCLE, published, "publication")


def days_meet(a: DayRange, b: DayRange, *, slack: dt.timedelta) -> bool:
    """Whether two ranges overlap once each is widened by `slack` (overnight strikes, time
    zones and late reports blur the day)."""
    return a.first <= b.last + slack and b.first <= a.last + slack
