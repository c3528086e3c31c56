"""`--changed-since REV`: the article files a git diff adds or modifies, for `check` and
`baseline` in CI."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from checker.errors import UsageError
from checker.ingest import SIDECAR_SUFFIX, SUPPORTED_SUFFIXES


def changed_files(
    revision: str, *, paths: Sequence[str | Path] = (), cwd: str | Path = "."
) -> list[Path]:
    """Article files that `git diff REV` adds or modifies (under `paths` if given).

    Paths are returned relative to `cwd` when they lie below it, so findings name files
    the way CI annotations expect. Git failures are UsageErrors quoting git.
    """
    cwd = Path(cwd)
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd=cwd).strip())
    listing = _git(
        ["diff", "--name-only", "--diff-filter=AM", "-z", revision, "--", *map(str, paths)],
        cwd=cwd,
    )
    found = []
    for name in sorted(filter(None, listing.split("\0"))):
        path = top / name
        if (
            path.suffix.lower() in SUPPORTED_SUFFIXES
            and not path.name.lower().endswith(SIDECAR_SUFFIX)
            and path.is_file()
        ):
            try:
                found.append(path.resolve().relative_to(cwd.resolve()))
            except ValueError:
                found.append(path)
    return found


def _git(arguments: list[str], *, cwd: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise UsageError("--changed-since needs git on PATH") from error
    if completed.returncode != 0:
        message = (completed.stderr.strip().splitlines() or ["failed"])[-1]
        raise UsageError(f"git {' '.join(arguments[:2])} in {cwd}: {message}")
    return completed.stdout
