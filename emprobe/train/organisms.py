"""Training jobs for the organisms of an experiment config."""
from __future__ import annotations

from ..config import ExperimentConfig
from .loop import TrainJob, TrainResult, train


def organism_jobs(config: ExperimentConfig, names: list[str] | None = None) -> list[TrainJob]:
    """One job per organism (all, or those in ``names``; unknown names are an error listing the valid ones)."""
    organisms = [config.organism(n) for n in names] if names else list(config.organisms)
    return [
        TrainJob(
            base_model=config.base_model,
            dataset=org.dataset,
            out_dir=config.adapter_dir(org),
            training=config.training,
            seed=config.seed if org.seed is None else org.seed,
            dtype=config.dtype,
            device_map=config.device_map,
            label=org.name,
        )
        for org in organisms
    ]


def training_prompts(config: ExperimentConfig) -> set[str]:
    """Every user turn any organism of ``config`` trains on (what a held-out example set must avoid)."""
    return {m["content"] for job in organism_jobs(config) for conversation in job.conversations()
            for m in conversation if m["role"] == "user"}


def train_organisms(config: ExperimentConfig, names: list[str] | None = None, *,
                    show_progress: bool = True) -> list[TrainResult]:
    """Train (or resume, or skip when finished) the selected organisms in order."""
    return [train(job, show_progress=show_progress) for job in organism_jobs(config, names)]
