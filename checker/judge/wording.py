"""Human wording of quantities and ratios for the one-line reasons in reports."""

from __future__ import annotations

import checker.lexicon as lx
from checker.models import Quantity


def describe_quantity(quantity: Quantity) -> str:
    """'at least 20 children abducted', from the parsed quantity, not the raw text."""
    if quantity.value is None:
        figure = quantity.text.split(" of ")[0] if quantity.hedge == "vague" else quantity.text
        head = figure
    elif quantity.hedge == "between" and quantity.high is not None:
        head = f"{_number(quantity.low)}-{_number(quantity.high)}"
    else:
        head = lx.HEDGE_WORDS[quantity.hedge] + _number(quantity.value)
    noun = quantity.counted and _plural(quantity.counted, quantity.value)
    parts = [head]
    if noun and noun.lower() not in head.lower():
        parts.append(noun)
    if quantity.event and quantity.counted not in lx.EVENT_NOUNS:
        parts.append(quantity.event)
    return " ".join(parts)


def format_ratio(ratio: float) -> str:
    if ratio == float("inf"):
        return "unbounded ratio"
    return f"{ratio:.1f}×"


def _number(value: float) -> str:
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _plural(noun: str, value: float | None) -> str:
    if value == 1:
        return noun
    if noun in lx.IRREGULAR_PLURALS:
        return lx.IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"
