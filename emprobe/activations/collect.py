"""Pooled residual activations of a loaded model, in memory: the batch pass ``emprobe extract`` streams into
shards, and :func:`collect_activations` for a model a user already holds (no config, no files)."""
from __future__ import annotations

from typing import Any, Iterator, Sequence

import numpy as np

from ..errors import EmprobeError
from ..generate import length_sorted_batches
from ..models import model_dims
from ..tracing import read_layer_outputs, wrap
from ..train.masking import tokenize_example
from .pooling import POOLINGS, pooled_views, spans
from .sets import Example

MAX_TOKENS = 2048

Encoded = tuple[tuple[int, ...], int, int]  # token ids, prompt length, answer end


def answer_spans(tok, examples: Sequence[Example], max_tokens: int) -> list[Encoded]:
    """(ids, prompt_len, answer_end) per example; the answer excludes what the template appends after it."""
    out = []
    for ex in examples:
        msgs = ex.messages()
        full = tokenize_example(tok, msgs + [{"role": "assistant", "content": ex.answer}], max_tokens)
        empty = tokenize_example(tok, msgs + [{"role": "assistant", "content": ""}], max_tokens)
        suffix = len(empty) - empty.prompt_len
        out.append((full.input_ids, full.prompt_len, max(full.prompt_len, len(full) - suffix)))
    return out


def pooled_batch(traced: Any, tok: Any, items: Sequence[Encoded], layers: list[int], poolings: tuple[str, ...],
                 device: Any, remote: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    """One traced pass over ``layers`` (left-padded batch); yields (layer, {pooling: tensor}) per layer, each
    layer's output pooled on the device and freed before the next."""
    import torch

    width = max(len(ids) for ids, _, _ in items)
    input_ids = torch.full((len(items), width), tok.pad_token_id, dtype=torch.long)
    attention = torch.zeros((len(items), width), dtype=torch.long)
    for row, (ids, _, _) in enumerate(items):
        input_ids[row, width - len(ids):] = torch.tensor(ids)
        attention[row, width - len(ids):] = 1
    answer_mask, last_prompt = spans([len(i[0]) for i in items], [i[1] for i in items], [i[2] for i in items], width)
    inputs = {"input_ids": input_ids.to(device), "attention_mask": attention.to(device)}
    outputs = read_layer_outputs(traced, inputs, layers, remote=remote)
    for layer in list(outputs):
        hidden = outputs.pop(layer)
        views = pooled_views(hidden, attention, answer_mask, last_prompt, poolings)
        del hidden
        yield layer, views
        del views


def _examples(examples: Sequence[Example | tuple[str, str]]) -> list[Example]:
    out = []
    for i, ex in enumerate(examples):
        if isinstance(ex, Example):
            out.append(ex)
        elif isinstance(ex, (tuple, list)) and len(ex) == 2 and all(isinstance(x, str) for x in ex):
            out.append(Example(str(i), (("user", ex[0]),), ex[1]))
        else:
            raise EmprobeError(f"example {i}: expected an Example or a (prompt, answer) pair of strings, "
                               f"got {type(ex).__name__}")
    return out


def collect_activations(model: Any, tokenizer: Any, examples: Sequence[Example | tuple[str, str]],
                        layers: Sequence[int], poolings: Sequence[str] = ("mean-answer", "last-prompt"), *,
                        batch_size: int = 8, max_tokens: int = MAX_TOKENS) -> dict[int, dict[str, Any]]:
    """Pooled residual activations of ``model`` (plain or peft, already loaded) for ``examples`` (``Example`` or
    ``(prompt, answer)`` pairs, rendered with the tokenizer's chat template), in the input order.

    Returns ``{layer: {pooling: array}}``: ``mean-answer`` and ``last-prompt`` float32 ``[n, hidden]``;
    ``all-tokens`` a list of ``[tokens_i, hidden]`` arrays, one per example. The same batch pass as
    ``emprobe extract``, so the numbers equal what it stores (a test checks)."""
    import torch

    poolings = tuple(poolings)
    unknown = [p for p in poolings if p not in POOLINGS]
    if unknown or not poolings:
        raise EmprobeError(f"pooling {unknown[0] if unknown else '(none)'!r}: valid are {', '.join(POOLINGS)}")
    items = _examples(examples)
    if not items:
        raise EmprobeError("collect_activations: no examples")
    n_layers = model_dims(model).n_layers
    bad = [layer for layer in layers if not 0 <= int(layer) < n_layers]
    if bad or not layers:
        raise EmprobeError(f"layer {bad[0] if bad else '(none)'}: valid are 0..{n_layers - 1}")
    if tokenizer.pad_token_id is None:
        raise EmprobeError("the tokenizer has no pad token: set tokenizer.pad_token (e.g. to its eos token)")
    layers = sorted({int(layer) for layer in layers})
    encoded = answer_spans(tokenizer, items, max_tokens)
    traced = wrap(model, tokenizer)
    device = next(model.parameters()).device
    parts: dict[int, dict[str, list]] = {layer: {p: [] for p in poolings} for layer in layers}
    order: list[int] = []
    for idx in length_sorted_batches([len(e[0]) for e in encoded], batch_size):
        batch = [encoded[i] for i in idx]
        for layer, views in pooled_batch(traced, tokenizer, batch, layers, poolings, device):
            for name, tensor in views.items():
                value = tensor.detach().to(torch.float32).cpu().numpy()
                if name == "all-tokens":
                    ends = np.cumsum([len(ids) for ids, _, _ in batch])
                    parts[layer][name] += np.split(value, ends[:-1])
                else:
                    parts[layer][name].append(value)
        order += list(idx)
    inverse = np.argsort(np.asarray(order))
    out: dict[int, dict[str, Any]] = {}
    for layer, views in parts.items():
        out[layer] = {}
        for name, chunks in views.items():
            if name == "all-tokens":
                out[layer][name] = [chunks[i] for i in inverse]
            else:
                out[layer][name] = np.concatenate(chunks)[inverse]
    return out
