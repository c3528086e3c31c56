"""Every command and subcommand the CLI registers has help text and is in the README.

Walks Typer's own command tree, so a new command is covered the day it is added."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from checker.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def command_paths(command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every command below `command` (groups included), in registration order."""
    found = [path] if path else []
    for name, sub in getattr(command, "commands", {}).items():  # a group's subcommands
        found += command_paths(sub, (*path, name))
    return found


ROOT = typer.main.get_command(app)
COMMANDS = command_paths(ROOT)


def command_at(path: tuple[str, ...]):
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


def test_the_tree_holds_every_command_group():
    assert {path[0] for path in COMMANDS} == {
        "index", "report", "render", "compare", "check", "baseline", "verify", "review", "serve"
    }  # fmt: skip
    assert ("review", "sync") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_has_help_and_is_in_the_readme(path):
    help_text = " ".join((command_at(path).help or "").split())
    assert help_text, f"checker {' '.join(path)} has no help text"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert " ".join(help_text.split()[:4]) in " ".join(result.output.split())
    assert f"checker {' '.join(path)}" in README


def test_the_integrity_check_is_documented_too():
    assert "checker index verify" in README


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_reads_right_no_bool_types_no_double_negatives(path):
    result = runner.invoke(app, [*path, "-h"])  # -h is --help everywhere
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "--no-no-" not in result.output


def test_version_prints_the_package_version():
    from checker import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"checker {__version__}\n"


def test_dash_i_names_the_index(tmp_path):
    result = runner.invoke(app, ["report", "-i", str(tmp_path / "nowhere"), "-q"])
    assert result.exit_code == 2
    assert str(tmp_path / "nowhere") in result.stderr
