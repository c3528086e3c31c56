"""The findings of the index's last `check`, kept beside the index (last_check.json), so a
`checker baseline` run right after a failing check can accept what that check just showed."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.ci.baseline_file import BaselineEntry, baseline_of
from checker.errors import DiskFullError, UsageError
from checker.models import Pair
from checker.store.durable import atomic_write_text

LAST_CHECK_FILE = "last_check.json"


class LastCheck(BaseModel):
    """What one check saw: the articles it checked and every finding it reported."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    at: str  # UTC time of the check
    checked: list[str]
    findings: list[BaselineEntry]


def record_last_check(index_path: str | Path, checked: list[str], pairs: list[Pair]) -> None:
    """Write the check's findings beside the index, atomically. An index folder that cannot be
    written to (a read-only cache in CI) keeps no record: the check itself does not depend on it."""
    record = LastCheck(
        at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        checked=checked,
        findings=baseline_of(pairs).findings,
    )
    path = Path(index_path) / LAST_CHECK_FILE
    with contextlib.suppress(OSError, DiskFullError):
        atomic_write_text(path, record.model_dump_json(indent=2) + "\n")


def read_last_check(index_path: str | Path) -> LastCheck | None:
    """The last check's record, or None if no check has run; a damaged one names the file."""
    path = Path(index_path) / LAST_CHECK_FILE
    if not path.is_file():
        return None
    try:
        return LastCheck.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise UsageError(
            f"{path}: not a record of a check ({first}); delete it or run `checker check` again"
        ) from error
