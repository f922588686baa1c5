"""Judges: one interface (``score(rubric, question, answer)``), three backends, an on-disk cache."""
from __future__ import annotations

import os
from typing import Callable

from ..config import JUDGE_BACKENDS, JudgeConfig
from ..errors import EmprobeError
from ..paths import cache_dir
from ..registry import Registry
from .base import RUBRICS, Judge, Judgement, JudgeRequest
from .cache import CachedJudge, JudgementCache

# judge backends: name -> factory(JudgeConfig) -> Judge (each imports its implementation on first use)
BACKENDS: Registry[Callable[[JudgeConfig], Judge]] = Registry("judge backend", JUDGE_BACKENDS)


@BACKENDS.named("embedded")
def _embedded(config: JudgeConfig) -> Judge:
    from .embedded import EmbeddedJudge

    return EmbeddedJudge()


@BACKENDS.named("openai")
def _openai(config: JudgeConfig) -> Judge:
    from .openai_judge import OpenAIJudge

    send = config.send_api_key if config.send_api_key is not None else not config.base_url
    key = os.environ.get(config.api_key_env) if send else None
    if send and not key:
        raise EmprobeError("judge.backend openai needs an API key in the environment variable "
                           f"{config.api_key_env} "
                           "(or judge.base_url pointing at a local vLLM / Ollama server)")
    return OpenAIJudge(config.model, config.base_url, key, concurrency=config.concurrency,
                       timeout_s=config.timeout_s,
                       max_retries=config.max_retries, backoff_base_s=config.backoff_base_s,
                       backoff_max_s=config.backoff_max_s, retry_after_max_s=config.retry_after_max_s)


@BACKENDS.named("hf")
def _hf(config: JudgeConfig) -> Judge:
    from .hf_judge import HFJudge

    return HFJudge(config.model)


def make_backend(config: JudgeConfig) -> Judge:
    """The uncached backend named by ``config.backend``."""
    return BACKENDS.get(config.backend)(config)


def make_judge(config: JudgeConfig) -> CachedJudge:
    """The configured backend behind the SQLite cache ``$EMPROBE_CACHE/judgements.sqlite`` (a JSONL cache of an
    earlier emprobe, ``$EMPROBE_CACHE/judgements/<backend>.jsonl``, is imported into it once)."""
    backend = make_backend(config)
    cache = JudgementCache(cache_dir() / "judgements.sqlite")
    legacy = cache_dir() / "judgements" / f"{backend.name}.jsonl"
    if legacy.is_file():
        cache.import_jsonl(legacy)
    return CachedJudge(backend, cache)


__all__ = ["BACKENDS", "RUBRICS", "CachedJudge", "Judge", "JudgeRequest", "Judgement", "JudgementCache", "make_backend",
           "make_judge"]
