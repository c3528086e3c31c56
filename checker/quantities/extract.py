"""Read the counts a sentence states ("at least 20 children were abducted") as typed intervals.

Rule-based on purpose: a regex tokenizer, small lexicons (`checker.lexicon`) and a few
positional rules, so that it is deterministic and runs on a whole corpus in well under a
millisecond per sentence. Each figure is read with its hedge (as an interval), the noun it
counts (lemma and coarse category) and the event it takes part in (killed, wounded ...).
Figures that are not counts (years, dates, times, ages, durations, ordinals, codes,
percentages, money, share counters) are dropped, and so are projections ("the toll could reach
200") and a bare figure that counts nothing and takes part in no event ("More news: 99"),
since nothing could be compared to it.
"""

from __future__ import annotations

from typing import Final

import checker.lexicon as lx
from checker.models import Hedge, Quantity
from checker.quantities.events import assign_events
from checker.quantities.figures import Figure, Token, read_figure, read_hedge, read_range, tokenize
from checker.quantities.nouns import Candidate, read_noun_phrase
from checker.quantities.traps import is_projection, is_trap, is_trap_after

ABOUT_SPREAD: Final = 0.10  # "about/around N": within 10% either side, the usual rounding
NEARLY_SPREAD: Final = 0.15  # "nearly N": up to 15% short of N ("nearly 60" fits 51-60)


def extract_quantities(text: str) -> list[Quantity]:
    """Every count stated in `text` (one sentence), in order of position."""
    tokens = tokenize(text)
    candidates = _read_candidates(text, tokens)
    assign_events(tokens, candidates)
    return [_to_quantity(text, tokens, c) for c in candidates if _is_count(c)]


# --- reading figures -------------------------------------------------------------------------


def _read_candidates(text: str, tokens: list[Token]) -> list[Candidate]:
    """Every figure that reads as a count, left to right, with its hedge and counted noun."""
    candidates: list[Candidate] = []
    i = 0
    while i < len(tokens):
        floor = candidates[-1].end if candidates else 0
        candidate = _read_candidate(text, tokens, i, floor)
        if candidate is None:
            i += 1
            continue
        candidates.append(candidate)
        i = candidate.end
    return candidates


def _read_candidate(text: str, tokens: list[Token], i: int, floor: int) -> Candidate | None:
    figure = read_figure(tokens, i)
    if figure is None:
        return None
    figure = read_range(tokens, figure)
    if is_trap(text, tokens, figure):
        return None
    first, hedge = read_hedge(tokens, figure, floor)
    if is_projection(tokens, first):
        return None
    end = figure.end
    post = tuple(t.lower for t in tokens[end : end + 2])
    if post in lx.POST_HEDGES and hedge == "exact" and figure.kind != "vague":
        hedge, end = lx.POST_HEDGES[post], end + 2
    candidate = Candidate(first=first, end=end, figure=figure, hedge=hedge)
    read_noun_phrase(tokens, candidate)
    if is_trap_after(tokens, candidate):
        return None
    return candidate


# --- output ----------------------------------------------------------------------------------


def _is_count(candidate: Candidate) -> bool:
    """Keep counts that say what they count or what happened to it ("killed 13")."""
    if not candidate.counted and candidate.event not in lx.PEOPLE_EVENTS:
        return False  # "More news: 99", "Get short URL 185", "destroyed 14 of ..."
    lone_one = candidate.figure.kind == "words" and candidate.figure.value == 1
    return not (lone_one and not candidate.category and candidate.event is None)  # "at one point"


def _interval(hedge: Hedge, figure: Figure) -> tuple[float, float | None]:
    """The values the sentence allows, read from the hedge (high None: unbounded)."""
    value = figure.value or 0.0
    if hedge in ("vague", "between"):
        return figure.low or 0.0, figure.high
    if hedge == "exact":
        return value, value
    if hedge in ("at_least", "more_than"):
        return value, None  # "more than N" is strictly above N; the interval keeps N as floor
    if hedge in ("at_most", "less_than"):
        return 0.0, value
    if hedge == "about":
        return round(value * (1 - ABOUT_SPREAD), 6), round(value * (1 + ABOUT_SPREAD), 6)
    return round(value * (1 - NEARLY_SPREAD), 6), value  # nearly


def _to_quantity(text: str, tokens: list[Token], candidate: Candidate) -> Quantity:
    start, end = tokens[candidate.first].start, tokens[candidate.end - 1].end
    low, high = _interval(candidate.hedge, candidate.figure)
    return Quantity(
        text=text[start:end],
        start=start,
        end=end,
        value=candidate.figure.value,
        low=low,
        high=high,
        hedge=candidate.hedge,
        counted=candidate.counted,
        category=candidate.category,
        event=candidate.event,
        part=candidate.part,
    )
