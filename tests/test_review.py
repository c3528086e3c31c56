"""The review queue (checker.review) and `checker review …` / `checker report` as users run them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from review_corpus import build_index, fresh_index, scaled_pairs
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


def test_cli_a_misspelt_kind_is_refused_as_check_refuses_it(synced):
    result = invoke("review", "list", "--index", synced, "--kind", "conflicts")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown kind 'conflicts'; use one of contradiction")


def test_cli_sync_names_its_stages_in_a_log(index_path, monkeypatch):
    monkeypatch.setenv("CHECKER_HEARTBEAT_S", "0.001")
    result = invoke("review", "sync", "--index", index_path)
    assert result.exit_code == 0, result.output
    assert "judging" in result.stderr  # the heartbeat names the stage that runs


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


# --- groups, filters and sorts ---


def test_findings_group_by_incident_with_counts(synced):
    conflict = by_kind(synced, "conflict")[0]
    review.confirm(index_path=synced, finding=conflict.id)
    groups = review.groups(index_path=synced)
    assert [(group.total, group.place) for group in groups] == [(4, "Idlib"), (1, "Hama")]
    idlib = groups[0]
    assert idlib.key == idlib.incident and idlib.key.startswith("inc-")
    assert idlib.by_kind == {"conflict": 2, "duplicate": 2}
    assert sum(idlib.by_status.values()) == 4
    assert "Idlib · 2018-09-03" in idlib.label
    members = review.list_findings(index_path=synced, incident=idlib.key)
    assert len(members) == 4 and {f.pair.incident for f in members} == {idlib.key}
    open_only = review.groups(index_path=synced, selection=review.Selection(status="open"))
    assert sum(group.total for group in open_only) == 4


def test_findings_without_an_incident_group_by_their_two_articles(index_path):
    pair = report(index_path=index_path).pairs[0]
    loose = pair.model_copy(update={"incident": None, "fingerprint": "f" * 16})
    review.sync_pairs(index_path=index_path, pairs=[pair, loose])
    keys = {group.key: group for group in review.groups(index_path=index_path)}
    first, second = sorted((pair.a.doc_id, pair.b.doc_id))
    assert set(keys) == {pair.incident, f"docs:{first}+{second}"}
    assert keys[f"docs:{first}+{second}"].label == f"articles {first} + {second}"
    found = review.list_findings(index_path=index_path, incident=f"docs:{first}+{second}")
    assert [f.fingerprint for f in found] == ["f" * 16]


def test_search_looks_in_both_sentences_the_outlets_and_the_place(synced):
    def ids(**options):
        return {f.id for f in review.list_findings(index_path=synced, **options)}

    hama = ids(search="fighters")
    assert len(hama) == 1 and ids(search="HAMA") == hama  # the place, case-insensitive
    assert ids(search="Delta") == hama  # an outlet
    both = ids(search="20 32")  # every word somewhere in the finding
    assert len(both) == 2
    assert len(ids(search="alpha 20")) == 1 and ids(search="alpha 20") < both
    assert ids(search="12% fighters") == set()  # % is a letter, not a wildcard
    assert ids(search="idlib", kind="duplicate") == ids(kind="duplicate")


def test_sorts_by_score_date_gap_date_and_incident(index_path):
    pairs = scaled_pairs(report(index_path=index_path).pairs, 40)
    review.sync_pairs(index_path=index_path, pairs=pairs)

    def listed(sort):
        return review.list_findings(index_path=index_path, sort=sort)

    scores = [f.score for f in listed("score")]
    assert scores == sorted(scores, reverse=True)
    gaps = [f.pair.days_apart for f in listed("days_apart")]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] == 6
    groups = [f.group for f in listed("incident")]
    assert len(groups) == 40 and all(
        groups.index(key) + groups.count(key) - 1 == len(groups) - groups[::-1].index(key) - 1
        for key in groups
    )  # each group's findings are contiguous
    queue = listed("queue")
    assert [f.kind for f in queue[:24]] == ["conflict"] * 24
    with pytest.raises(UsageError, match="unknown sort 'size'"):
        listed("size")


def test_a_version_2_store_is_migrated_with_its_verdicts_and_queue_columns(index_path):
    pair = next(p for p in report(index_path=index_path).pairs if p.kind == "conflict")
    with sqlite3.connect(review_path(index_path)) as connection:
        connection.executescript(MIGRATIONS[0] + MIGRATIONS[1])
        connection.execute(
            "INSERT INTO findings (fingerprint, location, content_hash, kind, status, reason, "
            "reviewer, first_seen, last_seen, a_outlet, b_outlet, similarity, score, pair_json) "
            "VALUES (?, 'here', 'h', 'conflict', 'dismissed', 'other', 'ana', 't', 't', ?, ?, "
            "0.9, 0.8, ?)",
            (pair.fingerprint, pair.a.outlet, pair.b.outlet, pair.model_dump_json()),
        )
        connection.executemany(
            "INSERT INTO events (finding_id, at, reviewer, action, status, reason) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [
                ("2024-01-01", "sync", "added", "open", None),
                ("2024-01-02", "ana", "dismissed", "dismissed", "other"),
            ],
        )
        connection.execute("PRAGMA user_version = 2")
    [group] = review.groups(index_path=index_path)
    assert (group.key, group.place, group.by_status["dismissed"]) == (
        pair.incident,
        pair.place,
        1,
    )
    assert len(review.list_findings(index_path=index_path, search=pair.b.text.split()[0])) == 1
    undone = review.undo(index_path=index_path, reviewer="ana")  # a verdict from before bulk
    assert [(f.id, f.status, f.reason) for f in undone.restored] == [(1, "open", None)]


# --- verdicts in bulk, and undo ---


def test_confirm_and_dismiss_several_ids_in_one_verdict(synced):
    first, second, third = [f.id for f in by_kind(synced, "conflict")]
    result = review.confirm_all(index_path=synced, findings=[first, str(second), first])
    assert [f.id for f in result.findings] == [first, second]
    assert result.changed == 2 and {f.status for f in result.findings} == {"confirmed"}
    again = review.dismiss_all(
        index_path=synced, findings=[second, third], reason="different-events", reviewer="bo"
    )
    assert again.changed == 2 and again.batch != result.batch
    assert {f.reason for f in again.findings} == {"different-events"}
    with pytest.raises(UnknownFindingError):
        review.confirm_all(index_path=synced, findings=[first, 999])
    assert review.show(index_path=synced, finding=first).finding.reviewer != "bo"


def test_dismiss_by_filter_takes_only_what_the_selection_takes(synced):
    duplicate = by_kind(synced, "duplicate")[0]
    review.confirm(index_path=synced, finding=duplicate.id)
    selection = review.Selection(kind="duplicate", status="open")
    result = review.dismiss_all(index_path=synced, selection=selection, reason="other")
    assert result.changed == len(result.findings) == 1
    assert review.show(index_path=synced, finding=duplicate.id).finding.status == "confirmed"
    assert {f.kind for f in result.findings} == {"duplicate"}
    group = review.groups(index_path=synced)[1].key
    by_group = review.confirm_all(index_path=synced, selection=review.Selection(incident=group))
    assert [f.group for f in by_group.findings] == [group]


def test_a_bulk_verdict_needs_a_narrow_filter_or_ids(synced):
    with pytest.raises(UsageError, match="needs --kind, --outlet, --incident or --search"):
        review.dismiss_all(
            index_path=synced, selection=review.Selection(status="open"), reason="other"
        )
    with pytest.raises(UsageError, match="nothing to decide"):
        review.confirm_all(index_path=synced)
    with pytest.raises(UsageError, match="not both"):
        review.confirm_all(
            index_path=synced, findings=[1], selection=review.Selection(kind="conflict")
        )
    assert {f.status for f in review.list_findings(index_path=synced)} == {"open"}


def test_undo_takes_back_the_last_verdict_through_the_history(synced):
    finding = by_kind(synced, "conflict")[0].id
    review.confirm(index_path=synced, finding=finding, reviewer="ana")
    review.dismiss(index_path=synced, finding=finding, reason="other", reviewer="ana")
    result = review.undo(index_path=synced, reviewer="ana")
    assert result.action == "dismissed" and result.skipped == []
    [restored] = result.restored
    assert (restored.status, restored.reason, restored.reviewer) == ("confirmed", None, "ana")
    result = review.undo(index_path=synced, reviewer="ana")  # one verdict further back
    assert [(f.status, f.reviewer, f.decided_at) for f in result.restored] == [("open", None, None)]
    with pytest.raises(UsageError, match="nothing to undo: no verdict by ana"):
        review.undo(index_path=synced, reviewer="ana")
    events = review.show(index_path=synced, finding=finding).events
    assert [e.action for e in events] == ["added", "confirmed", "dismissed", "undone", "undone"]
    assert [e.status for e in events[-2:]] == ["confirmed", "open"]
    assert "took back “dismissed” by ana" in events[3].detail


def test_undo_of_a_bulk_verdict_restores_each_finding_and_spares_later_verdicts(synced):
    conflicts = [f.id for f in by_kind(synced, "conflict")]
    review.confirm(index_path=synced, finding=conflicts[0], reviewer="ana")
    review.dismiss_all(
        index_path=synced, selection=review.Selection(kind="conflict"), reason="other",
        reviewer="bo",
    )  # fmt: skip
    review.confirm(index_path=synced, finding=conflicts[2], reviewer="ana")  # after bo's
    result = review.undo(index_path=synced, reviewer="bo")
    assert result.skipped == [conflicts[2]]
    statuses = {f.id: f.status for f in result.restored}
    assert statuses == {conflicts[0]: "confirmed", conflicts[1]: "open"}
    assert review.show(index_path=synced, finding=conflicts[2]).finding.status == "confirmed"
    result = review.undo(index_path=synced, reviewer="ana")  # ana's own last verdict
    assert [(f.id, f.status) for f in result.restored] == [(conflicts[2], "dismissed")]


def test_cli_bulk_verdicts_by_ids_and_by_filter_and_undo(synced):
    first, second, _ = [str(f.id) for f in by_kind(synced, "conflict")]
    result = invoke("review", "confirm", first, second, "--index", synced, "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    assert result.stdout.count(" confirmed ") == 2
    assert "2 of 2 findings changed to confirmed" in result.stdout

    result = invoke(
        "review", "dismiss", "--kind", "conflict", "--reason", "false-alarm", "--index", synced,
        "--reviewer", "ana",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 of 1 findings changed to dismissed (false-alarm)" in result.stdout  # open only
    result = invoke(
        "review", "dismiss", "--kind", "conflict", "--status", "confirmed", "--reason", "other",
        "--index", synced, "--reviewer", "ana",
    )  # fmt: skip
    assert "2 of 2 findings changed to dismissed (other)" in result.stdout

    result = invoke("review", "undo", "--index", synced, "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    assert "undid “dismissed” on 2 findings" in result.stdout
    assert result.stdout.count(" confirmed ") == 2

    for only_a_status in ([], ["--status", "open"]):
        result = invoke("review", "dismiss", *only_a_status, "--reason", "other", "--index", synced)
        assert result.exit_code == 2
        assert "a verdict by filter needs --kind, --outlet, --incident or --search" in result.stderr
    result = invoke("review", "undo", "--index", synced, "--reviewer", "nobody")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: nothing to undo: no verdict by nobody left to take back"


def test_cli_groups_and_list_by_group_search_and_sort(synced):
    result = invoke("review", "groups", "--index", synced)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and "(4 open; 2 conflict, 2 duplicate)" in lines[0]
    idlib = lines[0].split()[0]
    result = invoke("review", "list", "--index", synced, "--incident", idlib, "--sort", "score")
    assert len(result.stdout.strip().splitlines()) == 4
    result = invoke("review", "list", "--index", synced, "--search", "fighters")
    assert len(result.stdout.strip().splitlines()) == 1 and "Delta Post" in result.stdout
    result = invoke(
        "review", "dismiss", "--incident", idlib, "--reason", "other", "--index", synced
    )
    assert "4 of 4 findings changed" in result.stdout
    result = invoke("review", "groups", "--index", synced, "--status", "open")
    assert len(result.stdout.strip().splitlines()) == 1


def test_pages_of_a_large_queue_with_facets_and_positions(index_path):
    review.sync_pairs(index_path=index_path, pairs=scaled_pairs(report(index_path).pairs, 120))
    everything = [f.id for f in review.list_findings(index_path=index_path, sort="date")]
    pages = [
        review.queue_page(index_path=index_path, sort="date", page=number) for number in (1, 2, 3)
    ]
    assert [(page.total, page.pages, len(page.findings)) for page in pages] == [
        (120, 3, 50),
        (120, 3, 50),
        (120, 3, 20),
    ]
    assert [f.id for page in pages for f in page.findings] == everything
    assert review.queue_page(index_path=index_path, page=9).page == 3  # clamped to the last

    conflicts = review.Selection(kind="conflict")
    page = review.queue_page(index_path=index_path, selection=conflicts)
    assert page.total == 72 and {f.kind for f in page.findings} == {"conflict"}
    kinds = {facet.value: facet.count for facet in page.facets.kind}
    assert kinds == {"conflict": 72, "duplicate": 48}  # what choosing another kind gives
    assert {facet.value: facet.count for facet in page.facets.status} == {
        "open": 72,
        "confirmed": 0,
        "dismissed": 0,
    }
    assert {facet.value for facet in page.facets.outlet} >= {"Alpha News", "Delta Post"}
    assert len(page.facets.incident) == review.browse.GROUP_FACET_SIZE
    assert {f.group for f in page.findings} <= set(page.groups)

    ids = [f.id for f in review.list_findings(index_path=index_path, kind="conflict")]
    where = review.position(index_path=index_path, finding=ids[51], selection=conflicts)
    assert (where.number, where.total, where.page) == (52, 72, 2)
    assert (where.previous, where.following) == (ids[50], ids[52])
    duplicate = review.list_findings(index_path=index_path, kind="duplicate")[0].id
    outside = review.position(index_path=index_path, finding=duplicate, selection=conflicts)
    assert (outside.number, outside.following) == (None, ids[0])
