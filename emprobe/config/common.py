"""Names and checks every config section shares."""
from __future__ import annotations

import re

PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
BASE_ORGANISM = "base"
HARM_SCOPES = ("out-of-domain", "in-domain", "all")
# The choices a config may name, checked when it loads; the registries that implement them accept only these names
# (judges.BACKENDS, organisms.GENERATION_BACKENDS) and a test checks that each name is implemented.
JUDGE_BACKENDS = ("embedded", "openai", "hf")
GENERATION_BACKENDS = ("hf", "openai")


def require(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def is_key_variable(name: str) -> bool:
    """Whether ``name`` may hold a credential: an environment variable name ending in _API_KEY or _TOKEN."""
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(_API_KEY|_TOKEN)", name))
