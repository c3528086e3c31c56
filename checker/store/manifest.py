"""`manifest.json`: which generation folder is the index, what built it, and a sha256 of every
file in it. Replacing this one file atomically is what switches an index to a new generation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from checker._version import __version__
from checker.errors import CorruptIndexError, IncompatibleIndexError
from checker.store.durable import atomic_write_text

MANIFEST = "manifest.json"
MANIFEST_KIND = "checker-index"
# 2: claims carry perpetrators and attribution (an index of format 1 lacks them).
FORMAT_VERSION = 3


class Manifest(BaseModel):
    """The manifest of a saved index, as written by `save_index`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["checker-index"] = "checker-index"
    format_version: int = FORMAT_VERSION
    checker_version: str
    model: str
    dimension: int
    generation: str
    articles: int
    sentences: int
    files: dict[str, str]


def index_exists(path: Path) -> bool:
    return (path / MANIFEST).exists()


def rebuild_hint(path: Path) -> str:
    """The fix for an index that cannot be read: a fresh build that keeps the editors' files."""
    return (
        f"rebuild with `checker index CORPUS --index {path} --rebuild` "
        "(keeps review.sqlite, baseline.json and last_check.json)"
    )


def read_manifest(path: Path) -> Manifest:
    """The index's manifest; a missing, garbled, foreign or too new one is refused by name."""
    manifest_path = path / MANIFEST
    if not manifest_path.exists():
        raise CorruptIndexError(
            f"{path}: no index here ({MANIFEST} missing); build one with `checker index CORPUS --index {path}`"
        )
    try:
        raw = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptIndexError(
            f"{manifest_path}: unreadable manifest ({error}); {rebuild_hint(path)}"
        ) from error
    if not isinstance(raw, dict) or raw.get("kind") != MANIFEST_KIND:
        raise IncompatibleIndexError(f"{manifest_path}: not a checker index manifest")
    if raw.get("format_version") != FORMAT_VERSION:
        raise IncompatibleIndexError(
            f"{manifest_path}: index format version {raw.get('format_version')} but this "
            f"checker reads version {FORMAT_VERSION}; {rebuild_hint(path)}"
        )
    _check_writer_version(manifest_path, str(raw.get("checker_version", "")))
    try:
        return Manifest.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "manifest"
        raise CorruptIndexError(
            f"{manifest_path}: damaged manifest ({field}: {first['msg']}); {rebuild_hint(path)}"
        ) from error


def write_manifest(path: Path, manifest: Manifest) -> None:
    """Replace the manifest atomically (indented, key-sorted JSON)."""
    text = json.dumps(manifest.model_dump(), indent=2, sort_keys=True) + "\n"
    atomic_write_text(path / MANIFEST, text)


def _check_writer_version(manifest_path: Path, written_by: str) -> None:
    """Refuse an index written by a newer checker (major.minor): it may hold what this one misreads."""

    def major_minor(version: str) -> tuple[int, ...]:
        parts = version.split(".")[:2]
        return tuple(int(part) for part in parts) if all(p.isdigit() for p in parts) else ()

    written, running = major_minor(written_by), major_minor(__version__)
    if not written or written > running:
        raise IncompatibleIndexError(
            f"{manifest_path}: index written by checker {written_by or '(unknown)'}, this is "
            f"checker {__version__}; upgrade checker or {rebuild_hint(manifest_path.parent)}"
        )
