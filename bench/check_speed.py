"""CI check speed: `checker check` of new articles against the FA-KES index, as a subprocess.

Run: python bench/check_speed.py [--index DIR] [--out bench/results/check_speed.json]
For one article and for a batch of 20 (FA-KES rows written out as .txt files with their
own ids, so each replaces its indexed version, as a changed article does), in one run:
(1) the whole `checker check` command as a subprocess, interpreter start and model load
included; (2) a subprocess that only loads the same model and encodes the same sentences.
The FA-KES index is built once into --index when absent (about 70 s).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_io import emit

from checker.indexing import index
from checker.ingest import load_articles
from checker.models import Article
from checker.nlp.embed import DEFAULT_MODEL, resolve_model_path
from checker.store import index_exists
from checker.text.sentences import split_sentences

FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
CHECKER = Path(sys.executable).with_name("checker")
BATCH = 20
# Spread the sample over the corpus (rows are grouped by event).
STRIDE = 37

ENCODE_ONLY = """
import json, sys
from sentence_transformers import SentenceTransformer
sentences = json.load(open(sys.argv[2], encoding="utf-8"))
model = SentenceTransformer(sys.argv[1], device="cpu")
model.encode(sentences, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
"""


def write_articles(articles: list[Article], folder: Path) -> list[Path]:
    paths = []
    for number, article in enumerate(articles):
        path = folder / article.outlet.replace("/", "_") / f"new-{number:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\nid: {article.id}\noutlet: {article.outlet}\n"
            f"date: {article.date or ''}\ntitle: {article.title}\n---\n{article.text}",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def timed(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed: {completed.stderr.strip()}")
    return seconds, completed.returncode


def measure(articles: list[Article], index_dir: Path, workdir: Path) -> dict:
    folder = workdir / f"batch-{len(articles)}"
    paths = write_articles(articles, folder)
    sentences = [sentence.text for article in articles for sentence in split_sentences(article)]
    sentences_file = workdir / f"sentences-{len(articles)}.json"
    sentences_file.write_text(json.dumps(sentences), encoding="utf-8")
    check_seconds, exit_code = timed(
        [
            str(CHECKER),
            "check",
            *map(str, paths),
            "--index",
            str(index_dir),
            "-q",
            "--format",
            "json",
            "--out",
            str(workdir / f"report-{len(articles)}.json"),
        ]
    )
    encode_seconds, _ = timed(
        [sys.executable, "-c", ENCODE_ONLY, resolve_model_path(DEFAULT_MODEL), str(sentences_file)]
    )
    report = json.loads((workdir / f"report-{len(articles)}.json").read_text(encoding="utf-8"))
    return {
        "articles": len(articles),
        "sentences": len(sentences),
        "check_command_seconds": round(check_seconds, 2),
        "load_model_and_encode_seconds": round(encode_seconds, 2),
        "overhead_ratio": round(check_seconds / encode_seconds, 2),
        "exit_code": exit_code,
        "pairs": len(report["pairs"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, default=Path("indexes/fakes"))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not index_exists(args.index):
        index([FAKES], index_path=args.index, encoding="cp1252")
    corpus = load_articles([FAKES], encoding="cp1252").articles
    sample = corpus[::STRIDE][:BATCH]
    with tempfile.TemporaryDirectory(prefix="checker-check-speed-") as workdir:
        results = {
            "index": str(args.index),
            "index_articles": len(corpus),
            "one": measure(sample[:1], args.index, Path(workdir)),
            "batch": measure(sample, args.index, Path(workdir)),
        }
    emit(results, args.out, sort_keys=False)


if __name__ == "__main__":
    main()
