"""Incidents of a fresh index built from its rows on disk (fresh_index.py): only the sentences
incidents read (`read_by_incidents`) are selected, and each is parsed from the staged metadata
when the builder asks for it, so the incidents of any corpus are built without holding its
claims. The result is the one `with_incidents` gives for the same rows in memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from checker.incidents.build import build_incidents, stored_incidents
from checker.models import Article
from checker.store.incident_file import StoredIncident
from checker.store.staged_rows import StagedSentences


def staged_incidents(
    connection: sqlite3.Connection, rows: Sequence[int], articles: Mapping[str, Article]
) -> list[StoredIncident]:
    """The incidents of the claims table's `rows` (those `read_by_incidents` chose, ascending)."""
    return stored_incidents(build_incidents(StagedSentences(connection, rows, articles)))
