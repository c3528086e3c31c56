"""Classify given sentence pairs without an index: the `checker compare` stage."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from checker.claims import extract_claims
from checker.errors import InputError
from checker.ingest import parse_date
from checker.judge.evidence import PairEvidence, gather_evidence
from checker.judge.verdicts import classify_pair
from checker.models import SHIPPED_PARAPHRASE_MODEL, CompareResult, Sentence
from checker.nlp.embed import DEFAULT_MODEL, Embedder, get_embedder


class ComparePairInput(BaseModel):
    """One line of `checker compare` input.

    Also accepts the annotated-pairs layout (`"a": {"sentence", "date", "outlet"}`), numeric
    ids, and dates as news metadata writes them (ISO, M/D/YYYY, "28 Jan 2020").
    """

    model_config = ConfigDict(extra="ignore")

    id: str
    a: str
    b: str
    a_date: dt.date | None = None
    b_date: dt.date | None = None
    a_outlet: str | None = None
    b_outlet: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten_sides(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for side in ("a", "b"):
            value = data.get(side)
            if isinstance(value, dict):
                data[side] = value.get("sentence", value.get("text"))
                data.setdefault(f"{side}_date", value.get("date"))
                data.setdefault(f"{side}_outlet", value.get("outlet"))
        if isinstance(data.get("id"), int | float):
            data["id"] = str(data["id"])
        return data

    @field_validator("a_date", "b_date", mode="before")
    @classmethod
    def _read_date(cls, value: object) -> object:
        if isinstance(value, str) and value.strip():
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError(f"unreadable date {value!r} (use YYYY-MM-DD)")
            return parsed
        return value or None


def read_compare_pairs(path: Path) -> list[ComparePairInput]:
    """Read JSONL lines {"id", "a", "b", optional a_date/b_date/a_outlet/b_outlet}."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise InputError(
            str(path), f"not valid UTF-8 ({error.reason} at byte {error.start})"
        ) from error
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror})") from error
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            pairs.append(ComparePairInput.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            problem = _first_problem(error)
            raise InputError(
                str(path), f"line {number} is not a pair object ({problem})"
            ) from error
    if not pairs:
        raise InputError(str(path), "no pairs (file is empty)")
    return pairs


def _first_problem(error: json.JSONDecodeError | ValidationError) -> str:
    """One readable line: the JSON error, or the first field and what is wrong with it."""
    if isinstance(error, json.JSONDecodeError):
        return error.msg
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "line"
    return f"{field}: {first['msg']}"


def compare(
    pairs: Sequence[ComparePairInput],
    *,
    model: str = DEFAULT_MODEL,
    embedder: Embedder | None = None,
    nli_model: str | None = None,
    paraphrase_model: str = SHIPPED_PARAPHRASE_MODEL,
) -> list[CompareResult]:
    """One verdict per pair, in input order; unrelated pairs get kind `unrelated`.

    The pairs go through the same evidence step and verdicts as a report's candidates
    (judge/evidence.py), so a pair gets the same kind here as in `checker report`.
    `paraphrase_model`: "shipped" for the bundled paraphrase judge, "none" for none, else
    the path of an adapter trained by scripts/train_paraphrase.py."""
    embedder = embedder or get_embedder(model)
    a_vectors = embedder.encode([pair.a for pair in pairs])
    b_vectors = embedder.encode([pair.b for pair in pairs])
    similarities = np.einsum("ij,ij->i", a_vectors, b_vectors) if len(pairs) else np.zeros(0)
    a_claims = extract_claims(
        [_as_sentence(pair.id, "a", pair.a) for pair in pairs],
        published={f"{pair.id}/a": pair.a_date for pair in pairs},
    )
    b_claims = extract_claims(
        [_as_sentence(pair.id, "b", pair.b) for pair in pairs],
        published={f"{pair.id}/b": pair.b_date for pair in pairs},
    )
    facts = [
        PairEvidence(similarity=float(similarity), a_date=pair.a_date, b_date=pair.b_date)
        for pair, similarity in zip(pairs, similarities, strict=True)
    ]
    evidence = gather_evidence(
        list(zip(a_claims, b_claims, facts, strict=True)),
        paraphrase_model=paraphrase_model,
        nli_model=nli_model,
    )
    results = []
    for pair, a_claim, b_claim, pair_evidence in zip(
        pairs, a_claims, b_claims, evidence, strict=True
    ):
        verdict = classify_pair(a_claim, b_claim, pair_evidence)
        results.append(
            CompareResult(
                id=pair.id,
                kind=verdict.kind,
                similarity=pair_evidence.similarity,  # already to 4 places
                score=verdict.score,
                reason=verdict.reason,
            )
        )
    return results


def _as_sentence(pair_id: str, side: str, text: str) -> Sentence:
    return Sentence(doc_id=f"{pair_id}/{side}", index=0, start=0, end=len(text), text=text)
