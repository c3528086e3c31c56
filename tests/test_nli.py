"""The optional NLI slot, exercised with a tiny cross-encoder the test builds itself (no downloads)."""

from __future__ import annotations

import pytest

from checker.comparison import ComparePairInput, compare
from checker.errors import UsageError
from checker.nlp.nli import NliJudge

DENIAL_PAIR = ComparePairInput(
    id="fk-like",
    a="The observatory said the convoy was hit by Russian jets near the town.",
    b="The convoy reached the town safely and was never attacked, the ministry said.",
    a_date="2016-07-19",
    b_date="2016-07-19",
)


def _tiny_cross_encoder(folder, labels: dict[int, str], favoured: int) -> str:
    """A 1-layer BERT classifier whose bias makes label `favoured` win for every input."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from tokenizers.processors import TemplateProcessing
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "convoy", "town", "was", "hit"]
    tokenizer = Tokenizer(
        models.WordLevel(vocab={w: i for i, w in enumerate(words)}, unk_token="[UNK]")
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )
    config = BertConfig(
        vocab_size=len(words),
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=16,
        max_position_embeddings=128,
        num_labels=len(labels),
        id2label=labels,
        label2id={label: index for index, label in labels.items()},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        bias = torch.zeros(len(labels))
        bias[favoured] = 4.0
        model.classifier.bias.copy_(bias)
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return str(folder)


NLI_LABELS = {0: "contradiction", 1: "entailment", 2: "neutral"}


def test_contradiction_probability_comes_from_the_model(tmp_path):
    judge = NliJudge(_tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, favoured=0))
    (probability,) = judge.contradiction_probabilities([(DENIAL_PAIR.a, DENIAL_PAIR.b)])
    assert probability == pytest.approx(0.965, abs=0.01)


def test_model_evidence_turns_a_pair_into_a_contradiction_with_its_reason(tmp_path):
    contradicting = _tiny_cross_encoder(tmp_path / "says-contradiction", NLI_LABELS, favoured=0)
    entailing = _tiny_cross_encoder(tmp_path / "says-entailment", NLI_LABELS, favoured=1)
    (with_contradiction,) = compare([DENIAL_PAIR], nli_model=contradicting)
    (with_entailment,) = compare([DENIAL_PAIR], nli_model=entailing)
    assert with_contradiction.kind == "contradiction"
    assert "NLI model" in with_contradiction.reason
    assert "NLI model" not in with_entailment.reason


def test_model_without_a_contradiction_label_is_refused(tmp_path):
    folder = _tiny_cross_encoder(tmp_path / "sentiment", {0: "negative", 1: "positive"}, favoured=0)
    with pytest.raises(UsageError, match="no 'contradiction' label"):
        NliJudge(folder)


def test_cli_compare_takes_the_nli_model(tmp_path):
    import json

    from typer.testing import CliRunner

    from checker.cli import app

    model = _tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, favoured=0)
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(DENIAL_PAIR.model_dump_json() + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(pairs), "--nli-model", model])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["kind"] == "contradiction" and "NLI model" in row["reason"]


def test_report_takes_the_nli_model_for_sentences_without_figures(tmp_path):
    from checker.indexing import index
    from checker.reporting import report

    corpus = tmp_path / "corpus"
    for outlet, text in (
        ("alpha", "The convoy was hit by Russian jets near the town of Urum al-Kubra on Monday."),
        (
            "beta",
            "The convoy was not hit by Russian jets near the town of Urum al-Kubra on Monday.",
        ),
    ):
        (corpus / outlet).mkdir(parents=True)
        (corpus / outlet / "a.txt").write_text(f"---\ndate: 2016-09-20\n---\n{text}\n")
    index([corpus], index_path=tmp_path / "idx")
    model = _tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, favoured=0)
    with_model = report(index_path=tmp_path / "idx", nli_model=model)
    assert [pair.kind for pair in with_model.pairs] == ["contradiction"]
    assert "NLI model" in with_model.pairs[0].reason
