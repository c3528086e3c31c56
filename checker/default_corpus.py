"""The bundled default corpus that `checker report` uses with no arguments.

It ships inside the package (checker/data/corpus; in a checkout a link to the repository's
fixtures/): the five seed pages (seeds/) and eight FA-KES articles about two incidents
(fakes-sample/), together showing every kind of finding.
"""

from __future__ import annotations

from pathlib import Path

from checker.errors import UsageError
from checker.models import PairingOptions
from checker.progress import NO_PROGRESS, Progress

DEFAULT_CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
SEED_CORPUS = DEFAULT_CORPUS / "seeds"
DEFAULT_INDEX = Path("indexes") / "default"
# The seed pages quote rival sources inside one article (Muallem's "44 children" and the
# report of "at least 20 children" in seed 000), so same-article pairs are on for them.
DEFAULT_OPTIONS = PairingOptions(include_same_article=True)


def default_corpus() -> Path:
    """The folder of the bundled corpus; a clear error where the installation lacks it."""
    if not SEED_CORPUS.is_dir():
        raise UsageError(
            f"{DEFAULT_CORPUS}: bundled default corpus not found (a broken installation); "
            "pass --index and build one with `checker index`"
        )
    return DEFAULT_CORPUS


def index_default_corpus(*, progress: Progress = NO_PROGRESS) -> Path:
    """Index the bundled corpus into `indexes/default` (incremental) and return that folder.

    The default index mirrors the bundled corpus: when it holds articles the corpus no longer
    has (another version of checker laid the corpus out differently), it is rebuilt."""
    from checker.indexing import index

    summary = index([default_corpus()], index_path=DEFAULT_INDEX, progress=progress, mirror=True)
    progress.note(f"default corpus: {summary.articles} articles indexed in {DEFAULT_INDEX}")
    return DEFAULT_INDEX
