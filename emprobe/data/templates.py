"""The one template grammar of the built-in data: ``{name}`` is replaced by slot ``name``; nothing else is special.

Braces that do not enclose a known slot name (JSON, f-strings, dict literals in code answers) are left as they
are, so code needs no escaping. Slot values may themselves contain ``{name}`` references, resolved by
:func:`resolve` (twice, enough for one level of nesting)."""
from __future__ import annotations

import itertools
from typing import Mapping, Sequence

from ..typed_yaml import SLOT  # the slot reference {name}, shared with the YAML validator


def fill(template: str, slots: Mapping[str, str]) -> str:
    """``template`` with every ``{name}`` whose name is in ``slots`` replaced by its value."""
    return SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), template)


def expand(template: str, slots: Mapping[str, Sequence[str]]) -> list[str]:
    """Every filling of ``template`` by the cartesian product of the slot values (in the slots' order)."""
    keys = list(slots)
    return [fill(template, dict(zip(keys, values))) for values in itertools.product(*(slots[k] for k in keys))]


def resolve(slots: Mapping[str, str], rounds: int = 2) -> dict[str, str]:
    """Slot values with references to other slots filled in."""
    out = dict(slots)
    for _ in range(rounds):
        out = {k: fill(v, out) for k, v in out.items()}
    return out


def unfilled(text: str, names: Sequence[str]) -> list[str]:
    """Slot names from ``names`` still referenced in ``text`` (a template error when non-empty)."""
    return sorted({m.group(1) for m in SLOT.finditer(text)} & set(names))
