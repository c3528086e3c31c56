"""The incidents of a saved index: which sentences each incident holds, by stable id.

A generation stores only each incident's id and its members' keys (article id, article
checksum, sentence index) in `incidents.json`: a re-indexed article whose text changed leaves
its old incidents. Everything else about an incident (place, days, means, outlets) follows from
its members and is rebuilt by replaying them (incidents/build.py). That keeps the file small and
its incidents consistent with the claims beside it, and lets `index` and `check` join new
reports to the incidents already built, so an incident keeps its id as reports arrive.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.errors import CorruptIndexError
from checker.store.durable import write_file

INCIDENTS = "incidents.json"
INCIDENT_FILE_VERSION = 1


class StoredIncident(BaseModel):
    """One saved incident: its id and its members, in the order they joined it."""

    model_config = ConfigDict(frozen=True)

    id: str
    members: list[tuple[str, str, int]]  # (article id, article checksum, sentence index)


class _IncidentFile(BaseModel):
    version: int
    incidents: list[StoredIncident]


def write_incidents(path: Path, incidents: list[StoredIncident]) -> None:
    """Write the incidents file of a generation being staged, fsync'd."""
    document = _IncidentFile(version=INCIDENT_FILE_VERSION, incidents=incidents)
    write_file(path, document.model_dump_json().encode("utf-8"))


def read_incidents(path: Path) -> list[StoredIncident]:
    """Read a generation's incidents file; a damaged one is a corrupt index."""
    try:
        document = _IncidentFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise CorruptIndexError(
            f"{path}: unreadable incidents ({error.__class__.__name__})"
        ) from None
    if document.version != INCIDENT_FILE_VERSION:
        raise CorruptIndexError(
            f"{path}: incidents file version {document.version}, expected {INCIDENT_FILE_VERSION}"
        )
    return document.incidents
