"""`report`: pair the indexed claims across outlets and classify every candidate pair."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from checker.errors import UsageError
from checker.judge.candidates import Candidate, PairingOptions, find_candidates
from checker.judge.verdicts import classify_pair
from checker.models import (
    KIND_ORDER,
    Article,
    Claim,
    Pair,
    PairSide,
    Report,
    ReportSummary,
    Verdict,
)
from checker.nlp.paraphrase import judge_pairs, resolve_adapter
from checker.quantities.match import match_quantities
from checker.store.generations import StoredIndex, load_index


def report(
    *,
    index_path: str | Path,
    options: PairingOptions | None = None,
    kinds: tuple[str, ...] = KIND_ORDER,
    suppress: Mapping[str, str] | None = None,
    nli_model: str | None = None,
) -> Report:
    """Build the discrepancy report of the index at `index_path` (deterministic).

    `suppress` maps finding fingerprints to why they are left out (a reviewer dismissed
    them, a CI baseline accepted them); the report counts them under `suppressed`.
    """
    options = options or PairingOptions()
    stored = load_index(Path(index_path))
    return build_report(
        stored,
        index_name=str(index_path),
        options=options,
        kinds=kinds,
        suppress=suppress,
        nli_model=nli_model,
    )


def build_report(
    stored: StoredIndex,
    *,
    index_name: str,
    options: PairingOptions,
    kinds: tuple[str, ...] = KIND_ORDER,
    suppress: Mapping[str, str] | None = None,
    nli_model: str | None = None,
) -> Report:
    by_id = {article.id: article for article in stored.articles}
    outlets = {article.outlet for article in stored.articles}
    if len(outlets) < 2 and not (options.include_same_outlet or options.include_same_article):
        raise UsageError(
            f"{index_name}: the index holds one outlet only ({', '.join(sorted(outlets)) or 'none'}); "
            f"add another outlet's articles or pass --include-same-outlet"
        )
    candidates = find_candidates(stored.articles, stored.claims, stored.vectors, options=options)
    contradiction = _nli_evidence(candidates, stored.claims, nli_model) if nli_model else {}
    paraphrase = _paraphrase_evidence(candidates, stored.claims, options.paraphrase_model)
    pairs = [
        pair
        for candidate in candidates
        if (
            pair := _judge(
                candidate,
                stored.claims,
                by_id,
                contradiction.get((candidate.a, candidate.b)),
                paraphrase.get((candidate.a, candidate.b)),
            )
        )
        and pair.kind in kinds
    ]
    suppress = suppress or {}
    suppressed = Counter(
        suppress[pair.fingerprint] for pair in pairs if pair.fingerprint in suppress
    )
    pairs = [pair for pair in pairs if pair.fingerprint not in suppress]
    pairs.sort(key=lambda pair: (KIND_ORDER.index(pair.kind), -pair.score, pair.fingerprint))
    counts = Counter(pair.kind for pair in pairs)
    return Report(
        index=index_name,
        model=stored.model,
        options={key: value for key, value in options.model_dump(exclude={"focus"}).items()},
        summary=ReportSummary(
            articles=len(stored.articles),
            outlets=len(outlets),
            sentences=len(stored.claims),
            pairs_by_kind={kind: counts.get(kind, 0) for kind in KIND_ORDER},
        ),
        suppressed=dict(sorted(suppressed.items())),
        pairs=pairs,
    )


def _nli_evidence(
    candidates: list[Candidate], claims: list[Claim], nli_model: str
) -> dict[tuple[int, int], float]:
    """The NLI model's contradiction probability for each candidate without numbers on both
    sides (figures are judged by their intervals, not by the model)."""
    from checker.nlp.nli import get_nli_judge

    wanted = [c for c in candidates if not (claims[c.a].quantities and claims[c.b].quantities)]
    probabilities = get_nli_judge(nli_model).contradiction_probabilities(
        [(claims[c.a].sentence.text, claims[c.b].sentence.text) for c in wanted]
    )
    return {(c.a, c.b): p for c, p in zip(wanted, probabilities, strict=True)}


def _paraphrase_evidence(
    candidates: list[Candidate], claims: list[Claim], paraphrase_model: str
) -> dict[tuple[int, int], float]:
    """The paraphrase judge's probability for candidates that share no quantity (figures
    are judged by their intervals) and are worded closely enough for it (judge_pairs)."""
    wanted = [
        c
        for c in candidates
        if not match_quantities(claims[c.a].quantities, claims[c.b].quantities)
    ]
    probabilities = judge_pairs(
        resolve_adapter(paraphrase_model),
        [(claims[c.a].sentence.text, claims[c.b].sentence.text) for c in wanted],
        [c.similarity for c in wanted],
    )
    return {(c.a, c.b): p for c, p in zip(wanted, probabilities, strict=True) if p is not None}


def _judge(
    candidate: Candidate,
    claims: list[Claim],
    by_id: dict[str, Article],
    nli_contradiction: float | None = None,
    paraphrase_probability: float | None = None,
) -> Pair | None:
    a_claim, b_claim = claims[candidate.a], claims[candidate.b]
    a_article, b_article = by_id[a_claim.sentence.doc_id], by_id[b_claim.sentence.doc_id]
    verdict = classify_pair(
        a_claim,
        b_claim,
        similarity=candidate.similarity,
        a_date=a_article.date,
        b_date=b_article.date,
        same_article=a_article.id == b_article.id,
        nli_contradiction=nli_contradiction,
        paraphrase_probability=paraphrase_probability,
    )
    if verdict.kind == "unrelated":
        return None
    if a_article.id == b_article.id and not rival_sources_in_one_article(a_claim, b_claim, verdict):
        return None
    return Pair(
        kind=verdict.kind,
        score=verdict.score,
        similarity=candidate.similarity,
        reason=verdict.reason,
        fingerprint=fingerprint(a_claim, b_claim),
        a=_side(a_claim, a_article),
        b=_side(b_claim, b_article),
        compared=verdict.compared,
    )


def rival_sources_in_one_article(a: Claim, b: Claim, verdict: Verdict) -> bool:
    """Within one article only figures relayed from two sources disagree ("X said 44 … reportedly
    at least 20"); an article's own background facts and paraphrases are not findings."""
    if verdict.compared is None or verdict.kind == "duplicate":
        return False
    if a.speaker and b.speaker:
        return a.speaker != b.speaker
    return a.attributed and b.attributed


def fingerprint(a: Claim, b: Claim) -> str:
    """Stable id of a finding: both documents and sentence texts, order-free."""
    sides = sorted(
        f"{claim.sentence.doc_id}\x1f{' '.join(claim.sentence.text.split())}" for claim in (a, b)
    )
    return hashlib.sha1("\x1e".join(sides).encode("utf-8")).hexdigest()[:16]


def _side(claim: Claim, article: Article) -> PairSide:
    sentence = claim.sentence
    return PairSide(
        doc_id=article.id,
        outlet=article.outlet,
        date=article.date,
        title=article.title,
        source=article.source,
        line=article.first_line + article.text.count("\n", 0, sentence.start),
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        quantities=claim.quantities,
    )
