"""`checker check` and `checker baseline`: new articles against an index, as CI runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.ci.check import CheckResult, check, parse_fail_on
from checker.ci.git import changed_files
from checker.cli import app
from checker.errors import InputError, UsageError
from checker.indexing import index
from checker.models import DEFAULT_FAIL_ON
from checker.store import load_index, read_manifest
from tests.ci_corpus import (
    CONFLICT_LINE,
    CONFLICTING,
    CORPUS,
    DUPLICATE,
    NEW_ARTICLES,
    git,
    make_repo,
    run_checker,
    write_articles,
)

runner = CliRunner()


def test_changed_since_fails_on_the_conflict_and_passes_after_baseline(tmp_path):
    repo = tmp_path / "newsroom"
    base = make_repo(repo)
    indexed = run_checker("index", "articles", "--index", "indexes/news", "-q", cwd=repo)
    assert indexed.returncode == 0, indexed.stderr
    write_articles(repo / "articles", NEW_ARTICLES)
    git(repo, "add", "articles")
    git(repo, "commit", "-q", "-m", "two new articles")
    command = ("check", "--changed-since", base, "--index", "indexes/news", "--root", "articles")

    first = run_checker(*command, "--format", "json", "--out", "check.json", cwd=repo)
    assert first.returncode == 1, first.stderr
    saved = CheckResult.model_validate_json((repo / "check.json").read_text(encoding="utf-8"))
    report = saved.report
    failing = [pair for pair in report.pairs if pair.kind in DEFAULT_FAIL_ON]
    assert [pair.kind for pair in failing] == ["conflict"] == [p.kind for p in saved.failing]
    assert saved.exit_code == 1
    conflict = failing[0]
    new_side = conflict.b if conflict.b.doc_id == "sana/douma-market" else conflict.a
    assert new_side.source == f"articles/{CONFLICTING}" and new_side.line == CONFLICT_LINE
    assert "32 people" in new_side.text
    informational = [pair for pair in report.pairs if pair.kind not in DEFAULT_FAIL_ON]
    assert [pair.kind for pair in informational] == ["duplicate"]
    assert {informational[0].a.doc_id, informational[0].b.doc_id} == {
        "sana/aleppo-shelling",
        "reuters/aleppo-copy",
    }

    accepted = run_checker("baseline", *command[1:], cwd=repo)
    assert accepted.returncode == 0, accepted.stderr
    baseline = json.loads((repo / "indexes/news/baseline.json").read_text(encoding="utf-8"))
    assert conflict.fingerprint in [entry["fingerprint"] for entry in baseline["findings"]]

    again = run_checker(*command, cwd=repo)
    assert again.returncode == 0, again.stderr
    assert "2 skipped as baselined" in again.stdout


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    """The corpus indexed (as `checker index articles` would), new articles written beside it."""
    repo = tmp_path_factory.mktemp("lib") / "newsroom"
    make_repo(repo)
    index([repo / "articles"], index_path=repo / "indexes" / "news")
    write_articles(repo / "new", NEW_ARTICLES)
    return repo


@pytest.fixture
def workspace(newsroom, tmp_path, monkeypatch) -> Path:
    """A private copy of the newsroom (checks with --update write to it), as the cwd."""
    copy = tmp_path / "newsroom"
    shutil.copytree(newsroom, copy)
    monkeypatch.chdir(copy)
    return copy


def test_check_reports_only_pairs_touching_new_articles(workspace):
    result = check(["new"], index_path="indexes/news")
    assert result.exit_code == 1
    assert result.checked == ["reuters/aleppo-copy", "sana/douma-market"]
    assert [pair.kind for pair in result.failing] == ["conflict"]
    for pair in result.report.pairs:
        assert {pair.a.doc_id, pair.b.doc_id} & set(result.checked)
    assert result.report.summary.articles == len(CORPUS) + len(NEW_ARTICLES)


@pytest.mark.parametrize(
    ("fail_on", "exit_code"),
    [("conflict", 1), ("contradiction", 0), ("duplicate", 1), ("none", 0)],
)
def test_fail_on_decides_the_exit_code(workspace, fail_on, exit_code):
    result = check(["new"], index_path="indexes/news", fail_on=parse_fail_on(fail_on))
    assert result.exit_code == exit_code
    assert len(result.report.pairs) == 2  # what fails changes, what is reported does not


def test_unknown_fail_on_kind_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown kind banana"):
        parse_fail_on("conflict,banana")


def test_update_adds_the_checked_articles_after_the_check(workspace):
    result = check(["new"], index_path="indexes/news", update=True, root="new")
    assert result.exit_code == 1 and result.updated
    ids = {article.id for article in load_index(workspace / "indexes/news").articles}
    assert {"sana/douma-market", "reuters/aleppo-copy"} <= ids
    # Checked again, each article replaces its indexed self: no pair with its own old copy.
    again = check(["new"], index_path="indexes/news", root="new")
    assert [pair.kind for pair in again.report.pairs] == ["conflict", "duplicate"]


def _incident_of(stored, doc_id: str):
    """The saved incident holding a sentence of article `doc_id`."""
    assert stored.incidents is not None
    return next(i for i in stored.incidents if any(m[0] == doc_id for m in i.members))


def test_check_joins_the_saved_incident_and_update_keeps_its_id(workspace):
    saved = _incident_of(load_index(workspace / "indexes/news"), "ahram/douma-strike")
    assert "incidents.json" in read_manifest(workspace / "indexes/news").files
    result = check(["new"], index_path="indexes/news", update=True, root="new")
    (conflict,) = result.failing
    assert conflict.incident == saved.id  # the new report joined the saved Douma incident
    after = _incident_of(load_index(workspace / "indexes/news"), "sana/douma-market")
    assert after.id == saved.id
    assert {m[0] for m in after.members} == {"ahram/douma-strike", "sana/douma-market"}
    assert after.members[: len(saved.members)] == saved.members  # first members stay first


def test_reindexing_a_changed_article_keeps_other_incidents_and_drops_its_old_members(
    workspace,
):
    before = load_index(workspace / "indexes/news")
    kept = _incident_of(before, "sana/aleppo-shelling")
    changed = workspace / "articles" / "ahram" / "douma-strike.txt"
    changed.write_text(changed.read_text().replace("killed 20", "killed 25"), encoding="utf-8")
    index([workspace / "articles"], index_path=workspace / "indexes/news")
    after = load_index(workspace / "indexes/news")
    assert _incident_of(after, "sana/aleppo-shelling") == kept
    douma = _incident_of(after, "ahram/douma-strike")
    checksum = next(a.checksum for a in after.articles if a.id == "ahram/douma-strike")
    assert all(m[1] == checksum for m in douma.members if m[0] == "ahram/douma-strike")


def test_a_failed_check_adds_nothing(workspace):
    (workspace / "new" / "broken.txt").write_bytes(b"")
    manifest = read_manifest(workspace / "indexes/news")
    with pytest.raises(InputError, match="broken.txt"):
        check(["new"], index_path="indexes/news", update=True)
    assert read_manifest(workspace / "indexes/news") == manifest


def test_root_keys_a_changed_article_like_the_index(workspace):
    changed = workspace / "articles" / "ahram" / "douma-strike.txt"
    changed.write_text(changed.read_text().replace("killed 20", "killed 25"), encoding="utf-8")
    result = check([changed], index_path="indexes/news", root="articles")
    assert result.checked == ["ahram/douma-strike"]
    assert result.report.summary.articles == len(CORPUS)


def test_changed_files_lists_added_and_modified_articles(workspace):
    git(workspace, "add", "new")
    (workspace / "new" / "notes.csv.meta.json").write_text("{}")
    assert changed_files("HEAD", cwd=workspace) == [
        Path("new", DUPLICATE),
        Path("new", CONFLICTING),
    ]
    assert changed_files("HEAD", paths=["articles"], cwd=workspace) == []


def test_changed_since_a_bad_revision_is_a_usage_error(workspace):
    with pytest.raises(UsageError, match="git diff"):
        changed_files("no-such-branch", cwd=workspace)


def test_cli_check_nothing_changed_exits_0(workspace):
    result = runner.invoke(app, ["check", "--changed-since", "HEAD", "--index", "indexes/news"])
    assert result.exit_code == 0, result.output
    assert "nothing to check" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "--index", "indexes/none"], "no index here"),
        (["new", "--index", "indexes/news", "--fail-on", "oops"], "unknown kind oops"),
        (["new", "--index", "indexes/news", "--baseline", "missing.json"], "no baseline file"),
        (["--index", "indexes/news"], "no articles to check"),
    ],
)
def test_cli_check_usage_errors_exit_2_with_one_line(workspace, arguments, message):
    result = runner.invoke(app, ["check", *arguments])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_baseline_file_is_sorted_and_stable(workspace):
    for _ in range(2):
        result = runner.invoke(app, ["baseline", "new", "--index", "indexes/news", "-q"])
        assert result.exit_code == 0, result.output
        text = (workspace / "indexes/news/baseline.json").read_text(encoding="utf-8")
        if _ == 0:
            first = text
    assert text == first
    fingerprints = [entry["fingerprint"] for entry in json.loads(text)["findings"]]
    assert fingerprints == sorted(fingerprints) and len(fingerprints) == 2
    after = check(["new"], index_path="indexes/news")
    assert after.exit_code == 0 and after.report.suppressed == {"baselined": 2}
    assert check(["new"], index_path="indexes/news", use_baseline=False).exit_code == 1


def test_baseline_right_after_a_failing_check_accepts_what_it_showed(workspace):
    failed = runner.invoke(app, ["check", "new", "--index", "indexes/news", "-q"])
    assert failed.exit_code == 1
    accepted = runner.invoke(app, ["baseline", "--index", "indexes/news"])
    assert accepted.exit_code == 0, accepted.output
    assert "2 of them from the last check, of reuters/aleppo-copy, sana/douma-market" in (
        accepted.stderr
    )
    again = check(["new"], index_path="indexes/news")
    assert again.exit_code == 0 and again.report.suppressed == {"baselined": 2}


def test_a_damaged_record_of_the_last_check_is_named(workspace):
    (workspace / "indexes/news/last_check.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["baseline", "--index", "indexes/news"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: indexes/news/last_check.json: not a record of a check")
