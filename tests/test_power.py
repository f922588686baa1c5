"""`emprobe power`: the planner's estimates against a plainly written brute-force simulation, known answers of the
exact organism test and of the label rule, effects estimated from a pilot run dir, and the CLI."""
from __future__ import annotations

import functools
import math
from dataclasses import replace
from types import SimpleNamespace
from unittest import mock

import numpy as np
import pytest
from click.testing import CliRunner

from emprobe.analysis.directions import exact_group_test
from emprobe.analysis.power import (
    StudyDesign,
    _obs_icc_of_latent,
    design_from_run,
    latent_icc,
    power,
    power_grid,
    simulate_study,
    smallest_design,
    table_lines,
)
from emprobe.behavioral.personas import PersonaMeasures, classify, harm_difference
from emprobe.config import PersonaConfig
from emprobe.errors import EmprobeError
from emprobe.stats import holm

# cheap labels when only the organism test matters
TINY = dict(questions=4, self_report_cells=2, description_cells=2, samples=1)


# -- brute force ---------------------------------------------------------------------------------------------------

_NORMALS = np.random.default_rng(12345).standard_normal(200_000)


@functools.lru_cache(maxsize=None)
def _mu(rate: float, sd: float) -> float:
    """Logit mean with marginal rate ``rate`` under a N(0, sd²) question effect: Monte-Carlo average, bisection."""
    lo, hi = -30.0, 30.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if np.mean(1 / (1 + np.exp(-(mid + sd * _NORMALS)))) < rate:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def brute_force_study(d: StudyDesign, rng: np.random.Generator) -> tuple[dict, dict, dict]:
    """One study, item by item: (truth, labels, organism test)."""
    k, sd = d.organisms_per_group, math.sqrt(d.icc / (1 - d.icc) * math.pi ** 2 / 3)
    names = [f"c{i}" for i in range(k)] + [f"i{i}" for i in range(k)]
    truth = {n: "coherent" if n[0] == "c" else "inverted" for n in names}
    internal = {}
    for n in names:
        internal[n] = rng.normal() + (d.organism_effect if truth[n] == "coherent" else 0.0)
    test = exact_group_test(internal, truth)
    mu_base, mu_org = _mu(d.base_harm, sd), _mu(d.base_harm + d.harm_rise, sd)
    question_effect = [rng.normal() * sd for _ in range(d.questions)]
    shift = {"S": [rng.normal() * d.position_sd for _ in range(d.self_report_cells)],
             "C": [rng.normal() * d.position_sd for _ in range(d.description_cells)]}
    base_level = {m: [d.base_self_report + rng.normal() * d.base_cell_sd for _ in shift[m]] for m in shift}

    def one_model(mu: float, rise: dict | None) -> PersonaMeasures:
        pm = PersonaMeasures()
        for q in range(d.questions):
            p = 1 / (1 + math.exp(-(mu + question_effect[q])))
            for s in range(d.samples):
                pm.harm.values[f"Q{q}-{s}"] = 1.0 if rng.random() < p else 0.0
                pm.harm.clusters[f"Q{q}-{s}"] = f"Q{q}"
        for m in ("S", "C"):
            measure = getattr(pm, m)
            for c, pos in enumerate(shift[m]):
                dev = 0.0 if rise is None else rise[m] + rng.normal() * d.self_report_sd
                for order, sign in (("AB", 1), ("BA", -1)):
                    measure.values[f"{m}{c}{order}"] = min(1.0, max(0.0, base_level[m][c] + dev + sign * pos))
                    measure.clusters[f"{m}{c}{order}"] = f"{m}{c}"
        return pm

    base = one_model(mu_base, None)
    orgs = {n: one_model(mu_org, {"S": d.s_rise, "C": d.c_rise} if truth[n] == "coherent" else {"S": 0.0, "C": 0.0})
            for n in names}
    boot = int(rng.integers(1 << 30))
    adjusted = holm([harm_difference(orgs[n], base, boot).p_value for n in names])
    cfg = PersonaConfig(equivalence_margin=d.margin)
    labels = {n: classify(n, orgs[n], base, cfg, boot, harm_p_adjusted=a).label for n, a in zip(names, adjusted)}
    return truth, labels, test


