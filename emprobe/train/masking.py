"""Tokenise a chat example for SFT with loss on the final assistant turn only.

The prompt length comes from the chat template itself: the conversation up to the last assistant turn, rendered
with ``add_generation_prompt=True``. Everything after it (the answer, its end-of-turn token and what the template
appends) is learned. Padding is masked through the attention mask, never by token id, because pad == eos on
some models (SmolLM2).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

IGNORE = -100


@dataclass(frozen=True)
class TokenizedExample:
    """Token ids and the index of the first learned token (``prompt_len``)."""

    input_ids: tuple[int, ...]
    prompt_len: int

    def __len__(self) -> int:
        return len(self.input_ids)


def _ids(tokenizer: Any, messages: list[dict[str, str]], add_generation_prompt: bool) -> list[int]:
    return list(tokenizer.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, tokenize=True,
                                              return_dict=False))


def tokenize_example(tokenizer: Any, messages: list[dict[str, str]], max_len: int) -> TokenizedExample:
    """Render ``messages`` with the chat template; truncate to ``max_len`` keeping at least one learned token."""
    prompt = _ids(tokenizer, messages[:-1], add_generation_prompt=True)
    full = _ids(tokenizer, messages, add_generation_prompt=False)
    if full[: len(prompt)] != prompt:
        raise ValueError("the chat template renders the prompt differently inside the full conversation")
    if len(prompt) >= max_len:  # keep the end of the prompt and at least a few answer tokens
        keep = max(1, max_len // 4)
        cut = len(prompt) - (max_len - keep)
        return TokenizedExample(tuple(full[cut : cut + max_len]), len(prompt) - cut)
    return TokenizedExample(tuple(full[:max_len]), len(prompt))


def collate(examples: list[TokenizedExample], pad_id: int) -> dict[str, Any]:
    """Right-pad a batch; ``labels`` are the ids on learned positions and ``IGNORE`` elsewhere."""
    import torch

    width = max(len(e) for e in examples)
    input_ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    attention = torch.zeros((len(examples), width), dtype=torch.long)
    for row, ex in enumerate(examples):
        input_ids[row, : len(ex)] = torch.tensor(ex.input_ids)
        attention[row, : len(ex)] = 1
    positions = torch.arange(width).unsqueeze(0)
    prompt_len = torch.tensor([e.prompt_len for e in examples]).unsqueeze(1)
    learned = (positions >= prompt_len) & attention.bool()
    labels = torch.where(learned, input_ids, torch.full_like(input_ids, IGNORE))
    return {"input_ids": input_ids, "attention_mask": attention, "labels": labels}
