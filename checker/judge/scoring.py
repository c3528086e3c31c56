"""How strongly an editor should look at a pair: the kind's weight, raised by similarity and,
for figures that disagree, by how far apart they are."""

from __future__ import annotations

from checker.models import KINDS, CompareKind, Quantity, Verdict

# Figures this many times apart or more earn the whole spread bonus.
MAX_SPREAD = 10.0
SPREAD_BONUS = 0.05
SPREAD_KINDS = ("conflict", "divergent")


def score(kind: CompareKind, similarity: float, ratio: float = 1.0) -> float:
    """0..1: the kind's weight (models.KINDS) scaled by similarity, plus a spread bonus."""
    spread = min(max(ratio, 1.0), MAX_SPREAD)
    bonus = SPREAD_BONUS * (spread - 1.0) / (MAX_SPREAD - 1.0) if kind in SPREAD_KINDS else 0.0
    return round(min(1.0, KINDS[kind].weight * (0.6 + 0.4 * max(similarity, 0.0)) + bonus), 4)


def figures_verdict(
    kind: CompareKind,
    reason: str,
    similarity: float,
    compared: tuple[Quantity, Quantity],
    ratio: float,
) -> Verdict:
    """A verdict that rests on two compared figures."""
    return Verdict(
        kind=kind, score=score(kind, similarity, ratio), reason=reason, compared=compared
    )


def unrelated(reason: str) -> Verdict:
    """Not the same incident or quantity: never reported."""
    return Verdict(kind="unrelated", score=0.0, reason=reason)
