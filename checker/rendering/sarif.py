"""A check as SARIF 2.1.0 for code scanning: a rule per kind, a result per finding.

Each rule carries its kind's definition as help and links to the README section that defines
the kinds, on the repository pyproject.toml declares (no link when none is declared). Each
result points at the new sentence (its line; its columns where the file's are known) and
quotes it; the corpus sentence it clashes with is a related location, quoted the same way.
"""

from __future__ import annotations

import json
from typing import Any

from checker._version import __version__, repository_url
from checker.ci.check import CheckResult
from checker.models import KIND_ORDER, KINDS, Pair, PairKind, PairSide
from checker.rendering.check import failing, file_of, message, new_and_known, warning_place

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "checkerFinding/v1"
# The README heading that defines every kind ("### Kinds"), as GitHub anchors it.
KINDS_SECTION_ANCHOR = "kinds"
# PairSide.column counts Python characters, which are code points (SARIF's default unit is
# UTF-16 code units, which differ after U+FFFF).
COLUMN_KIND = "unicodeCodePoints"


def render_sarif(result: CheckResult) -> str:
    """SARIF 2.1.0: one rule per kind, one result per finding at the new article's sentence."""
    repository = repository_url()
    driver: dict[str, Any] = {"name": "checker", "version": __version__}
    if repository:
        driver["informationUri"] = repository
    driver["rules"] = [_rule(kind, result, repository) for kind in KIND_ORDER]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [_invocation(result)],
                "columnKind": COLUMN_KIND,
                "results": [_result(pair, result) for pair in result.report.pairs],
                "properties": {"suppressed": result.report.suppressed},
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _invocation(result: CheckResult) -> dict[str, Any]:
    """The run itself: each row the reading skipped or read in part as a warning notification,
    at its file (and line, where the warning gives one)."""
    notifications = []
    for warning in result.warnings:
        notification: dict[str, Any] = {"level": "warning", "message": {"text": warning}}
        file, line = warning_place(warning)
        if file:
            location: dict[str, Any] = {"uri": file, "uriBaseId": "%SRCROOT%"}
            physical: dict[str, Any] = {"artifactLocation": location}
            if line:
                physical["region"] = {"startLine": line}
            notification["locations"] = [{"physicalLocation": physical}]
        notifications.append(notification)
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}


def _rule(kind: PairKind, result: CheckResult, repository: str | None) -> dict[str, Any]:
    """A kind as a rule: its definition (from `KINDS`) as help, linked to the README's kinds."""
    definition = KINDS[kind].definition
    help_text, help_markdown = definition, f"`{kind}`: {definition}"
    rule: dict[str, Any] = {
        "id": kind,
        "name": kind.capitalize(),
        "shortDescription": {"text": f"{kind} between two reports"},
        "fullDescription": {"text": definition},
    }
    if repository:
        help_uri = f"{repository}#{KINDS_SECTION_ANCHOR}"
        rule["helpUri"] = help_uri
        help_text += f" Every kind is defined in the README: {help_uri}"
        help_markdown += f"\n\nEvery kind is defined in the README's [Kinds]({help_uri}) section."
    rule["help"] = {"text": help_text, "markdown": help_markdown}
    rule["defaultConfiguration"] = {"level": "error" if kind in result.fail_on else "note"}
    return rule


def _result(pair: Pair, result: CheckResult) -> dict[str, Any]:
    """One finding at the new sentence, with the corpus sentence as related location 1."""
    new, known = new_and_known(pair, result.checked)
    return {
        "ruleId": pair.kind,
        "ruleIndex": KIND_ORDER.index(pair.kind),
        "level": "error" if failing(pair, result) else "note",
        "message": {"text": message(pair, known)},
        "locations": [_location(new)],
        "relatedLocations": [{**_location(known), "id": 1, "message": {"text": known.text}}],
        "partialFingerprints": {FINGERPRINT_KEY: pair.fingerprint},
        "properties": {"score": pair.score, "similarity": pair.similarity},
    }


def _location(side: PairSide) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file_of(side), "uriBaseId": "%SRCROOT%"},
            "region": _region(side),
        }
    }


def _region(side: PairSide) -> dict[str, Any]:
    """The sentence's line, its columns where the file's are known (the end column is the one
    after its last character, as SARIF counts), and the sentence itself as the snippet."""
    region: dict[str, Any] = {"startLine": side.line or 1}
    if side.line is not None and side.column is not None:
        last_break = side.text.rfind("\n")  # -1: the sentence ends on the line it starts on
        region["startColumn"] = side.column
        region["endLine"] = side.line + side.text.count("\n")
        last_line_column = side.column if last_break < 0 else 1
        region["endColumn"] = last_line_column + len(side.text) - (last_break + 1)
    region["snippet"] = {"text": side.text}
    return region
