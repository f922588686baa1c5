"""The served generation backend: sampling and readouts through an OpenAI-compatible server (vLLM with LoRA).

``generation.backend: openai`` sends the behavioural experiments' work to a server such as
``vllm serve <base> --enable-lora --lora-modules <organism>=<adapter dir> ...`` instead of running the weights
here. Only the tokenizer is loaded locally: every prompt is rendered by the model's chat template and sent as
token ids to the completions endpoint, so the server sees exactly the tokens the local backend would.

* **Sampling**: one request per item (its own seed, temperature, top_p, max tokens and the local backend's stop
  tokens), up to ``generation.concurrency`` in flight.
* **Readouts**: every candidate string is scored as a whole from the prompt log-probabilities the server echoes
  (``echo`` + ``logprobs``): one batched request per prompt holds every candidate (for a number, every candidate
  followed by each token that would continue it, so P(the number ends there) is exact, not a top-k estimate).

Retries follow :mod:`emprobe.endpoint` (shared with the judge). A server that cannot be reached, a model or LoRA
module it does not serve, or a reply without the log-probabilities a readout needs is an
:class:`~emprobe.errors.EmprobeError` naming the URL, the model and what is missing.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from .endpoint import MalformedResponse, RetryPolicy, call_with_retries, one_line
from .errors import EmprobeError
from .generate import SamplingSettings
from .provenance import redact_url

READOUT_BATCH = 4096  # candidate sequences per readout request (0..100 with each digit after it: ~1,100, one request)


class ServingClient:
    """An OpenAI-compatible completions endpoint, up to ``concurrency`` requests in flight."""

    def __init__(self, base_url: str, *, api_key: str | None = None, concurrency: int = 64, timeout_s: float = 600.0,
                 policy: RetryPolicy | None = None) -> None:
        try:
            import openai
        except ImportError:
            raise EmprobeError("generation.backend openai needs the openai package: "
                               "pip install 'emprobe[api]'") from None
        self.base_url = base_url.rstrip("/")
        self.concurrency = int(concurrency)
        self.timeout_s = float(timeout_s)
        self.policy = policy or RetryPolicy()
        self.client = openai.OpenAI(base_url=self.base_url, api_key=api_key or "EMPTY", timeout=self.timeout_s,
                                    max_retries=0)
        self._lock = threading.Lock()
        self.requests_sent = 0

    def _fail(self, model: str, what: str) -> EmprobeError:
        return EmprobeError(f"generation server {redact_url(self.base_url)} (model {model}) {what}")

    def complete(self, model: str, body: dict[str, Any]) -> dict:
        """One completions request (retried as :mod:`emprobe.endpoint` says); the parsed JSON body."""
        def send() -> dict:
            with self._lock:
                self.requests_sent += 1
            raw = self.client.completions.with_raw_response.create(model=model, **body)
            try:
                data = json.loads(raw.content)
            except (ValueError, UnicodeDecodeError):
                raise MalformedResponse(f"non-JSON body {one_line(repr(raw.content[:60]), 80)}") from None
            if not isinstance(data, dict) or not isinstance(data.get("choices"), list) or not data["choices"]:
                raise MalformedResponse("no choices")
            return data

        rng = random.Random(hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).digest())
        return call_with_retries(send, self.policy, rng, lambda what: self._fail(model, what), timeout_s=self.timeout_s,
                                 key_setting="generation.api_key_env",
                                 not_found=f"the model or LoRA module {model!r} is not served there")

    def served_models(self, model: str) -> list[str]:
        """The model ids the server lists (``GET /models``): the base model and its LoRA modules (``model``: the
        one errors name)."""
        def send() -> list[str]:
            return [m.id for m in self.client.models.list()]

        return call_with_retries(send, self.policy, random.Random(0), lambda what: self._fail(model, what),
                                 timeout_s=self.timeout_s, key_setting="generation.api_key_env")

    def map(self, fn, items: Sequence[Any]) -> list[Any]:
        """``[fn(item) for item in items]`` with up to ``concurrency`` calls in flight, in order."""
        if len(items) <= 1:
            return [fn(item) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(items))) as executor:
            return list(executor.map(fn, items))

    def close(self) -> None:
        self.client.close()


@dataclass
class ServedModel:
    """The base model or one organism (a LoRA module) behind a :class:`ServingClient`; used wherever a
    :class:`~emprobe.models.LoadedModel` is (``sample_batch`` and the readouts answer through the server)."""

    client: ServingClient
    served_name: str
    tokenizer: Any
    name: str
    stop_ids: tuple[int, ...]

    def sample_batch(self, prompts: Sequence[Sequence[int]], seeds: Sequence[int], settings: SamplingSettings,
                     first_logprobs: list | None = None) -> list[str]:
        """One answer per prompt (token ids), each request carrying its item's seed."""
        def one(job: tuple[Sequence[int], int]) -> str:
            prompt, seed = job
            body = {"prompt": [int(t) for t in prompt], "max_tokens": settings.max_new_tokens,
                    "temperature": settings.temperature,
                    "top_p": settings.top_p, "seed": int(seed),
                    "extra_body": {"stop_token_ids": list(self.stop_ids), "skip_special_tokens": True}}
            data = self.client.complete(self.served_name, body)
            text = data["choices"][0].get("text")
            if not isinstance(text, str):
                raise self.client._fail(self.served_name, "returned a completion without text")
            return text.strip()

        answers = self.client.map(one, list(zip(prompts, seeds)))
        if first_logprobs is not None:
            first_logprobs.extend([None] * len(prompts))  # readouts ask the server for exactly what they need
        return answers

    def sequence_logprobs(self, prompt_ids: Sequence[int], candidates: Sequence[Sequence[int]],
                          end_tokens: Sequence[int] = ()) -> list[float]:
        """log P(candidate | prompt) per candidate; with ``end_tokens``, times P(next token not in them): the same
        quantity as :func:`emprobe.readout.sequence_logprobs`, from the server's echoed prompt log-probabilities."""
        import math

        prompt = [int(t) for t in prompt_ids]
        keys = ([tuple(c) + (d,) for c in candidates for d in end_tokens] if end_tokens
                else [tuple(c) for c in candidates])
        unique = list(dict.fromkeys(keys))
        chunks = [unique[i : i + READOUT_BATCH] for i in range(0, len(unique), READOUT_BATCH)]
        scored: dict[tuple[int, ...], list[float]] = {}
        for chunk, result in zip(chunks, self.client.map(lambda ch: self._echo(prompt, ch), chunks)):
            scored.update(zip(chunk, result))
        out = []
        for c in candidates:
            c = tuple(c)
            tokens = scored[c + (end_tokens[0],)] if end_tokens else scored[c]
            lp = sum(tokens[: len(c)])
            if end_tokens:
                ends = sum(math.exp(scored[c + (d,)][-1]) for d in end_tokens)
                lp += math.log(max(1e-12, 1.0 - ends))
            out.append(lp)
        return out

    def _echo(self, prompt: list[int], continuations: list[tuple[int, ...]]) -> list[list[float]]:
        """Each continuation's token log-probabilities after ``prompt`` (one batched echo request)."""
        body = {"prompt": [prompt + list(k) for k in continuations], "max_tokens": 1, "temperature": 0.0, "echo": True,
                "logprobs": 1}
        data = self.client.complete(self.served_name, body)
        out: list[list[float] | None] = [None] * len(continuations)
        for pos, choice in enumerate(data["choices"]):
            index = choice.get("index", pos) if isinstance(choice, dict) else pos
            values = ((choice.get("logprobs") or {}).get("token_logprobs") if isinstance(choice, dict) else None)
            k = continuations[index] if isinstance(index, int) and 0 <= index < len(continuations) else None
            if k is None or not isinstance(values, list) or len(values) < len(prompt) + len(k):
                break
            tail = values[len(prompt) : len(prompt) + len(k)]
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in tail):
                break
            out[index] = [float(v) for v in tail]
        if any(v is None for v in out):
            raise self.client._fail(self.served_name, "returned no prompt log-probabilities (completions with echo and "
                                    "logprobs); the choice and number readouts need them (vLLM returns them)")
        return out  # type: ignore[return-value]


