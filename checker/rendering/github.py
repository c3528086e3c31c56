"""A check as GitHub Actions workflow commands: annotations on the new article's lines."""

from __future__ import annotations

from checker.ci.check import CheckResult
from checker.rendering.check import (
    failing,
    file_of,
    message,
    new_and_known,
    summary_line,
    warning_place,
)


def render_github(result: CheckResult) -> str:
    """`::error file=…,line=…::…` for failing findings, `::notice` for the rest, `::warning` for
    each row the reading skipped or read in part."""
    lines = []
    for pair in result.report.pairs:
        new, known = new_and_known(pair, result.checked)
        command = "error" if failing(pair, result) else "notice"
        properties = ",".join(
            f"{key}={_escape_property(value)}"
            for key, value in (
                ("file", file_of(new)),
                ("line", str(new.line or 1)),
                ("title", f"checker {pair.kind}"),
            )
        )
        lines.append(f"::{command} {properties}::{_escape_data(message(pair, known))}")
    lines.extend(_warning_command(warning) for warning in result.warnings)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _warning_command(warning: str) -> str:
    file, line = warning_place(warning)
    place = [("file", file), ("line", str(line) if line else None), ("title", "checker input")]
    properties = ",".join(f"{key}={_escape_property(value)}" for key, value in place if value)
    return f"::warning {properties}::{_escape_data(warning)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
