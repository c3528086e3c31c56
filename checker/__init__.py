"""checker: cross-source claim-consistency checker for news.

The library API mirrors the CLI: `index`, `report`, `render`, `compare`, `check`, `baseline`,
`verify_index`, `serve`, plus the typed models that cross stage boundaries and the errors
checker raises. Stages, in pipeline order, are packages: ingest → text → quantities → claims
→ nlp → store → judge, then reporting/comparison, ci, render, review and server; cli on top.
"""

from checker._version import __version__
from checker.ci.baseline import BaselineSummary, baseline
from checker.ci.check import CheckResult, check
from checker.comparison import ComparePairInput, compare, read_compare_pairs
from checker.errors import (
    CheckerError,
    CorruptIndexError,
    IncompatibleIndexError,
    IndexLockedError,
    InputError,
    UsageError,
)
from checker.indexing import IndexSummary, index
from checker.models import (
    KINDS,
    Article,
    Claim,
    CompareResult,
    Pair,
    PairingOptions,
    PairSide,
    Quantity,
    Report,
    Sentence,
    Verdict,
)
from checker.rendering import render, render_report
from checker.reporting import report
from checker.server import serve
from checker.store import IndexHealth, verify_index
from checker.store import verify_index as verify

__all__ = [
    "Article",
    "BaselineSummary",
    "CheckResult",
    "CheckerError",
    "Claim",
    "ComparePairInput",
    "CompareResult",
    "CorruptIndexError",
    "IncompatibleIndexError",
    "IndexHealth",
    "IndexLockedError",
    "IndexSummary",
    "InputError",
    "KINDS",
    "Pair",
    "PairSide",
    "PairingOptions",
    "Quantity",
    "Report",
    "Sentence",
    "UsageError",
    "Verdict",
    "__version__",
    "baseline",
    "check",
    "compare",
    "index",
    "read_compare_pairs",
    "render",
    "render_report",
    "report",
    "serve",
    "verify",
    "verify_index",
]
