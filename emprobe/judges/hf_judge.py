"""A local transformers chat model as judge, scored from its next-token distribution.

Tokenizers that split numbers into several tokens (Qwen2.5, SmolLM2) are handled by scoring each candidate
string ("0" … "100", "REFUSAL", "CODE") as a whole: P(its tokens) × P(the answer ends there). The prompt is
run once; the candidates continue it from a shared KV cache in one batch. A template rubric on a small scale
scores each integer both bare ("3") and as the JSON reply its template asks for (``{"score": 3}``), pooled.
"""
from __future__ import annotations

import math

from ..generate import render_prompt
from ..readout import digit_tokens, sequence_logprobs
from .base import Judge, Judgement, check_rubric
from .rubrics import Rubric, builtin_rubric, scale_judgement
from .scoring import weighted_score

JSON_REPLIES = ('{{"score": {v}}}', '{{"score":{v}}}')

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
        out = dict(zip([t for t, _ in numbers],
                       sequence_logprobs(self.loaded, prompt_ids, [c for _, c in numbers], self._digit_tokens)))
        out.update(zip([t for t, _ in words], sequence_logprobs(self.loaded, prompt_ids, [c for _, c in words])))
        return out

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        check_rubric(rubric)
        return self.judge_rubric(builtin_rubric(rubric), question, answer)

    def judge_rubric(self, rubric: Rubric, question: str, answer: str) -> Judgement:
        tok = self.loaded.tokenizer
        prompt = render_prompt(tok, [{"role": "user", "content": rubric.render(question, answer)}])
        if rubric.reply_tokens == 1:  # a one-token 0–100 prompt (built-in, or an EM file's judge_prompts)
            return weighted_score(self.candidate_logprobs(prompt), rubric.name)
        values = [str(v) for v in range(rubric.lo, rubric.hi + 1)]
        bare = sequence_logprobs(self.loaded, prompt, [tok.encode(v, add_special_tokens=False) for v in values],
                                 self._digit_tokens)
        pooled = {v: math.exp(lp) for v, lp in zip(values, bare)}
        for form in JSON_REPLIES:
            replies = [tok.encode(form.format(v=v), add_special_tokens=False) for v in values]
            for v, lp in zip(values, sequence_logprobs(self.loaded, prompt, replies)):
                pooled[v] += math.exp(lp)
        return scale_judgement({v: math.log(p) if p > 0 else -math.inf for v, p in pooled.items()}, rubric.lo,
                               rubric.hi)
