"""The exit-code contract under failure (checker/cli/guard.py): exit 1 means findings only, so
a crash, a file where the index folder belongs or an impossible port exits 2 with one line."""

from __future__ import annotations

import errno
import os

import pytest
from typer.testing import CliRunner

import checker.store
from checker.cli import app
from checker.errors import EXIT_USAGE

runner = CliRunner()
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


@pytest.mark.parametrize("port", ["0", "99999"])
def test_serve_refuses_a_port_out_of_range_before_anything_else(tmp_path, port):
    result = runner.invoke(app, ["serve", "--index", str(tmp_path / "none"), "--port", port])
    assert result.exit_code == EXIT_USAGE
    assert "Invalid value for '--port'" in result.stderr
    assert "findings" not in result.stderr  # no sync ran
