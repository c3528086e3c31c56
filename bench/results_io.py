"""Benchmark output: print the results as JSON and, with --out, save them for the README."""

from __future__ import annotations

import json
from pathlib import Path


def emit(results: dict, out: Path | None, *, sort_keys: bool = True) -> None:
    text = json.dumps(results, indent=2, sort_keys=sort_keys)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
