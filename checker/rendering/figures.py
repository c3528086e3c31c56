"""How figures read in a report: counts, quantity intervals and scores as short text."""

from __future__ import annotations

from checker.models import Quantity


def format_number(number: float) -> str:
    """44.0 -> '44', 350000.0 -> '350,000', 2.5 -> '2.5'."""
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.6g}"


def format_interval(quantity: Quantity) -> str:
    """The values a quantity allows: '= 44', '[20, ∞)', '[30, 40]'."""
    low = format_number(quantity.low)
    if quantity.high is None:
        return f"[{low}, ∞)"
    if quantity.high == quantity.low:
        return f"= {low}"
    return f"[{low}, {format_number(quantity.high)}]"


def format_score(score: float) -> str:
    """Scores and similarities to two decimals: enough to rank, not enough to distract."""
    return f"{score:.2f}"
