"""The report as CSV: one row per pair, for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io

from checker.models import Pair, PairSide, Report
from checker.rendering.kinds import ordered_pairs

CSV_COLUMNS = (
    "kind",
    "score",
    "similarity",
    "reason",
    "a_outlet",
    "a_date",
    "a_doc_id",
    "a_start",
    "a_end",
    "a_text",
    "b_outlet",
    "b_date",
    "b_doc_id",
    "b_start",
    "b_end",
    "b_text",
    "a_quantities",
    "b_quantities",
    "fingerprint",
)


def render_csv(report: Report) -> str:
    """A header row, then one row per pair in reading order; fields quoted where needed."""
    buffer = io.StringIO()
    # "\n" rather than the csv module's "\r\n": the other renderers end lines the same way.
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(pair) for pair in ordered_pairs(report))
    return buffer.getvalue()


def _row(pair: Pair) -> dict[str, str | int | float]:
    return {
        "kind": pair.kind,
        "score": pair.score,
        "similarity": pair.similarity,
        "reason": pair.reason,
        **_side_fields("a", pair.a),
        **_side_fields("b", pair.b),
        "a_quantities": "; ".join(quantity.text for quantity in pair.a.quantities),
        "b_quantities": "; ".join(quantity.text for quantity in pair.b.quantities),
        "fingerprint": pair.fingerprint,
    }


def _side_fields(prefix: str, side: PairSide) -> dict[str, str | int]:
    return {
        f"{prefix}_outlet": side.outlet,
        f"{prefix}_date": side.date.isoformat() if side.date else "",
        f"{prefix}_doc_id": side.doc_id,
        f"{prefix}_start": side.start,
        f"{prefix}_end": side.end,
        f"{prefix}_text": side.text,
    }
