"""A new index is analysed and written in bounded batches (checker/fresh_index.py): never more
than a batch of whole articles is analysed at once, the index written is the one the
in-memory path writes for the same corpus, and a failure part-way leaves the folder as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker.fresh_index as fresh_index
from checker.analysis import analyse_articles
from checker.errors import CheckerError
from checker.incidents import with_incidents
from checker.indexing import index
from checker.ingest import load_articles
from checker.nlp.embed import get_embedder
from checker.store import load_index, merge, save_index
from checker.text import split_sentences

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "fakes-sample" / "fakes-sample.csv"
BATCH = 25  # sentences a batch reaches before it is analysed (the shipped size is 2,000)


@pytest.fixture(scope="module")
def minilm():
    return get_embedder()


@pytest.fixture
def fakes_sample_csv():
    return SAMPLE


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of BATCH sentences, and the sizes of the batches analysed."""
    analysed: list[int] = []
    real = fresh_index.analyse_sentences

    def counting(articles, sentences, embedder, **options):
        analysed.append(len(sentences))
        return real(articles, sentences, embedder, **options)

    monkeypatch.setattr(fresh_index, "BATCH_SENTENCES", BATCH)
    monkeypatch.setattr(fresh_index, "analyse_sentences", counting)
    return analysed


def test_a_new_index_is_the_in_memory_index_built_a_batch_at_a_time(
    fakes_sample_csv, tmp_path, minilm, small_batches
):
    summary = index([fakes_sample_csv], index_path=tmp_path / "fresh", embedder=minilm)
    articles = load_articles([fakes_sample_csv]).articles
    longest = max(len(split_sentences(article)) for article in articles)
    assert len(small_batches) > 3 and max(small_batches) < BATCH + longest
    assert sum(small_batches) == summary.sentences == summary.encoded_sentences

    in_memory = with_incidents(merge(None, analyse_articles(articles, embedder=minilm)), None)
    save_index(tmp_path / "memory", in_memory)
    written, expected = load_index(tmp_path / "fresh"), load_index(tmp_path / "memory")
    assert [a.model_dump() for a in written.articles] == [a.model_dump() for a in expected.articles]
    assert [c.model_dump() for c in written.claims] == [c.model_dump() for c in expected.claims]
    assert written.vectors.shape == expected.vectors.shape
    assert abs(written.vectors - expected.vectors).max() < 1e-5  # batches pad differently
    assert written.incidents == expected.incidents and written.incidents


def test_a_failure_in_a_later_batch_leaves_the_index_as_it_was(
    fakes_sample_csv, tmp_path, minilm, small_batches, monkeypatch
):
    folder = tmp_path / "idx"
    index([fakes_sample_csv], index_path=folder, embedder=minilm)
    before = sorted(path.name for path in folder.iterdir())
    saved = load_index(folder)
    real = fresh_index.analyse_sentences

    def failing(articles, sentences, embedder, **options):
        if len(small_batches) >= 2:
            raise CheckerError("the disk went away")
        return real(articles, sentences, embedder, **options)

    small_batches.clear()
    monkeypatch.setattr(fresh_index, "analyse_sentences", failing)
    with pytest.raises(CheckerError, match="the disk went away"):
        index([fakes_sample_csv], index_path=folder, embedder=minilm, rebuild=True)
    assert sorted(path.name for path in folder.iterdir()) == before
    again = load_index(folder)
    assert [c.model_dump() for c in again.claims] == [c.model_dump() for c in saved.claims]
