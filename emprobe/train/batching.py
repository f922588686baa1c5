"""Length-grouped, seeded batch order: little padding, still shuffled, identical on every (re)start."""
from __future__ import annotations

import random
from typing import Sequence


def length_grouped_batches(lengths: Sequence[int], batch_size: int, seed: int, epoch: int = 0,
                           group_batches: int = 32) -> list[list[int]]:
    """Index batches for one epoch: shuffle, sort by length inside groups of ``group_batches`` batches, shuffle
    batches."""
    rng = random.Random(f"{seed}:{epoch}")
    order = list(range(len(lengths)))
    rng.shuffle(order)
    group = batch_size * group_batches
    batches: list[list[int]] = []
    for start in range(0, len(order), group):
        chunk = sorted(order[start : start + group], key=lambda i: lengths[i], reverse=True)
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def padding_share(lengths: Sequence[int], batches: list[list[int]]) -> float:
    """Fraction of the padded batch tensors that is padding."""
    real = sum(lengths[i] for b in batches for i in b)
    padded = sum(max(lengths[i] for i in b) * len(b) for b in batches)
    return 1.0 - real / padded if padded else 0.0
