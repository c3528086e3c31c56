"""A check as SARIF 2.1.0 for code scanning: a rule per kind, a result per finding."""

from __future__ import annotations

import json
from typing import Any

from checker._version import __version__
from checker.ci.check import CheckResult
from checker.models import KIND_ORDER, KINDS, PairSide
from checker.rendering.check import failing, file_of, message, new_and_known

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "checkerFinding/v1"


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
                "level": "error" if failing(pair, result) else "note",
                "message": {"text": message(pair, known)},
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


def _sarif_location(side: PairSide) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file_of(side), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": side.line or 1},
        }
    }
