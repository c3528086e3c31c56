"""What the user sees of the library's stages (checker.progress) on stderr.

On a terminal: one live line per stage with its count ("judging 1,034 candidate pairs: 412").
Elsewhere (CI logs, pipes): a heartbeat line every CHECKER_HEARTBEAT_S seconds (default 15)
naming the stage that runs, so a silent job is never mistaken for a hung one, while a quick
command (or one failing at once with its one-line error) prints nothing extra.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

# Often enough for a CI log to show life, rarely enough not to flood it.
DEFAULT_HEARTBEAT_S = 15.0
REDRAW_S = 0.1  # the live line redraws at most ten times a second


class StageReporter:
    """A `checker.progress.Progress` that writes to `stream` (stderr by default)."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        interactive: bool | None = None,
        heartbeat_s: float | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        if heartbeat_s is None:
            heartbeat_s = float(os.environ.get("CHECKER_HEARTBEAT_S", DEFAULT_HEARTBEAT_S))
        self.heartbeat_s = heartbeat_s
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._name: str | None = None
        self._total: int | None = None
        self._done = 0
        self._drawn = 0.0
        self._wake = threading.Event()
        self._beating: threading.Thread | None = None

    def stage(self, name: str, *, total: int | None = None) -> None:
        with self._lock:
            self._end_line()
            self._name, self._total, self._done = name, total, 0
            if self.interactive:
                self._write(self._line(), live=True)
        if not self.interactive and self._beating is None:
            self._beating = threading.Thread(target=self._heartbeat, daemon=True)
            self._beating.start()

    def advance(self, done: int = 1) -> None:
        with self._lock:
            self._done += done
            now = time.monotonic()
            if self.interactive and now - self._drawn >= REDRAW_S:
                self._write(self._line(), live=True)

    def note(self, message: str) -> None:
        with self._lock:
            self._end_line()
            self._write(message, live=False)

    def close(self) -> None:
        """End the live line and stop the heartbeat (the command is done)."""
        with self._lock:
            self._end_line()
            self._name = None
        self._wake.set()

    def end_line(self) -> None:
        """End the live line, so what is written next (an error) starts a line of its own."""
        with self._lock:
            self._end_line()

    def _line(self) -> str:
        count = ""
        if self._total is not None and (self._done or self.interactive):
            count = f": {self._done:,}/{self._total:,}"
        elif self._done:
            count = f": {self._done:,}"
        return f"[{time.monotonic() - self._started:6.1f}s] {self._name}{count}"

    def _write(self, text: str, *, live: bool) -> None:
        if live:
            self.stream.write("\r\x1b[K" + text)
            self._drawn = time.monotonic()
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def _end_line(self) -> None:
        if self.interactive and self._drawn:
            self.stream.write("\n")
            self._drawn = 0.0

    def _heartbeat(self) -> None:
        while not self._wake.wait(self.heartbeat_s):
            with self._lock:
                if self._name is not None:
                    self._write(self._line() + " …", live=False)


_active: list[StageReporter] = []  # the reporter of the running command, if any


def active(reporter: StageReporter | None) -> None:
    """Make `reporter` the one whose live line an error ends (None: no command runs)."""
    _active[:] = [reporter] if reporter else []


def end_live_line() -> None:
    """End the running command's live line before an error is written."""
    for reporter in _active:
        reporter.end_line()
