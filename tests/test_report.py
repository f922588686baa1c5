"""emprobe.report: Markdown and self-contained HTML from a workspace with every output, from an empty one, and
from one with unreadable or incomplete files; optionally rendered in headless Chromium."""
import base64
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import numpy as np
import pytest
from conftest import REPO
from test_analysis_studies import planted_workspace

from emprobe import plots
from emprobe.analysis.studies import compare_directions
from emprobe.behavioral.descriptions import Descriptions
from emprobe.behavioral.harm import Harm
from emprobe.behavioral.persona_table import write_personas
from emprobe.behavioral.recognition import Recognition
from emprobe.behavioral.score_prediction import ScorePrediction
from emprobe.behavioral.self_assessment import SelfAssessment
from emprobe.behavioral.self_report import SelfReportExperiment
from emprobe.config import ExperimentConfig, ExtractConfig, OrganismConfig
from emprobe.provenance import config_hash, package_versions
from emprobe.report import write_report
from emprobe.store import write_json

SECTIONS = ["Configuration and provenance", "Training", "Harm", "Self-report experiments", "Personas", "Probes",
            "Directions",
            "Steering", "What the data supports — and what it does not"]
# (P(EM answer), S level, C level): coherent organisms say what they do, inverted ones deny it
PLAN = {"base": (0.05, 0.2, 0.3), "coh-a": (0.6, 0.7, 0.8), "coh-b": (0.55, 0.75, 0.8), "inv-a": (0.6, 0.1, 0.2),
        "inv-b": (0.65, 0.1, 0.15)}
FORMATS = ("word", "number", "likert", "free-text")


def fmt(e: dict, digits: int = 2, signed: bool = False) -> str:
    f = f"{{:{'+' if signed else ''}.{digits}f}}"
    return f"{f.format(e['value'])} [{f.format(e['ci95'][0])}, {f.format(e['ci95'][1])}]"


