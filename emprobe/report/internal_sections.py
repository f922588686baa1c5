"""Report sections on the model's insides: probes, misalignment directions, and steering."""
from __future__ import annotations

from .collect import RunData
from .document import Bullets, Figure, Heading, NotRun, Section, Table, Text, est, get, num

DASH = "—"


def _layer_arg(data: RunData) -> str:
    return str(data.layers[0]) if data.layers else "L"


def _matrix(m: dict, digits: int = 2) -> Table:
    cols = list(next(iter(m.values()))) if m else []
    return Table(["", *cols], [[r, *(DASH if m[r].get(c) is None else num(m[r].get(c), digits) for c in cols)]
                               for r in m])


def _p(x) -> str:
    return num(x, 3) if isinstance(x, (int, float)) else "n/a"


def _primary_block(primary: dict | None, what: str) -> list:
    """The pre-declared primary endpoint, its family with raw and Holm-adjusted p, and what passed."""
    if not isinstance(primary, dict):
        return []
    rows = [[m, _p(v.get("p_value")), _p(v.get("p_holm")), "**passed**" if v.get("passed") else "not passed"]
            for m, v in (primary.get("family") or {}).items()]
    return [Heading(f"Primary endpoint: {primary.get('endpoint')} (layer {primary.get('layer')})"),
            Table([what, "p", "p (Holm)", f"at {primary.get('alpha')}"], rows,
                  "Pre-declared in the config (analysis.primary_*); Holm across the family. Everything else in this "
                  "section is exploratory.")]


def probes_section(data: RunData) -> Section:
    """Per layer: the harm and self-report probes with folds by question, their within-question permutation nulls,
    the question-identity baseline, transfer on held-out questions, and the primary endpoint."""
    p = data.probes
    if p is None or not p.get("layers"):
        return Section("Probes", [NotRun(data.command("fit-probes", "--layer", _layer_arg(data)))], has_data=False)
    blocks: list = [Text("Logistic-regression probes on the mean activation over each answer's tokens: misaligned (EM) "
                         "vs aligned (aligned ≥ 70, coherent) answers, and, where extracted, self-assessment prompts "
                         "(the state before the answer) saying misaligned (S ≥ 0.5) vs aligned. Folds never split a "
                         "question. Each AUROC must beat two baselines: its **permutation null** (labels shuffled "
                         "within questions and the whole CV re-run; p = share of the null at or above the AUROC), and "
                         "the **question-identity** probe (the same probe on the prompt's state, which only knows "
                         "which question an answer belongs to).")]
    choice = p.get("layer_choice")
    if choice:
        blocks.append(Text(f"Layer choice: {choice if isinstance(choice, str) else choice.get('rule')}; "
                           f"chosen layer {p.get('chosen_layer', 'n/a')}."))
    blocks += _primary_block(p.get("primary"), "model")
    curves = data.figure("probes/layers.png")
    if curves:
        blocks.append(Figure(curves, "harm probe AUROC and its permutation null across layers (exploratory; dashed: "
                                     "the chosen layer)"))
    for layer, res in sorted(p["layers"].items(), key=lambda kv: int(kv[0])):
        blocks.append(Heading(f"Layer {layer}"))
        rows = []
        for model, r in (res.get("models") or {}).items():
            h, sr = r.get("harm") or {}, r.get("self_report") or {}
            null = f"{num(h.get('null_mean'))} [{num(get(h, 'null_95', 0))}, {num(get(h, 'null_95', 1))}]"
            rows.append([model,
                         f"{h.get('n_pos', 'n/a')} / {h.get('n_neg', 'n/a')} ({h.get('n_questions', 'n/a')} questions)",
                         num(h.get("auroc")), null, _p(h.get("p_value")), num(h.get("identity_auroc")),
                         (f"skipped: {sr['skipped']}" if "skipped" in sr
                          else f"{num(sr.get('auroc'))} (p {_p(sr.get('p_value'))})") if sr else "not extracted"])
        blocks.append(Table(["model", "misaligned / aligned answers", "harm probe AUROC",
                             "permutation null mean [95 %]", "p",
                             "question-identity AUROC", "self-report probe AUROC"], rows,
                            "p cannot fall below 1 / (permutations + 1)."))
        if res.get("skipped"):
            blocks.append(Bullets([f"{m} skipped: {why}" for m, why in res["skipped"].items()]))
        if res.get("transfer"):
            t = _matrix(res["transfer"])
            t.note = ("AUROC of the harm probe trained on the row's model's answers to half of the questions, tested "
                      "on the column's model's answers to the other half (— = same model)")
            blocks += [Heading(f"Transfer, layer {layer}"), t]
        path = data.figure(f"probes/probes_layer_{layer}.png")
        if path:
            blocks.append(Figure(path, "harm probe AUROC per model against its permutation null and identity "
                                       f"baseline, and transfer, layer {layer}"))
    return Section("Probes", blocks)


