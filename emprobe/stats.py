"""Confidence intervals and tests. The unit of resampling is the cluster: a question with all its paraphrases
and samples (or a self-report cell with both option orders). Observations of one cluster are never split.

:func:`cluster_bootstrap` is the one way a CI is made: a mean, a paired difference (organism − base on the same
items) or a contrast (mean of one subset − mean of the rest), resampling whole clusters. With few clusters a
plain percentile bootstrap under-covers (its variance is short by (C−1)/C and the normal tail is too thin), so the
bootstrap deviations are widened by ``sqrt(C/(C−1)) · t(C−1) / z`` (tested in ``tests/test_stats.py``).
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Callable, Hashable, Sequence

import numpy as np

N_BOOT = 2000
Z975 = 1.959963984540054
EXACT_PERMUTATIONS_UP_TO = 100_000  # enumerate every permutation when there are at most this many


@dataclass(frozen=True)
class Estimate:
    """A statistic with its 95 % CI, the observations behind it and the clusters that were resampled."""

    value: float | None
    low: float | None
    high: float | None
    n: int
    n_clusters: int = 0
    p_value: float | None = None  # two-sided p of "the statistic is 0", by inverting the same bootstrap interval

    def to_dict(self) -> dict:
        return {"value": self.value, "ci95": [self.low, self.high], "n": self.n, "n_clusters": self.n_clusters,
                "p_value": self.p_value}

    def __str__(self) -> str:
        if self.value is None:
            return f"n/a (n={self.n})"
        ci = f" [{self.low:.3g}, {self.high:.3g}]" if self.low is not None else ""
        return f"{self.value:.3g}{ci} (n={self.n}, {self.n_clusters} clusters)"


def _expansion(n_clusters: int) -> float:
    """Small-sample widening of the bootstrap deviations: sqrt(C/(C−1)) · t_{0.975, C−1} / z_{0.975}."""
    from scipy.stats import t

    return math.sqrt(n_clusters / (n_clusters - 1)) * float(t.ppf(0.975, n_clusters - 1)) / Z975


def _present(*columns: Sequence | None) -> np.ndarray:
    """Mask of the observations whose every given column holds a finite number."""
    n = len(next(c for c in columns if c is not None))
    keep = np.ones(n, dtype=bool)
    for col in columns:
        if col is not None:
            keep &= np.array([v is not None and not (isinstance(v, float) and math.isnan(v)) for v in col], dtype=bool)
    return keep


def cluster_bootstrap(values: Sequence[float | None], clusters: Sequence[Hashable] | None = None, *,
                      minus: Sequence[float | None] | None = None, contrast: Sequence[bool] | None = None,
                      statistic: Callable[[np.ndarray], float] | None = None,
                      bounds: tuple[float, float] = (-math.inf, math.inf), seed: int = 0,
                      n_boot: int = N_BOOT) -> Estimate:
    """95 % CI resampling whole clusters (``clusters=None``: each observation is its own cluster).

    * default: the mean of ``values``;
    * ``minus``: the paired difference mean(values − minus) (the same items under two conditions, e.g. organism
      and base model answering the same question with the same seed);
    * ``contrast``: mean(values where True) − mean(values where False);
    * ``statistic``: any function of the kept observations' indices (slow path, e.g. a rank correlation), whose
      CI is clipped to ``bounds``.

    Observations with a missing value (None or NaN) in ``values`` or ``minus`` are left out; ``n`` counts the rest.
    """
    n_all = len(values)
    if clusters is not None and len(clusters) != n_all:
        raise ValueError(f"values and clusters differ in length: {n_all} vs {len(clusters)}")
    for name, other in (("minus", minus), ("contrast", contrast)):
        if other is not None and len(other) != n_all:
            raise ValueError(f"values and {name} differ in length: {n_all} vs {len(other)}")
    keep = _present(values, minus)
    x = np.array([v for v, k in zip(values, keep) if k], dtype=float)
    if minus is not None:
        x = x - np.array([v for v, k in zip(minus, keep) if k], dtype=float)
    ids = list(range(n_all)) if clusters is None else list(clusters)
    _, code = np.unique(np.array([str(c) for c, k in zip(ids, keep) if k], dtype=object), return_inverse=True)
    n, n_clusters = int(x.size), int(code.max() + 1) if x.size else 0
    if n == 0:
        return Estimate(None, None, None, 0, 0)
    group = None if contrast is None else np.array([bool(g) for g, k in zip(contrast, keep) if k])
    point, boots, lo_bound, hi_bound = _point_and_boots(x, code, n_clusters, group, statistic, bounds, seed, n_boot)
    if point is None or n_clusters < 2:
        return Estimate(point, None, None, n, n_clusters)
    dev = boots[np.isfinite(boots)] - point
    if dev.size < n_boot // 2:  # most resamples undefined (e.g. a contrast group absent): no honest interval
        return Estimate(point, None, None, n, n_clusters)
    k = _expansion(n_clusters)
    low, high = point + k * np.percentile(dev, 2.5), point + k * np.percentile(dev, 97.5)
    # the interval at level 1 - a excludes 0 exactly when a/2 < P(k * dev <= -point) (or >= for a negative point)
    p = min(1.0, 2.0 * min(float(np.mean(k * dev <= -point)), float(np.mean(k * dev >= -point)))) if point != 0 else 1.0
    return Estimate(point, float(max(low, lo_bound)), float(min(high, hi_bound)), n, n_clusters, p)


def _point_and_boots(x, code, n_clusters, group, statistic, bounds, seed, n_boot):
    """The statistic on the data, its bootstrap replicates, and the range it can take."""
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_clusters, np.full(n_clusters, 1.0 / n_clusters), size=n_boot).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        if statistic is not None:
            members = [np.flatnonzero(code == c) for c in range(n_clusters)]
            point = float(statistic(np.arange(x.size)))
            boots = np.array([statistic(np.concatenate([np.repeat(members[c], int(w[c])) for c in np.flatnonzero(w)]))
                              for w in weights], dtype=float)
            return (None if math.isnan(point) else point), boots, bounds[0], bounds[1]
        if group is None:
            s, m = np.bincount(code, x, n_clusters), np.bincount(code, minlength=n_clusters).astype(float)
            return float(x.mean()), (weights @ s) / (weights @ m), float(x.min()), float(x.max())
        s1, m1 = np.bincount(code, x * group, n_clusters), np.bincount(code, group.astype(float), n_clusters)
        s0, m0 = np.bincount(code, x * ~group, n_clusters), np.bincount(code, (~group).astype(float), n_clusters)
        if m1.sum() == 0 or m0.sum() == 0:
            return None, np.array([]), 0.0, 0.0
        point = s1.sum() / m1.sum() - s0.sum() / m0.sum()
        boots = (weights @ s1) / (weights @ m1) - (weights @ s0) / (weights @ m0)
        span = float(x.max() - x.min())
        return float(point), boots, -span, span


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm-adjusted p-values (family-wise error control) in the input order; None stays None."""
    known = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    out: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(known):
        running = max(running, min(1.0, (len(known) - rank) * p))
        out[i] = running
    return out


