"""Speed benchmark: index FA-KES vs a raw SentenceTransformer.encode of the same sentences.

Run: python bench/speed.py [--out bench/results/speed.json]
Measures, in one process and one run: (1) raw encode throughput of the sentences the
index holds, (2) a first full `index` of the FA-KES CSV into a fresh folder (model load,
ingest, sentence split, claims, encode, FAISS + SQLite write), (3) a re-index of the
unchanged corpus.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from results_io import emit

from checker.indexing import index
from checker.nlp.embed import DEFAULT_MODEL, ENCODE_BATCH, resolve_model_path
from checker.store import load_index

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    # Import torch/transformers once before either timing: both sides then pay only for
    # loading the model and their own work, not for the interpreter's first imports.
    import sentence_transformers  # noqa: F401

    workdir = Path(tempfile.mkdtemp(prefix="checker-speed-"))
    try:
        index_dir = workdir / "fakes"
        started = time.perf_counter()
        first = index([FAKES], index_path=index_dir)
        first_seconds = time.perf_counter() - started
        sentences = [claim.sentence.text for claim in load_index(index_dir).claims]

        from sentence_transformers import SentenceTransformer

        started = time.perf_counter()
        model = SentenceTransformer(resolve_model_path(DEFAULT_MODEL), device="cpu")
        model.encode(
            sentences, batch_size=ENCODE_BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        raw_seconds = time.perf_counter() - started

        started = time.perf_counter()
        again = index([FAKES], index_path=index_dir)
        again_seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results = {
        "articles": first.articles,
        "sentences": len(sentences),
        "raw_encode_seconds": round(raw_seconds, 2),
        "raw_encode_sentences_per_s": round(len(sentences) / raw_seconds, 1),
        "index_seconds": round(first_seconds, 2),
        "index_sentences_per_s": round(len(sentences) / first_seconds, 1),
        "index_vs_raw_throughput": round(raw_seconds / first_seconds, 3),
        "reindex_unchanged_seconds": round(again_seconds, 2),
        "reindex_encoded_sentences": again.encoded_sentences,
        "reindex_speedup": round(first_seconds / again_seconds, 1),
    }
    emit(results, args.out)


if __name__ == "__main__":
    main()
