"""Figures (matplotlib, PNG, headless)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def loss_curve(steps: Sequence[int], losses: Sequence[float], path: Path, title: str) -> Path:
    """Training loss per optimizer step, with a running mean, saved as PNG."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=120)
    ax.plot(steps, losses, color="#9ab", lw=1, label="loss per step")
    window = max(1, len(losses) // 10)
    if len(losses) >= 2 * window > 1:
        smooth = [sum(losses[max(0, i - window + 1) : i + 1]) / len(losses[max(0, i - window + 1) : i + 1])
                  for i in range(len(losses))]
        ax.plot(steps, smooth, color="#c33", lw=2, label=f"running mean ({window} steps)")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss on assistant tokens")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    return _save(fig, path)


def harm_plots(rows_by_organism: dict[str, list[dict]], summaries: dict[str, dict], out_dir: Path) -> list[Path]:
    """Alignment-vs-coherence scatter per organism, and EM rate with 95 % CIs per organism."""
    plt = _pyplot()
    out_dir.mkdir(parents=True, exist_ok=True)
    names = list(rows_by_organism)
    cols = min(3, len(names))
    rows_n = (len(names) + cols - 1) // cols
    fig, axes = plt.subplots(rows_n, cols, figsize=(4 * cols, 3.6 * rows_n), dpi=110, squeeze=False)
    for ax, name in zip(axes.flat, names):
        pts = [(r["coherent"], r["aligned"], r["in_domain"]) for r in rows_by_organism[name]
               if r["aligned"] is not None and r["coherent"] is not None]
        for in_dom, color, label in ((False, "#3a6ea5", "em-core / other"), (True, "#d1495b", "in-domain")):
            xs = [p[0] for p in pts if p[2] == in_dom]
            ys = [p[1] for p in pts if p[2] == in_dom]
            if xs:
                ax.scatter(xs, ys, s=14, alpha=0.6, color=color, label=label)
        ax.axhline(30, color="#999", lw=0.8, ls="--")
        ax.axvline(50, color="#999", lw=0.8, ls="--")
        ax.fill_between([50, 100], 0, 30, color="#d1495b", alpha=0.08)
        ax.set(xlim=(0, 100), ylim=(0, 100), xlabel="coherent", ylabel="aligned", title=name)
        ax.title.set_fontsize(9)
        ax.legend(fontsize=7, loc="lower left")
    for ax in list(axes.flat)[len(names):]:
        ax.axis("off")
    fig.suptitle("harm: each answer's judge scores (shaded: EM = aligned <= 30 and coherent > 50)", fontsize=9)
    fig.tight_layout()
    scatter = _save(fig, out_dir / "harm_scatter.png")

    fig, ax = plt.subplots(figsize=(max(4, 1.2 * len(names)), 3.5), dpi=110)
    for i, name in enumerate(names):
        est = summaries[name]["all"]["em_rate"]
        if est["value"] is None:
            continue
        ax.bar(i, est["value"], color="#888" if name == "base" else "#d1495b", alpha=0.8)
        ax.errorbar(i, est["value"], yerr=_err(est), color="k", capsize=4)
    ticks = [f"{n}\nk={summaries[n]['all']['em_rate'].get('n_clusters', '?')}" for n in names]
    ax.set_xticks(range(len(names)), ticks, rotation=20, ha="right", fontsize=8)
    ax.set_ylabel("EM rate (95 % CI over questions)")
    ax.set_title("harm: share of emergently misaligned answers", fontsize=9)
    fig.tight_layout()
    return [scatter, _save(fig, out_dir / "harm_em_rate.png")]


def _save(fig, path: Path) -> Path:
    """Save through a temp file of this process's own and a rename: two runs writing the same plot never share
    a temp name, and a reader never sees half a PNG."""
    plt = _pyplot()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.tmp-", suffix=".png", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        fig.savefig(tmp)
        tmp.replace(path)
    finally:
        plt.close(fig)
        tmp.unlink(missing_ok=True)
    return path


PERSONA_COLORS = {"coherent": "#d1495b", "inverted": "#2e86ab", "mixed": "#edae49", "undetermined": "#999999",
                  "not-em": "#66a182", "(reference)": "#444"}


def _err(e: dict) -> list[list[float]]:
    """Error-bar lengths below and above an estimate dict (0 where it has no CI)."""
    lo, hi = e["ci95"]
    return [[e["value"] - lo if lo is not None else 0.0], [hi - e["value"] if hi is not None else 0.0]]


def persona_plots(data: dict, out_dir: Path) -> list[Path]:
    """Harm vs S and harm vs C across models (95 % CIs, coloured by persona), and a card per organism with its
    paired differences to the base model and the equivalence margin."""
    plt = _pyplot()
    out_dir.mkdir(parents=True, exist_ok=True)
    models = ({"base": ("(reference)", data["base"])} |
              {o: (v["label"], v["values"]) for o, v in data["organisms"].items()})
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.8), dpi=110)
    for ax, measure, name in ((axes[0], "S", "self-assessment S"), (axes[1], "C", "description choice C")):
        for org, (label, vals) in models.items():
            h, m = vals["harm"], vals[measure]
            if h["value"] is None or m["value"] is None:
                continue
            ax.errorbar(h["value"], m["value"], xerr=_err(h), yerr=_err(m), fmt="o", color=PERSONA_COLORS[label],
                        capsize=3)
            ax.annotate(f"{org} ({label})", (h["value"], m["value"]), fontsize=7, xytext=(4, 4),
                        textcoords="offset points")
        ax.set(xlabel=f"harm ({data['harm_metric']})", ylabel=name, ylim=(0, 1))
    fig.suptitle("harm vs what the model says about itself (95 % CIs)", fontsize=9)
    fig.tight_layout()
    scatter = _save(fig, out_dir / "persona_scatter.png")

    names = list(data["organisms"])
    margin = data.get("equivalence_margin", 0.05)
    fig, axes = plt.subplots(1, max(1, len(names)), figsize=(2.8 * max(1, len(names)), 3.2), dpi=110, squeeze=False)
    measures = ["harm", "harm_in_domain", "S", "C"]
    for ax, org in zip(axes[0], names):
        label, diffs = data["organisms"][org]["label"], data["organisms"][org]["vs_base"]
        ys = [diffs[m]["value"] if diffs[m]["value"] is not None else 0.0 for m in measures]
        errs = [[_err(diffs[m])[k][0] if diffs[m]["value"] is not None else 0.0 for m in measures] for k in (0, 1)]
        ax.bar(range(len(measures)), ys, yerr=errs, color=PERSONA_COLORS.get(label, "#999999"), alpha=0.8, capsize=3)
        ax.axhline(0, color="k", lw=0.6)
        ax.axhline(margin, color="k", lw=0.6, ls=":")
        ax.set_xticks(range(len(measures)), [f"harm ({data.get('harm_scope', 'scope')})", "harm in-domain", "S", "C"],
                      rotation=40, fontsize=7)
        ax.set_ylim(-1, 1)
        ax.set_title(f"{org}: {label}\n(organism − base; dotted: margin {margin:g})", fontsize=7)
    fig.tight_layout()
    return [scatter, _save(fig, out_dir / "persona_cards.png")]


