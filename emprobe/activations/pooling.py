"""Pooled views of a left-padded batch's hidden states, computed on the device before any copy to the CPU."""
from __future__ import annotations

from typing import Any

POOLINGS = ("mean-answer", "last-prompt", "all-tokens")


def spans(lengths: list[int], prompt_lens: list[int], answer_ends: list[int], width: int) -> tuple[Any, Any]:
    """For a left-padded batch: a [B, S] mask of answer tokens and the [B] index of each last prompt token."""
    import torch

    pos = torch.arange(width).unsqueeze(0)
    start = torch.tensor([width - n for n in lengths]).unsqueeze(1)  # first real token of each row
    answer = ((pos >= start + torch.tensor(prompt_lens).unsqueeze(1))
              & (pos < start + torch.tensor(answer_ends).unsqueeze(1)))
    last_prompt = start.squeeze(1) + torch.tensor(prompt_lens) - 1
    return answer, last_prompt


def pooled_views(hidden: Any, attention: Any, answer_mask: Any, last_prompt: Any,
                 poolings: tuple[str, ...]) -> dict[str, Any]:
    """{pooling: tensor}: ``mean-answer`` [B, H] (mean over answer tokens; the last prompt token when the answer
    is empty), ``last-prompt`` [B, H], ``all-tokens`` [T, H] (every real token, rows concatenated)."""
    import torch

    out = {}
    rows = torch.arange(hidden.shape[0], device=hidden.device)
    last = hidden[rows, last_prompt.to(hidden.device)]
    if "mean-answer" in poolings:
        mask = answer_mask.to(hidden.device).unsqueeze(-1).to(hidden.dtype)
        count = mask.sum(1)
        mean = (hidden * mask).sum(1) / count.clamp(min=1)
        out["mean-answer"] = torch.where(count > 0, mean, last)
    if "last-prompt" in poolings:
        out["last-prompt"] = last
    if "all-tokens" in poolings:
        out["all-tokens"] = hidden[attention.to(hidden.device).bool()]
    return out
