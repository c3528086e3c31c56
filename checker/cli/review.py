"""`checker review …`: thin Typer commands over `checker.review`, the editors' queue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from checker.cli._common import IndexOption, progress_for, run
from checker.cli.review_options import (
    ExportFormat,
    FindingArgument,
    IncidentOption,
    KindOption,
    OutletOption,
    ReviewerOption,
    SearchOption,
    SortChoice,
    StatusFilter,
    finding_line,
)
from checker.cli.review_verdicts import (
    confirm_command,
    dismiss_command,
    reopen_command,
    undo_command,
)

review_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Editor review queue: persistent verdicts on findings, kept in INDEX/review.sqlite.",
)


@review_app.command("sync")
def sync_command(index: IndexOption, reviewer: ReviewerOption = None) -> None:
    """Bring the index's current findings into the queue; known ones keep their verdict."""
    from checker.review import sync

    with progress_for(False) as progress:
        summary = run(lambda: sync(index_path=index, reviewer=reviewer, progress=progress))
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
    kind: KindOption = None,
    outlet: OutletOption = None,
    incident: IncidentOption = None,
    search: SearchOption = "",
    sort: Annotated[SortChoice, typer.Option(help="Order of the list")] = SortChoice.queue,
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
            incident=incident,
            search=search,
            sort=sort.value,
            include_gone=include_gone,
        )
    )
    for finding in findings:
        typer.echo(finding_line(finding))
    typer.echo(f"{len(findings)} findings", err=True)


@review_app.command("show")
def show_command(index: IndexOption, finding: FindingArgument) -> None:
    """One finding: both sentences, the verdict and its whole history."""
    from checker.review import show

    detail = run(lambda: show(index_path=index, finding=finding))
    current, pair = detail.finding, detail.finding.pair
    lines = [
        finding_line(current),
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


@review_app.command("groups")
def groups_command(
    index: IndexOption,
    status: Annotated[StatusFilter | None, typer.Option(help="Only this status")] = None,
    kind: KindOption = None,
    outlet: OutletOption = None,
    search: SearchOption = "",
) -> None:
    """Findings grouped by incident (else by their two articles), largest first, with counts."""
    from checker.review import groups, selection_of

    selection = run(
        lambda: selection_of(
            status=status.value if status else None, kind=kind, outlet=outlet, search=search
        )
    )
    found = run(lambda: groups(index_path=index, selection=selection))
    for group in found:
        statuses = ", ".join(f"{count} {name}" for name, count in group.by_status.items() if count)
        kinds = ", ".join(f"{count} {name}" for name, count in sorted(group.by_kind.items()))
        typer.echo(f"{group.key}  {group.total:>4}  ({statuses}; {kinds})  {group.label}")
    typer.echo(f"{len(found)} groups", err=True)


review_app.command("confirm")(confirm_command)
review_app.command("dismiss")(dismiss_command)
review_app.command("reopen")(reopen_command)
review_app.command("undo")(undo_command)


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
