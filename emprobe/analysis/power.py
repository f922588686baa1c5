"""``emprobe power``: size a study before training, by simulating it and analysing it the way the real analysis does.

One simulated study is a base model plus ``organisms_per_group`` coherent and as many inverted organisms, with
per-item data that has the real design's nuisances:

* harm: per question a latent random effect ``u_q ~ N(0, σ²)`` on the logit scale, shared by the base model and
  every organism (paired, as in the real design), with σ² = icc · (π²/3) / (1 − icc); each model's logit mean is set
  so that its *marginal* EM rate is ``base_harm`` (base) or ``base_harm + harm_rise`` (every organism); then
  ``samples`` independent binary EM draws per question (an item each; the question is the cluster);
* self-report (S: ``self_report_cells`` cells, C: ``description_cells`` cells): per cell one item per option order,
  value = the base model's level in that cell (``base_self_report`` + ``N(0, base_cell_sd)``, drawn once per study)
  + the organism's rise + a cell deviation ``N(0, self_report_sd)`` ± a position shift shared with the base model
  (it cancels within a cell), clipped to [0, 1] (around 0.5, so the clipping does not bias a zero rise: at 0.3 it
  added about +0.02 to an inverted organism's ΔS at SmolLM2's cell SD); the base model has no deviation, so
  ``self_report_sd`` is the SD of a cell's organism − base difference. Coherent organisms rise by ``s_rise`` /
  ``c_rise``, inverted ones by 0. S formats are not simulated (their disagreement rule never fires). A measure
  marked unreadable (``c_readable`` / ``s_readable`` false, as a pilot whose base model could not read it) is
  simulated blind: every model answers 0.5 in every cell, so the real readability rule leaves it out and the
  label rests on the other measure, as it would in the study.

Labels come from :func:`~emprobe.behavioral.personas.classify` with the harm endpoint's p Holm-adjusted across the
study's organisms (as :func:`~emprobe.behavioral.persona_table.write_personas` does); the organism-level test is
:func:`~emprobe.analysis.directions.exact_group_test` on an internal statistic drawn per organism (coherent ~
N(organism_effect, 1), inverted ~ N(0, 1)), grouped by the true persona.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import numpy as np
from scipy.special import expit

from ..behavioral.personas import Measure, PersonaMeasures, classify, harm_difference
from ..config import BASE_ORGANISM, PersonaConfig
from ..errors import EmprobeError
from ..layout import RunLayout
from ..stats import holm
from ..store import read_jsonl
from .directions import exact_group_test

ALPHA = 0.05
GROUPS = ("coherent", "inverted")
OPPOSITE = {"coherent": "inverted", "inverted": "coherent"}
SIMS = 20  # default simulated studies per grid cell: `emprobe power` with its defaults in about a minute on 2 cores
SAMPLES_GRID = (1, 4, 16)
ORGANISMS_GRID = (3, 4, 5)
# exact_group_test enumerates the C(2k, k) distinct labellings: 0.5 s per simulated study at 8 v 8, 7 s at 10 v 10.
MAX_ORGANISMS_PER_GROUP = 8
_Z, _W = np.polynomial.hermite_e.hermegauss(40)
_W = _W / _W.sum()  # E[f(Z)] ≈ Σ w·f(z) for Z ~ N(0, 1)


@dataclass(frozen=True)
class StudyDesign:
    """A planned study and the effects it should find. Defaults: the known-answer validation on SmolLM2
    (benchmarks/VALIDATION.md, `design_from_run(Path("runs/validation"))` with the groups known by construction)
    where it measured them; stated assumptions where it could not. This is the one place they live."""

    questions: int = 48  # harm questions in the label's scope (clusters)
    samples: int = 4  # answers per question
    self_report_cells: int = 24  # S clusters (dimension x format), both option orders each
    description_cells: int = 10  # C clusters (description pair x paraphrase), both orders each
    organisms_per_group: int = 4
    base_harm: float = 0.09  # validation: base model's EM rate 0.085 (out of domain)
    harm_rise: float = 0.07  # validation: mean out-of-domain rise of the 8 constructed organisms (+0.02 to +0.14)
    icc: float = 0.17  # validation: between-question share of harm variance, latent logit scale σ²/(σ² + π²/3)
    s_rise: float = 0.19  # validation: mean ΔS of the constructed coherent organisms (readable formats; inverted: 0)
    c_rise: float = 0.10  # assumption: C was unreadable on SmolLM2 (every cell 0.50 ± 0.03)
    self_report_sd: float = 0.27  # validation: SD over cells of a cell's organism − base difference
    organism_effect: float = 1.5  # assumption: the internal analyses had too few EM answers to run on SmolLM2
    margin: float = PersonaConfig.equivalence_margin
    base_self_report: float = 0.5  # base model's mean S and C level (0.5: clipping at 0 and 1 stays symmetric)
    base_cell_sd: float = 0.1  # SD of its level across cells (beyond the margin: the items are read, not blind)
    position_sd: float = 0.05  # SD of a cell's position shift (± by option order), shared by all models
    s_readable: bool = True  # False: the base model cannot read S (0.5 everywhere), simulated blind
    c_readable: bool = True  # False: likewise C (SmolLM2's descriptions: every cell 0.50 ± 0.03)

    def __post_init__(self) -> None:
        for name in ("questions", "self_report_cells", "description_cells"):
            _check(name, getattr(self, name), _is_int(getattr(self, name)) and getattr(self, name) >= 2,
                   "an integer ≥ 2")
        _check("samples", self.samples, _is_int(self.samples) and self.samples >= 1, "an integer ≥ 1")
        k = self.organisms_per_group
        _check("organisms_per_group (--organisms)", k, _is_int(k) and 1 <= k <= MAX_ORGANISMS_PER_GROUP,
               f"an integer from 1 to {MAX_ORGANISMS_PER_GROUP}")
        for name, lo, hi, valid in (("base_harm", 0, 1, "a rate in [0, 1]"), ("icc", 0, 1 - 1e-12, "in [0, 1)"),
                                    ("s_rise", -1, 1, "in [-1, 1]"), ("c_rise", -1, 1, "in [-1, 1]"),
                                    ("self_report_sd", 0, 1, "in [0, 1]"),
                                    ("organism_effect", -1e6, 1e6, "a finite number"),
                                    ("margin", 1e-12, 1 - 1e-12, "in (0, 1)"), ("base_self_report", 0, 1, "in [0, 1]"),
                                    ("base_cell_sd", 0, 1, "in [0, 1]"),
                                    ("position_sd", 0, 1, "in [0, 1]")):
            v = getattr(self, name)
            _check(name, v, _is_real(v) and lo <= v <= hi, valid)
        for name in ("s_readable", "c_readable"):
            _check(name, getattr(self, name), isinstance(getattr(self, name), bool), "true or false")
        _check("harm_rise", self.harm_rise, _is_real(self.harm_rise) and 0 <= self.base_harm + self.harm_rise <= 1,
               f"in [{-self.base_harm:g}, {1 - self.base_harm:g}] (base_harm + harm_rise is a rate)")


def _is_int(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _is_real(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and math.isfinite(v)


def _check(name: str, value, ok: bool, valid: str) -> None:
    if not ok:
        raise EmprobeError(f"{name} {value!r}: valid is {valid}")


def _latent_sd(icc: float) -> float:
    return math.sqrt(icc / (1.0 - icc) * math.pi ** 2 / 3.0)


def _logit_mean(rate: float, sd: float) -> float:
    """μ with E[expit(μ + sd·Z)] = ``rate`` (Gauss–Hermite quadrature, bisection)."""
    if rate <= 0 or rate >= 1:
        return -math.inf if rate <= 0 else math.inf
    lo, hi = -60.0, 60.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if float(_W @ expit(mid + sd * _Z)) < rate else (lo, mid)
    return (lo + hi) / 2


def _measure(prefix: str, values: np.ndarray) -> Measure:
    """Row i of ``values`` is cluster ``<prefix><i>``; its columns are that cluster's items."""
    ids = [(f"{prefix}{i:03d}/{j}", f"{prefix}{i:03d}") for i in range(values.shape[0]) for j in range(values.shape[1])]
    flat = values.ravel().tolist()
    return Measure({i: v for (i, _), v in zip(ids, flat)}, dict(ids))


