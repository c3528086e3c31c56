"""Pairs in reading order: kinds as `checker.models.KINDS` orders them, then score."""

from __future__ import annotations

from checker.models import KIND_ORDER, Pair, PairKind, Report


def pair_sort_key(pair: Pair) -> tuple[int, float, str, str, int, str, int]:
    """Kind in `KIND_ORDER`, then score descending, then fingerprint; sides break full ties."""
    return (
        KIND_ORDER.index(pair.kind),
        -pair.score,
        pair.fingerprint,
        pair.a.doc_id,
        pair.a.start,
        pair.b.doc_id,
        pair.b.start,
    )


def ordered_pairs(report: Report) -> list[Pair]:
    """The report's pairs in reading order (see `pair_sort_key`)."""
    return sorted(report.pairs, key=pair_sort_key)


def pairs_by_kind(report: Report) -> dict[PairKind, list[Pair]]:
    """The report's pairs grouped by kind, kinds in `KIND_ORDER`, absent kinds left out."""
    groups: dict[PairKind, list[Pair]] = {}
    for pair in ordered_pairs(report):
        groups.setdefault(pair.kind, []).append(pair)
    return groups


def summary_counts(report: Report) -> list[tuple[str, int]]:
    """Pairs per kind as the summary states them: every kind in order, then any other key."""
    counts = report.summary.pairs_by_kind
    known = [(kind, counts.get(kind, 0)) for kind in KIND_ORDER]
    others = sorted((kind, count) for kind, count in counts.items() if kind not in KIND_ORDER)
    return known + others
