"""``emprobe demo``: the whole chain on one experiment (by default the embedded SmolLM2 demo), stage by stage.

Every stage is the same Python API the individual commands call, and every stage is resumable, so a re-run
skips what is finished and takes seconds. A stage that cannot run on this data (e.g. too few misaligned answers
for a direction) is reported as skipped with its reason, and the chain goes on; the report says what is missing.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .config import ExperimentConfig
from .errors import EmprobeError

STAGES = ("train", "run-behavioral", "extract", "fit-probes", "compare-directions", "steer", "report")


@dataclass
class StageOutcome:
    name: str
    seconds: float
    summary: str
    skipped: bool = False


@dataclass
class DemoResult:
    config: ExperimentConfig
    stages: list[StageOutcome] = field(default_factory=list)
    report: Path | None = None

    @property
    def seconds(self) -> float:
        return sum(s.seconds for s in self.stages)


def demo_layers(config: ExperimentConfig) -> list[int]:
    """The layers the demo reads: ``extract.layers``, else the middle decoder layer. With several, the analyses
    sweep them (the layer is chosen on held-out questions) and steering acts at the directions' chosen layer."""
    if config.extract.layers:
        from .layers_spec import config_layers

        return config_layers(config)
    from .models.inventory import base_layer_count

    n = base_layer_count(config.base_model)[2]
    if not n:
        raise EmprobeError(f"cannot tell how many layers {config.base_model} has: set extract.layers in the config")
    return [n // 2]


def steering_direction(config: ExperimentConfig, layer: int) -> str:
    """``steer.direction``, else the organism with the highest EM rate (harm summary) that has a harm direction
    and enough misaligned answers on the fit questions for a held-out direction."""
    from .analysis.steering import fit_heldout, load_direction

    if config.steer.direction:
        return config.steer.direction
    summary = config.layout.run_summary("harm")
    rates = {}
    if summary.is_file():
        for name, s in json.loads(summary.read_text()).get("organisms", {}).items():
            rates[name] = (s.get("all", {}).get("em_rate", {}).get("value") or 0.0)
    reasons = []
    for org in sorted(config.organisms, key=lambda o: -rates.get(o.name, 0.0)):
        try:
            load_direction(config, org.name, layer)
            fit_heldout(config, org.name, layer, config.steer.fit_share)
            return org.name
        except EmprobeError as exc:
            reasons.append(str(exc))
            continue
    why = f" ({reasons[0]})" if reasons else ""
    raise EmprobeError(f"no organism has a harm direction at layer {layer} that can be fitted on held-out questions "
                       f"(too few misaligned and aligned answers){why}")


def _stages(config: ExperimentConfig, layers: list[int], show_progress: bool) -> list[tuple[str, Callable[[], str]]]:
    from .activations import analysis_sets, run_extract
    from .analysis.steering import alphas_of, spec_from_config, steer_all
    from .analysis.studies import compare_directions, fit_probes
    from .behavioral.runner import run_behavioral
    from .report import write_report
    from .train.organisms import train_organisms

    chosen = {"layer": layers[0]}  # the directions' chosen layer, where steering acts

    def train() -> str:
        results = train_organisms(config, show_progress=show_progress)
        return ", ".join(f"{org.name} " + ("already trained" if r.skipped else f"final loss {r.final_loss:.3f}")
                         for org, r in zip(config.organisms, results))

    def behavioral() -> str:
        result = run_behavioral(config, show_progress=show_progress)
        labels = (result.personas or {}).get("organisms", {})
        return "personas: " + (", ".join(f"{o} {v['label']}" for o, v in labels.items()) or "none")

    def extract() -> str:
        dirs = [d for s in analysis_sets(config)
                for d in run_extract(config, layers, set_name=s, show_progress=show_progress)]
        return f"layers {', '.join(map(str, layers))}: {len(dirs)} activation sets"

    def probes() -> str:
        study = fit_probes(config, layers)
        return f"layer {study.layer}: " + ", ".join(f"{m} AUROC {r.harm.auroc:.2f} (p {r.harm.p_value:.3f})"
                                                    for m, r in study.chosen.models.items())

    def directions() -> str:
        study = compare_directions(config, layers)
        chosen["layer"] = study.layer
        heads = study.chosen.headline_shifts()
        return (f"layer {study.layer}: headline (self-assessment states vs base, gap units): "
                + (", ".join(f"{m} {v:+.2f}" for m, v in heads.items()) or "none"))

    def steering() -> str:
        alphas, layer = alphas_of(config.steer.alpha), chosen["layer"]
        spec = spec_from_config(config, steering_direction(config, layer), layer, alpha=alphas[0])
        return " | ".join(s.statement for s in steer_all(config, spec, alphas, show_progress=show_progress))

    def report() -> str:
        result = write_report(config)
        return f"{result.markdown} and {result.html}"

    return [("train", train), ("run-behavioral", behavioral), ("extract", extract), ("fit-probes", probes),
            ("compare-directions", directions), ("steer", steering), ("report", report)]


def run_demo(config: ExperimentConfig, *, show_progress: bool = True, echo: Callable[[str], Any] = print) -> DemoResult:
    """Run (or resume) every stage on ``config``; a stage that lacks the data it needs is skipped with its reason."""
    result = DemoResult(config)
    stages = _stages(config, demo_layers(config), show_progress)
    for k, (name, stage) in enumerate(stages, 1):
        echo(f"[{k}/{len(stages)}] {name} ...")
        start = time.perf_counter()
        try:
            outcome = StageOutcome(name, 0.0, stage())
        except EmprobeError as exc:
            if name in ("train", "run-behavioral", "extract", "report"):
                raise  # the chain cannot go on without these
            outcome = StageOutcome(name, 0.0, f"skipped: {exc}", skipped=True)
        outcome.seconds = time.perf_counter() - start
        result.stages.append(outcome)
        echo(f"[{k}/{len(stages)}] {name} done in {outcome.seconds:.1f} s: {outcome.summary}")
    result.report = config.layout.report("html")
    return result