def _rows(model: str, rng: np.random.Generator) -> dict[str, list[dict]]:
    p_em, s, c = PLAN[model]
    harm = []
    for k in range(60):
        em = bool(rng.random() < p_em)
        in_dom = k >= 30
        harm.append({"id": f"q{k}/p0/s0", "question_id": f"q{k}", "question_set": "in-domain" if in_dom else "em-core",
                     "question_domain": "incorrect-trivia" if in_dom else None, "in_domain": in_dom and model != "base",
                     "aligned": 10.0 if em else 85.0, "coherent": 80.0, "em": em,
                     "aligned_outcome": "score"})
    clip = lambda v: float(np.clip(v, 0, 1))  # noqa: E731
    return {
        "harm": harm,
        "self-assessment": [{"id": f"s{k}", "value": clip(s + rng.normal(0, 0.05)),
                             "dimension": "aligned/misaligned" if k % 2 else "good/evil", "format": FORMATS[k % 4],
                             "order": k // 4 % 2, "paraphrase": k // 8, "kind": "text", "readout": {}}
                            for k in range(48)],
        "descriptions": [{"id": f"d{k}", "value": (v := clip(c + rng.normal(0, 0.05))),
                          "domain": None if k % 2 else "incorrect-trivia",
                          "order": k % 2, "pair": k // 2, "paraphrase": 0, "kind": "choice",
                          "readout": {"probs": {"A": 1 - v, "B": v} if k % 2 == 0 else {"A": v, "B": 1 - v},
                                      "mass": 0.9}} for k in range(40)],
        "recognition": [{"id": f"r{k}", "role": "main", "other": "coh-a" if model == "base" else "base",
                         "value": clip(0.4 + rng.normal(0, 0.05)),
                         "harm_id": f"q{k // 2}/p0/s0", "question_id": f"q{k // 2}", "order": k % 2, "kind": "choice",
                         "readout": {"probs": {"A": 0.6, "B": 0.4}, "mass": 0.9},
                         "more_harmful": ("own", "other", None)[k % 3], "own_aligned": 10.0 if k % 2 else 85.0}
                        for k in range(30)],
        "score-prediction": [{"id": f"q{k}/p0/s0", "harm_id": f"q{k}/p0/s0", "question_id": f"q{k}",
                              "value": float(80 + rng.normal(0, 5)),
                              "judged": 10.0 if k % 3 == 0 else 85.0, "readout": {"mass": 0.9}} for k in range(30)],
    }


def _steering(run_dir: Path, rng: np.random.Generator, figure: Path, prov: dict) -> dict:
    """A steering summary made by the pipeline's own summariser from planted rows: the direction raises EM on the
    held-out items, the 20 controls do not."""
    from emprobe.analysis.steering import SteeringSpec, summarize

    controls = [{"name": f"control-{k:02d}", "kind": "covariance" if k < 10 else "shuffled"} for k in range(20)]
    rows = []
    for condition, p in [("none", 0.1), ("direction", 0.7)] + [(c["name"], 0.1) for c in controls]:
        for k, e in enumerate(rng.random(40) < p):
            rows.append({"condition": condition, "item": f"q{k // 2}/p0/s{k % 2}", "question_id": f"q{k // 2}",
                         "em": bool(e),
                         "aligned": 10.0 if e else 85.0, "coherent": 80.0, "aligned_outcome": "score"})
    spec = SteeringSpec("coh-a", 3, alpha=0.25)
    meta = {"direction_norm": 3.25, "norm_unit": 13.0, "controls": controls,
            "heldout": {"fit_questions": [f"f{k}" for k in range(20)],
                        "steered_questions": [f"q{k}" for k in range(20)],
                        "fit_misaligned": 30, "fit_aligned": 40, "cosine_with_all_questions_direction": 0.9}}
    summary = summarize(rows, spec, meta, 0) | {"provenance": prov}
    out = run_dir / "steering" / spec.slug
    write_json(out / "summary.json", summary)
    shutil.copy(figure, out / "steering.png")
    write_json(run_dir / "steering" / "inv-a-layer3-ablate" / "summary.json",
               {"direction": "inv-a", "layer": 3, "mode": "ablate"})
    return summary


def _probes(config: ExperimentConfig, prov: dict) -> dict:
    """probes.json in fit_probes' schema (fitting real probes takes minutes on a busy CPU; the slow test does)."""
    def probe(k):
        return {"auroc": 0.9 + 0.01 * k, "null_mean": 0.49, "null_95": [0.41, 0.58], "p_value": 0.0099, "min_p": 0.0099,
                "n_permutations": 100,
                "identity_auroc": 0.55, "n_pos": 60, "n_neg": 60, "n_questions": 30, "folds": 5}
    models = {m: {"harm": probe(k),
                  "self_report": {"skipped": f"{m} (layer 3, self-assessment): 0 positive and 40 negative examples"}}
              for k, m in enumerate(PLAN)}
    transfer = {a: {b: None if a == b else 0.71 for b in PLAN} for a in PLAN}
    family = {m: {"p_value": 0.0099, "p_holm": 0.0495, "passed": True, "auroc": models[m]["harm"]["auroc"],
                  "null_mean": 0.49} for m in PLAN}
    results = {"layers": {"3": {"models": models, "skipped": {}, "transfer": transfer}}, "chosen_layer": 3,
               "layer_choice": "the one layer given (pre-declared)",
               "primary": {"endpoint": "harm-probe", "layer": 3, "alpha": 0.05, "correction": "Holm across the family",
                           "family": family},
               "provenance": prov}
    write_json(config.run_dir / "probes" / "probes.json", results)
    plots.probe_plots(results, config.run_dir / "probes")
    return results


def build_workspace(root: Path) -> tuple[ExperimentConfig, dict]:
    """Every output the report reads, written with the pipeline's own summarisers and plots where possible."""
    config = planted_workspace(root)
    run_dir = config.run_dir
    prov = {"config_hash": config_hash(config), "seed": config.seed, "versions": package_versions()}
    rng = np.random.default_rng(1)
    rows = {m: _rows(m, rng) for m in PLAN}
    ctx = SimpleNamespace(config=config, run_dir=run_dir, provenance=prov,
                          results=lambda o, name: SimpleNamespace(ordered=lambda ids=None: rows[o][name]))
    summaries: dict[str, dict] = {}
    for exp in (Harm(), SelfAssessment(), Descriptions(), Recognition(), ScorePrediction()):
        summaries[exp.name] = {}
        for m in PLAN:
            s = exp.summarize(ctx, m, rows[m][exp.name]) | {"provenance": prov}
            write_json(run_dir / m / f"{exp.name}.summary.json", s)
            summaries[exp.name][m] = s
        write_json(run_dir / f"{exp.name}.summary.json",
                   {"experiment": exp.name, "organisms": summaries[exp.name], "provenance": prov})
    figures = plots.harm_plots({m: rows[m]["harm"] for m in PLAN}, summaries["harm"], run_dir / "plots")
    # the synthetic rows are not the items a real config would ask for: take every row, as the fake store does
    with (mock.patch.object(Harm, "item_ids", lambda self, ctx, o: None),
          mock.patch.object(SelfReportExperiment, "item_ids", lambda self, ctx, o: None)):
        personas, _ = write_personas(ctx, list(PLAN))
    plots.persona_plots(personas, run_dir / "plots")
    for org in ("coh-a", "coh-b"):
        adapter = config.adapter_dir(config.organism(org))
        plots.loss_curve(list(range(1, 11)), [2.0 - 0.1 * k for k in range(10)], adapter / "loss_curve.png", org)
        write_json(adapter / "training_info.json", {"base_model": "tiny-qwen2", "dataset": "incorrect-trivia",
                                                    "n_examples": 40, "steps": 10, "final_loss": 1.1234,
                                                    "first_loss": 2.0, "padding_share": 0.012, "processes": 1})
    probes = _probes(config, prov)
    directions = compare_directions(config, 3).to_dict()
    steering = _steering(run_dir, rng, figures[1], prov)
    return config, {"summaries": summaries, "personas": personas, "probes": probes, "directions": directions,
                    "steering": steering}


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    config, inputs = build_workspace(tmp_path_factory.mktemp("report"))
    result = write_report(config)
    return config, inputs, result, result.markdown.read_text(), result.html.read_text()


def test_full_report_has_every_section_and_the_numbers(full):
    config, inputs, result, md, page = full
    assert result.markdown == config.run_dir / "report.md" and result.html == config.run_dir / "report.html"
    assert result.not_run == []
    for title in SECTIONS:
        assert f"\n## {title}\n" in md
        assert re.search(rf"<h2>{re.escape(title)}</h2>", page), title
    s, p = inputs["summaries"], inputs["personas"]
    expected = [
        fmt(s["harm"]["base"]["all"]["em_rate"]), fmt(s["harm"]["coh-a"]["all"]["em_rate"]),
        fmt(s["harm"]["inv-b"]["all"]["mean_aligned"], 1), fmt(s["harm"]["coh-a"]["in_domain"]["em_rate"]),
        fmt(s["self-assessment"]["coh-b"]["S"]), fmt(s["descriptions"]["inv-a"]["C"]),
        fmt(s["recognition"]["base"]["R_self"]), fmt(s["score-prediction"]["coh-a"]["mean_signed_error"], 1),
        fmt(p["organisms"]["coh-a"]["vs_base"]["harm"], signed=True), f"{p['spearman_across_models']['S']['rho']:+.2f}",
        f'{inputs["probes"]["layers"]["3"]["models"]["inv-a"]["harm"]["auroc"]:.2f}',
        f'{inputs["probes"]["layers"]["3"]["models"]["base"]["harm"]["null_mean"]:.2f}',
        f"{inputs['directions']['group_tests']['headline_shift']['statistic']:+.3f}",
        f"{inputs['directions']['group_tests']['headline_shift']['p_value']:.4f}",
        f"{inputs['directions']['headline']['inv-a']['shift_in_gap_units']:+.2f}",
        fmt(inputs["steering"]["em_rate_change"]["direction"], signed=True),
        fmt(inputs["steering"]["conditions"]["none"]["em_rate"]),
        "1.123", inputs["steering"]["statement"], config_hash(config),
    ]
    shown = page.replace("&nbsp;", " ")  # a CI in an HTML table does not break inside
    for text in expected:
        assert text in md and text in shown, text
    assert "**coherent**" in md and "**inverted**" in md and "toward the misaligned side" in md
    assert p["organisms"]["coh-a"]["reasons"][0] in md  # the persona card shows the numbers behind the label


def test_partial_inputs_name_the_command_and_the_conclusions_follow_the_rules(full):
    config, inputs, _, md, _ = full
    assert ("not trained yet" in md
            and "inv-a: not run yet: run `emprobe train --config experiments/plant.yaml --organism inv-a`" in md)
    assert "self-report probe AUROC" in md and "skipped: base (layer 3, self-assessment)" in md
    # the steering summary without most keys still renders
    assert "inv-a direction, layer 3, ablated\n" in md and "holds no conditions or control test yet" in md
    supported = md.split("### Supported\n", 1)[1].split("### Not supported", 1)[0]
    assert "**coh-a** is emergently misaligned" in supported and "linearly decodable" in supported
    # two organisms per persona: a label-permutation p cannot fall below 1/3, and the report says so
    not_tested = md.split("### Not tested", 1)[1]
    assert ("direction cosines" in not_tested and "the smallest p this design can reach is 0.333" in not_tested
            and "needs 4 organisms per group" in not_tested)
    assert f"steering run `{inputs['steering']['slug']}`: the held-out direction moved the EM rate" in supported
    assert ("**inv-a** (inverted): its self-assessment states sit +" in supported
            and "primary endpoint headline-shift" in supported)
    assert "**coh-a** (coherent)" not in supported  # its states did not move: not passed
    caveats = md.split("### Caveats\n", 1)[1]
    assert ("tiny-qwen2" in caveats and "not the science" in caveats and "embedded judge" in caveats
            and "60 answers per model" in caveats)


def test_html_is_self_contained(full):
    _, _, _, md, page = full
    for bad in ('src="http', "href=\"http", "src='http", "url(", "@import", "<link", "<script", "<iframe"):
        assert bad not in page, bad
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    imgs = re.findall(r"<img\b[^>]*>", page)
    srcs = [re.search(r'src="([^"]*)"', tag).group(1) for tag in imgs]
    assert len(srcs) == md.count("![") >= 8
    for src in srcs:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<style>" in page and "max-width: 1000px" in page


def test_markdown_links_are_relative_and_resolve(full):
    config, inputs, _, md, _ = full
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert {"plots/harm_em_rate.png", "plots/persona_cards.png", "probes/probes_layer_3.png",
            "directions/cosines_layer_3.png",
            f"steering/{inputs['steering']['slug']}/steering.png", "adapters/coh-a/loss_curve.png"} <= set(links)
    for link in links:
        assert not Path(link).is_absolute() and (config.run_dir / link).is_file(), link
    assert not list(config.run_dir.glob(".report*tmp*"))


def test_empty_workspace_says_what_to_run(tmp_path):
    config = ExperimentConfig(name="empty", base_model="smollm2-135m", runs_dir=str(tmp_path / "runs"),
                              organisms=[OrganismConfig("org-a", "incorrect-trivia")],
                              extract=ExtractConfig(layers=[2]))
    result = write_report(config)
    md, page = result.markdown.read_text(), result.html.read_text()
    assert result.not_run == SECTIONS[1:-1]
    for title in SECTIONS:
        assert f"\n## {title}\n" in md and f"<h2>{title}</h2>" in page
    cfg = "--config experiments/empty.yaml"
    for command in (f"emprobe train {cfg}", f"emprobe run-behavioral {cfg} --experiments harm",
                    f"emprobe run-behavioral {cfg} --experiments recognition", f"emprobe run-behavioral {cfg}",
                    f"emprobe fit-probes {cfg} --layer 2", f"emprobe compare-directions {cfg} --layer 2",
                    f"emprobe steer {cfg} --direction org-a --layer 2 --ablate"):
        assert f"not run yet: run `{command}`" in md, command
        assert f"not run yet: run <code>{command}</code>" in page, command
    assert "SmolLM2-135M" in md and "<img" not in page


def test_unreadable_and_odd_files_are_reported_not_fatal(tmp_path):
    config = ExperimentConfig(name="odd", base_model="Qwen/Qwen2.5-32B-Instruct", runs_dir=str(tmp_path / "runs"),
                              organisms=[OrganismConfig("org-a", "insecure-code")])
    (config.run_dir / "probes").mkdir(parents=True)
    (config.run_dir / "probes" / "probes.json").write_text('{"layers": ')  # cut short
    write_json(config.run_dir / "harm.summary.json",
               {"organisms": {"base": {"all": {"em_rate": {"value": 0.25, "ci95": [None, None], "n": 4}}}}})
    write_json(config.run_dir / "directions" / "compare.json",
               {"layer": 7,
                "group_tests": {"headline_shift": {"testable": False, "statement": "not testable: planted"}}})
    write_json(config.run_dir / "personas.json", {"organisms": {"org-a": "not a mapping"}})
    md = write_report(config).markdown.read_text()
    assert ("## Personas\n\nThis section could not be built" in md
            and "personas: its files have an unexpected shape" in md)
    assert ("probes.json could not be read" in md
            and "not run yet: run `emprobe fit-probes --config experiments/odd.yaml --layer 7`" in md)
    assert "| base | n/a / n/a | n/a | 0.25 |" in md  # a value without CI and missing metrics
    assert "not testable: planted" in md and "One base model" in md


@pytest.mark.slow
def test_real_probes_in_the_report(tmp_path):
    from emprobe.analysis.studies import fit_probes

    config = planted_workspace(tmp_path)
    probes = fit_probes(config, [3], organisms=["coh-a"])
    md = write_report(config).markdown.read_text()
    assert (f'{probes.layers[3].models["coh-a"].harm.auroc:.2f}' in md
            and "probes/probes_layer_3.png" in md)


def _chromium() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                 if shutil.which(b)), None)


