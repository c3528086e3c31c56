"""Index safety under CI: killed writers, concurrent writers, corrupted or foreign indexes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
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


# --- readers during writes: the real CLI while a writer saves in a loop ------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOAK_S = 15.0  # readers run at least this long once the first save is in (keep it quick)
REPORT_RUNS = 1  # under load a report here takes 10-40 s: the soak's length
FIRST_SAVE_S = 300.0  # model load and the first build, on a loaded machine
VERIFY_READERS = 2
# The writer re-indexes the corpus with one article (a real seed page) in two versions by
# turns, so every round analyses that article anew and saves a new generation.
SOAK_WRITER = """
import shutil, sys
from pathlib import Path
from checker import index
corpus, target, stop, *versions = (Path(arg) for arg in sys.argv[1:])
saves = 0
while not stop.exists():
    shutil.copyfile(versions[saves % 2], corpus / "ava" / "variant.txt")
    index([corpus], index_path=target)
    saves += 1
    print(saves, flush=True)
"""
DROPPED_LINE = (
    "In 2011, foreign-backed Takfiri terrorist groups began their reign of terror in Syria.\n"
)


def _soak_corpus(folder: Path) -> tuple[Path, list[Path]]:
    """The FA-KES sample plus seed 004; returns the corpus and seed 004's two versions."""
    corpus = folder / "corpus"
    (corpus / "ava").mkdir(parents=True)
    shutil.copy(FIXTURES / "fakes-sample" / "fakes-sample.csv", corpus)
    whole = (FIXTURES / "seeds" / "004_4b1efb5f261e1fdc.txt").read_text(encoding="utf-8")
    assert DROPPED_LINE in whole
    versions = [folder / "whole.txt", folder / "shorter.txt"]
    versions[0].write_text(whole, encoding="utf-8")
    versions[1].write_text(whole.replace(DROPPED_LINE, ""), encoding="utf-8")
    return corpus, versions


def _read_while(more, arguments: list[str], runs: list[tuple], out: Path | None = None) -> None:
    """Run the CLI reader `arguments` (with `--out out`, if given) back to back while
    `more(runs done)`, recording each run: (command, exit code, stdout, stderr, summary)."""
    extra = ["--out", str(out)] if out else []
    done_here = 0
    while more(done_here):
        done_here += 1
        try:
            done = subprocess.run(
                [str(CHECKER), *arguments, *extra], capture_output=True, text=True, timeout=300
            )
            read = out and done.returncode in (0, 1)
            summary = json.loads(out.read_text(encoding="utf-8"))["summary"] if read else None
        except (subprocess.TimeoutExpired, OSError, ValueError, KeyError) as error:
            runs.append((arguments[0], None, "", repr(error), None))  # a failed read too
            continue
        runs.append((arguments[0], done.returncode, done.stdout, done.stderr, summary))


def _failed(run: tuple) -> bool:
    """A read that failed: exit 2 or another code, a traceback, or no result."""
    command, code, stdout, stderr, summary = run
    if code not in (0, 1) or "Traceback" in stderr:
        return True
    return not stdout.startswith("OK ") if command == "verify" else summary is None


def _readers(target: Path, out: Path, runs: list[tuple]) -> list[threading.Thread]:
    """One reader runs `report` REPORT_RUNS times (each loads the models); the
    `verify` readers run back to back for SOAK_S and until the last report is done."""
    report = ["report", "--index", str(target), "-q", "--format", "json"]
    reporter = threading.Thread(
        target=_read_while, args=(lambda done: done < REPORT_RUNS, report, runs, out)
    )
    deadline = time.monotonic() + SOAK_S

    def more(done: int) -> bool:
        return time.monotonic() < deadline or reporter.is_alive()

    verify = ["verify", "--index", str(target)]
    verifiers = [
        threading.Thread(target=_read_while, args=(more, verify, runs))
        for _ in range(VERIFY_READERS)
    ]
    return [reporter, *verifiers]


def test_cli_readers_never_fail_while_a_writer_saves_in_a_loop(tmp_path):
    corpus, versions = _soak_corpus(tmp_path)
    target, stop, log = tmp_path / "idx", tmp_path / "stop", tmp_path / "writer.log"
    with log.open("w") as log_file:
        writer = subprocess.Popen(
            [sys.executable, "-c", SOAK_WRITER, str(corpus), str(target), str(stop)]
            + [str(version) for version in versions],
            stdout=subprocess.PIPE,
            stderr=log_file,
            text=True,
        )
    saves: list[str] = []
    listener = threading.Thread(target=lambda: saves.extend(writer.stdout or []))
    listener.start()
    runs: list[tuple] = []
    try:
        waited = time.monotonic() + FIRST_SAVE_S
        while not saves and writer.poll() is None and time.monotonic() < waited:
            time.sleep(0.2)
        assert saves, f"the writer never saved: {log.read_text()}"
        before = len(saves)
        readers = _readers(target, tmp_path / "report.json", runs)
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        during = len(saves) - before
    finally:
        stop.touch()
        writer.wait(timeout=300)
        listener.join()
        if writer.stdout:
            writer.stdout.close()
    assert writer.returncode == 0, log.read_text()
    failures = [run for run in runs if _failed(run)]
    assert failures == [], f"{len(failures)} of {len(runs)} reads failed: {failures[:3]}"
    # The reads really overlapped the writes: saves during them, several generations seen.
    seen = {stdout.split(", ")[-2] for _, _, stdout, _, _ in runs if stdout.startswith("OK ")}
    assert during >= 2 and len(seen) >= 2, (during, seen)
    assert sorted(run[0] for run in runs).count("report") == REPORT_RUNS
    assert _still_verifies(target)


def _still_verifies(target: Path) -> bool:
    verified = runner.invoke(app, ["verify", "--index", str(target)])
    return verified.exit_code == 0 and verified.stdout.startswith("OK ")
