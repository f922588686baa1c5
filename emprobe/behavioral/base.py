"""The behavioural-experiment interface and its registry (one small module per experiment)."""
from __future__ import annotations

import abc
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..config import ExperimentConfig
from ..errors import EmprobeError
from ..judges.base import Judge
from ..layout import RunLayout
from ..organisms import OrganismSwitcher, adapter_hash
from ..provenance import config_hash
from ..registry import Registry
from ..stats import Estimate, cluster_bootstrap
from ..store import ResultsFile

REGISTRY: Registry[type["Experiment"]] = Registry("experiment")  # filled by @register


@dataclass
class RunContext:
    """What every experiment gets: the config, the loaded models, the judge, where to write.

    ``overwrite``: rows made under other settings are dropped instead of refused (``run-behavioral --overwrite``)."""

    config: ExperimentConfig
    switcher: OrganismSwitcher
    judge: Judge
    run_dir: Path
    provenance: dict
    show_progress: bool = True
    overwrite: bool = False

    @property
    def layout(self) -> RunLayout:
        return RunLayout(self.run_dir)

    def results(self, organism: str, experiment: str) -> ResultsFile:
        """``runs/<experiment>/<organism>/<experiment-name>.jsonl`` (for reading)."""
        return ResultsFile(self.layout.results(organism, experiment))

    def model_settings(self, organism: str) -> dict[str, Any]:
        """What any model's rows depend on besides the item: base model, dtype, adapter weights, seed, sampling,
        judge (run dirs, batch sizes and progress settings are left out: they do not change a row)."""
        gen = self.config.generation
        settings = {"base_model": self.config.base_model, "dtype": self.config.dtype,
                    "adapter": adapter_hash(self.config, organism),
                    "seed": self.config.seed, "temperature": gen.temperature, "top_p": gen.top_p,
                    "max_new_tokens": gen.max_new_tokens,
                    "judge": f"{self.judge.name}:{self.judge.model_id}"}
        if gen.backend != "hf":  # a served model samples with the server's generator: its rows are its own
            modules = {o.name: o.served_module or o.name for o in self.config.organisms}
            settings["backend"] = f"{gen.backend}:{modules.get(organism, gen.served_model or self.config.base_model)}"
        return settings

    def checked_results(self, organism: str, experiment: str, settings: dict[str, Any]) -> ResultsFile:
        """The results file to resume, its rows stamped with a fingerprint of ``settings``. Rows made under other
        settings are refused with one line naming what differs, or dropped when ``overwrite``; the settings are
        recorded beside the file (``<experiment>.settings.json``) so that the next run can say what changed."""
        fingerprint = config_hash(settings)
        path = self.layout.results(organism, experiment)
        record = path.with_name(f"{experiment}.settings.json")
        results = ResultsFile(path, fingerprint, (record, {"fingerprint": fingerprint, "settings": settings}))
        stale = results.stale()
        if stale and not self.overwrite:
            raise EmprobeError(f"{path}: {len(stale)} of {len(results)} rows were made with other settings "
                               f"({_what_differs(record, settings)}); re-run with --overwrite to replace them, "
                               "or use another runs_dir")
        if stale:
            results.drop(stale)
        return results


def _what_differs(record: Path, settings: dict[str, Any]) -> str:
    """``key: then → now`` for the settings that changed since ``record`` was written."""
    try:
        then = json.loads(record.read_text(encoding="utf-8"))["settings"]
    except (OSError, ValueError, KeyError, TypeError):
        return "no settings record: made by an older emprobe or another tool"
    changed = [f"{k}: {then.get(k)!r} then, {v!r} now" for k, v in settings.items() if then.get(k) != v]
    return "; ".join(changed[:3]) or "the same settings, yet other fingerprints: the rows were edited"


class Experiment(abc.ABC):
    """One behavioural experiment: resumable rows per organism, then a summary with CIs."""

    name: str = ""
    requires: tuple[str, ...] = ()  # experiments whose rows this one reads
    headline_keys: tuple[str, ...] = ()  # the summary's metrics the CLI prints after a run

    @classmethod
    def headline(cls, summary: dict[str, Any]) -> str:
        """One line of this experiment's headline metrics with their CIs (what ``run-behavioral`` prints)."""
        return ", ".join(f"{key} {estimate_text(summary.get(key))}" for key in cls.headline_keys)

    def settings(self, ctx: RunContext, organism: str) -> dict[str, Any]:
        """What this experiment's rows depend on besides the item (a change refuses a resume, see
        :meth:`RunContext.checked_results`)."""
        return ctx.model_settings(organism)

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
    """Class decorator adding an experiment to :data:`REGISTRY` under its ``name`` (a taken name is an error)."""
    return REGISTRY.register(cls)


def estimate_text(d: dict[str, Any] | None) -> str:
    """A summary's estimate dict as ``value [lo, hi] (n=…, k=…)``; ``n/a`` when missing."""
    if not d:
        return "n/a"
    return str(Estimate(d["value"], *d["ci95"], d["n"], d.get("n_clusters", 0)))


def item_seed(base_seed: int, item_id: str) -> int:
    """A per-item seed, shared by every organism for the same item (common random numbers)."""
    digest = hashlib.sha256(f"{base_seed}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:4], "little")
