"""How an incident reads in reasons and report headings: what, how, where and when."""

from __future__ import annotations

from checker.incidents.models import Incident
from checker.models import ReportIncident


def place_name(incident: Incident | ReportIncident) -> str | None:
    """The incident's place as a reader wants it: "Manbij (Aleppo)", "Idlib", or None."""
    place = incident.place
    if place is None:
        return None
    return place.name if place.level == "governorate" else f"{place.name} ({place.governorate})"


def describe(incident: Incident | ReportIncident) -> str:
    """A short description for reasons: "attack by air in Manbij, 2016-07-18..2016-07-19"."""
    return f"{incident.event}{how_phrase(incident)}{where_phrase(incident)}{when_phrase(incident)}"


def how_phrase(incident: Incident | ReportIncident) -> str:
    return f" by {'/'.join(incident.means)}" if incident.means else ""


def where_phrase(incident: Incident | ReportIncident) -> str:
    return f" in {place_name(incident)}" if incident.place else ", place unknown"


def when_phrase(incident: Incident | ReportIncident) -> str:
    if incident.first_day is None or incident.last_day is None:
        return ", undated"
    if incident.first_day == incident.last_day:
        return f", {incident.first_day}"
    return f", {incident.first_day}..{incident.last_day}"
