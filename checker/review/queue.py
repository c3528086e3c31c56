"""The review queue's verbs, the library behind `checker review …` and `checker serve`:
list, show, confirm, dismiss, reopen, note and export (sync.py brings findings in).

`confirm`, `dismiss` and `note` append to the history; the latest verdict wins.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from checker.errors import UsageError
from checker.models import KIND_ORDER
from checker.review.models import DISMISS_REASONS, STATUSES, Finding, FindingDetail
from checker.review.store import (
    add_event,
    connect,
    default_reviewer,
    find_row,
    now,
    row_to_event,
    row_to_finding,
    transaction,
)


def list_findings(
    *,
    index_path: str | Path,
    status: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    include_gone: bool = False,
) -> list[Finding]:
    """Findings in queue order (kind, then score), filtered; gone ones only when asked."""
    if status is not None and status not in STATUSES:
        raise UsageError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    clauses, values = [], []
    if status:
        clauses.append("status = ?")
        values.append(status)
    if kind:
        clauses.append("kind = ?")
        values.append(kind)
    if outlet:
        clauses.append("(a_outlet = ? OR b_outlet = ?)")
        values += [outlet, outlet]
    if not include_gone:
        clauses.append("present = 1")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    with connect(index_path, create=False) as connection:
        rows = connection.execute(f"SELECT * FROM findings {where}", values).fetchall()
    findings = [row_to_finding(row) for row in rows]
    order: dict[str, int] = {kind: number for number, kind in enumerate(KIND_ORDER)}
    findings.sort(key=lambda finding: (order.get(finding.kind, 99), -finding.score, finding.id))
    return findings


def show(*, index_path: str | Path, finding: str | int) -> FindingDetail:
    """One finding (by id or fingerprint) with its whole history."""
    with connect(index_path, create=False) as connection:
        row = find_row(connection, finding)
        events = connection.execute(
            "SELECT * FROM events WHERE finding_id = ? ORDER BY id", (row["id"],)
        ).fetchall()
    return FindingDetail(finding=row_to_finding(row), events=[row_to_event(e) for e in events])


def confirm(
    *, index_path: str | Path, finding: str | int, reviewer: str | None = None, note: str = ""
) -> Finding:
    """Mark a finding as a real discrepancy."""
    return _decide(
        index_path, finding, status="confirmed", reason=None, reviewer=reviewer, note=note
    )


def dismiss(
    *,
    index_path: str | Path,
    finding: str | int,
    reason: str,
    reviewer: str | None = None,
    note: str = "",
) -> Finding:
    """Mark a finding as not worth an editor's time; later reports suppress it."""
    if reason not in DISMISS_REASONS:
        raise UsageError(
            f"unknown dismiss reason {reason!r}; use one of {', '.join(DISMISS_REASONS)}"
        )
    return _decide(
        index_path, finding, status="dismissed", reason=reason, reviewer=reviewer, note=note
    )


def reopen(
    *, index_path: str | Path, finding: str | int, reviewer: str | None = None, note: str = ""
) -> Finding:
    """Put a decided finding back into the open queue."""
    return _decide(index_path, finding, status="open", reason=None, reviewer=reviewer, note=note)


def _decide(
    index_path: str | Path,
    finding: str | int,
    *,
    status: str,
    reason: str | None,
    reviewer: str | None,
    note: str,
) -> Finding:
    reviewer = reviewer or default_reviewer()
    stamp = now()
    with connect(index_path, create=False) as connection:
        with transaction(connection):
            row = find_row(connection, finding)
            connection.execute(
                "UPDATE findings SET status = ?, reason = ?, reviewer = ?, decided_at = ?, "
                "changed = '', note = CASE WHEN ? = '' THEN note ELSE ? END WHERE id = ?",
                (status, reason, reviewer, stamp, note, note, row["id"]),
            )
            action = status if status != "open" else "reopened"
            add_event(
                connection,
                finding_id=row["id"],
                reviewer=reviewer,
                action=action,
                status=status,
                reason=reason,
                note=note,
                at=stamp,
            )
        return row_to_finding(find_row(connection, row["id"]))


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


EXPORT_COLUMNS = (
    "id",
    "fingerprint",
    "kind",
    "status",
    "reason",
    "note",
    "reviewer",
    "decided_at",
    "present",
    "a_outlet",
    "a_doc_id",
    "a_text",
    "b_outlet",
    "b_doc_id",
    "b_text",
    "similarity",
    "score",
    "ratio",
)


def export(*, index_path: str | Path, format: str = "json") -> str:
    """Every finding with its verdict, as CSV (one row each) or JSON (with history)."""
    if format not in ("csv", "json"):
        raise UsageError(f"unknown export format {format!r}; use csv or json")
    findings = list_findings(index_path=index_path, include_gone=True)
    findings.sort(key=lambda finding: finding.id)
    if format == "json":
        details = [show(index_path=index_path, finding=finding.id) for finding in findings]
        return json.dumps([detail.model_dump(mode="json") for detail in details], indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for finding in findings:
        writer.writerow(_export_row(finding))
    return buffer.getvalue()


def _export_row(finding: Finding) -> dict[str, object]:
    row = finding.model_dump(include=set(EXPORT_COLUMNS))
    pair = finding.pair
    row.update(
        a_outlet=pair.a.outlet,
        a_doc_id=pair.a.doc_id,
        a_text=pair.a.text,
        b_outlet=pair.b.outlet,
        b_doc_id=pair.b.doc_id,
        b_text=pair.b.text,
        present=int(finding.present),
    )
    return row
