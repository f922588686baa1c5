"""The analysis commands as a Python API (what ``emprobe fit-probes`` and ``compare-directions`` call): read the
stored activations, run the array-level analyses (``probes``, ``directions``, ``headline``), test the pre-declared
primary endpoint with Holm across its family, and write the outputs."""
from __future__ import annotations

import json
import os

import numpy as np

from ..activations.sets import base_texts_for
from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..paths import write_error
from ..provenance import run_provenance
from ..stats import holm
from ..store import write_json
from .data import Labelled, harm_examples, open_activations, self_report_examples
from .directions import (
    cross_fit,
    cross_fitted_cosine,
    exact_group_test,
    fit_direction,
    random_cosine_baseline,
    split_half_reliability,
    unit,
)
from .headline import harm_vs_self_report, headline
from .probes import FOLDS, cross_validated_probe, question_halves, transfer_matrix
from .results import (
    DirectionLayer,
    DirectionStudy,
    EndpointResult,
    ModelProbes,
    PrimaryEndpoint,
    ProbeLayer,
    ProbeStudy,
)
from .steering_controls import covariance_controls

ALPHA = 0.05
HEADLINE_CONTROLS = 999  # control directions of the headline's specificity test (smallest p 0.001)
STATE = "last-prompt"  # self-assessment states: before the model answers (the answer's words are not read)


def _models(config: ExperimentConfig, organisms: list[str] | None) -> list[str]:
    return [BASE_ORGANISM] + [o for o in (organisms or [o.name for o in config.organisms]) if o != BASE_ORGANISM]


def _harm(config: ExperimentConfig, model: str, layer: int, texts_of: str | None = None,
          set_name: str = "harm-answers") -> tuple[Labelled, np.ndarray | None]:
    """Harm answers of ``model`` (in ``analysis.direction_questions``) and their prompt states (identity baseline);
    ``set_name`` contrast-pairs: the matched dataset answers instead."""
    acts = open_activations(config, model, set_name, layer, texts_of)
    ex = harm_examples(acts, "mean-answer")
    prompt = harm_examples(acts, STATE).x if STATE in acts.manifest["poolings"] else None
    if config.analysis.direction_questions == "out-of-domain" and ex.in_domain is not None:
        keep = ~ex.in_domain
        ex, prompt = ex.subset(keep), None if prompt is None else prompt[keep]
    return ex, prompt


def _self_assessment(config: ExperimentConfig, model: str, layer: int, texts_of: str | None = None) -> Labelled | None:
    try:
        acts = open_activations(config, model, "self-assessment", layer, texts_of)
    except EmprobeError:
        return None
    return self_report_examples(acts, STATE if STATE in acts.manifest["poolings"] else "mean-answer")


def _primary(endpoint: str, layer: int, p_values: dict[str, float | None],
             extra: dict[str, dict]) -> PrimaryEndpoint:
    adjusted = dict(zip(p_values, holm(list(p_values.values()))))
    family = {m: EndpointResult(p, adjusted[m], adjusted[m] is not None and adjusted[m] < ALPHA, extra.get(m, {}))
              for m, p in p_values.items()}
    return PrimaryEndpoint(endpoint, layer, ALPHA, "Holm across the family", family)


# -- probes -----------------------------------------------------------------------------------------------------------

def _probe_layer(config: ExperimentConfig, layer: int, models: list[str], keep=None,
                 permutations: int | None = None) -> ProbeLayer:
    a = config.analysis
    perms = a.permutations if permutations is None else permutations
    per_model, data, skipped = {}, {}, {}
    for model in models:
        ex, prompt = _harm(config, model, layer)
        if keep is not None:
            mask = keep(ex.groups)
            ex, prompt = ex.subset(mask), None if prompt is None else prompt[mask]
        who = f"{model} (layer {layer}, harm answers)"
        try:
            harm = cross_validated_probe(ex.x, ex.y, ex.groups, who, config.seed, identity_x=prompt,
                                         permutations=perms, folds=a.folds, minimum=a.min_per_class)
            data[model] = (ex.x, ex.y, ex.groups)
        except EmprobeError as exc:
            skipped[model] = str(exc)
            continue
        sr = _self_assessment(config, model, layer) if keep is None else None
        self_report, why = None, None
        if sr is not None:
            try:
                self_report = cross_validated_probe(sr.x, sr.y, sr.groups, f"{model} (layer {layer}, self-assessment)",
                                                    config.seed, permutations=perms, folds=a.folds, minimum=FOLDS)
            except EmprobeError as exc:
                why = str(exc)
        per_model[model] = ModelProbes(harm, self_report, why)
    return ProbeLayer(per_model, skipped,
                      transfer_matrix(data, config.seed) if len(data) > 1 and keep is None else {})


