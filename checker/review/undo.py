"""`undo`: take back a reviewer's last verdict (one finding's, or a bulk verdict's whole batch).

Nothing is deleted: each finding gets an `undone` event naming the batch, and its verdict is
what the history says it was before that verdict (replayed from the events, so undoing again
goes one verdict further back). A finding decided again since, by anyone, is left alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from checker.errors import UsageError
from checker.review.models import VERDICT_ACTIONS, UndoResult
from checker.review.store import (
    add_event,
    connect,
    default_reviewer,
    find_row,
    now,
    row_to_finding,
    transaction,
)

_VERDICTS = ", ".join(f"'{action}'" for action in VERDICT_ACTIONS)


@dataclass(frozen=True)
class _Verdict:
    """A finding's verdict columns as one event left them."""

    status: str
    reason: str | None
    reviewer: str | None
    decided_at: str | None


def undo(*, index_path: str | Path, reviewer: str | None = None) -> UndoResult:
    """Take back the latest verdict of `reviewer` (default the OS user) not yet undone."""
    reviewer = reviewer or default_reviewer()
    stamp = now()
    with connect(index_path, create=False) as connection:
        with transaction(connection):
            last = connection.execute(
                f"SELECT batch, action FROM events WHERE reviewer = ? AND batch != '' "
                f"AND action IN ({_VERDICTS}) "
                "AND batch NOT IN (SELECT batch FROM events WHERE action = 'undone') "
                "ORDER BY id DESC LIMIT 1",
                (reviewer,),
            ).fetchone()
            if last is None:
                raise UsageError(f"nothing to undo: no verdict by {reviewer} left to take back")
            events = connection.execute(
                f"SELECT * FROM events WHERE batch = ? AND action IN ({_VERDICTS}) ORDER BY id",
                (last["batch"],),
            ).fetchall()
            restored, skipped = [], []
            for event in events:
                if _restore(connection, event, reviewer=reviewer, stamp=stamp):
                    restored.append(event["finding_id"])
                else:
                    skipped.append(event["finding_id"])
        findings = [row_to_finding(find_row(connection, finding)) for finding in restored]
    return UndoResult(
        batch=last["batch"], action=last["action"], restored=findings, skipped=skipped
    )


def _restore(connection: sqlite3.Connection, event: sqlite3.Row, *, reviewer: str, stamp: str):
    """Give the event's finding back the verdict it had before; False if decided since."""
    previous = _verdict_before(connection, event)
    if previous is None:
        return False
    connection.execute(
        "UPDATE findings SET status = ?, reason = ?, reviewer = ?, decided_at = ? WHERE id = ?",
        (
            previous.status,
            previous.reason,
            previous.reviewer,
            previous.decided_at,
            event["finding_id"],
        ),
    )
    add_event(
        connection,
        finding_id=event["finding_id"],
        reviewer=reviewer,
        action="undone",
        status=previous.status,
        reason=previous.reason,
        detail=f"took back “{event['action']}” by {event['reviewer']} at {event['at'][:19]}; "
        f"back to {previous.status}" + (f" ({previous.reason})" if previous.reason else ""),
        at=stamp,
        batch=event["batch"],
    )
    return True


def _verdict_before(connection: sqlite3.Connection, event: sqlite3.Row) -> _Verdict | None:
    """The finding's verdict just before `event`, replayed from its history (an `undone`
    event returns to what its verdict replaced); None unless `event` still decides it."""
    history = connection.execute(
        "SELECT * FROM events WHERE finding_id = ? AND status IS NOT NULL ORDER BY id",
        (event["finding_id"],),
    ).fetchall()
    # The verdict in force and the event it came from, before each event of the history.
    current, source = _Verdict("open", None, None, None), None
    before: dict[int, tuple[_Verdict, int | None]] = {}
    verdict_of_batch: dict[str, int] = {}
    for entry in history:
        before[entry["id"]] = (current, source)
        if entry["action"] == "undone":
            undone = verdict_of_batch.get(entry["batch"])
            if undone is not None:
                current, source = before[undone]
            continue
        if entry["batch"]:
            verdict_of_batch[entry["batch"]] = entry["id"]
        added = entry["action"] == "added"
        current, source = (
            _Verdict(
                entry["status"],
                entry["reason"],
                None if added else entry["reviewer"],
                None if added else entry["at"],
            ),
            entry["id"],
        )
    if source != event["id"]:
        return None
    return before[event["id"]][0]
