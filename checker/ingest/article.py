"""What every ingest reader shares: the file being read, decoding it, and building its Article."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import NamedTuple

from checker.errors import InputError
from checker.ingest.datelines import find_dateline
from checker.ingest.dates import parse_date
from checker.models import Article


class InputFile(NamedTuple):
    """One file to load, with the names messages and default ids use."""

    path: Path
    display: str  # the path as the user would write it: messages and Article.source
    name: str  # default article id: path below the folder given, without extension


def read_text(path: Path, display: str, encoding: str) -> str:
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


# Twice a long-read (~50,000 characters), over ten times FA-KES' longest (8,606): more is a
# dump or a site pasted whole, and claim extraction (spaCy) takes ~1 s per 20,000 characters.
MAX_ARTICLE_CHARS = 100_000


def capped_text(text: str, source: str, warnings: list[str]) -> str:
    """`text`, or its first MAX_ARTICLE_CHARS characters (to a word's end) with a warning."""
    if len(text) <= MAX_ARTICLE_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_ARTICLE_CHARS + 1)
    kept = text[: cut if cut > 0 else MAX_ARTICLE_CHARS]
    warnings.append(
        f"{source}: text is {len(text):,} characters; only the first {len(kept):,} are "
        f"indexed (at most {MAX_ARTICLE_CHARS:,}); split it into articles to index the rest"
    )
    return kept


def make_article(
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
    """Build an Article; `default_id` (the file's name in the corpus) when none is given.

    The publication date is the article's own dateline when its text prints one (metadata is
    often wrong, see datelines.py), else the metadata's; both are kept, with which one won."""
    outlet = outlet.strip()
    article_id = (article_id or default_id).strip()
    text = capped_text(text, source, warnings)
    metadata_date = parse_date(date_text) if date_text else None
    if date_text and metadata_date is None:
        warnings.append(f"{source}: date '{date_text}' not understood; left empty")
    dateline = find_dateline(text)
    date = dateline.date if dateline else metadata_date
    return Article(
        id=article_id,
        outlet=outlet,
        date=date,
        date_source="text" if dateline else "metadata" if metadata_date else None,
        dateline=dateline.text if dateline else "",
        metadata_date=metadata_date,
        title=title.strip(),
        url=url.strip(),
        text=text,
        source=source,
        first_line=first_line,
        checksum=article_checksum(article_id, outlet, date, title.strip(), url.strip(), text),
    )


def article_checksum(
    article_id: str, outlet: str, date: dt.date | None, title: str, url: str, text: str
) -> str:
    """sha1 over the fields that define an article, separated so no two fields can blur."""
    parts = (article_id, outlet, date.isoformat() if date else "", title, url, text)
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
