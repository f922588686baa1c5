"""Bootstrap confidence intervals and permutation tests (numpy, seeded)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

N_BOOT = 2000


@dataclass(frozen=True)
class Estimate:
    """A statistic with its 95 % bootstrap CI and the number of observations behind it."""

    value: float | None
    low: float | None
    high: float | None
    n: int

    def to_dict(self) -> dict:
        return {"value": self.value, "ci95": [self.low, self.high], "n": self.n}

    def __str__(self) -> str:
        if self.value is None:
            return f"n/a (n={self.n})"
        return f"{self.value:.3g} [{self.low:.3g}, {self.high:.3g}] (n={self.n})"


def bootstrap(values: Sequence[float], stat: Callable[[np.ndarray], float] = np.mean, *, seed: int = 0, n_boot: int = N_BOOT) -> Estimate:
    """Percentile bootstrap 95 % CI of ``stat`` over ``values`` (None values must be removed first)."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return Estimate(None, None, None, 0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(n_boot, x.size))
    boots = np.array([stat(x[i]) for i in idx])
    low, high = np.percentile(boots, [2.5, 97.5])
    return Estimate(float(stat(x)), float(low), float(high), int(x.size))


def bootstrap_diff(a: Sequence[float], b: Sequence[float], stat: Callable[[np.ndarray], float] = np.mean, *, seed: int = 0, n_boot: int = N_BOOT) -> Estimate:
    """95 % CI of ``stat(a) - stat(b)`` resampling both groups independently."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.size == 0 or y.size == 0:
        return Estimate(None, None, None, min(x.size, y.size))
    rng = np.random.default_rng(seed)
    diffs = np.array([stat(x[rng.integers(0, x.size, x.size)]) - stat(y[rng.integers(0, y.size, y.size)]) for _ in range(n_boot)])
    low, high = np.percentile(diffs, [2.5, 97.5])
    return Estimate(float(stat(x) - stat(y)), float(low), float(high), int(min(x.size, y.size)))


def bootstrap_paired_diff(a: Sequence[float], b: Sequence[float], *, seed: int = 0, n_boot: int = N_BOOT) -> Estimate:
    """95 % CI of mean(a - b) over paired observations (the same items under two conditions), resampling pairs."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape:
        raise ValueError(f"paired samples differ in length: {x.shape} vs {y.shape}")
    return bootstrap(x - y, seed=seed, n_boot=n_boot)