def fit_probes(config: ExperimentConfig, layers: list[int], organisms: list[str] | None = None) -> ProbeStudy:
    """Per model and layer: the harm probe (folds by question, within-question permutation p, identity baseline),
    the self-report probe where that set was extracted, and the transfer matrix on held-out questions. With several
    layers the primary layer is chosen on one half of the questions and tested on the other. Writes
    ``runs/<exp>/probes/probes.json``."""
    from .. import plots

    models = _models(config, organisms)
    key = "harm" if config.analysis.primary_probes == "harm-probe" else "self_report"
    per_layer = {layer: _probe_layer(config, layer, models) for layer in layers}
    if not any(r.models for r in per_layer.values()):
        raise EmprobeError("no model has enough examples for a probe: " + "; ".join(
            s for r in per_layer.values() for s in r.skipped.values()))
    if len(layers) == 1:
        chosen, res = layers[0], per_layer[layers[0]]
        layer_choice: str | dict = "the one layer given (pre-declared)"
    else:  # choose on a selection half of the questions, test on the other half
        in_selection = lambda g: question_halves(np.asarray(g, dtype=object), config.seed)  # noqa: E731
        score = {}
        for layer in layers:
            sel = _probe_layer(config, layer, models, keep=in_selection, permutations=0)
            values = [m.harm.auroc for m in sel.models.values()]
            score[layer] = float(np.mean(values)) if values else -1.0
        chosen = max(layers, key=lambda L: score[L])
        res = _probe_layer(config, chosen, models, keep=lambda g: ~in_selection(g))
        layer_choice = {"rule": "the highest mean harm-probe AUROC on a selection half of the questions; "
                                "the primary test uses the other half",
                        "selection_auroc": {str(L): v for L, v in score.items()}}
    tested = {m: getattr(r, key) for m, r in res.models.items() if getattr(r, key) is not None}
    primary = _primary(config.analysis.primary_probes, chosen, {m: t.p_value for m, t in tested.items()},
                       {m: {"auroc": t.auroc, "null_mean": t.null_mean} for m, t in tested.items()})
    out = config.layout.probes()
    study = ProbeStudy(per_layer, chosen, layer_choice, primary, run_provenance(config), out)
    record = study.to_dict()
    write_json(out / "probes.json", record)
    plots.probe_plots(record, out)
    if len(layers) > 1:
        curves = {m: {L: {"harm probe AUROC": {"value": r.models[m].harm.auroc, "ci95": [None, None]},
                          "permutation null": {"value": r.models[m].harm.null_mean,
                                               "ci95": list(r.models[m].harm.null_95)}}
                      for L, r in per_layer.items() if m in r.models} for m in models}
        plots.layer_curves(curves, out / "layers.png", "probes across layers (exploratory)",
                           {"harm probe AUROC": chosen})
    return study


# -- directions -------------------------------------------------------------------------------------------------------

def _separation(cf, y: np.ndarray) -> float:
    mis, ali = cf.class_means(y)
    sd = float(np.sqrt((cf.projections[y == 1].var() + cf.projections[y == 0].var()) / 2)) or 1.0
    return (mis - ali) / sd


