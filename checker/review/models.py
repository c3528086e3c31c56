"""Typed records of the review queue: findings with their verdicts, history events, summaries."""

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


class FindingEvent(Frozen):
    """One entry of a finding's history; entries are only ever appended."""

    id: int
    finding_id: int
    at: str
    reviewer: str
    action: Literal["added", "changed", "reopened", "confirmed", "dismissed", "note"]
    status: Status | None = None
    reason: str | None = None
    note: str = ""
    detail: str = ""


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
