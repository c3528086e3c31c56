"""Larger corpora from the FA-KES CSV: K copies of its rows, each a little different.

Run: python bench/scale_corpus.py OUT.csv (--copies K | --target-mb N) [--source CSV] [--seed S]
Copy 0 is the original rows, unchanged. Copy k >= 1 of a row gets:
  * a new id, `<unit_id>-<k>`, and a new outlet, `<source> (copy k)` (FA-KES: 15 outlets a copy);
  * its dates moved k*D days later (D = --days-apart, default 35: five weeks, so "on Sunday"
    stays true, and more than the 30 days within which checker pairs two reports, so the
    copies of one report do not pair with each other, though a copy may pair with another
    event's reports that its new dates meet): the CSV date
    column and the full dates its title and text write ("12 June 2016", "June 12, 2016",
    "Apr 052017", "24.08.2013", "2016-06-12"), and day-and-month dates without a year
    ("June 12", "4 July", dated in the row's own year);
  * its figures raised by a copy-specific 1 to 3 (seeded): every whole number in the title and
    text, "32 people" -> "34 people", "1,200" -> "1,202", except years (1900-2100), the
    parts of the dates above, times (10:59), decimals (1.5), and numbers glued to letters or
    hyphens (F-16, 12-year-old, 3rd).
The output is written row by row (the input is re-read once per copy), never held whole; a
SOURCE.txt beside it names the source and its licence. Same source and seed: same bytes.
--target-mb stops at the first row that brings the file to N MB (10^6 bytes).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
ID, TITLE, TEXT, OUTLET, DATE = "unit_id", "article_title", "article_content", "source", "date"
# Copies further apart than checker's widest pairing window (judge.candidates
# EVENT_WINDOW_DAYS, 30) are other events, so pairs grow with the copies, not their square;
# a multiple of 7 keeps weekdays right.
DAYS_APART = 35
DELTAS = (1, 2, 3)
MB = 1_000_000
FIRST_YEAR, LAST_YEAR = 1900, 2100

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER |= {name[:3]: number for name, number in _MONTH_NUMBER.items()} | {"Sept": 9}
_MONTH_NUMBER |= {name.upper(): number for name, number in _MONTH_NUMBER.items()}
_MONTH = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + ")"
_START = r"(?<![\w.,:/+-])"


def _form(name: str, pattern: str) -> str:
    """One date form as a named alternative: {d} {m} {y} {s} in `pattern` become its day,
    month, year and optional ordinal-suffix groups, named `<name>_d` and so on."""
    month = r"\d{1,2}" if name == "numeric" else _MONTH
    for part, body in (("d", r"\d{1,2}"), ("m", month), ("y", r"\d{4}"), ("s", "st|nd|rd|th")):
        group = f"(?P<{name}_{part}>{body})" + ("?" if part == "s" else "")
        pattern = pattern.replace("{" + part + "}", group)
    return f"(?P<{name}>{_START}{pattern})"


_FORMS = (
    _form("day_month_year", r"{d}{s}\s+{m}\.?,?\s+{y}(?!\d)"),
    _form("month_day_year", r"{m}\.?\s+{d}{s},?\s+{y}(?!\d)"),
    _form("month_dayyear", r"{m}\.?\s+(?P<month_dayyear_d>\d{2})(?P<month_dayyear_y>\d{4})(?!\d)"),
    _form("numeric", r"{d}(?P<numeric_sep>[.-]){m}(?P=numeric_sep){y}(?!\d)"),
    _form("iso", r"{y}-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?!\d)"),
    _form("month_day", r"{m}\.?\s+{d}{s}(?![\w-]|[.,:/]\d)"),
    _form("day_month", r"{d}{s}\s+{m}\b"),
)
_NUMBER = r"(?P<number>" + _START + r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|[.,:/]\d))"
_TOKENS = re.compile("|".join(_FORMS) + "|" + _NUMBER)
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
# Forms whose numbers have a fixed width ("24.08.2013", "2016-06-12", "Apr 052017").
FIXED_WIDTH = frozenset({"numeric", "iso", "month_dayyear"})
_CSV_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


@dataclass(frozen=True)
class Copy:
    """How copy `number` of the corpus differs from the original rows."""

    number: int
    shift_days: int
    delta: int

    def outlet(self, source: str) -> str:
        return source if self.number == 0 else f"{source} (copy {self.number})"

    def id(self, unit_id: str) -> str:
        return unit_id if self.number == 0 else f"{unit_id}-{self.number}"


@dataclass(frozen=True)
class Generated:
    """What `generate` wrote."""

    path: Path
    copies: int
    rows: int
    bytes: int
    outlets: int


def plan_copy(number: int, seed: int = 0, days_apart: int = DAYS_APART) -> Copy:
    """Copy `number`'s date shift and figure change (copy 0: none)."""
    if number == 0:
        return Copy(0, 0, 0)
    delta = random.Random(f"scale-corpus/{seed}/{number}").choice(DELTAS)
    return Copy(number, days_apart * number, delta)


