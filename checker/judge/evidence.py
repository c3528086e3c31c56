"""The one evidence step: what a verdict weighs beyond the two claims, gathered the same way
for `report`, `check` and `compare`, so a sentence pair gets the same verdict from each.

The facts of a pair (similarity, publication dates, one article or two) come with it; the
models add what they read: the optional NLI model's contradiction probability for pairs
without figures on both sides (figures are judged by their intervals), and the paraphrase
judge's probability for pairs with no matched quantity that are worded closely enough for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, field_validator

from checker.models import Claim
from checker.nlp.paraphrase import judge_pairs, resolve_adapter
from checker.quantities import match_quantities

# Similarities are compared and shown to this many decimal places.
SIMILARITY_DIGITS = 4


class PairEvidence(BaseModel):
    """Everything a verdict weighs besides the two claims."""

    model_config = ConfigDict(frozen=True)

    similarity: float
    a_date: dt.date | None = None
    b_date: dt.date | None = None
    same_article: bool = False
    incident_gap: str | None = None  # the two sentences report two different incidents
    same_incident: bool | None = None  # both report one incident (None: incidents not built)
    nli_contradiction: float | None = None
    paraphrase_probability: float | None = None

    @field_validator("similarity")
    @classmethod
    def _four_places(cls, similarity: float) -> float:
        """Cosines to 4 places, as reports show them: one pair, one similarity, whichever
        command (and whichever batch of the encoder) computed it."""
        return round(similarity, SIMILARITY_DIGITS)


ClaimPair = tuple[Claim, Claim, PairEvidence]  # two claims and the facts known of them


def gather_evidence(
    pairs: Sequence[ClaimPair], *, paraphrase_model: str, nli_model: str | None = None
) -> list[PairEvidence]:
    """Each pair's facts with the models' probabilities added, in input order.

    `paraphrase_model`: "shipped", "none" or an adapter path (nlp/paraphrase.py);
    `nli_model`: a CrossEncoder name or path, or None for no NLI evidence."""
    contradiction: dict[int, float] = {}
    if nli_model:
        from checker.nlp.nli import get_nli_judge

        wanted = [i for i, (a, b, _) in enumerate(pairs) if not (a.quantities and b.quantities)]
        found = get_nli_judge(nli_model).contradiction_probabilities(
            [(pairs[i][0].sentence.text, pairs[i][1].sentence.text) for i in wanted]
        )
        contradiction = dict(zip(wanted, found, strict=True))
    wanted = [
        i for i, (a, b, _) in enumerate(pairs) if not match_quantities(a.quantities, b.quantities)
    ]
    unmatched = [pairs[i] for i in wanted]
    judged = judge_pairs(
        resolve_adapter(paraphrase_model),
        [(a.sentence.text, b.sentence.text, facts.similarity) for a, b, facts in unmatched],
    )
    paraphrase = dict(zip(wanted, judged, strict=True))
    return [
        facts.model_copy(
            update={
                "nli_contradiction": contradiction.get(i),
                "paraphrase_probability": paraphrase.get(i),
            }
        )
        for i, (_, _, facts) in enumerate(pairs)
    ]
