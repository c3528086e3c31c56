"""Shared fixtures: the bundled seed corpus and the project's shared data sets."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The project's shared data lives beside the checkout: <workspace>/shared/data.
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The bundled default corpus: five pasted web pages with a front-matter header."""
    return REPO / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder (FA-KES, annotated pairs, raw seeds); skips when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (it sits beside the checkout)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def fakes_csv(shared_data: Path) -> Path:
    """The FA-KES corpus CSV (cp1252, CRLF, 804 rows)."""
    path = shared_data / "fakes" / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip(f"FA-KES CSV not found at {path}")
    return path


@pytest.fixture(scope="session")
def fakes_articles(fakes_csv: Path):
    """FA-KES loaded once per test session, as `load_articles` returns it."""
    from checker.ingest import load_articles

    return load_articles([fakes_csv], encoding="cp1252")
