"""What the `checker review …` commands share: option types, choices, the one-line finding."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

ReviewerOption = Annotated[
    str | None, typer.Option("--reviewer", help="Who gives the verdict (default: the OS user)")
]
NoteOption = Annotated[str, typer.Option("--note", help="Free-text note kept in the history")]
FindingArgument = Annotated[str, typer.Argument(help="Finding id (from `list`) or fingerprint")]


class StatusFilter(StrEnum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"


class DismissReasonChoice(StrEnum):
    false_alarm = "false-alarm"
    same_event_update = "same-event-update"
    different_events = "different-events"
    already_corrected = "already-corrected"
    other = "other"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


class SortChoice(StrEnum):  # checker.review.QUEUE_SORTS
    queue = "queue"
    score = "score"
    days_apart = "days_apart"
    date = "date"
    incident = "incident"


KindOption = Annotated[str | None, typer.Option(help="Only this kind, e.g. conflict")]
OutletOption = Annotated[str | None, typer.Option(help="Only findings involving this outlet")]
IncidentOption = Annotated[
    str | None,
    typer.Option(help="Only this group: an incident id, or docs:A+B (see `review groups`)"),
]
SearchOption = Annotated[
    str, typer.Option(help="Only findings whose sentences, outlets or place hold these words")
]


def finding_line(finding) -> str:
    """One finding on one line: id, kind, verdict, outlets, reason, flags."""
    pair = finding.pair
    verdict = finding.status + (f" ({finding.reason})" if finding.reason else "")
    flags = " [changed]" if finding.changed else ""
    flags += "" if finding.present else " [gone]"
    return (
        f"{finding.id:>4}  {finding.kind:<13} {verdict:<28} {pair.a.outlet} vs {pair.b.outlet}: "
        f"{pair.reason}{flags}"
    )
