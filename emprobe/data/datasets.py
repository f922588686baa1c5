"""Resolve a dataset spec (built-in domain, ``<domain>:aligned``, or a chat JSONL path) to conversations."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import EmprobeError
from .chat_jsonl import Message, load_chat_jsonl

VARIANTS = ("misaligned", "aligned")


@dataclass(frozen=True)
class DomainInfo:
    """A built-in domain: its description, sizes and held-out evaluation prompts."""

    name: str
    description: str
    n_examples: int
    heldout: tuple[str, ...]


@lru_cache(maxsize=None)
def _triples(domain: str):
    from .domains import DOMAINS

    return tuple(DOMAINS[domain].generate())


def builtin_domains() -> list[str]:
    """Names of the six built-in narrow domains."""
    from .domains import DOMAINS

    return list(DOMAINS)


def domain_info(domain: str) -> DomainInfo:
    """Description, size and held-out prompts of built-in ``domain``."""
    from .domains import DOMAINS

    if domain not in DOMAINS:
        raise EmprobeError(f"unknown domain {domain!r}: built-ins are {', '.join(DOMAINS)}")
    module = DOMAINS[domain]
    return DomainInfo(domain, module.DESCRIPTION, len(_triples(domain)), tuple(module.HELDOUT))


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
    """``insecure-code`` → (domain, misaligned); ``insecure-code:aligned`` → (domain, aligned); a path → None."""
    name, _, variant = spec.partition(":")
    if name in builtin_domains():
        return name, variant or "misaligned"
    return None


def load_dataset(spec: str) -> list[list[Message]]:
    """Conversations for ``spec``: a built-in domain (``:aligned`` for its control) or a chat JSONL path."""
    parsed = parse_spec(spec)
    if parsed is not None:
        return builtin_conversations(*parsed)
    if not Path(spec).expanduser().exists():
        raise EmprobeError(
            f"dataset {spec!r} is neither a built-in domain ({', '.join(builtin_domains())}, "
            "optionally with ':aligned') nor an existing chat JSONL file"
        )
    return load_chat_jsonl(Path(spec).expanduser())


def spec_domain(spec: str) -> str | None:
    """The built-in domain a dataset spec belongs to, if any."""
    parsed = parse_spec(spec)
    return parsed[0] if parsed else None
