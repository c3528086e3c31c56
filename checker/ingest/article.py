"""What every ingest reader shares: the file being read, decoding it, and building its Article."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections.abc import Generator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from checker.errors import InputError
from checker.ingest.datelines import find_dateline
from checker.ingest.dates import parse_date
from checker.models import Article

# Binary files show a NUL byte in their first few KB (git and grep judge by the first 8 KB),
# so a file is refused from that block alone instead of after reading it whole.
SNIFF_BYTES = 8 * 1024
BINARY_PROBLEM = (
    "file is binary (it contains NUL bytes), not text; if it is UTF-16, save it as UTF-8"
)
BARE_CR = re.compile(r"(?<=\r)(?!\n|$)")


class InputFile(NamedTuple):
    """One file to load, with the names messages and default ids use."""

    path: Path
    display: str  # the path as the user would write it: messages and Article.source
    name: str  # default article id: path below the folder given, without extension


def read_text(path: Path, display: str, encoding: str) -> str:
    """Decode a whole loose file, refusing empty, binary and wrongly-encoded files; a binary
    file is refused from its first block, not read whole."""
    with _open(path, display) as stream:
        _sniff(stream, display)
        data = stream.read()
    if b"\x00" in data:
        raise InputError(display, BINARY_PROBLEM)
    if not data.strip():
        raise InputError(display, "file is empty")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(display, _decode_problem(encoding, data, error, 0, line)) from error
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


def read_lines(path: Path, display: str, encoding: str) -> Generator[str, None, None]:
    """The file's lines one at a time, decoded, with their line endings (as `csv` wants them),
    so a table is parsed row by row and never held whole; refuses what `read_text` refuses."""
    with _open(path, display) as stream:
        _sniff(stream, display)
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = 0
        for number, raw in enumerate(stream, start=1):  # binary lines end at b"\n"
            if b"\x00" in raw:
                raise InputError(display, f"{BINARY_PROBLEM} (line {number})")
            try:
                line = decoder.decode(raw)
            except UnicodeDecodeError as error:
                problem = _decode_problem(encoding, raw, error, offset, number)
                raise InputError(display, problem) from error
            offset += len(raw)
            if number == 1:
                line = line.removeprefix("\ufeff")
            # A lone "\r" ends a line too, as it does for csv and universal newlines.
            yield from BARE_CR.split(line) if "\r" in line[:-2] else (line,)


def _open(path: Path, display: str) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(display, f"cannot read file: {error.strerror}") from error


def _sniff(stream: BinaryIO, display: str) -> None:
    """Refuse a binary or empty file from its first block, then rewind."""
    try:
        block = stream.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError(display, f"cannot read file: {error.strerror}") from error
    if b"\x00" in block:
        raise InputError(display, BINARY_PROBLEM)
    if len(block) < SNIFF_BYTES and not block.strip():
        raise InputError(display, "file is empty")
    stream.seek(0)


def _decode_problem(
    encoding: str, data: bytes, error: UnicodeDecodeError, offset: int, line: int
) -> str:
    return (
        f"not valid {encoding}: byte 0x{data[error.start]:02x} at offset {offset + error.start} "
        f"(line {line}) cannot be decoded; pass the file's encoding, e.g. --encoding cp1252"
    )


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
