"""`checker review stats`: precision of the checker as editors judged it, and the thresholds
their verdicts support."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from checker.review.models import Finding, PrecisionRow, ReviewStats, ThresholdSuggestion
from checker.review.queue import list_findings

# The dismiss reason that says the checker was wrong (as opposed to right but not useful).
FALSE_ALARM = "false-alarm"
# Kinds whose verdict rests on how far apart two figures are.
RATIO_KINDS = ("conflict", "divergent")


def stats(*, index_path: str | Path) -> ReviewStats:
    """Precision (confirmed / decided) per kind and outlet pair, plus threshold suggestions."""
    findings = list_findings(index_path=index_path, include_gone=True)
    return ReviewStats(
        by_kind=_precision(findings, key=lambda finding: finding.kind),
        by_outlet_pair=_precision(findings, key=lambda f: " vs ".join(sorted(f.outlets))),
        suggestions=[
            _suggest(
                "min-similarity",
                findings,
                value=lambda finding: finding.similarity,
                keep_above=True,
            ),
            *[
                _suggest(
                    f"{kind} ratio",
                    [finding for finding in findings if finding.kind == kind],
                    value=lambda finding: finding.ratio,
                    keep_above=True,
                )
                for kind in RATIO_KINDS
            ],
        ],
    )


def _precision(findings: list[Finding], *, key: Callable[[Finding], str]) -> list[PrecisionRow]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for finding in findings:
        counts[key(finding)][finding.status] += 1
    return [
        PrecisionRow(
            key=name,
            confirmed=counts[name]["confirmed"],
            dismissed=counts[name]["dismissed"],
            open=counts[name]["open"],
        )
        for name in sorted(counts)
    ]


def _suggest(
    name: str,
    findings: list[Finding],
    *,
    value: Callable[[Finding], float | None],
    keep_above: bool,
) -> ThresholdSuggestion:
    """Lowest value among confirmed findings vs highest among false alarms: a cut-off between
    them drops every false alarm and keeps every confirmed finding."""
    confirmed = [v for f in findings if f.status == "confirmed" and (v := value(f)) is not None]
    alarms = [
        v
        for f in findings
        if f.status == "dismissed" and f.reason == FALSE_ALARM and (v := value(f)) is not None
    ]
    lowest = min(confirmed) if confirmed else None
    highest = max(alarms) if alarms else None
    if lowest is None or highest is None:
        missing = "confirmed findings" if lowest is None else "false alarms"
        return ThresholdSuggestion(
            name=name,
            lowest_confirmed=lowest,
            highest_false_alarm=highest,
            suggested=None,
            explanation=f"no suggestion yet: no {missing} with a {name} value",
        )
    if highest < lowest:
        suggested = round((highest + lowest) / 2, 3)
        explanation = (
            f"{suggested} keeps all {len(confirmed)} confirmed and drops all {len(alarms)} "
            f"false alarms (they lie at or below {highest:.3f}, confirmed at or above {lowest:.3f})"
        )
        return ThresholdSuggestion(
            name=name,
            lowest_confirmed=lowest,
            highest_false_alarm=highest,
            suggested=suggested,
            explanation=explanation,
        )
    dropped = sum(1 for v in confirmed if v <= highest)
    return ThresholdSuggestion(
        name=name,
        lowest_confirmed=lowest,
        highest_false_alarm=highest,
        suggested=None,
        explanation=(
            f"verdicts overlap: a cut-off above every false alarm ({highest:.3f}) would also "
            f"drop {dropped} of {len(confirmed)} confirmed findings; keep the current threshold"
        ),
    )