def paired(a: dict[str, float | None],
           b: dict[str, float | None]) -> tuple[list[str], list[float | None], list[float | None]]:
    """The item ids present in both ``a`` and ``b`` (in ``a``'s order) and their two values, for ``minus=``."""
    ids = [i for i in a if i in b]
    return ids, [a[i] for i in ids], [b[i] for i in ids]


@dataclass(frozen=True)
class RankCorrelation:
    """Spearman ρ across units (e.g. models) with an exact or Monte-Carlo permutation p and a bootstrap CI."""

    rho: float | None
    ci: Estimate
    p_value: float | None
    min_p: float | None  # the smallest two-sided p this number of units can reach
    n: int
    exact: bool

    def to_dict(self) -> dict:
        return {"rho": self.rho, "ci95": [self.ci.low, self.ci.high], "p_value": self.p_value, "min_p": self.min_p,
                "n_models": self.n, "p_method": "exact permutation" if self.exact else "Monte-Carlo permutation"}


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman rank correlation (average ranks for ties); nan with fewer than 3 points or a constant side."""
    from scipy.stats import rankdata

    if x.size < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    rx, ry = rankdata(x), rankdata(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def spearman_test(x: Sequence[float], y: Sequence[float], *, seed: int = 0, n_perm: int = 100_000,
                  n_boot: int = 500) -> RankCorrelation:
    """Spearman ρ, a two-sided permutation p (every permutation of y when there are at most 100,000, else
    ``n_perm`` random ones), the smallest p the design can reach, and a bootstrap CI over units (``n_boot``
    resamples; the p-value does not depend on them)."""
    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = int(xa.size)
    rho = spearman(xa, ya)
    ci = cluster_bootstrap(list(xa), statistic=lambda idx: spearman(xa[idx], ya[idx]), bounds=(-1.0, 1.0), seed=seed,
                           n_boot=n_boot) if n >= 3 else Estimate(None, None, None, n)
    if math.isnan(rho):
        return RankCorrelation(None, ci, None, None, n, True)
    exact = math.factorial(n) <= EXACT_PERMUTATIONS_UP_TO
    if exact:
        perms = np.array(list(itertools.permutations(range(n))))
    else:
        rng = np.random.default_rng(seed)
        perms = np.array([rng.permutation(n) for _ in range(n_perm)])
    from scipy.stats import rankdata

    rx, ry = rankdata(xa) - (n + 1) / 2, rankdata(ya) - (n + 1) / 2  # a permutation keeps ry's mean and norm
    null = (ry[perms] @ rx) / (np.linalg.norm(rx) * np.linalg.norm(ry))
    hits = int(np.sum(np.abs(null) >= abs(rho) - 1e-12))
    p = hits / len(perms) if exact else (hits + 1) / (len(perms) + 1)
    min_p = float(np.mean(np.abs(null) >= np.nanmax(np.abs(null)) - 1e-12)) if exact else 1.0 / (n_perm + 1)
    return RankCorrelation(rho, Estimate(rho, ci.low, ci.high, n, n), p, min_p, n, exact)
