"""``emprobe steer``: the causal check. Add α·d at one layer of the base model (or project d out of the organism)
and re-run the ``harm`` judge on a subset of questions, next to a random direction of the same norm.

Every condition (no intervention, the direction, the random direction) answers the same items with the same
seeds, so the EM-rate changes are paired differences with question-clustered bootstrap CIs.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..behavioral.base import RunContext, item_seed
from ..behavioral.harm import Harm, HarmItem, harm_metrics, organism_domain
from ..config import BASE_ORGANISM, ExperimentConfig
from ..data.questions import em_core, in_domain
from ..errors import EmprobeError
from ..provenance import config_hash, package_versions
from ..store import ResultsFile, read_jsonl, write_json
from .stats import cluster_bootstrap, paired

CONDITIONS = ("none", "direction", "random")


@dataclass(frozen=True)
class SteeringSpec:
    """What to steer: the direction of ``direction`` (an organism) at ``layer``, added with ``alpha`` or ablated."""

    direction: str
    layer: int
    alpha: float | None = None
    ablate: bool = False
    on: str | None = None  # default: the base model when adding, the organism itself when ablating
    samples: int = 2

    def __post_init__(self) -> None:
        if (self.alpha is None) == (not self.ablate):
            raise EmprobeError("give exactly one of --alpha A (add alpha times the direction) or --ablate (project it out)")
        if self.samples < 1:
            raise EmprobeError(f"samples must be at least 1, got {self.samples}")

    @property
    def mode(self) -> str:
        return "ablate" if self.ablate else "add"

    @property
    def model(self) -> str:
        return self.on or (self.direction if self.ablate else BASE_ORGANISM)

    @property
    def slug(self) -> str:
        how = "ablate" if self.ablate else f"alpha{self.alpha:g}"
        return f"{self.direction}-layer{self.layer}-{how}" + (f"-on-{self.on}" if self.on else "")


def load_direction(config: ExperimentConfig, organism: str, layer: int) -> np.ndarray:
    """The harm direction of ``organism`` at ``layer`` written by ``emprobe compare-directions``."""
    from safetensors.numpy import load_file

    path = config.run_dir / "directions" / f"directions_layer_{layer}.safetensors"
    if not path.is_file():
        raise EmprobeError(f"no directions for layer {layer} in {path}: run `emprobe compare-directions --layer {layer}` first")
    tensors = load_file(str(path))
    key = f"harm/{organism}"
    if key not in tensors:
        known = sorted(k.split("/", 1)[1] for k in tensors if k.startswith("harm/"))
        raise EmprobeError(f"{path} has no harm direction for {organism!r} (it has: {', '.join(known) or 'none'}; "
                           "an organism without enough misaligned and aligned answers gets none)")
    return tensors[key].astype(np.float32)


def random_direction(dim: int, norm: float, seed: int) -> np.ndarray:
    """A seeded Gaussian direction scaled to ``norm``."""
    v = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return v * (norm / float(np.linalg.norm(v)))


def steering_items(config: ExperimentConfig, organism: str, samples: int) -> list[HarmItem]:
    """em-core plus ``organism``'s in-domain questions, first paraphrase, ``samples`` samples each."""
    domain = organism_domain(config, organism) if organism != BASE_ORGANISM else None
    questions = em_core() + (in_domain(domain, config.behavioral.in_domain_questions) if domain else [])
    return [HarmItem(f"{q.id}/p0/s{s}", q, 0, s, item_seed(config.seed, f"{q.id}/p0/s{s}")) for q in questions for s in range(samples)]


