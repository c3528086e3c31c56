"""Which quantities of two sentences count the same thing for the same event.

Counts pair up only when their events agree (killed with killed, never killed with
wounded) and their categories agree (civilians with people, never children with
all people, fighters with civilians): GUIDELINES.md step 1's "different category" traps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

import checker.lexicon as lx
from checker.models import Quantity

# Categories an outlet uses interchangeably for the same victims ("31 civilians" vs
# "more than 30 people"; dev.jsonl fk-036, fk-061, fk-072).
# "cases of asphyxiation" count affected people (fk-217).
INTERCHANGEABLE = (frozenset({"civilian", "people", "case"}),)
# Counts of combatants, which a sentence may set beside its civilians.
COMBATANTS = frozenset({"fighter", "soldier", "police"})
# Categories whose counted noun is a unit: figures compare only in the same unit.
MEASURED = frozenset({"distance", "money", "weight", "area", "duration"})


class QuantityMatch(BaseModel):
    """Two quantities judged to count the same thing, with how sure the match is."""

    model_config = ConfigDict(frozen=True)

    a: Quantity
    b: Quantity
    strength: float


def match_quantities(
    a_quantities: Sequence[Quantity], b_quantities: Sequence[Quantity]
) -> list[QuantityMatch]:
    """Pair each quantity with at most one of the other side: one figure restated by both
    first ("up to 80 militants" in each tells which figures correspond), then the strongest."""
    a_contrasted, b_contrasted = _contrasted(a_quantities), _contrasted(b_quantities)
    candidates = sorted(
        (
            (not same_stated_figure(qa, qb), strength, _log_gap(qa, qb), i, j)
            for i, qa in enumerate(a_quantities)
            for j, qb in enumerate(b_quantities)
            if (strength := match_strength(qa, qb)) > 0
            and not _contrast_broken(qa, qb, i in a_contrasted, j in b_contrasted)
        ),
        key=lambda item: (item[0], -item[1], item[2], item[3], item[4]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    matches = []
    for _restated, strength, _gap, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matches.append(QuantityMatch(a=a_quantities[i], b=b_quantities[j], strength=strength))
    return matches


def _contrasted(quantities: Sequence[Quantity]) -> set[int]:
    """Civilian counts that sit beside a count of fighters or soldiers of the same event ("31
    jihadists and eight civilians"): the sentence sets them apart from the combatants."""
    combatant_events = {q.event for q in quantities if q.category in COMBATANTS and q.event}
    return {
        i
        for i, q in enumerate(quantities)
        if q.category == "civilian" and q.event in combatant_events
    }


def _contrast_broken(qa: Quantity, qb: Quantity, a_contrasted: bool, b_contrasted: bool) -> bool:
    """Civilians told apart from combatants are not "people" of another report, whose count
    may hold the combatants too ("kills 19" against "31 jihadists and eight civilians")."""
    return (a_contrasted and _category(qb) == "people") or (
        b_contrasted and _category(qa) == "people"
    )


def _log_gap(qa: Quantity, qb: Quantity) -> float:
    """How far apart two figures are; among equally good matches the closest figures pair
    (a sentence listing 10 and 82 killed pairs its 82 with another report's 45)."""
    a_value = qa.value if qa.value is not None else qa.low
    b_value = qb.value if qb.value is not None else qb.low
    return abs(math.log(max(a_value, 0.5)) - math.log(max(b_value, 0.5)))


def match_strength(qa: Quantity, qb: Quantity) -> float:
    """0 when the two cannot count the same thing, else up to 1 for an exact match."""
    if qa.event and qb.event and qa.event != qb.event:
        return 0.0
    if qa.part != qb.part:
        return 0.0  # "five of the dead" against "23 people killed": a part, no rival toll
    if _category(qa) in MEASURED and qa.counted != qb.counted:
        return 0.0  # 90 miles and 150 kilometres are not two figures for one thing
    if qa.counted != qb.counted and lx.SUBGROUP_NOUNS & {qa.counted, qb.counted}:
        return 0.0  # "six teachers" against "11 civilians": a part of the dead, not a rival
    category_fit = _category_fit(_category(qa), _category(qb))
    if _unclassified_noun(qa) != _unclassified_noun(qb) and _category(qa) != _category(qb):
        # "three crewmembers" or "four staff" against "11 children" or "12 people": a group
        # the lexicon cannot place is another group, or a part of the whole, not its rival.
        return 0.0
    if _unclassified_noun(qa) and _unclassified_noun(qb) and qa.counted != qb.counted:
        return 0.0  # "19 roads" and "10 visitors": two things the lexicon cannot place
    if category_fit == 0:
        return 0.0
    event_fit = 1.0 if qa.event == qb.event and qa.event else 0.6 if (qa.event or qb.event) else 0.4
    if not (qa.event or qb.event) and not (_category(qa) and _category(qb)):
        return 0.0
    return round(category_fit * event_fit, 3)


def same_stated_figure(qa: Quantity, qb: Quantity) -> bool:
    """Whether two quantities state one figure of one counted thing ("at least 15 civilians",
    "15 people"): equal stated values that can count the same thing."""
    return qa.value is not None and qa.value == qb.value and match_strength(qa, qb) > 0


def _category(quantity: Quantity) -> str:
    if not quantity.category and not quantity.counted and quantity.event in lx.PEOPLE_EVENTS:
        return "people"  # "killed 13 and wounded 29": bare counts of a human event
    return quantity.category


def _unclassified_noun(quantity: Quantity) -> bool:
    """A count of a named group the lexicon does not classify ("members", "staff")."""
    return bool(quantity.counted) and not quantity.category


def _category_fit(a_category: str, b_category: str) -> float:
    if a_category == b_category:
        return 1.0 if a_category else 0.3
    if any(a_category in group and b_category in group for group in INTERCHANGEABLE):
        return 0.8
    if not a_category or not b_category:
        return 0.3  # an unclassified noun ("eight members of the team") may count anyone
    return 0.0


def point(quantity: Quantity) -> float:
    """The figure a quantity stands for: its stated value, else the middle of a bounded vague
    range ("dozens": 61.5), else its floor."""
    if quantity.value is not None:
        return quantity.value
    return (quantity.low + quantity.high) / 2 if quantity.high is not None else quantity.low


def figure_ratio(qa: Quantity, qb: Quantity) -> float:
    """How far apart two figures are: the larger `point` over the smaller (inf from zero).
    The one ratio rule: verdicts separate compatible from divergent with it, and review
    statistics suggest thresholds on it."""
    low, high = sorted((point(qa), point(qb)))
    return high / low if low > 0 else float("inf")
