"""The report as Markdown: a summary table, then one section per kind of finding."""

from __future__ import annotations

import re

from checker.models import KINDS, Pair, PairSide, Quantity, Report, ReportIncident
from checker.rendering.figures import format_interval, format_score
from checker.rendering.incidents import (
    FIGURE_COLUMNS,
    figure_row,
    finding_context,
    incident_heading,
    lead_incidents,
)
from checker.rendering.kinds import pairs_by_kind, summary_counts

# Characters that open Markdown (or inline HTML) constructs anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")
# Line starts that would turn a quote into a list item or heading underline, or a numbered list.
_BULLET_START = re.compile(r"^([-+=])")
_NUMBERED_START = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Article text as inert Markdown: one line, every construct-opening character escaped."""
    one_line = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", one_line)
    escaped = _BULLET_START.sub(r"\\\1", escaped)
    return _NUMBERED_START.sub(r"\1\\\2", escaped)


def render_markdown(report: Report) -> str:
    """Title, summary table, then each present kind with its definition and findings."""
    lines = ["# Claim consistency report", ""]
    lines += [f"> **Warning:** {escape_markdown(warning)}\n" for warning in report.warnings]
    lines += _summary(report)
    lines += _incidents(report)
    for kind, pairs in pairs_by_kind(report).items():
        lines += [f"## {kind.capitalize()} ({len(pairs)})", "", f"*{KINDS[kind].definition}*", ""]
        for number, pair in enumerate(pairs, start=1):
            lines += _finding(number, pair)
    if not report.pairs:
        lines += ["No pairs to report.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> list[str]:
    summary = report.summary
    lines = [
        f"Index {escape_markdown(report.index)} · model {escape_markdown(report.model)} · "
        f"schema version {report.schema_version}",
        "",
        "| | Count |",
        "|---|---:|",
        f"| Articles | {summary.articles:,} |",
        f"| Outlets | {summary.outlets:,} |",
        f"| Sentences | {summary.sentences:,} |",
    ]
    lines += [
        f"| Incidents (two outlets or more) | {summary.incidents:,} |",
        f"| Incidents with a discrepancy | {summary.incidents_with_discrepancy:,} |",
        f"| Counts nothing dates | {summary.counts_undated:,} |",
    ]
    for kind, count in summary_counts(report):
        lines.append(f"| {escape_markdown(kind.capitalize())} pairs | {count:,} |")
    lines.append("")
    if report.options:
        options = ", ".join(
            f"{name}={value}" for name, value in report.options.model_dump().items()
        )
        lines += [f"Options: {escape_markdown(options)}", ""]
    return lines


def _incidents(report: Report) -> list[str]:
    lead = lead_incidents(report.incidents)
    if not lead:
        return []
    total = report.summary.incidents_with_discrepancy
    lines = [f"## Incidents with discrepancies ({len(lead)} of {total})", ""]
    for number, incident in enumerate(lead, start=1):
        lines += _incident(number, incident)
    return lines


def _incident(number: int, incident: ReportIncident) -> list[str]:
    lines = [
        f"### {number}. {escape_markdown(incident_heading(incident))}",
        "",
        f"Incident {escape_markdown(incident.id)}",
        "",
        "| " + " | ".join(FIGURE_COLUMNS) + " |",
        "|" + "---|" * len(FIGURE_COLUMNS),
    ]
    for figure in incident.figures:
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in figure_row(figure)) + " |")
    return [*lines, ""]


def _finding(number: int, pair: Pair) -> list[str]:
    lines = [f"**{number}. {escape_markdown(pair.reason)}**", ""]
    lines += [escape_markdown(finding_context(pair)), ""]
    lines += _quote(pair.a)
    lines += _quote(pair.b)
    details = [f"similarity {format_score(pair.similarity)}", f"score {format_score(pair.score)}"]
    if pair.compared is not None:
        first, second = pair.compared
        details.insert(0, f"compared {_quantity(first)} vs {_quantity(second)}")
    lines += [" · ".join(details), "", "---", ""]
    return lines


def _quote(side: PairSide) -> list[str]:
    date = side.date.isoformat() if side.date else "undated"
    return [
        f"> {escape_markdown(side.text)}",
        ">",
        f"> — **{escape_markdown(side.outlet)}**, {date} · doc {escape_markdown(side.doc_id)} "
        f"· \\[{side.start}:{side.end}\\]",
        "",
    ]


def _quantity(quantity: Quantity) -> str:
    # Intervals are our own text ("= 44", "[20, ∞)"): nothing in them opens a construct.
    return f"“{escape_markdown(quantity.text)}” {format_interval(quantity)}"