def simulate_study(design: StudyDesign, rng: np.random.Generator, *, _test=exact_group_test) -> dict:
    """One simulated study analysed as the real one: ``labels`` (organism → persona label), ``truth`` (organism →
    group), ``internal`` (the organism-level statistic) and ``organism_test`` (exact_group_test's result)."""
    d, k = design, design.organisms_per_group
    truth = {f"{g}-{i + 1}": g for g in GROUPS for i in range(k)}
    internal = {n: float(rng.normal(d.organism_effect if g == "coherent" else 0.0))
                for n, g in truth.items()}  # drawn first
    test = _test(internal, truth)
    sd = _latent_sd(d.icc)
    u = rng.normal(0.0, sd, d.questions)
    p_base, p_org = (expit(_logit_mean(r, sd) + u) for r in (d.base_harm, d.base_harm + d.harm_rise))
    pos = {"s": rng.normal(0.0, d.position_sd, d.self_report_cells),
           "c": rng.normal(0.0, d.position_sd, d.description_cells)}
    boot_seed = int(rng.integers(2 ** 31))
    readable = {"s": d.s_readable, "c": d.c_readable}
    base_level = {m: d.base_self_report + rng.normal(0.0, d.base_cell_sd, shift.size) for m, shift in pos.items()}

    def model(p, rises: dict[str, float], deviate: bool) -> PersonaMeasures:
        em = (rng.random((d.questions, d.samples)) < p[:, None]).astype(float)
        sr = {}
        for m, shift in pos.items():
            delta = rises[m] + (rng.normal(0.0, d.self_report_sd, shift.size) if deviate else np.zeros(shift.size))
            level = base_level[m] + delta if readable[m] else np.full(shift.size, 0.5)  # blind: 0.5 everywhere
            sr[m] = _measure(m, np.clip(level[:, None] + np.outer(shift, [1.0, -1.0]), 0.0, 1.0))
        return PersonaMeasures(harm=_measure("q", em), S=sr["s"], C=sr["c"])

    base = model(p_base, {"s": 0.0, "c": 0.0}, False)
    orgs = {n: model(p_org, {"s": d.s_rise, "c": d.c_rise} if g == "coherent" else {"s": 0.0, "c": 0.0}, True)
            for n, g in truth.items()}
    adjusted = dict(zip(orgs, holm([harm_difference(o, base, boot_seed).p_value for o in orgs.values()])))
    cfg = PersonaConfig(equivalence_margin=d.margin)
    labels = {n: classify(n, o, base, cfg, boot_seed, harm_p_adjusted=adjusted[n]).label for n, o in orgs.items()}
    return {"labels": labels, "truth": truth, "internal": internal, "organism_test": test}


