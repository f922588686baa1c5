"""Options and option parsing the commands share."""
from __future__ import annotations

import click

from ..errors import EmprobeError

CONFIG_HELP = "Experiment YAML, or a shipped name (demo, paper). Default: the embedded demo experiment."
LAYER_HELP = ("Layers: N, a list N,M, a range START:STOP[:STEP] (STOP excluded) or all (every decoder layer); "
              "repeatable. Default: extract.layers of the config.")


def layers_of(config, specs: tuple[str, ...] = ()) -> list[int]:
    """The layers of the ``--layer`` specs (see :mod:`emprobe.layers_spec`) when given, else the config's
    ``extract.layers``; checked against the base model's layer count (read without loading weights)."""
    from ..layers_spec import base_model_layer_count, resolve_layers

    if specs:
        return resolve_layers(list(specs), base_model_layer_count(config.base_model), model=config.base_model)
    if not config.extract.layers:
        raise EmprobeError("no layer given: pass --layer L or set extract.layers in the config")
    return config.extract.layer_list(base_model_layer_count(config.base_model), config.base_model)


def one_layer(config, layer: int | None) -> int:
    """``--layer`` when given, else the first of the config's ``extract.layers``."""
    if layer is not None:
        return layer
    return layers_of(config)[0]


def names_of(values: tuple[str, ...]) -> list[str]:
    """Accept both ``--x a --x b`` and ``--x a,b``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def study_options(command):
    """``--config``, ``--layer`` and ``--organisms``: what the analysis commands on stored activations take."""
    command = click.option("--organisms", "organisms", multiple=True,
                           help="Organisms (comma-separated or repeated). Default: all.")(command)
    command = click.option("--layer", "layers", multiple=True, help=LAYER_HELP)(command)
    return click.option("--config", "config_path", default=None, help=CONFIG_HELP)(command)


def run_study(study, config_path: str | None, layers: tuple[str, ...], organisms: tuple[str, ...]):
    """Load the config and run ``study(config, layers, organisms)`` (fit_probes, compare_directions) on the
    parsed options; returns (config, result)."""
    from ..config import load_experiment

    config = load_experiment(config_path)
    return config, study(config, layers_of(config, layers), names_of(organisms) or None)
