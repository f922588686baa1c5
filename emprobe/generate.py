"""Text generation: batched sampling with left padding, length-sorted batches and one seed per sample.

Each sample draws from its own ``torch.Generator`` seeded by its own seed, so a sample depends on its seed and on
the batch it ran in, not on what ran before: a resumed run that re-forms the same batches reproduces it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .models import LoadedModel


@dataclass(frozen=True)
class SamplingSettings:
    temperature: float = 1.0
    top_p: float = 1.0
    max_new_tokens: int = 256


def render_prompt(tokenizer: Any, messages: list[dict[str, str]]) -> list[int]:
    """Token ids of ``messages`` rendered by the chat template, ending with the assistant's turn opener."""
    return list(tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True, return_dict=False))


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of similar length (longest first); deterministic for given lengths."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def left_pad(prompts: Sequence[Sequence[int]], pad_id: int, device: Any) -> tuple[Any, Any]:
    """(input_ids, attention_mask) of left-padded prompts."""
    import torch

    width = max(len(p) for p in prompts)
    ids = torch.full((len(prompts), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(prompts), width), dtype=torch.long)
    for row, p in enumerate(prompts):
        ids[row, width - len(p) :] = torch.tensor(list(p), dtype=torch.long)
        mask[row, width - len(p) :] = 1
    return ids.to(device), mask.to(device)


def _pick(logits: Any, settings: SamplingSettings, generators: list[Any]) -> Any:
    """One next token per row: greedy at temperature 0, else top-p sampling from each row's own generator."""
    import torch

    if settings.temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits.float() / settings.temperature, dim=-1)
    if settings.top_p < 1.0:
        sorted_p, sorted_i = probs.sort(dim=-1, descending=True)
        keep = sorted_p.cumsum(dim=-1) - sorted_p < settings.top_p
        sorted_p = sorted_p * keep
        probs = torch.zeros_like(probs).scatter(-1, sorted_i, sorted_p)
    probs = probs.cpu()
    picks = [torch.multinomial(probs[row], 1, generator=g) for row, g in enumerate(generators)]
    return torch.cat(picks).to(logits.device)


def stop_token_ids(loaded: LoadedModel) -> set[int]:
    """The tokenizer's eos plus the generation config's eos ids (end-of-turn tokens)."""
    extra = getattr(loaded.model.generation_config, "eos_token_id", None)
    ids = {loaded.tokenizer.eos_token_id, *(extra if isinstance(extra, list) else [extra])}
    return {i for i in ids if i is not None}


def sample_batch(loaded: LoadedModel, prompts: Sequence[Sequence[int]], seeds: Sequence[int],
                 settings: SamplingSettings,
                 forward: Callable[..., Any] | None = None, first_logprobs: list | None = None) -> list[str]:
    """Continue each prompt (token ids) until its end-of-turn token or ``max_new_tokens``; return decoded answers.

    ``forward`` replaces ``model(**kwargs)`` for every step (steering runs each step through an nnsight trace);
    it must return an output with ``logits`` and ``cache``. A list passed as ``first_logprobs`` receives each
    prompt's next-token log-probabilities (float32, CPU), so a readout of single-token options needs no extra pass.
    A served model (:class:`emprobe.serving.ServedModel`) answers through its server instead."""
    if hasattr(loaded, "sample_batch"):
        if forward is not None:
            raise ValueError("a served model cannot run a local forward (steering needs the weights)")
        return loaded.sample_batch(prompts, seeds, settings, first_logprobs)
    import torch

    model, tok = loaded.model, loaded.tokenizer
    forward = forward or model
    device = next(model.parameters()).device
    ids, mask = left_pad(prompts, tok.pad_token_id, device)
    generators = [torch.Generator().manual_seed(int(s)) for s in seeds]
    stop_ids = torch.tensor(sorted(stop_token_ids(loaded)), device=device)
    done = torch.zeros(len(prompts), dtype=torch.bool, device=device)
    out: list[list[int]] = [[] for _ in prompts]
    position = (mask.cumsum(-1) - 1).clamp(min=0)
    past, step_input, step_pos = None, ids, position
    with torch.no_grad():
        for _ in range(settings.max_new_tokens):
            result = forward(input_ids=step_input, attention_mask=mask, position_ids=step_pos, cache=past,
                             use_cache=True, logits_to_keep=1)
            past = result.cache
            if first_logprobs is not None and not first_logprobs:
                first_logprobs.extend(torch.log_softmax(result.logits[:, -1, :].float(), -1).cpu())
            nxt = _pick(result.logits[:, -1, :], settings, generators)
            for row in range(len(prompts)):
                if not done[row]:
                    out[row].append(int(nxt[row]))
            done |= torch.isin(nxt, stop_ids)
            if bool(done.all()):
                break
            step_input = nxt.unsqueeze(-1)
            mask = torch.cat([mask, torch.ones_like(step_input)], dim=-1)
            step_pos = step_pos[:, -1:] + 1
    return [tok.decode(tokens, skip_special_tokens=True).strip() for tokens in out]


def chat(loaded: LoadedModel, question: str, *, max_new_tokens: int = 128, temperature: float = 0.0,
         seed: int = 0) -> str:
    """One answer to ``question`` (greedy when ``temperature`` is 0)."""
    settings = SamplingSettings(temperature=temperature, max_new_tokens=max_new_tokens)
    return sample_batch(loaded, [render_prompt(loaded.tokenizer, [{"role": "user", "content": question}])], [seed],
                        settings)[0]
