"""Loose article files (.txt, .md, .html) and the metadata around them: front matter, sidecars."""

from __future__ import annotations

import json
from pathlib import Path

from checker.errors import InputError
from checker.ingest.article import InputFile, make_article, read_text
from checker.models import Article
from checker.text.boilerplate import title_span

SIDECAR_SUFFIX = ".meta.json"
METADATA_KEYS = ("outlet", "date", "title", "url", "id")


def load_text_file(
    found: InputFile, outlet: str | None, encoding: str, warnings: list[str]
) -> Article:
    """One .txt/.md file: front matter, then the body kept byte-faithful for offsets."""
    path, display = found.path, found.display
    raw = read_text(path, display, encoding)
    header, body, first_line = _split_front_matter(raw, display, warnings)
    sidecar = _read_sidecar(path, display, warnings)
    if not body.strip():
        raise InputError(display, "no article text after the front matter")
    title = header.get("title") or sidecar.get("title") or _detected_title(body)
    return make_article(
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


def load_html_file(
    found: InputFile, outlet: str | None, encoding: str, warnings: list[str]
) -> Article:
    """One HTML page: trafilatura finds the article text and the page's metadata."""
    path, display = found.path, found.display
    import trafilatura  # loaded on first HTML file: importing it costs about a second

    html = read_text(path, display, encoding)
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(display, "no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    sidecar = _read_sidecar(path, display, warnings)
    page_outlet = (metadata.sitename if metadata else None) or None
    return make_article(
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
