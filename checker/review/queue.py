"""Reading the review queue, the library behind `checker review list|show|export`: findings
filtered and sorted, one finding with its history, everything exported (sync.py brings
findings in, decide.py and undo.py give verdicts, browse.py pages the queue)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from checker.errors import UsageError
from checker.review.models import Finding, FindingDetail
from checker.review.select import order_by, selection_of, where
from checker.review.store import connect, find_row, row_to_event, row_to_finding


def list_findings(
    *,
    index_path: str | Path,
    status: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    incident: str | None = None,
    search: str = "",
    include_gone: bool = False,
    sort: str = "queue",
) -> list[Finding]:
    """Findings in queue order (kind, then score) or another of QUEUE_SORTS, filtered as
    `Selection` filters; gone ones only when asked."""
    selection = selection_of(
        status=status,
        kind=kind,
        outlet=outlet,
        incident=incident,
        search=search,
        include_gone=include_gone,
    )
    clause, values = where(selection)
    with connect(index_path, create=False) as connection:
        rows = connection.execute(
            f"SELECT * FROM findings {clause} ORDER BY {order_by(sort)}", values
        ).fetchall()
    return [row_to_finding(row) for row in rows]


def show(*, index_path: str | Path, finding: str | int) -> FindingDetail:
    """One finding (by id or fingerprint) with its whole history (a per-page read of the
    review page: no integrity pass)."""
    with connect(index_path, create=False, verify=False) as connection:
        row = find_row(connection, finding)
        events = connection.execute(
            "SELECT * FROM events WHERE finding_id = ? ORDER BY id", (row["id"],)
        ).fetchall()
    return FindingDetail(finding=row_to_finding(row), events=[row_to_event(e) for e in events])


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