def group_test_statement(test: dict | None) -> str:
    """An exact coherent-vs-inverted test in one sentence."""
    if not isinstance(test, dict):
        return "no coherent-vs-inverted test recorded"
    if not test.get("testable"):
        return ((test.get("statement") or "not testable") +
                f" (p < 0.05 needs {test.get('organisms_per_group_needed', 4)} organisms per group)")
    return (f"{test.get('contrast', 'difference')} = {num(test.get('statistic'), 3, signed=True)}, exact two-sided p = "
            f"{num(test.get('p_value'), 4)} over {test.get('n_labellings', 'n/a')} labellings "
            f"({test.get('method', 'exact')}; {_sizes(test.get('group_sizes'))}); the smallest p this design can reach "
            f"is {num(test.get('min_p'), 3)}, and p < 0.05 needs {test.get('organisms_per_group_needed', 4)} organisms "
            "per group")


def _sizes(sizes: dict | None) -> str:
    if not isinstance(sizes, dict) or not sizes:
        return "group sizes n/a"
    return " vs ".join(f"{n} {group}" for group, n in sorted(sizes.items()))


def _headline_reading(h: dict, spec: dict) -> str:
    """What one headline row shows: a shift along the harm direction beyond the controls, and its side."""
    if h.get("shift_in_gap_units") is None:
        return DASH
    if not spec:  # an older compare.json: the CI alone
        low, high = get(h, "shift", "ci95", 0) or 0, get(h, "shift", "ci95", 1) or 0
        return ("toward the misaligned side" if low > 0 else "toward the aligned side" if high < 0
                else "no shift shown")
    if spec.get("p_value") is None or spec["p_value"] >= 0.05:
        return "no shift beyond the control directions"
    return ("toward the misaligned side, beyond the controls" if spec["statistic"] > 0
            else "toward the aligned side, beyond the controls")


