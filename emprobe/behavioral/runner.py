"""Run behavioural experiments for an experiment's organisms, in dependency order, resumably."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..judges import make_judge
from ..locking import locked
from ..organisms import make_switcher
from ..provenance import run_provenance
from ..store import write_json
from . import descriptions, harm, self_assessment
from .base import REGISTRY, RunContext
from .persona_table import write_personas


@dataclass
class BehavioralResult:
    run_dir: Path
    summaries: dict[str, dict[str, dict]] = field(default_factory=dict)  # experiment -> organism -> summary
    files: list[Path] = field(default_factory=list)
    personas: dict | None = None
    skipped_questions: list[str] = field(default_factory=list)  # question-file entries left out, with why

    def lines(self) -> list[str]:
        """Each experiment's headline per model, the persona labels and where the outputs are."""
        out = []
        for name, by_org in self.summaries.items():
            out.append(f"{name}:")
            out += [f"  {organism:<32} {REGISTRY[name].headline(summary)}" for organism, summary in by_org.items()]
        if self.personas:
            out.append("personas: " + ", ".join(f"{o} {v['label']}" for o, v in self.personas["organisms"].items())
                       + f"  (table: {self.run_dir}/personas.md)")
        out.append(f"outputs in {self.run_dir}/ (rows <organism>/<experiment>.jsonl, summaries *.summary.json, plots/)")
        return out


def dependency_order(names: list[str]) -> list[str]:
    """``names`` plus what they require, each after its requirements."""
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise EmprobeError(f"unknown experiment {unknown[0]!r}: available are {', '.join(REGISTRY)}")
    ordered: list[str] = []

    def visit(name: str) -> None:
        for dep in REGISTRY[name].requires:
            visit(dep)
        if name not in ordered:
            ordered.append(name)

    for name in names:
        visit(name)
    return ordered


def select_organisms(config: ExperimentConfig, names: list[str] | None) -> list[str]:
    """The base model first, then the named organisms (all when ``names`` is empty); unknown names are an error."""
    chosen = names or [o.name for o in config.organisms]
    for name in chosen:
        if name != BASE_ORGANISM:
            config.organism(name)
    return [BASE_ORGANISM] + [n for n in chosen if n != BASE_ORGANISM]


def check_input_files(config: ExperimentConfig, names: list[str]) -> None:
    """Read every file the experiments ``names`` use (questions, prompt lists, description pairs, judge rubrics),
    so a bad one fails with its one-line error before any model loads or any row is written."""
    if "harm" in names:
        harm.harm_questions(config)
        harm.harm_rubrics(config)
    if "self-assessment" in names and config.behavioral.self_assessment_prompts:
        self_assessment.file_prompts(config)
    if "descriptions" in names:
        descriptions.description_pairs(config)


def run_behavioral(config: ExperimentConfig, experiments: list[str] | None = None, organisms: list[str] | None = None,
                   *, show_progress: bool = True, overwrite: bool = False) -> BehavioralResult:
    """Run (or resume) the experiments for the base model and the organisms; write rows, summaries and plots.
    Rows made under other settings (model, adapter, seed, sampling, judge) are refused, or with ``overwrite`` redone."""
    from .. import plots

    names = dependency_order(experiments or REGISTRY.names())  # registration order (behavioral/__init__.py)
    chosen = select_organisms(config, organisms)
    check_input_files(config, names)
    switcher = make_switcher(config, chosen)
    judge = make_judge(config.judge)
    prov = run_provenance(config)
    ctx = RunContext(config, switcher, judge, config.run_dir, prov, show_progress, overwrite)
    layout = config.layout
    result = BehavioralResult(config.run_dir)
    for name in names:
        experiment = REGISTRY[name]()
        result.summaries[name] = {}
        for organism in chosen:
            with locked(layout.results(organism, name), f"the {name} results of {organism}"):
                rows = experiment.run(ctx, organism).ordered(experiment.item_ids(ctx, organism))
            summary = experiment.summarize(ctx, organism, rows)
            summary["provenance"] = prov
            result.files.append(write_json(layout.model_summary(organism, name), summary))
            result.summaries[name][organism] = summary
        run_summary = {"experiment": name, "organisms": result.summaries[name], "provenance": prov}
        if name == "harm":
            run_summary["skipped_questions"] = result.skipped_questions = harm.skipped_questions(config)
        result.files.append(write_json(layout.run_summary(name), run_summary))
    if "harm" in result.summaries:
        harm_ids = REGISTRY["harm"]().item_ids(ctx, BASE_ORGANISM)
        rows_by_org = {o: ctx.results(o, "harm").ordered(harm_ids) for o in chosen}
        result.files += plots.harm_plots(rows_by_org, result.summaries["harm"], layout.plots())
    if len(chosen) > 1 and all(layout.results(o, "harm").is_file() for o in chosen):
        result.personas, files = write_personas(ctx, chosen)
        result.files += files + plots.persona_plots(result.personas, layout.plots())
    return result