class ServedSwitcher:
    """The base model and the organisms as served names; :meth:`use` yields a :class:`ServedModel`."""

    def __init__(self, client: ServingClient, tokenizer: Any, base_served: str, modules: dict[str, str],
                 stop_ids: tuple[int, ...]) -> None:
        self.client, self.tokenizer, self.base_served = client, tokenizer, base_served
        self.modules, self.stop_ids = dict(modules), stop_ids

    def check(self, names: Sequence[str]) -> None:
        """Fail before any work when the server does not list the base model or a needed LoRA module."""
        listed = set(self.client.served_models(self.base_served))
        for name in names:
            served = self.modules.get(name, self.base_served)
            if served not in listed:
                what = "the base model" if served == self.base_served else f"the LoRA module of organism {name}"
                raise self.client._fail(served, f"does not serve {what} ({served!r}); "
                                                f"it lists {', '.join(sorted(listed)) or 'nothing'}"
                                                " (set generation.served_model / organisms[].served_module, "
                                                "or add it with --lora-modules)")

    @contextlib.contextmanager
    def use(self, name: str) -> Iterator[ServedModel]:
        yield ServedModel(self.client, self.modules.get(name, self.base_served), self.tokenizer, name, self.stop_ids)


def served_switcher(config: Any, names: Sequence[str]) -> ServedSwitcher:
    """The :class:`ServedSwitcher` of ``config.generation`` (``backend: openai``) for the models ``names``, checked
    against what the server lists before any work."""
    import os

    from .models import eos_token_ids, load_tokenizer

    gen = config.generation
    key = os.environ.get(gen.api_key_env) if gen.api_key_env else None
    if gen.api_key_env and not key:
        raise EmprobeError(f"generation.api_key_env names {gen.api_key_env}, which is not set in the environment")
    policy = RetryPolicy(gen.max_retries, gen.backoff_base_s, gen.backoff_max_s, gen.retry_after_max_s)
    client = ServingClient(gen.base_url, api_key=key, concurrency=gen.concurrency, timeout_s=gen.timeout_s,
                           policy=policy)
    tokenizer = load_tokenizer(config.base_model)
    modules = {o.name: o.served_module or o.name for o in config.organisms}
    switcher = ServedSwitcher(client, tokenizer, gen.served_model or config.base_model, modules,
                      eos_token_ids(config.base_model, tokenizer))
    switcher.check(names)
    return switcher
