"""End-to-end quality: the FA-KES report as a reader meets it, scored against the labelled pairs.

`checker index` + `checker report` (default options) of the FA-KES CSV, then
../shared/eval/score_report.py against annotated/dev.jsonl, dev2.jsonl and both together: a
labelled pair counts as found only if the report lists it, so recall measures pairing and
classification together. This is the headline quality figure (README, Benchmarks).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.indexing import index
from checker.rendering import render_report
from checker.reporting import report

SCORE_LINE = re.compile(
    r"discrepancy P=(?P<precision>[\d.]+) R=(?P<recall>[\d.]+) F1=(?P<f1>[\d.]+); "
    r"trap false alarms (?P<alarms>\d+)/(?P<traps>\d+)"
)
DUPLICATE_LINE = re.compile(r"duplicate recall (?P<found>\d+)/(?P<total>\d+)")


def end_to_end(data: Path, *, keep: Path | None = None) -> dict:
    """Index and report FA-KES, then score the report against each gold file and both."""
    with tempfile.TemporaryDirectory(prefix="checker-e2e-") as work:
        folder = keep or Path(work)
        started = time.perf_counter()
        index([data / "fakes" / "FA-KES-Dataset.csv"], index_path=folder / "idx")
        indexed = time.perf_counter()
        result = report(folder / "idx")
        reported = time.perf_counter()
        report_path = folder / "fakes.json"
        report_path.write_text(render_report(result, "json"), encoding="utf-8")
        gold = {name: [data / "annotated" / f"{name}.jsonl"] for name in ("dev", "dev2")}
        gold["dev+dev2"] = gold["dev"] + gold["dev2"]
        scores = {name: _score(data, report_path, files) for name, files in gold.items()}
    return {
        "report_pairs": len(result.pairs),
        "pairs_by_kind": result.summary.pairs_by_kind,
        "index_seconds": round(indexed - started, 1),
        "report_seconds": round(reported - indexed, 1),
        **scores,
    }


def _score(data: Path, report_path: Path, gold: list[Path]) -> dict:
    scorer = data.parent / "eval" / "score_report.py"
    output = subprocess.run(
        [sys.executable, str(scorer), str(report_path), *map(str, gold)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scores = SCORE_LINE.search(output)
    duplicates = DUPLICATE_LINE.search(output)
    if scores is None or duplicates is None:
        raise RuntimeError(f"unexpected score_report.py output:\n{output}")
    return {
        "discrepancy": {key: float(scores[key]) for key in ("precision", "recall", "f1")},
        "trap_false_alarms": f"{scores['alarms']}/{scores['traps']}",
        "trap_false_alarm_rate": round(int(scores["alarms"]) / max(1, int(scores["traps"])), 3),
        "duplicate_recall": f"{duplicates['found']}/{duplicates['total']}",
    }
