"""Where a base model lives and how many layers it has, without loading any weights."""
from __future__ import annotations

import json
from pathlib import Path

from .builtins import BUILTINS, builtin_dir


def base_layer_count(name: str) -> tuple[str, bool, int | None, str]:
    """(location, exists, layer count, note) of a base model, read from config files only."""
    if name in BUILTINS:
        folder = builtin_dir(name)
        cached = (folder / "config.json").is_file()
        return str(folder), cached, BUILTINS[name].N_LAYERS, "built-in" + ("" if cached else ", prepared on first use")
    if Path(name).expanduser().is_dir():
        config = Path(name).expanduser() / "config.json"
        layers = json.loads(config.read_text())["num_hidden_layers"] if config.is_file() else None
        return name, config.is_file(), layers, "local dir"
    try:
        from transformers import AutoConfig

        config = AutoConfig.from_pretrained(name)
        return name, True, config.get_text_config().num_hidden_layers, "Hugging Face cache"
    except (OSError, ValueError):
        return name, False, None, "not in the local Hugging Face cache"
