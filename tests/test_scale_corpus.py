"""The scale benchmark's corpus generator (bench/scale_corpus.py) on the eight bundled FA-KES rows:
copies that differ from the original in ids, outlets, dates and figures but not in years,
the same bytes every time, and written row by row."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import re
import sys
import tracemalloc
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "fixtures" / "fakes-sample" / "fakes-sample.csv"
sys.path.insert(0, str(REPO / "bench"))
scale_corpus = importlib.import_module("scale_corpus")

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(cell: str) -> dt.date:
    month, day, year = (int(part) for part in cell.split("/"))
    return dt.date(year, month, day)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[scale_corpus.Generated, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("scale") / "sample-x3.csv"
    made = scale_corpus.generate(out, copies=3, source=SAMPLE)
    return made, _rows(out)


def test_copy_zero_is_the_original_rows(generated):
    made, rows = generated
    original = _rows(SAMPLE)
    assert (made.copies, made.rows) == (3, 3 * len(original))
    assert rows[: len(original)] == original


def test_copies_have_new_unique_ids_and_their_own_outlets(generated):
    made, rows = generated
    assert len({row["unit_id"] for row in rows}) == len(rows)
    original_outlets = {row["source"] for row in _rows(SAMPLE)}
    by_copy = [{row["source"] for row in rows[k * 8 : (k + 1) * 8]} for k in range(3)]
    assert by_copy[0] == original_outlets
    assert by_copy[1] == {f"{outlet} (copy 1)" for outlet in original_outlets}
    assert not by_copy[1] & by_copy[2]
    assert made.outlets == 3 * len(original_outlets)
    assert rows[8]["unit_id"] == rows[0]["unit_id"] + "-1"


def test_dates_move_by_a_copy_specific_number_of_days(generated):
    _, rows = generated
    for k in (1, 2):
        copy = scale_corpus.plan_copy(k)
        assert copy.shift_days == k * scale_corpus.DAYS_APART
        for original, copied in zip(rows[:8], rows[k * 8 : (k + 1) * 8], strict=True):
            assert _date(copied["date"]) - _date(original["date"]) == dt.timedelta(
                days=copy.shift_days
            )
    # The dateline in the text moves too: 12 June 2016 + 35 days.
    assert rows[0]["article_content"].startswith("Date of publication 12 June 2016 ")
    assert rows[8]["article_content"].startswith("Date of publication 17 July 2016 ")


def test_figures_change_and_years_do_not(generated):
    _, rows = generated
    delta = scale_corpus.plan_copy(1).delta
    assert delta in scale_corpus.DELTAS
    original, copied = rows[0]["article_content"], rows[8]["article_content"]
    assert "killing at least 12 people" in original
    assert f"killing at least {12 + delta} people" in copied
    assert f"killed {13 + delta} and wounded {29 + delta}" in copied
    # Years written alone are left as they are (only the dates around them move).
    for source, copy in zip(rows[:8], rows[8:16], strict=True):
        text, moved = source["article_content"], copy["article_content"]
        alone = [y for y in YEAR.findall(text) if f"in {y}" in text or f"since {y}" in text]
        assert all(year in moved for year in alone)
        assert text != moved


def test_perturb_text_keeps_what_is_no_count():
    text = (
        "On 5 Apr 2017 at 10:59 an F-16 struck; 1.5 million fled, 1,200 died, "
        "a 12-year-old among them, in 2015 and on April 5 2017 (Apr 052017, 05.04.2017)."
    )
    assert scale_corpus.perturb_text(text, 7, 2, 2017) == (
        "On 12 Apr 2017 at 10:59 an F-16 struck; 1.5 million fled, 1,202 died, "
        "a 12-year-old among them, in 2015 and on April 12 2017 (Apr 122017, 12.04.2017)."
    )
    assert scale_corpus.perturb_text("June 28 and 31st December 2016", 7, 1, 2016) == (
        "July 5 and 7th January 2017"
    )
    assert scale_corpus.shift_csv_date("12/30/2016", 7) == "1/6/2017"
    assert scale_corpus.shift_csv_date("not a date", 7) == "not a date"


def test_the_output_is_deterministic_and_the_seed_matters(tmp_path):
    first, second, other = tmp_path / "a" / "x.csv", tmp_path / "b" / "x.csv", tmp_path / "c.csv"
    for out, seed in ((first, 0), (second, 0), (other, 1)):
        scale_corpus.generate(out, copies=12, source=SAMPLE, seed=seed)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    assert "CC BY" in (first.parent / "SOURCE.txt").read_text(encoding="utf-8")


def test_target_mb_stops_near_the_target(tmp_path):
    made = scale_corpus.generate(tmp_path / "x.csv", target_mb=0.1, source=SAMPLE)
    size = (tmp_path / "x.csv").stat().st_size
    assert made.bytes == size
    assert 100_000 <= size < 100_000 + 20_000  # one row past the target at most
    assert made.copies > 4


def _peak_bytes(out: Path, copies: int) -> tuple[int, int]:
    """The file's size and the most memory Python held while generating it."""
    tracemalloc.start()
    try:
        made = scale_corpus.generate(out, copies=copies, source=SAMPLE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return made.bytes, peak


def test_it_streams_row_by_row(tmp_path):
    """Eight times the copies (about 2 MB) take about the same memory: rows are written as
    they are made, not gathered."""
    small_bytes, small_peak = _peak_bytes(tmp_path / "small.csv", 10)
    large_bytes, large_peak = _peak_bytes(tmp_path / "large.csv", 80)
    assert large_bytes > 7 * small_bytes
    assert large_peak < 1.5 * small_peak
    assert large_peak < large_bytes / 5
