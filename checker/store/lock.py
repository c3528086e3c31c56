"""The writer lock of an index: an flock on `index.lock`, so concurrent writers take turns."""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path

from checker.errors import IndexLockedError

LOCK = "index.lock"
LOCK_TIMEOUT_S = 600.0  # a CI job indexing FA-KES takes ~2 minutes; wait well beyond that
LOCK_POLL_S = 0.2


@contextlib.contextmanager
def locked(path: Path, *, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the index's writer lock for the block (the folder is created if absent)."""
    path.mkdir(parents=True, exist_ok=True)
    with open(path / LOCK, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexLockedError(
                        f"{path}: another checker process has held the index lock for "
                        f"{timeout_s:.0f}s; wait for it or remove {path / LOCK} if it died"
                    ) from None
                time.sleep(LOCK_POLL_S)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
