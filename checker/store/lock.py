"""The locks of an index: an flock on `index.lock` so concurrent writers take turns, and a
shared flock on `readers.lock` that every reader holds while it loads a generation, so a writer
removes an old generation only when no reader can still be reading it."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from checker.errors import IndexLockedError
from checker.store.manifest import MANIFEST

LOCK = "index.lock"
READERS_LOCK = "readers.lock"
LOCK_TIMEOUT_S = 600.0  # a CI job indexing FA-KES takes ~2 minutes; wait well beyond that
LOCK_POLL_S = 0.2
# A reader may find the folder read-only to it (a shared CI cache): no writer of its own then,
# so it reads without the reader lock rather than failing.
_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)


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


@contextlib.contextmanager
def reading(path: Path) -> Iterator[None]:
    """Hold a shared reader lock for the block: no save removes a generation meanwhile.

    Readers never wait on writers (a writer only takes the lock for the moment it removes
    old generations, and never waits for readers)."""
    descriptor = _open_readers_lock(path)
    if descriptor is None:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def unread(path: Path) -> Iterator[bool]:
    """Try the reader lock exclusively, without waiting: True for the block when no reader
    holds the index (old generations may go), False when one does (they stay for later)."""
    descriptor = _open_readers_lock(path)
    if descriptor is None:
        yield False
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(descriptor)


def _open_readers_lock(path: Path) -> int | None:
    """The reader lock file, created if needed; None where there is no index (nothing to
    protect, and no lock file left in a folder that is not one) or the folder is read-only."""
    if not (path / MANIFEST).exists():
        return None
    lock_path = path / READERS_LOCK
    try:
        return os.open(lock_path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as error:
        if error.errno not in _READ_ONLY:
            raise
    try:
        return os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return None
