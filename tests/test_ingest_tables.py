"""CSV and JSONL tables (checker/ingest/tables.py, rows.py): repeated ids, broken quoting, big
and binary files read incrementally."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ingest import load_articles

# 8,000 rows sharing one id took 128 s when each repeat was compared with every earlier one;
# linear handling takes well under a second, so this bound only catches the quadratic case.
MANY_REPEATS = 8_000
REPEATS_SECONDS = 20.0
# A big table is parsed row by row: what loading holds beyond the articles it returns stays
# far below the file's size (reading the text whole, then splitting it, held several times it).
# 20,000 rows of 300-odd characters (6.8 MB): reading the text whole held 815 bytes a row
# beyond the articles; row by row holds about 180 (the indexes of ids), whatever a row's length.
BIG_TABLE_ROWS = 20_000
TRANSIENT_BYTES_PER_ROW = 300


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


# --- broken quoting ----------------------------------------------------------------------------


def test_an_unbalanced_quote_that_swallows_rows_is_a_warning_with_its_lines(tmp_path):
    table = write(
        tmp_path / "news.csv",
        "id,outlet,text\n"
        "1,sana,Four were killed.\n"
        '2,trt,"Nine were hurt\n'  # the quote never closes on its line...
        "3,ahram,Ten were missing.\n"
        '4,bbc,"Two were found."\n'  # ...until this row's opening quote
        "5,rt,Six were seen.\n",
    )

    result = load_articles([table])

    assert sorted(a.id for a in result.articles) == ["1", "5"]
    assert result.warnings == [
        f"{table}:row 2: a quoted cell runs from line 3 to line 5 and holds what read as rows "
        "of their own (line 4 and 1 more); an unbalanced quote? skipped with the rows it "
        "swallowed; fix the quoting (a quote inside a quoted cell is written twice)"
    ]


def test_quoted_cells_spanning_lines_with_commas_are_no_false_alarm(tmp_path):
    table = write(
        tmp_path / "news.csv",
        "id,outlet,text\n"
        '1,sana,"Four were killed.\nIn Aleppo, Idlib, and Hama\nsana,trt,ahram"\n'
        '2,trt,"Nine, hurt,\n""quoted"", too"\n',
    )

    result = load_articles([table])

    assert [a.id for a in result.articles] == ["1", "2"]
    assert result.warnings == []


def test_fakes_has_no_unbalanced_quote_warning(fakes_articles):
    assert not [w for w in fakes_articles.warnings if "unbalanced quote" in w]


# --- big files -------------------------------------------------------------------------------


class _CountingReads:
    """Wraps an open binary file and counts the bytes read from it."""

    def __init__(self, stream, counter):
        self.stream, self.counter = stream, counter

    def read(self, size=-1):
        data = self.stream.read(size)
        self.counter.append(len(data))
        return data

    def __iter__(self):
        for line in self.stream:
            self.counter.append(len(line))
            yield line

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_a_huge_binary_file_is_refused_from_its_first_block(tmp_path, monkeypatch, suffix):
    huge = tmp_path / f"disk{suffix}"
    with huge.open("wb") as stream:  # sparse: 300 MB of NUL bytes taking no disk space
        stream.truncate(300 * 1024 * 1024)
    counter: list[int] = []
    real_open = Path.open

    def counting_open(path, mode="r", *args, **kwargs):
        opened = real_open(path, mode, *args, **kwargs)
        return _CountingReads(opened, counter) if path == huge else opened

    monkeypatch.setattr(Path, "open", counting_open)
    started = time.perf_counter()
    with pytest.raises(InputError, match="file is binary"):
        load_articles([huge])

    assert time.perf_counter() - started < 2.0
    assert 0 < sum(counter) <= 64 * 1024


def test_a_nul_byte_in_a_row_past_the_first_block_names_its_line(tmp_path):
    rows = "".join(f"{n},sana,Report {n}: {n} were hurt in Aleppo.\n" for n in range(1, 400))
    table = write(tmp_path / "news.csv", f"id,outlet,text\n{rows}400,trt,Nine\x00 were hurt.\n")
    assert table.stat().st_size > 8 * 1024  # beyond the block a binary file is sniffed in

    with pytest.raises(InputError) as raised:
        load_articles([table])

    assert str(raised.value) == (
        f"{table}: file is binary (it contains NUL bytes), not text; if it is UTF-16, "
        "save it as UTF-8 (line 401)"
    )


def test_a_big_table_loads_row_by_row_in_bounded_memory(tmp_path):
    table = tmp_path / "big.csv"
    with table.open("w", encoding="utf-8") as stream:
        stream.write("id,outlet,text\n")
        for number in range(BIG_TABLE_ROWS):
            stream.write(f"{number},sana,Report {number}: {number % 97} were hurt. {'x' * 300}\n")

    tracemalloc.start()
    try:
        result = load_articles([table])
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert len(result.articles) == BIG_TABLE_ROWS
    assert peak - retained < BIG_TABLE_ROWS * TRANSIENT_BYTES_PER_ROW
