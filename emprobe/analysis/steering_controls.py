"""The held-out split of ``emprobe steer`` and its control directions (covariance-matched Gaussian draws and
label-shuffled difference-of-means directions, each given the direction's norm)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..config import ExperimentConfig
from ..errors import EmprobeError
from .probes import permute_within as shuffle_within

MIN_PER_CLASS = 2  # misaligned and aligned fit answers needed for a held-out direction
_SPLIT_SALT = 104729  # the question split's seed = experiment seed + salt (fixed: the split never depends on α)

def unit_or_zero(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def random_direction(dim: int, norm: float, seed: int) -> np.ndarray:
    """A seeded isotropic Gaussian direction scaled to ``norm`` (kept for callers; the controls use
    :func:`covariance_controls`)."""
    v = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return v * (norm / float(np.linalg.norm(v)))


# --- the held-out direction and its controls -----------------------------------------------------------------


def split_questions(question_ids: list[str], positive: set[str], share: float,
                    seed: int) -> tuple[list[str], list[str]]:
    """(fit, held out): a seeded split of ``question_ids``, stratified by ``positive`` (questions with a misaligned
    answer), ``share`` of each stratum (rounded half up) in the fit part."""
    rng = np.random.default_rng(seed)
    fit: list[str] = []
    for stratum in (sorted(q for q in set(question_ids) if q in positive),
                    sorted(q for q in set(question_ids) if q not in positive)):
        order = [stratum[i] for i in rng.permutation(len(stratum))]
        fit += order[: int(share * len(stratum) + 0.5)]
    chosen = set(fit)
    return sorted(chosen), sorted(q for q in set(question_ids) if q not in chosen)


@dataclass
class HeldOut:
    """The direction fitted on the fit questions, what it was fitted on, and what its controls are drawn from."""

    # the harm direction on the fit questions' answers (analysis.direction_method, activation units)
    direction: np.ndarray
    norm_unit: float  # mean ‖h‖ over the examples the direction is fitted from (harm answers or pairs), at the layer
    fit_questions: list[str]
    heldout_questions: list[str]
    n_misaligned: int
    n_aligned: int
    centered: np.ndarray  # the fit questions' activations minus their mean (their covariance shapes the controls)
    x: np.ndarray  # the fit questions' labelled activations, labels and question groups (for shuffled controls)
    y: np.ndarray
    groups: np.ndarray
    method: str = "matched"  # analysis.direction_method


def _fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, who: str, method: str, seed: int) -> np.ndarray:
    """The harm direction by the analysis' method (``analysis.direction_method``), as compare-directions fits it."""
    from .directions import fit_direction

    return np.asarray(fit_direction(x, y, groups, who, method, MIN_PER_CLASS, seed), dtype=np.float32)


def fit_heldout(config: ExperimentConfig, organism: str, layer: int, share: float = 0.5) -> HeldOut:
    """Fit ``organism``'s harm direction at ``layer`` on a seeded part of the questions (see the module doc)."""
    from .data import harm_examples, open_activations

    source = config.analysis.direction_examples
    acts = open_activations(config, organism, source, layer)
    labelled = harm_examples(acts)
    x_all = np.asarray(acts.matrix("mean-answer"), dtype=np.float32)
    question_of = [str(acts.labels.get(i, {}).get("question_id") or i.rsplit("/", 2)[0]) for i in acts.ids]
    if source == "contrast-pairs":
        # fitted on every pair; no harm question is a pair's prompt, so every harm question is held out
        from ..behavioral.harm import harm_questions

        fit, heldout = sorted(set(question_of)), [q.id for q in harm_questions(config)]
    else:
        positive = {str(g) for g, y in zip(labelled.groups, labelled.y) if y == 1}
        fit, heldout = split_questions(question_of, positive, share, config.seed + _SPLIT_SALT)
    fit_set = set(fit)
    mask = np.array([str(g) in fit_set for g in labelled.groups], dtype=bool)
    x, y, groups = labelled.x[mask], labelled.y[mask], labelled.groups[mask]
    who = (f"{organism}'s held-out harm direction at layer {layer} (fitted on {len(fit)} of {len(fit) + len(heldout)} "
           f"questions; {int((y == 1).sum())} misaligned and {int((y == 0).sum())} aligned answers there)")
    direction = _fit(x, y, groups, who, config.analysis.direction_method, config.seed)
    if not np.any(direction):
        raise EmprobeError(f"{who}: the direction is zero")
    fit_rows = x_all[[q in fit_set for q in question_of]]
    centered = fit_rows - fit_rows.mean(0, keepdims=True)
    return HeldOut(direction, float(np.linalg.norm(x_all, axis=1).mean()), fit, heldout, int((y == 1).sum()),
                   int((y == 0).sum()),
                   centered, x, y, groups, config.analysis.direction_method)


def covariance_controls(centered: np.ndarray, n: int, seed: int) -> list[np.ndarray]:
    """``n`` draws from N(0, Σ), Σ the covariance of the rows of ``centered`` (exact, in the rows' span:
    g = centeredᵀ z / √(m − 1), z ~ N(0, I_m))."""
    m = centered.shape[0]
    if m < 2:
        raise EmprobeError(f"covariance controls need at least 2 activations of the fit questions, got {m}")
    z = np.random.default_rng(seed).standard_normal((n, m))  # row k: the k-th draw of m (the same stream as one by one)
    return list((z @ centered / math.sqrt(m - 1)).astype(np.float32))


def shuffled_controls(held: HeldOut, n: int, seed: int, who: str) -> list[np.ndarray]:
    """``n`` difference-of-means directions on the fit answers with the labels permuted within questions."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        y = shuffle_within(held.y, held.groups, rng)
        out.append(_fit(held.x, y, held.groups, f"{who} (shuffled control {k})", held.method, seed + k + 1))
    return out


def control_directions(held: HeldOut, n: int, seed: int, who: str = "control") -> list[tuple[str, str, np.ndarray]]:
    """(name, kind, direction): ⌈n/2⌉ covariance-shaped and ⌊n/2⌋ shuffled-label controls, each scaled to the
    held-out direction's norm."""
    norm = float(np.linalg.norm(held.direction))
    n_cov = (n + 1) // 2
    raw = [("covariance", v) for v in covariance_controls(held.centered, n_cov, seed)]
    raw += [("shuffled", v) for v in shuffled_controls(held, n - n_cov, seed + 1, who)]
    return [(f"control-{k:02d}", kind, (unit_or_zero(v) * norm).astype(np.float32)) for k, (kind, v) in enumerate(raw)]


# --- running -------------------------------------------------------------------------------------------------
