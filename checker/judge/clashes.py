"""Pairs without a shared quantity: a clash of facts (a denial, opposite perpetrators, an NLI
model's contradiction) within one news cycle, or the same claim in other words."""

from __future__ import annotations

import datetime as dt

from checker.claims.gazetteer import towns
from checker.judge.scoring import score
from checker.models import Claim, Verdict
from checker.nlp.nli import NLI_CONTRADICTION_PROBABILITY
from checker.nlp.paraphrase import (
    JUDGE_MIN_CLOSENESS,
    PARAPHRASE_CLOSENESS,
    PARAPHRASE_PROBABILITY,
    closeness,
    word_overlap,
)
from checker.quantities import match_quantities
from checker.quantities.match import point

# Non-numeric contradictions need the sentences to be about the same fact.
CONTRADICTION_SIMILARITY = 0.30
# Non-numeric contradictions concern one event: reports at most a week apart (dev.jsonl's
# contradiction pairs are 0-7 days apart); undated pairs need close wording instead.
CONTRADICTION_WINDOW_DAYS = 7
UNDATED_CONTRADICTION_SIMILARITY = 0.75


def non_numeric_clash(
    a: Claim, b: Claim, similarity: float, nli_contradiction: float | None
) -> Verdict | None:
    """A contradiction the claims show without figures, or None."""
    if similarity < CONTRADICTION_SIMILARITY:
        return None
    if nli_contradiction is not None and nli_contradiction >= NLI_CONTRADICTION_PROBABILITY:
        return _contradiction(
            f"NLI model finds the sentences contradictory (p={nli_contradiction:.2f})", similarity
        )
    if denied := denied_blame(a, b, "a") or denied_blame(b, a, "b"):
        return _contradiction(denied, similarity)
    if rival_attackers(a, b):
        return _contradiction(
            "different perpetrators for the same attack: "
            f"{', '.join(a.perpetrators)} vs {', '.join(b.perpetrators)}",
            similarity,
        )
    return None


def denied_blame(denier: Claim, blamer: Claim, side: str) -> str | None:
    """Why report `side` (the denier) denies what the other blames on a party, or None: it says
    a party did not attack ("Moscow denied any involvement") and the other says, unhedged, that
    the party did; or, naming no party, it calls the reported attack false and the other says
    who did it. A sentence telling both the blame and its denial reports the dispute and
    clashes with neither side; claims of different means ("denied using chemical weapons" vs
    regime air raids; a hospital and a convoy) are about different things, and blame that
    names no place, day, count or target is a general statement, not a claim on the attack."""
    blamed = set(blamer.perpetrators)
    if not blamed or blamer.hedged or blamer.cleared or blamer.denial:
        return None
    if not (blamer.locations or blamer.times or blamer.quantities or blamer.targets):
        return None  # "Russia launches airstrikes on Syria": a general statement, no attack
    if _apart(denier.means, blamer.means) or _apart(denier.targets, blamer.targets):
        return None
    if cleared := sorted((set(denier.cleared) - set(denier.perpetrators)) & blamed):
        return (
            f"one report ({side}) says {', '.join(cleared)} did not attack, the other that it did"
        )
    if denier.denial and not (denier.cleared or denier.actors or denier.perpetrators):
        return (
            f"one report ({side}) denies or calls false what the other asserts "
            f"({', '.join(blamer.perpetrators)} did it)"
        )
    return None


def rival_attackers(a: Claim, b: Claim) -> bool:
    """Whether the two sentences blame different parties for what is told as one attack: the
    same means named on both sides, unhedged blame, no party of one among the other's, and no
    counts that disagree (regime raids that killed scores and rebel shells that killed nine are two attacks).
    """
    if not (a.perpetrators and b.perpetrators) or set(a.perpetrators) & set(b.perpetrators):
        return False
    if a.hedged or b.hedged:
        return False  # "suspected Russian jets", "most likely": no explicit claim to contradict
    if set(a.perpetrators) & set(b.actors) or set(b.perpetrators) & set(a.actors):
        return False
    if not (a.means and b.means and set(a.means) & set(b.means)):
        return False
    if _apart(a.targets, b.targets):
        return False  # a hospital and a convoy: two attacks
    a_towns, b_towns = towns(a.locations), towns(b.locations)
    if (a_towns or b_towns) and not a_towns & b_towns:
        return False  # two towns, or a town and a whole province: not told as one attack
    matches = match_quantities(a.quantities, b.quantities)
    return all(point(m.a) == point(m.b) for m in matches)


def _apart(a: list[str], b: list[str]) -> bool:
    """Both name means (or targets) and none is shared: they tell of different attacks."""
    return bool(a and b) and not set(a) & set(b)


def same_news_cycle(a_date: dt.date | None, b_date: dt.date | None, similarity: float) -> bool:
    """Non-numeric clashes need evidence of one event: reports days apart, or (undated)
    wording close enough to name the same fact. Background statements years apart
    ("never used chemical weapons" vs "surrendered its stockpile") are not contradictions."""
    if a_date and b_date:
        return abs((a_date - b_date).days) <= CONTRADICTION_WINDOW_DAYS
    return similarity >= UNDATED_CONTRADICTION_SIMILARITY


def different_speakers(a: Claim, b: Claim) -> str | None:
    """Two statements by two named people ("Ryabkov said …", "according to Lavrov …") are two
    claims, however alike their words: neither is a copy of the other."""
    if not (a.speaker and b.speaker):
        return None
    if a.speaker.split()[-1].lower() == b.speaker.split()[-1].lower():
        return None
    return f"different speakers ({a.speaker} vs {b.speaker})"


def reworded(a: Claim, b: Claim, similarity: float, probability: float | None) -> str | None:
    """Why the two sentences say the same thing in other words, or None if they do not."""
    overlap = word_overlap(a.sentence.text, b.sentence.text)
    close = closeness(similarity, overlap)
    if probability is not None:
        if probability >= PARAPHRASE_PROBABILITY and close >= JUDGE_MIN_CLOSENESS:
            return f"paraphrase model p={probability:.2f}, similarity {similarity:.2f}"
        return None
    if close >= PARAPHRASE_CLOSENESS:
        return f"similarity {similarity:.2f}, shared wording {overlap:.0%}"
    return None


def counts_disagree(a: Claim, b: Claim) -> bool:
    """Both sentences state bare counts but none pair up: not a paraphrase of each other."""
    a_values = {q.value for q in a.quantities if q.value is not None}
    b_values = {q.value for q in b.quantities if q.value is not None}
    return bool(a_values and b_values and not a_values & b_values)


def _contradiction(reason: str, similarity: float) -> Verdict:
    return Verdict(kind="contradiction", score=score("contradiction", similarity), reason=reason)