def _mc(xs: list[float]) -> dict:
    a = np.asarray(xs, dtype=float)
    return {"value": float(a.mean()), "se": float(a.std(ddof=1) / math.sqrt(a.size))}


def power(design: StudyDesign, sims: int = SIMS, seed: int = 0, *, _test=exact_group_test) -> dict:
    """Over ``sims`` simulated studies (study i seeded by ``[seed, i]``): per group, P(correct label), P(the
    opposite persona), P(not-em); P(organism-level test p < 0.05); the smallest p the design can reach. Each as
    {"value", "se"} (Monte-Carlo SE over studies; min_p is exact, SE 0)."""
    _check("sims", sims, _is_int(sims) and sims >= 2, "an integer ≥ 2")
    per: dict[str, list[float]] = {}
    for i in range(sims):
        st = simulate_study(design, np.random.default_rng([seed, i]), _test=_test)
        for g in GROUPS:
            got = [st["labels"][n] for n, t in st["truth"].items() if t == g]
            for key, want in (("correct", g), ("opposite", OPPOSITE[g]), ("not_em", "not-em")):
                per.setdefault(f"{g}_{key}", []).append(float(np.mean([lab == want for lab in got])))
        per.setdefault("organism_test_power", []).append(float(st["organism_test"]["p_value"] < ALPHA))
    return {"samples": design.samples, "organisms_per_group": design.organisms_per_group, "sims": sims, "seed": seed,
            **{k: _mc(v) for k, v in per.items()}, "min_p": {"value": st["organism_test"]["min_p"], "se": 0.0}}


