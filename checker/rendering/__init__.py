"""Report renderers: the same `Report` as JSON, Markdown, CSV or a self-contained HTML page.

Every format lists pairs in one reading order (kind in `checker.models.KIND_ORDER`, score
descending, then fingerprint), so the same report always renders to byte-identical text. The
formats of a check (text, SARIF, JUnit, GitHub annotations) are in check.py and its siblings.
"""

from __future__ import annotations

from typing import Literal, get_args

from checker.ci.check import CheckResult
from checker.errors import UsageError
from checker.models import Report
from checker.rendering.csv import CSV_COLUMNS, render_csv
from checker.rendering.github import render_github
from checker.rendering.html import render_html
from checker.rendering.json import render_json
from checker.rendering.junit import render_junit
from checker.rendering.kinds import ordered_pairs
from checker.rendering.markdown import render_markdown
from checker.rendering.sarif import render_sarif
from checker.rendering.saved import load_saved, render
from checker.rendering.text import render_text

ReportFormat = Literal["json", "md", "csv", "html"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)

__all__ = [
    "CHECK_FORMATS",
    "CSV_COLUMNS",
    "REPORT_FORMATS",
    "ReportFormat",
    "load_saved",
    "ordered_pairs",
    "render",
    "render_check",
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


CheckFormat = Literal["text", "json", "sarif", "junit", "github"]
CHECK_FORMATS: tuple[str, ...] = get_args(CheckFormat)


def render_check(result: CheckResult, fmt: str) -> str:
    """`result` rendered as `fmt` (one of CHECK_FORMATS), ending in a newline."""
    renderers = {
        "text": render_text,
        "json": _check_json,
        "sarif": render_sarif,
        "junit": render_junit,
        "github": render_github,
    }
    if fmt not in renderers:
        raise UsageError(f"unknown check format {fmt!r}; use one of {', '.join(CHECK_FORMATS)}")
    return renderers[fmt](result)


def _check_json(result: CheckResult) -> str:
    """The whole check result as indented JSON (its report's pairs in reading order), so
    `checker render` can give every other format of it later."""
    report = result.report.model_copy(update={"pairs": ordered_pairs(result.report)})
    return result.model_copy(update={"report": report}).model_dump_json(indent=2) + "\n"
