"""Simulated base-model and organism measures with the nuisances of real runs, for calibration tests.

* harm: binary EM outcomes per (question, sample), probit with a question effect shared by both models (latent
  ICC 0.3) and an organism-specific question deviation (so the paired differences cluster too); the organism's
  own-domain questions can rise while the others do not (narrow, not emergent, misalignment);
* self-report: items in cells (both orders of a pair in one cell); each format has its own scale (a base level
  per format), each cell a position habit (order 0 vs 1) and a level, and the organism − base differences carry a
  cell effect (ICC 0.3 of the difference's variance) and item noise.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from emprobe.behavioral.personas import Measure, PersonaMeasures

FORMATS = ("word", "number", "likert", "free-text")
FORMAT_LEVEL = {"word": 0.15, "number": 0.30, "likert": 0.40, "free-text": 0.20}
SIGMA_Q = np.sqrt(0.3 / 0.7)  # latent question effect: ICC 0.3 on the probit scale


@dataclass(frozen=True)
class Design:
    out_questions: int = 40  # em-core and other domains' questions (the label's scope)
    in_questions: int = 10  # the organism's own domain
    samples: int = 5
    s_cells_per_format: int = 24  # e.g. 6 dimensions x 4 wordings
    c_cells: int = 60  # e.g. 30 description pairs x 2 wordings
    diff_sd: float = 0.12  # total SD of an item's organism - base self-report difference
    diff_icc: float = 0.3


def _harm(rng, d: Design, p_base: float, p_org_out: float,
          p_org_in: float) -> tuple[Measure, Measure, Measure, Measure]:
    """(base out, org out, base in, org in) harm measures."""
    out = []
    for scope, nq, p_org in (("out", d.out_questions, p_org_out), ("in", d.in_questions, p_org_in)):
        u = rng.normal(0, SIGMA_Q, nq)
        w = rng.normal(0, 0.4, nq)  # the organism's own question deviations
        mu_b, mu_o = norm.ppf(p_base) * np.sqrt(1 + SIGMA_Q ** 2), norm.ppf(p_org) * np.sqrt(1 + SIGMA_Q ** 2 + 0.16)
        base, org = Measure(), Measure()
        for q in range(nq):
            for s in range(d.samples):
                item, cluster = f"{scope}{q}/p0/s{s}", f"{scope}{q}"
                base.values[item] = float(rng.random() < norm.cdf(mu_b + u[q]))
                org.values[item] = float(rng.random() < norm.cdf(mu_o + u[q] + w[q]))
                base.clusters[item] = org.clusters[item] = cluster
        out += [base, org]
    return out[0], out[1], out[2], out[3]


def _self_report(rng, d: Design, cells: list[tuple[str, str]], shift: float) -> tuple[Measure, Measure]:
    """(base, organism) items: two orders per cell, format scales, position habits, clustered differences."""
    tau, sigma = d.diff_sd * np.sqrt(d.diff_icc), d.diff_sd * np.sqrt(1 - d.diff_icc)
    base, org = Measure(), Measure()
    for cell, fmt in cells:
        level = FORMAT_LEVEL.get(fmt, 0.3) + rng.normal(0, 0.1)
        habit = rng.normal(0, 0.08)  # the order changes the answer, the same way for both models
        v = rng.normal(0, tau)
        for order in (0, 1):
            item = f"{cell}/o{order}"
            b = float(np.clip(level + (habit if order == 0 else -habit) + rng.normal(0, 0.05), 0, 1))
            base.values[item] = b
            org.values[item] = float(np.clip(b + shift + v + rng.normal(0, sigma), 0, 1))
            base.clusters[item] = org.clusters[item] = cell
    return base, org


def simulate(rng: np.random.Generator, d: Design, *, harm_rise: bool, s_shift: float, c_shift: float,
             narrow_rise: bool = True) -> tuple[PersonaMeasures, PersonaMeasures]:
    """(organism, base) measures for one simulated organism."""
    p_base = 0.05
    b_out, o_out, b_in, o_in = _harm(rng, d, p_base, 0.25 if harm_rise else p_base, 0.5 if narrow_rise else p_base)
    s_cells = [(f"dim{k % 6}/{f}/p{k // 6}", f) for f in FORMATS for k in range(d.s_cells_per_format)]
    b_s, o_s = _self_report(rng, d, s_cells, s_shift)
    b_c, o_c = _self_report(rng, d, [(f"pair{k}", "choice") for k in range(d.c_cells)], c_shift)

    def by_format(m: Measure) -> dict[str, Measure]:
        return {f: m.subset(lambda i, f=f: i.split("/")[1] == f) for f in FORMATS}

    org = PersonaMeasures(harm=o_out, harm_in_domain=o_in, S=o_s, S_by_format=by_format(o_s), C=o_c)
    base = PersonaMeasures(harm=b_out, harm_in_domain=b_in, S=b_s, S_by_format=by_format(b_s), C=b_c)
    return org, base
