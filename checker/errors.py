"""Every error checker raises on purpose.

    CheckerError                 base; the CLI prints str(error) on one line, exit code 2
    ├── InputError               a corpus file or row cannot be read (names file and row)
    ├── IndexError_              an index on disk cannot be used
    │   ├── IncompatibleIndexError   other model, format version or checker version
    │   ├── CorruptIndexError        missing, truncated or checksum-mismatched file
    │   └── DiskFullError            no space left to write a new generation
    ├── IndexLockedError         another process holds the index lock too long
    ├── UsageError               options that cannot work together
    └── ReviewError              the review store next to an index cannot be used
        └── UnknownFindingError  no finding has the given id or fingerprint

Messages state the cause and the fix. Any other exception a command lets escape is a crash:
the CLI prints `error: unexpected NAME: message` and exits 2 too (checker/cli/guard.py).

Exit codes (stable, the contract CI relies on) live here too, so every command maps them
the same way.
"""

from __future__ import annotations

EXIT_OK = 0  # no finding of a failing kind
EXIT_FINDINGS = 1  # `checker check` found findings of a --fail-on kind
EXIT_USAGE = 2  # a CheckerError or any unexpected failure: one line on stderr, never exit 1
EXIT_INTERRUPTED = 130  # Ctrl-C: the shell's 128 + SIGINT, so scripts see an interruption


class CheckerError(Exception):
    """Base of all errors checker raises deliberately."""


class InputError(CheckerError):
    """A corpus file, or one row of it, cannot be read."""

    def __init__(self, source: str, problem: str, *, row: int | None = None) -> None:
        self.source = source
        self.row = row
        self.problem = problem
        where = f"{source}:row {row}" if row is not None else source
        super().__init__(f"{where}: {problem}")


class IndexError_(CheckerError):
    """An index on disk cannot be used."""


class IncompatibleIndexError(IndexError_):
    """The index was built by another model, format version or checker version."""


class CorruptIndexError(IndexError_):
    """An index file is missing, truncated or does not match its checksum."""


class DiskFullError(IndexError_):
    """The disk filled while a new generation was written (the old index stands)."""


class IndexLockedError(CheckerError):
    """Another process holds the index lock."""


class UsageError(CheckerError):
    """Options or arguments that cannot work together."""


class ReviewError(CheckerError):
    """The review store next to an index cannot be used (newer schema, unreadable file)."""


class UnknownFindingError(ReviewError):
    """No finding in the review queue has the given id or fingerprint."""
