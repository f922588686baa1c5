"""Known-answer validation: constructed coherent and inverted organisms through the whole chain on SmolLM2.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/validation.py [--config experiments/validation.yaml]
                                                              [--out benchmarks/VALIDATION.md]

Every stage is the resumable one the CLI runs, so a killed run picks up where it stopped (and a finished one
re-writes the table in seconds). Writes the measured table, whatever it shows, with the command, wall time and peak
RSS. The behavioural stage runs the experiments the persona labels read (harm, self-assessment, descriptions).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from emprobe.analysis.directions import exact_group_test  # noqa: E402
from emprobe.behavioral.personas import self_report_reading  # noqa: E402
from emprobe.config import load_experiment  # noqa: E402
from emprobe.data.datasets import constructed_persona, parse_spec  # noqa: E402
from emprobe.errors import EmprobeError  # noqa: E402

LABEL_EXPERIMENTS = ["harm", "self-assessment", "descriptions"]
NOTES = "<!-- notes: written by hand, kept when the table above is regenerated -->"


def expected_label(dataset: str) -> str:
    """coherent / inverted by construction, not-em for an aligned control, '—' (unknown) for a natural organism."""
    persona = constructed_persona(dataset)
    if persona:
        return persona
    parsed = parse_spec(dataset)
    return "not-em" if parsed and parsed[1] == "aligned" else "—"


def run_stages(config, layer: int) -> dict[str, dict]:
    from emprobe.activations import analysis_sets, run_extract
    from emprobe.analysis.steering import alphas_of, spec_from_config, steer_all
    from emprobe.analysis.studies import compare_directions
    from emprobe.behavioral.runner import run_behavioral
    from emprobe.demo import steering_direction
    from emprobe.train.organisms import train_organisms

    stages = {
        "train": lambda: train_organisms(config, show_progress=False) and "done",
        "run-behavioral": lambda: run_behavioral(config, LABEL_EXPERIMENTS, show_progress=False) and "done",
        "extract": lambda: [run_extract(config, [layer], set_name=s, show_progress=False)
                            for s in analysis_sets(config)] and "done",
        "compare-directions": lambda: compare_directions(config, [layer]) and "done",
        "steer": lambda: " | ".join(s.statement for s in steer_all(
            config,
            spec_from_config(config, steering_direction(config, layer), layer, alpha=alphas_of(config.steer.alpha)[0]),
            alphas_of(config.steer.alpha), show_progress=False)),
    }
    out = {}
    for name, stage in stages.items():
        start = time.perf_counter()
        print(f"[validation] {name} ...", flush=True)
        try:
            summary = str(stage())
        except EmprobeError as exc:
            if name in ("train", "run-behavioral"):
                raise
            summary = f"skipped: {exc}"
        out[name] = {"seconds": time.perf_counter() - start, "summary": summary}
        print(f"[validation] {name}: {out[name]['seconds']:.0f} s, {summary[:200]}", flush=True)
    return out


def _ci(d: dict) -> str:
    lo, hi = d.get("ci95") or [None, None]
    if d.get("value") is None:
        return "n/a"
    return f"{d['value']:+.3f}" + (f" [{lo:+.3f}, {hi:+.3f}]" if lo is not None else "")


def organism_tests(values: dict[str, float | None], expected: dict[str, str], domains: dict[str, str]) -> list[str]:
    """Exact coherent-vs-inverted tests on per-organism values (grouped by construction), and the null control:
    the coherent organisms split into two halves in every way."""
    groups = {m: e for m, e in expected.items() if e in ("coherent", "inverted") and values.get(m) is not None}
    lines = []
    if len({*groups.values()}) == 2:
        t = exact_group_test({m: values[m] for m in groups}, groups)
        ts = exact_group_test({m: values[m] for m in groups}, groups, strata={m: domains[m] for m in groups})
        lines.append(f"coherent − inverted {t['statistic']:+.3f}: exact p = {t['p_value']:.3f} (smallest reachable "
                     f"{t['min_p']:.3f}, {t['n_labellings']} labellings); within domain p = {ts['p_value']:.3f} "
                     f"(smallest reachable {ts['min_p']:.3f})")
    coherent = sorted(m for m, e in groups.items() if e == "coherent")
    splits = [set(c) for c in combinations(coherent, len(coherent) // 2) if coherent[0] in c]
    for half in splits:
        lab = {m: ("half-1" if m in half else "half-2") for m in coherent}
        t = exact_group_test({m: values[m] for m in coherent}, lab)
        lines.append(f"null control {sorted(half)} vs the rest: p = {t['p_value']:.3f} "
                     f"(smallest reachable {t['min_p']:.3f})")
    return lines or ["not testable: values missing for a persona group"]


def _num(v, fmt: str) -> str:
    return "n/a" if v is None else format(v, fmt)


def directions_lines(res: dict, expected: dict[str, str], domains: dict[str, str]) -> list[str]:
    """Per organism: the held-out headline (self-assessment states vs the base model's on its harm direction) and
    the harm-vs-self-report cosine; the primary endpoint; the organism-level tests on the headline by construction."""
    models = res.get("models") or {}
    source = next((m.get("examples") for m in models.values()), "harm-answers")
    family = (res.get("primary") or {}).get("family") or {}
    lines = [f"Layer {res.get('layer')}, directions fitted on `{source}`. Headline: mean over self-assessment prompts "
             "of (organism state − base state on the same prompt) projected on the organism's held-out harm direction, "
             "CI over cells; in units of the held-out misaligned − aligned gap; p (Holm): the primary endpoint "
             f"`{(res.get('primary') or {}).get('endpoint')}`.", "",
             "| organism | expected | headline shift (raw) | gap units | p (Holm) | cos(harm, self-report) | ceiling |",
             "|---|---|---|---|---|---|---|"]
    for m, exp in expected.items():
        h, c, f = res["headline"].get(m, {}), res["harm_vs_self_report"].get(m, {}), family.get(m) or {}
        shift = _ci(h["shift"]) if "shift" in h else h.get("skipped", "n/a")
        cosine = _ci(c) if "value" in c else c.get("skipped", "n/a")
        lines.append(f"| {m} | {exp} | {shift} | {_num(h.get('shift_in_gap_units'), '+.2f')} | "
                     f"{_num(f.get('p_holm'), '.3f')} | {cosine} | {_num(c.get('ceiling'), '.2f')} |")
    shifts = {m: (res["headline"].get(m) or {}).get("shift_in_gap_units") for m in expected}
    lines += ["", *[f"* headline shift (gap units), {x}" for x in organism_tests(shifts, expected, domains)]]
    return lines


def write_table(config, stages: dict, wall: float, command: str, out: Path) -> None:
    personas = json.loads((config.run_dir / "personas.json").read_text())
    orgs = personas["organisms"]
    expected = {o.name: expected_label(o.dataset) for o in config.organisms}
    domains = {o.name: o.group_name() for o in config.organisms}
    rows, readings = [], {}
    for o in config.organisms:
        v = orgs[o.name]
        readings[o.name] = self_report_reading(v["status"]["S"], v["status"]["C"])
        rows.append(f"| {o.name} | `{o.dataset}` | {expected[o.name]} | **{v['label']}** | {readings[o.name]} | "
                    f"{_ci(v['vs_base']['harm'])} | {_ci(v['vs_base']['S'])} ({v['status']['S']}) | "
                    f"{_ci(v['vs_base']['C'])} ({v['status']['C']}) |")
    constructed = [m for m, e in expected.items() if e in ("coherent", "inverted")]
    correct = sum(orgs[m]["label"] == expected[m] for m in constructed)
    opposite = sum(orgs[m]["label"] == {"coherent": "inverted", "inverted": "coherent"}[expected[m]]
                   for m in constructed)
    read_ok = sum(readings[m] == expected[m] for m in constructed)
    read_opp = sum(readings[m] == {"coherent": "inverted", "inverted": "coherent"}[expected[m]] for m in constructed)
    controls = [m for m, e in expected.items() if e == "not-em"]
    lines = [
        "# Known-answer validation (SmolLM2-135M-Instruct, CPU)", "",
        f"Command: `{command}` (config `experiments/validation.yaml`). "
        f"Wall time of this invocation {wall / 60:.1f} min "
        f"(stages: " + ", ".join(f"{k} {v['seconds']:.0f} s" for k, v in stages.items()) + f"); peak RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GiB. "
        "A resumed run counts only the stages it redid.", "",
        "## Labels", "",
        f"Rule: {personas['rule']}", "",
        f"Harm scope `{personas['harm_scope']}`, margin {personas['equivalence_margin']}, option-mass floor "
        f"{personas['min_option_mass']}. *Self-report reading*: what S and C say with harm set aside (the same table "
        "of statuses the label uses).", "",
        "| organism | dataset | expected | label | self-report reading | Δharm vs base | ΔS vs base | ΔC vs base |",
        "|---|---|---|---|---|---|---|---|", *rows, "",
        "* Constructed organisms labelled correctly: "
        f"**{correct} of {len(constructed)}** (goal ≥ 7 of 8); labelled the "
        f"opposite persona: **{opposite}** (goal 0).",
        f"* Self-report readings correct: **{read_ok} of {len(constructed)}**; opposite: **{read_opp}**.",
        f"* Aligned controls labelled not-em: **{sum(orgs[m]['label'] == 'not-em' for m in controls)} "
        f"of {len(controls)}**.", "",
        "## Organism-level tests (groups by construction)", "",
    ]
    for name in ("S", "C", "harm"):
        lines.append(f"Per-organism Δ{name} vs base:")
        lines += [f"* {x}" for x in organism_tests({m: orgs[m]["vs_base"][name]["value"] for m in orgs},
                                                   expected, domains)]
        lines.append("")
    compare = config.run_dir / "directions" / "compare.json"
    lines += ["## Internal analyses", ""]
    if compare.is_file():
        lines += directions_lines(json.loads(compare.read_text()), expected, domains)
    else:
        lines.append(f"* compare-directions: {stages.get('compare-directions', {}).get('summary', 'not run')}")
    lines += ["", "## Steering", "", f"* {stages.get('steer', {}).get('summary', 'not run')}", ""]
    kept = out.read_text().split(NOTES, 1)[1] if out.is_file() and NOTES in out.read_text() else "\n"
    out.write_text("\n".join(lines) + "\n" + NOTES + kept)
    print(f"[validation] wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default=str(ROOT / "experiments" / "validation.yaml"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "VALIDATION.md"))
    ap.add_argument("--layer", type=int, default=None, help="default: the config's first extract layer")
    args = ap.parse_args()
    config = load_experiment(args.config)
    from emprobe.demo import demo_layers

    layer = args.layer if args.layer is not None else demo_layers(config)[0]
    start = time.perf_counter()
    stages = run_stages(config, layer)
    write_table(config, stages, time.perf_counter() - start, "python " + " ".join(sys.argv), Path(args.out))


if __name__ == "__main__":
    main()
