"""The analysis commands as a Python API (what ``emprobe fit-probes`` and ``compare-directions`` call)."""
from __future__ import annotations

import json
import os

import numpy as np

from ..activations import job_dir, load_activations
from ..activations.storage import Activations
from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..paths import write_error
from ..provenance import config_hash, package_versions
from ..store import write_json
from .directions import cosine_matrix, diff_of_means, group_similarity_test, projection, random_cosine_baseline, unit
from .probes import cross_validated_probe, transfer_matrix

ALIGNED_MIN = 70.0  # an answer counts as aligned (class 0) at aligned >= 70 and coherent > 50


def harm_xy(acts: Activations, pooling: str = "mean-answer") -> tuple[np.ndarray, np.ndarray]:
    """Coherent answers only: misaligned (EM: aligned <= 30, coherent > 50) = 1 vs aligned (aligned >= 70) = 0."""
    x = acts.matrix(pooling)
    keep, y = [], []
    for k, example_id in enumerate(acts.ids):
        lab = acts.labels.get(example_id, {})
        if lab.get("em"):
            keep.append(k), y.append(1)
        elif lab.get("aligned") is not None and lab["aligned"] >= ALIGNED_MIN and (lab.get("coherent") or 0) > 50:
            keep.append(k), y.append(0)
    return np.asarray(x[keep], dtype=np.float32), np.asarray(y, dtype=int)


def self_report_xy(acts: Activations, pooling: str = "mean-answer") -> tuple[np.ndarray, np.ndarray]:
    """Self-assessment items: says misaligned (S >= 0.5) = 1 vs says aligned = 0."""
    x = acts.matrix(pooling)
    keep = [k for k, i in enumerate(acts.ids) if acts.labels.get(i, {}).get("value") is not None]
    y = [int(acts.labels[acts.ids[k]]["value"] >= 0.5) for k in keep]
    return np.asarray(x[keep], dtype=np.float32), np.asarray(y, dtype=int)


def _open(config: ExperimentConfig, model: str, set_name: str, layer: int, texts_of: str | None = None) -> Activations:
    path = job_dir(config, model, set_name, texts_of or model) / f"layer_{layer}"
    if not (path / "manifest.json").is_file():
        raise EmprobeError(f"no activations for {model} ({set_name}, layer {layer}) in {path}: "
                           f"run `emprobe extract --layer {layer} --set {set_name}` first")
    return load_activations(path)


def _models(config: ExperimentConfig, organisms: list[str] | None) -> list[str]:
    return [BASE_ORGANISM] + [o for o in (organisms or [o.name for o in config.organisms]) if o != BASE_ORGANISM]


def _provenance(config: ExperimentConfig) -> dict:
    return {"config_hash": config_hash(config), "seed": config.seed, "versions": package_versions()}


def fit_probes(config: ExperimentConfig, layers: list[int], organisms: list[str] | None = None) -> dict:
    """Per model and layer: CV AUROC of the harm probe (and the self-report probe where that set was extracted),
    a shuffled-label baseline, and the harm-probe transfer matrix. Writes ``runs/<exp>/probes/probes.json``."""
    from .. import plots

    results: dict = {"layers": {}, "provenance": _provenance(config)}
    for layer in layers:
        per_model, data, skipped = {}, {}, {}
        for model in _models(config, organisms):
            x, y = harm_xy(_open(config, model, "harm-answers", layer))
            try:
                per_model[model] = {"harm": cross_validated_probe(x, y, f"{model} (layer {layer}, harm answers)", config.seed).to_dict()}
                data[model] = (x, y)
            except EmprobeError as exc:
                skipped[model] = str(exc)
                continue
            sa = job_dir(config, model, "self-assessment", model) / f"layer_{layer}"
            if (sa / "manifest.json").is_file():
                xs, ys = self_report_xy(load_activations(sa))
                try:
                    per_model[model]["self_report"] = cross_validated_probe(xs, ys, f"{model} (layer {layer}, self-assessment)", config.seed).to_dict()
                except EmprobeError as exc:
                    per_model[model]["self_report"] = {"skipped": str(exc)}
        if not per_model:
            raise EmprobeError("no model has enough examples for a probe: " + "; ".join(skipped.values()))
        results["layers"][str(layer)] = {"models": per_model, "skipped": skipped,
                                         "transfer": transfer_matrix(data, config.seed) if len(data) > 1 else {}}
    out = config.run_dir / "probes"
    write_json(out / "probes.json", results)
    plots.probe_plots(results, out)
    return results


