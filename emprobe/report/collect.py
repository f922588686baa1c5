"""Read what the pipeline wrote under ``runs/<experiment>/``; nothing here requires any of it to exist."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..behavioral import EXPERIMENTS
from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..layout import NOT_MODEL_DIRS, RunLayout


@dataclass
class TrainingRecord:
    """One organism's adapter dir: its training_info.json and loss curve where they exist."""

    organism: str
    dataset: str
    adapter_dir: Path
    info: dict | None
    loss_curve: Path | None
    explicit_adapter: bool


@dataclass
class SteeringRun:
    """One ``runs/<exp>/steering/<slug>/``: its summary.json and steering.png."""

    name: str
    summary: dict
    figure: Path | None


@dataclass
class RunData:
    """Everything the report reads; a missing input is None or empty."""

    config: ExperimentConfig
    run_dir: Path
    models: list[str]
    training: list[TrainingRecord]
    summaries: dict[str, dict[str, dict]]  # experiment -> model -> summary
    personas: dict | None
    probes: dict | None
    directions: dict | None
    steering: list[SteeringRun]
    notes: list[str] = field(default_factory=list)  # files present but unreadable
    provenance: dict[str, dict] = field(default_factory=dict)  # output file (relative) -> its provenance block

    def figure(self, relative: str) -> Path | None:
        """``run_dir / relative`` when that file exists."""
        path = self.run_dir / relative
        return path if path.is_file() else None

    def command(self, name: str, *args: str) -> str:
        """The command line that produces a missing output, e.g. ``emprobe fit-probes --config ... --layer 15``."""
        return " ".join(["emprobe", name, "--config", f"experiments/{self.config.name}.yaml", *args])

    @property
    def layers(self) -> list[int]:
        """Layers with probes or directions, else the config's extract layers."""
        found = sorted({int(k) for k in (self.probes or {}).get("layers", {})} |
                       ({int(self.directions["layer"])} if isinstance((self.directions or {}).get("layer"), int)
                        else set()))
        if found or not self.config.extract.layers:
            return found
        from ..layers_spec import config_layers

        try:
            return config_layers(self.config)
        except EmprobeError:  # a spec the base model's layer count cannot resolve here
            return []


def read_json(path: Path, notes: list[str]) -> dict | None:
    """A JSON object from ``path``; None when absent, and a note when present but unreadable."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        notes.append(f"{path} could not be read ({exc.__class__.__name__}: {exc}); it was left out")
        return None
    if not isinstance(data, dict):
        notes.append(f"{path} does not hold a JSON object; it was left out")
        return None
    return data


def _model_order(config: ExperimentConfig, found: set[str]) -> list[str]:
    names = [BASE_ORGANISM] + [o.name for o in config.organisms]
    return names + sorted(found - set(names))


def _summaries(layout: RunLayout, notes: list[str]) -> dict[str, dict[str, dict]]:
    """Per experiment and model: the model's own summary file, else its entry in the combined file.

    The per-model files win: a run restricted to some organisms rewrites the combined file with those only."""
    out: dict[str, dict[str, dict]] = {}
    run_dir = layout.run_dir
    model_dirs = (sorted(p for p in run_dir.iterdir() if p.is_dir() and p.name not in NOT_MODEL_DIRS)
                  if run_dir.is_dir() else [])
    for name in EXPERIMENTS.names():
        combined = read_json(layout.run_summary(name), notes) or {}
        found = {m: s for m, s in (combined.get("organisms") or {}).items() if isinstance(s, dict)}
        for d in model_dirs:
            own = read_json(layout.model_summary(d.name, name), notes)
            if own is not None:
                found[d.name] = own
        if found:
            out[name] = found
    return out


def _training(config: ExperimentConfig, notes: list[str]) -> list[TrainingRecord]:
    records = []
    for org in config.organisms:
        adapter = config.adapter_dir(org)
        curve = adapter / "loss_curve.png"
        records.append(TrainingRecord(org.name, org.dataset, adapter, read_json(adapter / "training_info.json", notes),
                                      curve if curve.is_file() else None, org.adapter is not None))
    return records


def _steering(layout: RunLayout, notes: list[str]) -> list[SteeringRun]:
    root = layout.steering_root()
    runs = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        summary = read_json(d / "summary.json", notes)
        if summary is not None:
            png = d / "steering.png"
            runs.append(SteeringRun(d.name, summary, png if png.is_file() else None))
    return runs


def collect(config: ExperimentConfig) -> RunData:
    """Read every output of ``config``'s run dir that exists."""
    layout = config.layout
    notes: list[str] = []
    summaries = _summaries(layout, notes)
    personas = read_json(layout.personas("json"), notes)
    probes = read_json(layout.probes() / "probes.json", notes)
    directions = read_json(layout.directions() / "compare.json", notes)
    found = {m for per in summaries.values() for m in per}
    data = RunData(config, layout.run_dir, _model_order(config, found), _training(config, notes), summaries, personas,
                   probes, directions, _steering(layout, notes), notes)

    prov: dict[str, Any] = {}
    for name, per in summaries.items():
        for model, s in per.items():
            prov[f"{model}/{name}.summary.json"] = s.get("provenance")
    prov["personas.json"] = (personas or {}).get("provenance")
    prov["probes/probes.json"] = (probes or {}).get("provenance")
    prov["directions/compare.json"] = (directions or {}).get("provenance")
    for run in data.steering:
        prov[f"steering/{run.name}/summary.json"] = run.summary.get("provenance")
    data.provenance = {k: v for k, v in prov.items() if isinstance(v, dict)}
    return data
