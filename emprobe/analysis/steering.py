"""``emprobe steer``: the causal check, built so that it can fail.

One run = one organism's harm direction at one layer, added with one α (on the base model by default) or
projected out (on the organism itself by default, optionally at every layer from L on). How it is made:

* **Held-out questions.** The question ids of the organism's ``harm-answers`` activations are split in two,
  seeded by the experiment seed and stratified by whether a question has any misaligned answer (so both parts hold
  some): the direction is fitted (``analysis.direction_method``, as compare-directions does) on the *fit* questions'
  answers only, and steering is evaluated only on the other questions' prompts (``steer.questions`` caps how
  many). The direction from ``compare-directions`` (all questions) is required too and its cosine with the
  held-out one is reported. With ``analysis.direction_examples: contrast-pairs`` the direction is fitted on every
  contrast pair instead: no harm question is a pair's prompt, so every harm question is held out.
* **α in units of the layer's mean residual norm**: the added vector is α · mean‖h‖ · d/‖d‖, mean‖h‖ over the
  examples the direction is fitted from at that layer (the stored mean-over-answer-tokens activations).
* **Controls** (``steer.controls``, default 20, half and half): directions drawn from a Gaussian with the
  covariance of the fit questions' harm-answer activations (on the data manifold, so ablating one removes
  comparable variance), and difference-of-means directions with the labels permuted within each question.
  Every control gets the direction's norm.
* **The direct test.** Every condition answers the same items with the same seeds. The statistic is the paired
  EM-rate change vs no intervention; one-sided in the expected direction (adding: EM rises; ablating: EM falls),
  p = (1 + #controls whose change is at least as extreme) / (1 + n_controls), whose smallest value is
  1 / (1 + n_controls). The direction counts as causal when p ≤ 0.05 and its change has the expected sign.
* **Coherence guard.** An EM answer must be coherent (> 50), so a condition whose coherent share falls below
  80 % of the no-intervention share "broke the model": it is reported as such, never as an EM effect, and its
  p is not evidence.

Each α is its own run dir, ``runs/<exp>/steering/<organism>-layer<L>-alpha<A>/`` (``…-ablate`` or
``…-ablate-all-later``): ``rows.jsonl`` (one row per condition and item), ``summary.json``, ``steering.png``.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..behavioral.base import RunContext, item_seed
from ..behavioral.harm import Harm, HarmItem, harm_questions, organism_domain
from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..provenance import config_hash, run_provenance
from ..resume import append_pending
from ..store import ResultsFile, read_jsonl, write_json
from .probes import permute_within as shuffle_within
from .steering_controls import (
    HeldOut,
    control_directions,
    covariance_controls,
    fit_heldout,
    split_questions,
    unit_or_zero,
)
from .steering_spec import SteeringSpec, alphas_of, load_direction, spec_from_config
from .steering_summary import SteeringRun, control_test, summarize


def steering_items(config: ExperimentConfig, heldout: list[str], samples: int,
                   limit: int | None = None) -> list[HarmItem]:
    """The held-out questions among the harm experiment's (in its order, at most ``limit``), first paraphrase,
    ``samples`` samples each (the harm experiment's seeds)."""
    keep = set(heldout)
    questions = [q for q in harm_questions(config) if q.id in keep][:limit]
    if not questions:
        raise EmprobeError("no held-out question left to steer on: every question was used to fit the direction")
    return [HarmItem(f"{q.id}/p0/s{s}", q, 0, s, item_seed(config.seed, f"{q.id}/p0/s{s}"))
            for q in questions for s in range(samples)]


def _fingerprint(spec: SteeringSpec, vectors: dict, items: list[HarmItem], config: ExperimentConfig) -> str:
    h = hashlib.sha256("|".join([spec.slug, spec.model, config_hash(config), json.dumps([it.id for it in items]),
                                 str(spec.max_new_tokens), str(spec.batch_size)]).encode())
    for name, v in vectors.items():
        h.update(name.encode() + np.asarray(v, dtype=np.float32).tobytes())
    return h.hexdigest()[:16]


def _prepare(out: Path, fingerprint: str, overwrite: bool) -> None:
    meta = out / "meta.json"
    if meta.is_file():
        if json.loads(meta.read_text()).get("fingerprint") == fingerprint:
            return
        if not overwrite:
            raise EmprobeError(f"{out} holds steering results for another direction, config or setting: "
                               "re-run with --overwrite to replace them")
        shutil.rmtree(out)
    write_json(meta, {"fingerprint": fingerprint})


def steer_all(config: ExperimentConfig, spec: SteeringSpec, alphas: list[float] | None = None,
              **kwargs) -> list[SteeringRun]:
    """:func:`steer` once per α of ``alphas`` (adding), or once (ablating); each its own run dir."""
    if spec.ablate or not alphas:
        return [steer(config, spec, **kwargs)]
    return [steer(config, replace(spec, alpha=a), **kwargs) for a in alphas]


def steer(config: ExperimentConfig, spec: SteeringSpec, *, overwrite: bool = False, show_progress: bool = True,
          judge=None) -> SteeringRun:
    """Run (or resume) no intervention, the held-out direction and its controls; write
    ``runs/<exp>/steering/<slug>/`` (rows, summary, plot). ``judge``: a :class:`~emprobe.judges.base.Judge` to use
    instead of the configured one."""
    import torch

    from .. import plots
    from ..generate import SamplingSettings, render_prompt, sample_batch
    from ..intervene import Intervention, check_layer, steered_forward
    from ..judges import make_judge
    from ..models.layers import decoder_layers, model_dims
    from ..organisms import OrganismSwitcher, attach_organisms
    from ..tracing import wrap

    config.organism(spec.direction)
    if spec.on is not None and spec.on != BASE_ORGANISM:
        config.organism(spec.on)
    full = load_direction(config, spec.direction, spec.layer)
    held = fit_heldout(config, spec.direction, spec.layer, spec.fit_share)
    controls = control_directions(held, spec.controls, config.seed + 7919 * spec.layer, spec.direction)
    scale = 1.0 if spec.ablate else float(spec.alpha) * held.norm_unit
    vectors = ({"direction": unit_or_zero(held.direction) * scale}
               | {name: unit_or_zero(v) * scale for name, _, v in controls})
    items = steering_items(config, held.heldout_questions, spec.samples, spec.questions)
    out = config.layout.steering(spec.slug)
    _prepare(out, _fingerprint(spec, vectors, items, config), overwrite)

    switcher = OrganismSwitcher.from_config(config)
    attach_organisms(switcher, config, [spec.model])
    check_layer(switcher.base.model, spec.layer)
    width = model_dims(switcher.base.model).hidden_size
    if width != len(held.direction):
        raise EmprobeError(f"the {spec.direction} activations at layer {spec.layer} "
                           f"have {len(held.direction)} dimensions but "
                           f"{config.base_model} has hidden size {width}: re-extract them with this base model")
    prov = run_provenance(config)
    ctx = RunContext(config, switcher, judge or make_judge(config.judge), config.run_dir, prov, show_progress)
    results = ResultsFile(out / "rows.jsonl")
    settings = SamplingSettings(config.generation.temperature, config.generation.top_p,
                                spec.max_new_tokens or config.generation.max_new_tokens)
    domain = organism_domain(config, spec.model) if spec.model != BASE_ORGANISM else None
    conditions = ["none", *vectors]
    with ctx.switcher.use(spec.model) as loaded:
        traced = wrap(loaded.model, loaded.tokenizer)
        prompts = [render_prompt(loaded.tokenizer, it.question.messages(0)) for it in items]
        # Every condition of an item sits next to the others (same prompt, same seed, little padding); batches
        # are fixed by the lengths, so a resumed run re-forms exactly the batches it missed.
        order = sorted(range(len(items)), key=lambda i: (-len(prompts[i]), i))
        pairs = [(c, i) for i in order for c in conditions]
        size = spec.batch_size or config.generation.batch_size
        batches = [pairs[k : k + size] for k in range(0, len(pairs), size)]
        zero = torch.zeros(len(held.direction))

        def measure(batch: list[tuple[str, int]]) -> list[dict]:
            matrix = torch.stack([zero if c == "none" else torch.from_numpy(np.asarray(vectors[c], dtype=np.float32))
                                  for c, _ in batch])
            forward = steered_forward(traced, Intervention(spec.layer, matrix, spec.mode, 1.0, spec.all_later))
            answers = sample_batch(loaded, [prompts[i] for _, i in batch], [items[i].seed for _, i in batch],
                                   settings, forward=forward)
            rows = Harm().judge_rows(ctx, spec.model, domain, [items[i] for _, i in batch], answers)
            return [{**r, "id": f"{c}/{r['id']}", "item": r["id"], "condition": c} for r, (c, _) in zip(rows, batch)]

        append_pending(results, batches, lambda pair: f"{pair[0]}/{items[pair[1]].id}", measure,
                       desc=f"steer {spec.slug}", unit="answer", show_progress=show_progress)
        n_layers = len(decoder_layers(loaded.model))
    meta = {
        "direction_norm": float(np.linalg.norm(held.direction)), "norm_unit": held.norm_unit,
        "vector_norm": scale if not spec.ablate else None,
        "layers": list(range(spec.layer, n_layers)) if spec.all_later else [spec.layer],
        "controls": [{"name": name, "kind": kind} for name, kind, _ in controls],
        "heldout": {"fit_questions": held.fit_questions, "heldout_questions": held.heldout_questions,
                    "steered_questions": sorted({it.question.id for it in items}), "fit_misaligned": held.n_misaligned,
                    "fit_aligned": held.n_aligned, "fit_share": spec.fit_share,
                    "cosine_with_all_questions_direction": (float(unit_or_zero(held.direction) @ unit_or_zero(full))
                                                            if full.shape == held.direction.shape else None)},
        "max_new_tokens": settings.max_new_tokens,
    }
    summary = summarize(read_jsonl(out / "rows.jsonl"), spec, meta, config.seed)
    summary["provenance"] = prov
    write_json(out / "summary.json", summary)
    plots.steering_plot(summary, out / "steering.png")
    return SteeringRun.from_dict(summary, out)


# --- the summary ---------------------------------------------------------------------------------------------


__all__ = ["HeldOut", "SteeringRun", "SteeringSpec", "alphas_of", "control_directions", "control_test",
           "covariance_controls", "fit_heldout", "load_direction", "shuffle_within", "spec_from_config",
           "split_questions", "steer", "steer_all", "steering_items", "summarize"]
