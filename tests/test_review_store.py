"""A review store that is empty or damaged on disk (checker.review.store): never replaced,
always named, and `report` and `check` go on without its dismissals and say so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from review_corpus import ARTICLES, fresh_index
from typer.testing import CliRunner

from checker import review
from checker.ci.check import check
from checker.cli import app
from checker.errors import ReviewError
from checker.reporting import report
from checker.review.store import review_path

runner = CliRunner()


@pytest.fixture
def dismissed(tmp_path_factory, tmp_path) -> tuple[Path, str]:
    """A synced queue with one conflict dismissed, its WAL folded into the file: (index, fingerprint)."""
    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    finding = next(f for f in review.list_findings(index_path=index_path) if f.kind == "conflict")
    review.dismiss(index_path=index_path, finding=finding.id, reason="false-alarm")
    with sqlite3.connect(review_path(index_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{review_path(index_path)}{suffix}").unlink(missing_ok=True)
    return index_path, finding.fingerprint


def _assert_report_runs_without_the_store(index_path: Path, fingerprint: str) -> None:
    result = report(index_path)
    assert result.suppressed == {}
    assert fingerprint in {pair.fingerprint for pair in result.pairs}
    (warning,) = result.warnings
    assert warning.startswith("dismissed findings not suppressed: ")
    assert str(review_path(index_path)) in warning and "restore it from a backup" in warning

    cli = runner.invoke(app, ["report", "--index", str(index_path), "--format", "json", "-q"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout)["warnings"] == [warning]
    assert f"warning: {warning}" in cli.stderr.splitlines()


def test_a_zero_byte_store_is_refused_not_recreated(dismissed):
    index_path, fingerprint = dismissed
    path = review_path(index_path)
    path.write_bytes(b"")
    with pytest.raises(
        ReviewError, match=r"review\.sqlite: review store damaged \(the file is empty"
    ):
        review.sync(index_path=index_path)
    assert path.stat().st_size == 0  # left for the editor to restore
    listed = runner.invoke(app, ["review", "list", "--index", str(index_path)])
    assert listed.exit_code == 2
    assert listed.stderr.count("\n") == 1 and f"mv {path} {path}.damaged" in listed.stderr
    _assert_report_runs_without_the_store(index_path, fingerprint)


def test_a_halved_store_is_named_and_the_report_runs_without_it(dismissed):
    index_path, fingerprint = dismissed
    path = review_path(index_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReviewError, match="review store damaged"):
        review.dismiss(index_path=index_path, finding=1, reason="false-alarm")
    _assert_report_runs_without_the_store(index_path, fingerprint)


def test_a_corrupt_index_page_is_found_before_dismissals_are_trusted(dismissed, tmp_path):
    index_path, fingerprint = dismissed
    path = review_path(index_path)
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'findings_status'"
        ).fetchone()
    with path.open("r+b") as file:  # keep the page's b-tree header, garble its cells
        file.seek((root - 1) * page_size + 12)
        file.write(b"\xff" * (page_size - 12))
    _assert_report_runs_without_the_store(index_path, fingerprint)

    beta = tmp_path / "recheck" / "beta.txt"
    beta.parent.mkdir()
    beta.write_text(ARTICLES["beta.txt"], encoding="utf-8")
    result = check([beta], index_path=index_path)
    assert result.dismissed == 0 and result.exit_code == 1
    assert result.report.warnings[0].startswith("dismissed findings not suppressed: ")


def test_a_new_store_appears_whole(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    assert review_path(index_path).stat().st_size > 0
    assert not [p.name for p in index_path.iterdir() if p.name.endswith(".new")]
