"""Option defaults from checker.toml or pyproject's [tool.checker] (checker.settings,
checker.cli.defaults), and CHECKER_INDEX, as a user runs the commands in a project folder."""

from __future__ import annotations

import json

import pytest
from review_corpus import fresh_index
from typer.testing import CliRunner

from checker.cli import app
from checker.settings import load_settings

runner = CliRunner()


@pytest.fixture
def project(tmp_path_factory, tmp_path, monkeypatch):
    """A project folder holding a small four-outlet index; commands run inside it."""
    fresh_index(tmp_path_factory, tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKER_INDEX", raising=False)
    return tmp_path


def _articles(result) -> int:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["summary"]["articles"]


def test_checker_toml_sets_the_index_of_every_command(project):
    (project / "checker.toml").write_text('index = "index"\n', encoding="utf-8")
    assert _articles(runner.invoke(app, ["report", "-f", "json", "-q"])) == 4
    listed = runner.invoke(app, ["review", "list"])
    assert "no review queue yet" in listed.stderr and "index/review.sqlite" in listed.stderr


def test_pyproject_tool_checker_and_a_table_per_command(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.checker]\nindex = "index"\n\n'
        '[tool.checker.report]\nformat = "json"\nquiet = true\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["report"])
    assert _articles(result) == 4 and result.stderr == ""


def test_the_command_line_and_checker_index_win_over_the_file(project, tmp_path_factory):
    (project / "checker.toml").write_text('index = "elsewhere"\n', encoding="utf-8")
    given = runner.invoke(app, ["report", "-i", "index", "-f", "json", "-q"])
    assert _articles(given) == 4
    from_env = runner.invoke(app, ["report", "-f", "json", "-q"], env={"CHECKER_INDEX": "index"})
    assert _articles(from_env) == 4


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('indx = "index"\n', "checker.toml: no command has an option 'indx'"),
        ("[chek]\nfail-on = 'conflict'\n", "checker.toml: [chek] names no checker command"),
        ("[check]\nneighbours = 3\n", "checker.toml: `checker check` has no option 'neighbours'"),
        ("index = [\n", "checker.toml: not valid TOML"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_the_file(project, settings, message):
    (project / "checker.toml").write_text(settings, encoding="utf-8")
    result = runner.invoke(app, ["report", "-q"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_settings_of_a_folder_without_files_are_empty(tmp_path):
    settings = load_settings(tmp_path)
    assert settings.source is None and settings.shared == {} and settings.commands == {}
