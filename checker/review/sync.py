"""`checker review sync`: bring a report's findings into the queue.

Known fingerprints keep their verdict; a finding whose sentences were edited (same documents
and sentence offsets, new text) is re-opened and says so; new ones enter as open; findings the
report no longer holds are kept, marked gone.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from checker.judge.findings import one_per_fingerprint
from checker.models import Pair, PairingOptions
from checker.progress import NO_PROGRESS, Progress
from checker.quantities.match import figure_ratio
from checker.review.models import SyncSummary, group_of
from checker.review.store import add_event, connect, default_reviewer, now, transaction


def sync(
    *,
    index_path: str | Path,
    options: PairingOptions | None = None,
    reviewer: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> SyncSummary:
    """Report on the index (nothing suppressed) and bring every finding into its queue."""
    from checker.reporting import report

    result = report(index_path, options=options, use_review=False, progress=progress)
    progress.stage(f"bringing {len(result.pairs):,} findings into the review queue")
    return sync_pairs(index_path=index_path, pairs=result.pairs, reviewer=reviewer)


def sync_pairs(
    *, index_path: str | Path, pairs: Iterable[Pair], reviewer: str | None = None
) -> SyncSummary:
    """Bring `pairs` into the queue of `index_path` (see the module docstring)."""
    reviewer = reviewer or default_reviewer()
    given = list(pairs)
    # A fingerprint is the finding an editor decides once: repeats fold into it, counted.
    pairs = one_per_fingerprint(given)
    repeats = len(given) - len(pairs)
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
    return SyncSummary(**counts, repeats=repeats, total=total)


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
        "incident": pair.incident,
        "group_key": group_of(pair),
        "place": pair.place,
        "days_apart": pair.days_apart,
        "date": _latest_date(pair),
        "search_text": _search_text(pair),
    }


def _search_text(pair: Pair) -> str:
    """What a queue search looks in: both sentences, both outlets, the place (one column, so
    a search word is one LIKE per finding)."""
    return " ".join([pair.a.text, pair.b.text, pair.a.outlet, pair.b.outlet, pair.place or ""])


def _latest_date(pair: Pair) -> str | None:
    """When both reports were out: the later publication date (what `sort by date` uses)."""
    dates = [side.date.isoformat() for side in (pair.a, pair.b) if side.date is not None]
    return max(dates) if dates else None


def _insert(connection: sqlite3.Connection, pair: Pair, *, stamp: str, reviewer: str):
    columns = {"fingerprint": pair.fingerprint, **_columns(pair), "first_seen": stamp}
    columns["last_seen"] = stamp
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = connection.execute(
        f"INSERT INTO findings ({names}) VALUES ({marks})", tuple(columns.values())
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
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
