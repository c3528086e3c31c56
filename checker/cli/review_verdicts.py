"""`checker review confirm|dismiss|reopen|undo`: verdicts from the command line, thin over
`checker.review` (`confirm_all`, `dismiss_all`, `reopen`, `undo`)."""

from __future__ import annotations

from typing import Annotated

import typer

from checker.cli._common import IndexOption, run
from checker.cli.review_options import (
    DismissReasonChoice,
    FindingArgument,
    IncidentOption,
    KindOption,
    NoteOption,
    OutletOption,
    ReviewerOption,
    SearchOption,
    StatusFilter,
    finding_line,
)

FindingsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Finding ids (from `list`) or fingerprints; none: every finding the filters take"
    ),
]
BulkStatusOption = Annotated[
    StatusFilter, typer.Option(help="With filters: only findings of this status")
]


def _chosen(findings, *, status, kind, outlet, incident, search):
    """The ids given, or else the filters as a Selection: what confirm_all takes."""
    from checker.review import selection_of

    if findings:
        return list(findings), None
    selection = run(
        lambda: selection_of(
            status=status.value, kind=kind, outlet=outlet, incident=incident, search=search
        )
    )
    return [], selection


def _report(result, index) -> None:
    for finding in result.findings:
        typer.echo(finding_line(finding))
    verdict = result.status + (f" ({result.reason})" if result.reason else "")
    if not result.findings:
        typer.echo("no finding matched; nothing changed")
        return
    typer.echo(
        f"{result.changed} of {len(result.findings)} findings changed to {verdict}; "
        f"`checker review undo --index {index}` takes this back"
    )


def confirm_command(
    index: IndexOption,
    findings: FindingsArgument = None,
    status: BulkStatusOption = StatusFilter.open,
    kind: KindOption = None,
    outlet: OutletOption = None,
    incident: IncidentOption = None,
    search: SearchOption = "",
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Confirm findings (the ids given, or all the filters take): the outlets really disagree."""
    from checker.review import confirm_all

    ids, selection = _chosen(
        findings, status=status, kind=kind, outlet=outlet, incident=incident, search=search
    )
    result = run(
        lambda: confirm_all(
            index_path=index, findings=ids, selection=selection, reviewer=reviewer, note=note
        )
    )
    _report(result, index)


def dismiss_command(
    index: IndexOption,
    reason: Annotated[DismissReasonChoice, typer.Option("--reason", help="Why it is dismissed")],
    findings: FindingsArgument = None,
    status: BulkStatusOption = StatusFilter.open,
    kind: KindOption = None,
    outlet: OutletOption = None,
    incident: IncidentOption = None,
    search: SearchOption = "",
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Dismiss findings (the ids given, or all the filters take); reports suppress them."""
    from checker.review import dismiss_all

    ids, selection = _chosen(
        findings, status=status, kind=kind, outlet=outlet, incident=incident, search=search
    )
    result = run(
        lambda: dismiss_all(
            index_path=index,
            reason=reason.value,
            findings=ids,
            selection=selection,
            reviewer=reviewer,
            note=note,
        )
    )
    _report(result, index)


def reopen_command(
    index: IndexOption,
    finding: FindingArgument,
    note: NoteOption = "",
    reviewer: ReviewerOption = None,
) -> None:
    """Put a decided finding back into the open queue."""
    from checker.review import reopen

    result = run(lambda: reopen(index_path=index, finding=finding, reviewer=reviewer, note=note))
    typer.echo(finding_line(result))


def undo_command(index: IndexOption, reviewer: ReviewerOption = None) -> None:
    """Take back your last verdict (all findings of a bulk one); the history keeps both."""
    from checker.review import undo

    result = run(lambda: undo(index_path=index, reviewer=reviewer))
    for finding in result.restored:
        typer.echo(finding_line(finding))
    typer.echo(f"undid “{result.action}” on {len(result.restored)} findings")
    if result.skipped:
        ids = ", ".join(str(finding) for finding in result.skipped)
        typer.echo(f"left as they are (decided again since): {ids}")
