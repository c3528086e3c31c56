"""The review queue's verbs, the library behind `checker review …` and `checker serve`.

`sync` brings a report's findings into the queue: known fingerprints keep their verdict, a
finding whose sentences were edited (same documents and sentence offsets, new text) is
re-opened and says so, new ones enter as open. `confirm`, `dismiss` and `note` append to
the history; the latest verdict wins.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from checker.errors import UsageError
from checker.models import KIND_ORDER, Pair, PairingOptions
from checker.quantities.match import figure_ratio
from checker.review.models import (
    DISMISS_REASONS,
    STATUSES,
    Finding,
    FindingDetail,
    SyncSummary,
)
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


def sync(
    *,
    index_path: str | Path,
    options: PairingOptions | None = None,
    reviewer: str | None = None,
) -> SyncSummary:
    """Report on the index (nothing suppressed) and bring every finding into its queue."""
    from checker.reporting import report

    result = report(index_path, options=options, use_review=False)
    return sync_pairs(index_path=index_path, pairs=result.pairs, reviewer=reviewer)


def sync_pairs(
    *, index_path: str | Path, pairs: Iterable[Pair], reviewer: str | None = None
) -> SyncSummary:
    """Bring `pairs` into the queue of `index_path` (see the module docstring)."""
    reviewer = reviewer or default_reviewer()
    pairs = list(pairs)
    current = {pair.fingerprint for pair in pairs}
    counts = {"added": 0, "unchanged": 0, "reopened": 0, "changed": 0, "gone": 0}
    stamp = now()
    with connect(index_path) as connection, transaction(connection):
        rows = {row["fingerprint"]: row for row in connection.execute("SELECT * FROM findings")}
        by_location: dict[str, list[sqlite3.Row]] = {}
        for row in rows.values():
            if row["fingerprint"] not in current:
                by_location.setdefault(row["location"], []).append(row)
        seen: set[int] = set()
        for pair in pairs:
            row = rows.get(pair.fingerprint)
            if row is not None:
                counts[_refresh(connection, row, pair, stamp=stamp, reviewer=reviewer)] += 1
            elif candidates := by_location.get(_location(pair)):
                row = candidates.pop(0)
                counts[_reopen(connection, row, pair, stamp=stamp, reviewer=reviewer)] += 1
            else:
                row = _insert(connection, pair, stamp=stamp, reviewer=reviewer)
                counts["added"] += 1
            seen.add(row["id"])
        for row in rows.values():
            if row["id"] not in seen and row["present"]:
                connection.execute("UPDATE findings SET present = 0 WHERE id = ?", (row["id"],))
                counts["gone"] += 1
        total = connection.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    return SyncSummary(**counts, total=total)


def _columns(pair: Pair) -> dict[str, object]:
    return {
        "location": _location(pair),
        "content_hash": _content_hash(pair),
        "kind": pair.kind,
        "a_outlet": pair.a.outlet,
        "b_outlet": pair.b.outlet,
        "similarity": pair.similarity,
        "score": pair.score,
        "ratio": _ratio(pair),
        "pair_json": pair.model_dump_json(),
    }


def _insert(connection: sqlite3.Connection, pair: Pair, *, stamp: str, reviewer: str):
    columns = {"fingerprint": pair.fingerprint, **_columns(pair), "first_seen": stamp}
    columns["last_seen"] = stamp
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = connection.execute(
        f"INSERT INTO findings ({names}) VALUES ({marks})", tuple(columns.values())
    )
    add_event(
        connection,
        finding_id=cursor.lastrowid,
        reviewer=reviewer,
        action="added",
        status="open",
        detail=f"new {pair.kind} finding",
        at=stamp,
    )
    return {"id": cursor.lastrowid}


def _refresh(connection: sqlite3.Connection, row, pair: Pair, *, stamp: str, reviewer: str) -> str:
    """A known fingerprint: keep the verdict, refresh scores; note a changed kind."""
    columns = _columns(pair)
    assignments = ", ".join(f"{name} = ?" for name in columns)
    connection.execute(
        f"UPDATE findings SET {assignments}, present = 1, last_seen = ? WHERE id = ?",
        (*columns.values(), stamp, row["id"]),
    )
    if row["content_hash"] == columns["content_hash"]:
        return "unchanged"
    add_event(
        connection,
        finding_id=row["id"],
        reviewer=reviewer,
        action="changed",
        detail=f"kind {row['kind']} -> {pair.kind}; verdict kept",
        at=stamp,
    )
    return "changed"


def _reopen(connection: sqlite3.Connection, row, pair: Pair, *, stamp: str, reviewer: str) -> str:
    """Same documents and sentence offsets, new text: the old verdict no longer applies."""
    old = Pair.model_validate_json(row["pair_json"])
    edits = [
        f"{old_side.outlet}: “{old_side.text}” is now “{new_side.text}”"
        for old_side, new_side in _matched_sides(old, pair)
        if old_side.text != new_side.text
    ]
    verdict = f"was {row['status']}" + (f" by {row['reviewer']}" if row["reviewer"] else "")
    changed = f"sentences changed since the last sync ({verdict}): " + "; ".join(edits)
    columns = _columns(pair)
    assignments = ", ".join(f"{name} = ?" for name in columns)
    connection.execute(
        f"UPDATE findings SET fingerprint = ?, {assignments}, status = 'open', reason = NULL, "
        f"changed = ?, present = 1, last_seen = ? WHERE id = ?",
        (pair.fingerprint, *columns.values(), changed, stamp, row["id"]),
    )
    add_event(
        connection,
        finding_id=row["id"],
        reviewer=reviewer,
        action="reopened",
        status="open",
        detail=changed,
        at=stamp,
    )
    return "reopened" if row["status"] != "open" else "changed"


def _matched_sides(old: Pair, new: Pair):
    if (old.a.doc_id, old.a.start) == (new.a.doc_id, new.a.start):
        return [(old.a, new.a), (old.b, new.b)]
    return [(old.a, new.b), (old.b, new.a)]


def _location(pair: Pair) -> str:
    """Where the finding sits, independent of its text: both documents and sentence starts."""
    return "|".join(sorted(f"{side.doc_id}@{side.start}" for side in (pair.a, pair.b)))


def _content_hash(pair: Pair) -> str:
    sides = sorted(" ".join(side.text.split()) for side in (pair.a, pair.b))
    return hashlib.sha1("\x1e".join([pair.kind, *sides]).encode("utf-8")).hexdigest()[:16]


def _ratio(pair: Pair) -> float | None:
    """How far apart the compared figures are, by the verdicts' own rule (`figure_ratio`);
    None without two figures or when one is zero."""
    if pair.compared is None:
        return None
    ratio = figure_ratio(*pair.compared)
    return round(ratio, 4) if ratio != float("inf") else None


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
    order = {kind: number for number, kind in enumerate(KIND_ORDER)}
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
