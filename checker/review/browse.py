"""The queue at scale, the library behind the review page: one page of a filtered, sorted
queue with its facets, where a finding stands in it, and the groups findings are decided in.

Counts, orders and pages are SQL over columns (`select.py`); only the findings a page shows
are read whole, so a page costs the same with 50 findings as with 5,000.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path

from checker.models import KIND_ORDER
from checker.review.models import (
    STATUSES,
    FacetCount,
    Facets,
    Finding,
    FindingGroup,
    QueuePage,
    QueuePosition,
    Selection,
)
from checker.review.select import order_by, where
from checker.review.store import connect, row_to_finding

# Findings per page: a screenful to read and decide, and no more whole findings read per view.
PAGE_SIZE = 50
# Groups the incident facet lists (the largest under the other filters); `review groups` and
# the group filter reach the rest.
GROUP_FACET_SIZE = 12


def queue_page(
    *,
    index_path: str | Path,
    selection: Selection | None = None,
    sort: str = "queue",
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> QueuePage:
    """Page `page` (1-based, clamped to the last) of the selected findings in `sort` order."""
    selection = selection or Selection()
    order = order_by(sort)
    clause, values = where(selection)
    with connect(index_path, create=False, verify=False) as connection:
        total = connection.execute(f"SELECT COUNT(*) FROM findings {clause}", values).fetchone()[0]
        pages = max(1, -(-total // per_page))
        page = min(max(1, page), pages)
        ids = [
            row[0]
            for row in connection.execute(
                f"SELECT id FROM findings {clause} ORDER BY {order} LIMIT ? OFFSET ?",
                [*values, per_page, (page - 1) * per_page],
            )
        ]
        findings = _findings(connection, ids)
        facets = _facets(connection, selection)
        groups = _groups(
            connection,
            selection.model_copy(update={"status": None, "incident": None}),
            keys={finding.group for finding in findings},
        )
    return QueuePage(
        findings=findings,
        total=total,
        page=page,
        pages=pages,
        per_page=per_page,
        facets=facets,
        groups={group.key: group for group in groups},
    )


def _findings(connection: sqlite3.Connection, ids: list[int]) -> list[Finding]:
    """The findings of `ids`, in that order: the only rows a page reads whole."""
    rows = connection.execute(f"SELECT * FROM findings WHERE id IN ({_marks(ids)})", ids)
    by_id = {row["id"]: row_to_finding(row) for row in rows}
    return [by_id[finding] for finding in ids]


def position(
    *,
    index_path: str | Path,
    finding: int,
    selection: Selection | None = None,
    sort: str = "queue",
    per_page: int = PAGE_SIZE,
) -> QueuePosition:
    """Where finding `finding` stands in the selected, sorted queue: its number, neighbours
    and page. A finding outside it has no number; its neighbours are then the list's ends."""
    clause, values = where(selection or Selection())
    with connect(index_path, create=False, verify=False) as connection:
        ids = [
            row[0]
            for row in connection.execute(
                f"SELECT id FROM findings {clause} ORDER BY {order_by(sort)}", values
            )
        ]
    if finding not in ids:
        return QueuePosition(
            number=None,
            total=len(ids),
            previous=ids[-1] if ids else None,
            following=ids[0] if ids else None,
            page=1,
        )
    at = ids.index(finding)
    return QueuePosition(
        number=at + 1,
        total=len(ids),
        previous=ids[at - 1] if at > 0 else None,
        following=ids[at + 1] if at + 1 < len(ids) else None,
        page=at // per_page + 1,
    )


def groups(*, index_path: str | Path, selection: Selection | None = None) -> list[FindingGroup]:
    """The groups of the selected findings (incidents, else article pairs), largest first."""
    with connect(index_path, create=False, verify=False) as connection:
        return _groups(connection, selection or Selection())


def _groups(
    connection: sqlite3.Connection,
    selection: Selection,
    *,
    keys: Collection[str] | None = None,
    limit: int | None = None,
) -> list[FindingGroup]:
    clause, values = where(selection)
    if keys is not None:
        if not keys:
            return []
        clause = f"{clause} {'AND' if clause else 'WHERE'} group_key IN ({_marks(keys)})"
        values = [*values, *sorted(keys)]
    statuses = ", ".join(f"SUM(status = '{status}')" for status in STATUSES)
    rows = connection.execute(
        f"SELECT group_key, MIN(incident), MIN(place), MIN(date), MAX(date), COUNT(*), {statuses} "
        f"FROM findings {clause} GROUP BY group_key ORDER BY COUNT(*) DESC, group_key"
        + (f" LIMIT {int(limit)}" if limit is not None else ""),
        values,
    ).fetchall()
    kinds: dict[str, dict[str, int]] = {row[0]: {} for row in rows}
    if limit is not None and rows:  # only the groups kept, not every group's kinds
        clause = f"{clause} {'AND' if clause else 'WHERE'} group_key IN ({_marks(rows)})"
        values = [*values, *(row[0] for row in rows)]
    for key, kind, count in connection.execute(
        f"SELECT group_key, kind, COUNT(*) FROM findings {clause} GROUP BY group_key, kind", values
    ):
        if key in kinds:
            kinds[key][kind] = count
    return [
        FindingGroup(
            key=row[0],
            incident=row[1],
            place=row[2],
            first_date=row[3],
            last_date=row[4],
            total=row[5],
            by_status=dict(zip(STATUSES, row[6:], strict=True)),
            by_kind=kinds[row[0]],
        )
        for row in rows
    ]


def _facets(connection: sqlite3.Connection, selection: Selection) -> Facets:
    """Each filter's values with the count choosing it gives (the other filters kept)."""

    def without(name: str) -> Selection:
        return selection.model_copy(update={name: None})

    status_counts = _counts(connection, "status", without("status"))
    kind_counts = _counts(connection, "kind", without("kind"))
    outlets = _counts(connection, "a_outlet", without("outlet"))
    # A finding within one outlet (`include_same_outlet`) counts once for it.
    for outlet, count in _counts(
        connection, "b_outlet", without("outlet"), extra="b_outlet != a_outlet"
    ).items():
        outlets[outlet] = outlets.get(outlet, 0) + count
    top = _groups(connection, without("incident"), limit=GROUP_FACET_SIZE)
    if selection.incident and selection.incident not in {group.key for group in top}:
        top += _groups(connection, without("incident"), keys={selection.incident})
    return Facets(
        status=[FacetCount(value=name, count=status_counts.get(name, 0)) for name in STATUSES],
        kind=[
            FacetCount(value=name, count=kind_counts[name])
            for name in (*KIND_ORDER, *sorted(set(kind_counts) - set(KIND_ORDER)))
            if name in kind_counts
        ],
        outlet=[FacetCount(value=name, count=outlets[name]) for name in sorted(outlets)],
        incident=[
            FacetCount(value=group.key, count=group.total, label=group.label) for group in top
        ],
    )


def _counts(
    connection: sqlite3.Connection, column: str, selection: Selection, *, extra: str = ""
) -> dict[str, int]:
    """Selected findings per value of `column` (and of the `extra` condition, if any)."""
    clause, values = where(selection)
    if extra:
        clause = f"{clause} {'AND' if clause else 'WHERE'} {extra}"
    query = f"SELECT {column}, COUNT(*) FROM findings {clause} GROUP BY {column}"
    return {value: count for value, count in connection.execute(query, values)}


def _marks(items: Collection[object]) -> str:
    """One SQL placeholder per item, for an IN (...) list."""
    return ", ".join("?" for _ in items)
