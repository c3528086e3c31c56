"""Writes that survive a crash: fsync'd files and folders, atomic replacement, checksums, and
the test hook that kills a writer at a named step to prove it."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

# Tests set this to a step name of `save_index` to SIGKILL the process there (crash safety).
CRASH_AT_ENV = "CHECKER_TEST_CRASH_AT"
SAVE_STEPS = ("staged", "generation", "manifest-staged", "manifest")


def crash_point(step: str) -> None:
    """Die here, as a killed CI job would, when the test hook names this step."""
    if os.environ.get(CRASH_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def atomic_write_text(target: Path, text: str) -> None:
    """Write `text` beside `target`, fsync it, then rename it over `target` (crash step
    `<stem>-staged` sits between the two)."""
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    crash_point(f"{target.stem}-staged")
    os.replace(temporary, target)
    fsync_dir(target.parent)


def fsync_file(file_path: Path) -> None:
    with open(file_path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(directory: Path) -> None:
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
