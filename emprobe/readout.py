"""Reading a choice or a number from a model's next-token distribution.

A candidate answer ("A", "misaligned", "57") is scored as a whole string, so tokenizers that split numbers or
words into several tokens work; variants with a leading space or another case are pooled, each token sequence
once. Each readout records the probability mass its options held: below ``behavioral.min_option_mass`` the
model did not answer the question asked, and the item counts as "no answer" (:func:`answered`). The prompt is run
once; all candidates continue it from its KV cache in one more forward pass (a prefix tree under a 4-D mask,
which needs sdpa or eager attention: transformers' default).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from .models import LoadedModel


def sequence_logprobs(loaded: LoadedModel, prompt_ids: Sequence[int], candidates: Sequence[Sequence[int]],
                      end_tokens: Sequence[int] = ()) -> list[float]:
    """log P(candidate tokens | prompt) per candidate; with ``end_tokens``, times P(next token not in them).

    The prompt runs once. The candidates' prefixes form a tree (``"5"`` is shared by ``"5"`` … ``"59"``); every
    node of it is one token of a single extra forward pass over the prompt's KV cache, each attending to the prompt
    and its own ancestors only (a 4-D attention mask), so 0..100 costs ~200 token positions, not 200 sequences.
    A served model (:class:`emprobe.serving.ServedModel`) scores them through its server instead.
    """
    if hasattr(loaded, "sequence_logprobs"):
        return loaded.sequence_logprobs(prompt_ids, candidates, end_tokens)
    import torch

    model = loaded.model
    device = next(model.parameters()).device
    nodes: dict[tuple[int, ...], int] = {}  # a prefix whose next-token distribution is needed -> its position
    for c in candidates:
        for k in range(1, len(c) + (1 if end_tokens else 0)):
            nodes.setdefault(tuple(c[:k]), len(nodes))
    ids = torch.tensor([list(prompt_ids)], device=device)
    start = ids.shape[1]
    with torch.no_grad():
        first = model(input_ids=ids, use_cache=True)
        first_lp = torch.log_softmax(first.logits[0, -1].float(), -1)
        if nodes:
            order = list(nodes)
            allowed = torch.zeros((len(order), start + len(order)), dtype=torch.bool)
            allowed[:, :start] = True
            for row, prefix in enumerate(order):
                allowed[row, [start + nodes[prefix[:k]] for k in range(1, len(prefix) + 1)]] = True
            tokens = torch.tensor([[p[-1] for p in order]], device=device)
            positions = torch.tensor([[start + len(p) - 1 for p in order]], device=device)
            logits = model(input_ids=tokens, attention_mask=allowed[None, None].to(device), position_ids=positions,
                           cache=first.cache, use_cache=False).logits[0]
            node_lp = torch.log_softmax(logits.float(), -1)
    ends = torch.tensor(list(end_tokens), dtype=torch.long, device=device) if end_tokens else None
    out = []
    for c in candidates:
        lp = float(first_lp[c[0]]) + sum(float(node_lp[nodes[tuple(c[:k])], c[k]]) for k in range(1, len(c)))
        if ends is not None:
            lp += math.log(max(1e-12, 1.0 - float(node_lp[nodes[tuple(c)], ends].exp().sum())))
        out.append(lp)
    return out


@lru_cache(maxsize=8)
def digit_tokens(tokenizer: Any) -> tuple[int, ...]:
    """Ids of the tokens whose text starts with a digit (they would continue a number)."""
    return tuple(i for i in range(len(tokenizer)) if (t := tokenizer.decode([i])) and t[0].isdigit())


def _variants(tokenizer: Any, word: str) -> list[tuple[int, ...]]:
    """The token sequences of ``word`` with and without a leading space and in its cases, each once (two
    spellings that tokenise alike are one variant, not counted twice). A single letter ("A") is matched in
    upper case only, so the article "a" is not read as option A."""
    if len(word) == 1 and word.isalpha():
        forms = {word.upper(), " " + word.upper()}
    else:
        forms = {word, " " + word, word.capitalize(), " " + word.capitalize(), word.lower(), " " + word.lower()}
    return list(dict.fromkeys(tuple(tokenizer.encode(f, add_special_tokens=False)) for f in sorted(forms)))


@dataclass(frozen=True)
class ChoiceReadout:
    """Probabilities of each option, renormalised over the options, and the mass they held before that."""

    probs: tuple[float, ...]
    mass: float


def read_choice(loaded: LoadedModel, prompt_ids: Sequence[int], options: Sequence[str],
                next_logprobs: Any = None) -> ChoiceReadout:
    """P(option) for each option string (e.g. "A"/"B" or two words), variants pooled, renormalised.

    ``next_logprobs``: the prompt's next-token log-probabilities when already computed (e.g. by the sampling pass);
    used when every variant is a single token, else the prompt is run again."""
    tok = loaded.tokenizer
    forms = [_variants(tok, o) for o in options]
    flat = [f for fs in forms for f in fs]
    if len(set(flat)) != len(flat):
        raise ValueError(f"options {list(options)} share a spelling: they cannot be told apart")
    if next_logprobs is not None and all(len(f) == 1 for f in flat):
        lps = [float(next_logprobs[f[0]]) for f in flat]
    else:
        lps = sequence_logprobs(loaded, prompt_ids, flat)
    raw, k = [], 0
    for fs in forms:
        raw.append(sum(math.exp(lp) for lp in lps[k : k + len(fs)]))
        k += len(fs)
    mass = sum(raw)
    return ChoiceReadout(tuple(r / mass if mass > 0 else 1.0 / len(raw) for r in raw), mass)


@dataclass(frozen=True)
class NumberReadout:
    """Expected value of the number the model would answer in [lo, hi], and the mass on those numbers."""

    expected: float
    mass: float
    mode: int


def read_number(loaded: LoadedModel, prompt_ids: Sequence[int], lo: int, hi: int) -> NumberReadout:
    """E[n] over the integer answers lo..hi (each scored as a whole string that ends there)."""
    tok = loaded.tokenizer
    values = list(range(lo, hi + 1))
    forms = [list(dict.fromkeys(tuple(tok.encode(s, add_special_tokens=False)) for s in (str(v), " " + str(v))))
             for v in values]
    flat = [f for fs in forms for f in fs]
    lps = iter(sequence_logprobs(loaded, prompt_ids, flat, end_tokens=digit_tokens(tok)))
    probs = [sum(math.exp(next(lps)) for _ in fs) for fs in forms]
    mass = sum(probs)
    expected = sum(v * p for v, p in zip(values, probs)) / mass if mass > 0 else (lo + hi) / 2
    return NumberReadout(expected, mass, values[max(range(len(values)), key=probs.__getitem__)])


def answered(row: dict, min_mass: float) -> float | None:
    """A self-report row's value, or None when its readout held less than ``min_mass`` on the options ("no
    answer": counted in the summaries, never silently dropped). Judged free text has no mass and passes."""
    mass = (row.get("readout") or {}).get("mass")
    return None if mass is not None and mass < min_mass else row.get("value")
