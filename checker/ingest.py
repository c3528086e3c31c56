"""Read a corpus of news articles from files and folders into `Article`s.

Supported inputs, chosen by extension:

    .txt .md     one article per file; optional front matter (`---` / `key: value` / `---`)
    .html .htm   one article per page; main text extracted with trafilatura
    .csv         one article per row, with a header naming the columns
    .jsonl       one article per line, a JSON object

Metadata may also come from a sidecar `FILE.meta.json` (or `FILE.txt.meta.json`) holding
the same keys as front matter: outlet, date, title, url, id. Everything the reader cannot
use raises `InputError` naming the file (and row) and the fix; a bad row among good ones is
skipped with a warning instead, so one broken line does not cost a whole corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from checker.boilerplate import title_span
from checker.errors import InputError, UsageError
from checker.models import Article

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("outlet", "date", "title", "url", "id")
# Files in a corpus folder that describe the corpus rather than hold an article (by stem);
# named explicitly, they load like any other file.
CORPUS_NOTES = frozenset(
    {"readme", "license", "licence", "source", "copying", "notice", "changelog"}
)

# Column names tried, in order, when FieldMap leaves a field to auto-detection.
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
# Dates outside this range are typos (or epoch seconds), not publication dates.
MIN_YEAR, MAX_YEAR = 1900, 2100


class FieldMap(BaseModel):
    """Which CSV column or JSONL key holds each field; None means detect it by name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str | None = None
    outlet: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None


class IngestResult(BaseModel):
    """Loaded articles, sorted by (outlet, id), and one warning line per skipped problem."""

    articles: list[Article]
    warnings: list[str] = []


def load_articles(
    paths: Sequence[str | Path],
    *,
    fields: FieldMap | None = None,
    outlet: str | None = None,
    encoding: str = "utf-8",
) -> IngestResult:
    """Load every supported file under `paths` (files or folders, recursed in name order).

    Folders skip hidden files, unsupported extensions, sidecars and corpus notes
    (README, LICENSE, SOURCE ...). A loose file's id defaults to its path below the folder
    given, without extension ("000_40c429d6fe785e39"); a row's to "FILE-N".

    `outlet` names the outlet of loose files (over front matter, sidecar and folder name)
    and is the fallback for rows without an outlet column. Raises InputError on input that
    cannot be read and UsageError on an unknown `encoding`.
    """
    _check_encoding(encoding)
    fields = fields or FieldMap()
    warnings: list[str] = []
    articles: list[Article] = []
    for found in _expand(paths):
        suffix = found.path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            articles.append(_load_text_file(found, outlet, encoding, warnings))
        elif suffix in HTML_SUFFIXES:
            articles.append(_load_html_file(found, outlet, encoding, warnings))
        else:
            articles.extend(_load_table(found, fields, outlet, encoding, warnings))
    _check_unique_ids(articles)
    articles.sort(key=lambda article: (article.outlet, article.id))
    return IngestResult(articles=articles, warnings=warnings)


# --- finding files -------------------------------------------------------------------


class _InputFile(NamedTuple):
    path: Path
    display: str  # the path as the user would write it: messages and Article.source
    name: str  # default article id: path below the folder given, without extension


def _expand(paths: Sequence[str | Path]) -> Iterator[_InputFile]:
    """Yield each file to load once, in the order given, folders in name order."""
    if not paths:
        raise InputError("(no paths)", "no input given; name files or folders to load")
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [
                child
                for child in sorted(path.rglob("*"))
                if child.is_file()
                and not _is_hidden(child.relative_to(path))
                and child.suffix.lower() in SUPPORTED_SUFFIXES
                and not child.name.lower().endswith(SIDECAR_SUFFIX)
                and child.stem.lower() not in CORPUS_NOTES
            ]
            if not found:
                raise InputError(
                    str(given),
                    "folder holds no supported files (" + ", ".join(SUPPORTED_SUFFIXES) + ")",
                )
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise InputError(
                    str(given),
                    f"unsupported file type '{path.suffix or '(none)'}'; "
                    "use " + ", ".join(SUPPORTED_SUFFIXES),
                )
            found = [path]
        else:
            raise InputError(str(given), "no such file or folder")
        for child in found:
            resolved = child.resolve()
            if resolved not in seen:
                seen.add(resolved)
                name = child.relative_to(path) if child != path else Path(child.name)
                yield _InputFile(child, str(child), name.with_suffix("").as_posix())


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# --- reading bytes -------------------------------------------------------------------


def _check_encoding(encoding: str) -> None:
    try:
        "".encode(encoding)
    except LookupError as error:
        raise UsageError(f"unknown encoding '{encoding}'; try utf-8 or cp1252") from error


