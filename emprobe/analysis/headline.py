"""The headline question on arrays: does an organism *represent* its misalignment where it reports on itself?

Its self-assessment states (``last-prompt``: the state before it answers, so the answer's words are not read)
are projected on its harm direction and compared, prompt by prompt, with the base model's states on the same
prompts; the difference is scaled by the held-out gap between its misaligned and aligned answers (cross-fitted,
so the scale is not inflated by fitting). CIs resample self-assessment cells. Any fine-tuning moves the states
somewhat, and almost any shift has *some* component along the harm direction, so a CI that excludes 0 is not yet
evidence; the test is whether the mean shift lies along the harm direction more than along control directions
drawn from the covariance of the examples the direction was fitted on (on the data manifold, as steering's
controls): two-sided p = (1 + #controls with |projection| >= |projection on d|) / (1 + #controls).

The harm-vs-self-report direction cosine comes with a bootstrap CI (questions and cells resampled, both
directions refitted) and its reliability ceiling.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from ..errors import EmprobeError
from ..stats import cluster_bootstrap
from .data import Labelled
from .directions import CrossFit, fit_direction, projection, split_half_reliability, unit


@dataclass
class Headline:
    """One organism's self-assessment states on its harm direction, against the base model's on the same prompts."""

    shift: dict  # mean over prompts of proj(organism) − proj(base), CI over cells, p (raw units)
    shift_in_gap_units: float | None  # shift / held-out (misaligned − aligned) gap
    organism_position: float | None  # mean organism state, 0 = aligned answers' held-out mean, 1 = misaligned answers'
    base_position: float | None
    heldout_misaligned_mean: float
    heldout_aligned_mean: float
    n_prompts: int
    specificity: dict | None = None  # the mean shift along d against covariance-matched control directions

    def to_dict(self) -> dict:
        return asdict(self)


def shift_specificity(shift: np.ndarray, direction: np.ndarray, controls: list[np.ndarray]) -> dict:
    """The mean state shift's projection on ``direction`` against its projections on ``controls`` (two-sided
    empirical p; its smallest value is 1 / (1 + number of controls))."""
    statistic = float(shift @ unit(direction))
    g = np.asarray(controls, dtype=float).reshape(len(controls), -1)
    null = np.abs(g @ shift / np.linalg.norm(g, axis=1))
    return {"statistic": statistic, "p_value": float((1 + np.sum(null >= abs(statistic))) / (1 + len(null))),
            "min_p": 1.0 / (1 + len(null)), "n_controls": len(null),
            "control_abs_mean": float(null.mean()) if len(null) else None,
            "control_abs_p95": float(np.percentile(null, 95)) if len(null) else None}


def headline(direction: np.ndarray, crossfit: CrossFit, y: np.ndarray, organism: Labelled, base: Labelled,
             seed: int = 0, controls: list[np.ndarray] | None = None) -> Headline:
    """``organism`` and ``base``: self-assessment states on the same prompts (matched by id); ``controls``:
    control directions for the specificity test (see the module doc), e.g. ``covariance_controls``."""
    by_id = {i: k for k, i in enumerate(base.ids)}
    pairs = [(k, by_id[i]) for k, i in enumerate(organism.ids) if i in by_id]
    if not pairs:
        raise EmprobeError("the organism's and the base model's self-assessment states share no prompt")
    ko, kb = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    po, pb = projection(organism.x[ko], direction), projection(base.x[kb], direction)
    est = cluster_bootstrap(list(po), list(organism.groups[ko]), minus=list(pb), seed=seed)
    mis, ali = crossfit.class_means(y)
    gap = mis - ali
    scale = (lambda v: float((v - ali) / gap)) if gap > 0 else (lambda v: None)
    specific = (shift_specificity((organism.x[ko] - base.x[kb]).mean(0), direction, controls)
                if controls else None)
    return Headline(est.to_dict(), None if gap <= 0 or est.value is None else float(est.value / gap),
                    scale(float(po.mean())), scale(float(pb.mean())), mis, ali, len(pairs), specific)


def harm_vs_self_report(harm: Labelled, self_report: Labelled, who: str, method: str = "matched", minimum: int = 2,
                        seed: int = 0, n_boot: int = 200, splits: int = 10) -> dict:
    """Cosine between the harm direction and the self-report direction (says misaligned vs aligned, class means
    of the self-assessment states), a bootstrap CI (harm questions and self-assessment cells resampled, both
    directions refitted), and the reliability ceiling sqrt(r_harm · r_self_report)."""
    d_h = fit_direction(harm.x, harm.y, harm.groups, who, method, minimum, seed)
    d_s = fit_direction(self_report.x, self_report.y, self_report.groups, who + " (self-report)", "pooled", 2, seed)
    observed = float(unit(d_h) @ unit(d_s))
    rng = np.random.default_rng(seed)
    hq, sq = (np.array(sorted(set(harm.groups), key=str), dtype=object),
              np.array(sorted(set(self_report.groups), key=str), dtype=object))
    boots = []
    for _ in range(n_boot):
        drawn = [(np.flatnonzero(harm.groups == g), f"{g}#{k}") for k, g in enumerate(rng.choice(hq, len(hq)))]
        h_idx = np.concatenate([idx for idx, _ in drawn])
        hg = np.array([name for idx, name in drawn for _ in idx], dtype=object)  # each drawn copy its own question
        s_idx = np.concatenate([np.flatnonzero(self_report.groups == g) for g in rng.choice(sq, len(sq))])
        try:
            bh = fit_direction(harm.x[h_idx], harm.y[h_idx], hg, who, method, minimum, seed)
            bs = fit_direction(self_report.x[s_idx], self_report.y[s_idx], self_report.groups[s_idx],
                               who, "pooled", 2, seed)
        except EmprobeError:
            continue
        boots.append(float(unit(bh) @ unit(bs)))
    r_h = split_half_reliability(harm.x, harm.y, harm.groups, who, method, splits, minimum, seed)["value"]
    r_s = split_half_reliability(self_report.x, self_report.y, self_report.groups,
                                 who, "pooled", splits, 2, seed)["value"]
    ceiling = float(np.sqrt(r_h * r_s)) if r_h is not None and r_s is not None and r_h > 0 and r_s > 0 else None
    ci = ([float(np.percentile(boots, 2.5)), float(np.percentile(boots, 97.5))] if len(boots) >= n_boot // 2
          else [None, None])
    return {"value": observed, "ci95": ci, "n_boot": len(boots), "reliability_harm": r_h,
            "reliability_self_report": r_s,
            "ceiling": ceiling, "corrected": None if not ceiling else observed / ceiling}
