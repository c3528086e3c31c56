"""What every format of a check's findings shares (text, sarif, junit, github; see `render_check`).

Every format points at the checked (new) article's file and line; the corpus sentence
it clashes with travels in the message. Failing findings (a `--fail-on` kind) are errors,
the rest notes. Output is deterministic: findings in report order.
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.ci.check import CheckResult
from checker.models import Pair, PairSide


def new_and_known(pair: Pair, checked: list[str]) -> tuple[PairSide, PairSide]:
    """(the checked article's side, the other side); `a` first when both were checked."""
    if pair.a.doc_id in checked or pair.b.doc_id not in checked:
        return pair.a, pair.b
    return pair.b, pair.a


# A row warning reads "FILE:row N: problem"; a file's, "FILE: problem". Some name a line.
_ROW_WARNING = re.compile(r"^(?P<file>.+?):row \d+: ")
_FILE_WARNING = re.compile(r"^(?P<file>.+?): ")
_WARNING_LINE = re.compile(r"\(line (\d+)\)")


def file_of(side: PairSide) -> str:
    """The side's file as a forward-slash path, relative to the working folder when below it."""
    return _shown_path(side.source.split(":row ")[0])


def warning_place(warning: str) -> tuple[str | None, int | None]:
    """The file an ingest warning names (shown as `file_of` shows it) and the line it gives."""
    match = _ROW_WARNING.match(warning) or _FILE_WARNING.match(warning)
    line = _WARNING_LINE.search(warning)
    return (
        _shown_path(match["file"]) if match else None,
        int(line[1]) if line else None,
    )


def _shown_path(text: str) -> str:
    path = Path(text)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return path.as_posix()


def summary_line(result: CheckResult) -> str:
    informational = len(result.report.pairs) - len(result.failing)
    return (
        f"{len(result.checked)} articles checked against {result.report.index}: "
        f"{len(result.failing)} failing findings ({', '.join(result.fail_on) or 'none fail'}), "
        f"{informational} informational, {result.baselined} skipped as baselined, "
        f"{result.dismissed} suppressed as dismissed in review"
    )


def failing(pair: Pair, result: CheckResult) -> bool:
    """Whether the finding is of a --fail-on kind."""
    return pair.kind in result.fail_on


def message(pair: Pair, known: PairSide) -> str:
    """One line: the kind, the reason, and the other report's sentence with where it is."""
    where = " · ".join(
        part for part in (known.outlet, str(known.date or ""), file_of(known)) if part
    )
    return f"{pair.kind}: {pair.reason}. Other report ({where}): {known.text}"