def perturb_text(text: str, shift_days: int, delta: int, year: int | None = None) -> str:
    """`text` with its dates moved `shift_days` later and its figures raised by `delta`;
    `year` dates a day and month written without one."""
    if not shift_days and not delta:
        return text
    return _TOKENS.sub(lambda match: _replace(match, shift_days, delta, year), text)


def _replace(match: re.Match[str], shift_days: int, delta: int, year: int | None) -> str:
    form = match.lastgroup or ""
    if form == "number":
        return _raised(match.group(0), delta)
    found = _date_parts(match, form, year)
    if found is None:
        return match.group(0)
    moved = found + dt.timedelta(days=shift_days)
    values = {"d": moved.day, "m": moved.month, "y": moved.year}
    groups = match.groupdict()
    parts = sorted(
        (match.start(f"{form}_{part}"), part)
        for part in "dmys"
        if groups.get(f"{form}_{part}") is not None
    )
    text, at, pieces = match.string, match.start(), []
    for start, part in parts:
        original = groups[f"{form}_{part}"]
        if part == "s":
            new = _suffix(moved.day, original)
        else:
            new = _written(original, values[part], fixed=form in FIXED_WIDTH)
        pieces += [text[at:start], new]
        at = match.end(f"{form}_{part}")
    return "".join(pieces) + text[at : match.end()]


def _date_parts(match: re.Match[str], form: str, year: int | None) -> dt.date | None:
    """The date a date form matched, or None when it is no real date (then it stays as is)."""
    groups = match.groupdict()
    month_text = groups[f"{form}_m"]
    month = int(month_text) if month_text.isdigit() else _MONTH_NUMBER[month_text]
    written_year = groups.get(f"{form}_y")
    found_year = int(written_year) if written_year else year
    if found_year is None or not FIRST_YEAR <= found_year <= LAST_YEAR:
        return None
    try:
        return dt.date(found_year, month, int(groups[f"{form}_d"]))
    except ValueError:
        return None


def _written(original: str, value: int, *, fixed: bool = False) -> str:
    """`value` in the style of `original`: a number zero-padded as it is (always as wide as it
    in a `fixed`-width form), a month as a full name or a three-letter abbreviation ("Sept" for
    September) and cased as it."""
    if original.isdigit():
        padded = fixed or (original.startswith("0") and len(original) > 1)
        return str(value).zfill(len(original)) if padded else str(value)
    name = MONTHS[value - 1]
    if original.capitalize() not in MONTHS:
        name = "Sept" if value == 9 and original.lower() == "sept" else name[:3]
    return name.upper() if original.isupper() and len(original) > 1 else name


def _suffix(day: int, original: str) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else _SUFFIXES.get(day % 10, "th")
    return suffix.upper() if original.isupper() else suffix


def _raised(number: str, delta: int) -> str:
    plain = number.replace(",", "")
    value = int(plain)
    if "," not in number and len(plain) == 4 and FIRST_YEAR <= value <= LAST_YEAR:
        return number  # a year
    if "," in number:
        return f"{value + delta:,}"
    return _written(plain, value + delta)


def shift_csv_date(value: str, days: int) -> str:
    """A FA-KES date cell (M/D/YYYY; D/M/YYYY when the first number is over 12) moved `days`
    later, written M/D/YYYY; a cell that is no such date stays as is."""
    match = _CSV_DATE.fullmatch(value)
    if not days or match is None:
        return value
    first, second, year = (int(group) for group in match.groups())
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        moved = dt.date(year, month, day) + dt.timedelta(days=days)
    except ValueError:
        return value
    return f"{moved.month}/{moved.day}/{moved.year}"


