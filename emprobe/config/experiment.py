"""One experiment: every section together, built from YAML (``load_experiment``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EmprobeError
from ..layout import RunLayout
from ..paths import experiments_dir
from ..typed_yaml import build, in_file, load_yaml
from .behaviour import BehavioralConfig, GenerationConfig, JudgeConfig, PersonaConfig
from .common import NAME_RE, require
from .internal import AnalysisConfig, ExtractConfig, SteerConfig
from .training import OrganismConfig, TrainingConfig


@dataclass
class ExperimentConfig:
    """One study: a base model, its organisms, and the settings of every pipeline stage."""

    name: str
    base_model: str
    organisms: list[OrganismConfig] = field(default_factory=list)
    seed: int = 0
    dtype: str = "auto"
    device_map: str | None = None
    runs_dir: str = "runs"
    activations_dir: str = "activations"
    training: TrainingConfig = field(default_factory=TrainingConfig)
    generation: GenerationConfig = field(default_factory=GenerationConfig)
    judge: JudgeConfig = field(default_factory=JudgeConfig)
    behavioral: BehavioralConfig = field(default_factory=BehavioralConfig)
    persona: PersonaConfig = field(default_factory=PersonaConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    analysis: AnalysisConfig = field(default_factory=AnalysisConfig)
    steer: SteerConfig = field(default_factory=SteerConfig)

    def __post_init__(self) -> None:
        require(bool(NAME_RE.match(self.name)), f"name {self.name!r} must be letters, digits, '.', '_', '-'")
        require(self.dtype in ("auto", "float32", "bfloat16", "float16"),
                 f"dtype {self.dtype!r}: valid are auto, float32, bfloat16, float16")
        require(self.seed >= 0, f"seed {self.seed} must be >= 0")
        self.organisms = [r for o in self.organisms for r in o.replicates()]
        names = [o.name for o in self.organisms]
        dupes = sorted({n for n in names if names.count(n) > 1})
        require(not dupes, f"organism names must be unique (after expanding seeds); repeated: {', '.join(dupes)}")
        folded = [n.lower() for n in names]
        clash = sorted({n for n in names if folded.count(n.lower()) > 1})
        require(not clash,
                 f"organism names {', '.join(clash)} differ only in case "
                 "(their directories would clash on some file systems)")
        if self.persona.harm_metric.startswith("rubric:"):
            rubric = self.persona.harm_metric.split(":", 1)[1]
            extra = [n for n in self.judge.rubrics if n not in ("aligned", "coherent")]
            require(rubric in extra,
                     f"persona.harm_metric {self.persona.harm_metric!r}: judge.rubrics has no extra rubric "
                     f"{rubric!r} (defined: {', '.join(extra) or 'none'})")

    @property
    def run_dir(self) -> Path:
        """``<runs_dir>/<name>``: where every command of this experiment writes."""
        return Path(self.runs_dir) / self.name

    @property
    def layout(self) -> RunLayout:
        """Every output path of the run dir."""
        return RunLayout(self.run_dir)

    def adapter_dir(self, organism: OrganismConfig) -> Path:
        """The organism's adapter dir: its explicit ``adapter``, else ``<run_dir>/adapters/<name>``."""
        return Path(organism.adapter) if organism.adapter else self.layout.adapter(organism.name)

    def organism(self, name: str) -> OrganismConfig:
        """The organism called ``name``; an error lists the valid names."""
        for org in self.organisms:
            if org.name == name:
                return org
        raise EmprobeError(f"unknown organism {name!r}: "
                           f"this experiment has {', '.join(o.name for o in self.organisms) or 'none'}")




def experiment_from_dict(data: Any, source: str = "<dict>") -> ExperimentConfig:
    """Build and validate an :class:`ExperimentConfig`; errors name ``source`` and the key."""
    with in_file(source):
        return build(ExperimentConfig, data)


def resolve_config_path(config: str | Path | None) -> Path:
    """``None`` → the embedded demo; a bare name (``paper``) → the shipped ``experiments/<name>.yaml``."""
    if config is None:
        return experiments_dir() / "demo.yaml"
    path = Path(config).expanduser()
    if not path.exists() and path.suffix == "" and (experiments_dir() / f"{config}.yaml").is_file():
        return experiments_dir() / f"{config}.yaml"
    return path


def load_experiment(config: str | Path | None = None) -> ExperimentConfig:
    """Read and validate an experiment YAML file (default: the embedded demo experiment)."""
    path = resolve_config_path(config)
    if not path.is_file():
        raise EmprobeError(f"config file {path} not found "
                           f"(shipped configs: {', '.join(sorted(p.stem for p in experiments_dir().glob('*.yaml')))})")
    return load_yaml(path, ExperimentConfig)
