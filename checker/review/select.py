"""A `Selection` and a sort as SQL over the findings table: the one place the queue's filters,
search and orders are written, read by lists, pages, positions, groups and bulk verdicts.

Everything here runs on columns (no pair_json is parsed), so a filtered, sorted page of a
queue of thousands costs one indexed query.
"""

from __future__ import annotations

from checker.errors import UsageError
from checker.models import KIND_ORDER
from checker.review.models import QUEUE_SORTS, STATUSES, Selection

# Reading order of kinds as SQL (kinds the table does not know sort last).
KIND_RANK = (
    "CASE kind "
    + " ".join(f"WHEN '{kind}' THEN {rank}" for rank, kind in enumerate(KIND_ORDER))
    + f" ELSE {len(KIND_ORDER)} END"
)
QUEUE_ORDER = f"{KIND_RANK}, score DESC, id"
# A group sorts where its first finding would: kind rank plus (1 - score) orders as
# (kind, -score) does, since scores lie in 0..1.
ORDERS = {
    "queue": QUEUE_ORDER,
    "score": "score DESC, id",
    "days_apart": f"days_apart DESC NULLS LAST, {QUEUE_ORDER}",
    "date": f"date DESC NULLS LAST, {QUEUE_ORDER}",
    "incident": f"MIN({KIND_RANK} + 1 - score) OVER (PARTITION BY group_key), group_key, "
    f"{QUEUE_ORDER}",
}


def selection_of(
    *,
    status: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    incident: str | None = None,
    search: str = "",
    include_gone: bool = False,
) -> Selection:
    """A Selection from loose options (a CLI's, a form's), an unknown status a UsageError."""
    if status and status not in STATUSES:
        raise UsageError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if kind and kind not in KIND_ORDER:  # the same check as `checker check --fail-on`
        raise UsageError(f"unknown kind {kind!r}; use one of {', '.join(KIND_ORDER)}")
    return Selection(
        status=status or None,
        kind=kind or None,
        outlet=outlet or None,
        incident=incident or None,
        search=search.strip(),
        include_gone=include_gone,
    )


def order_by(sort: str) -> str:
    """The ORDER BY terms of one of QUEUE_SORTS."""
    if sort not in ORDERS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(QUEUE_SORTS)}")
    return ORDERS[sort]


def where(selection: Selection) -> tuple[str, list[object]]:
    """The WHERE clause (empty when nothing filters) and its values."""
    clauses: list[str] = []
    values: list[object] = []
    for column, value in (
        ("status", selection.status),
        ("kind", selection.kind),
        ("group_key", selection.incident),
    ):
        if value:
            clauses.append(f"{column} = ?")
            values.append(value)
    if selection.outlet:
        clauses.append("(a_outlet = ? OR b_outlet = ?)")
        values += [selection.outlet, selection.outlet]
    for word in selection.search.split():
        pattern = "%" + _escape_like(word) + "%"
        clauses.append("search_text LIKE ? ESCAPE '\\'")
        values.append(pattern)
    if not selection.include_gone:
        clauses.append("present = 1")
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), values


def _escape_like(word: str) -> str:
    """A search word taken literally by LIKE (its %, _ and \\ are not wildcards)."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
