"""Verdicts: classify one sentence pair into exactly one kind, with the reason why.

Order of questions (GUIDELINES.md of annotated/dev.jsonl, step 1 then step 2):
1. Is it the same incident and the same quantity? Different days, cumulative
   windows or places, or counts of different things (killed vs wounded, children vs
   all people) make the pair `unrelated` however alike the wording.
2. For the same quantity, compare the intervals the hedges allow: `duplicate`,
   `compatible`, `divergent`, `conflict`, or `update` when the later report is higher.
3. Without a shared quantity: `contradiction` for a denial or opposite perpetrators,
   `duplicate` for a close paraphrase, else `unrelated`.
"""

from __future__ import annotations

from checker.judge.clashes import (
    counts_disagree,
    different_speakers,
    non_numeric_clash,
    reworded,
    same_news_cycle,
)
from checker.judge.counts import compare_figures, decisive
from checker.judge.evidence import PairEvidence
from checker.judge.incident import (
    different_attackers,
    different_event,
    different_means,
    different_scope,
    different_windows,
    news_cycle_gap,
)
from checker.judge.scoring import score, unrelated
from checker.models import DISCREPANCY_KINDS, KINDS, Claim, Verdict
from checker.quantities import match_quantities

# Below this similarity two sentences are not about the same thing even if their
# counts match in kind; chosen on annotated/dev.jsonl and FA-KES, see bench/.
RELATED_SIMILARITY = 0.25


def _event_gap(a: Claim, b: Claim, evidence: PairEvidence) -> str | None:
    """Different days, dates, places or scope (judge/incident.py), on the pair's evidence."""
    return different_event(
        a,
        b,
        same_article=evidence.same_article,
        a_date=evidence.a_date,
        b_date=evidence.b_date,
        same_incident=evidence.same_incident,
    )


def classify_pair(a: Claim, b: Claim, evidence: PairEvidence) -> Verdict:
    """Classify two sentences' claims (a from one report, b from another) on `evidence`
    (judge/evidence.py: similarity, dates, one article, and what the models read).

    Without the paraphrase judge's probability a blend of cosine similarity and shared wording
    decides whether wording alone is a duplicate. Two sentences of one article share its topic,
    which ties their places together (a town and its province), so differing place names do
    not separate them.
    """
    similarity = evidence.similarity
    event_gap = _event_gap(a, b, evidence)
    # Soft gaps (a cumulative window on one side, a day pinned before the other's news cycle)
    # separate disagreeing figures; one figure repeated word for word is still one report.
    soft_gap = different_windows(a, b) or news_cycle_gap(a, b, evidence.a_date, evidence.b_date)
    incident_gap = event_gap or evidence.incident_gap or soft_gap
    matches = match_quantities(a.quantities, b.quantities)
    if matches and similarity >= RELATED_SIMILARITY:
        if counted_gap := event_gap or evidence.incident_gap or different_means(a, b):
            return unrelated(f"same kind of count but {counted_gap}")
        verdicts = [
            compare_figures(match, a, b, similarity, evidence.a_date, evidence.b_date)
            for match in decisive(matches)
        ]
        if verdicts:
            verdict = max(
                verdicts, key=lambda verdict: (KINDS[verdict.kind].severity, verdict.score)
            )
            if soft_gap and verdict.kind != "duplicate":
                return unrelated(f"same kind of count but {soft_gap}")
            # A part against its whole (one town vs a sum over its province, one day vs
            # several) or attacks by two sides disagree without contradicting; agreeing
            # figures still agree.
            if verdict.kind in DISCREPANCY_KINDS and (
                gap := different_scope(a, b, verdict.compared) or different_attackers(a, b)
            ):
                return unrelated(f"{verdict.reason}, but {gap}")
            return verdict
    # A contradiction only within one incident, when incidents are known (GUIDELINES: the same
    # fact of the same event); `compare` of a given pair has no incidents and judges the pair.
    clash = non_numeric_clash(a, b, similarity, evidence.nli_contradiction)
    one_incident = evidence.same_incident is not False and not incident_gap
    if clash and one_incident and same_news_cycle(evidence.a_date, evidence.b_date, similarity):
        return clash
    # Cumulative windows separate counts ("since April" vs one day's toll), not wording.
    paraphrase = reworded(a, b, similarity, evidence.paraphrase_probability)
    if paraphrase and (speakers := different_speakers(a, b)):
        return unrelated(f"{speakers}: two statements, not one claim")
    if paraphrase and not event_gap and not counts_disagree(a, b):
        return Verdict(
            kind="duplicate",
            score=score("duplicate", similarity),
            reason=f"same claim in other words ({paraphrase})",
        )
    if incident_gap:
        return unrelated(incident_gap)
    return unrelated("no shared quantity or clash of facts")