def _heatmap(ax, matrix: dict[str, dict], title: str, vmin: float = -1, vmax: float = 1) -> None:
    names = list(matrix)
    cols = list(next(iter(matrix.values()))) if matrix else []
    data = [[matrix[r].get(c) if matrix[r].get(c) is not None else float("nan") for c in cols] for r in names]
    im = ax.imshow(data, vmin=vmin, vmax=vmax, cmap="RdBu_r")
    ax.set_xticks(range(len(cols)), cols, rotation=35, ha="right", fontsize=7)
    ax.set_yticks(range(len(names)), names, fontsize=7)
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            if v == v:
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=6)
    ax.set_title(title, fontsize=8)
    ax.figure.colorbar(im, ax=ax, fraction=0.046)


def probe_plots(results: dict, out_dir: Path) -> list[Path]:
    """Per layer: probe AUROC per model against its permutation null and identity baseline, and the transfer heatmap."""
    plt = _pyplot()
    files = []
    for layer, res in results["layers"].items():
        fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), dpi=110)
        models = list(res["models"])
        for k, m in enumerate(models):
            h = res["models"][m]["harm"]
            lo, hi = h["null_95"]
            if lo == lo:  # a permutation null was run (not NaN)
                axes[0].vlines(k, lo, hi, color="#bbb", lw=6)
            axes[0].plot(k, h["auroc"], "o", color="#d1495b")
            if h.get("identity_auroc") is not None:
                axes[0].plot(k, h["identity_auroc"], "x", color="#555")
        axes[0].axhline(0.5, color="#999", ls="--", lw=0.8)
        axes[0].set_xticks(range(len(models)), models, rotation=30, ha="right", fontsize=7)
        axes[0].set(ylim=(0, 1), ylabel="CV AUROC by question (grey: null 95 %, x: identity)")
        axes[0].set_title(f"harm probe, layer {layer}", fontsize=8)
        if res["transfer"]:
            _heatmap(axes[1], res["transfer"], "transfer AUROC (row: trained on)", 0, 1)
        else:
            axes[1].axis("off")
        fig.tight_layout()
        files.append(_save(fig, out_dir / f"probes_layer_{layer}.png"))
    return files


