"""Typed records of the review queue: findings with their verdicts, history events, what a
list or bulk verdict selects, pages of the queue, groups, summaries."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Pair

Status = Literal["open", "confirmed", "dismissed"]
STATUSES: tuple[str, ...] = ("open", "confirmed", "dismissed")

# Why an editor dismisses a finding; `false-alarm` feeds the threshold suggestions of `stats`.
DismissReason = Literal[
    "false-alarm", "same-event-update", "different-events", "already-corrected", "other"
]
DISMISS_REASONS: tuple[str, ...] = (
    "false-alarm",
    "same-event-update",
    "different-events",
    "already-corrected",
    "other",
)


# How the queue can be ordered: `queue` is reading order (kind, then score, as reports sort);
# `incident` keeps each group's findings together, groups in reading order of their first.
QueueSort = Literal["queue", "score", "days_apart", "date", "incident"]
QUEUE_SORTS: tuple[str, ...] = ("queue", "score", "days_apart", "date", "incident")
# The verdicts `undo` can take back: what an editor decided, not what a sync did.
VERDICT_ACTIONS: tuple[str, ...] = ("confirmed", "dismissed", "reopened")
# The group of a finding without an incident: its two articles, `docs:A+B` (ids sorted).
ARTICLE_PAIR_GROUP = "docs:"


def group_of(pair: Pair) -> str:
    """The group a finding is decided with: its incident, else its two articles.

    (Migration 3 in store.py computes the same key in SQL for findings synced before it.)"""
    if pair.incident:
        return pair.incident
    first, second = sorted((pair.a.doc_id, pair.b.doc_id))
    return f"{ARTICLE_PAIR_GROUP}{first}+{second}"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Finding(Frozen):
    """One reported pair in the queue, keyed by its fingerprint, with its current verdict."""

    id: int
    fingerprint: str
    kind: str
    status: Status
    reason: str | None = None
    note: str = ""
    reviewer: str | None = None
    decided_at: str | None = None
    changed: str = ""  # why the finding was re-opened (its sentences changed), until a new verdict
    present: bool = True  # False once a sync no longer finds the pair in the index
    first_seen: str
    last_seen: str
    similarity: float
    score: float
    ratio: float | None = None
    pair: Pair

    @property
    def outlets(self) -> tuple[str, str]:
        return (self.pair.a.outlet, self.pair.b.outlet)

    @property
    def group(self) -> str:
        return group_of(self.pair)


class FindingEvent(Frozen):
    """One entry of a finding's history; entries are only ever appended."""

    id: int
    finding_id: int
    at: str
    reviewer: str
    action: Literal["added", "changed", "reopened", "confirmed", "dismissed", "note", "undone"]
    status: Status | None = None
    reason: str | None = None
    note: str = ""
    detail: str = ""
    batch: str = Field(
        "",
        description="one verdict given to several findings at once shares a batch; "
        "an `undone` event names the batch it took back",
    )


class FindingDetail(Frozen):
    finding: Finding
    events: list[FindingEvent]


class SyncSummary(Frozen):
    added: int
    unchanged: int
    reopened: int
    changed: int
    gone: int
    repeats: int = Field(
        0, description="reported pairs folded into a finding of the same fingerprint"
    )
    total: int


class PrecisionRow(Frozen):
    key: str
    confirmed: int
    dismissed: int
    open: int

    @property
    def precision(self) -> float | None:
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None


class ThresholdSuggestion(Frozen):
    """What the verdicts so far say about one threshold (None where they cannot say)."""

    name: str
    lowest_confirmed: float | None
    highest_false_alarm: float | None
    suggested: float | None
    explanation: str


class ReviewStats(Frozen):
    by_kind: list[PrecisionRow]
    by_outlet_pair: list[PrecisionRow]
    suggestions: list[ThresholdSuggestion]


class Selection(Frozen):
    """Which findings a list, a page of the queue or a bulk verdict takes; unset means any.

    `search` matches words in either sentence, either outlet or the place (every word must
    match somewhere, case-insensitive)."""

    status: Status | None = None
    kind: str | None = None
    outlet: str | None = None
    incident: str | None = Field(
        None, description="a group: the incident id, or `docs:A+B` for a pair of articles"
    )
    search: str = ""
    include_gone: bool = False

    @property
    def narrowed(self) -> bool:
        """Whether anything but the status narrows it (bulk verdicts by filter need that)."""
        return bool(self.kind or self.outlet or self.incident or self.search.strip())


class FindingGroup(Frozen):
    """Findings decided together: one incident's (or one pair of articles'), with counts."""

    key: str
    incident: str | None
    place: str | None
    first_date: str | None
    last_date: str | None
    total: int
    by_status: dict[str, int]
    by_kind: dict[str, int]

    @property
    def label(self) -> str:
        if self.incident is None:
            return "articles " + self.key.removeprefix(ARTICLE_PAIR_GROUP).replace("+", " + ")
        dates = self.first_date or "undated"
        if self.last_date and self.last_date != self.first_date:
            dates += f" to {self.last_date}"
        return f"{self.place or 'somewhere'} · {dates} · {self.incident}"


class FacetCount(Frozen):
    value: str
    count: int
    label: str = ""


class Facets(Frozen):
    """Counts per value of each filter, each under the other filters (what choosing it gives)."""

    status: list[FacetCount]
    kind: list[FacetCount]
    outlet: list[FacetCount]
    incident: list[FacetCount]


class QueuePage(Frozen):
    """One page of the filtered, sorted queue, with the facets of the whole filtered list."""

    findings: list[Finding]
    total: int
    page: int
    pages: int
    per_page: int
    facets: Facets
    groups: dict[str, FindingGroup] = Field(
        description="the groups of this page's findings, counted under the page's filters "
        "less status and group"
    )


class QueuePosition(Frozen):
    """Where a finding stands in a filtered, sorted queue (`number` None when not in it)."""

    number: int | None
    total: int
    previous: int | None
    following: int | None
    page: int


class BulkResult(Frozen):
    """What one verdict given to many findings changed; `batch` is what `undo` takes back."""

    status: Status
    reason: str | None
    batch: str
    findings: list[Finding]
    changed: int = Field(description="findings whose status or reason this verdict changed")


class UndoResult(Frozen):
    """What `undo` took back: the verdict's batch, and each finding's restored verdict."""

    batch: str
    action: str
    restored: list[Finding]
    skipped: list[int] = Field(
        [], description="findings decided again since, by anyone: left as they are"
    )
