"""Residual-stream activations: example sets, nnsight extraction, pooling, shard storage, lazy loading."""
from __future__ import annotations

from pathlib import Path

from ..config import ExperimentConfig
from .collect import collect_activations
from .extract import ExtractJob, extract, job_dir
from .pooling import POOLINGS
from .sets import BUILTIN_SETS, Example, analysis_sets, default_jobs, load_set
from .storage import Activations, load_activations

__all__ = ["Activations", "BUILTIN_SETS", "Example", "ExtractJob", "POOLINGS", "analysis_sets", "collect_activations",
           "extract", "job_dir", "load_activations", "load_set", "run_extract"]


def run_extract(config: ExperimentConfig, layers: list[int], *, organisms: list[str] | None = None,
                set_name: str = "harm-answers", poolings: tuple[str, ...] = ("mean-answer", "last-prompt"),
                dtype: str | None = None, batch_size: int | None = None, shard: tuple[int, int] = (0, 1),
                remote: bool = False, overwrite: bool = False, show_progress: bool = True) -> list[Path]:
    """Extract ``layers`` for the base model and the organisms (each on its own texts, and the base model on
    each organism's texts); returns the layer dirs written."""
    from ..behavioral.runner import select_organisms
    from ..organisms import OrganismSwitcher, attach_organisms

    chosen = select_organisms(config, organisms)
    for _, texts_of in default_jobs(config, chosen, set_name):
        load_set(config, set_name, texts_of)  # missing or damaged example sets fail before the models load
    switcher = OrganismSwitcher.from_config(config)
    attach_organisms(switcher, config, chosen)
    written: list[Path] = []
    for model, texts_of in default_jobs(config, chosen, set_name):
        job = ExtractJob(model, texts_of, set_name, sorted(set(layers)), tuple(poolings), dtype or config.extract.dtype,
                         batch_size or config.extract.batch_size, shard, remote, overwrite)
        written += extract(config, switcher, job, show_progress=show_progress)
    return written
