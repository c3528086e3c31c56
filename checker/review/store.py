"""The review store: one SQLite file next to an index (`INDEX/review.sqlite`, WAL mode).

Findings are keyed by their fingerprint; every verdict, note and change is appended to
`events`, so the current status is a convenience copy of the latest verdict and nothing is
ever overwritten. The schema version is SQLite's `user_version`; `MIGRATIONS` brings an
older file up to date on open and a newer file is refused.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from checker.errors import ReviewError, UnknownFindingError
from checker.models import Pair
from checker.review.models import Finding, FindingEvent

REVIEW_FILE = "review.sqlite"
# Seconds a writer waits for another writer (a second reviewer, a sync) before giving up.
BUSY_TIMEOUT_S = 30.0
# Problems `quick_check` lists before it stops: enough to name the damage on one line.
CHECK_PROBLEMS = 3
QUICK_CHECK_HEADER = "*** in database main ***"

# Schema version N is reached by running MIGRATIONS[N - 1]; append, never edit, a migration.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL UNIQUE,
        location TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        reason TEXT,
        note TEXT NOT NULL DEFAULT '',
        reviewer TEXT,
        decided_at TEXT,
        changed TEXT NOT NULL DEFAULT '',
        present INTEGER NOT NULL DEFAULT 1,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        a_outlet TEXT NOT NULL,
        b_outlet TEXT NOT NULL,
        similarity REAL NOT NULL,
        score REAL NOT NULL,
        ratio REAL,
        pair_json TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES findings(id),
        at TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        action TEXT NOT NULL,
        status TEXT,
        reason TEXT,
        note TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    """,
    """
    CREATE INDEX findings_location ON findings(location);
    CREATE INDEX findings_status ON findings(status, kind);
    CREATE INDEX events_finding ON events(finding_id, id);
    """,
    # What the queue page filters, searches and sorts on, as columns (no pair_json parsed per
    # request), filled from pair_json for findings synced before; group_key as `group_of`,
    # search_text as sync's `_search_text`.
    # findings_queue covers every column a count, facet or page order reads, so those scan the
    # index and never the rows with their pair_json.
    # Verdict events get a batch (one per finding before bulk verdicts existed) for `undo`.
    """
    ALTER TABLE findings ADD COLUMN incident TEXT;
    ALTER TABLE findings ADD COLUMN group_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE findings ADD COLUMN place TEXT;
    ALTER TABLE findings ADD COLUMN days_apart INTEGER;
    ALTER TABLE findings ADD COLUMN date TEXT;
    ALTER TABLE findings ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
    UPDATE findings SET
        incident = json_extract(pair_json, '$.incident'),
        place = json_extract(pair_json, '$.place'),
        days_apart = json_extract(pair_json, '$.days_apart'),
        date = nullif(max(coalesce(json_extract(pair_json, '$.a.date'), ''),
                          coalesce(json_extract(pair_json, '$.b.date'), '')), ''),
        search_text = json_extract(pair_json, '$.a.text') || ' ' || json_extract(pair_json,
            '$.b.text') || ' ' || a_outlet || ' ' || b_outlet || ' '
            || coalesce(json_extract(pair_json, '$.place'), '');
    UPDATE findings SET group_key = coalesce(incident, 'docs:'
        || min(json_extract(pair_json, '$.a.doc_id'), json_extract(pair_json, '$.b.doc_id'))
        || '+'
        || max(json_extract(pair_json, '$.a.doc_id'), json_extract(pair_json, '$.b.doc_id')));
    CREATE INDEX findings_group ON findings(group_key, status);
    CREATE INDEX findings_queue ON findings(present, status, kind, score, group_key, days_apart,
        date, a_outlet, b_outlet, place, incident, search_text);
    ALTER TABLE events ADD COLUMN batch TEXT NOT NULL DEFAULT '';
    UPDATE events SET batch = 'e' || id
        WHERE action IN ('confirmed', 'dismissed') OR (action = 'reopened' AND detail = '');
    CREATE INDEX events_batch ON events(batch);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def review_path(index_path: str | Path) -> Path:
    """Where the review store of the index at `index_path` lives."""
    return Path(index_path) / REVIEW_FILE


def default_reviewer() -> str:
    """The OS user, the reviewer name when none is given."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def now() -> str:
    """UTC timestamp with microseconds, so events sort by time as they sort by id."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@contextmanager
def connect(
    index_path: str | Path, *, create: bool = True, verify: bool = True
) -> Iterator[sqlite3.Connection]:
    """An open, migrated connection to the review store of `index_path`.

    A new store is made whole before it appears (`_create`), so an existing file is never
    replaced: an empty or damaged one is a ReviewError naming it. `verify` runs SQLite's
    `quick_check` first (a full pass over the file: every write and whole-queue read asks for
    it, the review page's per-request reads skip it).
    """
    path = review_path(index_path)
    if not Path(index_path).is_dir():
        raise ReviewError(f"{index_path}: no such index folder; build it with `checker index`")
    if not path.exists():
        if not create:
            raise ReviewError(
                f"{path}: no review queue yet; run `checker review sync --index {index_path}`"
            )
        _create(path)
    elif path.is_file() and path.stat().st_size == 0:
        raise damaged(path, index_path, "the file is empty, 0 bytes")
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as error:
        raise ReviewError(f"{path}: cannot open the review store ({error})") from error
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        if verify:
            _verify(connection, path, index_path)
        _migrate(connection, path)
        yield connection
    except sqlite3.IntegrityError as error:
        raise ReviewError(
            f"{path}: a write broke a rule of the review store ({error}); nothing was changed "
            "(this is a bug in checker, please report it)"
        ) from error
    except sqlite3.OperationalError as error:  # locked too long, disk full, read-only, ...
        raise ReviewError(f"{path}: review store unreadable ({error})") from error
    except sqlite3.DatabaseError as error:  # not a database, malformed disk image
        raise damaged(path, index_path, str(error)) from error
    finally:
        connection.close()


def damaged(path: Path, index_path: str | Path, problem: str) -> ReviewError:
    """The error for a review store that exists but cannot be trusted: say how to get back."""
    return ReviewError(
        f"{path}: review store damaged ({problem}); restore it from a backup, or move it aside "
        f"(`mv {path} {path}.damaged`) and run `checker review sync --index {index_path}` to "
        "start an empty queue"
    )


def _create(path: Path) -> None:
    """A new, empty, migrated store at `path`, made beside it and linked into place only if
    no store appeared meanwhile: nobody ever sees a half-made (zero-byte) review.sqlite."""
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
    try:
        connection = sqlite3.connect(draft, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            _migrate(connection, draft)
        finally:
            connection.close()
        with suppress(FileExistsError):  # a racing creator won: its store stays
            os.link(draft, path)
    except (OSError, sqlite3.Error) as error:
        raise ReviewError(f"{path}: cannot create the review store ({error})") from error
    finally:
        for leftover in (
            draft,
            draft.with_name(draft.name + "-wal"),
            draft.with_name(draft.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)


def _verify(connection: sqlite3.Connection, path: Path, index_path: str | Path) -> None:
    """Refuse a store whose pages or indexes SQLite's `quick_check` finds damaged."""
    problems = [row[0] for row in connection.execute(f"PRAGMA quick_check({CHECK_PROBLEMS})")]
    if problems != ["ok"]:
        # One line: SQLite heads the list with "*** in database main ***" and a newline.
        lines = " ".join("; ".join(problems).replace(QUICK_CHECK_HEADER, "").split())
        raise damaged(path, index_path, lines)


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock up front (no lost updates between readers)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ReviewError(
            f"{path}: review store has schema version {version}, newer than this checker's "
            f"{SCHEMA_VERSION}; upgrade checker"
        )
    if version == SCHEMA_VERSION:
        return
    with transaction(connection):
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")


def schema_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def row_to_finding(row: sqlite3.Row) -> Finding:
    return Finding(
        id=row["id"],
        fingerprint=row["fingerprint"],
        kind=row["kind"],
        status=row["status"],
        reason=row["reason"],
        note=row["note"],
        reviewer=row["reviewer"],
        decided_at=row["decided_at"],
        changed=row["changed"],
        present=bool(row["present"]),
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        similarity=row["similarity"],
        score=row["score"],
        ratio=row["ratio"],
        pair=Pair.model_validate_json(row["pair_json"]),
    )


def row_to_event(row: sqlite3.Row) -> FindingEvent:
    return FindingEvent(**{key: row[key] for key in row.keys()})  # noqa: SIM118


def find_row(connection: sqlite3.Connection, finding: str | int) -> sqlite3.Row:
    """The finding with this numeric id or fingerprint; UnknownFindingError otherwise."""
    key = str(finding).strip()
    column = "id" if key.isdigit() else "fingerprint"
    row = connection.execute(f"SELECT * FROM findings WHERE {column} = ?", (key,)).fetchone()
    if row is None:
        raise UnknownFindingError(
            f"no finding {key!r} in the review queue; `checker review list` shows the ids"
        )
    return row


def add_event(
    connection: sqlite3.Connection,
    *,
    finding_id: int,
    reviewer: str,
    action: str,
    status: str | None = None,
    reason: str | None = None,
    note: str = "",
    detail: str = "",
    at: str | None = None,
    batch: str = "",
) -> None:
    connection.execute(
        "INSERT INTO events (finding_id, at, reviewer, action, status, reason, note, detail, "
        "batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (finding_id, at or now(), reviewer, action, status, reason, note, detail, batch),
    )


def new_batch() -> str:
    """A fresh id for one verdict, shared by every finding it is given to."""
    return secrets.token_hex(8)


def dismissed_fingerprints(index_path: str | Path) -> dict[str, str]:
    """Fingerprints editors dismissed, mapped to "dismissed", for `report(suppress=...)`.

    An index without a review store gives an empty mapping (nothing was reviewed).
    """
    if not review_path(index_path).exists():
        return {}
    with connect(index_path) as connection:
        rows = connection.execute(
            "SELECT fingerprint FROM findings WHERE status = 'dismissed' ORDER BY fingerprint"
        ).fetchall()
    return {row["fingerprint"]: "dismissed" for row in rows}