def _direction_layer(config: ExperimentConfig, layer: int, models: list[str],
                     labels: dict[str, str]) -> tuple[DirectionLayer, dict, dict]:
    a = config.analysis
    directions, shifts, harm, info, skipped = {}, {}, {}, {}, {}
    source = a.direction_examples  # harm-answers, or contrast-pairs (the same texts for every model)
    for model in models:
        ex, _ = _harm(config, model, layer, set_name=source)
        who = f"{model} (layer {layer}{', contrast pairs' if source == 'contrast-pairs' else ''})"
        if model != BASE_ORGANISM:
            own = open_activations(config, model, source, layer).matrix("mean-answer")
            through_base = open_activations(config, BASE_ORGANISM, source, layer,
                                            texts_of=base_texts_for(source, model)).matrix("mean-answer")
            shifts[model] = np.asarray(own).mean(0) - np.asarray(through_base).mean(0)
        try:
            directions[model] = fit_direction(ex.x, ex.y, ex.groups, who, a.direction_method, a.min_per_class,
                                              config.seed)
            cf = cross_fit(ex.x, ex.y, ex.groups, who, a.direction_method, a.folds, 2, config.seed)
        except EmprobeError as exc:
            skipped[model] = str(exc)
            directions.pop(model, None)
            continue
        harm[model] = (ex, cf)
        mis, ali = cf.class_means(ex.y)
        info[model] = {"examples": source, "n_pos": int(ex.y.sum()), "n_neg": int((1 - ex.y).sum()),
                       "n_questions": len(set(ex.groups)),
                       "heldout": {"misaligned_mean": mis, "aligned_mean": ali, "gap": mis - ali,
                                   "separation": _separation(cf, ex.y)},
                       "reliability": split_half_reliability(ex.x, ex.y, ex.groups, who, a.direction_method,
                                                             a.reliability_splits, 2, config.seed),
                       "persona": labels.get(model, "reference" if model == BASE_ORGANISM else "unlabelled")}
    names = list(directions)
    rel = {m: info[m]["reliability"]["value"] for m in names}
    cos, ceiling = {m: {} for m in names}, {m: {} for m in names}
    for i, m in enumerate(names):
        for n in names[i:]:
            c = 1.0 if m == n else cross_fitted_cosine((harm[m][0].x, harm[m][0].y, harm[m][0].groups),
                                                       (harm[n][0].x, harm[n][0].y, harm[n][0].groups),
                                                       f"{m} vs {n}", a.direction_method, 2, config.seed)
            ceil = float(np.sqrt(rel[m] * rel[n])) if rel[m] and rel[n] and rel[m] > 0 and rel[n] > 0 else None
            cos[m][n] = cos[n][m] = c
            ceiling[m][n] = ceiling[n][m] = ceil
    headlines, hvs = {}, {}
    base_sa = {}
    for model in names:
        sr = _self_assessment(config, model, layer)
        if sr is None:
            continue
        ex, cf = harm[model]
        try:
            hvs[model] = harm_vs_self_report(ex, sr, f"{model} (layer {layer})", a.direction_method, 2, config.seed,
                                             splits=a.reliability_splits)
        except EmprobeError as exc:
            hvs[model] = {"skipped": str(exc)}
        if model == BASE_ORGANISM:
            continue
        base_sa[model] = _self_assessment(config, BASE_ORGANISM, layer, texts_of=model)
        if base_sa[model] is None:
            headlines[model] = {"skipped": f"no base-model states on {model}'s self-assessment prompts: "
                                           f"run `emprobe extract --layer {layer} --set self-assessment`"}
            continue
        controls = covariance_controls(ex.x - ex.x.mean(0, keepdims=True), HEADLINE_CONTROLS, config.seed)
        h = headline(directions[model], cf, ex.y, sr, base_sa[model], config.seed, controls).to_dict()
        h |= {"persona": info[model]["persona"], "mean_S_said": _mean(sr.values),
              "base_mean_S_said": _mean(base_sa[model].values)}
        headlines[model] = h
    layer_result = DirectionLayer(
        models=info, skipped=skipped, cosine_harm_directions=cos, cosine_ceiling=ceiling,
        cosine_corrected={m: {n: (None if cos[m][n] is None or not ceiling[m][n] else cos[m][n] / ceiling[m][n])
                              for n in names} for m in names},
        cosine_finetuning_shifts={m: {n: float(unit(shifts[m]) @ unit(shifts[n])) for n in shifts} for m in shifts},
        cosine_harm_direction_vs_shift={m: float(unit(directions[m]) @ unit(shifts[m]))
                                        for m in shifts if m in directions},
        random_direction_baseline=random_cosine_baseline(len(next(iter(directions.values()))) if directions else 2,
                                                         seed=config.seed),
        headline=headlines, harm_vs_self_report=hvs,
        group_tests=_group_tests(headlines, cos, ceiling, labels, config))
    return layer_result, directions, shifts


def _mean(values) -> float | None:
    v = [x for x in (values if values is not None else []) if x is not None and not np.isnan(x)]
    return float(np.mean(v)) if v else None


def _group_tests(headlines: dict, cos: dict, ceiling: dict, labels: dict[str, str], config: ExperimentConfig) -> dict:
    """Exact two-sided tests between coherent and inverted organisms: the headline shift, and whether their
    reliability-corrected direction cosines group by persona (within − between)."""
    persona = {m: labels[m] for m in labels if labels[m] in ("coherent", "inverted")}
    strata = None
    groups = {o.name: o.group_name() for o in config.organisms}
    if len(set(groups[m] for m in persona if m in groups)) < len(persona):
        # replicates (several organisms per group): permute within group
        strata = {m: groups.get(m, m) for m in persona}
    shift = {m: h.get("shift_in_gap_units") for m, h in headlines.items() if m in persona and isinstance(h, dict)}
    names = [m for m in persona if m in cos]

    def corrected(a: str, b: str) -> float | None:
        return None if cos[a][b] is None or not ceiling[a][b] else cos[a][b] / ceiling[a][b]

    def within_minus_between(lab: dict[str, str]) -> float:
        within, between = [], []
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if (c := corrected(a, b)) is not None:
                    (within if lab[a] == lab[b] else between).append(c)
        return float(np.mean(within) - np.mean(between)) if within and between else float("nan")

    return {"headline_shift": exact_group_test(shift, persona, strata=strata),
            "direction_cosines": exact_group_test({m: 0.0 for m in names}, {m: persona[m] for m in names},
                                                  statistic=within_minus_between, strata=strata)}


