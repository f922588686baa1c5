"""Where a run's outputs go: every path under ``runs/<experiment>/`` comes from :class:`RunLayout`.

Each name that goes into a path (an organism, an experiment, a steering slug, a layer) must be one plain path
component, so no input can make a writer reach outside the run dir (``steer --on ../../x``): the check is lexical,
so a run dir, or a folder in it, may still be a symlink to another disk.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import EmprobeError

REPORT_MARKDOWN = "report.md"
REPORT_HTML = "report.html"
# Folders of a run dir that are not a model's (each model's rows live in runs/<experiment>/<model>/).
NOT_MODEL_DIRS = frozenset({"adapters", "plots", "probes", "directions", "steering"})


def _component(part: object, what: str) -> str:
    name = str(part)
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise EmprobeError(f"{what} {name!r} cannot be used in a path: "
                           "it must be one plain name (no '/', '..' or empty)")
    return name


@dataclass(frozen=True)
class RunLayout:
    """The paths of one run dir; every method returns a path inside ``run_dir``."""

    run_dir: Path

    def path(self, *parts: object, what: str = "name") -> Path:
        """``run_dir / part / …``, each part checked to be one plain path component."""
        return self.run_dir.joinpath(*(_component(p, what) for p in parts))

    def model_dir(self, model: str) -> Path:
        return self.path(model, what="model")

    def results(self, model: str, experiment: str) -> Path:
        """``<model>/<experiment>.jsonl``: one row per item."""
        return self.model_dir(model) / _component(f"{experiment}.jsonl", "experiment")

    def model_summary(self, model: str, experiment: str) -> Path:
        return self.model_dir(model) / _component(f"{experiment}.summary.json", "experiment")

    def run_summary(self, experiment: str) -> Path:
        """``<experiment>.summary.json``: every model's summary of one experiment."""
        return self.path(f"{experiment}.summary.json", what="experiment")

    def personas(self, suffix: str) -> Path:
        return self.path(f"personas.{suffix}")

    def plots(self) -> Path:
        return self.path("plots")

    def probes(self) -> Path:
        return self.path("probes")

    def directions(self) -> Path:
        return self.path("directions")

    def direction_file(self, layer: int) -> Path:
        return self.directions() / f"directions_layer_{int(layer)}.safetensors"

    def steering_root(self) -> Path:
        return self.path("steering")

    def steering(self, slug: str) -> Path:
        return self.steering_root() / _component(slug, "steering run")

    def adapter(self, organism: str) -> Path:
        return self.path("adapters", organism, what="organism")

    def report(self, suffix: str = "md") -> Path:
        return self.path(REPORT_MARKDOWN if suffix == "md" else REPORT_HTML)
