"""Quality benchmark: the FA-KES report end to end against the annotated pairs (the headline,
bench/end_to_end.py), then the classifier alone on the annotated pairs (`checker compare` on given
pairs), MRPC train (near-duplicates) and STS-B dev (similarity).

Run: python bench/quality.py [--out bench/results/quality.json]
Reads ../shared/data (the project's shared data folder beside the repo).
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np
from end_to_end import end_to_end
from results_io import emit, precision_recall_f1
from scipy.stats import spearmanr

from checker.comparison import ComparePairInput, compare
from checker.nlp.embed import get_embedder

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results"
LABELS = (
    "duplicate",
    "compatible",
    "divergent",
    "conflict",
    "update",
    "contradiction",
    "unrelated",
)
# A discrepancy is a pair whose reports differ in figures or facts: the kinds a report
# lists above `compatible`. `strict` leaves out `update` (a rise, not a disagreement).
DISCREPANCY = frozenset({"divergent", "conflict", "update", "contradiction"})
STRICT_DISCREPANCY = frozenset({"divergent", "conflict", "contradiction"})


def _fakes_date(text: str) -> dt.date:
    month, day, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


_prf = precision_recall_f1


def annotated(path: Path, verbose: bool) -> dict:
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    pairs = [
        ComparePairInput(
            id=r["id"],
            a=r["a"]["sentence"],
            b=r["b"]["sentence"],
            a_date=_fakes_date(r["a"]["date"]),
            b_date=_fakes_date(r["b"]["date"]),
            a_outlet=r["a"]["outlet"],
            b_outlet=r["b"]["outlet"],
        )
        for r in records
    ]
    results = compare(pairs)
    gold = [r["label"] for r in records]
    predicted = [result.kind for result in results]
    if verbose:
        for record, result in zip(records, results, strict=True):
            if record["label"] != result.kind:
                print(
                    f"{record['id']} gold={record['label']} pred={result.kind} sim={result.similarity:.2f}: {result.reason}"
                )
    confusion = collections.Counter(zip(gold, predicted, strict=True))
    unrelated = [p for g, p in zip(gold, predicted, strict=True) if g == "unrelated"]
    return {
        "pairs": len(records),
        "discrepancy": _prf(
            [g in DISCREPANCY for g in gold], [p in DISCREPANCY for p in predicted]
        ),
        "discrepancy_strict": _prf(
            [g in STRICT_DISCREPANCY for g in gold], [p in STRICT_DISCREPANCY for p in predicted]
        ),
        "duplicate": _prf([g == "duplicate" for g in gold], [p == "duplicate" for p in predicted]),
        "trap_false_alarm_rate": round(
            sum(p in DISCREPANCY for p in unrelated) / max(1, len(unrelated)), 3
        ),
        "trap_reported_rate": round(
            sum(p != "unrelated" for p in unrelated) / max(1, len(unrelated)), 3
        ),
        "exact_kind_accuracy": round(
            sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(records), 3
        ),
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
    }


def mrpc(path: Path, limit: int | None) -> dict:
    """The shipped paraphrase adapter was trained on these pairs, so its figure here is
    in-sample; the honest one is the cross-fitted figure of scripts/train_paraphrase.py
    (bench/results/paraphrase_cv.json), reported beside it. Without the judge
    (--paraphrase-model none) and raw cosine need no training."""
    rows = list(
        csv.reader(path.open(encoding="utf-8-sig"), delimiter="\t", quoting=csv.QUOTE_NONE)
    )[1:]
    rows = [row for row in rows if len(row) >= 5][:limit]
    pairs = [ComparePairInput(id=f"mrpc-{i}", a=row[3], b=row[4]) for i, row in enumerate(rows)]
    gold = [row[0] == "1" for row in rows]
    started = time.perf_counter()
    results = compare(pairs)
    seconds = time.perf_counter() - started
    without_judge = compare(pairs, paraphrase_model="none")
    similarities = np.array([result.similarity for result in results])
    best_f1, best_threshold = 0.0, 0.0
    for threshold in np.arange(0.30, 0.96, 0.01):
        f1 = _prf(gold, list(similarities >= threshold))["f1"]
        if f1 > best_f1:
            best_f1, best_threshold = f1, float(threshold)
    cross_fitted = RESULTS / "paraphrase_cv.json"
    return {
        "pairs": len(rows),
        "checker_shipped_adapter_in_sample": _prf(gold, _positive(results)),
        "checker_cross_fitted": (
            json.loads(cross_fitted.read_text(encoding="utf-8")) if cross_fitted.is_file() else None
        ),
        "checker_without_judge": _prf(gold, _positive(without_judge)),
        "raw_cosine_best": {"f1": round(best_f1, 3), "threshold": round(best_threshold, 2)},
        "seconds": round(seconds, 1),
    }


def _positive(results: list) -> list[bool]:
    return [result.kind in ("duplicate", "compatible") for result in results]


def stsb(path: Path) -> dict:
    rows = [
        row
        for row in csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
        if len(row) >= 7
    ]
    embedder = get_embedder()
    a = embedder.encode([row[5] for row in rows])
    b = embedder.encode([row[6] for row in rows])
    similarity = np.einsum("ij,ij->i", a, b)
    rho = spearmanr(similarity, [float(row[4]) for row in rows]).statistic
    return {"pairs": len(rows), "spearman": round(float(rho), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--only", choices=("end_to_end", "annotated", "mrpc", "stsb"), default=None)
    parser.add_argument("--mrpc-limit", type=int, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    results = {}
    if args.only in (None, "end_to_end"):
        results["end_to_end_fakes_report"] = end_to_end(DATA)
    if args.only in (None, "annotated"):
        # The classifier alone: given pairs, not what the report finds.
        results["annotated_dev"] = annotated(DATA / "annotated" / "dev.jsonl", args.verbose)
        results["annotated_dev2"] = annotated(DATA / "annotated" / "dev2.jsonl", args.verbose)
    if args.only in (None, "mrpc"):
        results["mrpc_train"] = mrpc(DATA / "mrpc" / "msr_paraphrase_train.txt", args.mrpc_limit)
    if args.only in (None, "stsb"):
        results["stsb_dev"] = stsb(DATA / "stsb" / "sts-dev.csv")
    emit(results, args.out)


if __name__ == "__main__":
    sys.exit(main())
