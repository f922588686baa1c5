"""Misalignment directions on arrays: topic-controlled, cross-fitted, with split-half reliability, and exact
organism-level tests.

* ``matched`` (default): the mean over questions of (mean misaligned − mean aligned answer *to that question*),
  so a topic on which misaligned answers cluster does not become the direction; ``pooled``: the class means
  (classes balanced), for sets without shared questions (self-report states, or out-of-domain answers only).
* Cross-fitting: each example is projected on a direction fitted without its question; reference means,
  projections and cosines are computed on held-out questions only (an in-sample gap is inflated in high
  dimensions).
* Reliability: the cosine between directions fitted on disjoint question halves; a cosine between two
  organisms' directions cannot exceed sqrt(r_a · r_b), which is reported beside it.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ..errors import EmprobeError
from .probes import check_classes, question_folds, question_halves

METHODS = ("matched", "pooled")


def unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def diff_of_means(x: np.ndarray, y: np.ndarray, who: str, seed: int = 0, minimum: int = 2) -> np.ndarray:
    """mean(x | y=1) - mean(x | y=0), classes balanced by subsampling the larger one (seeded)."""
    y = np.asarray(y, dtype=int)
    check_classes(y, who, minimum)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    k = min(len(pos), len(neg))
    rng = np.random.default_rng(seed)
    pos, neg = rng.choice(pos, k, replace=False), rng.choice(neg, k, replace=False)
    return x[pos].mean(0) - x[neg].mean(0)


def fit_direction(x: np.ndarray, y: np.ndarray, groups: np.ndarray, who: str, method: str = "matched",
                  minimum: int = 2, seed: int = 0) -> np.ndarray:
    """The misalignment direction of ``method`` (see the module doc); at least ``minimum`` examples per class
    (for ``matched``: in questions that have both classes, and at least 2 such questions)."""
    if method not in METHODS:
        raise EmprobeError(f"direction method {method!r}: valid are {', '.join(METHODS)}")
    y, groups = np.asarray(y, dtype=int), np.asarray(groups, dtype=object)
    if method == "pooled":
        return diff_of_means(x, y, who, seed, minimum)
    both = [g for g in dict.fromkeys(groups) if 0 < y[groups == g].sum() < (groups == g).sum()]
    mask = np.isin(groups, both)
    n_pos, n_neg = int(y[mask].sum()), int((1 - y[mask]).sum())
    if len(both) < 2 or min(n_pos, n_neg) < minimum:
        raise EmprobeError(f"{who}: {len(both)} question(s) with both misaligned and aligned answers "
                           f"({n_pos} and {n_neg} answers there); "
                           f"a question-matched direction needs at least 2 such questions and {minimum} of each")
    return np.mean([x[(groups == g) & (y == 1)].mean(0) - x[(groups == g) & (y == 0)].mean(0) for g in both], axis=0)


def projection(x: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Scalar projection of each row of ``x`` onto the unit ``direction``."""
    return x @ unit(direction)


@dataclass
class CrossFit:
    """Held-out projections of every example on a direction fitted without its question, per fold."""

    projections: np.ndarray
    directions: list[np.ndarray]
    folds: int

    def class_means(self, y: np.ndarray) -> tuple[float, float]:
        """Held-out mean projection of the misaligned (1) and aligned (0) examples."""
        return float(self.projections[y == 1].mean()), float(self.projections[y == 0].mean())


def cross_fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, who: str, method: str = "matched", folds: int = 5,
              minimum: int = 2, seed: int = 0) -> CrossFit:
    """Project each example on the direction fitted on the other folds (folds by question)."""
    y, groups = np.asarray(y, dtype=int), np.asarray(groups, dtype=object)
    proj = np.full(len(y), np.nan)
    dirs = []
    for train, test in question_folds(y, groups, folds, seed):
        d = fit_direction(x[train], y[train], groups[train], who, method, minimum, seed)
        dirs.append(d)
        proj[test] = projection(x[test], d)
    return CrossFit(proj, dirs, len(dirs))


def split_half_reliability(x: np.ndarray, y: np.ndarray, groups: np.ndarray, who: str, method: str = "matched",
                           splits: int = 10, minimum: int = 2, seed: int = 0) -> dict:
    """Mean cosine between directions fitted on disjoint question halves, over ``splits`` random halvings
    (the splits where either half cannot fit a direction are skipped and counted)."""
    groups = np.asarray(groups, dtype=object)
    cos = []
    for k in range(splits):
        half = question_halves(groups, seed + k)
        try:
            a = fit_direction(x[half], y[half], groups[half], who, method, minimum, seed)
            b = fit_direction(x[~half], y[~half], groups[~half], who, method, minimum, seed)
        except EmprobeError:
            continue
        cos.append(float(unit(a) @ unit(b)))
    return {"value": float(np.mean(cos)) if cos else None, "splits": len(cos), "skipped": splits - len(cos)}


