"""Render a saved JSON report or check result again, in any format, without recomputing.

`checker report --format json` saves a `Report`; `checker check --format json` saves the whole
`CheckResult` (its report, what was checked, what fails). Either renders to the formats it
holds the facts for, byte-identical to asking the original command for that format.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from checker.ci.check import CheckResult
from checker.errors import InputError, UsageError
from checker.models import Report


def load_saved(path: str | Path) -> Report | CheckResult:
    """The report or check result saved in JSON file `path`; an InputError names what is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"not JSON ({error})") from error
    if not isinstance(data, dict) or not ({"pairs", "report"} & data.keys()):
        raise InputError(
            str(path),
            "not a saved report or check result "
            "(write one with `checker report --format json` or `checker check --format json`)",
        )
    model: type[Report] | type[CheckResult] = CheckResult if "report" in data else Report
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        problem = f"not a valid {model.__name__} at {where}: {first['msg']}"
        raise InputError(str(path), problem) from error


def render(saved: str | Path | Report | CheckResult, fmt: str) -> str:
    """`saved` (a JSON file's path, or the model itself) rendered as `fmt`: a check result in any
    check or report format, a report in the report formats (a check format needs what was
    checked, which only a check result holds). What `checker render` writes."""
    from checker.rendering import CHECK_FORMATS, REPORT_FORMATS, render_check, render_report

    if isinstance(saved, str | Path):
        saved = load_saved(saved)
    if isinstance(saved, CheckResult):
        if fmt in CHECK_FORMATS:
            return render_check(saved, fmt)
        return render_report(saved.report, fmt)  # type: ignore[arg-type]
    if fmt in REPORT_FORMATS:
        return render_report(saved, fmt)  # type: ignore[arg-type]
    if fmt in CHECK_FORMATS:
        raise UsageError(
            f"format {fmt!r} needs a check result: save one with `checker check --format json`"
        )
    raise UsageError(
        f"unknown format {fmt!r}: choose one of {', '.join(sorted({*REPORT_FORMATS, *CHECK_FORMATS}))}"
    )
