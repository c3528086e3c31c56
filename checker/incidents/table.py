"""The incidents a report shows: each incident reported by two outlets or more, with its figure
table (who gives which figure, from whom) and its findings, discrepancies first."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from checker.incidents.build import Incidents, incident_kind
from checker.incidents.models import Incident
from checker.models import (
    DISCREPANCY_KINDS,
    AnalysedSentence,
    IncidentFigure,
    Pair,
    ReportIncident,
)


def report_incidents(
    incidents: Incidents,
    by_row: Mapping[int, AnalysedSentence],
    pairs: Sequence[Pair],
    *,
    origins: Mapping[str, str],
    focus: Collection[str] | None = None,
) -> list[ReportIncident]:
    """The incidents two outlets or more report (with `focus`, those touching its articles),
    ordered: most discrepancies' severity first, then by day and id. `origins` maps each
    article to the story it copies (incidents/origins.py)."""
    findings: dict[str, list[Pair]] = {}
    for pair in pairs:
        if pair.incident is not None:
            findings.setdefault(pair.incident, []).append(pair)
    shown = []
    for incident in incidents.incidents:
        members = [by_row[row] for row in incident.rows if row in by_row]
        if len({member.article.outlet for member in members}) < 2:
            continue
        if focus is not None and not any(member.article.id in focus for member in members):
            continue
        shown.append(_shown(incident, members, findings.get(incident.id, []), origins))
    return sorted(shown, key=_reading_order)


def _shown(
    incident: Incident,
    members: list[AnalysedSentence],
    pairs: list[Pair],
    origins: Mapping[str, str],
) -> ReportIncident:
    discrepancies = [pair for pair in pairs if pair.kind in DISCREPANCY_KINDS]
    return ReportIncident(
        id=incident.id,
        event=incident.event,
        means=incident.means,
        place=incident.place,
        place_source=incident.place_source,
        first_day=incident.first_day,
        last_day=incident.last_day,
        dated_by=incident.dated_by,
        outlets=incident.outlets,
        stories=len({origins.get(m.article.id, m.article.id) for m in members}),
        figures=[
            figure
            for member in members
            for figure in figures_of(member, incident.event, origins.get(member.article.id))
        ],
        findings=sorted(pair.fingerprint for pair in pairs),
        discrepancies=len(discrepancies),
        severity=max((pair.score for pair in discrepancies), default=0.0),
    )


def figures_of(
    sentence: AnalysedSentence, event: str, origin: str | None = None
) -> list[IncidentFigure]:
    """The figures a sentence gives for an incident of kind `event`, with whom it cites and
    the story it copies (`origin`, by default its own article)."""
    claim, article = sentence.claim, sentence.article
    source = claim.speaker or ("unnamed" if claim.attributed else None)
    return [
        IncidentFigure(
            outlet=article.outlet,
            doc_id=article.id,
            date=article.date,
            quantity=quantity,
            sentence=claim.sentence.text,
            start=claim.sentence.start,
            end=claim.sentence.end,
            source=source,
            origin=origin or article.id,
        )
        for quantity in claim.quantities
        if quantity.event and incident_kind(quantity.event) == event
    ]


def _reading_order(incident: ReportIncident) -> tuple:
    first = incident.first_day.isoformat() if incident.first_day else "9999"
    return (incident.discrepancies == 0, -incident.severity, first, incident.id)
