"""Linear probes on stored activations: cross-validated AUROC with CIs, a shuffled-label baseline, transfer."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import EmprobeError
from .logreg import fit_cv_models

FOLDS = 5
CS = (0.001, 0.01, 0.1, 1.0)


def check_classes(y: np.ndarray, who: str, minimum: int = FOLDS) -> None:
    """At least ``minimum`` examples of each class, or a clear error naming ``who`` and the counts."""
    pos, neg = int((y == 1).sum()), int((y == 0).sum())
    if pos < minimum or neg < minimum:
        raise EmprobeError(f"{who}: {pos} positive and {neg} negative examples; a probe needs at least {minimum} of each")


@dataclass
class ProbeResult:
    auroc: dict  # cross-validated AUROC with a bootstrap CI over out-of-fold predictions
    shuffled: dict  # the same with labels shuffled (≈ 0.5 when nothing is learned by chance)
    n_pos: int
    n_neg: int

    def to_dict(self) -> dict:
        return {"auroc": self.auroc, "shuffled_auroc": self.shuffled, "n_pos": self.n_pos, "n_neg": self.n_neg}


def _weighted_auroc(y: np.ndarray, scores: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """AUROC of each row of ``counts`` (how often each example is drawn, e.g. a bootstrap resample): the
    Mann-Whitney statistic with ties counted half, which is what ``roc_auc_score`` gives on the resampled arrays."""
    order = np.argsort(scores, kind="stable")
    s, yo, c = scores[order], y[order], counts[:, order].astype(np.float64)
    starts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]])  # groups of tied scores
    pos = np.add.reduceat(c * yo, starts, axis=1)
    neg = np.add.reduceat(c * (1 - yo), starts, axis=1)
    below = np.cumsum(neg, axis=1) - neg
    return (pos * (below + 0.5 * neg)).sum(1) / (pos.sum(1) * neg.sum(1))


def _auroc_with_ci(y: np.ndarray, scores: np.ndarray, seed: int, n_boot: int = 500) -> dict:
    """AUROC of out-of-fold scores with a 95 % percentile bootstrap CI (resamples lacking a class are skipped)."""
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(seed)
    boots = []
    for start in range(0, n_boot, 50):
        draws = [rng.integers(0, len(y), len(y)) for _ in range(min(50, n_boot - start))]
        counts = np.stack([np.bincount(i, minlength=len(y)) for i in draws])
        n_pos = counts @ y
        counts = counts[(n_pos > 0) & (n_pos < len(y))]
        if len(counts):
            boots.extend(_weighted_auroc(y, scores, counts))
    low, high = np.percentile(boots, [2.5, 97.5])
    return {"value": float(roc_auc_score(y, scores)), "ci95": [float(low), float(high)], "n": len(y)}


def cross_validated_probe(x: np.ndarray, y: np.ndarray, who: str, seed: int = 0) -> ProbeResult:
    """5-fold CV AUROC of a standardised logistic-regression probe (C chosen by an inner 3-fold CV on each
    training part), and of the same probe on shuffled labels. Both sets of folds are solved together."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y, dtype=int)
    check_classes(y, who)
    shuffled = np.random.default_rng(seed + 1).permutation(y)
    folds = [(labels, list(StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(y)), labels)))
             for labels in (y, shuffled)]
    models = iter(fit_cv_models(x, [(train, labels) for labels, split in folds for train, _ in split], CS))
    result = []
    for labels, split in folds:
        scores = np.zeros(len(y))
        for _, test in split:
            scores[test] = next(models).decision(x[test])
        result.append(_auroc_with_ci(labels, scores, seed))
    return ProbeResult(result[0], result[1], int(y.sum()), int((1 - y).sum()))


def transfer_matrix(data: dict[str, tuple[np.ndarray, np.ndarray]], seed: int = 0) -> dict[str, dict[str, float | None]]:
    """AUROC of a probe trained on all of one organism's examples (C by inner CV), tested on each other organism's."""
    from sklearn.metrics import roc_auc_score

    out: dict[str, dict[str, float | None]] = {}
    for src, (xs, ys) in data.items():
        ys = np.asarray(ys, dtype=int)
        model = fit_cv_models(xs, [(np.arange(len(ys)), ys)], CS)[0]
        out[src] = {}
        for dst, (xd, yd) in data.items():
            out[src][dst] = None if dst == src or len(set(yd)) < 2 else float(roc_auc_score(yd, model.decision(xd)))
    return out
