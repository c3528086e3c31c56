"""Build incidents from analysed sentences: each sentence that reports an event (a count of
people killed, hurt, abducted …) joins the first incident whose first report it fits — the same
kind of event, compatible means, the same place (a town, or the governorate holding it) and
days that meet — or opens a new one. Attackers do not separate incidents: outlets blame
different parties for one attack, which is a contradiction to report, not two incidents. Of
several that fit, it joins the one whose days fit best.

An incident's days may widen as reports join, but never past MAX_SPAN (incidents/fitting.py), so a chain of reports a
day apart never grows into one incident spanning weeks. Sentences are taken in day
order (then article id and sentence index), which makes the incidents and their ids
deterministic (reports dated by their own words first: they anchor incidents on their days),
and lets a new article join the incidents already built (`checker check`).
A sentence that names its own place or day (a background sentence: "on Tuesday a strike in
Raqqa killed 18") belongs to that incident, not to its article's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import checker.lexicon as lx
from checker.claims.gazetteer import region
from checker.incidents.fitting import (
    OpenIncident,
    PlacedReport,
    fit,
    one_day,
    states_figure,
    told_alike,
    wide,
)
from checker.incidents.models import Incident
from checker.incidents.when import DatedBy, DayRange, event_days
from checker.incidents.where import LEAD_SENTENCES, lead_places, places_meet, places_of
from checker.models import AnalysedSentence
from checker.store.incident_file import StoredIncident


@dataclass
class Incidents:
    """The incidents of a set of sentences, and which incident each sentence row belongs to."""

    incidents: list[Incident]
    by_row: dict[int, str]
    # each incident's members as an index saves them: (article id, checksum, sentence index)
    member_keys: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {incident.id: incident for incident in self.incidents}

    def of(self, row: int) -> Incident | None:
        """The incident of the sentence at `row`, if it reports one."""
        found = self.by_row.get(row)
        return self._by_id[found] if found is not None else None


def incident_event(sentence: AnalysedSentence) -> str | None:
    """The kind of incident a sentence reports: the event of its counts ('attack' for people
    killed or hurt), 'attack' for an attack it tells without a count (how or a denial where it
    names a place; who struck, even where only its article's lead places it: "A Syrian regime
    warplane struck a marketplace in the opposition-held province"), or None when it reports
    no event or counts over a cumulative window."""
    claim = sentence.claim
    if claim.window:
        return None  # "since April", "in the past week": a running total, not one incident
    events = sorted({incident_kind(q.event) for q in claim.quantities if q.event})
    if not events:
        told = claim.means or claim.perpetrators or claim.denial
        return "attack" if told and (claim.locations or claim.perpetrators) else None
    return "attack" if "attack" in events else events[0]


def tells_who(sentence: AnalysedSentence) -> bool:
    """Whether a sentence without a count of its own says who attacked, who did not, or denies
    an attack ("A Syrian regime warplane struck a marketplace in the opposition-held province",
    "Moscow denied any involvement")."""
    claim = sentence.claim
    counted = any(q.event for q in claim.quantities)
    told = claim.perpetrators or claim.cleared or claim.denial
    return not (claim.window or counted) and bool(told)


def read_by_incidents(sentence: AnalysedSentence) -> bool:
    """Whether building incidents reads this sentence: it reports an event or says who struck,
    or it is one of its article's opening sentences (which place its article). A fresh index
    keeps only these rows at hand for incidents (incidents/staged.py)."""
    return (
        sentence.claim.sentence.index < LEAD_SENTENCES
        or incident_event(sentence) is not None
        or tells_who(sentence)
    )


def incident_kind(event: str) -> str:
    """The kind of incident a counted event belongs to: 'attack' for people killed or hurt,
    strikes and damage; the event itself otherwise ('abducted', 'displaced' …)."""
    return lx.INCIDENT_EVENTS.get(event, event)


def build_incidents(
    sentences: Sequence[AnalysedSentence], existing: Sequence[StoredIncident] | None = None
) -> Incidents:
    """The incidents the sentences report (module docstring), in the order they were opened.

    With `existing` (the incidents saved with an index), those incidents are rebuilt first from
    their members that are still here, keeping their ids, and only the other sentences are
    placed: into one of them or a new incident."""
    lead = lead_places(sentences)
    keyed, claims = {}, []
    for at, sentence in enumerate(sentences):
        own_event = incident_event(sentence)
        event = own_event or ("attack" if tells_who(sentence) else None)
        if event is None:
            continue
        places, source = places_of(sentence, lead)
        report = PlacedReport(at, sentences, event, event_days(sentence), places, source)
        counted = any(q.event for q in sentence.claim.quantities)
        if own_event is not None and (source == "sentence" or counted):
            keyed[sentence.row] = report
        elif source == "article":
            claims.append(report)  # who did it or did not, placed by its article alone
    building = _Building()
    rows = {_member_key(sentence): sentence.row for sentence in sentences} if existing else {}
    for stored in existing or ():
        members = [keyed.pop(row) for key in stored.members if (row := rows.get(key)) in keyed]
        if members:
            replayed = _open(members[0], building)
            replayed.id = stored.id
            for member in members[1:]:
                _join(replayed, member)
    for report in sorted(keyed.values(), key=lambda report: _order(report.sentence, report.days)):
        _place(report, building)
    for report in sorted(claims, key=lambda report: _order(report.sentence, report.days)):
        _attach(report, building)
    finished = [_finished(incident) for incident in building.opened]
    incidents = [incident for incident, _ in finished]
    by_row = {row: incident.id for incident in incidents for row in incident.rows}
    keys = {incident.id: members for incident, members in finished}
    return Incidents(incidents=incidents, by_row=by_row, member_keys=keys)


def stored_incidents(incidents: Incidents) -> list[StoredIncident]:
    """The incidents as an index saves them: ids and member keys (store/incident_file.py)."""
    return [
        StoredIncident(id=incident.id, members=incidents.member_keys[incident.id])
        for incident in incidents.incidents
    ]


def _member_key(sentence: AnalysedSentence) -> tuple[str, str, int]:
    return (sentence.article.id, sentence.article.checksum, sentence.claim.sentence.index)


def _fitting(
    report: PlacedReport, built: _Building
) -> list[tuple[tuple[int, int, int], OpenIncident]]:
    """The incidents of the report's event and region (or article) it fits, with how well."""
    home, keys = _home_and_keys(report)
    return [
        (score, incident)
        for key in keys
        for incident in built.buckets[(report.event, key)]
        if (score := fit(incident, report.sentence, report.days, report.places, home)) is not None
    ]


def _place(report: PlacedReport, built: _Building) -> None:
    """Join the report to the incident it fits best, or open a new one."""
    fitting = _fitting(report, built)
    if wide(report.days):
        # "An earlier attack in July left 270 dead": a background report dated by its month
        # joins the one incident of its month whose reports give its figure (a month holds
        # many attacks; "in January another attack killed 70" is none of January's tolls of 8),
        # and opens none when several do; one that gives no figure, the one that fits.
        fitting = [(score, incident) for score, incident in fitting if not wide(incident.days)]
        if report.sentence.claim.quantities:
            fitting = [
                item for item in fitting if states_figure(item[1], report.sentence, strict=True)
            ] or [item for item in fitting if states_figure(item[1], report.sentence)]
        if len({id(incident) for _, incident in fitting}) != 1:
            fitting = []
    if fitting:
        _join(min(fitting, key=lambda item: item[0])[1], report)
        return
    # Placed only by its article (or not at all): the one incident its claims tell alike.
    alike = [
        incident
        for incident in built.opened
        if incident.event == report.event and told_alike(incident, report)
    ]
    if len(alike) == 1:
        _join(alike[0], report)
    else:
        _open(report, built)


def _attach(report: PlacedReport, built: _Building) -> None:
    """A claim of who attacked or did not that only its article's lead places joins the
    incident it fits best, to be compared with the other outlets' claims; it opens none, and
    leaves the incident's days and place as its counts and own places made them."""
    fitting = _fitting(report, built)
    if fitting:
        min(fitting, key=lambda item: item[0])[1].members.append(report.at)


@dataclass
class _Building:
    """The incidents opened so far, and each (event, region or article) to its incidents."""

    buckets: dict[tuple[str, str], list[OpenIncident]] = field(
        default_factory=lambda: defaultdict(list)
    )
    opened: list[OpenIncident] = field(default_factory=list)


def _home_and_keys(report: PlacedReport) -> tuple[str | None, list[str]]:
    """The article an unplaced or undated report stays in (None when placed and dated), and the
    keys it looks up incidents by: its governorates' regions, or that article."""
    places = report.places
    home = None if places and report.days is not None else report.sentence.article.id
    return home, sorted({region(place) for place in places} if home is None else {home})


def _open(report: PlacedReport, built: _Building) -> OpenIncident:
    """A new incident whose first report is `report`."""
    home, keys = _home_and_keys(report)
    event, days, places = report.event, report.days, report.places
    incident = OpenIncident(
        event, places, places[0] if places else None, report.source, days, set(), home
    )
    incident.sentences = report.sentences
    incident.text_days = days if one_day(days) else None
    for key in keys:
        built.buckets[(event, key)].append(incident)
    built.opened.append(incident)
    _add(incident, report)
    return incident


def _add(incident: OpenIncident, report: PlacedReport) -> None:
    means = report.sentence.claim.means
    incident.means.update(means)
    incident.anchor_means = incident.anchor_means or means
    incident.members.append(report.at)


def _join(incident: OpenIncident, report: PlacedReport) -> None:
    """Add a report to the incident: its span widens, its place narrows from a governorate to
    the town a report names."""
    _add(incident, report)
    days, places = report.days, report.places
    if wide(days) and incident.days is not None and not wide(incident.days):
        days = None  # a month's background report keeps the incident's own days
    if incident.text_days is None and one_day(days):
        incident.text_days = days
    if days is not None and incident.days is not None:
        dated_by: DatedBy = (
            "text" if "text" in (days.dated_by, incident.days.dated_by) else "publication"
        )
        incident.days = DayRange(
            min(days.first, incident.days.first), max(days.last, incident.days.last), dated_by
        )
    shared = places_meet(places, incident.places)
    narrower = incident.place is not None and incident.place.level != "town"
    if shared is not None and shared.level == "town" and narrower:
        incident.place, incident.places, incident.place_source = shared, [shared], report.source


def _order(sentence: AnalysedSentence, days: DayRange | None) -> tuple:
    """Reports whose words date their event to one day first (they anchor incidents on their
    day), then the others; each in day order."""
    first = days.first if days is not None else dt.date.max
    return (
        not one_day(days),
        wide(days),  # month-dated background reports last: they join what the others built
        first,
        sentence.article.id,
        sentence.claim.sentence.index,
    )


def _finished(incident: OpenIncident) -> tuple[Incident, list[tuple[str, str, int]]]:
    """The incident built, and its members' keys (stored_incidents)."""
    members = list(incident.reports())
    first = members[0]
    days = incident.days
    key = "\x1f".join(
        [
            incident.event,
            incident.place.name if incident.place else "",
            str(days.first) if days else "",
            first.article.id,
            str(first.claim.sentence.index),
        ]
    )
    finished = Incident(
        id=incident.id or "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10],
        event=incident.event,
        means=sorted(incident.means),
        place=incident.place,
        place_source=incident.place_source if incident.place else "none",
        first_day=days.first if days else None,
        last_day=days.last if days else None,
        dated_by=days.dated_by if days else "none",
        rows=[sentence.row for sentence in members],
        outlets=sorted({sentence.article.outlet for sentence in members}),
    )
    return finished, [_member_key(sentence) for sentence in members]
