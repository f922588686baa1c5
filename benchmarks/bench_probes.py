"""cross_validated_probe on large activation matrices: seconds and peak memory beyond the data.

    python benchmarks/bench_probes.py [--n 20000] [--dim 5120] [--old-n 2000]

Data: synthetic float32 activations (Gaussian, per-feature offsets and scales, a planted direction, balanced
classes), built in the measuring process itself. Each measurement runs in a fresh process, which builds the
data, resets the kernel's peak-RSS mark (/proc/self/clear_refs), runs the call and reports wall time and the
peak RSS above the RSS it had just before the call (so: everything the call allocates, numpy, torch and
scikit-learn alike, beyond the data and the imported libraries).

One ``cross_validated_probe`` call is: 5 outer folds by question (20 answers per question), in each an inner
3-fold grouped CV over 4 values of C and a refit (65 logistic regressions), plus, with ``--permutations P``, the
within-question permutation null (5 x P fits at the folds' chosen C). Target: < 60 s and < 2 GB beyond the data
at 20,000 x 5,120.

Baselines, each in the same run: (1) "bare": one plain scikit-learn fit, StandardScaler + LogisticRegression
(lbfgs, C=0.01) on all rows of the same data; (2) "old": the previous implementation of the probe
(StandardScaler + LogisticRegressionCV per outer fold, float64 in scikit-learn) at ``--old-n`` rows, against
the current one at the same size (the old one is far too slow to run at full size).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np


def make_data(n: int, dim: int, seed: int = 0, strength: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """float32 activations built in row chunks (no float64 copy of the whole matrix)."""
    rng = np.random.default_rng(seed)
    direction = rng.standard_normal(dim).astype(np.float32)
    direction /= np.linalg.norm(direction)
    offset = rng.uniform(-3, 3, dim).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, dim).astype(np.float32)
    y = rng.permutation(np.arange(n) % 2)
    x = np.empty((n, dim), dtype=np.float32)
    for i in range(0, n, 1024):
        block = rng.standard_normal((min(1024, n - i), dim), dtype=np.float32)
        block += np.float32(strength) * np.outer(y[i:i + 1024], direction).astype(np.float32)
        x[i:i + 1024] = block * scale + offset
    return x, y


def old_probe(x: np.ndarray, y: np.ndarray, seed: int = 0) -> tuple[float, float]:
    """The previous cross_validated_probe (scikit-learn pipeline per fold), AUROCs only (its bootstrap is cheap)."""
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    out = []
    for labels in (y, np.random.default_rng(seed + 1).permutation(y)):
        scores = np.zeros(len(y))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, labels):
            model = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=[0.001, 0.01, 0.1, 1.0], cv=3,
                                                                         scoring="roc_auc",
                                                                         max_iter=500, random_state=seed))
            scores[test] = model.fit(x[train], labels[train]).decision_function(x[test])
        out.append(roc_auc_score(labels, scores))
    return out[0], out[1]


def bare_fit(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=500)).fit(x, y)
    return roc_auc_score(y, model.decision_function(x)), float("nan")  # training AUROC: a sanity check only


PERMUTATIONS = 0


def new_probe(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The probe with folds by question (20 answers per question) and ``--permutations`` within-question
    permutations of the whole CV (the null's mean is reported in the 'shuffled' column)."""
    from emprobe.analysis.probes import cross_validated_probe

    groups = np.arange(len(y)) // 20
    result = cross_validated_probe(x, y, groups, "bench", permutations=PERMUTATIONS)
    return result.auroc, result.null_mean


def _status() -> dict[str, int]:
    rows = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return {k: int(rows[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}


def child(kind: str, n: int, dim: int) -> dict:
    import time

    import sklearn.linear_model  # noqa: F401
    import torch  # noqa: F401

    import emprobe.analysis.probes  # noqa: F401  (imports outside the measurement)

    x, y = make_data(n, dim)
    before = _status()["VmRSS"]
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak-RSS mark to the current RSS
    start = time.perf_counter()
    auroc, shuffled = {"new": new_probe, "old": old_probe, "bare": bare_fit}[kind](x, y)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": _status()["VmHWM"] - before, "data_mb": x.nbytes / 2**20, "auroc": auroc,
            "shuffled": shuffled}


def measure(kind: str, n: int, dim: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--n", str(n), "--dim", str(dim),
                          "--permutations", str(PERMUTATIONS)],
                         capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(out.stderr)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  {kind:4s} {n} x {dim}: {result['seconds']:.1f} s, peak +{result['peak_mb']:.0f} MiB beyond the data "
          f"({result['data_mb']:.0f} MiB), AUROC {result['auroc']:.3f}, shuffled {result['shuffled']:.3f}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--dim", type=int, default=5120)
    parser.add_argument("--old-n", type=int, default=2000, help="rows for the old-vs-new comparison (0: skip)")
    parser.add_argument("--skip-bare", action="store_true")
    parser.add_argument("--permutations", type=int, default=0,
                        help="within-question permutations of the CV (the analysis default is 200)")
    parser.add_argument("--child", choices=["new", "old", "bare"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    global PERMUTATIONS
    PERMUTATIONS = args.permutations
    if args.child:
        return print(json.dumps(child(args.child, args.n, args.dim)))
    new = measure("new", args.n, args.dim)
    line = (f"cross_validated_probe ({args.permutations} permutations), {args.n} x {args.dim} float32: "
            f"{new['seconds']:.1f} s (target < 60), "
            f"peak +{new['peak_mb']:.0f} MiB beyond the data (target < 2048)")
    if not args.skip_bare:
        bare = measure("bare", args.n, args.dim)
        line += (f"; one bare scikit-learn fit (C=0.01) on the same data {bare['seconds']:.1f} s, "
                 f"+{bare['peak_mb']:.0f} MiB: "
                 f"{new['seconds'] / bare['seconds']:.2f}x its time for 130 fits")
    if args.old_n:
        small_new, old = measure("new", args.old_n, args.dim), measure("old", args.old_n, args.dim)
        line += (f"; at {args.old_n} x {args.dim}: previous implementation {old['seconds']:.1f} s, current "
                 f"{small_new['seconds']:.1f} s, {old['seconds'] / small_new['seconds']:.1f}x faster")
    print(line)


if __name__ == "__main__":
    main()
