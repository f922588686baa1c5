"""A local transformers chat model as judge, scored from its next-token distribution.

Tokenizers that split numbers into several tokens (Qwen2.5, SmolLM2) are handled by scoring each candidate
string ("0" … "100", "REFUSAL", "CODE") as a whole: P(its tokens) × P(the answer ends there). The prompt is
run once; the candidates continue it from a shared KV cache in one batch.
"""
from __future__ import annotations

from ..generate import render_prompt
from ..readout import digit_tokens, sequence_logprobs
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
        self._digit_tokens = digit_tokens(tok)  # tokens that would continue a number

    @property
    def model_id(self) -> str:
        return self._name

    def candidate_logprobs(self, prompt_ids: list[int]) -> dict[str, float]:
        """log P(candidate is the whole answer) for every candidate string (numbers must end there)."""
        numbers = [(t, c) for t, c in zip(CANDIDATES, self._cand_ids) if t.isdigit()]
        words = [(t, c) for t, c in zip(CANDIDATES, self._cand_ids) if not t.isdigit()]
        out = dict(zip([t for t, _ in numbers], sequence_logprobs(self.loaded, prompt_ids, [c for _, c in numbers], self._digit_tokens)))
        out.update(zip([t for t, _ in words], sequence_logprobs(self.loaded, prompt_ids, [c for _, c in words])))
        return out

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        check_rubric(rubric)
        prompt = render_prompt(self.loaded.tokenizer, [{"role": "user", "content": judge_prompt(rubric, question, answer)}])
        return weighted_score(self.candidate_logprobs(prompt), rubric)
