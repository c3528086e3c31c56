"""Incidents: the events a corpus reports, each built from the sentences of every outlet that
report it (what happened, how, where, when), so that figures are compared within one incident
and never across two."""

from checker.incidents.build import Incidents, build_incidents
from checker.incidents.describe import (
    describe,
    how_phrase,
    place_name,
    when_phrase,
    where_phrase,
)
from checker.incidents.origins import story_origins
from checker.incidents.saved import with_incidents
from checker.incidents.table import report_incidents

__all__ = [
    "Incidents",
    "build_incidents",
    "describe",
    "how_phrase",
    "place_name",
    "report_incidents",
    "story_origins",
    "when_phrase",
    "where_phrase",
    "with_incidents",
]
