"""Whether a report fits an incident being built, and how well: the same kind of event,
compatible means, places that meet (a town, or the governorate holding it) and days that
meet without the incident growing past MAX_SPAN (incidents/build.py places the reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from checker.claims.means import means_compatible
from checker.incidents.when import DayRange, days_meet
from checker.incidents.where import PlaceSource, places_meet
from checker.models import AnalysedSentence, Location
from checker.quantities import same_stated_figure

# Days the words of two reports give must meet exactly (Monday's raid and Tuesday's are two
# incidents, GUIDELINES step 1); an undated report already spans its news cycle (two days).
DAY_SLACK = dt.timedelta(days=0)
# The most days one incident's reports may span (a strike, its toll revised over two days).
MAX_SPAN = dt.timedelta(days=3)


@dataclass
class OpenIncident:
    """An incident being built: its first report's key, and its members so far."""

    event: str
    places: list[Location]
    place: Location | None
    place_source: PlaceSource
    days: DayRange | None
    means: set[str]  # every means its reports name (shown)
    home: str | None  # the article of an unplaced or undated incident: it joins nothing else
    text_days: DayRange | None = None  # the day its reports' own words give, if any
    # the first report's means: the ones a joining report's must be compatible with
    anchor_means: list[str] = field(default_factory=list)
    # where its reports are in `sentences` (the sentences the incidents are built from, which
    # a fresh index reads back from disk on demand: incidents hold positions, not sentences)
    members: list[int] = field(default_factory=list)
    sentences: Sequence[AnalysedSentence] = ()
    id: str | None = None  # kept from a saved index: an incident's id never changes

    def reports(self) -> Iterator[AnalysedSentence]:
        """Its reports, in the order they joined."""
        return (self.sentences[at] for at in self.members)


class PlacedReport(NamedTuple):
    """A sentence that reports an event (the one at `at` in `sentences`), with what places it:
    when, where, and whence the place."""

    at: int
    sentences: Sequence[AnalysedSentence]
    event: str
    days: DayRange | None
    places: list[Location]
    source: PlaceSource

    @property
    def sentence(self) -> AnalysedSentence:
        return self.sentences[self.at]


def states_figure(
    incident: OpenIncident, sentence: AnalysedSentence, *, strict: bool = False
) -> bool:
    """Whether a report of the incident gives one of the sentence's figures for the same event
    ("270 soldiers were killed", "left 270 people dead"); `strict`: of the same counted thing."""
    return any(_gives_figure(member, sentence, strict=strict) for member in incident.reports())


def _gives_figure(member: AnalysedSentence, sentence: AnalysedSentence, *, strict: bool) -> bool:
    """Whether `member` gives one of the sentence's figures for the same event (states_figure)."""
    return any(
        mine.event == theirs.event
        and (
            same_stated_figure(mine, theirs)
            if strict
            else mine.value is not None and mine.value == theirs.value
        )
        for theirs in member.claim.quantities
        for mine in sentence.claim.quantities
    )


def wide(days: DayRange | None) -> bool:
    """Days its words give that span more than one incident may: a month, a year."""
    return days is not None and days.last - days.first > MAX_SPAN


def one_day(days: DayRange | None) -> bool:
    """Whether a report's own words date its event to one day (a sentence naming two days,
    "Tuesday's casualties came after Monday's", anchors neither)."""
    return days is not None and days.dated_by == "text" and days.first == days.last


def fit(
    incident: OpenIncident,
    sentence: AnalysedSentence,
    days: DayRange | None,
    places: list[Location],
    home: str | None,
) -> tuple[int, int, int] | None:
    """How well a report fits an incident (lower is better: days outside its span, distance
    to the day its reports name, the span it would grow to), or None when it does not fit."""
    if home is not None or incident.home is not None:
        return (0, 0, 0) if home == incident.home else None
    assert days is not None and incident.days is not None
    if not days_meet(days, incident.days, slack=DAY_SLACK):
        return None
    # A month's background report fits an incident it contains and keeps the incident's days.
    contained = wide(days) and not wide(incident.days)
    told = None if contained else incident.text_days
    if contained:
        if not (days.first <= incident.days.first and incident.days.last <= days.last):
            return None
        span = incident.days.last - incident.days.first
    else:
        if (
            days.dated_by == "text"
            and told is not None
            and not days_meet(days, told, slack=DAY_SLACK)
        ):
            return None  # its words date it to another day than the incident's reports do
        span = max(days.last, incident.days.last) - min(days.first, incident.days.first)
        if span > MAX_SPAN:
            return None
    if places_meet(places, incident.places) is None:
        return None
    if not means_compatible(incident.anchor_means, sentence.claim.means):
        return None
    outside = max(0, (incident.days.first - days.last).days, (days.first - incident.days.last).days)
    # An undated report tells the news of its day more often than of the day before.
    nearest = abs((days.last - told.last).days) if told is not None else MAX_SPAN.days + 1
    return (outside, nearest, span.days)


def told_alike(incident: OpenIncident, report: PlacedReport) -> bool:
    """Whether a report that names no place of its own ("over 60 regime fighters were killed
    by the US-led airstrikes on Saturday", its article leading with another town) tells the
    incident all the same: its words date it to the day the incident's reports give, its means
    are compatible, and one report of the incident gives its figure for the same event and
    blames the same attacker. Its article's lead place is then not where it happened."""
    claim = report.sentence.claim
    if report.source == "sentence" or incident.home is not None or not claim.perpetrators:
        return False
    if incident.text_days is None or not one_day(report.days):
        return False
    assert report.days is not None
    if not days_meet(report.days, incident.text_days, slack=DAY_SLACK):
        return False
    if not means_compatible(incident.anchor_means, claim.means):
        return False
    return any(
        set(claim.perpetrators) & set(member.claim.perpetrators)
        and _gives_figure(member, report.sentence, strict=False)
        for member in incident.reports()
    )
