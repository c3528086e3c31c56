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

from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel

from checker.errors import InputError, UsageError
from checker.ingest.article import InputFile
from checker.ingest.files import SIDECAR_SUFFIX, load_html_file, load_text_file
from checker.ingest.tables import FieldMap, load_table
from checker.models import Article

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
# Files in a corpus folder that describe the corpus rather than hold an article (by stem);
# named explicitly, they load like any other file.
CORPUS_NOTES = frozenset(
    {"readme", "license", "licence", "source", "copying", "notice", "changelog"}
)


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
            articles.append(load_text_file(found, outlet, encoding, warnings))
        elif suffix in HTML_SUFFIXES:
            articles.append(load_html_file(found, outlet, encoding, warnings))
        else:
            articles.extend(load_table(found, fields, outlet, encoding, warnings))
    _check_unique_ids(articles)
    articles.sort(key=lambda article: (article.outlet, article.id))
    return IngestResult(articles=articles, warnings=warnings)


# --- finding files -------------------------------------------------------------------


def _expand(paths: Sequence[str | Path]) -> Iterator[InputFile]:
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
        elif path.exists():  # opening a FIFO would wait for a writer that never comes
            raise InputError(
                str(given),
                "not a regular file or folder (a FIFO, socket or device); "
                "name article files or folders",
            )
        else:
            raise InputError(str(given), "no such file or folder")
        for child in found:
            resolved = child.resolve()
            if resolved not in seen:
                seen.add(resolved)
                name = child.relative_to(path) if child != path else Path(child.name)
                yield InputFile(child, str(child), name.with_suffix("").as_posix())


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# --- checks over the whole input -----------------------------------------------------


def _check_encoding(encoding: str) -> None:
    try:
        "".encode(encoding)
    except LookupError as error:
        raise UsageError(f"unknown encoding '{encoding}'; try utf-8 or cp1252") from error


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
