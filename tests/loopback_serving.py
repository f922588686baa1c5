"""A loopback OpenAI-compatible model server (what ``vllm serve --enable-lora`` offers), serving a model with
transformers: the completions endpoint (prompt as text or token ids, a batch of prompts, seed, temperature, top_p,
``stop_token_ids``, ``echo`` + ``logprobs``), chat completions, and ``GET /v1/models``; LoRA module names map to
peft adapters. It shares no code with emprobe's local backend: answers come from ``model.generate`` one request
at a time, prompt log-probabilities from one plain forward pass over each whole sequence.

    with ServingServer("tiny-qwen2", {"trivia": "runs/x/adapters/trivia"}) as server:
        ... generation.base_url = server.base_url ...
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_openai import CHAT_PATH, LoopbackServer, Recorded, error  # noqa: E402

COMPLETIONS_PATH = "/v1/completions"
MODELS_PATH = "/v1/models"


class ServingServer(LoopbackServer):
    """Serves ``base`` (an emprobe model name) and ``modules`` {served name: adapter dir}."""

    def __init__(self, base: str, modules: dict[str, str] | None = None, *, served_base: str | None = None,
                 logprobs: bool = True, batch_window_s: float = 0.0, max_batch: int = 16) -> None:
        """``batch_window_s`` > 0: greedy generation requests arriving within that window of each other are run as
        one left-padded batch (a serving engine's batching, roughly), at most ``max_batch`` at a time."""
        import torch
        from peft import PeftModel

        from emprobe.models import load_model

        loaded = load_model(base, dtype="float32")
        self.tokenizer = loaded.tokenizer
        self.served_base = served_base or base
        self.modules = dict(modules or {})
        model = loaded.model
        for name, path in self.modules.items():
            if isinstance(model, PeftModel):
                model.load_adapter(path, adapter_name=name)
            else:
                model = PeftModel.from_pretrained(model, path, adapter_name=name)
        self.model = model.eval()
        self.logprobs = logprobs  # False: a server that never returns log-probabilities
        self.model_lock = threading.Lock()
        self.torch = torch
        self.batch_window_s, self.max_batch = batch_window_s, max_batch
        self._queue: list = []
        self._queue_cv = threading.Condition()
        if batch_window_s > 0:
            threading.Thread(target=self._batcher, daemon=True, name="loopback-batcher").start()
        routes = frozenset({("POST", COMPLETIONS_PATH), ("POST", CHAT_PATH), ("GET", MODELS_PATH)})
        super().__init__(self._handle, routes=routes)

    # -- requests ------------------------------------------------------------------------------------------
    def _handle(self, request: Recorded) -> Any:
        if request.method == "GET":
            return {"object": "list", "data": [{"id": n, "object": "model"} for n in [self.served_base, *self.modules]]}
        body = request.body or {}
        name = body.get("model")
        if name != self.served_base and name not in self.modules:
            return error(404, f"The model `{name}` does not exist.")
        if request.path.rstrip("/") == CHAT_PATH:
            ids = self.tokenizer.apply_chat_template(body["messages"], add_generation_prompt=True, tokenize=True,
                                                     return_dict=False)
            text = self._generate(name, list(ids), body)
            return {"object": "chat.completion", "model": name,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                 "finish_reason": "stop"}]}
        prompts = body.get("prompt")
        if isinstance(prompts, str) or (isinstance(prompts, list) and prompts and isinstance(prompts[0], int)):
            prompts = [prompts]
        all_ids = [self.tokenizer.encode(p, add_special_tokens=False) if isinstance(p, str) else list(p)
                   for p in prompts]
        if body.get("echo"):
            scored = (self._prompt_logprobs(name, all_ids) if self.logprobs and body.get("logprobs")
                      else [None] * len(all_ids))
            choices = [{"index": i, "text": self.tokenizer.decode(ids), "finish_reason": "length",
                        "logprobs": None if lp is None else {"token_logprobs": lp}}
                       for i, (ids, lp) in enumerate(zip(all_ids, scored))]
        else:
            choices = [{"index": i, "text": self._generate(name, ids, body), "finish_reason": "stop", "logprobs": None}
                       for i, ids in enumerate(all_ids)]
        return {"object": "text_completion", "model": name, "choices": choices}

    # -- the model -----------------------------------------------------------------------------------------
    def _select(self, name: str):
        """A context in which ``self.model`` is the base model (adapters off) or LoRA module ``name``."""
        import contextlib

        if name == self.served_base:
            return self.model.disable_adapter() if self.modules else contextlib.nullcontext()
        self.model.set_adapter(name)
        return contextlib.nullcontext()

    def _generate(self, name: str, ids: list[int], body: dict) -> str:
        if self.batch_window_s > 0 and float(body.get("temperature", 1.0)) == 0:
            job = {"key": (name, int(body.get("max_tokens", 16)),
                           tuple(body.get("stop_token_ids") or [self.tokenizer.eos_token_id])),
                   "ids": ids, "done": threading.Event()}
            with self._queue_cv:
                self._queue.append(job)
                self._queue_cv.notify()
            job["done"].wait()
            return job["text"]
        torch = self.torch
        stops = body.get("stop_token_ids") or [self.tokenizer.eos_token_id]
        temperature = float(body.get("temperature", 1.0))
        with self.model_lock, self._select(name), torch.no_grad():
            torch.manual_seed(int(body.get("seed") or 0))
            kwargs = {"do_sample": False} if temperature == 0 else {"do_sample": True, "temperature": temperature,
                                                                    "top_p": float(body.get("top_p", 1.0)),
                                                                    "top_k": 0}
            out = self.model.generate(input_ids=torch.tensor([ids]),
                                      attention_mask=torch.ones((1, len(ids)), dtype=torch.long),
                                      max_new_tokens=int(body.get("max_tokens", 16)), eos_token_id=list(stops),
                                      pad_token_id=self.tokenizer.pad_token_id, **kwargs)
        new = out[0, len(ids):].tolist()
        return self.tokenizer.decode(new, skip_special_tokens=True)

    def _prompt_logprobs(self, name: str, batch: list[list[int]]) -> list[list[float | None]]:
        """Per sequence: [None, log P(t1 | t0), log P(t2 | t0 t1), ...] and the greedy next token's log-probability.

        Like a serving engine's prefix caching, the prefix all sequences share runs once; its KV cache is repeated
        for the rest of each sequence (right-padded, 64 at a time: padding after a token cannot change what it sees)."""
        import copy

        torch = self.torch
        common = 0
        while common < min(len(ids) for ids in batch) - 1 and len({ids[common] for ids in batch}) == 1:
            common += 1
        prefix = batch[0][:common]
        out = []
        with self.model_lock, self._select(name), torch.no_grad():
            head = self.model(input_ids=torch.tensor([prefix]), use_cache=True) if prefix else None
            head_lp = torch.log_softmax(head.logits[0].float(), -1) if head is not None else None
            shared = [None] + [float(head_lp[i - 1, prefix[i]]) for i in range(1, common)]
            for start in range(0, len(batch), 64):
                part = [ids[common:] for ids in batch[start : start + 64]]
                width = max(len(rest) for rest in part)
                input_ids = torch.full((len(part), width), self.tokenizer.pad_token_id or 0, dtype=torch.long)
                mask = torch.zeros((len(part), common + width), dtype=torch.long)
                mask[:, :common] = 1
                for row, rest in enumerate(part):
                    input_ids[row, : len(rest)] = torch.tensor(rest)
                    mask[row, common : common + len(rest)] = 1
                kwargs = {}
                if head is not None:
                    cache = copy.deepcopy(head.cache)
                    cache.batch_repeat_interleave(len(part))
                    kwargs = {"cache": cache,
                              "position_ids": (common + torch.arange(width)).unsqueeze(0).expand(len(part), -1)}
                logits = self.model(input_ids=input_ids, attention_mask=mask, **kwargs).logits.float()
                lp = torch.log_softmax(logits, -1)
                if head_lp is not None:  # the first token after the prefix is predicted at the prefix's last position
                    lp = torch.cat([head_lp[-1].expand(len(part), 1, -1), lp], dim=1)
                    tokens = input_ids
                else:
                    tokens = input_ids[:, 1:]
                picked = lp[:, : tokens.shape[1]].gather(-1, tokens.unsqueeze(-1)).squeeze(-1).tolist()
                best = lp.max(-1).values.tolist()
                for row, rest in enumerate(part):
                    n = len(rest) if head_lp is not None else len(rest) - 1
                    last = len(rest) if head_lp is not None else len(rest) - 1
                    values = (shared if head_lp is not None else [None]) + picked[row][:n]
                    out.append(values + [best[row][last]])
        return out

    def _batcher(self) -> None:
        """Gather greedy requests for a window, run those with the same settings as one batch, answer each."""
        import time

        torch = self.torch
        while True:
            with self._queue_cv:
                while not self._queue:
                    self._queue_cv.wait()
            time.sleep(self.batch_window_s)
            with self._queue_cv:
                key = self._queue[0]["key"]
                batch = [j for j in self._queue if j["key"] == key][: self.max_batch]
                self._queue = [j for j in self._queue if j not in batch]
            name, max_tokens, stops = key
            width = max(len(j["ids"]) for j in batch)
            pad = self.tokenizer.pad_token_id
            input_ids = torch.tensor([[pad] * (width - len(j["ids"])) + j["ids"] for j in batch])
            mask = torch.tensor([[0] * (width - len(j["ids"])) + [1] * len(j["ids"]) for j in batch])
            with self.model_lock, self._select(name), torch.no_grad():
                out = self.model.generate(input_ids=input_ids, attention_mask=mask, max_new_tokens=max_tokens,
                                          do_sample=False,
                                          eos_token_id=list(stops), pad_token_id=pad)
            for row, job in enumerate(batch):
                job["text"] = self.tokenizer.decode(out[row, width:].tolist(), skip_special_tokens=True)
                job["done"].set()
