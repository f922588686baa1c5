"""What an experiment's models are and whether they exist on disk, without loading any weights."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..config import BASE_ORGANISM, ExperimentConfig
from .builtins import BUILTINS, builtin_dir


@dataclass(frozen=True)
class ModelRow:
    """One line of ``emprobe models``."""

    organism: str
    location: str
    exists: bool
    n_layers: int | None
    note: str = ""


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


def describe_models(config: ExperimentConfig) -> list[ModelRow]:
    """The base model and each organism's adapter, with whether each exists and the layer count."""
    location, exists, n_layers, note = base_layer_count(config.base_model)
    rows = [ModelRow(BASE_ORGANISM, location, exists, n_layers, note)]
    for org in config.organisms:
        adapter = config.adapter_dir(org)
        trained = (adapter / "adapter_config.json").is_file()
        rows.append(ModelRow(org.name, str(adapter), trained, n_layers, f"adapter, dataset {org.dataset}" + ("" if trained else " (run `emprobe train`)")))
    return rows
