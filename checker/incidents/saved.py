"""Incidents saved with an index: `index` and `check --update` build them before they save, so
each incident keeps its id as reports arrive and `report` rebuilds them without choosing anew."""

from __future__ import annotations

from checker.incidents.build import build_incidents, stored_incidents
from checker.store import StoredIndex, sentences_of
from checker.store.incident_file import StoredIncident


def with_incidents(stored: StoredIndex, previous: list[StoredIncident] | None) -> StoredIndex:
    """`stored` with its incidents: the `previous` ones (an index's saved incidents) keep their
    ids and the members still there; every other report joins one of them or a new one."""
    sentences = sentences_of(stored)
    built = build_incidents(sentences, previous)
    return stored.model_copy(update={"incidents": stored_incidents(built)})
