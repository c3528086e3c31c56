"""Quantities: the counts a sentence states, as intervals with what they count and the event."""

from checker.quantities.extract import extract_quantities
from checker.quantities.match import (
    QuantityMatch,
    match_quantities,
    match_strength,
    same_stated_figure,
)

__all__ = [
    "QuantityMatch",
    "extract_quantities",
    "match_quantities",
    "match_strength",
    "same_stated_figure",
]
