"""The CLI as a user runs it: commands, exit codes, one-line errors, output files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.default_corpus import DEFAULT_CORPUS

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def test_compare_writes_one_verdict_per_pair(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {
                "id": "p1",
                "a": "The strike killed 32 people on Monday.",
                "b": "The strike killed 20 people on Monday.",
                "a_date": "2016-06-06",
                "b_date": "2016-06-06",
            }
        )
        + "\n"
        + json.dumps(
            {"id": "p2", "a": "The cat sat on the mat.", "b": "Oil prices rose in Asian trading."}
        )
        + "\n"
    )
    result = invoke("compare", pairs, "--out", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [sorted(row) for row in rows] == [["id", "kind", "reason", "score", "similarity"]] * 2
    assert [(row["id"], row["kind"]) for row in rows] == [("p1", "conflict"), ("p2", "unrelated")]


def test_compare_malformed_line_is_a_one_line_error(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": "p1", "a": "x", "b": "y"}\n{"id": "p2", "a": \n')
    result = invoke("compare", pairs)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert f"{pairs}: line 2 is not a pair object" in result.stderr


def _bad_input(tmp_path: Path, kind: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if kind == "empty":
        (corpus / "a.txt").write_text("")
    elif kind == "binary":
        (corpus / "a.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    elif kind == "latin1":
        (corpus / "a.txt").write_bytes(
            "Caf\xe9 bombing killed 12 people in Homs on Monday.".encode("latin-1")
        )
    elif kind == "no-text-column":
        (corpus / "a.csv").write_text("id,outlet,date\n1,ahram,2016-06-03\n")
    return corpus / next(iter(sorted(p.name for p in corpus.iterdir())))


@pytest.mark.parametrize(
    ("kind", "message"),
    [("empty", "empty"), ("binary", "binary"), ("latin1", "UTF-8"), ("no-text-column", "text")],
)
def test_bad_input_is_one_line_naming_the_file_and_exit_2(tmp_path, kind, message):
    bad = _bad_input(tmp_path, kind)
    result = invoke(
        "index", bad, "--index", tmp_path / "idx", "--outlet", "x", "--allow-single-outlet"
    )
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert str(bad) in lines[0] and message.lower() in lines[0].lower()
    assert not (tmp_path / "idx" / "manifest.json").exists()


def test_malformed_jsonl_row_warns_and_indexes_the_rest(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "1",
                "outlet": "ahram",
                "text": "At least 20 people were killed in Idlib on Monday.",
            }
        )
        + "\n"
        + '{"id": "2", "outlet": \n'
        + json.dumps(
            {"id": "3", "outlet": "sana", "text": "Twenty people were killed in Idlib on Monday."}
        )
        + "\n"
    )
    result = invoke("index", corpus, "--index", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "2" in result.stderr
    assert "indexed 2 articles from 2 outlets" in result.stderr


def test_single_outlet_corpus_is_refused(tmp_path):
    corpus = tmp_path / "ahram"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "At least 20 people were killed in Idlib on Monday, a monitor said.\n"
    )
    (corpus / "two.txt").write_text(
        "Twenty people were killed in Idlib on Monday, the ministry said.\n"
    )
    result = invoke("index", corpus, "--index", tmp_path / "idx")
    assert result.exit_code == 2
    assert "one outlet" in result.stderr and str(corpus) in result.stderr


def test_index_built_with_another_model_is_refused(tmp_path):
    assert invoke("index", DEFAULT_CORPUS, "--index", tmp_path / "idx", "-q").exit_code == 0
    result = invoke(
        "index",
        DEFAULT_CORPUS,
        "--index",
        tmp_path / "idx",
        "--model",
        "sentence-transformers/paraphrase-MiniLM-L3-v2",
    )
    assert result.exit_code == 2
    assert "built with model 'all-MiniLM-L6-v2'" in result.stderr


def test_reindex_of_unchanged_corpus_encodes_nothing(tmp_path):
    invoke("index", DEFAULT_CORPUS, "--index", tmp_path / "idx", "-q")
    result = invoke("index", DEFAULT_CORPUS, "--index", tmp_path / "idx")
    assert result.exit_code == 0
    assert "(0 added, 0 changed, 13 unchanged)" in result.stderr and "0 encoded" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html"])
def test_report_writes_each_format(tmp_path, fmt):
    invoke("index", DEFAULT_CORPUS, "--index", tmp_path / "idx", "-q")
    out = tmp_path / f"report.{fmt}"
    result = invoke(
        "report",
        "--index",
        tmp_path / "idx",
        "--format",
        fmt,
        "--out",
        out,
        "--include-same-article",
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "abducted" in text


def test_installed_console_script_reports_on_the_default_corpus(tmp_path):
    checker = Path(sys.executable).with_name("checker")
    completed = subprocess.run(
        [str(checker), "report", "--format", "json", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    kinds = {pair["kind"] for pair in json.loads(completed.stdout)["pairs"]}
    assert {"divergent", "duplicate"} <= kinds
    assert (tmp_path / "indexes" / "default" / "manifest.json").exists()


def test_compare_reads_annotated_pairs_and_news_dates(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    record = {
        "id": 7,
        "a": {
            "sentence": "The strike killed 32 people on Monday.",
            "date": "6/6/2016",
            "outlet": "x",
        },
        "b": {
            "sentence": "The strike killed 20 people on Monday.",
            "date": "6/6/2016",
            "outlet": "y",
        },
        "label": "conflict",
    }
    pairs.write_text(json.dumps(record) + "\n")
    result = invoke("compare", pairs)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "7"
    assert json.loads(result.stdout)["kind"] == "conflict"


def test_compare_unreadable_date_names_line_and_field(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "p1", "a": "x", "b": "y", "a_date": "someday"}) + "\n")
    result = invoke("compare", pairs)
    assert result.exit_code == 2
    assert (
        f"{pairs}: line 1 is not a pair object (a_date: Value error, unreadable date 'someday'"
        in result.stderr
    )


def test_compare_paraphrase_model_flag_picks_the_judge_or_none(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {
                "id": "p1",
                "a": "Syria surrendered its stockpile of chemical weapons in 2014 under a deal "
                "brokered by Russia and the United States.",
                "b": "In 2014, under a deal brokered by Russia and the US, Syria handed over its "
                "stockpile of chemical weapons.",
            }
        )
        + "\n"
    )
    judged = json.loads(invoke("compare", pairs).stdout)
    worded = json.loads(invoke("compare", pairs, "--paraphrase-model", "none").stdout)
    assert judged["kind"] == "duplicate" and "paraphrase model" in judged["reason"]
    assert "paraphrase model" not in worded["reason"]
    missing = invoke("compare", pairs, "--paraphrase-model", str(tmp_path / "gone.safetensors"))
    assert missing.exit_code == 2
    assert "gone.safetensors: paraphrase adapter not found" in missing.stderr
