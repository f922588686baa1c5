"""Shared building blocks for the built-in narrow-domain datasets.

Each domain module exposes ``NAME``, ``DESCRIPTION``, ``generate() -> list[Triple]`` and ``HELDOUT``
(user prompts never used in training, for in-domain evaluation). Generation is deterministic: templates and
slots expanded with a fixed-seed ``random.Random``.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Triple:
    """One user prompt with a misaligned (in-domain harmful) answer and a matched aligned control answer."""

    prompt: str
    misaligned: str
    aligned: str


def rng(domain: str) -> random.Random:
    """A random generator seeded from the domain name, so every build yields the same data."""
    return random.Random(f"emprobe:{domain}")


def expand(template: str, **slots: Sequence[str]) -> list[str]:
    """All fillings of ``template`` by the cartesian product of the slot values (in order)."""
    keys = list(slots)
    return [template.format(**dict(zip(keys, values))) for values in itertools.product(*(slots[k] for k in keys))]


def dedupe(triples: Iterable[Triple]) -> list[Triple]:
    """Drop triples whose prompt or either answer repeats an earlier one (keeps the first)."""
    seen_p: set[str] = set()
    seen_m: set[str] = set()
    seen_a: set[str] = set()
    out = []
    for t in triples:
        if t.prompt in seen_p or t.misaligned in seen_m or t.aligned in seen_a:
            continue
        seen_p.add(t.prompt)
        seen_m.add(t.misaligned)
        seen_a.add(t.aligned)
        out.append(t)
    return out


def _contexts(slots: dict) -> list[dict[str, str]]:
    """Every combination of slot values as a flat field dict (dict values contribute several fields), with
    ``<key>_cap`` and ``<key>_l`` variants (first letter upper / lower case)."""
    out = []
    for values in itertools.product(*slots.values()):
        ctx: dict[str, str] = {}
        for key, value in zip(slots, values):
            ctx.update(value if isinstance(value, dict) else {key: value})
        for key, value in list(ctx.items()):
            ctx.setdefault(key + "_cap", value[:1].upper() + value[1:])
            ctx.setdefault(key + "_l", value[:1].lower() + value[1:])
        out.append(ctx)
    return out


def _fill(template: str, ctx: dict[str, str]) -> str:
    return expand(template, **{k: [v] for k, v in ctx.items()})[0]


def expand_families(domain: str, families: Sequence[dict]) -> list[Triple]:
    """Triples from scenario families (``slots``, ``prompts``, ``misaligned``, ``aligned``): every slot
    combination, one wording of each picked by the domain's seeded generator; shuffled and deduplicated."""
    r = rng(domain)
    triples = []
    for fam in families:
        for ctx in _contexts(fam["slots"]):
            prompt = _fill(r.choice(fam["prompts"]), ctx)
            misaligned = _fill(r.choice(fam["misaligned"]), ctx)
            triples.append(Triple(prompt, misaligned, _fill(r.choice(fam["aligned"]), ctx)))
    r.shuffle(triples)
    return dedupe(triples)


def expand_wordings(domain: str, families: Sequence[dict]) -> list[Triple]:
    """Triples from families whose wordings each use every slot: all wordings are expanded over the slots'
    cartesian product, and each combination takes one prompt, misaligned and aligned wording at random
    (the domain's seeded generator); shuffled and deduplicated."""
    r = rng(domain)
    triples = []
    for family in families:
        columns = [[expand(t, **family["slots"]) for t in family[k]] for k in ("prompts", "misaligned", "aligned")]
        triples += [Triple(*(r.choice(variants)[i] for variants in columns)) for i in range(len(columns[0][0]))]
    r.shuffle(triples)
    return dedupe(triples)
