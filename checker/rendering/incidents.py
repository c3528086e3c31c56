"""What every format says about incidents: an incident's one-line heading, its figure table
rows, and the context line of a finding (days apart, place, incident)."""

from __future__ import annotations

from checker.incidents import how_phrase, when_phrase, where_phrase
from checker.models import IncidentFigure, Pair, ReportIncident
from checker.rendering.figures import format_interval

# The report leads with at most this many incidents holding a discrepancy (the JSON has all).
LEAD_INCIDENTS = 25


def lead_incidents(incidents: list[ReportIncident]) -> list[ReportIncident]:
    """The incidents a report leads with: those holding a discrepancy, most severe first."""
    return [incident for incident in incidents if incident.discrepancies][:LEAD_INCIDENTS]


def incident_heading(incident: ReportIncident) -> str:
    """ "attack by air in Manbij (Aleppo), 2016-07-18..2016-07-19 · 4 outlets · 3 discrepancies"."""
    stories = f" in {incident.stories} stories" if incident.stories < len(incident.outlets) else ""
    counts = f"{len(incident.outlets)} outlets{stories} · {incident.discrepancies} discrepancies"
    return f"{incident_summary(incident)} · {counts}"


def incident_summary(incident: ReportIncident) -> str:
    """What, how, where and when: "attack by air in Manbij (Aleppo), 2016-07-18..2016-07-19"."""
    where = where_phrase(incident)
    if incident.place is not None and incident.place_source == "article":
        where += " (from the article's lead)"
    when = when_phrase(incident)
    if incident.dated_by == "publication":
        when += " (by publication dates)"
    return f"{incident.event}{how_phrase(incident)}{where}{when}"


FIGURE_COLUMNS = ("Outlet", "Date", "Figure", "Read as", "Source", "Sentence")


def figure_row(figure: IncidentFigure) -> tuple[str, str, str, str, str, str]:
    """One figure table row as plain text, in FIGURE_COLUMNS order (a copy names its story)."""
    copied = f" (copy of doc {figure.origin})" if figure.origin != figure.doc_id else ""
    return (
        figure.outlet + copied,
        figure.date.isoformat() if figure.date else "undated",
        figure.quantity.text,
        format_interval(figure.quantity),
        figure.source or "—",
        figure.sentence,
    )


def gap_phrase(days_apart: int | None) -> str:
    """How far apart two reports were published: "same day", "3 days apart", "undated"."""
    if days_apart is None:
        return "undated"
    return "same day" if days_apart == 0 else f"{days_apart} days apart"


def finding_context(pair: Pair) -> str:
    """Where and when a finding sits: "3 days apart · Manbij (Aleppo) · incident inc-…"."""
    parts = [gap_phrase(pair.days_apart), pair.place or "place unknown"]
    if pair.incident:
        parts.append(f"incident {pair.incident}")
    return " · ".join(parts)