def cross_fitted_cosine(a: tuple[np.ndarray, np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray, np.ndarray],
                        who: str,
                        method: str = "matched", minimum: int = 2, seed: int = 0, splits: int = 4) -> float | None:
    """Cosine between model a's direction fitted on one half of the questions and model b's on the other half
    (both ways, several halvings): shared question noise cannot make two directions look alike."""
    groups = np.array(sorted(set(a[2]) | set(b[2]), key=str), dtype=object)
    cos = []
    for k in range(splits):
        first = set(groups[question_halves(groups, seed + k)])
        in_a, in_b = np.array([g in first for g in a[2]]), np.array([g in first for g in b[2]])
        for ma, mb in ((in_a, ~in_b), (~in_a, in_b)):
            try:
                da = fit_direction(a[0][ma], a[1][ma], a[2][ma], who, method, minimum, seed)
                db = fit_direction(b[0][mb], b[1][mb], b[2][mb], who, method, minimum, seed)
            except EmprobeError:
                continue
            cos.append(float(unit(da) @ unit(db)))
    return float(np.mean(cos)) if cos else None


def random_cosine_baseline(dim: int, n: int = 1000, seed: int = 0) -> dict:
    """|cosine| between random Gaussian directions in ``dim`` dimensions (what 'unrelated' looks like)."""
    rng = np.random.default_rng(seed)
    a, b = rng.standard_normal((n, dim)), rng.standard_normal((n, dim))
    cos = np.abs((a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))
    return {"mean_abs": float(cos.mean()), "p95_abs": float(np.percentile(cos, 95)), "dim": dim}


def _distinct_orders(tags: list[str]):
    """Every distinct ordering of a multiset of tags (C(10, 5) = 252 for 5 v 5, not 10! permutations)."""
    if not tags:
        yield ()
        return
    for t in dict.fromkeys(tags):
        rest = list(tags)
        rest.remove(t)
        for tail in _distinct_orders(rest):
            yield (t, *tail)


def _labellings(names: list[str], labels: dict[str, str], strata: dict[str, str] | None):
    """Every assignment of the observed group sizes to ``names`` (within each stratum when ``strata`` is given)."""
    blocks = {}
    for n in names:
        blocks.setdefault((strata or {}).get(n, ""), []).append(n)
    per_block = []
    for members in blocks.values():
        tags = [labels[m] for m in members]
        per_block.append([dict(zip(members, perm)) for perm in _distinct_orders(sorted(tags))])
    for combo in itertools.product(*per_block):
        out: dict[str, str] = {}
        for part in combo:
            out.update(part)
        yield out


def exact_group_test(values: dict[str, float], labels: dict[str, str], statistic=None,
                     strata: dict[str, str] | None = None) -> dict:
    """Two-sided exact permutation test of a difference between two persona groups, enumerating every relabelling
    (within strata, e.g. domains with several seeds). Default statistic: mean(values | first group) − mean(| second).
    Returns the statistic, p, the smallest p this design can reach, and how many organisms per group a p < 0.05
    would need with two equal groups."""
    names = [n for n in values if n in labels and values[n] is not None]
    groups = sorted({labels[n] for n in names})
    sizes = {g: sum(labels[n] == g for n in names) for g in groups}
    needed = next(k for k in range(2, 50) if 2 / math.comb(2 * k, k) < 0.05)
    if len(groups) != 2 or min(sizes.values()) < 1:
        return {"testable": False, "group_sizes": sizes, "organisms_per_group_needed": needed,
                "statement": f"not testable: need two persona groups with an organism each, have {sizes}"}
    g1, g0 = groups

    def stat(lab: dict[str, str]) -> float:
        if statistic is not None:
            return float(statistic(lab))
        return float(np.mean([values[n] for n in names if lab[n] == g1])
                     - np.mean([values[n] for n in names if lab[n] == g0]))

    observed = stat({n: labels[n] for n in names})
    null = np.array([stat(lab) for lab in _labellings(names, labels, strata)])
    p = float(np.mean(np.abs(null) >= abs(observed) - 1e-12))
    min_p = float(np.mean(np.abs(null) >= np.max(np.abs(null)) - 1e-12))
    return {"testable": True, "statistic": observed, "contrast": f"{g1} − {g0}", "p_value": p, "min_p": min_p,
            "n_labellings": int(len(null)), "group_sizes": sizes, "organisms_per_group_needed": needed,
            "method": "exact enumeration" + (" within strata" if strata else "")}
