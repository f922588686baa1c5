"""The built-in model names and their on-disk cache (``$EMPROBE_CACHE/models/<name>-v<version>``)."""
from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from ..paths import atomic_dir, cache_dir
from ..registry import Registry
from . import smollm2, tiny_qwen2

# name -> module with VERSION, N_LAYERS and materialize(dir)
BUILTINS: Registry[ModuleType] = Registry("built-in model")
BUILTINS.add("smollm2-135m", smollm2)
BUILTINS.add("tiny-qwen2", tiny_qwen2)


def builtin_dir(name: str) -> Path:
    """Where the cached copy of built-in model ``name`` lives (it may not exist yet)."""
    return cache_dir() / "models" / f"{name}-v{BUILTINS[name].VERSION}"


def ensure_builtin(name: str) -> Path:
    """Materialise built-in model ``name`` into the cache once (atomically) and return its directory."""
    from ..locking import locked

    target = builtin_dir(name)
    if (target / "config.json").is_file():
        return target
    with locked(target, f"the built-in model {name}"):  # a second process waits, then finds it ready
        if (target / "config.json").is_file():
            return target
        print(f"emprobe: preparing built-in model {name} in {target} (once)", file=sys.stderr)
        with atomic_dir(target) as tmp:
            BUILTINS[name].materialize(tmp)
    return target
