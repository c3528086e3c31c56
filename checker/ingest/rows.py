"""Rows of a CSV or JSONL table, parsed one at a time from the file's lines (never the whole
text at once), each with its row and line numbers or the problem that makes it unusable.

A CSV row whose quoted cell swallowed the rows after it (an unbalanced quote: the cell runs on
until the next quote closes it) is caught by what it holds: lines that read as rows of their
own, with as many cells as the header and the same kind of value in the other columns.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from checker.errors import InputError

# News bodies can exceed the csv module's default 128 KiB cell limit.
MAX_CSV_FIELD_CHARS = 16 * 1024 * 1024
# What kind of value a cell holds, for comparing a swallowed line's cells with its row's:
# runs of capitals, small letters and digits collapse to one mark each ("news-12" -> "a-9").
_SHAPE_RUNS = (
    (re.compile(r"[A-Z]+"), "A"),
    (re.compile(r"[a-z]+"), "a"),
    (re.compile(r"\d+"), "9"),
)


class Row(NamedTuple):
    number: int  # 1-based data row (CSV) or line number (JSONL)
    first_line: int  # line of the file where the row starts
    record: dict[str, Any] | None  # None when the row is malformed
    problem: str = ""


def csv_rows(lines: Iterable[str], display: str) -> tuple[list[str], Iterator[Row]]:
    """The header, and a generator of each non-blank data row, read as it is asked for."""
    if csv.field_size_limit() < MAX_CSV_FIELD_CHARS:
        csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    reader = csv.reader(lines)
    header = _csv_parsed(reader, display, lambda: next(reader, None))
    if not header or not any(cell.strip() for cell in header):
        raise InputError(display, "no header row; the first line must name the columns")
    return [cell.strip() for cell in header], _csv_data(reader, header, display)


def _csv_data(reader: Any, header: list[str], display: str) -> Iterator[Row]:
    line_before, number = reader.line_num, 0
    while (cells := _csv_parsed(reader, display, lambda: next(reader, None))) is not None:
        first_line, line_before = line_before + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        number += 1
        if len(cells) != len(header):
            problem = (
                f"has {len(cells)} cells, the header has {len(header)} "
                f"(line {first_line}); check quoting"
            )
            yield Row(number, first_line, None, problem)
        elif first_line != line_before and (swallowed := _swallowed_rows(cells, first_line)):
            yield Row(
                number, first_line, None, _swallow_problem(first_line, line_before, swallowed)
            )
        else:
            yield Row(number, first_line, dict(zip(header, cells, strict=True)))


def _csv_parsed(reader: Any, display: str, read: Any) -> Any:
    try:
        return read()
    except csv.Error as error:
        raise InputError(
            display, f"CSV cannot be parsed near line {reader.line_num}: {error}"
        ) from error


def _swallowed_rows(cells: list[str], first_line: int) -> list[int]:
    """The lines inside the row's multi-line cells that read as rows of the table themselves:
    as many cells as the header, each other column holding the same kind of value as the row."""
    found = []
    lines_before = 0
    for column, cell in enumerate(cells):
        inner = cell.split("\n")
        for offset, line in enumerate(inner[1:], start=1):
            parsed = next(csv.reader([line]), [])
            if len(parsed) == len(cells) and all(
                _shape(parsed[other]) == _shape(cells[other])
                for other in range(len(cells))
                if other != column
            ):
                found.append(first_line + lines_before + offset)
        lines_before += len(inner) - 1
    return found if len(cells) > 1 else []


def _shape(cell: str) -> str:
    for pattern, mark in _SHAPE_RUNS:
        cell = pattern.sub(mark, cell)
    return cell


def _swallow_problem(first_line: int, last_line: int, swallowed: list[int]) -> str:
    more = f" and {len(swallowed) - 1} more" if len(swallowed) > 1 else ""
    return (
        f"a quoted cell runs from line {first_line} to line {last_line} and holds what read as "
        f"rows of their own (line {swallowed[0]}{more}); an unbalanced quote? skipped with the "
        "rows it swallowed; fix the quoting (a quote inside a quoted cell is written twice)"
    )


def jsonl_rows(lines: Iterable[str]) -> Iterator[Row]:
    """Each non-blank line, parsed as it is asked for."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"not valid JSON ({error.msg} at column {error.colno})"
            yield Row(number, number, None, problem)
            continue
        if not isinstance(record, dict):
            problem = (
                f"is a JSON {type(record).__name__}, not an object; JSONL needs one object per line"
            )
            yield Row(number, number, None, problem)
            continue
        yield Row(number, number, record)
