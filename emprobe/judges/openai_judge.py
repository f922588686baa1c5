"""A judge behind any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp, ...), scored from the
top-20 logprobs of a single generated token (built-in 0–100 rubrics), or, for a template rubric whose reply may be
JSON (``{"score": 3}``), from the top logprobs at the score's position in a short reply, else from its text.

Retries with exponential backoff and full jitter on rate limits (HTTP 429, honouring ``Retry-After`` up to
``retry_after_max_s``), server errors (5xx), timeouts, connection errors and malformed responses; a rejected key
(401/403) or an unknown model (404) fails at once with an :class:`~emprobe.errors.EmprobeError`. Any other 4xx
(a content filter refusing a deliberately harmful answer, a context-length error) is one item's ``rejected``
verdict, counted and never cached, and the run goes on, unless the endpoint has rejected the first
``REJECTED_BEFORE_ANY_SUCCESS`` requests without accepting one (a setting problem, not an item's content).
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import threading
from typing import Any

from ..endpoint import MalformedResponse, RetryPolicy, call_with_retries, one_line
from ..errors import EmprobeError
from ..provenance import redact_url
from .base import Judge, Judgement, check_rubric
from .rubrics import Rubric, builtin_rubric, parse_reply, scale_judgement, score_position
from .scoring import weighted_score

TOP_LOGPROBS = 20
REJECTED_BEFORE_ANY_SUCCESS = 8


def parse_top_logprobs(data: Any, position: int = 0) -> dict[str, float]:
    """``{token: logprob}`` from ``choices[0].logprobs.content[position].top_logprobs`` of a chat-completions body.

    Tokens that occur twice (distinct token ids with the same text) have their probabilities added.
    Raises ``MalformedResponse`` naming what is missing.
    """
    try:
        choice = data["choices"][0]
    except (KeyError, IndexError, TypeError):
        raise MalformedResponse("no choices") from None
    try:
        entries = choice["logprobs"]["content"][position]["top_logprobs"]
    except (KeyError, IndexError, TypeError):
        raise MalformedResponse(f"no logprobs.content[{position}].top_logprobs; "
                                "does the endpoint support logprobs?") from None
    if not isinstance(entries, list) or not entries:
        raise MalformedResponse("empty top_logprobs; does the endpoint support logprobs?")
    top: dict[str, float] = {}
    for entry in entries:
        try:
            token, logprob = entry["token"], entry["logprob"]
        except (KeyError, TypeError):
            raise MalformedResponse("a top_logprobs entry lacks token/logprob") from None
        if not isinstance(token, str) or isinstance(logprob, bool) or not isinstance(logprob, (int, float)):
            raise MalformedResponse("a top_logprobs entry has a non-string token or non-number logprob")
        if math.isnan(logprob):
            raise MalformedResponse("a top_logprobs entry has logprob NaN")
        logprob = min(float(logprob), 0.0)
        if token in top:
            hi, lo = max(top[token], logprob), min(top[token], logprob)
            logprob = hi + math.log1p(math.exp(lo - hi)) if math.isfinite(lo) else hi
        top[token] = logprob
    return top


def score_reply(data: Any, rubric: Rubric) -> Judgement:
    """A template rubric's verdict from a chat-completions body: the scale distribution at the score's token when
    the body has logprobs, else the score parsed from the reply's text (unparseable verdicts are counted)."""
    try:
        choice = data["choices"][0]
        text = choice["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        raise MalformedResponse("no choices[0].message.content") from None
    if not isinstance(text, str):
        raise MalformedResponse("message.content is not a string")
    content = ((choice.get("logprobs") or {}).get("content") or []) if isinstance(choice, dict) else []
    tokens = [entry.get("token", "") if isinstance(entry, dict) else "" for entry in content]
    position = score_position(tokens, rubric.lo, rubric.hi) if tokens else None
    if position is not None:
        verdict = scale_judgement(parse_top_logprobs(data, position), rubric.lo, rubric.hi)
        if verdict.outcome == "score":
            return verdict
    return parse_reply(text, rubric.lo, rubric.hi)


class OpenAIJudge(Judge):
    """Judge through an OpenAI-compatible endpoint; ``concurrency`` requests in flight in :meth:`judge_many`."""

    name = "openai"

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        concurrency: int = 8,
        timeout_s: float = 60.0,
        max_retries: int = 5,
        backoff_base_s: float = 0.5,
        backoff_max_s: float = 20.0,
        retry_after_max_s: float = 120.0,
    ) -> None:
        if not model:
            raise EmprobeError("the openai judge needs a model name (judge.model)")
        if concurrency < 1:
            raise EmprobeError(f"judge concurrency {concurrency}: must be at least 1")
        if not timeout_s > 0:
            raise EmprobeError(f"judge timeout_s {timeout_s}: must be positive")
        try:
            self.policy = RetryPolicy(int(max_retries), float(backoff_base_s), float(backoff_max_s),
                                      float(retry_after_max_s))
        except EmprobeError as exc:
            raise EmprobeError(f"judge {exc}") from None
        try:
            import openai
        except ImportError:
            raise EmprobeError("the openai judge needs the openai package: pip install 'emprobe[api]'") from None
        self.model = model
        self.base_url = base_url.rstrip("/") if base_url else None
        self.concurrency = int(concurrency)
        self.timeout_s = float(timeout_s)
        self.max_retries = self.policy.max_retries
        self.client = openai.OpenAI(
            base_url=self.base_url, api_key=api_key or "EMPTY", timeout=self.timeout_s, max_retries=0
        )
        self.endpoint = str(self.client.base_url).rstrip("/")
        self._lock = threading.Lock()
        self.requests_sent = 0  # HTTP requests attempted, retries included
        self.accepted = 0  # verdicts received
        self.rejected = 0  # items the endpoint refused with a non-retryable 4xx

    @property
    def model_id(self) -> str:
        return f"{self.model}@{redact_url(self.base_url)}" if self.base_url else self.model

    def close(self) -> None:
        """Close the HTTP client's connections (the judge is unusable afterwards)."""
        self.client.close()

    def _fail(self, what: str) -> EmprobeError:
        return EmprobeError(f"judge endpoint {redact_url(self.endpoint)} (model {self.model}) {what}")

    def _reject(self, last: str) -> Judgement:
        """One item refused by the endpoint: a ``rejected`` verdict, unless nothing was ever accepted."""
        with self._lock:
            self.rejected += 1
            systematic = self.accepted == 0 and self.rejected >= REJECTED_BEFORE_ANY_SUCCESS
        if systematic:
            raise self._fail(f"rejected the first {self.rejected} requests and accepted none: {last}")
        return Judgement(score=None, outcome="rejected")

    def _request(self, prompt: str, rubric: Rubric) -> Judgement:
        """One HTTP round trip; returns the verdict or raises (openai errors or ``MalformedResponse``)."""
        with self._lock:
            self.requests_sent += 1
        raw = self.client.chat.completions.with_raw_response.create(
            model=self.model,
            messages=[{"role": "user", "content": prompt}],
            max_tokens=rubric.reply_tokens,
            temperature=0,
            logprobs=True,
            top_logprobs=TOP_LOGPROBS,
            seed=0,
        )
        try:
            data = json.loads(raw.content)
        except (ValueError, UnicodeDecodeError):
            raise MalformedResponse(f"non-JSON body {one_line(repr(raw.content[:60]), 80)}") from None
        if rubric.reply_tokens == 1:
            return weighted_score(parse_top_logprobs(data), rubric.name)
        return score_reply(data, rubric)

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        check_rubric(rubric)
        return self.judge_rubric(builtin_rubric(rubric), question, answer)

    def judge_rubric(self, rubric: Rubric, question: str, answer: str) -> Judgement:
        prompt = rubric.render(question, answer)

        def send() -> Judgement:
            verdict = self._request(prompt, rubric)
            with self._lock:
                self.accepted += 1
            return verdict

        rng = random.Random(hashlib.sha256(prompt.encode("utf-8")).digest())
        return call_with_retries(send, self.policy, rng, self._fail, self._reject, timeout_s=self.timeout_s,
                                 key_setting="judge.api_key_env")
