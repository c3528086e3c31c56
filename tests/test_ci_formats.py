"""CI output formats of a check: SARIF validated against the 2.1.0 schema, JUnit parsed
by a real XML parser, GitHub workflow commands, JSON as the check result, short text."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.ci.check import CheckResult, check
from checker.errors import UsageError
from checker.indexing import index
from checker.models import Report
from checker.rendering import CHECK_FORMATS, render_check
from tests.ci_corpus import (
    CONFLICT_LINE,
    CONFLICTING,
    DUPLICATE,
    NEW_ARTICLES,
    make_repo,
    write_articles,
)

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CONFLICT_FILE = f"new/{CONFLICTING}"


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Path, CheckResult]:
    """One check of a conflicting and a duplicating article, run from the repository root."""
    repo = tmp_path_factory.mktemp("formats") / "newsroom"
    make_repo(repo)
    index([repo / "articles"], index_path=repo / "indexes" / "news")
    write_articles(repo / "new", NEW_ARTICLES)
    previous = Path.cwd()
    os.chdir(repo)
    try:
        return repo, check(["new"], index_path="indexes/news")
    finally:
        os.chdir(previous)


@pytest.fixture
def result(checked, monkeypatch) -> CheckResult:
    monkeypatch.chdir(checked[0])
    return checked[1]


def test_sarif_is_valid_sarif_2_1_0_pointing_at_the_new_article(result):
    log = json.loads(render_check(result, "sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "checker"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    by_kind = {item["ruleId"]: item for item in run["results"]}
    assert sorted(by_kind) == ["conflict", "duplicate"]
    conflict = by_kind["conflict"]
    assert conflict["level"] == "error" and by_kind["duplicate"]["level"] == "note"
    assert rules[conflict["ruleIndex"]] == "conflict"
    location = conflict["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == CONFLICT_FILE
    assert location["region"]["startLine"] == CONFLICT_LINE
    assert "20 people" in conflict["message"]["text"]  # the corpus sentence it clashes with
    assert conflict["partialFingerprints"] == {"checkerFinding/v1": result.failing[0].fingerprint}


def test_sarif_schema_rejects_a_broken_log(result):
    log = json.loads(render_check(result, "sarif"))
    del log["runs"][0]["tool"]["driver"]["name"]
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)


def test_junit_has_one_case_per_article_failed_by_its_conflict(result):
    root = ET.fromstring(render_check(result, "junit"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == [f"new/{DUPLICATE}", CONFLICT_FILE]
    failure = cases[CONFLICT_FILE].find("failure")
    assert failure is not None and failure.get("type") == "conflict"
    assert f"{CONFLICT_FILE}:{CONFLICT_LINE}:" in (failure.text or "")
    assert cases[f"new/{DUPLICATE}"].find("failure") is None
    assert "duplicate" in (cases[f"new/{DUPLICATE}"].findtext("system-out") or "")


def test_github_annotations_error_on_the_conflict_notice_on_the_duplicate(result):
    lines = render_check(result, "github").splitlines()
    assert lines[0].startswith(
        f"::error file={CONFLICT_FILE},line={CONFLICT_LINE},title=checker conflict::conflict: "
    )
    assert lines[1].startswith(f"::notice file=new/{DUPLICATE},line=7,title=checker duplicate::")
    assert all("\n" not in line for line in lines)


def test_json_is_the_whole_check_result_around_the_report_model(result):
    saved = CheckResult.model_validate_json(render_check(result, "json"))
    assert saved == result
    assert Report.model_validate(saved.report.model_dump()) == result.report


def test_text_gives_both_sentences_and_the_reason_per_finding(result):
    text = render_check(result, "text")
    block = text.split("\n\n")[0]
    assert block.startswith(f"{CONFLICT_FILE}:{CONFLICT_LINE}: FAIL conflict: ")
    assert "killed 32 people" in block and "killed 20 people" in block
    assert result.failing[0].reason in block
    assert text.rstrip().endswith("0 skipped as baselined, 0 suppressed as dismissed in review")


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_every_format_is_deterministic(result, fmt):
    assert render_check(result, fmt) == render_check(result, fmt)


def test_unknown_format_is_a_usage_error(result):
    with pytest.raises(UsageError, match="unknown check format"):
        render_check(result, "yaml")
