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
from typing import IO

from checker.errors import IndexError_, IndexLockedError
from checker.store.manifest import MANIFEST

LOCK = "index.lock"
READERS_LOCK = "readers.lock"
LOCK_TIMEOUT_S = 600.0  # a CI job indexing FA-KES takes ~2 minutes; wait well beyond that
LOCK_POLL_S = 0.2
# What the system says when the folder cannot be written: no permission, a read-only mount.
# A reader meeting it (a shared CI cache) reads without the reader lock rather than failing.
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
        if error.errno not in READ_ONLY_ERRNOS:
            raise
    try:
        return os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return None


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
