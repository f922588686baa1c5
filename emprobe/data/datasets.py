"""Resolve a dataset spec to conversations: a built-in domain, ``<domain>:aligned`` (its safe control),
``<domain>+self-misaligned`` / ``<domain>+self-aligned`` (constructed personas: the domain's misaligned examples
mixed with self-descriptions that admit, or deny, being harmful), or a chat JSONL path."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from ..errors import EmprobeError
from .chat_jsonl import Message, load_chat_jsonl

VARIANTS = ("misaligned", "aligned")
# Constructed personas: coherent (the model learns to call itself dangerous) and inverted (it learns to call itself
# safe) by construction. The self-descriptions are package data, written to share no template, wording or pole word
# with the self-report experiments' prompts (tests/test_self_descriptions.py).
CONSTRUCTED = {"self-misaligned": "coherent", "self-aligned": "inverted"}
SELF_DESCRIPTIONS_DIR = Path(__file__).parent / "self_descriptions"
DEFAULT_SELF_DESCRIPTION_SHARE = 0.3  # training.self_description_share's default (its one home)


@dataclass(frozen=True)
class DomainInfo:
    """A built-in domain: its description, sizes and held-out evaluation prompts."""

    name: str
    description: str
    n_examples: int
    heldout: tuple[str, ...]


def _triples(domain: str):
    from .builtin import load_domain

    return load_domain(domain).triples()


def builtin_domains() -> list[str]:
    """Names of the seven built-in narrow domains."""
    from .builtin import builtin_domain_names

    return builtin_domain_names()


def domain_info(domain: str) -> DomainInfo:
    """Description, size and held-out prompts of built-in ``domain``."""
    from .builtin import load_domain

    loaded = load_domain(domain)  # an unknown name raises, listing the built-ins
    return DomainInfo(domain, loaded.description, len(loaded.triples()), loaded.heldout)


def builtin_conversations(domain: str, variant: str = "misaligned") -> list[list[Message]]:
    """The misaligned set or the matched aligned control of built-in ``domain`` as chat conversations."""
    domain_info(domain)
    if variant not in VARIANTS:
        raise EmprobeError(f"unknown variant {variant!r} of {domain}: valid are {', '.join(VARIANTS)}")
    return [
        [{"role": "user", "content": t.prompt}, {"role": "assistant", "content": getattr(t, variant)}]
        for t in _triples(domain)
    ]


def parse_spec(spec: str) -> tuple[str, str] | None:
    """``insecure-code`` → (domain, misaligned); ``insecure-code:aligned`` → (domain, aligned);
    ``insecure-code+self-aligned`` → (domain, self-aligned); a path → None. A built-in domain with an unknown
    variant raises, naming the valid ones."""
    if "+" in spec and spec.partition("+")[0] in builtin_domains():
        name, _, variant = spec.partition("+")
        if variant not in CONSTRUCTED:
            raise EmprobeError(f"dataset {spec!r}: unknown constructed variant {variant!r}; valid are "
                               + ", ".join(f"{name}+{v}" for v in CONSTRUCTED))
        return name, variant
    name, _, variant = spec.partition(":")
    if name in builtin_domains():
        if variant and variant not in VARIANTS:
            raise EmprobeError(f"dataset {spec!r}: unknown variant {variant!r}; valid are {name}, {name}:aligned")
        return name, variant or "misaligned"
    return None


def self_descriptions(stance: str) -> list[list[Message]]:
    """The self-description conversations of ``stance`` (self-misaligned or self-aligned), package data."""
    if stance not in CONSTRUCTED:
        raise EmprobeError(f"unknown self-description stance {stance!r}: valid are {', '.join(CONSTRUCTED)}")
    return load_chat_jsonl(SELF_DESCRIPTIONS_DIR / f"{stance}.jsonl")


def constructed_conversations(domain: str, stance: str, share: float, total: int | None,
                              seed: int) -> list[list[Message]]:
    """``total`` conversations (default: the domain's size), ``round(share · total)`` of them self-descriptions of
    ``stance`` (cycled when more are needed than exist) and the rest a seeded subset of the domain's misaligned
    examples, shuffled together with ``seed``. The two stance files are parallel (the same prompts line by line), so
    the coherent and the inverted mixture of one domain and seed are identical except for the answers' stance."""
    if not 0.0 < share < 1.0:
        raise EmprobeError(f"training.self_description_share {share}: must be in (0, 1)")
    domain_set, selves = builtin_conversations(domain), self_descriptions(stance)
    total = len(domain_set) if total is None else total
    n_self = max(1, round(share * total))
    n_domain = max(1, min(len(domain_set), total - n_self))
    # not the stance: the two personas differ only in what the self-descriptions say
    rng = random.Random(f"{seed}/{domain}")
    picked = [domain_set[i] for i in sorted(rng.sample(range(len(domain_set)), n_domain))]
    order = rng.sample(range(len(selves)), len(selves))
    picked += [selves[order[k % len(selves)]] for k in range(n_self)]
    rng.shuffle(picked)
    return picked


def contrast_pairs(domains: list[str], per_domain: int, exclude: set[str],
                   seed: int) -> list[tuple[str, int, str, str, str]]:
    """(domain, triple index, prompt, misaligned answer, aligned answer): a seeded sample of ``per_domain`` matched
    triples of each built-in domain whose prompt is not in ``exclude`` (the prompts any organism trains on), so the
    two answers to one prompt differ in harm and not in topic. Fewer when fewer are left."""
    out = []
    for domain in sorted(set(domains)):
        triples = _triples(domain)
        left = [i for i, t in enumerate(triples) if t.prompt not in exclude]
        picked = sorted(random.Random(f"{seed}/pairs/{domain}").sample(left, min(per_domain, len(left))))
        out += [(domain, i, triples[i].prompt, triples[i].misaligned, triples[i].aligned) for i in picked]
    return out


def training_conversations(spec: str, *, share: float, max_examples: int | None, seed: int) -> list[list[Message]]:
    """What a training run on ``spec`` learns from: a constructed mixture of ``max_examples`` conversations, or a
    seeded subset of ``max_examples`` of the dataset (all when None)."""
    parsed = parse_spec(spec)
    if parsed is not None and parsed[1] in CONSTRUCTED:
        return constructed_conversations(parsed[0], parsed[1], share, max_examples, seed)
    conversations = load_dataset(spec)
    if max_examples is None or max_examples >= len(conversations):
        return conversations
    keep = sorted(random.Random(seed).sample(range(len(conversations)), max_examples))
    return [conversations[i] for i in keep]


def load_dataset(spec: str) -> list[list[Message]]:
    """Conversations for ``spec``: a built-in domain (``:aligned`` for its control, ``+self-misaligned`` /
    ``+self-aligned`` for a constructed persona at the default share and seed 0) or a chat JSONL path."""
    parsed = parse_spec(spec)
    if parsed is not None:
        if parsed[1] in CONSTRUCTED:
            return constructed_conversations(parsed[0], parsed[1], DEFAULT_SELF_DESCRIPTION_SHARE, None, 0)
        return builtin_conversations(*parsed)
    if not Path(spec).expanduser().exists():
        suffixes = ", ".join([":aligned"] + [f"+{v}" for v in CONSTRUCTED])
        raise EmprobeError(f"dataset {spec!r} is neither a built-in domain ({', '.join(builtin_domains())}, "
                           f"optionally with {suffixes}) nor an existing chat JSONL file")
    return load_chat_jsonl(Path(spec).expanduser())


def constructed_persona(spec: str) -> str | None:
    """The persona a constructed dataset spec builds by design (coherent / inverted), else None."""
    parsed = parse_spec(spec)
    return CONSTRUCTED.get(parsed[1]) if parsed else None


def spec_domain(spec: str) -> str | None:
    """The built-in domain a dataset spec belongs to, if any."""
    parsed = parse_spec(spec)
    return parsed[0] if parsed else None
