"""CSV and JSONL tables, one article per row: column detection, row checks, repeated ids."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from checker.errors import InputError
from checker.ingest.article import InputFile, make_article, read_text
from checker.models import Article

# Column names tried, in order, when FieldMap leaves a field to auto-detection. The FA-KES CSV
# (unit_id, article_title, article_content, source, date, location, labels) indexes with no
# flags: unit_id -> id, article_title -> title, article_content -> text, source -> outlet,
# date -> date (M/D/YYYY); its location and labels columns are not read.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "article_content", "article_text"),
    "outlet": ("outlet", "source", "publisher", "site", "domain", "source_name"),
    "id": ("id", "unit_id", "doc_id", "article_id", "guid"),
    "date": ("date", "published", "publish_date", "pubdate", "published_at", "datetime"),
    "title": ("title", "headline", "article_title"),
    "url": ("url", "link"),
}
FIELD_FLAGS = {name: f"--{name}-field" for name in FIELD_CANDIDATES}

# News bodies can exceed the csv module's default 128 KiB cell limit.
MAX_CSV_FIELD_CHARS = 16 * 1024 * 1024


class FieldMap(BaseModel):
    """Which CSV column or JSONL key holds each field; None means detect it by name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str | None = None
    outlet: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None


def load_table(
    found: InputFile,
    fields: FieldMap,
    outlet: str | None,
    encoding: str,
    warnings: list[str],
) -> list[Article]:
    """One article per CSV row or JSONL line; bad rows are skipped with a warning."""
    path, display = found.path, found.display
    raw = read_text(path, display, encoding)
    if path.suffix.lower() == ".csv":
        columns, rows = _csv_rows(raw, display)
    else:
        columns, rows = _jsonl_rows(raw)
    problems = [f"{display}:row {row.number}: {row.problem}" for row in rows if row.problem]
    if len(problems) == len(rows):
        first = problems[0] if problems else "the file has a header but no data rows"
        raise InputError(display, f"no usable rows ({len(problems)} malformed); first: {first}")
    mapping = _map_columns(columns, fields, outlet, display)
    articles: list[Article] = []
    table_warnings: list[str] = []
    loaded = _LoadedIds()
    for row in rows:
        where = f"{display}:row {row.number}"
        if row.record is None:
            table_warnings.append(f"{where}: {row.problem}")
            continue
        read = _row_article(row, mapping, outlet, where, found.name, table_warnings)
        if isinstance(read, str):
            problems.append(f"{where}: {read}")
            table_warnings.append(f"{where}: {read}")
            continue
        article = _disambiguate(read, loaded, where, table_warnings)
        if article is not None:
            loaded.add(article)
            articles.append(article)
    if not articles:
        raise InputError(
            display, f"no usable rows ({len(problems)} malformed); first: {problems[0]}"
        )
    warnings.extend(table_warnings)
    return articles


class _Row(NamedTuple):
    number: int  # 1-based data row (CSV) or line number (JSONL)
    first_line: int  # line of the file where the row starts
    record: dict[str, Any] | None  # None when the row is malformed
    problem: str = ""


def _csv_rows(raw: str, display: str) -> tuple[list[str], list[_Row]]:
    """The header and each non-blank data row."""
    if csv.field_size_limit() < MAX_CSV_FIELD_CHARS:
        csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    reader = csv.reader(io.StringIO(raw, newline=""))
    rows: list[_Row] = []
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise InputError(display, "no header row; the first line must name the columns")
        header = [cell.strip() for cell in header]
        line_before = reader.line_num
        for cells in reader:
            first_line, line_before = line_before + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            row_number = len(rows) + 1
            if len(cells) != len(header):
                problem = (
                    f"has {len(cells)} cells, the header has {len(header)} "
                    f"(line {first_line}); check quoting"
                )
                rows.append(_Row(row_number, first_line, None, problem))
            else:
                rows.append(_Row(row_number, first_line, dict(zip(header, cells, strict=True))))
    except csv.Error as error:
        raise InputError(
            display, f"CSV cannot be parsed near line {reader.line_num}: {error}"
        ) from error
    return header, rows


def _jsonl_rows(raw: str) -> tuple[list[str], list[_Row]]:
    """All keys seen, sorted, and each non-blank line."""
    rows: list[_Row] = []
    keys: set[str] = set()
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"not valid JSON ({error.msg} at column {error.colno})"
            rows.append(_Row(number, number, None, problem))
            continue
        if not isinstance(record, dict):
            problem = (
                f"is a JSON {type(record).__name__}, not an object; JSONL needs one object per line"
            )
            rows.append(_Row(number, number, None, problem))
            continue
        keys.update(record)
        rows.append(_Row(number, number, record))
    return sorted(keys), rows


