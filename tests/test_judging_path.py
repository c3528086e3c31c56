"""One judging path: `checker report` and `checker compare` give a sentence pair the same
kind, reason and evidence, checked on the hand-labelled annotated dev pairs."""

from __future__ import annotations

import json

import pytest

from checker.comparison import ComparePairInput, compare
from checker.indexing import index
from checker.ingest import article_checksum, parse_date
from checker.models import Article, PairingOptions
from checker.reporting import report

# The report finds only some labelled dev pairs (candidate generation decides which); this many
# at least must be among the pairs compared for the test to say anything.
MIN_PAIRS_COMPARED = 15


def _article(record: dict, side: str, folder) -> Article:
    part = record[side]
    doc_id = f"{record['id']}-{side}"
    date = parse_date(part["date"])
    text = part["sentence"]
    (folder / f"{doc_id}.jsonl").write_text(
        json.dumps({"id": doc_id, "outlet": part["outlet"], "date": str(date), "text": text})
        + "\n",
        encoding="utf-8",
    )
    return Article(
        id=doc_id,
        outlet=part["outlet"],
        date=date,
        text=text,
        source=doc_id,
        checksum=article_checksum(doc_id, part["outlet"], date, "", "", text),
    )


@pytest.fixture(scope="module")
def dev_records(shared_data) -> list[dict]:
    path = shared_data / "annotated" / "dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_compare_gives_every_reported_pair_the_report_s_kind_reason_and_evidence(
    dev_records, tmp_path
):
    """Index the dev sentences (one article each), report, then hand every reported pair to
    compare with the report's own sides and dates: the verdicts must be the report's."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for record in dev_records:
        for side in ("a", "b"):
            _article(record, side, corpus)
    index([corpus], index_path=tmp_path / "idx", allow_single_outlet=True)
    reported = report(
        tmp_path / "idx",
        options=PairingOptions(include_same_outlet=True, min_similarity=0.0, neighbours=40),
    ).pairs
    given = [
        ComparePairInput(id=str(n), a=p.a.text, b=p.b.text, a_date=p.a.date, b_date=p.b.date)
        for n, p in enumerate(reported)
    ]
    verdicts = compare(given)
    for pair, verdict in zip(reported, verdicts, strict=True):
        assert (verdict.kind, verdict.reason) == (pair.kind, pair.reason), pair.fingerprint
        assert verdict.similarity == pytest.approx(pair.similarity, abs=2e-4), pair.fingerprint
        assert verdict.score == pytest.approx(pair.score, abs=1e-3), pair.fingerprint
    same_record = [
        pair
        for pair in reported
        if pair.a.doc_id.rsplit("-", 1)[0] == pair.b.doc_id.rsplit("-", 1)[0]
    ]
    assert len(same_record) >= MIN_PAIRS_COMPARED, f"only {len(same_record)} dev pairs reported"