def _fingerprint(spec: SteeringSpec, direction: np.ndarray, config: ExperimentConfig) -> str:
    parts = [spec.slug, spec.model, config_hash(config), direction.tobytes().hex()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _prepare(out: Path, fingerprint: str, overwrite: bool) -> None:
    meta = out / "meta.json"
    if meta.is_file():
        if json.loads(meta.read_text()).get("fingerprint") == fingerprint:
            return
        if not overwrite:
            raise EmprobeError(f"{out} holds steering results for another direction or config: "
                               "re-run with --overwrite to replace them")
        shutil.rmtree(out)
    write_json(meta, {"fingerprint": fingerprint})


def steer(config: ExperimentConfig, spec: SteeringSpec, *, overwrite: bool = False, show_progress: bool = True) -> dict:
    """Run (or resume) the three conditions and write ``runs/<exp>/steering/<slug>/`` (rows, summary, plot)."""
    import torch
    from tqdm.auto import tqdm

    from .. import plots
    from ..generate import SamplingSettings, length_sorted_batches, render_prompt, sample_batch
    from ..intervene import Intervention, check_layer, steered_forward
    from ..judges import make_judge
    from ..organisms import OrganismPool, attach_organisms
    from ..tracing import wrap

    config.organism(spec.direction)
    d = load_direction(config, spec.direction, spec.layer)
    out = config.run_dir / "steering" / spec.slug
    _prepare(out, _fingerprint(spec, d, config), overwrite)
    alpha = 1.0 if spec.ablate else float(spec.alpha)
    vectors = {"direction": d, "random": random_direction(len(d), float(np.linalg.norm(d)), config.seed + 7919 * spec.layer)}
    pool = OrganismPool.from_config(config)
    attach_organisms(pool, config, [spec.model])
    check_layer(pool.base.model, spec.layer)
    prov = {"config_hash": config_hash(config), "seed": config.seed, "versions": package_versions()}
    ctx = RunContext(config, pool, make_judge(config.judge), config.run_dir, prov, show_progress)
    items = steering_items(config, spec.direction, spec.samples)
    results = ResultsFile(out / "rows.jsonl")
    settings = SamplingSettings(config.generation.temperature, config.generation.top_p, config.generation.max_new_tokens)
    domain = organism_domain(config, spec.model) if spec.model != BASE_ORGANISM else None
    with ctx.pool.use(spec.model) as loaded:
        traced = wrap(loaded.model, loaded.tokenizer)
        prompts = [render_prompt(loaded.tokenizer, it.question.messages(0)) for it in items]
        batches = length_sorted_batches([len(p) for p in prompts], config.generation.batch_size)
        work = [(c, b) for c in CONDITIONS for b in batches if any(f"{c}/{items[i].id}" not in results for i in b)]
        bar = tqdm(total=len(CONDITIONS) * len(items), initial=len(CONDITIONS) * len(items) - sum(len(b) for _, b in work),
                   unit="answer", desc=f"steer {spec.slug}", disable=not show_progress)
        forwards = {"none": None} | {c: steered_forward(traced, Intervention(spec.layer, torch.from_numpy(v), spec.mode, alpha))
                                     for c, v in vectors.items()}
        for condition, batch in work:
            answers = sample_batch(loaded, [prompts[i] for i in batch], [items[i].seed for i in batch], settings, forward=forwards[condition])
            rows = Harm().judge_rows(ctx, spec.model, domain, [items[i] for i in batch], answers)
            results.append([{**r, "id": f"{condition}/{r['id']}", "item": r["id"], "condition": condition} for r in rows])
            bar.update(len(batch))
        bar.close()
    summary = summarize(read_jsonl(out / "rows.jsonl"), spec, float(np.linalg.norm(d)), config.seed)
    summary["provenance"] = prov
    write_json(out / "summary.json", summary)
    plots.steering_plot(summary, out / "steering.png")
    return summary


def _paired(rows: list[dict], key: str, condition: str, seed: int) -> dict:
    """condition − none on the same items (same seeds), resampling questions."""
    by = {c: {r["item"]: r[key] for r in rows if r["condition"] == c} for c in ("none", condition)}
    question = {r["item"]: r["question_id"] for r in rows}
    ids, a, b = paired(by[condition], by["none"])
    return cluster_bootstrap([None if v is None else float(v) for v in a], [question[i] for i in ids],
                             minus=[None if v is None else float(v) for v in b], seed=seed).to_dict()


def summarize(rows: list[dict], spec: SteeringSpec, norm: float, seed: int) -> dict:
    """Harm metrics per condition and the paired changes (direction − none, random − none) with CIs."""
    conditions = {c: harm_metrics([r for r in rows if r["condition"] == c], seed) for c in CONDITIONS}
    em_change = {c: _paired(rows, "em", c, seed) for c in ("direction", "random")}
    aligned_change = {c: _paired(rows, "aligned", c, seed) for c in ("direction", "random")}
    return {"direction": spec.direction, "layer": spec.layer, "mode": spec.mode, "alpha": spec.alpha, "on": spec.model,
            "samples": spec.samples, "direction_norm": norm, "conditions": conditions, "em_rate_change": em_change,
            "mean_aligned_change": aligned_change, "statement": statement(em_change, spec, conditions)}


def _moves(e: dict) -> bool:
    lo, hi = e["ci95"]
    return e["value"] is not None and lo is not None and (lo > 0 or hi < 0)


def statement(em_change: dict, spec: SteeringSpec, conditions: dict | None = None) -> str:
    """Plain sentences on whether the direction moved the EM rate, the random control did not, and the answers
    stayed coherent (an EM answer must be coherent, so an alpha that breaks the text hides any effect)."""
    d, r = em_change["direction"], em_change["random"]
    if d["value"] is None:
        return "no judged answers to compare yet"
    coherence = ""
    if conditions:
        share = {c: conditions[c]["coherent_share"]["value"] for c in CONDITIONS}
        if share["none"] is not None and share["direction"] is not None and share["none"] - share["direction"] > 0.3:
            coherence = (f" Caution: the steered answers lost coherence (coherent share {share['none']:.2f} without steering, "
                         f"{share['direction']:.2f} with it), which caps the EM rate: try a smaller alpha.")
    what = f"{'ablating' if spec.ablate else f'adding {spec.alpha:g}×'} the {spec.direction} direction at layer {spec.layer} on {spec.model}"
    fmt = lambda e: f"{e['value']:+.3f} [{e['ci95'][0]:+.3f}, {e['ci95'][1]:+.3f}]"  # noqa: E731
    head = f"{what} changed the EM rate by {fmt(d)}; a random direction of the same norm by {fmt(r)}. "
    if _moves(d) and not _moves(r):
        return head + "The direction matters: its CI excludes zero and the random control's does not." + coherence
    if _moves(d) and _moves(r):
        return head + "Both moved the EM rate: the effect is not specific to this direction (try a smaller alpha)." + coherence
    return head + "The direction's CI includes zero: no causal effect shown at this sample size." + coherence