def _map_columns(
    columns: list[str], fields: FieldMap, outlet: str | None, display: str
) -> dict[str, str | None]:
    """Choose the column for each field, by FieldMap or by common names, case-insensitively."""
    by_lower = {column.lower(): column for column in columns}
    shown = ", ".join(columns) or "(none)"
    mapping: dict[str, str | None] = {}
    for name, candidates in FIELD_CANDIDATES.items():
        wanted = getattr(fields, name)
        if wanted is not None:
            if wanted.lower() not in by_lower:
                raise InputError(
                    display,
                    f"column '{wanted}' given by {FIELD_FLAGS[name]} not found; columns: {shown}",
                )
            mapping[name] = by_lower[wanted.lower()]
        else:
            mapping[name] = next((by_lower[c] for c in candidates if c in by_lower), None)
    if mapping["text"] is None:
        known = {name for candidates in FIELD_CANDIDATES.values() for name in candidates}
        if not known & set(by_lower):
            problem = "no known column names; the first row must be a header"
        else:
            problem = "no text column"
        raise InputError(
            display, f"{problem} (columns found: {shown}); name the text column with --text-field"
        )
    if mapping["outlet"] is None and outlet is None:
        raise InputError(
            display,
            f"no outlet column (columns found: {shown}); name it with --outlet-field "
            "or give one outlet for the whole file with --outlet",
        )
    return mapping


def _row_article(
    row: _Row,
    mapping: dict[str, str | None],
    outlet: str | None,
    where: str,
    file_name: str,
    warnings: list[str],
) -> Article | str:
    """Build one row's Article, or return the problem that makes the row unusable."""
    record = row.record or {}

    def cell(field: str) -> str:
        column = mapping[field]
        value = record.get(column) if column is not None else None
        return "" if value is None else str(value).strip()

    text_column = mapping["text"]
    text = record.get(text_column) if text_column is not None else None
    if text is not None and not isinstance(text, str):
        return f"text is a JSON {type(text).__name__}, not a string"
    if not text or not text.strip():
        return "empty text"
    row_outlet = cell("outlet") or outlet
    if not row_outlet:
        return "empty outlet; fill it in or pass --outlet"
    return make_article(
        where,
        article_id=cell("id") or f"{file_name}-{row.number}",
        outlet=row_outlet,
        date_text=cell("date") or None,
        title=cell("title"),
        url=cell("url"),
        text=text,
        first_line=row.first_line,
        default_id="",
        warnings=warnings,
    )


class _LoadedIds:
    """The ids one table has loaded so far, indexed so that a repeated id costs a few lookups
    rather than a scan of every earlier row (8,000 rows sharing an id were quadratic)."""

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}  # id -> the row that loaded it
        # (id or the part before a '#', content) -> the first row with that content
        self.by_content: dict[tuple[str, tuple[object, ...]], str] = {}
        self.next_copy: dict[str, int] = {}  # base id -> the lowest '#N' that may be free

    def add(self, article: Article) -> None:
        self.sources[article.id] = article.source
        content = _content(article)
        parts = article.id.split("#")
        for end in range(1, len(parts) + 1):  # "a#b#c" is a variant of "a", "a#b" and itself
            self.by_content.setdefault(("#".join(parts[:end]), content), article.source)

    def free_copy(self, base: str) -> str:
        """The next unused `base#N`, N from 2; ids only get added, so it never goes back."""
        copy = self.next_copy.get(base, 2)
        while f"{base}#{copy}" in self.sources:
            copy += 1
        self.next_copy[base] = copy
        return f"{base}#{copy}"


def _disambiguate(
    article: Article, loaded: _LoadedIds, where: str, warnings: list[str]
) -> Article | None:
    """Handle a repeated id within one table: drop an identical copy, number a variant."""
    base = article.id
    if base not in loaded.sources:
        return article
    earlier = loaded.by_content.get((base, _content(article)))
    if earlier is not None:
        warnings.append(f"{where}: duplicate of {earlier} (same id and text); skipped")
        return None
    new_id = loaded.free_copy(base)
    warnings.append(
        f"{where}: id '{base}' already used by {loaded.sources[base]} with different text; "
        f"loaded as '{new_id}'"
    )
    return make_article(
        where,
        article_id=new_id,
        outlet=article.outlet,
        date_text=article.date.isoformat() if article.date else None,
        title=article.title,
        url=article.url,
        text=article.text,
        first_line=article.first_line,
        default_id="",
        warnings=warnings,
    )


def _content(article: Article) -> tuple[object, ...]:
    """What makes two rows with one id the same article (the id aside)."""
    return (article.outlet, article.date, article.title, article.url, article.text)
