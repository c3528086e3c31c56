"""`checker review …`: thin Typer commands over `checker.review`, the editors' queue."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.cli._common import IndexOption, run

review_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Editor review queue: persistent verdicts on findings, kept in INDEX/review.sqlite.",
)

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


def _finding_line(finding) -> str:
    pair = finding.pair
    verdict = finding.status + (f" ({finding.reason})" if finding.reason else "")
    flags = " [changed]" if finding.changed else ""
    flags += "" if finding.present else " [gone]"
    return (
        f"{finding.id:>4}  {finding.kind:<13} {verdict:<28} {pair.a.outlet} vs {pair.b.outlet}: "
        f"{pair.reason}{flags}"
    )


@review_app.command("sync")
def sync_command(index: IndexOption, reviewer: ReviewerOption = None) -> None:
    """Bring the index's current findings into the queue; known ones keep their verdict."""
    from checker.review import sync

    summary = run(lambda: sync(index_path=index, reviewer=reviewer))
    typer.echo(
        f"{summary.added} added, {summary.unchanged} unchanged, {summary.reopened} re-opened "
        f"(sentences changed), {summary.changed} changed, {summary.gone} gone; "
        + (
            f"{summary.repeats} repeated pairs folded into their finding; "
            if summary.repeats
            else ""
        )
        + f"{summary.total} findings in {index / 'review.sqlite'}"
    )


@review_app.command("list")
def list_command(
    index: IndexOption,
    status: Annotated[StatusFilter | None, typer.Option(help="Only this status")] = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind, e.g. conflict")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only findings involving this outlet")] = None,
    include_gone: Annotated[
        bool, typer.Option("--all", help="Also findings the last sync no longer found")
    ] = False,
) -> None:
    """List findings: id, kind, verdict, outlets, reason."""
    from checker.review import list_findings

    findings = run(
        lambda: list_findings(
            index_path=index,
            status=status.value if status else None,
            kind=kind,
            outlet=outlet,
            include_gone=include_gone,
        )
    )
    for finding in findings:
        typer.echo(_finding_line(finding))
    typer.echo(f"{len(findings)} findings", err=True)


@review_app.command("show")
def show_command(index: IndexOption, finding: FindingArgument) -> None:
    """One finding: both sentences, the verdict and its whole history."""
    from checker.review import show

    detail = run(lambda: show(index_path=index, finding=finding))
    current, pair = detail.finding, detail.finding.pair
    lines = [
        _finding_line(current),
        f"fingerprint {current.fingerprint}  similarity {current.similarity:.3f}  "
        f"score {current.score:.2f}",
    ]
    for label, side in (("A", pair.a), ("B", pair.b)):
        lines.append(f"{label} {side.outlet} · {side.date or 'undated'} · doc {side.doc_id}")
        lines.append(f"  {side.text}")
    if current.changed:
        lines.append(f"changed: {current.changed}")
    if current.note:
        lines.append(f"note: {current.note}")
    lines.append("history:")
    for event in detail.events:
        extra = " ".join(
            part
            for part in (event.reason or "", event.note and f"“{event.note}”", event.detail)
            if part
        )
        lines.append(f"  {event.at}  {event.reviewer}  {event.action}  {extra}".rstrip())
    typer.echo("\n".join(lines))


def _decide(verb: Callable[..., object], **arguments: object) -> None:
    """Run one review verb (confirm, dismiss, reopen) and print the finding it leaves."""
    result = run(lambda: verb(**arguments))
    typer.echo(_finding_line(result))


@review_app.command("confirm")
def confirm_command(
    index: IndexOption,
    finding: FindingArgument,
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Confirm a finding: the outlets really disagree."""
    from checker.review import confirm

    _decide(confirm, index_path=index, finding=finding, reviewer=reviewer, note=note)


@review_app.command("dismiss")
def dismiss_command(
    index: IndexOption,
    finding: FindingArgument,
    reason: Annotated[DismissReasonChoice, typer.Option("--reason", help="Why it is dismissed")],
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Dismiss a finding; later reports and checks suppress it and count it."""
    from checker.review import dismiss

    _decide(
        dismiss,
        index_path=index,
        finding=finding,
        reason=reason.value,
        reviewer=reviewer,
        note=note,
    )


@review_app.command("reopen")
def reopen_command(
    index: IndexOption,
    finding: FindingArgument,
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Put a decided finding back into the open queue."""
    from checker.review import reopen

    _decide(reopen, index_path=index, finding=finding, reviewer=reviewer, note=note)


@review_app.command("export")
def export_command(
    index: IndexOption,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here")] = None,
) -> None:
    """Export every finding with its verdict (csv) or with its history too (json)."""
    from checker.review import export

    text = run(lambda: export(index_path=index, format=format.value))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@review_app.command("stats")
def stats_command(index: IndexOption) -> None:
    """Precision per kind and outlet pair from the verdicts, and the thresholds they support."""
    from checker.review import stats

    result = run(lambda: stats(index_path=index))
    lines = []
    for title, rows in (("kind", result.by_kind), ("outlet pair", result.by_outlet_pair)):
        lines.append(f"precision by {title} (confirmed / decided):")
        for row in rows:
            precision = "n/a" if row.precision is None else f"{row.precision:.0%}"
            lines.append(
                f"  {row.key:<40} {precision:>5}  ({row.confirmed} confirmed, "
                f"{row.dismissed} dismissed, {row.open} open)"
            )
    lines.append("thresholds:")
    lines += [f"  {item.name}: {item.explanation}" for item in result.suggestions]
    typer.echo("\n".join(lines))
