"""CI output formats of a check: SARIF validated against the 2.1.0 schema, JUnit parsed
by a real XML parser, GitHub workflow commands, JSON as the check result, short text."""

from __future__ import annotations

import json
import os
import re
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from email.message import Message
from pathlib import Path

import jsonschema
import pytest

from checker.ci.check import CheckResult, check
from checker.errors import UsageError
from checker.indexing import index
from checker.models import KIND_ORDER, KINDS, Report
from checker.rendering import CHECK_FORMATS, render_check
from tests.ci_corpus import (
    CLASHED_SENTENCE,
    CONFLICT_LINE,
    CONFLICT_SENTENCE,
    CONFLICTING,
    DUPLICATE,
    MIDLINE,
    MIDLINE_ARTICLES,
    MIDLINE_SENTENCE,
    NEW_ARTICLES,
    TABLE,
    TABLE_SENTENCE,
    TABLE_TEXT,
    make_repo,
    write_articles,
)

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.fixture(scope="module")
def checked_other_kinds(checked) -> CheckResult:
    """A check, against the same index, of a Markdown report and a CSV row that clash."""
    repo = checked[0]
    write_articles(repo / "other", MIDLINE_ARTICLES)
    (repo / "other" / TABLE).parent.mkdir(parents=True)
    (repo / "other" / TABLE).write_text(TABLE_TEXT, encoding="utf-8")
    previous = Path.cwd()
    os.chdir(repo)
    try:
        return check(["other"], index_path="indexes/news")
    finally:
        os.chdir(previous)


@pytest.fixture
def other_kinds(checked, checked_other_kinds, monkeypatch) -> CheckResult:
    monkeypatch.chdir(checked[0])
    return checked_other_kinds


def _sarif_results(result: CheckResult) -> dict[str, dict]:
    """The SARIF results of a check by the file their finding points at."""
    return {
        item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: item
        for item in json.loads(render_check(result, "sarif"))["runs"][0]["results"]
    }


def _region_text(repo: Path, location: dict) -> str:
    """What a location's columns cut out of its line of the real file."""
    physical = location["physicalLocation"]
    region = physical["region"]
    assert region["endLine"] == region["startLine"]
    line = (
        (repo / physical["artifactLocation"]["uri"])
        .read_text(encoding="utf-8")
        .splitlines()[region["startLine"] - 1]
    )
    return line[region["startColumn"] - 1 : region["endColumn"] - 1]


