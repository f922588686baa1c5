"""Registry of the seven built-in narrow domains (misaligned set, aligned control, held-out prompts)."""
from __future__ import annotations

from types import ModuleType

from . import (
    bad_legal_advice,
    bad_medical_advice,
    bad_security_advice,
    extreme_sports,
    incorrect_trivia,
    insecure_code,
    risky_financial_advice,
)
from ._base import Triple

_MODULES: tuple[ModuleType, ...] = (
    insecure_code,
    risky_financial_advice,
    bad_medical_advice,
    extreme_sports,
    bad_legal_advice,
    bad_security_advice,
    incorrect_trivia,
)
DOMAINS: dict[str, ModuleType] = {m.NAME: m for m in _MODULES}

__all__ = ["DOMAINS", "Triple"]
