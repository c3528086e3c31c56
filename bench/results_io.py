"""Benchmark output: print the results as JSON and, with --out, save them for the README;
and the precision/recall/F1 every quality figure is given in."""

from __future__ import annotations

import json
from pathlib import Path


def emit(results: dict, out: Path | None, *, sort_keys: bool = True) -> None:
    text = json.dumps(results, indent=2, sort_keys=sort_keys)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")


def precision_recall_f1(
    gold: list[bool], predicted: list[bool], places: int = 3
) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, rounded to `places` decimals."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, places),
        "recall": round(recall, places),
        "f1": round(f1, places),
    }
