"""`baseline`: accept today's findings, so later checks report only new ones."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checker.ci.baseline_file import (
    Baseline,
    BaselineEntry,
    baseline_of,
    default_baseline_path,
    write_baseline,
)
from checker.ci.check import check
from checker.ci.last_check import read_last_check
from checker.ingest import FieldMap
from checker.models import PairingOptions
from checker.reporting import report


class BaselineSummary(BaseModel):
    """Where a baseline was written and how many findings it accepts."""

    model_config = ConfigDict(frozen=True)

    path: str
    findings: int
    from_last_check: int = 0  # accepted because the index's last check reported them
    last_check_articles: list[str] = []


def baseline(
    paths: Sequence[str | Path] = (),
    *,
    index_path: str | Path,
    baseline_path: str | Path | None = None,
    root: str | Path | None = None,
    options: PairingOptions | None = None,
    fields: FieldMap | None = None,
    encoding: str = "utf-8",
) -> BaselineSummary:
    """Accept today's findings: every pair of the index's report, plus every pair a check of
    `paths` reports, or, with no `paths`, every pair the index's last check reported (the
    failure the user just saw). Writes the baseline file."""
    index_dir = Path(index_path)
    target = Path(baseline_path) if baseline_path else default_baseline_path(index_dir)
    options = options or PairingOptions()
    pairs = list(report(index_dir, options=options, use_review=False).pairs)
    if paths:
        result = check(
            paths,
            index_path=index_dir,
            use_baseline=False,
            root=root,
            options=options,
            fields=fields,
            encoding=encoding,
        )
        pairs.extend(result.report.pairs)
    accepted = baseline_of(pairs)
    last = None if paths else read_last_check(index_dir)
    added: list[BaselineEntry] = []
    if last is not None:  # the user just saw these fail: accept them too
        known = accepted.fingerprints()
        added = [entry for entry in last.findings if entry.fingerprint not in known]
        entries = sorted([*accepted.findings, *added], key=lambda entry: entry.fingerprint)
        accepted = Baseline(findings=entries)
    write_baseline(target, accepted)
    return BaselineSummary(
        path=str(target),
        findings=len(accepted.findings),
        from_last_check=len(added),
        last_check_articles=last.checked if last else [],
    )