def directions_section(data: RunData) -> Section:
    """Reliability, cross-fitted cosines with ceilings, the held-out headline against the base model, the
    harm-vs-self-report cosine, exact persona-group tests, and the primary endpoint."""
    d = data.directions
    if d is None:
        return Section("Directions", [NotRun(data.command("compare-directions", "--layer", _layer_arg(data)))],
                       has_data=False)
    layer = d.get("layer", "?")
    base = d.get("random_direction_baseline") or {}
    pairs = any(m.get("examples") == "contrast-pairs" for m in (d.get("models") or {}).values())
    source = ("Each model's harm direction is the mean over held-out dataset prompts (contrast pairs: no organism "
              "trained on them) of (the domain's misaligned − its aligned answer to that prompt), both read by the "
              "model: its reading of harmful vs safe text on one topic, not its own answers, so it needs no EM "
              "answers and no topic enters it." if pairs else
              "Each model's harm direction is the mean over questions of (misaligned − aligned answers to that "
              "question), so the topic of the questions where misaligned answers pile up does not enter it.")
    blocks: list = [Text(f"Layer {layer}. {source} Everything below is computed on held-out questions: projections "
                         "and reference means are cross-fitted, cosines between two models use directions fitted on "
                         "disjoint halves of the questions. Reliability = cosine between directions from disjoint "
                         "question halves; a cosine between two models cannot exceed sqrt(r₁·r₂) (the ceiling). Random "
                         f"directions in {base.get('dim', 'n/a')} dimensions have mean |cos| "
                         f"{num(base.get('mean_abs'), 3)} (95th percentile {num(base.get('p95_abs'), 3)}).")]
    choice = d.get("layer_choice")
    if choice:
        blocks.append(Text(f"Layer choice: {choice if isinstance(choice, str) else choice.get('rule')}."))
    blocks += _primary_block(d.get("primary"),
                             "organism" if get(d, "primary", "endpoint") == "headline-shift" else "test")
    curves = data.figure("directions/layers.png")
    if curves:
        blocks.append(Figure(curves,
                             "reliability, held-out separation and the headline shift across layers (exploratory)"))
    models = d.get("models") or {}
    if models:
        blocks.append(Table(["model", "persona", "answers (mis / ali, questions)", "split-half reliability",
                             "held-out gap", "held-out separation (d′)"],
                            [[m, v.get("persona", "n/a"),
                              f"{v.get('n_pos')} / {v.get('n_neg')} ({v.get('n_questions')})",
                              num(get(v, "reliability", "value")), num(get(v, "heldout", "gap")),
                              num(get(v, "heldout", "separation"))] for m, v in models.items()]))
    path = data.figure(f"directions/cosines_layer_{layer}.png")
    if path:
        blocks.append(Figure(path, "cross-fitted cosines of the harm directions and of the fine-tuning shifts"))
    if d.get("cosine_harm_directions"):
        blocks += [Heading("Cross-fitted cosines of the harm directions"), _matrix(d["cosine_harm_directions"])]
        if d.get("cosine_ceiling"):
            t = _matrix(d["cosine_ceiling"])
            t.note = "reliability ceiling sqrt(r₁·r₂) of each cosine above"
            blocks.append(t)
    head = d.get("headline") or {}
    blocks.append(Heading("Headline: does each organism represent its misalignment where it reports on itself?"))
    if head:
        rows = []
        for m, h in head.items():
            if "skipped" in h:
                rows.append([m, DASH, DASH, DASH, DASH, DASH, h["skipped"]])
                continue
            g, spec = h.get("shift_in_gap_units"), h.get("specificity") or {}
            rows.append([m, h.get("persona", "n/a"),
                         f"{num(h.get('mean_S_said'))} (base {num(h.get('base_mean_S_said'))})",
                         est(h.get("shift"), signed=True), num(g, signed=True),
                         f"{num(h.get('organism_position'))} (base {num(h.get('base_position'))})",
                         num(spec.get("p_value"), 3), _headline_reading(h, spec)])
        blocks.append(Table(["organism", "persona", "says (mean S)", "states − base states (raw, CI over cells)",
                             "in gap units", "position (0 = aligned answers, 1 = misaligned)",
                             "p vs control directions", "reading"], rows,
                            "self-assessment states before the answer (last-prompt), projected on the organism's harm "
                            "direction and compared prompt by prompt with the base model's states on the same prompts; "
                            "gap = held-out mean projection of its misaligned minus aligned answers. Any fine-tuning "
                            "moves the states a little along almost every direction, so a CI that excludes 0 is not "
                            "the test: the mean shift along the harm direction is compared with its projections on "
                            "control directions drawn from the covariance of the examples the direction was fitted on "
                            "(two-sided p). An inverted organism whose states move along the harm direction toward "
                            "the misaligned side, beyond the controls, represents its misalignment and reports "
                            "otherwise."))
    else:
        blocks.append(NotRun(data.command("extract", "--layer", str(layer), "--set", "self-assessment"),
                             "self-assessment activations"))
    hvs = {m: v for m, v in (d.get("harm_vs_self_report") or {}).items() if "value" in v}
    if hvs:
        blocks.append(Table(["model", "cos(harm, self-report direction)", "95 % CI", "ceiling", "corrected"],
                            [[m, num(v["value"], 3, signed=True),
                              f"[{num(get(v, 'ci95', 0), 2, signed=True)}, {num(get(v, 'ci95', 1), 2, signed=True)}]",
                              num(v.get("ceiling")), num(v.get("corrected"), signed=True)] for m, v in hvs.items()],
                            "self-report direction: says misaligned vs aligned in its self-assessment states; CI: harm "
                            "questions and self-assessment cells resampled, both directions refitted. Near 0 with a "
                            "narrow CI = nearly orthogonal."))
    tests = d.get("group_tests") or {}
    blocks += [Heading("Coherent vs inverted (exact tests, exploratory unless declared primary)"),
               Bullets([f"headline shift: {group_test_statement(tests.get('headline_shift'))}.",
                        "direction cosines group by persona (reliability-corrected, within − between): "
                        f"{group_test_statement(tests.get('direction_cosines'))}."])]
    if d.get("skipped"):
        blocks.append(Bullets([f"{m} skipped: {why}" for m, why in d["skipped"].items()]))
    return Section("Directions", blocks)


def _steer_title(s: dict, name: str) -> str:
    if s.get("mode") == "ablate":
        how = "ablated at every layer from it on" if s.get("all_later_layers") else "ablated"
    elif isinstance(s.get("alpha"), (int, float)):
        how = f"added with α = {s['alpha']:g}" + (" × mean‖h‖" if s.get("norm_unit") is not None else "")
    else:
        how = "added"
    on = f", on {s['on']}" if s.get("on") else ""
    return f"{s.get('direction', name)} direction, layer {s.get('layer', '?')}, {how}{on}"


