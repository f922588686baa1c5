"""Linear probes on stored activations, leak-free: folds by question, a within-question permutation null of the
whole cross-validation, a question-identity baseline, and transfer tested on held-out questions.

* Folds are grouped by question (``StratifiedGroupKFold``): no answer to a test question is ever in training,
  so a probe cannot score by recognising the question.
* Significance comes from permuting the labels *within* questions and re-running the CV (C fixed per fold at the
  value the real labels chose, which keeps the null cheap): the null keeps each question's share of misaligned
  answers, so a probe that only reads the topic scores like the null. On null data it rejects at the nominal rate
  (``tests/test_probes.py``). A bootstrap over out-of-fold scores would not: it ignores fold-to-fold variance, and
  CV AUROC on null data is biased below 0.5.
* The question-identity baseline is the same probe on the prompt's state (``last-prompt``: identical for every
  sample of a question), which can only know which question an answer belongs to.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from ..errors import EmprobeError
from .logreg import fit_cv_models

FOLDS = 5
CS = (0.001, 0.01, 0.1, 1.0)
PERMUTATIONS = 200


def check_classes(y: np.ndarray, who: str, minimum: int = FOLDS) -> None:
    """At least ``minimum`` examples of each class, or a clear error naming ``who`` and the counts."""
    pos, neg = int((y == 1).sum()), int((y == 0).sum())
    if pos < minimum or neg < minimum:
        raise EmprobeError(f"{who}: {pos} positive and {neg} negative examples; "
                           f"a probe needs at least {minimum} of each")


def _auroc(y: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, scores)) if len(set(y)) > 1 else float("nan")


def question_folds(y: np.ndarray, groups: np.ndarray, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds that never split a question (as many folds as questions allow, at most ``folds``)."""
    from sklearn.model_selection import StratifiedGroupKFold

    k = min(folds, len(set(groups)))
    if k < 2:
        raise EmprobeError(f"{len(set(groups))} question(s): cross-validation by question needs at least 2")
    return list(StratifiedGroupKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y, groups))


def question_halves(groups: np.ndarray, seed: int) -> np.ndarray:
    """A seeded split of the questions in two halves: True for the examples of the first half."""
    names = sorted(set(groups), key=str)
    first = set(np.random.default_rng(seed).permutation(np.array(names, dtype=object))[: len(names) // 2])
    return np.array([g in first for g in groups])


def permute_within(y: np.ndarray, groups: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``y`` shuffled inside each group (each question keeps its number of each class)."""
    out = np.array(y, copy=True)
    for g in dict.fromkeys(np.asarray(groups).tolist()):  # first-seen order: the same draws in every process
        idx = np.flatnonzero(groups == g)
        out[idx] = y[rng.permutation(idx)]
    return out


@dataclass
class ProbeResult:
    """Out-of-fold AUROC, its within-question permutation null, the p-value, and the identity baseline."""

    auroc: float
    null_mean: float
    null_95: tuple[float, float]
    p_value: float
    min_p: float
    n_permutations: int
    identity_auroc: float | None  # the same probe on the prompt state: what question identity alone gives
    n_pos: int
    n_neg: int
    n_questions: int
    folds: int

    def to_dict(self) -> dict:
        d = asdict(self)
        d["null_95"] = list(self.null_95)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> ProbeResult:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__} | {"null_95": tuple(d["null_95"])})


def _cv_scores(x: np.ndarray, labelings: list[np.ndarray], split, groups,
               fixed: list[float] | None) -> tuple[list[np.ndarray], list[float]]:
    """Out-of-fold decision values for each labelling (all problems solved together) and the C of each fold."""
    problems = [(train, labels) for labels in labelings for train, _ in split]
    fixed_c = None if fixed is None else [c for _ in labelings for c in fixed]
    models = fit_cv_models(x, problems, CS, groups=groups, fixed_c=fixed_c)
    out, it = [], iter(models)
    chosen = []
    for _ in labelings:
        scores = np.zeros(len(x))
        for _, test in split:
            m = next(it)
            scores[test] = m.decision(x[test])
            chosen.append(m.C)
        out.append(scores)
    return out, chosen[: len(split)]


def cross_validated_probe(x: np.ndarray, y: np.ndarray, groups: np.ndarray, who: str, seed: int = 0, *,
                          identity_x: np.ndarray | None = None, permutations: int = PERMUTATIONS, folds: int = FOLDS,
                          minimum: int = FOLDS) -> ProbeResult:
    """CV AUROC of a standardised logistic-regression probe with folds by question (C by an inner grouped CV), its
    within-question permutation null and p-value, and the identity baseline when ``identity_x`` is given."""
    y = np.asarray(y, dtype=int)
    groups = np.asarray(groups, dtype=object)
    check_classes(y, who, minimum)
    split = question_folds(y, groups, folds, seed)
    (scores,), chosen = _cv_scores(x, [y], split, groups, None)
    observed = _auroc(y, scores)
    rng = np.random.default_rng(seed + 1)
    null = np.array([])
    if permutations:
        perms = [permute_within(y, groups, rng) for _ in range(permutations)]
        null_scores, _ = _cv_scores(x, perms, split, groups, chosen)
        null = np.array([_auroc(p, s) for p, s in zip(perms, null_scores)])
    identity = None
    if identity_x is not None:
        (id_scores,), _ = _cv_scores(identity_x, [y], split, groups, None)
        identity = _auroc(y, id_scores)
    p = float((1 + np.sum(null >= observed - 1e-12)) / (1 + len(null))) if len(null) else float("nan")
    return ProbeResult(observed, float(null.mean()) if len(null) else float("nan"),
                       (float(np.percentile(null, 2.5)), float(np.percentile(null, 97.5))) if len(null)
                       else (float("nan"),) * 2,
                       p, 1.0 / (1 + len(null)), len(null), identity, int(y.sum()), int((1 - y).sum()),
                       len(set(groups)), len(split))


def transfer_matrix(data: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
                    seed: int = 0) -> dict[str, dict[str, float | None]]:
    """AUROC of a probe trained on one organism's answers to half of the questions, tested on another organism's
    answers to the other half (both halves each way, averaged): no question is in both training and test."""
    questions = np.array(sorted({q for _, _, g in data.values() for q in g}, key=str), dtype=object)
    half = set(questions[question_halves(questions, seed)])
    out: dict[str, dict[str, float | None]] = {}
    for src, (xs, ys, gs) in data.items():
        out[src] = {}
        in_a = np.array([g in half for g in gs])
        models = {}
        for side, mask in (("a", in_a), ("b", ~in_a)):
            if len(set(ys[mask])) > 1 and min(int(ys[mask].sum()), int((1 - ys[mask]).sum())) >= 2:
                models[side] = fit_cv_models(xs, [(np.flatnonzero(mask), ys)], CS,
                                             groups=np.asarray(gs, dtype=object))[0]
        for dst, (xd, yd, gd) in data.items():
            if dst == src:
                out[src][dst] = None
                continue
            d_in_a = np.array([g in half for g in gd])
            values = [_auroc(yd[test], models[side].decision(xd[test]))
                      for side, test in (("a", ~d_in_a), ("b", d_in_a))
                      if side in models and len(set(yd[test])) > 1]
            values = [v for v in values if not np.isnan(v)]
            out[src][dst] = float(np.mean(values)) if values else None
    return out
