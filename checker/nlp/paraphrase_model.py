"""The paraphrase cross-encoder behind `checker.nlp.paraphrase`.

all-MiniLM-L6-v2's transformer reads both sentences at once ([CLS] a [SEP] b [SEP]), so
it can see what one sentence says that the other leaves out, which a cosine between two
separately pooled vectors cannot. The base weights stay frozen and come from the offline
package; only low-rank adapters (LoRA) on every linear layer and a one-logit head are
trained (scripts/train_paraphrase.py) and shipped, about 1.3 MB.

Imports torch, so only `checker.nlp.paraphrase` loads this module, and only when it is used.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import torch
from safetensors.torch import save_file
from torch import nn

# The linear layers of each transformer block that get adapters.
ADAPTED_LAYERS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
MAX_TOKENS = 128  # a sentence pair longer than this is cut (MRPC pairs average ~55)


class LowRankAdapted(nn.Module):
    """A frozen linear layer plus a trainable low-rank update (up @ down) scaled by alpha/rank."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        self.down = nn.Parameter(torch.randn(rank, base.in_features) * 0.01)
        self.up = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, hidden: torch.Tensor) -> torch.Tensor:
        return self.base(hidden) + (hidden @ self.down.T @ self.up.T) * self.scale


class ParaphraseCrossEncoder(nn.Module):
    """Frozen MiniLM with adapters; mean-pooled pair encoding to one paraphrase logit."""

    def __init__(self, base_path: str, rank: int = 8, alpha: float = 16.0) -> None:
        super().__init__()
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self.rank, self.alpha = rank, alpha
        self.encoder = AutoModel.from_pretrained(base_path)
        for parameter in self.encoder.parameters():
            parameter.requires_grad = False
        for block in self.encoder.encoder.layer:
            for name in ADAPTED_LAYERS:
                parent_name, _, leaf = name.rpartition(".")
                parent = block.get_submodule(parent_name)
                setattr(parent, leaf, LowRankAdapted(getattr(parent, leaf), rank, alpha))
        self.head = nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled).squeeze(-1)

    def adapter_state(self) -> dict[str, torch.Tensor]:
        """The trained tensors only (adapters and head), by parameter name."""
        return {
            name: parameter.detach().clone().contiguous()
            for name, parameter in self.named_parameters()
            if parameter.requires_grad
        }

    def load_adapter_state(self, state: dict[str, torch.Tensor]) -> None:
        expected = set(self.adapter_state())
        if set(state) != expected:
            missing = sorted(expected - set(state))[:1] or sorted(set(state) - expected)[:1]
            raise ValueError(f"adapter tensors do not fit the model (first mismatch: {missing[0]})")
        self.load_state_dict(state, strict=False)


def save_adapter(model: ParaphraseCrossEncoder, path: Path, metadata: dict[str, str]) -> None:
    """Write the adapter atomically (temporary file, then rename): never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {**metadata, "rank": str(model.rank), "alpha": str(model.alpha)}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(handle)
    try:
        save_file(model.adapter_state(), temporary, metadata=metadata)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the adapter is shipped data
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def load_adapter(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """The adapter's tensors and metadata (rank, alpha, base model, training data)."""
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as handle:
        return (
            {name: handle.get_tensor(name) for name in handle.keys()},  # noqa: SIM118
            dict(handle.metadata() or {}),
        )
