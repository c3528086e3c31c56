"""Named stages of long work, so a command can say what it is doing and how far it got.

The library announces stages ("encoding 9,262 sentences", "judging 1,034 candidate pairs")
and advances counts; it never writes to the terminal. What the user sees is the CLI's business
(`checker.cli.progress`): a live line on a terminal, a one-line heartbeat in CI logs, nothing
with --quiet.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where long-running library calls report their stages."""

    def stage(self, name: str, *, total: int | None = None) -> None:
        """A new stage begins; `total` is the count it will reach, when known."""

    def advance(self, done: int = 1) -> None:
        """`done` more of the current stage's `total` are finished."""

    def note(self, message: str) -> None:
        """A one-off message (what was found, what was written)."""


class NoProgress:
    """Reports nothing: the default of every library call."""

    def stage(self, name: str, *, total: int | None = None) -> None:
        return None

    def advance(self, done: int = 1) -> None:
        return None

    def note(self, message: str) -> None:
        return None


NO_PROGRESS: Progress = NoProgress()
