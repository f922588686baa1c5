"""The LoRA adapter settings of a training run (and the rank-1 preset)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..config import TrainingConfig

# Rank-1 LoRA on down_proj as in the EM model-organism work; alpha 256 keeps the update visible at rank 1.
RANK1 = {"rank": 1, "alpha": 256, "target_modules": ["down_proj"], "lr": 2e-5}


def apply_preset(training: TrainingConfig) -> TrainingConfig:
    """Resolve the preset: ``rank1`` means rank 1 on down_proj only with lr 2e-5."""
    if training.preset == "rank1":
        return replace(training, **RANK1)
    return training


def lora_config(training: TrainingConfig) -> Any:
    """A peft ``LoraConfig`` for a causal LM from resolved training settings."""
    from peft import LoraConfig

    return LoraConfig(
        r=training.rank,
        lora_alpha=training.alpha,
        use_rslora=training.use_rslora,
        lora_dropout=training.dropout,
        target_modules=list(training.target_modules),
        bias="none",
        task_type="CAUSAL_LM",
    )
