"""checker: cross-source claim-consistency checker for news.

The library API mirrors the CLI: `index`, `report`, `compare`, `check`, `baseline`,
`verify_index`, plus the typed models
that cross stage boundaries and the errors checker raises.
"""

from checker._version import __version__
from checker.ci.check import BaselineSummary, CheckResult, baseline, check  # noqa: E402
from checker.comparison import compare, read_compare_pairs  # noqa: E402
from checker.errors import (  # noqa: E402
    CheckerError,
    CorruptIndexError,
    IncompatibleIndexError,
    IndexLockedError,
    InputError,
    UsageError,
)
from checker.indexing import IndexSummary, index  # noqa: E402
from checker.judge.candidates import PairingOptions  # noqa: E402
from checker.models import (  # noqa: E402
    Article,
    Claim,
    ComparePairInput,
    CompareResult,
    Pair,
    PairSide,
    Quantity,
    Report,
    Sentence,
    Verdict,
)
from checker.render import render_report  # noqa: E402
from checker.reporting import report  # noqa: E402
from checker.server import serve  # noqa: E402
from checker.store.generations import IndexHealth, verify_index  # noqa: E402

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
    "render_report",
    "report",
    "serve",
    "verify_index",
]
