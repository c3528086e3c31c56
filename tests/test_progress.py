"""Stages on stderr (checker.progress, checker.cli.progress): a live line on a terminal, a
heartbeat in CI logs, nothing with --quiet; the commands name their stages."""

from __future__ import annotations

import io
import re
import time

from review_corpus import fresh_index
from typer.testing import CliRunner

from checker.cli import app
from checker.cli.progress import StageReporter

runner = CliRunner()


def test_a_log_gets_a_line_per_stage_and_a_heartbeat_while_it_runs():
    log = io.StringIO()
    reporter = StageReporter(log, interactive=False, heartbeat_s=0.05)
    reporter.stage("encoding 10 sentences", total=10)
    time.sleep(0.2)
    reporter.advance(4)
    time.sleep(0.2)
    reporter.note("done")
    reporter.close()
    written = log.getvalue()
    time.sleep(0.15)
    assert log.getvalue() == written  # closed: the heartbeat stopped
    lines = written.splitlines()
    assert re.fullmatch(r"\[\s+\d+\.\ds\] encoding 10 sentences …", lines[0])
    beats = [line for line in lines if line.endswith(" …")]
    assert len(beats) >= 2 and any(": 4/10 …" in line for line in beats)
    assert lines[-1] == "done" and "\r" not in written


def test_a_terminal_gets_one_live_line_per_stage():
    screen = io.StringIO()
    reporter = StageReporter(screen, interactive=True, heartbeat_s=0.05)
    reporter.stage("judging 3 candidate pairs", total=3)
    reporter.advance(3)
    reporter.stage("writing")
    reporter.close()
    shown = screen.getvalue()
    assert "\r\x1b[K" in shown and "judging 3 candidate pairs: 0/3" in shown
    assert " …" not in shown  # no heartbeat on a terminal
    assert shown.endswith("\n")


def test_a_quick_log_gets_nothing_but_the_one_line_error():
    log = io.StringIO()
    reporter = StageReporter(log, interactive=False, heartbeat_s=5)
    reporter.stage("reading articles from 1 path")
    reporter.close()
    assert log.getvalue() == ""


def test_report_names_its_stages_and_quiet_silences_them(tmp_path_factory, tmp_path, monkeypatch):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    monkeypatch.setenv("CHECKER_HEARTBEAT_S", "0.01")  # CliRunner's stderr is no terminal: beats
    loud = runner.invoke(app, ["report", "-i", str(index_path), "-f", "json"])
    assert loud.exit_code == 0, loud.output
    assert "judging 8 candidate pairs …" in loud.stderr
    quiet = runner.invoke(app, ["report", "-i", str(index_path), "-f", "json", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_index_names_loading_the_model_and_encoding(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_HEARTBEAT_S", "0.001")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for outlet, figure in (("alpha", 32), ("beta", 20)):
        (corpus / f"{outlet}.txt").write_text(
            f"---\noutlet: {outlet}\ndate: 2018-09-03\n---\n"
            f"An air strike killed {figure} people at a market in Idlib on Monday.\n",
            encoding="utf-8",
        )
    result = runner.invoke(app, ["index", str(corpus), "-i", str(tmp_path / "idx")])
    assert result.exit_code == 0, result.output
    assert "encoding the sentences of 2 articles" in result.stderr  # counted as batches go
