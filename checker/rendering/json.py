"""The report as JSON: the pydantic `Report` itself, pairs in reading order."""

from __future__ import annotations

from checker.models import Report
from checker.rendering.kinds import ordered_pairs


def render_json(report: Report) -> str:
    """The report as indented JSON with its pairs in reading order, ending in a newline."""
    ordered = report.model_copy(update={"pairs": ordered_pairs(report)})
    return ordered.model_dump_json(indent=2) + "\n"
