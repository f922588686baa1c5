"""Judges: one interface (``score(rubric, question, answer)``), three backends, an on-disk cache."""
from __future__ import annotations

import os

from ..config import JudgeConfig
from ..errors import EmprobeError
from ..paths import cache_dir
from .base import RUBRICS, Judge, Judgement, JudgeRequest
from .cache import CachedJudge, JudgementCache

BACKENDS = ("embedded", "openai", "hf")


def make_backend(config: JudgeConfig) -> Judge:
    """The uncached backend named by ``config.backend``."""
    if config.backend == "embedded":
        from .embedded import EmbeddedJudge

        return EmbeddedJudge()
    if config.backend == "openai":
        from .openai_judge import OpenAIJudge

        key = os.environ.get(config.api_key_env)
        if not key and not config.base_url:
            raise EmprobeError(f"judge.backend openai needs an API key in the environment variable {config.api_key_env} "
                               "(or judge.base_url pointing at a local vLLM / Ollama server)")
        return OpenAIJudge(config.model, config.base_url, key, concurrency=config.concurrency,
                           timeout_s=config.timeout_s, max_retries=config.max_retries)
    if config.backend == "hf":
        from .hf_judge import HFJudge

        return HFJudge(config.model)
    raise EmprobeError(f"unknown judge backend {config.backend!r}: valid are {', '.join(BACKENDS)}")


def make_judge(config: JudgeConfig) -> CachedJudge:
    """The configured backend behind the on-disk cache ``$EMPROBE_CACHE/judgements/<backend>.jsonl``."""
    backend = make_backend(config)
    return CachedJudge(backend, JudgementCache(cache_dir() / "judgements" / f"{backend.name}.jsonl"))


__all__ = ["BACKENDS", "RUBRICS", "CachedJudge", "Judge", "JudgeRequest", "Judgement", "JudgementCache", "make_backend", "make_judge"]