def power_grid(design: StudyDesign, samples_grid=SAMPLES_GRID, organisms_grid=ORGANISMS_GRID, sims: int = SIMS,
               seed: int = 0) -> list[dict]:
    """:func:`power` for every (organisms per group, samples) pair, same seed (common random numbers). The
    organism-level test does not depend on the samples, so each distinct draw is tested once."""
    _check("samples grid", list(samples_grid), len(samples_grid) > 0, "at least one value")
    _check("organisms grid", list(organisms_grid), len(organisms_grid) > 0, "at least one value")
    designs = [replace(design, samples=s, organisms_per_group=k)
               for k in organisms_grid for s in samples_grid]  # validate all first
    cache: dict = {}

    def test(values: dict, labels: dict) -> dict:
        key = tuple(values.items())
        if key not in cache:
            cache[key] = exact_group_test(values, labels)
        return cache[key]

    return [power(d, sims, seed, _test=test) for d in designs]


def smallest_design(rows: list[dict], target: float = 0.8) -> dict | None:
    """The cheapest row (fewest organisms per group, then fewest samples) whose label accuracy for both groups and
    organism-level power all reach ``target``; None when no row of the grid does."""
    _check("target", target, _is_real(target) and 0 < target <= 1, "in (0, 1]")
    keys = ("coherent_correct", "inverted_correct", "organism_test_power")
    ok = [r for r in rows if all(r[k]["value"] >= target for k in keys)]
    return min(ok, key=lambda r: (r["organisms_per_group"], r["samples"]), default=None)


def table_lines(design: StudyDesign, rows: list[dict], target: float = 0.8) -> list[str]:
    """The printed table (± = Monte-Carlo SE) and the smallest-design line."""
    d, r0 = design, rows[0]
    out = [f"design: {d.questions} harm questions, {d.self_report_cells} S cells, "
           f"{d.description_cells} C cells; base EM "
           f"{d.base_harm:g}, EM rise {d.harm_rise:g}, ICC {d.icc:g} (latent); "
           f"coherent S/C rise {d.s_rise:g}/{d.c_rise:g}, "
           f"cell SD {d.self_report_sd:g}, margin {d.margin:g}; "
           + "".join(f"{m} unreadable (simulated blind); " for m, ok in (("S", d.s_readable), ("C", d.c_readable))
                     if not ok)
           + f"organism effect {d.organism_effect:g} SD; "
           f"{r0['sims']} simulated studies per cell (seed {r0['seed']}); ± = Monte-Carlo SE",
           f"{'samples':>7} {'org/group':>9} {'coherent correct':>16} {'inverted correct':>16} "
           f"{'organism test':>13} {'min p':>6}"]
    f = lambda m: f"{m['value']:.2f} ± {m['se']:.2f}"  # noqa: E731
    for r in rows:
        out.append(f"{r['samples']:>7} {r['organisms_per_group']:>9} {f(r['coherent_correct']):>16} "
                   f"{f(r['inverted_correct']):>16} "
                   f"{f(r['organism_test_power']):>13} {r['min_p']['value']:>6.3f}")
    best = smallest_design(rows, target)
    pct = f"{100 * target:g} %"
    tops = ", ".join(f"{k.replace('_', ' ')} {max(r[k]['value'] for r in rows):.2f}"
                     for k in ("coherent_correct", "inverted_correct", "organism_test_power"))
    out.append(f"smallest design reaching {pct} power: " + (
        f"{best['organisms_per_group']} organisms per group x {best['samples']} samples per question" if best else
        f"none in this grid (best {tops}; labels need more S/C cells or larger self-report effects, the exact "
        "organism test at least 4 organisms per group)"))
    return out


# -- effects from a pilot run ------------------------------------------------------------------------------------

def _observed_icc(rows: list[dict]) -> tuple[float, float, int] | None:
    """One-way ANOVA ICC of binary EM answers grouped by question: (ρ_obs clipped to [0, 0.99], EM rate, n);
    None when it cannot be estimated (under 2 questions, one answer per question, or a rate of 0 or 1)."""
    by_q: dict[str, list[float]] = {}
    for r in rows:
        by_q.setdefault(r["question_id"], []).append(float(r["em"]))
    n = np.array([len(v) for v in by_q.values()], dtype=float)
    m = np.array([np.mean(v) for v in by_q.values()])
    big_n, q = n.sum(), n.size
    p = float((n * m).sum() / big_n) if big_n else 0.0
    if q < 2 or big_n - q < 1 or p <= 0 or p >= 1:
        return None
    msb, msw = float((n * (m - p) ** 2).sum() / (q - 1)), float((n * m * (1 - m)).sum() / (big_n - q))
    n0 = (big_n - (n ** 2).sum() / big_n) / (q - 1)
    denom = msb + (n0 - 1) * msw
    return (min(0.99, max(0.0, (msb - msw) / denom)) if denom > 0 else 0.0), p, int(big_n)


