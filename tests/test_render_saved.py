"""`checker render` (checker.rendering.saved): a saved report or check result rendered again,
byte-identical to the command that saved it; several formats in one `report` or `check` run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.default_corpus import DEFAULT_CORPUS
from checker.indexing import index
from checker.rendering import load_saved
from tests.ci_corpus import NEW_ARTICLES, make_repo, write_articles

runner = CliRunner()
REPORT_FORMATS = ("json", "md", "csv", "html")
CHECK_FORMATS = ("json", "text", "sarif", "junit", "github")


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


def _several(formats, folder: Path, stem: str) -> list[str]:
    return [arg for fmt in formats for arg in ("-f", fmt, "-o", str(folder / f"{stem}.{fmt}"))]


@pytest.fixture(scope="module")
def saved_report(tmp_path_factory) -> Path:
    """All four report formats of the default corpus, written by one `checker report` run."""
    folder = tmp_path_factory.mktemp("saved-report")
    invoke("index", DEFAULT_CORPUS, "--index", folder / "idx", "-q")
    result = invoke("report", "--index", folder / "idx", *_several(REPORT_FORMATS, folder, "r"))
    assert result.exit_code == 0, result.output
    assert str(folder / "r.html") in result.stderr  # the summary names every file written
    return folder


@pytest.fixture(scope="module")
def saved_check(tmp_path_factory) -> Path:
    """Every check format of one failing check (a conflict and a duplicate), one run."""
    repo = tmp_path_factory.mktemp("saved-check") / "newsroom"
    make_repo(repo)
    index([repo / "articles"], index_path=repo / "idx")
    write_articles(repo / "new", NEW_ARTICLES)
    formats = _several(CHECK_FORMATS, repo, "c")
    result = invoke("check", repo / "new", "--index", repo / "idx", "--root", repo, *formats)
    assert result.exit_code == 1, result.output  # the conflict fails it
    return repo


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_one_report_run_writes_each_format_as_a_single_format_run_would(saved_report, fmt):
    alone = invoke("report", "--index", saved_report / "idx", "-f", fmt, "-q")
    assert alone.exit_code == 0
    assert (saved_report / f"r.{fmt}").read_text(encoding="utf-8") == alone.stdout


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_a_saved_report_renders_byte_identical(saved_report, fmt):
    out = saved_report / f"again.{fmt}"
    result = invoke("render", saved_report / "r.json", "-f", fmt, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (saved_report / f"r.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_a_saved_check_renders_byte_identical_in_every_format(saved_check, fmt):
    result = invoke("render", saved_check / "c.json", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == (saved_check / f"c.{fmt}").read_text(encoding="utf-8")


def test_a_saved_check_also_renders_as_a_report(saved_check):
    check = load_saved(saved_check / "c.json")
    result = invoke("render", saved_check / "c.json", "-f", "md")
    assert result.exit_code == 0
    assert "# " in result.stdout and check.failing[0].a.text[:40] in result.stdout


def test_render_defaults_to_what_the_saving_command_defaults_to(saved_report, saved_check):
    assert invoke("render", saved_report / "r.json").stdout == (saved_report / "r.md").read_text()
    text = invoke("render", saved_check / "c.json").stdout
    assert text == (saved_check / "c.text").read_text()


def test_one_format_can_go_to_standard_output_beside_files(saved_report, tmp_path):
    out = tmp_path / "r.html"
    result = invoke(
        "render", saved_report / "r.json", "-f", "md", "-o", "-", "-f", "html", "-o", out
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (saved_report / "r.md").read_text(encoding="utf-8")
    assert out.read_bytes() == (saved_report / "r.html").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "sarif"), "needs a check result"),
        (("-f", "yaml"), "unknown format 'yaml'"),
        (("-f", "md", "-f", "html"), "2 --format and 0 --out"),
        (("-f", "md", "-o", "-", "-f", "csv", "-o", "-"), "only one --format"),
    ],
)
def test_render_refuses_what_it_cannot_write_in_one_line(saved_report, tmp_path, args, message):
    result = invoke("render", saved_report / "r.json", *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not JSON"), ('{"a": 1}', "not a saved report"), ('{"pairs": 3}', "at index")],
)
def test_a_file_that_is_no_saved_report_is_named(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = invoke("render", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}: ") and message in result.stderr


def test_a_format_that_fails_writes_nothing(saved_report, tmp_path):
    out = tmp_path / "r.md"
    result = invoke(
        "render",
        saved_report / "r.json",
        "-f",
        "md",
        "-o",
        out,
        "-f",
        "sarif",
        "-o",
        tmp_path / "x",
    )
    assert result.exit_code == 2
    assert not out.exists()


def test_the_library_render_takes_a_path_or_the_saved_model(saved_report):
    from checker import render

    markdown = (saved_report / "r.md").read_text(encoding="utf-8")
    assert render(saved_report / "r.json", "md") == markdown
    assert render(load_saved(saved_report / "r.json"), "md") == markdown
