"""`report`: pair the indexed claims across outlets and classify every candidate pair.

The one judging path: `report`, `check` and the review queue all call `build_report`, which
finds candidates in an `IndexView` (judge/candidates.py), gathers their evidence and judges
them (judge/findings.py), leaves out suppressed findings and sorts the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from checker.default_corpus import DEFAULT_INDEX, DEFAULT_OPTIONS, index_default_corpus
from checker.errors import ReviewError, UsageError
from checker.incidents import build_incidents, report_incidents, story_origins
from checker.judge.candidates import find_candidates
from checker.judge.findings import judge_candidates, one_per_fingerprint
from checker.models import KIND_ORDER, PairingOptions, PairKind, Report, ReportSummary
from checker.progress import NO_PROGRESS, Progress
from checker.review.store import dismissed_fingerprints
from checker.store import IndexView, load_index, view_of


def report(
    index_path: str | Path | None = None,
    *,
    options: PairingOptions | None = None,
    kinds: tuple[PairKind, ...] = KIND_ORDER,
    suppress: Mapping[str, str] | None = None,
    use_review: bool = True,
    nli_model: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Report:
    """The discrepancy report of the index at `index_path` (deterministic).

    No `index_path`: the bundled default corpus, indexed first (incrementally) into
    `indexes/default`. `options` default to `pairing_options_for(index_path)`. `suppress`
    maps finding fingerprints to why they are left out (a CI baseline accepted them); with
    `use_review` the findings editors dismissed in the index's review store are left out too.
    The report counts both under `suppressed`.
    """
    if index_path is None:
        index_path = index_default_corpus(progress=progress)
    options = options or pairing_options_for(index_path)
    dismissed, warnings = review_suppression(index_path) if use_review else ({}, [])
    left_out = {**(suppress or {}), **dismissed}
    progress.stage(f"loading the index {index_path}")
    return build_report(
        view_of(load_index(Path(index_path))),
        index_name=str(index_path),
        options=options,
        kinds=kinds,
        suppress=left_out,
        nli_model=nli_model,
        progress=progress,
        warnings=warnings,
    )


def review_suppression(index_path: str | Path) -> tuple[dict[str, str], list[str]]:
    """The findings editors dismissed in the index's review store, and the warnings to report.

    A store that cannot be read does not stop a report or a check: its dismissals are not
    applied and the warning says so, naming the file and how to repair it.
    """
    try:
        return dismissed_fingerprints(index_path), []
    except ReviewError as error:
        return {}, [f"dismissed findings not suppressed: {error}"]


def build_report(
    view: IndexView,
    *,
    index_name: str,
    options: PairingOptions,
    kinds: tuple[PairKind, ...] = KIND_ORDER,
    suppress: Mapping[str, str] | None = None,
    nli_model: str | None = None,
    progress: Progress = NO_PROGRESS,
    warnings: Sequence[str] = (),
) -> Report:
    """The report of the sentences in `view`: candidates, evidence, verdicts, suppression
    (`warnings` travel into the report as they are)."""
    outlets = {article.outlet for article in view.articles}
    _require_two_outlets(outlets, options, index_name)
    progress.stage(f"building incidents from {len(view.sentences):,} sentences")
    incidents = build_incidents(view.sentences, view.incidents)
    progress.stage("pairing sentences across outlets")
    candidates = find_candidates(view, options=options, incidents=incidents)
    progress.stage(f"judging {len(candidates):,} candidate pairs")
    pairs = [
        pair
        for pair in judge_candidates(candidates, options=options, nli_model=nli_model)
        if pair.kind in kinds
    ]
    suppress = suppress or {}
    suppressed = Counter(
        suppress[pair.fingerprint] for pair in pairs if pair.fingerprint in suppress
    )
    pairs = [pair for pair in pairs if pair.fingerprint not in suppress]
    pairs.sort(key=lambda pair: (KIND_ORDER.index(pair.kind), -pair.score, pair.fingerprint))
    pairs = one_per_fingerprint(pairs)
    counts = Counter(pair.kind for pair in pairs)
    shown = report_incidents(
        incidents,
        {sentence.row: sentence for sentence in view.sentences},
        pairs,
        origins=story_origins(view),
        focus=options.focus,
    )
    return Report(
        index=index_name,
        model=view.model,
        options=options.model_copy(update={"focus": None}),  # a check names its articles itself
        summary=ReportSummary(
            articles=len(view.articles),
            outlets=len(outlets),
            sentences=len(view.sentences),
            pairs_by_kind={kind: counts.get(kind, 0) for kind in KIND_ORDER},
            incidents=len(shown),
            incidents_with_discrepancy=sum(1 for incident in shown if incident.discrepancies),
            counts_undated=sum(
                len(incident.rows) for incident in incidents.incidents if incident.first_day is None
            ),
        ),
        suppressed=dict(sorted(suppressed.items())),
        incidents=shown,
        pairs=pairs,
        warnings=list(warnings),
    )


def pairing_options_for(
    index_path: str | Path | None,
    *,
    neighbours: int | None = None,
    min_similarity: float | None = None,
    include_same_outlet: bool | None = None,
    include_same_article: bool | None = None,
    paraphrase_model: str | None = None,
) -> PairingOptions:
    """The options `report` uses for this index (the default corpus pairs within articles:
    its seed pages quote rival sources), with the given overrides (None: keep)."""
    is_default = index_path is None or Path(index_path).resolve() == DEFAULT_INDEX.resolve()
    base = DEFAULT_OPTIONS if is_default else PairingOptions()
    overrides = {
        "neighbours": neighbours,
        "min_similarity": min_similarity,
        "include_same_outlet": include_same_outlet,
        "include_same_article": include_same_article,
        "paraphrase_model": paraphrase_model,
    }
    return base.model_copy(update={k: v for k, v in overrides.items() if v is not None})


def _require_two_outlets(outlets: set[str], options: PairingOptions, index_name: str) -> None:
    """Cross-outlet pairing needs two outlets, unless same-outlet or same-article pairs are on."""
    if len(outlets) < 2 and not (options.include_same_outlet or options.include_same_article):
        raise UsageError(
            f"{index_name}: the index holds one outlet only ({', '.join(sorted(outlets)) or 'none'}); "
            f"add another outlet's articles or pass --include-same-outlet"
        )
