"""CSV and JSONL tables, one article per row: column detection, row checks, repeated ids
(the rows themselves are read in rows.py)."""

from __future__ import annotations

from collections.abc import Generator, Iterator

from pydantic import BaseModel, ConfigDict

from checker.errors import InputError
from checker.ingest.article import InputFile, make_article, read_lines
from checker.ingest.rows import Row, csv_rows, jsonl_rows
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
    """One article per CSV row or JSONL line, parsed one at a time from the open file; bad rows
    are skipped with a warning."""
    path, display = found.path, found.display
    if path.suffix.lower() == ".csv":
        lines = read_lines(path, display, encoding)
        columns, rows = csv_rows(lines, display)
    else:  # the columns are every key any line holds: a first pass finds them
        columns = _jsonl_columns(read_lines(path, display, encoding), display)
        lines = read_lines(path, display, encoding)
        rows = jsonl_rows(lines)
    mapping = _map_columns(columns, fields, outlet, display)
    try:
        return _articles(rows, mapping, outlet, found, warnings)
    finally:
        lines.close()


def _articles(
    rows: Iterator[Row],
    mapping: dict[str, str | None],
    outlet: str | None,
    found: InputFile,
    warnings: list[str],
) -> list[Article]:
    """The usable rows as articles, repeated ids settled; the rest as warnings."""
    articles: list[Article] = []
    table_warnings: list[str] = []
    problems, first_problem = 0, "the file has a header but no data rows"
    loaded = _LoadedIds()
    for row in rows:
        where = f"{found.display}:row {row.number}"
        read = (
            row.problem
            if row.record is None
            else _row_article(row, mapping, outlet, where, found.name, table_warnings)
        )
        if isinstance(read, str):
            problems += 1
            first_problem = first_problem if problems > 1 else f"{where}: {read}"
            table_warnings.append(f"{where}: {read}")
            continue
        article = _disambiguate(read, loaded, where, table_warnings)
        if article is not None:
            loaded.add(article)
            articles.append(article)
    if not articles:
        raise InputError(
            found.display, f"no usable rows ({problems} malformed); first: {first_problem}"
        )
    warnings.extend(table_warnings)
    return articles


def _jsonl_columns(lines: Generator[str, None, None], display: str) -> list[str]:
    """Every key the lines hold, sorted; a file with no usable line at all is an error here,
    before its (missing) columns would be."""
    keys: set[str] = set()
    problems, first_problem = 0, ""
    try:
        for row in jsonl_rows(lines):
            if row.record is None:
                problems += 1
                first_problem = first_problem or f"{display}:row {row.number}: {row.problem}"
            else:
                keys.update(row.record)
    finally:
        lines.close()
    if not keys and problems:
        raise InputError(display, f"no usable rows ({problems} malformed); first: {first_problem}")
    return sorted(keys)


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
    row: Row,
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