def _read_text(path: Path, display: str, encoding: str) -> str:
    """Decode a whole file, refusing empty, binary and wrongly-encoded files."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(display, f"cannot read file: {error.strerror}") from error
    if not data.strip():
        raise InputError(display, "file is empty")
    if b"\x00" in data:
        raise InputError(
            display,
            "file is binary (it contains NUL bytes), not text; if it is UTF-16, save it as UTF-8",
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            display,
            f"not valid {encoding}: byte 0x{data[error.start]:02x} at offset {error.start} "
            f"(line {line}) cannot be decoded; pass the file's encoding, "
            "e.g. --encoding cp1252",
        ) from error
    return text.removeprefix("\ufeff")


# --- loose files ---------------------------------------------------------------------


def _load_text_file(
    found: _InputFile, outlet: str | None, encoding: str, warnings: list[str]
) -> Article:
    """One .txt/.md file: front matter, then the body kept byte-faithful for offsets."""
    path, display = found.path, found.display
    raw = _read_text(path, display, encoding)
    header, body, first_line = _split_front_matter(raw, display, warnings)
    sidecar = _read_sidecar(path, display, warnings)
    if not body.strip():
        raise InputError(display, "no article text after the front matter")
    title = header.get("title") or sidecar.get("title") or _detected_title(body)
    return _make_article(
        display,
        article_id=header.get("id") or sidecar.get("id"),
        outlet=outlet or header.get("outlet") or sidecar.get("outlet") or _folder_outlet(path),
        date_text=header.get("date") or sidecar.get("date"),
        title=title,
        url=header.get("url") or sidecar.get("url") or "",
        text=body,
        first_line=first_line,
        default_id=found.name,
        warnings=warnings,
    )


def _load_html_file(
    found: _InputFile, outlet: str | None, encoding: str, warnings: list[str]
) -> Article:
    """One HTML page: trafilatura finds the article text and the page's metadata."""
    path, display = found.path, found.display
    import trafilatura  # loaded on first HTML file: importing it costs about a second

    html = _read_text(path, display, encoding)
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(display, "no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    sidecar = _read_sidecar(path, display, warnings)
    page_outlet = (metadata.sitename if metadata else None) or None
    return _make_article(
        display,
        article_id=sidecar.get("id"),
        outlet=outlet or sidecar.get("outlet") or page_outlet or _folder_outlet(path),
        date_text=sidecar.get("date") or (metadata.date if metadata else None),
        title=sidecar.get("title") or (metadata.title if metadata else None) or "",
        url=sidecar.get("url") or (metadata.url if metadata else None) or "",
        text=text,
        first_line=1,
        default_id=found.name,
        warnings=warnings,
    )


def _split_front_matter(
    raw: str, display: str, warnings: list[str]
) -> tuple[dict[str, str], str, int]:
    """Return (header fields, body, 1-based line where the body starts)."""
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, raw, 1
    header: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped == "---":
            body_start = sum(len(previous) for previous in lines[:number])
            return header, raw[body_start:], number + 1
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        key = key.strip().lower()
        if not colon:
            raise InputError(
                display,
                f"line {number}: front matter lines must read 'key: value' "
                "(a '---' first line opens front matter)",
            )
        if key not in METADATA_KEYS:
            warnings.append(
                f"{display}: line {number}: unknown front matter key '{key}' ignored "
                f"(known: {', '.join(METADATA_KEYS)})"
            )
            continue
        header[key] = value.strip().strip("\"'")
    raise InputError(display, "front matter opened with '---' on line 1 is never closed")


def _read_sidecar(path: Path, display: str, warnings: list[str]) -> dict[str, str]:
    """Metadata from FILE.txt.meta.json or FILE.meta.json next to the file, if present."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        if not candidate.is_file():
            continue
        shown = str(Path(display).with_name(candidate.name))
        try:
            loaded = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(shown, f"sidecar is not readable JSON: {error}") from error
        if not isinstance(loaded, dict):
            raise InputError(shown, "sidecar must hold one JSON object")
        sidecar: dict[str, str] = {}
        for key, value in loaded.items():
            if key not in METADATA_KEYS:
                warnings.append(f"{shown}: unknown sidecar key '{key}' ignored")
            elif value is not None:
                sidecar[key] = str(value).strip()
        return sidecar
    return {}


def _detected_title(body: str) -> str:
    span = title_span(body)
    return body[span[0] : span[1]].lstrip("#").strip() if span else ""


def _folder_outlet(path: Path) -> str:
    return path.resolve().parent.name


# --- CSV and JSONL -------------------------------------------------------------------


def _load_table(
    found: _InputFile,
    fields: FieldMap,
    outlet: str | None,
    encoding: str,
    warnings: list[str],
) -> list[Article]:
    """One article per CSV row or JSONL line; bad rows are skipped with a warning."""
    path, display = found.path, found.display
    raw = _read_text(path, display, encoding)
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
    seen: dict[str, Article] = {}
    for row in rows:
        where = f"{display}:row {row.number}"
        if row.record is None:
            table_warnings.append(f"{where}: {row.problem}")
            continue
        article = _row_article(row, mapping, outlet, where, found.name, table_warnings)
        if isinstance(article, str):
            problems.append(f"{where}: {article}")
            table_warnings.append(f"{where}: {article}")
            continue
        article = _disambiguate(article, seen, where, table_warnings)
        if article is not None:
            seen[article.id] = article
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
    return _make_article(
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


def _disambiguate(
    article: Article, seen: dict[str, Article], where: str, warnings: list[str]
) -> Article | None:
    """Handle a repeated id within one table: drop an identical copy, number a variant."""
    if article.id not in seen:
        return article
    base = article.id
    for earlier in [seen[key] for key in seen if key == base or key.startswith(base + "#")]:
        if _same_content(earlier, article):
            warnings.append(f"{where}: duplicate of {earlier.source} (same id and text); skipped")
            return None
    copy = 2
    while f"{base}#{copy}" in seen:
        copy += 1
    new_id = f"{base}#{copy}"
    warnings.append(
        f"{where}: id '{base}' already used by {seen[base].source} with different text; "
        f"loaded as '{new_id}'"
    )
    return _make_article(
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


def _same_content(first: Article, second: Article) -> bool:
    return (first.outlet, first.date, first.title, first.url, first.text) == (
        second.outlet,
        second.date,
        second.title,
        second.url,
        second.text,
    )


# --- building articles ---------------------------------------------------------------


def _make_article(
    source: str,
    *,
    article_id: str | None,
    outlet: str,
    date_text: str | None,
    title: str,
    url: str,
    text: str,
    first_line: int,
    default_id: str,
    warnings: list[str],
) -> Article:
    """Build an Article; `default_id` (the file's name in the corpus) when none is given."""
    outlet = outlet.strip()
    article_id = (article_id or default_id).strip()
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        warnings.append(f"{source}: date '{date_text}' not understood; left empty")
    return Article(
        id=article_id,
        outlet=outlet,
        date=date,
        title=title.strip(),
        url=url.strip(),
        text=text,
        source=source,
        first_line=first_line,
        checksum=_checksum(article_id, outlet, date, title.strip(), url.strip(), text),
    )


def _checksum(
    article_id: str, outlet: str, date: dt.date | None, title: str, url: str, text: str
) -> str:
    """sha1 over the fields that define an article, separated so no two fields can blur."""
    parts = (article_id, outlet, date.isoformat() if date else "", title, url, text)
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _check_unique_ids(articles: list[Article]) -> None:
    owners: dict[str, Article] = {}
    for article in articles:
        earlier = owners.setdefault(article.id, article)
        if earlier is not article:
            raise InputError(
                article.source,
                f"article id '{article.id}' is already used by {earlier.source}; "
                "give one of them another id (front matter 'id:', sidecar or id column)",
            )


# --- dates ---------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:$|\s)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
# Fixed default so a partial date never borrows today's day or month.
_DATEUTIL_DEFAULT = dt.datetime(2000, 1, 1)


def parse_date(value: str) -> dt.date | None:
    """Read a publication date in common formats; None when it cannot be read for sure.

    ISO (2018-09-10, with or without time), M/D/YYYY as FA-KES writes it (D/M/YYYY when
    the first number exceeds 12), D.M.YYYY and D-M-YYYY, "28 Jan 2020", "January 28, 2020"
    and RFC 2822. A date must name its year; the result never depends on today's date.
    """
    value = value.strip()
    try:
        if match := _ISO_DATE.match(value):
            year, month, day = (int(group) for group in match.groups())
            return _checked_date(year, month, day)
        if match := _NUMERIC_DATE.match(value):
            first, separator, second, year = match.groups()
            if separator == "/" and int(first) <= 12:
                month, day = int(first), int(second)
            else:
                day, month = int(first), int(second)
            return _checked_date(int(year), month, day)
    except ValueError:
        return None
    if not _YEAR.search(value):
        return None
    from dateutil import parser as date_parser  # only for the less regular formats

    try:
        parsed = date_parser.parse(value, default=_DATEUTIL_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return _checked_date(parsed.year, parsed.month, parsed.day)


def _checked_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
