"""Verdicts on the queue: confirm, dismiss, reopen and note one finding; confirm or dismiss
many at once (by ids, or by a `Selection`); and `undo`, in undo.py.

Every verdict appends an event to the history and carries a batch id: a verdict given to
several findings at once is one batch, which is what `undo` takes back. The latest verdict
wins.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from checker.errors import UsageError
from checker.review.models import DISMISS_REASONS, BulkResult, Finding, Selection
from checker.review.select import QUEUE_ORDER, where
from checker.review.store import (
    add_event,
    connect,
    default_reviewer,
    find_row,
    new_batch,
    now,
    row_to_finding,
    transaction,
)


def confirm(
    *, index_path: str | Path, finding: str | int, reviewer: str | None = None, note: str = ""
) -> Finding:
    """Mark a finding as a real discrepancy."""
    result = _decide(index_path, [finding], None, "confirmed", None, reviewer=reviewer, note=note)
    return result.findings[0]


def dismiss(
    *,
    index_path: str | Path,
    finding: str | int,
    reason: str,
    reviewer: str | None = None,
    note: str = "",
) -> Finding:
    """Mark a finding as not worth an editor's time; later reports suppress it."""
    _check_reason(reason)
    result = _decide(index_path, [finding], None, "dismissed", reason, reviewer=reviewer, note=note)
    return result.findings[0]


def reopen(
    *, index_path: str | Path, finding: str | int, reviewer: str | None = None, note: str = ""
) -> Finding:
    """Put a decided finding back into the open queue."""
    result = _decide(index_path, [finding], None, "open", None, reviewer=reviewer, note=note)
    return result.findings[0]


def confirm_all(
    *,
    index_path: str | Path,
    findings: Sequence[str | int] = (),
    selection: Selection | None = None,
    reviewer: str | None = None,
    note: str = "",
) -> BulkResult:
    """Confirm several findings in one verdict: the given ids (or fingerprints), or every
    finding `selection` takes (it must narrow by more than status)."""
    return _decide(index_path, findings, selection, "confirmed", None, reviewer=reviewer, note=note)


def dismiss_all(
    *,
    index_path: str | Path,
    reason: str,
    findings: Sequence[str | int] = (),
    selection: Selection | None = None,
    reviewer: str | None = None,
    note: str = "",
) -> BulkResult:
    """Dismiss several findings in one verdict, chosen as `confirm_all` chooses them."""
    _check_reason(reason)
    return _decide(
        index_path, findings, selection, "dismissed", reason, reviewer=reviewer, note=note
    )


def _check_reason(reason: str) -> None:
    if reason not in DISMISS_REASONS:
        raise UsageError(
            f"unknown dismiss reason {reason!r}; use one of {', '.join(DISMISS_REASONS)}"
        )


def _decide(
    index_path: str | Path,
    findings: Sequence[str | int],
    selection: Selection | None,
    status: str,
    reason: str | None,
    *,
    reviewer: str | None,
    note: str,
) -> BulkResult:
    """One verdict on the chosen findings, one event each, all in one batch."""
    if not findings and selection is None:
        raise UsageError("nothing to decide: give finding ids or a filter (--kind, --outlet, …)")
    if findings and selection is not None:
        raise UsageError("give finding ids or a filter, not both")
    if selection is not None and not selection.narrowed:
        raise UsageError(
            "a verdict by filter needs --kind, --outlet, --incident or --search, "
            "not only a status; give ids to decide single findings"
        )
    reviewer = reviewer or default_reviewer()
    stamp, batch = now(), new_batch()
    action = status if status != "open" else "reopened"
    with connect(index_path, create=False) as connection:
        with transaction(connection):
            rows = _chosen_rows(connection, findings, selection)
            changed = sum(1 for row in rows if (row["status"], row["reason"]) != (status, reason))
            connection.executemany(
                "UPDATE findings SET status = ?, reason = ?, reviewer = ?, decided_at = ?, "
                "changed = '', note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?",
                [(status, reason, reviewer, stamp, note, note, row["id"]) for row in rows],
            )
            for row in rows:
                add_event(
                    connection,
                    finding_id=row["id"],
                    reviewer=reviewer,
                    action=action,
                    status=status,
                    reason=reason,
                    note=note,
                    at=stamp,
                    batch=batch,
                )
        decided = [row_to_finding(find_row(connection, row["id"])) for row in rows]
    return BulkResult(
        status=status,
        reason=reason,
        batch=batch,
        findings=decided,
        changed=changed,
    )


def _chosen_rows(
    connection: sqlite3.Connection,
    findings: Sequence[str | int],
    selection: Selection | None,
) -> list[sqlite3.Row]:
    """The rows of the given ids (each once, in the order given), or of the selection."""
    if selection is not None:
        clause, values = where(selection)
        return connection.execute(
            f"SELECT * FROM findings {clause} ORDER BY {QUEUE_ORDER}", values
        ).fetchall()
    rows: dict[int, sqlite3.Row] = {}
    for finding in findings:
        row = find_row(connection, finding)
        rows.setdefault(row["id"], row)
    return list(rows.values())


def note(
    *, index_path: str | Path, finding: str | int, text: str, reviewer: str | None = None
) -> Finding:
    """Attach a note without changing the verdict."""
    if not text.strip():
        raise UsageError("empty note; write something with --note")
    reviewer = reviewer or default_reviewer()
    with connect(index_path, create=False) as connection:
        with transaction(connection):
            row = find_row(connection, finding)
            connection.execute("UPDATE findings SET note = ? WHERE id = ?", (text, row["id"]))
            add_event(connection, finding_id=row["id"], reviewer=reviewer, action="note", note=text)
        return row_to_finding(find_row(connection, row["id"]))
