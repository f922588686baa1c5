"""The behavioural-experiment interface and its registry (one small module per experiment)."""
from __future__ import annotations

import abc
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..analysis.stats import cluster_bootstrap
from ..config import ExperimentConfig
from ..judges.base import Judge
from ..organisms import OrganismPool
from ..store import ResultsFile

REGISTRY: dict[str, type["Experiment"]] = {}


@dataclass
class RunContext:
    """What every experiment gets: the config, the loaded models, the judge, where to write."""

    config: ExperimentConfig
    pool: OrganismPool
    judge: Judge
    run_dir: Path
    provenance: dict
    show_progress: bool = True

    def results(self, organism: str, experiment: str) -> ResultsFile:
        """``runs/<experiment>/<organism>/<experiment-name>.jsonl``."""
        return ResultsFile(self.run_dir / organism / f"{experiment}.jsonl")


class Experiment(abc.ABC):
    """One behavioural experiment: resumable rows per organism, then a summary with CIs."""

    name: str = ""
    requires: tuple[str, ...] = ()  # experiments whose rows this one reads

    @abc.abstractmethod
    def run(self, ctx: RunContext, organism: str) -> ResultsFile:
        """Produce the missing rows of ``organism`` (skipping finished ones) and return its results file."""

    def item_ids(self, ctx: RunContext, organism: str) -> list[str] | None:
        """The ids of the rows the current config asks for (rows left by an earlier config are not summarised)."""
        return None

    @abc.abstractmethod
    def summarize(self, ctx: RunContext, organism: str, rows: list[dict]) -> dict[str, Any]:
        """Metrics with 95 % clustered bootstrap CIs from the organism's rows."""

    def cluster(self, row: dict) -> str:
        """The resampling unit a row belongs to (a question with all its paraphrases and samples; a self-report
        cell with both option orders). Rows of one cluster are never split by a bootstrap."""
        return row["id"]

    def ci(self, rows: list[dict], value: Callable[[dict], float | None], seed: int) -> dict[str, Any]:
        """The mean of ``value`` over ``rows`` with its 95 % CI resampling clusters, as a dict."""
        return cluster_bootstrap([value(r) for r in rows], [self.cluster(r) for r in rows], seed=seed).to_dict()


def register(cls: type[Experiment]) -> type[Experiment]:
    """Class decorator adding an experiment to :data:`REGISTRY` under its ``name``."""
    REGISTRY[cls.name] = cls
    return cls


def item_seed(base_seed: int, item_id: str) -> int:
    """A per-item seed, shared by every organism for the same item (common random numbers)."""
    digest = hashlib.sha256(f"{base_seed}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:4], "little")
