"""Paraphrase judge: how likely two sentences make the same claim in other words.

Cosine similarity between pooled sentence vectors misses what makes two close sentences
different claims: one adds a clause, a name or a figure the other leaves out ("was found
strangled" vs "who was pregnant, was found strangled"). A small cross-encoder reads the two
sentences together instead (see paraphrase_model.py). It ships with checker, trained on MRPC
train; `--paraphrase-model PATH` takes another adapter trained by
scripts/train_paraphrase.py, and `--paraphrase-model none` falls back to cosine plus shared
wording. The judge reads each pair in one canonical order, so judge(a, b) == judge(b, a).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import checker.lexicon as lx
from checker.errors import UsageError

DEFAULT_ADAPTER = Path(__file__).resolve().parents[1] / "data" / "paraphrase_adapter.safetensors"
# Probability at and above which a pair without a shared quantity is a `duplicate`.
PARAPHRASE_PROBABILITY = 0.5
# Closeness of wording: cosine similarity (all-MiniLM-L6-v2) plus LEXICAL_WEIGHT x the
# Jaccard overlap of content words. Without the judge (--paraphrase-model none) a pair at
# PARAPHRASE_CLOSENESS or above is a paraphrase (chosen on MRPC train: cosine alone peaks
# at F1 0.825, the blend adds the shared wording of wire copy). The judge only rules on
# pairs at JUDGE_MIN_CLOSENESS or above: MRPC, its training data, holds close rewordings
# (97% of its paraphrases reach 0.72), and below that range it calls loosely related
# sentences on one topic paraphrases. Skipping the rest also keeps reports fast.
LEXICAL_WEIGHT = 0.4
PARAPHRASE_CLOSENESS = 0.83
JUDGE_MIN_CLOSENESS = 0.72
BATCH = 64
NO_MODEL = "none"
SHIPPED = "shipped"


class ParaphraseJudge:
    """The shipped (or a user's) paraphrase adapter on the offline MiniLM base."""

    def __init__(self, adapter: Path = DEFAULT_ADAPTER) -> None:
        import torch
        from transformers import AutoTokenizer

        from checker.nlp.embed import DEFAULT_MODEL, resolve_model_path
        from checker.nlp.paraphrase_model import ParaphraseCrossEncoder, load_adapter

        try:
            state, metadata = load_adapter(adapter)
        except FileNotFoundError as error:
            raise UsageError(f"{adapter}: paraphrase adapter not found") from error
        except Exception as error:  # safetensors raises its own error types for foreign files
            raise UsageError(f"{adapter}: not a paraphrase adapter ({error})") from error
        if metadata.get("base_model") != DEFAULT_MODEL:
            raise UsageError(
                f"{adapter}: adapter was trained on base model {metadata.get('base_model')!r}, "
                f"not {DEFAULT_MODEL!r}"
            )
        base_path = resolve_model_path(DEFAULT_MODEL)
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(base_path)
        self._model = ParaphraseCrossEncoder(
            base_path, rank=int(metadata.get("rank", 8)), alpha=float(metadata.get("alpha", 16))
        )
        try:
            self._model.load_adapter_state(state)
        except ValueError as error:
            raise UsageError(f"{adapter}: {error}") from error
        self._model.eval()
        self.metadata = metadata

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """P(paraphrase) per pair, in input order, rounded to 4 places (deterministic).
        Each pair is read in one canonical order (sorted texts), so swapping a and b
        changes nothing; the adapter was trained on both orders. Batches group pairs of
        similar length, so little time goes on padding."""
        from checker.nlp.paraphrase_model import MAX_TOKENS

        ordered = [tuple(sorted(pair)) for pair in pairs]
        by_length = sorted(
            range(len(ordered)), key=lambda i: (len(ordered[i][0]) + len(ordered[i][1]), i)
        )
        results: list[float] = [0.0] * len(ordered)
        with self._torch.no_grad():
            for start in range(0, len(by_length), BATCH):
                rows = by_length[start : start + BATCH]
                encoded = self._tokenizer(
                    [ordered[i][0] for i in rows],
                    [ordered[i][1] for i in rows],
                    padding=True,
                    truncation=True,
                    max_length=MAX_TOKENS,
                    return_tensors="pt",
                )
                probabilities = self._torch.sigmoid(self._model(dict(encoded)))
                for i, probability in zip(rows, probabilities, strict=True):
                    results[i] = round(float(probability), 4)
        return results


def resolve_adapter(choice: str | None) -> Path | None:
    """ "shipped" (or None) means the bundled adapter, "none" no judge, anything else a path."""
    if choice is None or choice == SHIPPED:
        return DEFAULT_ADAPTER
    if choice.lower() == NO_MODEL:
        return None
    return Path(choice)


@lru_cache(maxsize=2)
def get_paraphrase_judge(adapter: Path = DEFAULT_ADAPTER) -> ParaphraseJudge:
    """The judge for `adapter`, loaded once per process."""
    return ParaphraseJudge(adapter)


def closeness(similarity: float, overlap: float) -> float:
    """Cosine similarity plus LEXICAL_WEIGHT x shared content words (see above)."""
    return similarity + LEXICAL_WEIGHT * overlap


def judge_pairs(
    adapter: Path | None, pairs: Sequence[tuple[str, str, float]]
) -> list[float | None]:
    """P(paraphrase) for each (sentence, sentence, cosine similarity) close enough for the
    judge (JUDGE_MIN_CLOSENESS), None for the rest (and for all of them when `adapter` is
    None: verdicts fall back to wording)."""
    if adapter is None:
        return [None] * len(pairs)
    wanted = [
        i
        for i, (a, b, similarity) in enumerate(pairs)
        if closeness(similarity, word_overlap(a, b)) >= JUDGE_MIN_CLOSENESS
    ]
    probabilities: list[float | None] = [None] * len(pairs)
    if wanted:
        judge = get_paraphrase_judge(adapter)
        judged = judge.probabilities([(pairs[i][0], pairs[i][1]) for i in wanted])
        for i, probability in zip(wanted, judged, strict=True):
            probabilities[i] = probability
    return probabilities


def word_overlap(a_text: str, b_text: str) -> float:
    """Jaccard overlap of the two sentences' content words (lower-cased, stopwords out)."""
    a_words = set(re.findall(r"[a-z0-9]+", a_text.lower())) - lx.WORDING_STOPWORDS
    b_words = set(re.findall(r"[a-z0-9]+", b_text.lower())) - lx.WORDING_STOPWORDS
    return len(a_words & b_words) / len(a_words | b_words) if a_words | b_words else 0.0
