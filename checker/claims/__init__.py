"""Claims: what each sentence asserts (quantities, places, actors, times, framing)."""

from checker.claims.actors import find_actors, find_perpetrators, is_attributed
from checker.claims.blame import blame_hedged, find_cleared, is_denial
from checker.claims.extract import extract_claims
from checker.claims.means import find_targets
from checker.claims.places import find_place_phrases, held_sides, named_quarters
from checker.claims.times import find_times, find_window

__all__ = [
    "blame_hedged",
    "extract_claims",
    "find_actors",
    "find_cleared",
    "find_perpetrators",
    "find_place_phrases",
    "find_targets",
    "find_times",
    "find_window",
    "held_sides",
    "is_attributed",
    "is_denial",
    "named_quarters",
]
