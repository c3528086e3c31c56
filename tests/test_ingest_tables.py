"""CSV and JSONL tables (checker/ingest/tables.py): repeated ids, broken quoting, big tables."""

from __future__ import annotations

import time
from pathlib import Path

from checker.ingest import load_articles

# 8,000 rows sharing one id took 128 s when each repeat was compared with every earlier one;
# linear handling takes well under a second, so this bound only catches the quadratic case.
MANY_REPEATS = 8_000
REPEATS_SECONDS = 20.0


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- repeated ids ----------------------------------------------------------------------------


def test_repeated_ids_skip_exact_copies_and_number_variants(tmp_path):
    table = write(
        tmp_path / "news.csv",
        "id,outlet,text\n"
        "x,sana,Four were killed.\n"
        "x,sana,Four were killed.\n"  # exact copy: skipped
        "x,sana,Five were killed.\n"  # other text: x#2
        "x#3,sana,Taken explicitly.\n"
        "x,sana,Six were killed.\n"  # x#3 is taken: x#4
        "x,sana,Five were killed.\n"  # copy of the x#2 variant: skipped
        "y,trt,Nine were hurt.\n",
    )

    result = load_articles([table])

    assert sorted(a.id for a in result.articles) == ["x", "x#2", "x#3", "x#4", "y"]
    assert result.warnings == [
        f"{table}:row 2: duplicate of {table}:row 1 (same id and text); skipped",
        f"{table}:row 3: id 'x' already used by {table}:row 1 with different text; loaded as 'x#2'",
        f"{table}:row 5: id 'x' already used by {table}:row 1 with different text; loaded as 'x#4'",
        f"{table}:row 6: duplicate of {table}:row 3 (same id and text); skipped",
    ]


def test_thousands_of_rows_sharing_one_id_load_in_linear_time(tmp_path):
    rows = "".join(
        f"same,sana,Report number {number % (MANY_REPEATS // 2)} of the day.\n"
        for number in range(MANY_REPEATS)
    )
    table = write(tmp_path / "repeats.csv", "id,outlet,text\n" + rows)

    started = time.perf_counter()
    result = load_articles([table])
    elapsed = time.perf_counter() - started

    assert elapsed < REPEATS_SECONDS
    assert len(result.articles) == MANY_REPEATS // 2
    assert {a.id for a in result.articles} == {"same"} | {
        f"same#{copy}" for copy in range(2, MANY_REPEATS // 2 + 1)
    }
    skipped = [w for w in result.warnings if w.endswith("skipped")]
    assert len(skipped) == MANY_REPEATS // 2
    assert skipped[-1] == (
        f"{table}:row {MANY_REPEATS}: duplicate of {table}:row {MANY_REPEATS // 2} "
        "(same id and text); skipped"
    )
