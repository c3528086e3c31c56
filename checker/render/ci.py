"""A check's findings in the formats CI systems read: text, json, sarif, junit, github.

Every format points at the checked (new) article's file and line; the corpus sentence
it clashes with travels in the message. Failing findings (a `--fail-on` kind) are errors,
the rest notes. Output is deterministic: findings in report order.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal, get_args

from checker._version import __version__
from checker.ci.check import CheckResult
from checker.errors import UsageError
from checker.models import KIND_ORDER, KINDS, Pair, PairSide
from checker.render import render_json

CheckFormat = Literal["text", "json", "sarif", "junit", "github"]
CHECK_FORMATS: tuple[str, ...] = get_args(CheckFormat)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "checkerFinding/v1"


def render_check(result: CheckResult, fmt: str) -> str:
    """`result` rendered as `fmt` (one of CHECK_FORMATS), ending in a newline."""
    renderers = {
        "text": render_text,
        "json": lambda result: render_json(result.report),
        "sarif": render_sarif,
        "junit": render_junit,
        "github": render_github,
    }
    if fmt not in renderers:
        raise UsageError(f"unknown check format {fmt!r}; use one of {', '.join(CHECK_FORMATS)}")
    return renderers[fmt](result)


def new_and_known(pair: Pair, checked: list[str]) -> tuple[PairSide, PairSide]:
    """(the checked article's side, the other side); `a` first when both were checked."""
    if pair.a.doc_id in checked or pair.b.doc_id not in checked:
        return pair.a, pair.b
    return pair.b, pair.a


def file_of(side: PairSide) -> str:
    """The side's file as a forward-slash path, relative to the working folder when below it."""
    path = Path(side.source.split(":row ")[0])
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


def _failing(pair: Pair, result: CheckResult) -> bool:
    return pair.kind in result.fail_on


def _message(pair: Pair, known: PairSide) -> str:
    where = " · ".join(
        part for part in (known.outlet, str(known.date or ""), file_of(known)) if part
    )
    return f"{pair.kind}: {pair.reason}. Other report ({where}): {known.text}"


# --- text ----------------------------------------------------------------------------


def render_text(result: CheckResult) -> str:
    """Short human text: one block per finding with both sentences and the reason."""
    blocks = []
    for pair in result.report.pairs:
        new, known = new_and_known(pair, result.checked)
        status = "FAIL" if _failing(pair, result) else "note"
        blocks.append(
            f"{file_of(new)}:{new.line or 1}: {status} {pair.kind}: {pair.reason}\n"
            f"  new:   {new.text}\n"
            f"  other: {known.text}\n"
            f"         ({known.outlet}, {known.date or 'undated'}, {file_of(known)}:{known.line or 1})"
        )
    blocks.append(summary_line(result))
    return "\n\n".join(blocks) + "\n"


# --- SARIF 2.1.0 ---------------------------------------------------------------------


def render_sarif(result: CheckResult) -> str:
    """SARIF 2.1.0: one rule per kind, one result per finding at the new article's line."""
    rules = [
        {
            "id": kind,
            "name": kind.capitalize(),
            "shortDescription": {"text": f"{kind} between two reports"},
            "fullDescription": {"text": KINDS[kind].definition},
            "defaultConfiguration": {"level": "error" if kind in result.fail_on else "note"},
        }
        for kind in KIND_ORDER
    ]
    results = []
    for pair in result.report.pairs:
        new, known = new_and_known(pair, result.checked)
        results.append(
            {
                "ruleId": pair.kind,
                "ruleIndex": KIND_ORDER.index(pair.kind),
                "level": "error" if _failing(pair, result) else "note",
                "message": {"text": _message(pair, known)},
                "locations": [_sarif_location(new)],
                "relatedLocations": [
                    {**_sarif_location(known), "id": 1, "message": {"text": known.text}}
                ],
                "partialFingerprints": {FINGERPRINT_KEY: pair.fingerprint},
                "properties": {"score": pair.score, "similarity": pair.similarity},
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "informationUri": "https://github.com/checker/checker",
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {"suppressed": result.report.suppressed},
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_location(side: PairSide) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file_of(side), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": side.line or 1},
        }
    }


# --- JUnit XML -----------------------------------------------------------------------


def render_junit(result: CheckResult) -> str:
    """JUnit XML: one test case per checked article, failed by its failing findings."""
    by_article: dict[str, list[Pair]] = {doc_id: [] for doc_id in result.checked}
    sources: dict[str, str] = {}
    for pair in result.report.pairs:
        new, _ = new_and_known(pair, result.checked)
        by_article.setdefault(new.doc_id, []).append(pair)
        sources[new.doc_id] = file_of(new)
    failures = sum(
        1 for pairs in by_article.values() if any(_failing(pair, result) for pair in pairs)
    )
    suites = ET.Element("testsuites", name="checker", tests=str(len(by_article)))
    suites.set("failures", str(failures))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="checker check",
        tests=str(len(by_article)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for doc_id in sorted(by_article):
        pairs = by_article[doc_id]
        case = ET.SubElement(
            suite, "testcase", classname="checker.ci.check", name=sources.get(doc_id, doc_id)
        )
        failing = [pair for pair in pairs if _failing(pair, result)]
        lines = []
        for pair in pairs:
            new, known = new_and_known(pair, result.checked)
            lines.append(f"{file_of(new)}:{new.line or 1}: {_message(pair, known)}")
        if failing:
            first = failing[0]
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(failing)} failing findings; first: {first.kind}: {first.reason}",
                type=first.kind,
            )
            failure.text = "\n".join(lines)
        elif lines:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# --- GitHub Actions workflow commands ------------------------------------------------


def render_github(result: CheckResult) -> str:
    """`::error file=…,line=…::…` for failing findings, `::notice` for the rest."""
    lines = []
    for pair in result.report.pairs:
        new, known = new_and_known(pair, result.checked)
        command = "error" if _failing(pair, result) else "notice"
        properties = ",".join(
            f"{key}={_escape_property(value)}"
            for key, value in (
                ("file", file_of(new)),
                ("line", str(new.line or 1)),
                ("title", f"checker {pair.kind}"),
            )
        )
        lines.append(f"::{command} {properties}::{_escape_data(_message(pair, known))}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
