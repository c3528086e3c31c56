"""The review queue (checker.review) and `checker review …` / `checker report` as users run them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from review_corpus import build_index, fresh_index
from typer.testing import CliRunner

from checker import review
from checker.cli import app
from checker.errors import ReviewError, UnknownFindingError, UsageError
from checker.reporting import report
from checker.review.store import MIGRATIONS, SCHEMA_VERSION, connect, review_path

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def index_path(tmp_path_factory, tmp_path) -> Path:
    return fresh_index(tmp_path_factory, tmp_path)


@pytest.fixture
def synced(index_path) -> Path:
    review.sync(index_path=index_path, reviewer="sync-bot")
    return index_path


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


def by_kind(index_path, kind):
    return [f for f in review.list_findings(index_path=index_path) if f.kind == kind]


def test_sync_brings_every_reported_pair_into_the_queue_as_open(index_path):
    pairs = report(index_path=index_path).pairs
    summary = review.sync(index_path=index_path)
    assert (summary.added, summary.unchanged, summary.total) == (len(pairs), 0, len(pairs))
    findings = review.list_findings(index_path=index_path)
    assert sorted(f.fingerprint for f in findings) == sorted(p.fingerprint for p in pairs)
    assert {f.status for f in findings} == {"open"}
    assert [f.kind for f in findings].count("conflict") == 3
    with sqlite3.connect(review_path(index_path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_sync_holds_one_finding_per_fingerprint_and_counts_the_repeats(index_path):
    pairs = report(index_path=index_path).pairs
    summary = review.sync_pairs(index_path=index_path, pairs=[*pairs, *pairs[:3]])
    assert (summary.added, summary.repeats, summary.total) == (len(pairs), 3, len(pairs))
    again = review.sync_pairs(index_path=index_path, pairs=[pairs[0], pairs[0], *pairs])
    assert (again.unchanged, again.repeats, again.total) == (len(pairs), 2, len(pairs))


def test_an_article_repeating_its_headline_as_its_lede_syncs(tmp_path):
    """Two articles, one repeating its first sentence (a headline as the lede): one finding."""
    from checker.indexing import index

    lede = "An air strike killed 32 people at a market in Idlib on Monday, rescuers said."
    (tmp_path / "a.txt").write_text(
        f"---\noutlet: Alpha News\ndate: 2018-09-03\n---\n{lede}\n\n{lede}\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "---\noutlet: Beta Times\ndate: 2018-09-03\n---\n"
        "An air strike killed 20 people at a market in Idlib on Monday, officials said.\n",
        encoding="utf-8",
    )
    index_path = tmp_path / "index"
    index([tmp_path / "a.txt", tmp_path / "b.txt"], index_path=index_path)
    summary = review.sync(index_path=index_path)
    findings = review.list_findings(index_path=index_path)
    assert summary.total == len(findings) >= 1
    assert len({f.fingerprint for f in findings}) == len(findings)
    assert any(f.kind == "conflict" for f in findings)
    result = invoke("review", "sync", "--index", index_path)
    assert result.exit_code == 0, result.output


def test_verdicts_survive_a_resync(synced):
    conflict, other_conflict = by_kind(synced, "conflict")[:2]
    review.confirm(index_path=synced, finding=conflict.id, reviewer="ana", note="called both")
    review.dismiss(index_path=synced, finding=other_conflict.fingerprint, reason="false-alarm")
    summary = review.sync(index_path=synced)
    assert (summary.added, summary.reopened, summary.unchanged) == (0, 0, summary.total)
    kept = review.show(index_path=synced, finding=conflict.id).finding
    assert (kept.status, kept.reviewer, kept.note) == ("confirmed", "ana", "called both")
    assert review.show(index_path=synced, finding=other_conflict.id).finding.status == "dismissed"


def test_history_keeps_every_verdict_and_the_last_one_wins(synced):
    finding = by_kind(synced, "conflict")[0]
    review.confirm(index_path=synced, finding=finding.id, reviewer="ana")
    review.dismiss(index_path=synced, finding=finding.id, reason="same-event-update", reviewer="bo")
    review.note(index_path=synced, finding=finding.id, text="toll was revised", reviewer="ana")
    detail = review.show(index_path=synced, finding=finding.id)
    assert [(e.action, e.reviewer) for e in detail.events] == [
        ("added", "sync-bot"),
        ("confirmed", "ana"),
        ("dismissed", "bo"),
        ("note", "ana"),
    ]
    assert detail.events[2].reason == "same-event-update"
    current = detail.finding
    assert (current.status, current.reason, current.reviewer) == (
        "dismissed",
        "same-event-update",
        "bo",
    )
    assert current.note == "toll was revised"


def test_a_finding_whose_sentence_was_edited_is_reopened_and_says_so(tmp_path):
    index_path = build_index(tmp_path)
    review.sync(index_path=index_path)
    old = next(
        f
        for f in by_kind(index_path, "conflict")
        if {f.pair.a.outlet, f.pair.b.outlet} == {"Alpha News", "Beta Times"}
    )
    review.dismiss(index_path=index_path, finding=old.id, reason="false-alarm", reviewer="ana")
    alpha = tmp_path / "corpus" / "alpha.txt"
    alpha.write_text(alpha.read_text().replace("32 people", "35 people"), encoding="utf-8")
    from checker.indexing import index

    index(sorted((tmp_path / "corpus").iterdir()), index_path=index_path)
    summary = review.sync(index_path=index_path)
    assert summary.reopened == 1
    current = review.show(index_path=index_path, finding=old.id)
    assert current.finding.status == "open"
    assert current.finding.fingerprint != old.fingerprint
    assert "35 people" in current.finding.changed and "32 people" in current.finding.changed
    assert "was dismissed by ana" in current.finding.changed
    assert current.events[-1].action == "reopened"
    assert [e.action for e in current.events[:2]] == ["added", "dismissed"]


def test_dismissed_fingerprints_feed_the_report_suppression(synced):
    assert review.dismissed_fingerprints(synced) == {}
    finding = by_kind(synced, "conflict")[0]
    review.dismiss(index_path=synced, finding=finding.id, reason="false-alarm")
    suppress = review.dismissed_fingerprints(synced)
    assert suppress == {finding.fingerprint: "dismissed"}
    result = report(index_path=synced, suppress=suppress)
    assert finding.fingerprint not in {pair.fingerprint for pair in result.pairs}
    assert result.suppressed == {"dismissed": 1}


def test_no_review_store_means_nothing_suppressed(index_path):
    assert review.dismissed_fingerprints(index_path) == {}
    assert not review_path(index_path).exists()


def test_stats_give_precision_and_the_thresholds_the_verdicts_support(synced):
    conflicts = sorted(by_kind(synced, "conflict"), key=lambda f: f.similarity)
    review.dismiss(index_path=synced, finding=conflicts[0].id, reason="false-alarm")
    review.confirm(index_path=synced, finding=conflicts[1].id)
    review.confirm(index_path=synced, finding=conflicts[2].id)
    result = review.stats(index_path=synced)
    conflict_row = next(row for row in result.by_kind if row.key == "conflict")
    assert (conflict_row.confirmed, conflict_row.dismissed) == (2, 1)
    assert conflict_row.precision == pytest.approx(2 / 3)
    assert {row.key for row in result.by_outlet_pair} >= {"Beta Times vs Gamma Wire"}
    similarity = next(s for s in result.suggestions if s.name == "min-similarity")
    assert similarity.highest_false_alarm == pytest.approx(conflicts[0].similarity)
    assert similarity.lowest_confirmed == pytest.approx(conflicts[1].similarity)
    assert conflicts[0].similarity < similarity.suggested < conflicts[1].similarity


def test_unknown_finding_and_reason_are_errors(synced):
    with pytest.raises(UnknownFindingError, match="no finding '999'"):
        review.confirm(index_path=synced, finding=999)
    with pytest.raises(UsageError, match="unknown dismiss reason 'boring'"):
        review.dismiss(index_path=synced, finding=1, reason="boring")


def test_an_older_store_is_migrated_and_a_newer_one_refused(index_path):
    with sqlite3.connect(review_path(index_path)) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.execute("PRAGMA user_version = 1")
    with connect(index_path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "events_finding" in names
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with sqlite3.connect(review_path(index_path)) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ReviewError, match="newer than this checker"):
        review.list_findings(index_path=index_path)


def test_export_csv_and_json(synced):
    finding = by_kind(synced, "conflict")[0]
    review.confirm(index_path=synced, finding=finding.id, reviewer="ana", note="yes")
    rows = list(csv.DictReader(io.StringIO(review.export(index_path=synced, format="csv"))))
    assert len(rows) == len(review.list_findings(index_path=synced))
    row = next(row for row in rows if row["id"] == str(finding.id))
    assert (row["status"], row["reviewer"], row["note"], row["a_text"]) == (
        "confirmed",
        "ana",
        "yes",
        finding.pair.a.text,
    )
    details = json.loads(review.export(index_path=synced, format="json"))
    exported = next(d for d in details if d["finding"]["id"] == finding.id)
    assert [e["action"] for e in exported["events"]] == ["added", "confirmed"]


# --- the CLI, as an editor runs it ---


def test_cli_review_round_trip(index_path):
    result = invoke("review", "sync", "--index", index_path, "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    assert "5 added, 0 unchanged" in result.stdout

    result = invoke("review", "list", "--index", index_path, "--kind", "conflict")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and all(" conflict " in line for line in lines)
    first, second = (line.split()[0] for line in lines[:2])

    result = invoke("review", "confirm", first, "--index", index_path, "--note", "checked")
    assert result.exit_code == 0 and "confirmed" in result.stdout
    result = invoke(
        "review", "dismiss", second, "--index", index_path, "--reason", "false-alarm",
        "--reviewer", "bo",
    )  # fmt: skip
    assert result.exit_code == 0 and "dismissed (false-alarm)" in result.stdout

    result = invoke("review", "list", "--index", index_path, "--status", "dismissed")
    assert [line.split()[0] for line in result.stdout.strip().splitlines()] == [second]
    result = invoke("review", "list", "--index", index_path, "--outlet", "Delta Post")
    assert len(result.stdout.strip().splitlines()) == 1

    result = invoke("review", "show", second, "--index", index_path)
    assert result.exit_code == 0
    assert "history:" in result.stdout and "bo  dismissed  false-alarm" in result.stdout

    result = invoke("review", "sync", "--index", index_path)
    assert "0 added, 5 unchanged" in result.stdout
    result = invoke("review", "show", first, "--index", index_path)
    assert "confirmed" in result.stdout and "note: checked" in result.stdout

    result = invoke("review", "export", "--index", index_path, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 5
    result = invoke("review", "stats", "--index", index_path)
    assert result.exit_code == 0
    assert "precision by kind" in result.stdout and "conflict" in result.stdout
    assert "min-similarity" in result.stdout


def test_cli_unknown_finding_is_a_one_line_error(synced):
    result = invoke("review", "confirm", "999", "--index", synced)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: no finding '999' in the review queue; `checker review list` shows the ids"
    ]


def test_cli_list_without_a_queue_says_how_to_make_one(index_path):
    result = invoke("review", "list", "--index", index_path)
    assert result.exit_code == 2
    assert "run `checker review sync --index" in result.stderr


def test_report_suppresses_what_the_review_dismissed(synced):
    before = invoke("report", "--index", synced, "--format", "json")
    assert before.exit_code == 0, before.output
    assert json.loads(before.stdout)["suppressed"] == {}
    assert "suppressed" not in before.stderr
    finding = by_kind(synced, "conflict")[0]
    result = invoke("review", "dismiss", finding.id, "--index", synced, "--reason", "false-alarm")
    assert result.exit_code == 0

    after = invoke("report", "--index", synced, "--format", "json")
    assert after.exit_code == 0, after.output
    report_json = json.loads(after.stdout)
    assert report_json["suppressed"] == {"dismissed": 1}
    assert len(report_json["pairs"]) == len(json.loads(before.stdout)["pairs"]) - 1
    assert finding.fingerprint not in {pair["fingerprint"] for pair in report_json["pairs"]}
    assert "1 dismissed in review suppressed" in after.stderr


def test_check_suppresses_what_the_review_dismissed(synced, tmp_path):
    from review_corpus import ARTICLES

    from checker.ci.check import check

    recheck = tmp_path / "recheck" / "beta.txt"
    recheck.parent.mkdir()
    recheck.write_text(ARTICLES["beta.txt"], encoding="utf-8")
    before = check([recheck], index_path=synced)
    conflicts = [pair for pair in before.failing if pair.kind == "conflict"]
    assert conflicts and before.dismissed == 0
    finding = next(
        f for f in by_kind(synced, "conflict") if f.fingerprint == conflicts[0].fingerprint
    )
    review.dismiss(index_path=synced, finding=finding.id, reason="false-alarm")
    after = check([recheck], index_path=synced)
    assert finding.fingerprint not in {pair.fingerprint for pair in after.report.pairs}
    assert after.dismissed == 1
    assert after.report.suppressed == {"dismissed": 1}
