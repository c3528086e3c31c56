"""Report renderers: the same `Report` as JSON, Markdown, CSV or a self-contained HTML page.

Every format lists pairs in one reading order (kind in `checker.models.KIND_ORDER`, score
descending, then fingerprint), so the same report always renders to byte-identical text. The
formats of a check (text, SARIF, JUnit, GitHub annotations) are in check.py and its siblings.
"""

from __future__ import annotations

from typing import Literal, get_args

from checker.errors import UsageError
from checker.models import Report
from checker.render.csv import CSV_COLUMNS, render_csv
from checker.render.html import render_html
from checker.render.json import render_json
from checker.render.kinds import ordered_pairs
from checker.render.markdown import render_markdown

ReportFormat = Literal["json", "md", "csv", "html"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)

__all__ = [
    "CSV_COLUMNS",
    "REPORT_FORMATS",
    "ReportFormat",
    "ordered_pairs",
    "render_json",
    "render_report",
]


_RENDERERS = {
    "json": render_json,
    "md": render_markdown,
    "csv": render_csv,
    "html": render_html,
}


def render_report(report: Report, fmt: ReportFormat) -> str:
    """The report as text in format `fmt`: "json", "md", "csv" or "html"."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(
            f"unknown report format {fmt!r}: choose one of {', '.join(REPORT_FORMATS)}"
        )
    return renderer(report)
