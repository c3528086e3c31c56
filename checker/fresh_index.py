"""A fresh (or rebuilt) index, analysed in bounded batches and written as it goes.

`index` of a new folder, or with `--rebuild`, sends its articles here: they are analysed a
batch of whole articles at a time (BATCH_SENTENCES), and each batch's claims and vectors are
written straight into the staging generation (store/staging.py) and dropped, so memory holds
one batch of claims and vectors, not the corpus's (at a million sentences the claims alone are
~4 GB of Python objects and the vectors 1.5 GB). Incidents are then built from the rows on
disk (incidents/staged.py). Rows come out in the order `merge` gives them, by (article id,
sentence index), so the index is the one the in-memory path writes. An incremental `index`
and `check` keep the in-memory path: they hold the index they add to anyway.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.analysis import analyse_sentences
from checker.incidents.build import read_by_incidents
from checker.incidents.staged import staged_incidents
from checker.models import AnalysedSentence, Article, Sentence
from checker.nlp.embed import Embedder, get_embedder
from checker.progress import NO_PROGRESS, Progress
from checker.store import merge
from checker.store.generations import Staged, publish_generation
from checker.store.staging import GenerationWriter
from checker.text import split_sentences

# Sentences analysed and written at once: whole articles until at least this many. Big enough
# that the encoder's batches stay full and sorted by length, small enough that a batch's claims
# and vectors stay near 10 MB.
BATCH_SENTENCES = 2_000


def index_fresh(
    articles: Sequence[Article],
    *,
    index_dir: Path,
    model: str,
    embedder: Embedder | None = None,
    progress: Progress = NO_PROGRESS,
) -> Staged:
    """Analyse `articles` batch by batch into a new generation of `index_dir` and publish it
    (call inside `locked(index_dir)`): what it holds. Any failure, Ctrl-C included, leaves the
    index as it was. The embedder (`embedder`, else `model`) is loaded when a first sentence needs it."""
    encoder: list[Embedder] = [embedder] if embedder is not None else []

    def stage(staging: Path) -> Staged:
        writer = GenerationWriter(staging)
        try:
            writer.add_articles(articles)
            by_id = {article.id: article for article in articles}
            for_incidents = array("q")
            for batch, sentences in _batches(articles):
                if not writer.rows:  # the first batch: the model is needed from here on
                    if not encoder:
                        progress.stage(f"loading the embedding model {model}")
                        encoder.append(get_embedder(model))
                    progress.stage(
                        f"extracting claims and encoding the sentences of {len(articles):,} "
                        f"articles with {encoder[0].name}",
                        total=len(articles),
                    )
                analysed = merge(None, analyse_sentences(batch, sentences, encoder[0]))
                for row, claim in enumerate(analysed.claims, start=writer.rows):
                    sentence = AnalysedSentence(
                        row=row, claim=claim, article=by_id[claim.sentence.doc_id]
                    )
                    if read_by_incidents(sentence):
                        for_incidents.append(row)
                writer.add_rows(analysed.claims, analysed.vectors, analysed.dimension)
                progress.advance(len(batch))
            dimension = encoder[0].dimension if encoder else 0
            progress.stage(f"building incidents across {len(articles):,} articles")
            incidents = staged_incidents(writer.connection, for_incidents, by_id)
            progress.stage(f"writing the index to {index_dir}")
            files = writer.finish(dimension, incidents)
        except BaseException:
            writer.close()
            raise
        return Staged(
            model=encoder[0].name if encoder else model,
            dimension=dimension,
            articles=writer.articles,
            sentences=writer.rows,
            files=files,
        )

    return publish_generation(index_dir, stage)


def _batches(articles: Sequence[Article]) -> Iterator[tuple[list[Article], list[Sentence]]]:
    """Whole articles in id order (the order of the rows), about BATCH_SENTENCES sentences at
    a time, with their sentences; articles without a sentence add no rows."""
    batch: list[Article] = []
    sentences: list[Sentence] = []
    for article in sorted(articles, key=lambda article: article.id):
        split = split_sentences(article)
        if split:
            batch.append(article)
            sentences.extend(split)
        if len(sentences) >= BATCH_SENTENCES:
            yield batch, sentences
            batch, sentences = [], []
    if sentences:
        yield batch, sentences
