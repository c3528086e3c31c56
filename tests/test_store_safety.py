"""Index safety under CI: killed writers, concurrent writers, corrupted or foreign indexes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.ci.check import check
from checker.cli import app
from checker.indexing import index
from checker.store import load_index, verify_index
from checker.store.durable import CRASH_AT_ENV, SAVE_STEPS
from tests.ci_corpus import CHECKER, CORPUS, NEW_ARTICLES, make_repo, run_checker, write_articles

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The corpus indexed once; `more/` holds two articles a later write adds."""
    repo = tmp_path_factory.mktemp("safety") / "newsroom"
    make_repo(repo)
    index([repo / "articles"], index_path=repo / "idx")
    write_articles(repo / "more", NEW_ARTICLES)
    return repo


@pytest.fixture
def repo(built, tmp_path) -> Path:
    copy = tmp_path / "newsroom"
    shutil.copytree(built, copy)
    return copy


def _still_usable(repo: Path) -> int:
    """`checker index verify` says OK and a check runs; returns the article count."""
    verified = runner.invoke(app, ["index", "verify", "--index", str(repo / "idx")])
    assert verified.exit_code == 0, verified.output
    assert verified.stdout.startswith("OK ")
    assert check([repo / "more"], index_path=repo / "idx").exit_code == 1
    return len(load_index(repo / "idx").articles)


@pytest.mark.parametrize("step", SAVE_STEPS)
def test_a_writer_killed_at_any_step_leaves_a_usable_index(repo, step):
    killed = run_checker(
        "index", "more", "--index", "idx", cwd=repo, env={**os.environ, CRASH_AT_ENV: step}
    )
    assert killed.returncode == -signal.SIGKILL
    # Before the manifest switch the old index stands; after it, the new one.
    expected = len(CORPUS) + (len(NEW_ARTICLES) if step == "manifest" else 0)
    assert _still_usable(repo) == expected
    again = run_checker("index", "more", "--index", "idx", cwd=repo)
    assert again.returncode == 0, again.stderr
    assert _still_usable(repo) == len(CORPUS) + len(NEW_ARTICLES)


@pytest.mark.parametrize("delay_s", [3.0, 6.0, 9.0])
def test_a_writer_killed_after_a_delay_leaves_a_usable_index(repo, delay_s):
    process = subprocess.Popen(
        [str(CHECKER), "index", "more", "--index", "idx", "-q"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay_s)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _still_usable(repo) in (len(CORPUS), len(CORPUS) + len(NEW_ARTICLES))


def test_two_concurrent_writers_keep_each_others_articles(repo):
    write_articles(repo / "first", {"afp/one.txt": NEW_ARTICLES["sana/douma-market.txt"]})
    write_articles(repo / "second", {"bbc/two.txt": NEW_ARTICLES["reuters/aleppo-copy.txt"]})
    writers = [
        subprocess.Popen(
            [str(CHECKER), "index", folder, "--index", "idx", "-q"],
            cwd=repo,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in ("first", "second")
    ]
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stderr.read() if writer.stderr else ""
    ids = {article.id for article in verify_index_articles(repo)}
    assert {"afp/one", "bbc/two"} <= ids and len(ids) == len(CORPUS) + 2


def verify_index_articles(repo: Path):
    assert verify_index(repo / "idx").articles == len(load_index(repo / "idx").articles)
    return load_index(repo / "idx").articles


def _generation(repo: Path) -> Path:
    manifest = json.loads((repo / "idx" / "manifest.json").read_text())
    return repo / "idx" / manifest["generation"]


def _verify_error(repo: Path) -> str:
    result = runner.invoke(app, ["index", "verify", "--index", str(repo / "idx")])
    assert result.exit_code == 2, result.output
    short = runner.invoke(app, ["verify", "-i", str(repo / "idx")])  # the same check
    assert (short.exit_code, short.stderr) == (2, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("name", ["meta.sqlite", "vectors.faiss"])
def test_a_truncated_file_names_the_file_and_how_to_rebuild(repo, name):
    damaged = _generation(repo) / name
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    message = _verify_error(repo)
    assert str(damaged) in message and "checker index CORPUS --index" in message


def test_a_garbled_manifest_is_reported(repo):
    (repo / "idx" / "manifest.json").write_text('{"kind": "checker-ind')
    message = _verify_error(repo)
    assert "manifest.json: unreadable manifest" in message and "rebuild" in message


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("format_version", 99, "index format version 99"),
        ("checker_version", "9.0.0", "written by checker 9.0.0"),
    ],
)
def test_an_index_from_another_version_is_refused(repo, field, value, message):
    manifest_path = repo / "idx" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest[field] = value
    manifest_path.write_text(json.dumps(manifest))
    assert message in _verify_error(repo)
    result = runner.invoke(app, ["check", str(repo / "more"), "--index", str(repo / "idx")])
    assert result.exit_code == 2 and message in result.stderr


def test_an_index_from_another_model_is_refused(repo):
    result = runner.invoke(
        app,
        ["index", str(repo / "more"), "--index", str(repo / "idx"), "--model", "other-model"],
    )
    assert result.exit_code == 2
    assert "built with model 'all-MiniLM-L6-v2'" in result.stderr


def test_a_damaged_index_is_rebuilt_keeping_the_review_store_and_the_baseline(repo):
    index_dir = str(repo / "idx")
    checked = runner.invoke(app, ["check", str(repo / "more"), "--index", index_dir])
    assert checked.exit_code == 1, checked.output  # and records last_check.json
    assert runner.invoke(app, ["baseline", "--index", index_dir]).exit_code == 0
    assert runner.invoke(app, ["review", "sync", "--index", index_dir]).exit_code == 0
    queue = runner.invoke(app, ["review", "list", "--index", index_dir, "--all"]).stdout
    kept = {
        name: (repo / "idx" / name).read_bytes() for name in ("baseline.json", "last_check.json")
    }
    damaged = _generation(repo) / "meta.sqlite"
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])

    rebuild = f"`checker index CORPUS --index {index_dir} --rebuild`"
    assert rebuild in _verify_error(repo)
    again = runner.invoke(app, ["index", str(repo / "articles"), "--index", index_dir])
    assert again.exit_code == 2 and rebuild in again.stderr  # a plain index cannot repair it
    rebuilt = runner.invoke(
        app, ["index", str(repo / "articles"), "--index", index_dir, "--rebuild", "-q"]
    )
    assert rebuilt.exit_code == 0, rebuilt.output
    assert verify_index(repo / "idx").articles == len(CORPUS)
    assert {name: (repo / "idx" / name).read_bytes() for name in kept} == kept
    assert runner.invoke(app, ["review", "list", "--index", index_dir, "--all"]).stdout == queue
    assert check([repo / "more"], index_path=repo / "idx").exit_code == 0  # still baselined
