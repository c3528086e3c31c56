"""The bundled default corpus (fixtures/seeds) that `checker report` uses with no arguments."""

from __future__ import annotations

from pathlib import Path

from checker.errors import UsageError
from checker.models import PairingOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEFAULT_CORPUS = FIXTURES / "seeds"
DEFAULT_INDEX = Path("indexes") / "default"
# The seed pages quote rival sources inside one article (Muallem's "44 children" and the
# report of "at least 20 children" in seed 000), so same-article pairs are on for them.
DEFAULT_OPTIONS = PairingOptions(include_same_article=True)


def default_corpus() -> Path:
    """The folder of the bundled corpus; a clear error where the checkout lacks it."""
    if not DEFAULT_CORPUS.is_dir():
        raise UsageError(
            f"{DEFAULT_CORPUS}: bundled default corpus not found (installed without the repo's "
            f"fixtures/); pass --index and build one with `checker index`"
        )
    return DEFAULT_CORPUS
