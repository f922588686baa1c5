"""Report sections on the model's insides: probes, misalignment directions, and steering."""
from __future__ import annotations

from .collect import RunData
from .document import Bullets, Figure, Heading, NotRun, Section, Table, Text, est, get, num

DASH = "—"


def _layer_arg(data: RunData) -> str:
    return str(data.layers[0]) if data.layers else "L"


def _matrix(m: dict, digits: int = 2) -> Table:
    cols = list(next(iter(m.values()))) if m else []
    return Table(["", *cols], [[r, *(DASH if m[r].get(c) is None else num(m[r].get(c), digits) for c in cols)] for r in m])


def probes_section(data: RunData) -> Section:
    """Per layer: the harm and self-report probes' CV AUROC with CIs and shuffled baselines, and the transfer matrix."""
    p = data.probes
    if p is None or not p.get("layers"):
        return Section("Probes", [NotRun(data.command("fit-probes", "--layer", _layer_arg(data)))], has_data=False)
    blocks: list = [Text("Logistic-regression probes on the mean activation over each answer's tokens: misaligned (EM) vs aligned "
                         "(aligned ≥ 70, coherent) answers, and, where extracted, self-assessment items saying misaligned (S ≥ 0.5) vs "
                         "aligned. AUROC from 5-fold cross-validation with a bootstrap CI; *shuffled* is the same probe on shuffled "
                         "labels (≈ 0.5 when nothing leaks).")]
    for layer, res in sorted(p["layers"].items(), key=lambda kv: int(kv[0])):
        blocks.append(Heading(f"Layer {layer}"))
        rows = []
        for model, r in (res.get("models") or {}).items():
            h, sr = r.get("harm") or {}, r.get("self_report") or {}
            rows.append([model, f"{h.get('n_pos', 'n/a')} / {h.get('n_neg', 'n/a')}", est(h.get("auroc")), est(h.get("shuffled_auroc")),
                         (f"skipped: {sr['skipped']}" if "skipped" in sr else est(sr.get("auroc"))) if sr else "not extracted",
                         est(sr.get("shuffled_auroc")) if sr and "skipped" not in sr else DASH])
        blocks.append(Table(["model", "misaligned / aligned answers", "harm probe AUROC", "shuffled", "self-report probe AUROC", "shuffled"], rows))
        if res.get("skipped"):
            blocks.append(Bullets([f"{m} skipped: {why}" for m, why in res["skipped"].items()]))
        if res.get("transfer"):
            t = _matrix(res["transfer"])
            t.note = "AUROC of the harm probe trained on the row's model, tested on the column's model (— = same model)"
            blocks += [Heading(f"Transfer, layer {layer}"), t]
        path = data.figure(f"probes/probes_layer_{layer}.png")
        if path:
            blocks.append(Figure(path, f"harm probe AUROC per model (x: shuffled labels) and the transfer heatmap, layer {layer}"))
    return Section("Probes", blocks)


def group_test_statement(test: dict | None) -> str:
    """The coherent-vs-inverted test in one sentence."""
    if not isinstance(test, dict):
        return "no coherent-vs-inverted test recorded"
    if not test.get("testable"):
        return test.get("statement") or "not testable"
    return (f"within-group minus between-group cosine {num(test.get('within_minus_between'), 3, signed=True)}, permutation p = "
            f"{num(test.get('p_value'), 4)} ({test.get('n_perm', 'n/a')} permutations; {_sizes(test.get('group_sizes'))})")


def _sizes(sizes: dict | None) -> str:
    if not isinstance(sizes, dict) or not sizes:
        return "group sizes n/a"
    return " vs ".join(f"{n} {group}" for group, n in sorted(sizes.items()))


def position(h: dict) -> float | None:
    """Where the self-assessment states sit between the aligned (0) and misaligned (1) answers' projections."""
    sa, mis, al = get(h, "self_assessment_projection", "mean"), h.get("misaligned_answers_projection"), h.get("aligned_answers_projection")
    if None in (sa, mis, al) or mis == al:
        return None
    return (sa - al) / (mis - al)


