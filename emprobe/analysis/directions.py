"""Misalignment directions (difference of means), their cosines across organisms, and permutation tests."""
from __future__ import annotations

import itertools

import numpy as np

from .probes import check_classes


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


def cosine_matrix(directions: dict[str, np.ndarray]) -> dict[str, dict[str, float]]:
    names = list(directions)
    return {a: {b: float(unit(directions[a]) @ unit(directions[b])) for b in names} for a in names}


def random_cosine_baseline(dim: int, n: int = 1000, seed: int = 0) -> dict:
    """|cosine| between random Gaussian directions in ``dim`` dimensions (what 'unrelated' looks like)."""
    rng = np.random.default_rng(seed)
    a, b = rng.standard_normal((n, dim)), rng.standard_normal((n, dim))
    cos = np.abs((a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))
    return {"mean_abs": float(cos.mean()), "p95_abs": float(np.percentile(cos, 95)), "dim": dim}


def group_similarity_test(cos: dict[str, dict[str, float]], groups: dict[str, str], n_perm: int = 5000, seed: int = 0) -> dict:
    """Within-group minus between-group mean cosine, with a permutation p-value over group labels.

    Returns a plain statement instead of a test when a group has fewer than two members."""
    names = [n for n in groups if n in cos]
    labels = [groups[n] for n in names]
    sizes = {g: labels.count(g) for g in set(labels)}
    if len(sizes) < 2 or min(sizes.values()) < 2:
        return {"testable": False, "statement": f"not testable: groups {sizes} need at least two groups of two or more organisms"}

    def stat(lab: list[str]) -> float:
        within, between = [], []
        for (i, a), (j, b) in itertools.combinations(enumerate(names), 2):
            (within if lab[i] == lab[j] else between).append(cos[a][b])
        return float(np.mean(within) - np.mean(between))

    observed = stat(labels)
    rng = np.random.default_rng(seed)
    perms = [stat(list(rng.permutation(labels))) for _ in range(n_perm)]
    p = (1 + sum(v >= observed for v in perms)) / (1 + n_perm)
    return {"testable": True, "within_minus_between": observed, "p_value": float(p), "n_perm": n_perm, "group_sizes": sizes}


def projection(x: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """Scalar projection of each row of ``x`` onto the unit ``direction``."""
    return x @ unit(direction)
