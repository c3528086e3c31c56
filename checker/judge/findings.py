"""From candidates to findings: judge each candidate on its evidence and keep what a report
shows, each finding with both sides, its reason and a stable fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from checker.ingest.positions import file_position
from checker.judge.candidates import Candidate
from checker.judge.evidence import PairEvidence, gather_evidence
from checker.judge.verdicts import classify_pair
from checker.models import AnalysedSentence, Claim, Pair, PairingOptions, PairSide, Verdict


def facts_of(candidate: Candidate) -> PairEvidence:
    """What a candidate pair brings to the evidence step: similarity, dates, one article?"""
    return PairEvidence(
        similarity=candidate.similarity,
        a_date=candidate.a.article.date,
        b_date=candidate.b.article.date,
        same_article=candidate.a.article.id == candidate.b.article.id,
        incident_gap=candidate.incident_gap,
        same_incident=candidate.same_incident,
    )


def judge_candidates(
    candidates: Sequence[Candidate], *, options: PairingOptions, nli_model: str | None = None
) -> list[Pair]:
    """The findings among `candidates`, in candidate order: unrelated pairs, and pairs of one
    article that are not rival sources' figures, left out."""
    evidence = gather_evidence(
        [(c.a.claim, c.b.claim, facts_of(c)) for c in candidates],
        paraphrase_model=options.paraphrase_model,
        nli_model=nli_model,
    )
    pairs = []
    for candidate, facts in zip(candidates, evidence, strict=True):
        verdict = classify_pair(candidate.a.claim, candidate.b.claim, facts)
        if verdict.kind == "unrelated":
            continue
        if facts.same_article and not rival_sources_in_one_article(
            candidate.a.claim, candidate.b.claim, verdict
        ):
            continue
        pairs.append(_finding(candidate, verdict))
    return pairs


def rival_sources_in_one_article(a: Claim, b: Claim, verdict: Verdict) -> bool:
    """Within one article only figures relayed from two sources disagree ("X said 44 … reportedly
    at least 20"); an article's own background facts and paraphrases are not findings."""
    if verdict.compared is None or verdict.kind == "duplicate":
        return False
    if a.speaker and b.speaker:
        return a.speaker != b.speaker
    return a.attributed and b.attributed


def one_per_fingerprint(pairs: Iterable[Pair]) -> list[Pair]:
    """The first of the findings that share a fingerprint (one sentence text repeated in an
    article, a headline as its lede): one finding per pair of documents and sentence texts."""
    kept: dict[str, Pair] = {}
    for pair in pairs:
        kept.setdefault(pair.fingerprint, pair)
    return list(kept.values())


def fingerprint(a: Claim, b: Claim) -> str:
    """Stable id of a finding: both documents and sentence texts, order-free."""
    sides = sorted(
        f"{claim.sentence.doc_id}\x1f{' '.join(claim.sentence.text.split())}" for claim in (a, b)
    )
    return hashlib.sha1("\x1e".join(sides).encode("utf-8")).hexdigest()[:16]


def _finding(candidate: Candidate, verdict: Verdict) -> Pair:
    assert verdict.kind != "unrelated"
    return Pair(
        kind=verdict.kind,
        score=verdict.score,
        similarity=candidate.similarity,
        reason=verdict.reason,
        fingerprint=fingerprint(candidate.a.claim, candidate.b.claim),
        a=side_of(candidate.a),
        b=side_of(candidate.b),
        compared=verdict.compared,
        incident=candidate.incident,
        days_apart=_days_apart(candidate),
        place=candidate.place,
    )


def _days_apart(candidate: Candidate) -> int | None:
    a, b = candidate.a.article.date, candidate.b.article.date
    return abs((b - a).days) if a is not None and b is not None else None


def side_of(sentence: AnalysedSentence) -> PairSide:
    """One side of a finding: where the sentence is, what it says, the figures it states."""
    article, claim = sentence.article, sentence.claim
    line, column = file_position(article, claim.sentence.start)
    return PairSide(
        doc_id=article.id,
        outlet=article.outlet,
        date=article.date,
        title=article.title,
        source=article.source,
        line=line,
        column=column,
        text=claim.sentence.text,
        start=claim.sentence.start,
        end=claim.sentence.end,
        quantities=claim.quantities,
    )