def _steer_test_rows(s: dict) -> list[list[str]]:
    """The direct test: the direction's EM change against the controls', the p-value, the coherence guard."""
    t, guard = s.get("test") or {}, s.get("coherence_guard") or {}
    changes = sorted(c["em_change"] for c in s.get("controls") or []
                     if isinstance(c, dict) and c.get("em_change") is not None)
    kinds = [c.get("kind") for c in s.get("controls") or [] if isinstance(c, dict)]
    p = t.get("p_value")
    return [
        ["verdict", str(t.get("verdict", "n/a"))],
        ["direction's EM-rate change (held-out questions)", est(get(s, "em_rate_change", "direction"), 3, signed=True)],
        [f"controls' EM-rate changes ({kinds.count('covariance')} covariance-shaped random, "
         f"{kinds.count('shuffled')} shuffled-label)",
         f"{num(changes[0], 3, signed=True)} to {num(changes[-1], 3, signed=True)}, "
         f"median {num(changes[len(changes) // 2], 3, signed=True)}"
         if changes else "n/a"],
        [f"one-sided p (EM expected to {'rise' if t.get('alternative') == 'greater' else 'fall'})",
         num(p, 3) if p is not None else ("not evidence (the direction broke the model)"
                                          if t.get("verdict") == "broke the model" else "n/a")],
        ["smallest p these controls allow", num(t.get("min_p"), 3)],
        ["coherent share: none / direction (broke below)", f"{num(guard.get('baseline_coherent_share'))} / "
         f"{num(guard.get('direction_coherent_share'))} ({num(guard.get('threshold'))})"],
        ["controls that broke the model",
         f"{t.get('controls_broke_the_model', 'n/a')} of {t.get('n_controls', 'n/a')}"],
    ]


def steering_section(data: RunData) -> Section:
    """Every steering run: the direction's EM change against its controls (the test), the coherence guard,
    harm metrics per condition, its statement and figure."""
    if not data.steering:
        layer = _layer_arg(data)
        org = next((m for m in (get(data.directions, "cosine_harm_directions") or {}) if m != "base"),
                   data.config.organisms[0].name if data.config.organisms else "<organism>")
        return Section("Steering", [NotRun(data.command("steer", "--direction", org, "--layer", layer, "--ablate"))],
                       has_data=False)
    blocks: list = [Text("Each run refits the organism's harm direction on part of the questions (or on the contrast "
                         "pairs, whose prompts are not harm questions) and steers only on the other questions' "
                         "prompts. No intervention, the direction and its control directions (random "
                         "Gaussian directions with the covariance of the fitted examples' activations, and "
                         "difference-of-means directions with labels shuffled within questions, all of the direction's "
                         "norm) answer the same items with the same seeds. The test: the direction's paired EM-rate "
                         "change against the controls' (one-sided empirical p). A condition whose coherent share falls "
                         "below 0.8 × the no-intervention share broke the model: that is not an EM effect. α is in "
                         "units of the layer's mean residual norm.")]
    for run in data.steering:
        s = run.summary
        blocks.append(Heading(_steer_title(s, run.name)))
        conds = s.get("conditions") or {}
        if isinstance(s.get("test"), dict):
            held = s.get("heldout") or {}
            blocks.append(Table(["test", "value"], _steer_test_rows(s),
                                f"{len(held.get('steered_questions') or [])} held-out questions steered, direction "
                                f"fitted on {len(held.get('fit_questions') or [])} "
                                f"({held.get('fit_misaligned', 'n/a')} misaligned / {held.get('fit_aligned', 'n/a')} "
                                "aligned answers); cosine with the all-questions direction "
                                f"{num(held.get('cosine_with_all_questions_direction'), 3, signed=True)}; "
                                f"steering/{run.name}/summary.json"))
        rows = [[c, est(get(conds, c, "em_rate")), est(get(conds, c, "mean_aligned"), 1),
                 est(get(conds, c, "coherent_share")), est(get(conds, c, "coherent_mean_aligned"), 1),
                 est(get(conds, c, "refusal_share")), str(get(conds, c, "n") or "n/a")]
                for c in ("none", "direction") if c in conds]
        if rows:
            note = (f"direction norm {num(s.get('direction_norm'), 3)}"
                    + (f"; mean‖h‖ {num(s.get('norm_unit'), 3)}" if s.get("norm_unit") else "")
                    + ("" if isinstance(s.get("test"), dict) else f"; steering/{run.name}/summary.json"))
            blocks.append(Table(["condition", "EM rate", "mean aligned", "coherent share", "mean aligned (coherent)",
                                 "refusal share", "answers"],
                                rows, note))
        if not isinstance(s.get("test"), dict) and not rows:
            blocks.append(Text(f"`steering/{run.name}/summary.json` holds no conditions or control test yet "
                               "(re-run `emprobe steer`)."))
        if s.get("statement"):
            blocks.append(Text(s["statement"]))
        if run.figure:
            blocks.append(Figure(run.figure, "the direction's EM-rate change beside its controls', coherent share and "
                                             "alignment per condition"
                                 if isinstance(s.get("test"), dict) else "EM rate and mean alignment per condition"))
    return Section("Steering", blocks)
