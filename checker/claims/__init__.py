"""Claims: what each sentence asserts (quantities, places, actors, times, framing)."""

from checker.claims.actors import find_actors, find_perpetrators, is_attributed
from checker.claims.extract import extract_claims
from checker.claims.places import find_place_phrases, held_sides, named_quarters
from checker.claims.times import find_times, find_window

__all__ = [
    "extract_claims",
    "find_actors",
    "find_perpetrators",
    "find_place_phrases",
    "find_times",
    "find_window",
    "held_sides",
    "is_attributed",
    "named_quarters",
]
