"""Writes that survive a crash: fsync'd files and folders, atomic replacement, checksums, and
the test hook that kills a writer at a named step to prove it.

Every file of a generation and the manifest go through `write_file`, the one place a full
disk is turned into `DiskFullError`."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
from pathlib import Path

from checker.errors import DiskFullError

# Tests set this to a step name of `save_index` to SIGKILL the process there (crash safety).
CRASH_AT_ENV = "CHECKER_TEST_CRASH_AT"
SAVE_STEPS = ("staged", "generation", "manifest-staged", "manifest")
# What a full disk or an exhausted quota reads as on write.
_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


def crash_point(step: str) -> None:
    """Die here, as a killed CI job would, when the test hook names this step."""
    if os.environ.get(CRASH_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def write_file(target: Path, data: bytes | memoryview) -> None:
    """Create `target` holding `data`, fsync'd; a full disk raises `DiskFullError`."""
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        full = no_space(error, target)
        if full is not None:
            raise full from error
        raise


def no_space(error: OSError, target: Path) -> DiskFullError | None:
    """The DiskFullError naming `target` when `error` is a full disk or quota, else None."""
    if error.errno not in _NO_SPACE:
        return None
    return DiskFullError(
        f"no space left on {mount_point(target)} while writing {target}; free space "
        "there and run again (the index is unchanged)"
    )


def atomic_write_text(target: Path, text: str) -> None:
    """Write `text` beside `target`, fsync it, then rename it over `target` (crash step
    `<stem>-staged` sits between the two); a failed write leaves `target` as it was."""
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        write_file(temporary, text.encode("utf-8"))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    crash_point(f"{target.stem}-staged")
    os.replace(temporary, target)
    fsync_dir(target.parent)


def mount_point(file_path: Path) -> Path:
    """The mount point of the filesystem holding `file_path` (what filled up)."""
    folder = file_path.parent.resolve()
    while not os.path.ismount(folder):
        folder = folder.parent
    return folder


def fsync_dir(directory: Path) -> None:
    """fsync a folder (its entries) or a file (its bytes)."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sha256_of(file_path: Path) -> str:
    digest = hashlib.sha256()
    with open(file_path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