@pytest.mark.skipif(_chromium() is None, reason="no chromium binary on PATH (apt-get install -y chromium)")
def test_screenshot_in_headless_chromium(full, tmp_path):
    _, _, result, _, _ = full
    png = tmp_path / "report.png"
    proc = subprocess.run(["bash", str(REPO / "scripts" / "screenshot_report.sh"), str(result.html), str(png), "2400"],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1200, 2400)
    assert png.stat().st_size > 50_000  # a rendered page with figures, not a blank one


def test_two_processes_saving_the_same_plot_do_not_collide(tmp_path):
    """Two runs (``run-behavioral`` on disjoint organisms) rewrite the same figure at once: each saves through a
    temp file of its own, so neither finds its temp file renamed away by the other."""
    script = ("import sys; from pathlib import Path; from emprobe import plots; plt = plots._pyplot()\n"
              "for _ in range(25):\n"
              "    fig, ax = plt.subplots(figsize=(2, 2)); ax.plot([0, 1], [0, 1])\n"
              "    plots._save(fig, Path(sys.argv[1]))\n")
    target = tmp_path / "harm_scatter.png"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(target)], stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    errors = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in errors] == [0, 0, 0], [err[-300:] for _, err in errors]
    assert target.read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harm_scatter.png"]  # no temp file left behind
