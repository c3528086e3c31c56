"""Optional natural-language-inference evidence for non-numeric contradictions.

No NLI model ships offline, so checker's own analysis (negation, denial, opposite
perpetrators) stands alone by default. Users with a local or downloadable
sentence-transformers CrossEncoder trained on NLI (e.g. cross-encoder/nli-deberta-v3-small)
pass it with `--nli-model`; its contradiction probability then adds evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from checker.errors import UsageError

# Probability of the "contradiction" label above which the model's call is trusted.
NLI_CONTRADICTION_PROBABILITY = 0.5


class NliJudge:
    """A CrossEncoder NLI model: contradiction probability for sentence pairs."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._model = _load_cross_encoder(name)
        labels = {
            index: label.lower() for index, label in self._model.model.config.id2label.items()
        }
        matches = [index for index, label in labels.items() if label.startswith("contradict")]
        if not matches:
            raise UsageError(
                f"--nli-model {name}: the model has no 'contradiction' label (labels: "
                f"{', '.join(labels.values())}); use an NLI cross-encoder"
            )
        self._contradiction = matches[0]

    def contradiction_probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        probabilities = np.asarray(
            self._model.predict(
                list(pairs), apply_softmax=True, convert_to_numpy=True, show_progress_bar=False
            )
        )
        if probabilities.ndim == 1:
            probabilities = probabilities[None, :]
        return [round(float(p), 4) for p in probabilities[:, self._contradiction]]


@lru_cache(maxsize=2)
def _load_cross_encoder(name: str) -> Any:
    from sentence_transformers import CrossEncoder

    try:
        return CrossEncoder(name, device="cpu")
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot load --nli-model {name!r}: {error}") from error


@lru_cache(maxsize=2)
def get_nli_judge(name: str) -> NliJudge:
    return NliJudge(name)
