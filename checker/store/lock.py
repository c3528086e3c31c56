"""The writer lock of an index: an flock on `index.lock`, so concurrent writers take turns."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from checker.errors import IndexError_, IndexLockedError

LOCK = "index.lock"
LOCK_TIMEOUT_S = 600.0  # a CI job indexing FA-KES takes ~2 minutes; wait well beyond that
LOCK_POLL_S = 0.2
# What the system says when the folder cannot be written: no permission, a read-only mount.
READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


@contextlib.contextmanager
def locked(path: Path, *, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the index's writer lock for the block (the folder is created if absent)."""
    with _open_lock(path) as handle:
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


def _open_lock(path: Path) -> IO[str]:
    """The lock file, in a folder created if absent; a file in the folder's place or a
    folder that cannot be written is refused by name before anything is analysed."""
    if path.exists() and not path.is_dir():
        raise IndexError_(
            f"{path}: --index names a file, not a folder; give the index's folder, e.g. indexes/NAME"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
        return open(path / LOCK, "a+")
    except OSError as error:
        if error.errno in READ_ONLY_ERRNOS:
            raise IndexError_(
                f"cannot write {path}: read-only; index into a folder you can write (--index)"
            ) from error
        raise
