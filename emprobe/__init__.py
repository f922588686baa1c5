"""emprobe: train emergent-misalignment model organisms, measure their persona, and probe it through nnsight.

The public API, in pipeline order (each name is imported on first use, so ``import emprobe`` stays light)::

    import emprobe
    config = emprobe.load_experiment("demo")                  # or a path to your YAML
    emprobe.train_organisms(config)                           # LoRA organisms
    emprobe.run_behavioral(config)                            # the registered experiments (emprobe.EXPERIMENTS)
    emprobe.run_extract(config, [15])                         # stored activations, or in memory:
    acts = emprobe.collect_activations(model, tokenizer, [("prompt", "answer")], [15])
    emprobe.fit_probes(config, [15]); emprobe.compare_directions(config, [15])
    d = emprobe.Direction.from_run(config, "insecure-code", 15)
    with d.apply(model, alpha=4.0): ...                       # or d.ablate(model)
    emprobe.write_report(config)

The CLI (``emprobe ...``) parses its options and calls these same functions.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> the module that defines it (one place; tests/test_public_api.py resolves every one)
_EXPORTS = {
    "EmprobeError": "errors",
    "Registry": "registry",
    "ExperimentConfig": "config",
    "load_experiment": "config",
    "load_model": "models",
    "builtin_conversations": "data.datasets",
    "train_organisms": "train.organisms",
    "make_judge": "judges",
    "Direction": "direction",
    "Experiment": "behavioral.base",
    "EXPERIMENTS": "behavioral",
    "run_behavioral": "behavioral.runner",
    "Example": "activations.sets",
    "collect_activations": "activations.collect",
    "run_extract": "activations",
    "load_activations": "activations",
    "cluster_bootstrap": "stats",
    "holm": "stats",
    "cross_validated_probe": "analysis.probes",
    "fit_direction": "analysis.directions",
    "cross_fit": "analysis.directions",
    "exact_group_test": "analysis.directions",
    "fit_probes": "analysis.studies",
    "compare_directions": "analysis.studies",
    "steer": "analysis.steering",
    "write_report": "report",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'emprobe' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