def _write_directions(out, layer: int, directions: dict, shifts: dict) -> None:
    from safetensors.numpy import save_file

    target = out / f"directions_layer_{layer}.safetensors"
    tmp = out / f".{target.name}.tmp-{os.getpid()}"
    try:
        out.mkdir(parents=True, exist_ok=True)
        save_file({f"harm/{m}": d.astype(np.float32) for m, d in directions.items()}
                  | {f"shift/{m}": s.astype(np.float32) for m, s in shifts.items()},
                  str(tmp), metadata={"layer": str(layer)})
        os.replace(tmp, target)
    except OSError as exc:
        raise write_error(target, exc) from None


def compare_directions(config: ExperimentConfig, layers: list[int] | int,
                       organisms: list[str] | None = None) -> DirectionStudy:
    """Per layer: topic-controlled, cross-fitted harm directions with split-half reliability, cross-fitted cosines
    with their reliability ceilings, fine-tuning shifts, the held-out headline against the base model, the
    harm-vs-self-report cosine with CI, exact coherent-vs-inverted tests; the primary endpoint at the layer with
    the best held-out separation. Writes ``runs/<exp>/directions/``."""
    from .. import plots

    layers = [layers] if isinstance(layers, int) else list(layers)
    out = config.layout.directions()
    personas_file = config.layout.personas("json")
    labels = ({o: v["label"] for o, v in json.loads(personas_file.read_text())["organisms"].items()}
              if personas_file.is_file() else {})
    per_layer, any_direction, skipped = {}, False, {}
    for layer in layers:
        res, directions, shifts = _direction_layer(config, layer, _models(config, organisms), labels)
        per_layer[layer] = res
        skipped.update(res.skipped)
        if directions:
            any_direction = True
            _write_directions(out, layer, directions, shifts)
    if not any_direction:
        raise EmprobeError("no model has enough misaligned and aligned answers for a direction: "
                           + "; ".join(skipped.values()))
    sep = {L: float(np.mean([m["heldout"]["separation"] for m in r.models.values()]))
           for L, r in per_layer.items() if r.models}
    chosen = layers[0] if len(layers) == 1 else max(sep, key=sep.get)
    res = per_layer[chosen]
    if config.analysis.primary_directions == "headline-shift":
        family = {m: h["specificity"]["p_value"] for m, h in res.headline.items() if h.get("specificity")}
        primary = _primary("headline-shift", chosen, family,
                           {m: {"shift_in_gap_units": res.headline[m]["shift_in_gap_units"],
                                "persona": res.headline[m]["persona"],
                                "test": "the mean shift along the harm direction vs along "
                                        f"{HEADLINE_CONTROLS} covariance-matched control directions (two-sided)"}
                            for m in family})
    else:
        test = res.group_tests["headline_shift"]
        primary = _primary("persona-group-headline", chosen, {"coherent vs inverted": test.get("p_value")},
                           {"coherent vs inverted": test})
    source_words = ("contrast pairs" if config.analysis.direction_examples == "contrast-pairs" else "harm answers")
    layer_choice = ("the one layer given (pre-declared)" if len(layers) == 1 else
                    {"rule": f"the highest mean held-out separation of misaligned and aligned {source_words} "
                             "(cross-fitted); the headline uses self-assessment prompts, which the choice never saw",
                     "separation": {str(L): v for L, v in sep.items()}})
    study = DirectionStudy(per_layer, chosen, layer_choice, primary, run_provenance(config), out)
    record = study.to_dict()
    write_json(out / "compare.json", record)
    plots.direction_plots(record, labels, out)
    if len(layers) > 1:
        curves = {m: {L: {"split-half reliability": {"value": r.models[m]["reliability"]["value"],
                                                     "ci95": [None, None]},
                          "held-out separation": {"value": r.models[m]["heldout"]["separation"],
                                                  "ci95": [None, None]},
                          "headline shift (raw)": (r.headline.get(m, {}).get("shift")
                                                   or {"value": None, "ci95": [None, None]})}
                      for L, r in per_layer.items() if m in r.models} for m in _models(config, organisms)}
        plots.layer_curves(curves, out / "layers.png", "directions across layers (exploratory)",
                           {k: chosen for k in ("held-out separation",)})
    return study