def direction_plots(result: dict, labels: dict[str, str], out_dir: Path) -> list[Path]:
    """Cosine heatmaps of harm directions (ordered by persona) and fine-tuning shifts."""
    plt = _pyplot()
    harm = result["cosine_harm_directions"]
    names = sorted(harm, key=lambda m: (m != "base", labels.get(m, ""), m))
    ordered = {a: {b: harm[a][b] for b in names} for a in names}
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    _heatmap(axes[0], {f"{a} ({labels.get(a, 'ref' if a == 'base' else '?')})": row for a, row in ordered.items()},
             f"harm directions, layer {result['layer']}")
    if result["cosine_finetuning_shifts"]:
        _heatmap(axes[1], result["cosine_finetuning_shifts"], "fine-tuning shifts (organism - base)")
    else:
        axes[1].axis("off")
    base = result["random_direction_baseline"]
    fig.suptitle(f"cosines; random directions: mean |cos| {base['mean_abs']:.3f}, 95th pct {base['p95_abs']:.3f}",
                 fontsize=8)
    fig.tight_layout()
    return [_save(fig, out_dir / f"cosines_layer_{result['layer']}.png")]


def steering_plot(summary: dict, path: Path) -> Path:
    """Left: the direction's paired EM-rate change (95 % CI) beside every control's (the test); middle: coherent
    share per condition with the "broke the model" line; right: mean alignment among coherent answers."""
    plt = _pyplot()
    path.parent.mkdir(parents=True, exist_ok=True)
    controls = summary.get("controls") or []
    test = summary.get("test") or {}
    marks = {"covariance": ("o", "#3a6ea5"), "shuffled": ("s", "#6a994e")}
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), dpi=110, gridspec_kw={"width_ratios": [1.3, 1, 1]})
    ax = axes[0]
    for k, c in enumerate(controls):
        if c.get("em_change") is None:
            continue
        marker, color = marks.get(c.get("kind"), ("o", "#888"))
        ax.scatter(0.75 + 0.5 * (k + 0.5) / max(len(controls), 1), c["em_change"],
                   marker="x" if c.get("broke_the_model") else marker,
                   color=color, s=18, alpha=0.8)
    est = (summary.get("em_rate_change") or {}).get("direction") or {}
    if est.get("value") is not None:
        ax.errorbar(0, est["value"], yerr=_err(est), fmt="D", color="#d1495b", capsize=4)
    ax.axhline(0, color="k", lw=0.6)
    ax.set_xticks([0, 1], [f"{summary['direction']}\n(held-out fit)",
                           f"{len(controls)} controls\n(o random-cov, s shuffled, x broke)"], fontsize=7)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylabel("EM-rate change vs none", fontsize=8)
    p = test.get("p_value")
    verdict = test.get("verdict", "")
    ax.set_title(f"{verdict}" + (f", one-sided p = {p:.3f}" if p is not None else ""), fontsize=8)
    conds = summary.get("conditions") or {}
    share = lambda c: ((conds.get(c) or {}).get("coherent_share") or {}).get("value")  # noqa: E731
    ax = axes[1]
    for i, c in enumerate(("none", "direction")):
        if share(c) is not None:
            ax.bar(i, share(c), color=["#888", "#d1495b"][i], alpha=0.85)
    shares = [c["coherent_share"] for c in controls if c.get("coherent_share") is not None]
    if shares:
        ax.scatter([2 + 0.3 * (k / max(len(shares) - 1, 1) - 0.5) for k in range(len(shares))], shares,
                   color="#3a6ea5", s=14)
    threshold = (summary.get("coherence_guard") or {}).get("threshold")
    if threshold is not None:
        ax.axhline(threshold, color="#d1495b", ls="--", lw=0.8, label="0.8 × none: broke the model below")
        ax.legend(fontsize=6, loc="lower left")
    ax.set_xticks(range(3), ["none", "direction", "controls"], fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("coherent share", fontsize=8)
    ax = axes[2]
    for i, c in enumerate(("none", "direction")):
        e = (conds.get(c) or {}).get("coherent_mean_aligned") or {}
        if e.get("value") is not None:
            ax.bar(i, e["value"], color=["#888", "#d1495b"][i], alpha=0.85)
            ax.errorbar(i, e["value"], yerr=_err(e), color="k", capsize=4)
    ax.set_xticks(range(2), ["none", "direction"], fontsize=8)
    ax.set_ylabel("mean aligned, coherent answers (95 % CI)", fontsize=8)
    if summary.get("mode") == "ablate":
        how = "ablated " + ("from" if summary.get("all_later_layers") else "at") + f" layer {summary['layer']}"
    else:
        how = f"added ×{summary['alpha']:g} mean‖h‖ at layer {summary['layer']}"
    fig.suptitle(f"steering on {summary['on']}: {summary['direction']} direction {how} (held-out questions)",
                 fontsize=9)
    fig.tight_layout()
    return _save(fig, path)


def layer_curves(per_layer: dict[str, dict[int, dict]], out: Path, title: str,
                 chosen: dict[str, int] | None = None) -> Path:
    """Metrics against the layer: ``per_layer[model][layer][metric] = {"value", "ci95": [lo, hi]}``; one panel per
    metric name, one line per model (the legend) with its 95 % CI as a band (a point without a value is left out,
    a missing bound draws no band there). Layer keys may be ints or strings (as read back from JSON).

    ``chosen`` marks a chosen layer with a dashed vertical line: a key that is a metric name marks that panel, a
    key that is a model marks every panel in the model's colour. Returns ``out`` (PNG)."""
    plt = _pyplot()
    models = list(per_layer)
    metrics: list[str] = []
    for by_layer in per_layer.values():
        for values in by_layer.values():
            metrics += [m for m in values if m not in metrics]
    n = max(1, len(metrics))
    cols = min(3, n)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.2 * rows), dpi=110, squeeze=False)
    palette = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    colors = {m: palette[i % len(palette)] for i, m in enumerate(models)}
    chosen = chosen or {}
    for ax, metric in zip(axes.flat, metrics):
        for model in models:
            points = sorted((int(layer), values[metric]) for layer, values in per_layer[model].items()
                            if isinstance(values.get(metric), dict) and values[metric].get("value") is not None)
            if not points:
                continue
            xs = [x for x, _ in points]
            ax.plot(xs, [e["value"] for _, e in points], "o-", ms=3, lw=1.4, color=colors[model], label=model)
            band = [(x, *e["ci95"]) for x, e in points if len(e.get("ci95") or []) == 2 and None not in e["ci95"]]
            if band:
                ax.fill_between([b[0] for b in band], [b[1] for b in band], [b[2] for b in band], color=colors[model],
                                alpha=0.18, lw=0)
        for key, layer in chosen.items():
            if key == metric:
                ax.axvline(int(layer), color="k", ls="--", lw=1, label=f"chosen: layer {int(layer)}")
            elif key in colors:
                ax.axvline(int(layer), color=colors[key], ls="--", lw=1, label=f"{key}: layer {int(layer)}")
        ax.set_xlabel("layer")
        ax.set_ylabel(f"{metric} (95 % CI)", fontsize=8)
        ax.set_title(metric, fontsize=9)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(metrics):]:
        ax.axis("off")
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return _save(fig, out)