def _obs_icc_of_latent(icc: float, p: float) -> float:
    """ρ_obs = Var_u(expit(μ + u)) / (p(1 − p)) of the simulation's model, μ set for the marginal rate p."""
    sd = _latent_sd(icc)
    probs = expit(_logit_mean(p, sd) + sd * _Z)
    return float(_W @ (probs - p) ** 2) / (p * (1 - p))


def latent_icc(obs: float, p: float) -> float:
    """The latent-scale ICC whose observation-scale ICC at EM rate ``p`` is ``obs`` (bisection; at most 0.99)."""
    lo, hi = 0.0, 0.99
    if _obs_icc_of_latent(hi, p) <= obs:
        return hi
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _obs_icc_of_latent(mid, p) < obs else (lo, mid)
    return (lo + hi) / 2


def design_from_run(run_dir: Path) -> dict:
    """Effects estimated from a pilot run: its ``personas.json`` (write_personas) and ``<organism>/harm.jsonl`` rows.

    * base_harm, harm_rise: the base model's EM rate and the mean over organisms of organism − base, each organism
      on the questions of the run's harm scope, paired per item (organisms of every label count: conservative);
    * icc: per model (base and each organism, in scope), the one-way ANOVA ICC of the binary EM answers grouped by
      question, (MSB − MSW) / (MSB + (n0 − 1)·MSW), clipped to [0, 0.99]; converted to the latent logit scale by
      inverting ρ_obs = Var(expit(μ + u)) / (p(1 − p)) of the simulation's own model at that model's EM rate;
      averaged over models weighted by answers;
    * s_rise, c_rise: mean vs-base S and C of the organisms labelled coherent (none: the largest rise of any);
    * self_report_sd: from each vs-base S and C CI over k cells, half-width · √k / t(0.975, k − 1), pooled as an RMS;
    * s_readable, c_readable: false when the pilot's base model could not read the measure (status "unreadable").
    Keys missing from the result could not be estimated; ``notes`` says why."""
    from scipy.stats import t

    run_dir = Path(run_dir)
    layout = RunLayout(run_dir)
    path = layout.personas("json")
    if not run_dir.is_dir():
        raise EmprobeError(f"pilot run dir {run_dir}: not found "
                           "(expected a run dir with personas.json and <organism>/harm.jsonl)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        organisms, scope = data["organisms"], data["harm_scope"]
        rows = {m: [r for r in read_jsonl(layout.results(m, "harm")) if r.get("em") is not None]
                for m in [BASE_ORGANISM, *organisms]}
    except (OSError, ValueError, KeyError, TypeError, EmprobeError) as exc:
        raise EmprobeError((f"pilot run dir {run_dir}: personas.json or harm rows unreadable "
                            f"({type(exc).__name__}: {exc})").replace("\n", " ")) from None
    scopes = {"out-of-domain": lambda r: not r.get("in_domain"), "in-domain": lambda r: bool(r.get("in_domain")),
              "all": lambda r: True}
    if scope not in scopes:
        raise EmprobeError(f"{path}: harm_scope {scope!r}: valid are {', '.join(scopes)}")
    keep = scopes[scope]
    out: dict = {"notes": []}
    base_em = {r["id"]: float(r["em"]) for r in rows[BASE_ORGANISM]}
    rates, rises, scoped = [], [], {m: [] for m in rows}
    for o in organisms:
        mine = [r for r in rows[o] if keep(r) and r["id"] in base_em]
        if mine:
            rates.append(np.mean([base_em[r["id"]] for r in mine]))
            rises.append(np.mean([float(r["em"]) - base_em[r["id"]] for r in mine]))
            scoped[o], ids = mine, {r["id"] for r in mine}
            scoped[BASE_ORGANISM] += [r for r in rows[BASE_ORGANISM] if r["id"] in ids]
    if rises:
        out["base_harm"], out["harm_rise"] = float(np.mean(rates)), float(np.mean(rises))
    else:
        out["notes"].append("no paired harm rows in scope: base_harm, harm_rise not estimated")
    scoped[BASE_ORGANISM] = list({r["id"]: r for r in scoped[BASE_ORGANISM]}.values())
    iccs = [x for x in map(_observed_icc, scoped.values()) if x is not None]
    if iccs:
        out["icc"] = float(np.average([latent_icc(obs, p) for obs, p, _ in iccs], weights=[n for *_, n in iccs]))
    else:
        out["notes"].append("icc not estimable (one answer per question, no EM answers, or under 2 questions)")
    vs = {o: v.get("vs_base", {}) for o, v in organisms.items()}
    coherent = [o for o, v in organisms.items() if v.get("label") == "coherent"]
    for m, key in (("S", "s_rise"), ("C", "c_rise")):
        vals = {o: vs[o][m]["value"] for o in vs if vs[o].get(m, {}).get("value") is not None}
        if vals:
            out[key] = (float(np.mean([vals[o] for o in coherent if o in vals])) if any(o in vals for o in coherent)
                        else max(vals.values()))
            if not coherent:
                out["notes"].append(f"no organism labelled coherent: {key} is the largest {m} rise of any organism")
    for m, key in (("S", "s_readable"), ("C", "c_readable")):
        if organisms and all(v.get("status", {}).get(m) == "unreadable" for v in organisms.values()):
            out[key] = False
            out["notes"].append(f"{m} unreadable on the pilot's base model: simulated blind, the labels rest on the "
                                "other measure")
    sds = [(e["ci95"][1] - e["ci95"][0]) / 2 * math.sqrt(e["n_clusters"]) / float(t.ppf(0.975, e["n_clusters"] - 1))
           for v in vs.values() for m in ("S", "C")
           if (e := v.get(m)) and e.get("ci95", [None])[0] is not None and e.get("n_clusters", 0) >= 2]
    if sds:
        out["self_report_sd"] = float(math.sqrt(np.mean(np.square(sds))))
    else:
        out["notes"].append("self_report_sd not estimable (no S or C CI in personas.json)")
    return out


def _grid(flag: str, text: str | None, default: tuple[int, ...]) -> list[int]:
    if text is None:
        return list(default)
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise EmprobeError(f"{flag} {text!r}: valid is a comma list of integers, e.g. 1,4,16") from None


def plan(overrides: dict, samples: str | None = None, organisms: str | None = None, sims: int | None = None,
         seed: int = 0,
         target: float = 0.8, from_run: str | Path | None = None, json_path: str | Path | None = None) -> list[str]:
    """``emprobe power``: the design (explicit ``overrides``, else the pilot's estimates, else the defaults), the grid
    (comma lists), the printed lines; the table also as JSON at ``json_path``."""
    from ..store import write_json

    estimated = design_from_run(Path(from_run)) if from_run is not None else {}
    names = {f.name for f in fields(StudyDesign)}
    given = {k: v for k, v in overrides.items() if v is not None}
    unknown = sorted(set(given) - names)
    if unknown:
        raise EmprobeError(f"unknown design parameter {unknown[0]!r}: valid are {', '.join(sorted(names))}")
    design = StudyDesign(**{**{k: v for k, v in estimated.items() if k in names}, **given})
    smallest_design([], target)  # check the target before simulating
    rows = power_grid(design, _grid("--samples", samples, SAMPLES_GRID),
                      _grid("--organisms", organisms, ORGANISMS_GRID),
                      SIMS if sims is None else sims, seed)
    lines = [f"estimated from {from_run}: "
             + ", ".join(f"{k} {v}" if isinstance(v, bool) else f"{k} {v:.3g}"
                         for k, v in estimated.items() if k in names)] if from_run else []
    lines += [f"note: {n}" for n in estimated.get("notes", [])] + table_lines(design, rows, target)
    if json_path is not None:
        data = {"design": asdict(design), "target": target, "rows": rows, "smallest": smallest_design(rows, target)}
        lines.append(f"table written to {write_json(Path(json_path), data)}")
    return lines