def copy_row(row: dict[str, str], copy: Copy) -> dict[str, str]:
    """Row `row` as copy `copy` has it (copy 0: the row itself)."""
    if copy.number == 0:
        return row
    match = _CSV_DATE.fullmatch(row.get(DATE) or "")
    year = int(match.group(3)) if match else None
    new = dict(row)
    new[ID] = copy.id(row[ID])
    new[OUTLET] = copy.outlet(row[OUTLET])
    new[DATE] = shift_csv_date(row.get(DATE) or "", copy.shift_days)
    for column in (TITLE, TEXT):
        new[column] = perturb_text(row.get(column) or "", copy.shift_days, copy.delta, year)
    return new


def read_rows(source: Path, encoding: str = "utf-8") -> Iterator[dict[str, str]]:
    """The rows of a CSV, one at a time."""
    with source.open(encoding=encoding, newline="") as handle:
        yield from csv.DictReader(handle)


def generate(
    out: Path,
    *,
    copies: int | None = None,
    target_mb: float | None = None,
    source: Path = FAKES,
    seed: int = 0,
    days_apart: int = DAYS_APART,
    encoding: str = "utf-8",
) -> Generated:
    """Write `copies` copies of `source`'s rows to `out` (UTF-8), or as many rows of copy after
    copy as bring it to `target_mb` MB, and a SOURCE.txt beside it."""
    if (copies is None) == (target_mb is None):
        raise ValueError("give copies or target_mb, not both")
    limit = None if target_mb is None else int(target_mb * MB)
    if limit is None and copies is not None and copies < 1:
        raise ValueError("copies must be at least 1")
    with source.open(encoding=encoding, newline="") as handle:
        header = next(csv.reader(handle))
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    written, rows, outlets, number = 0, 0, set(), 0
    with out.open("wb") as sink:
        written += sink.write(_drain(buffer))
        for number in range(copies) if copies is not None else _endless():
            copy = plan_copy(number, seed, days_apart)
            for row in read_rows(source, encoding):
                writer.writerow(copy_row(row, copy))
                written += sink.write(_drain(buffer))
                rows += 1
                outlets.add(copy.outlet(row[OUTLET]))
                if limit is not None and written >= limit:
                    break
            if (limit is not None and written >= limit) or rows == 0:
                break
    _write_source_note(out, source, number + 1, seed, days_apart)
    return Generated(out, number + 1, rows, written, len(outlets))


def _endless() -> Iterator[int]:
    number = 0
    while True:
        yield number
        number += 1


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data


def _write_source_note(out: Path, source: Path, copies: int, seed: int, days_apart: int) -> None:
    note = source.with_name("SOURCE.txt")
    original = note.read_text(encoding="utf-8") if note.is_file() else ""
    (out.parent / "SOURCE.txt").write_text(
        f"{out.name}: generated by bench/scale_corpus.py (seed {seed}, {copies} copies) from\n"
        f"{source.name}, the FA-KES dataset (Salem, Al Feel, Elbassuoni, Jaber, Farah; ICWSM\n"
        "2019; Zenodo doi:10.5281/zenodo.2607278; licence CC BY). Copy 0 is the original rows;\n"
        f"each later copy k has new ids, outlets '<source> (copy k)', dates moved {days_apart}*k days\n"
        "later and its figures raised by 1 to 3: changed data, not FA-KES as published.\n"
        + (f"\nThe source's own note ({note}):\n{original}" if original else ""),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="CSV file to write")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--copies", type=int, help="copies of the source rows (1: the original)")
    size.add_argument("--target-mb", type=float, help="write about this many MB (10^6 bytes)")
    parser.add_argument("--source", type=Path, default=FAKES, help="the CSV to copy (FA-KES)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--days-apart", type=int, default=DAYS_APART, help="between copies")
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the source")
    args = parser.parse_args(argv)
    made = generate(
        args.out,
        copies=args.copies,
        target_mb=args.target_mb,
        source=args.source,
        seed=args.seed,
        days_apart=args.days_apart,
        encoding=args.encoding,
    )
    print(
        f"wrote {made.rows} rows ({made.copies} copies, {made.outlets} outlets), "
        f"{made.bytes / MB:.1f} MB -> {made.path}"
    )


if __name__ == "__main__":
    main()