def _readme_sections() -> dict[str, str]:
    """README.md's sections by the anchor GitHub gives their heading (lower case, punctuation
    dropped, spaces to hyphens, "-1" on a repeat), each with its text up to the next heading."""
    sections: dict[str, str] = {}
    repeats: Counter[str] = Counter()
    anchor, in_fence = None, False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        in_fence ^= line.startswith("```")
        heading = None if in_fence else re.match(r"#{1,6} (.+)", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
            anchor = f"{slug}-{repeats[slug]}" if repeats[slug] else slug
            repeats[slug] += 1
            sections[anchor] = ""
        elif anchor is not None:
            sections[anchor] += line + "\n"
    return sections


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


def test_sarif_information_uri_is_the_repository_pyproject_declares(result):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    driver = json.loads(render_check(result, "sarif"))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == pyproject["project"]["urls"]["Repository"]


def test_sarif_rules_link_to_the_readme_section_that_defines_every_kind(result):
    driver = json.loads(render_check(result, "sarif"))["runs"][0]["tool"]["driver"]
    sections = _readme_sections()
    assert [rule["id"] for rule in driver["rules"]] == list(KIND_ORDER)
    for rule in driver["rules"]:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == driver["informationUri"]
        assert f"| `{rule['id']}` |" in sections[anchor]  # the kinds table of that section
        definition = KINDS[rule["id"]].definition
        assert rule["help"]["text"].startswith(definition)
        assert (
            definition in rule["help"]["markdown"] and rule["helpUri"] in rule["help"]["markdown"]
        )


def test_sarif_leaves_links_out_when_no_repository_is_declared(result, monkeypatch):
    monkeypatch.setattr("checker._version.metadata", lambda name: Message())
    log = json.loads(render_check(result, "sarif"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert not [rule for rule in driver["rules"] if "helpUri" in rule]
    assert driver["rules"][0]["help"]["text"] == KINDS[KIND_ORDER[0]].definition


def test_sarif_regions_quote_both_sentences_and_their_columns_cut_them_out(result, checked):
    conflict = _sarif_results(result)[CONFLICT_FILE]
    (location,) = conflict["locations"]
    (related,) = conflict["relatedLocations"]
    assert location["physicalLocation"]["region"]["snippet"] == {"text": CONFLICT_SENTENCE}
    assert related["physicalLocation"]["region"]["snippet"] == {"text": CLASHED_SENTENCE}
    assert _region_text(checked[0], location) == CONFLICT_SENTENCE
    assert _region_text(checked[0], related) == CLASHED_SENTENCE


def test_sarif_columns_find_a_sentence_in_the_middle_of_its_line(other_kinds, checked):
    location = _sarif_results(other_kinds)[f"other/{MIDLINE}"]["locations"][0]
    region = location["physicalLocation"]["region"]
    assert region["snippet"] == {"text": MIDLINE_SENTENCE}
    assert region["startColumn"] > 1
    assert _region_text(checked[0], location) == MIDLINE_SENTENCE


def test_sarif_quotes_a_table_row_without_columns_it_cannot_know(other_kinds):
    region = _sarif_results(other_kinds)[f"other/{TABLE}"]["locations"][0]["physicalLocation"][
        "region"
    ]
    assert region == {"startLine": 2, "snippet": {"text": TABLE_SENTENCE}}


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


# --- row warnings ------------------------------------------------------------------------
# A check of a table with malformed rows keeps the warnings `index` prints, in every format.

WARNED_TABLE = "warned/feed.csv"
WARNED_TEXT = TABLE_TEXT + "halab,2016-06-08,one,cell too many\nhalab,someday,Nine were hurt.\n"
WARNINGS = [
    f"{WARNED_TABLE}:row 2: has 4 cells, the header has 3 (line 3); check quoting",
    f"{WARNED_TABLE}:row 3: date 'someday' not understood; left empty",
]


@pytest.fixture(scope="module")
def checked_with_warnings(checked) -> CheckResult:
    """A check, against the same index, of a CSV with a malformed row and an unreadable date."""
    repo = checked[0]
    (repo / WARNED_TABLE).parent.mkdir(parents=True)
    (repo / WARNED_TABLE).write_text(WARNED_TEXT, encoding="utf-8")
    previous = Path.cwd()
    os.chdir(repo)
    try:
        return check([WARNED_TABLE], index_path="indexes/news")
    finally:
        os.chdir(previous)


@pytest.fixture
def warned(checked, checked_with_warnings, monkeypatch) -> CheckResult:
    monkeypatch.chdir(checked[0])
    return checked_with_warnings


def test_check_result_keeps_the_row_warnings(warned, result):
    assert warned.warnings == WARNINGS
    assert result.warnings == []
    assert CheckResult.model_validate_json(render_check(warned, "json")).warnings == WARNINGS


def test_text_gives_a_warning_line_per_row_warning(warned):
    lines = render_check(warned, "text").splitlines()
    assert [line for line in lines if line.startswith("warning: ")] == [
        f"warning: {warning}" for warning in WARNINGS
    ]


def test_sarif_gives_row_warnings_as_tool_notifications(warned):
    log = json.loads(render_check(warned, "sarif"))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [item["message"]["text"] for item in notifications] == WARNINGS
    assert {item["level"] for item in notifications} == {"warning"}
    uris = {
        item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for item in notifications
    }
    assert uris == {WARNED_TABLE}


def test_junit_gives_row_warnings_as_system_err(warned):
    suite = ET.fromstring(render_check(warned, "junit")).find("testsuite")
    assert suite is not None
    assert suite.findtext("system-err", "").splitlines() == WARNINGS


def test_github_gives_a_warning_command_per_row_warning(warned):
    lines = render_check(warned, "github").splitlines()
    assert [line for line in lines if line.startswith("::warning ")] == [
        f"::warning file={WARNED_TABLE},line=3,title=checker input::{WARNINGS[0]}",
        f"::warning file={WARNED_TABLE},title=checker input::{WARNINGS[1]}",
    ]
