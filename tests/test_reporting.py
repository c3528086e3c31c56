"""End to end on the bundled default corpus (fixtures/: the seed pages and a FA-KES sample):
index, pair, classify, report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.default_corpus import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_OPTIONS
from checker.indexing import index
from checker.rendering import render_report
from checker.reporting import report

GOLDEN = Path(__file__).parent / "golden" / "default_report.json"
BOILERPLATE = (
    "Leave a Reply",
    "Related Articles",
    "More news",
    "Privacy Policy",
    "Subscribe",
    "READ MORE",
    "Comment",
    "Advertisement",
    "Back to top",
    "Story Code",
    "Community standards",
)


@pytest.fixture(scope="module")
def default_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("index") / "default"
    index([DEFAULT_CORPUS], index_path=folder)
    return folder


@pytest.fixture(scope="module")
def default_report(default_index):
    return report(index_path=default_index, options=DEFAULT_OPTIONS)


def _find(result, a_fragment: str, b_fragment: str):
    for pair in result.pairs:
        texts = (
            pair.a.text.replace("\u00a0", " "),
            pair.b.text.replace("\u00a0", " "),
        )  # seeds keep no-break spaces
        if any(a_fragment in t for t in texts) and any(b_fragment in t for t in texts):
            return pair
    raise AssertionError(f"no pair with {a_fragment!r} and {b_fragment!r}")


def test_abducted_children_44_vs_at_least_20_is_divergent(default_report):
    pair = _find(default_report, "kidnapped 44 children", "abducted at least 20 children")
    assert pair.kind == "divergent"
    assert "2.2×" in pair.reason
    assert {q.value for q in pair.compared} == {44, 20}


def test_stockpile_sentences_of_seed_000_and_004_are_duplicates(default_report):
    pair = _find(
        default_report,
        "Syria surrendered its stockpile of chemical weapons in 2014",
        "This is while Syria surrendered",
    )
    assert pair.kind == "duplicate"
    assert {pair.a.outlet, pair.b.outlet} == {"seed-000", "ava"}


def _source_file(source: str) -> Path:
    """The file of a side's source ('fakes-sample.csv:row 3' names a row of a CSV file)."""
    return Path(source.split(":row ")[0])


def test_every_side_carries_its_evidence(default_report):
    articles = {p.name for p in DEFAULT_CORPUS.rglob("*") if p.suffix in {".txt", ".csv"}}
    for pair in default_report.pairs:
        for side in (pair.a, pair.b):
            assert side.outlet and side.doc_id and side.end > side.start
            assert _source_file(side.source).name in articles
            assert side.line is not None and side.line >= 1
        assert pair.reason and 0 <= pair.score <= 1


def test_offsets_point_into_the_article_file(default_report):
    for pair in default_report.pairs:
        for side in (pair.a, pair.b):
            lines = _source_file(side.source).read_text(encoding="utf-8").splitlines()
            line = lines[side.line - 1].replace('""', '"')  # a CSV field doubles its quotes
            assert side.text.split("\n")[0][:40] in line
            if side.source.endswith(".txt"):  # the column slices the sentence out of its line
                assert side.column is not None
                column = side.column - 1
                assert lines[side.line - 1][column : column + len(side.text)] == side.text
            else:  # a CSV row's field: no column in the file is claimed
                assert side.column is None


def test_no_claim_comes_from_boilerplate(default_index):
    from checker.store import load_index

    for claim in load_index(default_index).claims:
        assert not any(phrase.lower() in claim.sentence.text.lower() for phrase in BOILERPLATE), (
            claim.sentence.text
        )


def test_report_is_deterministic_and_matches_the_reviewed_snapshot(default_index, default_report):
    again = report(index_path=default_index, options=DEFAULT_OPTIONS)
    first_json = render_report(default_report, "json")
    assert first_json == render_report(again, "json")
    snapshot = json.loads(first_json)
    snapshot["index"] = "indexes/default"
    for pair in snapshot["pairs"]:  # machine-independent: keep only the file names
        for side in (pair["a"], pair["b"]):
            side["source"] = Path(side["source"]).name  # 'fakes-sample.csv:row 3' stays whole
    text = json.dumps(snapshot, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "report changed: review and rerun with UPDATE_GOLDEN=1"
    )


def test_the_default_index_is_rebuilt_when_it_holds_articles_the_corpus_lacks(
    tmp_path, monkeypatch
):
    """An index another version laid out differently (old ids) is rebuilt, not merged into."""
    monkeypatch.chdir(tmp_path)
    stale = tmp_path / "old" / "stale.txt"
    stale.parent.mkdir()
    stale.write_text(
        "---\noutlet: gone\ndate: 2016-06-12\n---\nAir strikes killed 12 people in Idlib.\n",
        encoding="utf-8",
    )
    index([DEFAULT_CORPUS, stale], index_path=DEFAULT_INDEX)
    (DEFAULT_INDEX / "baseline.json").write_text("{}", encoding="utf-8")
    result = report()
    # five seed pages and eight FA-KES rows, no stale article
    assert result.summary.articles == 13 and "gone" not in {p.a.outlet for p in result.pairs}
    assert (DEFAULT_INDEX / "baseline.json").read_text(encoding="utf-8") == "{}"
