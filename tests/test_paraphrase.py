"""The paraphrase judge: the shipped adapter on real sentences, its symmetry, and bad adapters."""

from __future__ import annotations

import json

import pytest

from checker.comparison import ComparePairInput, compare
from checker.errors import UsageError
from checker.nlp.paraphrase import (
    DEFAULT_ADAPTER,
    ParaphraseJudge,
    get_paraphrase_judge,
    resolve_adapter,
)

# Wire copy and rewording of one claim (seed 000 and FA-KES 1923848193 / 1924058053).
SAME_CLAIM = (
    "Syria surrendered its stockpile of chemical weapons in 2014 under a deal brokered by "
    "Russia and the United States.",
    "In 2014, under a deal brokered by Russia and the US, Syria handed over its stockpile "
    "of chemical weapons.",
)
# The second adds what the first does not say: who was blamed and where the bus was going.
MORE_IN_ONE = (
    "A bus on the road was hit on Wednesday.",
    "Regime warplanes hit a bus carrying displaced families to Idlib on Wednesday, "
    "the opposition said, killing the driver and blaming Russian jets for the raid.",
)
UNRELATED = (
    "Syria surrendered its stockpile of chemical weapons in 2014 under a deal brokered by "
    "Russia and the United States.",
    "The football season opens in August with twenty teams in the league.",
)


@pytest.fixture(scope="module")
def judge() -> ParaphraseJudge:
    return get_paraphrase_judge(DEFAULT_ADAPTER)


def test_the_shipped_adapter_tells_a_reworded_claim_from_a_fuller_one(judge):
    same, more, unrelated = judge.probabilities([SAME_CLAIM, MORE_IN_ONE, UNRELATED])
    assert same >= 0.5
    assert more < 0.5
    assert unrelated < 0.1
    assert 0.0 <= min(same, more, unrelated) <= max(same, more, unrelated) <= 1.0


def test_the_judge_is_symmetric_and_deterministic(judge):
    forward = judge.probabilities([SAME_CLAIM, MORE_IN_ONE])
    backward = judge.probabilities([pair[::-1] for pair in (SAME_CLAIM, MORE_IN_ONE)])
    assert forward == backward == judge.probabilities([SAME_CLAIM, MORE_IN_ONE])


def test_the_shipped_adapter_records_what_it_was_trained_on(judge):
    assert judge.metadata["base_model"] == "all-MiniLM-L6-v2"
    assert judge.metadata["trained_on"].startswith("MRPC train")
    assert DEFAULT_ADAPTER.stat().st_size < 3_000_000  # adapters and head only, not a model


def test_compare_uses_the_judge_and_none_falls_back_to_shared_wording():
    pair = ComparePairInput(id="p", a=SAME_CLAIM[0], b=SAME_CLAIM[1])
    [judged] = compare([pair])
    [worded] = compare([pair], paraphrase_model="none")
    assert judged.kind == "duplicate"
    assert "paraphrase model p=" in judged.reason
    assert "paraphrase model" not in worded.reason


def test_resolve_adapter_names():
    assert resolve_adapter("shipped") == resolve_adapter(None) == DEFAULT_ADAPTER
    assert resolve_adapter("none") is None
    assert str(resolve_adapter("my/adapter.safetensors")) == "my/adapter.safetensors"


def test_a_missing_adapter_is_a_one_line_error_naming_the_file(tmp_path):
    missing = tmp_path / "nowhere.safetensors"
    with pytest.raises(UsageError, match="nowhere.safetensors: paraphrase adapter not found"):
        ParaphraseJudge(missing)


def test_a_foreign_file_is_refused(tmp_path):
    foreign = tmp_path / "notes.safetensors"
    foreign.write_text(json.dumps({"not": "an adapter"}), encoding="utf-8")
    with pytest.raises(UsageError, match="notes.safetensors: not a paraphrase adapter"):
        ParaphraseJudge(foreign)


def test_an_adapter_for_another_base_model_is_refused(tmp_path):
    from safetensors.torch import load_file, save_file

    other = tmp_path / "other-base.safetensors"
    save_file(load_file(str(DEFAULT_ADAPTER)), str(other), metadata={"base_model": "bert-base"})
    with pytest.raises(UsageError, match="trained on base model 'bert-base'"):
        ParaphraseJudge(other)


def test_an_adapter_of_another_shape_is_refused(tmp_path):
    from safetensors.torch import load_file, save_file

    tensors = load_file(str(DEFAULT_ADAPTER))
    tensors.pop(sorted(tensors)[0])
    broken = tmp_path / "broken.safetensors"
    save_file(tensors, str(broken), metadata={"base_model": "all-MiniLM-L6-v2", "rank": "8"})
    with pytest.raises(UsageError, match="broken.safetensors: adapter tensors do not fit"):
        ParaphraseJudge(broken)
