"""CI baselines: findings accepted once, so later checks report only new ones.

A baseline is a JSON file (by default `baseline.json` inside the index folder) listing
accepted findings by their stable fingerprint (`checker.reporting.fingerprint`: both
documents and both sentence texts), one entry per finding, sorted, so that a change to
it reads as a small diff in review.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.errors import UsageError
from checker.models import Pair, PairKind
from checker.store.durable import atomic_write_text

BASELINE_FILE = "baseline.json"
BASELINE_VERSION = 1


class BaselineEntry(BaseModel):
    """One accepted finding; the sentences are there for the reviewer, matching uses `fingerprint`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    kind: PairKind
    a: str
    b: str


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = BASELINE_VERSION
    findings: list[BaselineEntry]

    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.findings)


def default_baseline_path(index_path: str | Path) -> Path:
    return Path(index_path) / BASELINE_FILE


def baseline_of(pairs: list[Pair]) -> Baseline:
    """The baseline accepting `pairs`, one entry per fingerprint, sorted by fingerprint."""
    entries = {
        pair.fingerprint: BaselineEntry(
            fingerprint=pair.fingerprint,
            kind=pair.kind,
            a=f"{pair.a.doc_id}: {pair.a.text}",
            b=f"{pair.b.doc_id}: {pair.b.text}",
        )
        for pair in pairs
    }
    return Baseline(findings=[entries[key] for key in sorted(entries)])


def read_baseline(path: Path) -> Baseline:
    """Load a baseline file; a missing or malformed one is a UsageError naming the file."""
    if not path.is_file():
        raise UsageError(
            f"{path}: no baseline file here; write one with `checker baseline --index INDEX`"
        )
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise UsageError(
            f"{path}: not a checker baseline ({first}); rewrite it with `checker baseline`"
        ) from error


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Write the baseline atomically as indented, key-sorted JSON ending in a newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(baseline.model_dump(mode="json"), indent=2, sort_keys=True) + "\n"
    atomic_write_text(path, text)