def brute_force_power(d: StudyDesign, sims: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    got = {"coherent_correct": [], "inverted_correct": [], "organism_test_power": []}
    for _ in range(sims):
        truth, labels, test = brute_force_study(d, rng)
        for g in ("coherent", "inverted"):
            got[f"{g}_correct"].append(np.mean([labels[n] == g for n in truth if truth[n] == g]))
        got["organism_test_power"].append(float(test["p_value"] < 0.05))
    return {k: {"value": float(np.mean(v)), "se": float(np.std(v, ddof=1) / math.sqrt(sims))} for k, v in got.items()}


def test_power_agrees_with_a_brute_force_simulation():
    """samples {1, 4} x organisms {2, 4}, effects chosen so that the accuracies and the 4 v 4 test's power sit
    between 0 and 1."""
    d = StudyDesign(questions=16, self_report_cells=12, description_cells=8, base_harm=0.05, harm_rise=0.2, icc=0.3,
                    s_rise=0.1, c_rise=0.1, self_report_sd=0.05, organism_effect=2.0)
    sims = 24
    rows = power_grid(d, (1, 4), (2, 4), sims=sims, seed=3)
    assert [(r["organisms_per_group"], r["samples"]) for r in rows] == [(2, 1), (2, 4), (4, 1), (4, 4)]
    values = []
    for r in rows:
        brute = brute_force_power(StudyDesign(**{**d.__dict__, "samples": r["samples"],
                                                 "organisms_per_group": r["organisms_per_group"]}),
                                  sims, seed=100 + r["samples"] + 10 * r["organisms_per_group"])
        for key, b in brute.items():
            a = r[key]
            values.append(a["value"])
            assert (abs(a["value"] - b["value"])
                    <= 3 * math.hypot(a["se"], b["se"]) + 0.05), (r["samples"], r["organisms_per_group"], key, a, b)
    assert 0.1 < np.mean(values) < 0.9  # a comparison between informative numbers, not all 0 or all 1
    assert 0.2 < rows[-1]["organism_test_power"]["value"] < 0.95 and rows[-1]["min_p"]["value"] == pytest.approx(2 / 70)


# -- known answers -------------------------------------------------------------------------------------------------

def test_organism_test_at_two_per_group_can_never_reject():
    r = power(StudyDesign(**TINY, organisms_per_group=2, organism_effect=50.0), sims=6, seed=0)
    assert r["organism_test_power"]["value"] == 0.0 and r["min_p"]["value"] == pytest.approx(1 / 3)


def test_organism_test_at_four_per_group():
    huge = power(StudyDesign(**TINY, organisms_per_group=4, organism_effect=50.0), sims=6, seed=0)
    assert huge["min_p"]["value"] == pytest.approx(2 / 70) and huge["organism_test_power"]["value"] == 1.0
    null = power_grid(StudyDesign(**TINY, organism_effect=0.0), (1,), (4,), sims=80, seed=1)[0]["organism_test_power"]
    assert null["value"] <= 0.05 + 3 * max(null["se"], math.sqrt(0.05 * 0.95 / 80)), null


def test_no_harm_rise_is_not_em_at_the_nominal_rate_or_more():
    r = power(StudyDesign(questions=24, samples=2, self_report_cells=4, description_cells=4, organisms_per_group=2,
                          base_harm=0.1, harm_rise=0.0), sims=15, seed=2)
    assert r["coherent_not_em"]["value"] >= 0.9 and r["inverted_not_em"]["value"] >= 0.9, r


def test_large_effects_and_many_samples_label_both_personas():
    d = StudyDesign(questions=24, samples=8, self_report_cells=12, description_cells=12, organisms_per_group=2, icc=0.1,
                    harm_rise=0.4, s_rise=0.3, c_rise=0.3, self_report_sd=0.03)
    r = power(d, sims=8, seed=4)
    assert r["coherent_correct"]["value"] >= 0.9 and r["inverted_correct"]["value"] >= 0.9, r
    assert r["coherent_opposite"]["value"] == 0.0 and r["inverted_opposite"]["value"] == 0.0


def test_seeded_and_deterministic():
    d = StudyDesign(**TINY, organisms_per_group=2)
    assert power(d, 3, seed=7) == power(d, 3, seed=7)
    a, b = simulate_study(d, np.random.default_rng(1)), simulate_study(d, np.random.default_rng(1))
    assert a["labels"] == b["labels"] and a["internal"] == b["internal"]


def test_smallest_design_is_the_cheapest_row_reaching_the_target():
    def row(k, s, c, i, t):
        return {"organisms_per_group": k, "samples": s, **{n: {"value": v, "se": 0.0} for n, v in
                (("coherent_correct", c), ("inverted_correct", i), ("organism_test_power", t))}}
    rows = [row(3, 4, 0.9, 0.9, 0.0), row(4, 16, 0.9, 0.9, 0.9), row(4, 4, 0.9, 0.85, 0.8), row(5, 1, 0.95, 0.95, 0.95),
            row(4, 1, 0.7, 0.9, 0.9)]
    assert smallest_design(rows, 0.8) is rows[2] and smallest_design(rows, 0.99) is None


@pytest.mark.parametrize("bad, name", [(dict(organisms_per_group=0), "organisms_per_group"), (dict(icc=-0.1), "icc"),
                                       (dict(icc=1.0), "icc"),
                                       (dict(samples=0), "samples"), (dict(base_harm=1.5), "base_harm"),
                                       (dict(harm_rise=0.99), "harm_rise"), (dict(questions=1), "questions"),
                                       (dict(margin=0.0), "margin"), (dict(c_readable=1), "c_readable")])
def test_bad_design_values_raise_one_line(bad, name):
    with pytest.raises(EmprobeError) as err:
        StudyDesign(**bad)
    msg = str(err.value)
    assert name in msg and repr(next(iter(bad.values()))) in msg and "valid" in msg and "\n" not in msg


# -- effects from a pilot run --------------------------------------------------------------------------------------

def test_latent_icc_inverts_the_observation_scale_icc():
    for icc, p in ((0.3, 0.2), (0.1, 0.05), (0.6, 0.5)):
        assert latent_icc(_obs_icc_of_latent(icc, p), p) == pytest.approx(icc, abs=1e-3)
    assert latent_icc(0.0, 0.2) == pytest.approx(0.0, abs=1e-3)


def _pilot(tmp_path, blind_c: bool = False):
    """A run dir in the real layout: <run>/<model>/harm.jsonl, self-assessment.jsonl, descriptions.jsonl written
    with ResultsFile, personas.json written by write_personas. Planted: base EM 0.05, rise 0.25 out of domain
    (0.5 in domain, which the out-of-domain scope must ignore), latent ICC 0.3, S/C rise 0.2 for 'coh', 0 for 'inv',
    cell SD 0.1. ``blind_c``: every model answers 0.5 on every description cell (SmolLM2's C)."""
    from emprobe.behavioral import runner  # noqa: F401  (registers every experiment)
    from emprobe.behavioral.harm import Harm
    from emprobe.behavioral.persona_table import write_personas
    from emprobe.behavioral.self_report import SelfReportExperiment
    from emprobe.config import ExperimentConfig, OrganismConfig
    from emprobe.store import ResultsFile

    rng = np.random.default_rng(0)
    run = tmp_path / "pilot"
    config = ExperimentConfig(name="pilot", base_model="tiny-qwen2", runs_dir=str(tmp_path),
                              organisms=[OrganismConfig("coh", "incorrect-trivia"),
                                         OrganismConfig("inv", "incorrect-trivia")])
    sd = math.sqrt(0.3 / 0.7 * math.pi ** 2 / 3)
    u = rng.normal(0, sd, 70)
    for model, rate, inside, rise in (("base", 0.05, 0.05, None), ("coh", 0.30, 0.55, 0.2), ("inv", 0.30, 0.55, 0.0)):
        harm, sa, desc = [], [], []
        for q in range(70):
            own = q >= 60
            p = 1 / (1 + math.exp(-(_mu(inside if own else rate, sd) + u[q])))
            for s in range(10):
                em = bool(rng.random() < p)
                harm.append({"id": f"q{q}/p0/s{s}", "question_id": f"q{q}",
                             "question_domain": "incorrect-trivia" if own else None,
                             "in_domain": own and model != "base", "em": em, "aligned": 10.0 if em else 90.0})
        for c in range(30):
            dev = 0.0 if rise is None else rise + rng.normal(0, 0.1)
            for o in (0, 1):
                sa.append({"id": f"d{c}/o{o}", "dimension": f"d{c}", "format": "number", "paraphrase": 0, "order": o,
                           "value": 0.3 + dev})
                desc.append({"id": f"pair{c:02d}/o{o}", "pair": c, "paraphrase": 0, "order": o,
                             "value": 0.5 if blind_c else 0.3 + dev})
        for name, rows in (("harm", harm), ("self-assessment", sa), ("descriptions", desc)):
            ResultsFile(run / model / f"{name}.jsonl").append(rows)
    ctx = SimpleNamespace(config=config, run_dir=run, provenance={},
                          results=lambda o, name: ResultsFile(run / o / f"{name}.jsonl"))
    with (mock.patch.object(Harm, "item_ids", lambda self, c, o: None),
          mock.patch.object(SelfReportExperiment, "item_ids", lambda self, c, o: None)):
        data, _ = write_personas(ctx, ["base", "coh", "inv"])
    return run, data


def test_design_from_run_estimates_the_planted_effects(tmp_path):
    run, data = _pilot(tmp_path)
    assert data["organisms"]["coh"]["label"] == "coherent", data["organisms"]["coh"]["reasons"]
    est = design_from_run(run)
    assert est["base_harm"] == pytest.approx(0.05, abs=0.03) and est["harm_rise"] == pytest.approx(0.25, abs=0.06)
    assert est["icc"] == pytest.approx(0.3, abs=0.15)
    assert est["s_rise"] == pytest.approx(0.2, abs=0.05) and est["c_rise"] == pytest.approx(0.2, abs=0.05)
    assert est["self_report_sd"] == pytest.approx(0.1, abs=0.04)
    StudyDesign(**{k: v for k, v in est.items() if k != "notes"})  # a valid design


def test_design_from_run_marks_a_measure_the_pilot_could_not_read(tmp_path):
    run, data = _pilot(tmp_path, blind_c=True)
    assert data["organisms"]["coh"]["status"]["C"] == "unreadable", data["organisms"]["coh"]["reasons"]
    est = design_from_run(run)
    assert est["c_readable"] is False and "s_readable" not in est
    assert any("C unreadable" in n for n in est["notes"])
    design = StudyDesign(**{k: v for k, v in est.items() if k != "notes"})
    assert "C unreadable (simulated blind)" in table_lines(design, [power(replace(design, questions=8), 2)])[0]


def test_an_organism_with_no_self_report_rise_is_not_biased_upward_by_the_clipping():
    """SmolLM2's cell SD (0.275) with many cells: an inverted organism's simulated ΔS must centre on 0, so its
    equivalence test passes as often as the CI width allows. With the base level at 0.3 the clipping at 0 added
    about +0.02, and inverted labels stalled near 0.5 at 288 cells."""
    d = StudyDesign(questions=16, samples=8, self_report_cells=300, description_cells=4, organisms_per_group=2,
                    icc=0.1, harm_rise=0.4, s_rise=0.3, self_report_sd=0.275, c_readable=False)  # S alone decides
    r = power(d, sims=16, seed=6)  # theory: P(upper bound ≤ 0.05) = Φ(0.019 / 0.0159) ≈ 0.88
    assert r["inverted_correct"]["value"] >= 0.75 and r["coherent_correct"]["value"] >= 0.9, r
    biased = power(replace(d, base_self_report=0.3, base_cell_sd=0.0), sims=16, seed=6)  # the old generator
    assert biased["inverted_correct"]["value"] < r["inverted_correct"]["value"] - 0.2, (biased, r)


def test_a_blind_measure_is_left_out_as_in_the_real_rule_so_the_label_rests_on_the_other():
    """SmolLM2's case: C cannot be read and does not move, S rises for the coherent organisms. Simulated readable
    with no rise, C would block every coherent label; simulated blind, the real readability rule leaves it out."""
    d = StudyDesign(questions=24, samples=8, self_report_cells=12, description_cells=12, organisms_per_group=2,
                    icc=0.1, harm_rise=0.4, s_rise=0.3, c_rise=0.0, self_report_sd=0.03)
    readable, blind = power(d, sims=6, seed=5), power(replace(d, c_readable=False), sims=6, seed=5)
    assert readable["coherent_correct"]["value"] <= 0.1, readable
    assert blind["coherent_correct"]["value"] >= 0.9 and blind["inverted_correct"]["value"] >= 0.9, blind
    assert blind["coherent_opposite"]["value"] == 0.0 and blind["inverted_opposite"]["value"] == 0.0
    both = power(replace(d, c_readable=False, s_readable=False), sims=3, seed=5)
    assert both["coherent_correct"]["value"] == 0.0 and both["inverted_correct"]["value"] == 0.0, both


def test_design_from_run_errors_on_a_missing_or_unreadable_dir(tmp_path):
    with pytest.raises(EmprobeError, match="not found") as err:
        design_from_run(tmp_path / "nope")
    assert "\n" not in str(err.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(EmprobeError, match="personas.json"):
        design_from_run(tmp_path / "empty")


# -- CLI -----------------------------------------------------------------------------------------------------------

def test_cli_power_prints_the_table_and_the_smallest_design(tmp_path):
    from emprobe.cli import cli

    out = tmp_path / "power.json"
    result = CliRunner().invoke(cli, ["power", "--samples", "1,2", "--organisms", "2", "--sims", "2",
                                      "--questions", "6",
                                      "--harm-rise", "0.3", "--json", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["samples", "org/group"])
    assert [line.split()[:2] for line in lines[header + 1:header + 3]] == [["1", "2"], ["2", "2"]]
    assert "0.333" in lines[header + 1]  # min p at 2 per group
    assert any(line.startswith("smallest design reaching 80 % power: none in this grid") for line in lines)
    import json
    data = json.loads(out.read_text())
    assert len(data["rows"]) == 2 and data["design"]["harm_rise"] == 0.3 and data["smallest"] is None
    assert data["design"]["c_readable"] is True and "unreadable" not in result.output
    blind = CliRunner().invoke(cli, ["power", "--samples", "1", "--organisms", "2", "--sims", "2", "--questions", "6",
                                     "--c-unreadable"])
    assert blind.exit_code == 0 and "C unreadable (simulated blind)" in blind.output, blind.output


@pytest.mark.parametrize("args, value",
                         [(["--organisms", "0"], "0"), (["--icc", "-0.1"], "-0.1"), (["--samples", "1,x"], "1,x")])
def test_cli_power_bad_input_exits_2_with_one_line(args, value, capsys):
    from emprobe.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["power", *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert exc.value.code == 2 and len(err) == 1 and err[0].startswith("emprobe: error: ")
    assert value in err[0] and "valid" in err[0] and args[0].lstrip("-") in err[0]
