"""The pair kinds as a reader meets them: their order in a report and what each one means."""

from __future__ import annotations

from checker.models import Pair, PairKind, Report

# Most urgent first: what an editor must check before what merely agrees.
KIND_ORDER: tuple[PairKind, ...] = (
    "contradiction",
    "conflict",
    "divergent",
    "update",
    "compatible",
    "duplicate",
)

# One definition per kind, shared by the Markdown and HTML reports and the README.
KIND_DEFINITIONS: dict[PairKind, str] = {
    "contradiction": (
        "A non-numeric clash: one report negates the other, names the opposite actor, "
        "or denies the event."
    ),
    "conflict": (
        "The figures cannot both be true (exact figures differ, or one falls below the other's "
        "floor or above its ceiling) and timing does not explain it."
    ),
    "divergent": 'Compatible only thanks to a hedge, but far apart (44 vs "at least 20").',
    "update": (
        "The later report gives a higher figure for the same quantity: a rise, not a contradiction."
    ),
    "compatible": "The same quantity, with figures that agree within their hedges.",
    "duplicate": "The same claim with the same figures (wire copy or paraphrase).",
}


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
