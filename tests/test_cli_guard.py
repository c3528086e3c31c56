"""The exit-code contract under failure (checker/cli/guard.py): exit 1 means findings only, so
a crash, a file where the index folder belongs or an impossible port exits 2 with one line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.store
from checker.cli import app
from checker.errors import EXIT_INTERRUPTED, EXIT_USAGE

runner = CliRunner()
INTERRUPT_WITHIN_S = 5.0  # the promise: Ctrl-C ends a run within a batch or two, not the corpus
FULL_DISK = OSError(errno.ENOSPC, "No space left on device")


def _crash(*args: object, **kwargs: object) -> None:
    raise FULL_DISK


@pytest.fixture
def full_disk(monkeypatch):
    """Every integrity check fails the way a full disk fails: an OSError nobody expected."""
    monkeypatch.setattr(checker.store, "verify_index", _crash)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)


def test_an_unexpected_error_is_one_line_and_exit_2(tmp_path, full_disk):
    result = runner.invoke(app, ["verify", "--index", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        "error: unexpected OSError: [Errno 28] No space left on device "
        "(run with --debug for the traceback)\n"
    )


@pytest.mark.parametrize(("args", "env"), [(["--debug"], {}), ([], {"CHECKER_DEBUG": "1"})])
def test_debug_adds_the_traceback(tmp_path, full_disk, args, env):
    result = runner.invoke(app, [*args, "verify", "--index", str(tmp_path)], env=env)
    assert result.exit_code == EXIT_USAGE
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: unexpected OSError: ")


def test_index_naming_a_regular_file_is_refused(seeds_dir, tmp_path):
    not_a_folder = tmp_path / "index.txt"
    not_a_folder.write_text("notes\n")
    result = runner.invoke(app, ["index", str(seeds_dir), "--index", str(not_a_folder)])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        f"error: {not_a_folder}: --index names a file, not a folder; give the index's folder, "
        "e.g. indexes/NAME\n"
    )
    assert not_a_folder.read_text() == "notes\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_index_folder_is_refused(seeds_dir, tmp_path):
    folder = tmp_path / "idx"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = runner.invoke(app, ["index", str(seeds_dir), "--index", str(folder)])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"error: cannot write {folder}: read-only;")


def test_a_read_only_mount_is_refused_for_root_too(seeds_dir, tmp_path, monkeypatch):
    """What a read-only mount answers (EROFS) even root gets: the same one-line refusal, so the
    message is tested where the chmod test above cannot run."""
    import errno

    import checker.store.lock as lock

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(lock, "open", read_only, raising=False)
    folder = tmp_path / "idx"
    result = runner.invoke(app, ["index", str(seeds_dir), "--index", str(folder)])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"error: cannot write {folder}: read-only;")


@pytest.mark.parametrize("port", ["0", "99999"])
def test_serve_refuses_a_port_out_of_range_before_anything_else(tmp_path, port):
    result = runner.invoke(app, ["serve", "--index", str(tmp_path / "none"), "--port", port])
    assert result.exit_code == EXIT_USAGE
    assert "Invalid value for '--port'" in result.stderr
    assert "findings" not in result.stderr  # no sync ran


def _big_corpus(folder: Path, sentences: int) -> Path:
    """Two outlets of plain articles, `sentences` distinct figure-free sentences in all."""
    words = [
        "river",
        "council",
        "market",
        "winter",
        "bridge",
        "school",
        "harbour",
        "orchard",
        "library",
        "station",
    ]
    per_article = 30
    for number in range(sentences // per_article):
        outlet = folder / ("north" if number % 2 else "south")
        outlet.mkdir(parents=True, exist_ok=True)
        lines = [
            f"The {words[(number + row) % 10]} committee of district {number}-{row} discussed the "
            f"{words[row % 10]} plan and the {words[(number * row) % 10]} budget with residents."
            for row in range(per_article)
        ]
        (outlet / f"article-{number}.txt").write_text(
            f"Report {number}\n\n" + " ".join(lines) + "\n"
        )
    return folder


def _wait_for_line(process: subprocess.Popen[str], needle: str, timeout_s: float) -> list[str]:
    assert process.stderr is not None
    deadline = time.monotonic() + timeout_s
    lines: list[str] = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        if needle in line or not line:
            return lines
    return lines


def test_ctrl_c_while_encoding_stops_at_once_and_leaves_the_index_unchanged(seeds_dir, tmp_path):
    index_dir = tmp_path / "idx"
    built = runner.invoke(app, ["index", str(seeds_dir), "--index", str(index_dir), "--quiet"])
    assert built.exit_code == 0, built.output
    manifest = (index_dir / "manifest.json").read_bytes()
    corpus = _big_corpus(tmp_path / "corpus", 3000)
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("checker")),
            "index",
            str(corpus),
            "--index",
            str(index_dir),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "CHECKER_HEARTBEAT_S": "0.2"},
    )
    try:
        seen = _wait_for_line(process, "encoding", timeout_s=120)
        assert "encoding" in seen[-1], seen
        time.sleep(1.0)  # well inside the encoding of ~3,000 sentences
        interrupted = time.monotonic()
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=INTERRUPT_WITHIN_S)[1]
        took = time.monotonic() - interrupted
    finally:
        process.kill()
    assert process.returncode == EXIT_INTERRUPTED, rest
    assert took < INTERRUPT_WITHIN_S
    assert rest.splitlines()[-1] == "interrupted; the index is unchanged"
    assert (index_dir / "manifest.json").read_bytes() == manifest
    assert runner.invoke(app, ["verify", "--index", str(index_dir)]).exit_code == 0
