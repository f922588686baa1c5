"""Linear probes on stored activations: cross-validated AUROC with CIs, a shuffled-label baseline, transfer."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import EmprobeError

FOLDS = 5
CS = (0.001, 0.01, 0.1, 1.0)


def _pipeline(seed: int):
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    # Regularisation chosen by an inner 3-fold CV on the training part only.
    return make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=list(CS), cv=3, scoring="roc_auc", max_iter=500, random_state=seed))


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


def _oof_auroc(x: np.ndarray, y: np.ndarray, seed: int) -> dict:
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(x, y):
        scores[test] = _pipeline(seed).fit(x[train], y[train]).decision_function(x[test])
    rng = np.random.default_rng(seed)
    boots = []
    for _ in range(500):
        i = rng.integers(0, len(y), len(y))
        if 0 < y[i].sum() < len(i):
            boots.append(roc_auc_score(y[i], scores[i]))
    low, high = np.percentile(boots, [2.5, 97.5])
    return {"value": float(roc_auc_score(y, scores)), "ci95": [float(low), float(high)], "n": int(len(y))}


def cross_validated_probe(x: np.ndarray, y: np.ndarray, who: str, seed: int = 0) -> ProbeResult:
    """5-fold CV AUROC of a standardised logistic-regression probe, and of the same probe on shuffled labels."""
    y = np.asarray(y, dtype=int)
    check_classes(y, who)
    shuffled = np.random.default_rng(seed + 1).permutation(y)
    return ProbeResult(_oof_auroc(x, y, seed), _oof_auroc(x, shuffled, seed), int(y.sum()), int((1 - y).sum()))


def transfer_matrix(data: dict[str, tuple[np.ndarray, np.ndarray]], seed: int = 0) -> dict[str, dict[str, float | None]]:
    """AUROC of a probe trained on all of one organism's examples, tested on each other organism's."""
    from sklearn.metrics import roc_auc_score

    out: dict[str, dict[str, float | None]] = {}
    for src, (xs, ys) in data.items():
        model = _pipeline(seed).fit(xs, ys)
        out[src] = {}
        for dst, (xd, yd) in data.items():
            out[src][dst] = None if dst == src or len(set(yd)) < 2 else float(roc_auc_score(yd, model.decision_function(xd)))
    return out

