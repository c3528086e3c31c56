"""The editor review queue: persistent verdicts on findings, kept next to the index.

`store` is the SQLite file and its history; `sync` brings a report's findings in; `queue`
reads them (list, show, export); `decide` gives verdicts, one finding or many at once, and
`undo` takes the last one back; `browse` pages, counts and groups the queue for the review
page; `stats` says what the verdicts say about the checker's precision.
"""

from checker.review.browse import PAGE_SIZE, groups, position, queue_page
from checker.review.decide import confirm, confirm_all, dismiss, dismiss_all, note, reopen
from checker.review.models import (
    DISMISS_REASONS,
    QUEUE_SORTS,
    STATUSES,
    BulkResult,
    Facets,
    Finding,
    FindingDetail,
    FindingEvent,
    FindingGroup,
    QueuePage,
    QueuePosition,
    ReviewStats,
    Selection,
    SyncSummary,
    UndoResult,
)
from checker.review.queue import export, list_findings, show
from checker.review.select import selection_of
from checker.review.stats import stats
from checker.review.store import dismissed_fingerprints, review_path
from checker.review.sync import sync, sync_pairs
from checker.review.undo import undo

__all__ = [
    "DISMISS_REASONS",
    "PAGE_SIZE",
    "QUEUE_SORTS",
    "STATUSES",
    "BulkResult",
    "Facets",
    "Finding",
    "FindingDetail",
    "FindingEvent",
    "FindingGroup",
    "QueuePage",
    "QueuePosition",
    "ReviewStats",
    "Selection",
    "SyncSummary",
    "UndoResult",
    "confirm",
    "confirm_all",
    "dismiss",
    "dismiss_all",
    "dismissed_fingerprints",
    "export",
    "groups",
    "list_findings",
    "note",
    "position",
    "queue_page",
    "reopen",
    "review_path",
    "selection_of",
    "show",
    "stats",
    "sync",
    "sync_pairs",
    "undo",
]