def directions_section(data: RunData) -> Section:
    """Cosines of the harm directions, the coherent-vs-inverted test, and the headline projection table."""
    d = data.directions
    if d is None:
        return Section("Directions", [NotRun(data.command("compare-directions", "--layer", _layer_arg(data)))], has_data=False)
    layer = d.get("layer", "?")
    base = d.get("random_direction_baseline") or {}
    blocks: list = [Text(f"Layer {layer}. Each model's harm direction = mean activation of its misaligned answers − mean of its aligned "
                         f"answers. Random directions in {base.get('dim', 'n/a')} dimensions have mean |cos| {num(base.get('mean_abs'), 3)} "
                         f"(95th percentile {num(base.get('p95_abs'), 3)}): cosines within that range mean *unrelated*.")]
    path = data.figure(f"directions/cosines_layer_{layer}.png")
    if path:
        blocks.append(Figure(path, "cosines of the harm directions and of the fine-tuning shifts"))
    if d.get("cosine_harm_directions"):
        blocks += [Heading("Cosines of the harm directions"), _matrix(d["cosine_harm_directions"])]
    vs_shift = d.get("cosine_harm_direction_vs_shift") or {}
    if vs_shift:
        blocks.append(Table(["organism", "cos(harm direction, fine-tuning shift)"], [[m, num(v, 3, signed=True)] for m, v in vs_shift.items()],
                            "fine-tuning shift = organism − base model on the same texts"))
    blocks += [Heading("Coherent vs inverted"), Text(group_test_statement(d.get("coherent_vs_inverted")) + ".")]
    head = d.get("headline_projection") or {}
    blocks.append(Heading("Headline: where each model's self-assessment states sit on its own harm direction"))
    if head:
        rows = []
        for m, h in head.items():
            pos = position(h)
            reading = DASH if pos is None else ("misaligned side" if pos > 0.5 else "aligned side")
            rows.append([m, h.get("persona", "n/a"), num(h.get("mean_S_said")), f"{num(get(h, 'self_assessment_projection', 'mean'))} ± "
                         f"{num(get(h, 'self_assessment_projection', 'sd'))}", num(h.get("misaligned_answers_projection")),
                         num(h.get("aligned_answers_projection")), num(pos), reading])
        blocks.append(Table(["model", "persona", "said (mean S)", "self-assessment states", "misaligned answers", "aligned answers",
                             "position (0 = aligned, 1 = misaligned)", "reading"], rows,
                            "projections onto the model's own unit harm direction (mean ± sd). An inverted model whose states sit on the "
                            "misaligned side represents its misalignment and reports otherwise."))
    else:
        blocks.append(NotRun(data.command("extract", "--layer", str(layer), "--set", "self-assessment"), "self-assessment activations"))
    if d.get("skipped"):
        blocks.append(Bullets([f"{m} skipped: {why}" for m, why in d["skipped"].items()]))
    return Section("Directions", blocks)


def _steer_title(s: dict, name: str) -> str:
    how = "ablated" if s.get("mode") == "ablate" else (f"added with α = {s['alpha']:g}" if isinstance(s.get("alpha"), (int, float)) else "added")
    on = f", on {s['on']}" if s.get("on") else ""
    return f"{s.get('direction', name)} direction, layer {s.get('layer', '?')}, {how}{on}"


def steering_section(data: RunData) -> Section:
    """Every steering run: harm metrics per condition, the paired changes with CIs, its statement and figure."""
    if not data.steering:
        layer = _layer_arg(data)
        org = next((m for m in (get(data.directions, "cosine_harm_directions") or {}) if m != "base"),
                   data.config.organisms[0].name if data.config.organisms else "<organism>")
        return Section("Steering", [NotRun(data.command("steer", "--direction", org, "--layer", layer, "--ablate"))], has_data=False)
    blocks: list = [Text("Each run answers the same items with the same seeds under three conditions: no intervention, the "
                         "direction, and a random direction of the same norm. Changes are paired differences against no intervention.")]
    for run in data.steering:
        s = run.summary
        blocks.append(Heading(_steer_title(s, run.name)))
        conds = s.get("conditions") or {}
        rows = [[c, est(get(conds, c, "em_rate")), est(get(conds, c, "mean_aligned"), 1), est(get(conds, c, "coherent_share")),
                 est(get(conds, c, "refusal_share")), str(get(conds, c, "n") or "n/a")] for c in ("none", "direction", "random") if c in conds]
        if rows:
            blocks.append(Table(["condition", "EM rate", "mean aligned", "coherent share", "refusal share", "answers"], rows,
                                f"direction norm {num(s.get('direction_norm'), 3)}; steering/{run.name}/summary.json"))
        change = [[c, est(get(s, "em_rate_change", c), signed=True), est(get(s, "mean_aligned_change", c), 1, signed=True)]
                  for c in ("direction", "random") if get(s, "em_rate_change", c) is not None or get(s, "mean_aligned_change", c) is not None]
        if change:
            blocks.append(Table(["change vs no intervention", "EM rate", "mean aligned"], change, "paired difference, 95 % bootstrap CI"))
        if not rows and not change:
            blocks.append(Text(f"`steering/{run.name}/summary.json` holds no conditions or changes yet."))
        if s.get("statement"):
            blocks.append(Text(s["statement"]))
        if run.figure:
            blocks.append(Figure(run.figure, "EM rate and mean alignment per condition"))
    return Section("Steering", blocks)
