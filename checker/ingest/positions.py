"""Where a piece of an article's text sits in the file it was read from: line and column."""

from __future__ import annotations

from pathlib import Path

from checker.ingest.load import TEXT_SUFFIXES
from checker.models import Article


def file_position(article: Article, offset: int) -> tuple[int, int | None]:
    """(1-based line, 1-based column or None) in the article's file of `offset` in its text.

    Lines count "\\n" from `article.first_line`. A column (in characters) is given only where
    the text is the file's own: a .txt or .md body. An HTML page's text is extracted and a CSV
    or JSONL row's is a quoted or escaped field, so their columns in the file are unknown; so
    is a column on a line holding another line break (a lone "\\r", U+2028) that an editor
    would count as a new line.
    """
    text = article.text
    line = article.first_line + text.count("\n", 0, offset)
    before = text[text.rfind("\n", 0, offset) + 1 : offset]
    if Path(article.source).suffix.lower() not in TEXT_SUFFIXES:
        return line, None
    if "".join(before.splitlines()) != before:  # splitlines drops every line break it finds
        return line, None
    return line, len(before) + 1
