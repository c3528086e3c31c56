"""The editor review queue: persistent verdicts on findings, kept next to the index.

`store` is the SQLite file and its history; `sync` brings a report's findings in; `queue` the
verbs (list, show, confirm, dismiss, note, export); `stats` what the verdicts say about the
checker's precision.
"""

from checker.review.models import (
    DISMISS_REASONS,
    STATUSES,
    Finding,
    FindingDetail,
    FindingEvent,
    ReviewStats,
    SyncSummary,
)
from checker.review.queue import (
    confirm,
    dismiss,
    export,
    list_findings,
    note,
    reopen,
    show,
)
from checker.review.stats import stats
from checker.review.store import dismissed_fingerprints, review_path
from checker.review.sync import sync, sync_pairs

__all__ = [
    "DISMISS_REASONS",
    "STATUSES",
    "Finding",
    "FindingDetail",
    "FindingEvent",
    "ReviewStats",
    "SyncSummary",
    "confirm",
    "dismiss",
    "dismissed_fingerprints",
    "export",
    "list_findings",
    "note",
    "reopen",
    "review_path",
    "show",
    "stats",
    "sync",
    "sync_pairs",
]