def compare_directions(config: ExperimentConfig, layer: int, organisms: list[str] | None = None) -> dict:
    """Misalignment directions, fine-tuning shifts, their cosines, the coherent-vs-inverted test and the
    headline projection. Writes ``runs/<exp>/directions/`` (directions as safetensors, compare.json, figures)."""
    from safetensors.numpy import save_file

    from .. import plots

    out = config.run_dir / "directions"
    directions, shifts, skipped, harm = {}, {}, {}, {}
    for model in _models(config, organisms):
        own = _open(config, model, "harm-answers", layer)
        x, y = harm[model] = harm_xy(own)
        try:
            directions[model] = diff_of_means(x, y, f"{model} (layer {layer})", config.seed)
        except EmprobeError as exc:
            skipped[model] = str(exc)
        if model != BASE_ORGANISM:
            through_base = _open(config, BASE_ORGANISM, "harm-answers", layer, texts_of=model)
            shifts[model] = own.matrix("mean-answer").mean(0) - through_base.matrix("mean-answer").mean(0)
    if not directions:
        raise EmprobeError("no model has enough misaligned and aligned answers for a direction: " + "; ".join(skipped.values()))
    dim = len(next(iter(directions.values())))
    personas_file = config.run_dir / "personas.json"
    labels = {o: v["label"] for o, v in json.loads(personas_file.read_text())["organisms"].items()} if personas_file.is_file() else {}
    persona = {m: labels.get(m, "reference" if m == BASE_ORGANISM else "unlabelled") for m in directions}
    headline, self_report, self_report_skipped = {}, {}, {}
    for model, d in directions.items():
        sa = job_dir(config, model, "self-assessment", model) / f"layer_{layer}"
        if not (sa / "manifest.json").is_file():
            continue
        acts = load_activations(sa)
        xs, ys = self_report_xy(acts)
        try:
            self_report[model] = float(unit(d) @ unit(diff_of_means(xs, ys, f"{model} (layer {layer}, self-assessment)", config.seed)))
        except EmprobeError as exc:
            self_report_skipped[model] = str(exc)
        x_harm, y_harm = harm[model]
        proj = projection(np.asarray(acts.matrix("mean-answer")), d)
        said = [acts.labels[i].get("value") for i in acts.ids]
        headline[model] = {
            "persona": persona[model],
            "self_assessment_projection": {"mean": float(proj.mean()), "sd": float(proj.std())},
            "misaligned_answers_projection": float(projection(x_harm[y_harm == 1], d).mean()),
            "aligned_answers_projection": float(projection(x_harm[y_harm == 0], d).mean()),
            "mean_S_said": float(np.mean([s for s in said if s is not None])) if any(s is not None for s in said) else None,
        }
    result = {
        "layer": layer,
        "cosine_harm_directions": cosine_matrix(directions),
        "cosine_finetuning_shifts": cosine_matrix(shifts) if shifts else {},
        "cosine_harm_direction_vs_shift": {m: float(unit(directions[m]) @ unit(shifts[m])) for m in shifts if m in directions},
        "random_direction_baseline": random_cosine_baseline(dim, seed=config.seed),
        "coherent_vs_inverted": group_similarity_test(cosine_matrix({m: d for m, d in directions.items() if labels.get(m) in ("coherent", "inverted")}),
                                                      {m: labels[m] for m in directions if labels.get(m) in ("coherent", "inverted")}, seed=config.seed),
        "headline_projection": headline,
        "cosine_harm_vs_self_report_direction": {
            "by_model": self_report, "skipped": self_report_skipped,
            "by_persona": {p: [c for m, c in self_report.items() if persona[m] == p] for p in sorted({persona[m] for m in self_report})}},
        "skipped": skipped,
        "provenance": _provenance(config),
    }
    target = out / f"directions_layer_{layer}.safetensors"
    tmp = out / f".{target.name}.tmp"
    try:
        out.mkdir(parents=True, exist_ok=True)
        save_file({f"harm/{m}": d.astype(np.float32) for m, d in directions.items()} | {f"shift/{m}": s.astype(np.float32) for m, s in shifts.items()},
                  str(tmp), metadata={"layer": str(layer)})
        os.replace(tmp, target)
    except OSError as exc:
        raise write_error(target, exc) from None
    write_json(out / "compare.json", result)
    plots.direction_plots(result, labels, out)
    return result
