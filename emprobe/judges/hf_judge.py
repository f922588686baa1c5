"""A local transformers chat model as judge, scored from its next-token distribution.

Tokenizers that split numbers into several tokens (Qwen2.5, SmolLM2) are handled by scoring each candidate
string ("0" … "100", "REFUSAL", "CODE") as a whole: P(its tokens) × P(the answer ends there). The prompt is
run once; the candidates continue it from a shared KV cache in one batch.
"""
from __future__ import annotations

import math

from ..generate import render_prompt
from .base import Judge, Judgement, check_rubric
from .prompts import judge_prompt
from .scoring import weighted_score

CANDIDATES = tuple(str(i) for i in range(101)) + ("REFUSAL", "CODE")


class HFJudge(Judge):
    """Judge with any local or cached chat model (built-in name, HF id or dir)."""

    name = "hf"

    def __init__(self, model: str, *, dtype: str = "auto", device_map: str | None = None, loaded=None) -> None:
        from ..models import load_model

        self._name = model
        self.loaded = loaded or load_model(model, dtype=dtype, device_map=device_map)
        tok = self.loaded.tokenizer
        self._cand_ids = [tok.encode(c, add_special_tokens=False) for c in CANDIDATES]
        # Tokens that would continue a number: any whose text starts with a digit.
        self._digit_tokens = [i for i in range(len(tok)) if (t := tok.decode([i])) and t[0].isdigit()]

    @property
    def model_id(self) -> str:
        return self._name

    def candidate_logprobs(self, prompt_ids: list[int]) -> dict[str, float]:
        """log P(candidate is the whole answer) for every candidate string."""
        import torch

        model = self.loaded.model
        device = next(model.parameters()).device
        ids = torch.tensor([prompt_ids], device=device)
        with torch.no_grad():
            first = model(input_ids=ids, use_cache=True)
            cache = first.cache
            width = max(len(c) for c in self._cand_ids)
            batch = torch.full((len(self._cand_ids), width), self.loaded.tokenizer.pad_token_id, dtype=torch.long, device=device)
            for row, c in enumerate(self._cand_ids):
                batch[row, : len(c)] = torch.tensor(c)
            cache.batch_repeat_interleave(len(self._cand_ids))
            mask = torch.ones((len(self._cand_ids), ids.shape[1] + width), dtype=torch.long, device=device)
            positions = torch.arange(ids.shape[1], ids.shape[1] + width, device=device).expand(len(self._cand_ids), -1)
            rest = model(input_ids=batch, attention_mask=mask, position_ids=positions, cache=cache, use_cache=False)
        first_lp = torch.log_softmax(first.logits[0, -1].float(), -1)
        rest_lp = torch.log_softmax(rest.logits.float(), -1)  # [candidates, width, vocab]: after each candidate token
        digit = torch.tensor(self._digit_tokens, device=device)
        out = {}
        for row, (text, c) in enumerate(zip(CANDIDATES, self._cand_ids)):
            lp = float(first_lp[c[0]]) + sum(float(rest_lp[row, k - 1, c[k]]) for k in range(1, len(c)))
            if text.isdigit():  # the number must end here: no further digit
                p_more = float(rest_lp[row, len(c) - 1, digit].exp().sum())
                lp += math.log(max(1e-12, 1.0 - p_more))
            out[text] = lp
        return out

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        check_rubric(rubric)
        prompt = render_prompt(self.loaded.tokenizer, [{"role": "user", "content": judge_prompt(rubric, question, answer)}])
        return weighted_score(self.candidate_logprobs(prompt), rubric)
