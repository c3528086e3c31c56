"""`index` (checker/indexing.py) on input that once exhausted time and memory: one article of
a single 2 MB line is cut to size with a warning, and the rest of the corpus is indexed."""

from __future__ import annotations

import shutil
import time

from fakes import FakeEmbedder

from checker.indexing import index
from checker.ingest.article import MAX_ARTICLE_CHARS
from checker.store import load_index
from checker.text.sentences import MAX_SENTENCE_CHARS

RUN_ON = "air strikes killed 12 civilians in eastern Aleppo on Monday and rescuers searched "
TWO_MB = 2_000_000
WITHIN_S = 30.0  # ~5 s on a loaded 2-core machine; before the cap: minutes and gigabytes


def test_a_2_mb_single_line_article_is_capped_with_a_warning(seeds_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "dump").mkdir()
    dump = corpus / "dump" / "one-line.txt"
    dump.write_text("Aleppo dump\n\n" + RUN_ON * (TWO_MB // len(RUN_ON)) + "\n")
    started = time.monotonic()
    summary = index([corpus], index_path=tmp_path / "idx", embedder=FakeEmbedder())
    assert time.monotonic() - started < WITHIN_S
    (warning,) = [warning for warning in summary.warnings if "one-line.txt" in warning]
    assert warning.startswith(f"{dump}: text is 1,999,9") and warning.endswith(
        f"are indexed (at most {MAX_ARTICLE_CHARS:,}); split it into articles to index the rest"
    )
    stored = load_index(tmp_path / "idx")
    by_article = {article.id: article for article in stored.articles}
    assert len(by_article) == 6  # the five seeds and the capped dump
    assert max(len(claim.sentence.text) for claim in stored.claims) <= MAX_SENTENCE_CHARS
    dumped = [claim for claim in stored.claims if claim.sentence.doc_id.endswith("one-line")]
    assert len(dumped) >= MAX_ARTICLE_CHARS // MAX_SENTENCE_CHARS
    assert len({claim.sentence.doc_id for claim in stored.claims}) == 6
