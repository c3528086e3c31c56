"""A check as short human text: one block per finding, then the summary line."""

from __future__ import annotations

from checker.ci.check import CheckResult
from checker.rendering.check import failing, file_of, new_and_known, summary_line


def render_text(result: CheckResult) -> str:
    """Short human text: one block per finding with both sentences and the reason, then a
    `warning:` line per row the reading skipped or read in part."""
    blocks = []
    for pair in result.report.pairs:
        new, known = new_and_known(pair, result.checked)
        status = "FAIL" if failing(pair, result) else "note"
        blocks.append(
            f"{file_of(new)}:{new.line or 1}: {status} {pair.kind}: {pair.reason}\n"
            f"  new:   {new.text}\n"
            f"  other: {known.text}\n"
            f"         ({known.outlet}, {known.date or 'undated'}, {file_of(known)}:{known.line or 1})"
        )
    if result.warnings:
        blocks.append("\n".join(f"warning: {warning}" for warning in result.warnings))
    blocks.append(summary_line(result))
    return "\n\n".join(blocks) + "\n"
