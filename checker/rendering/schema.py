"""The JSON Schema of a report, generated from `Report` and committed as report_schema.json.

Regenerate after changing the report models: `python -m checker.rendering.schema`
(tests/test_render.py fails while the committed file and the models disagree).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.models import Report

REPORT_SCHEMA_PATH = Path(__file__).resolve().parent.parent / "report_schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every rendered JSON report validates against."""
    return {"$schema": _DIALECT, **Report.model_json_schema()}


def write_report_schema(path: Path = REPORT_SCHEMA_PATH) -> Path:
    """Write the schema as indented JSON to `path` (by default the committed file)."""
    path.write_text(json.dumps(report_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_report_schema()
