"""`checker index verify`: load the whole index and say it is sound, or raise the first problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from checker.store.generations import load_index
from checker.store.manifest import read_manifest


class IndexHealth(BaseModel):
    """What `verify_index` found: an index whose every file matches its checksum."""

    index: str
    model: str
    dimension: int
    generation: str
    checker_version: str
    articles: int
    sentences: int


def verify_index(path: Path) -> IndexHealth:
    """Fully load the index (checksums, vectors, metadata); raise the first problem found."""
    stored = load_index(path)
    manifest = read_manifest(path)  # a writer may have switched it since: name what was loaded
    return IndexHealth(
        index=str(path),
        model=stored.model,
        dimension=stored.dimension,
        generation=stored.generation or manifest.generation,
        checker_version=manifest.checker_version,
        articles=len(stored.articles),
        sentences=len(stored.claims),
    )
