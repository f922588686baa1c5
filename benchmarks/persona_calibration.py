"""Calibration of the persona label rule and of the clustered bootstrap on simulated data (the figures in
benchmarks/RESULTS.md and the README).

    python benchmarks/persona_calibration.py [--n 200]

Label rule: 200 simulated organisms per truth (tests/simulate.py: question clustering with latent ICC 0.3,
organism-specific question deviations, format scales, position habits, clustered self-report differences), at the
calibration design (40 out-of-domain questions x 5 samples, 96 S cells, 60 C cells) and at the demo's size
(12 questions x 2 samples, 24 S cells, 10 C cells). Bootstrap: coverage of the true mean at nominal 95 % for
clustered binary data (20 answers per question, latent ICC 0.3), clustered vs answer-level resampling.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from simulate import Design, simulate  # noqa: E402
from test_stats import clustered_binary  # noqa: E402

from emprobe.behavioral.personas import LABELS, classify  # noqa: E402
from emprobe.config import PersonaConfig  # noqa: E402
from emprobe.stats import cluster_bootstrap  # noqa: E402

CFG = PersonaConfig()
TRUTHS = {
    "coherent (S, C +0.10)": dict(harm_rise=True, s_shift=0.1, c_shift=0.1),
    "inverted (S, C +0)": dict(harm_rise=True, s_shift=0.0, c_shift=0.0),
    "narrow only (no out-of-domain harm)": dict(harm_rise=False, s_shift=0.1, c_shift=0.1),
}
DESIGNS = {"calibration design": Design(),
           "demo size": Design(out_questions=12, in_questions=4, samples=2, s_cells_per_format=6, c_cells=10)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    n = parser.parse_args().n
    print(f"| design | truth | {' | '.join(LABELS)} |\n|---|---|" + "---|" * len(LABELS))
    for dname, design in DESIGNS.items():
        for k, (tname, truth) in enumerate(TRUTHS.items()):
            rng = np.random.default_rng(k)
            got = Counter(classify("org", *simulate(rng, design, **truth), CFG).label for _ in range(n))
            print(f"| {dname} | {tname} | " + " | ".join(f"{got[label] / n:.3f}" for label in LABELS) + " |")
    print("\n| clusters | clustered bootstrap coverage | answer-level bootstrap coverage |\n|---|---|---|")
    for clusters in (30, 10):
        rng = np.random.default_rng(clusters)
        hits = {True: 0, False: 0}
        for k in range(n):
            values, groups, truth = clustered_binary(rng, clusters, 20)
            for clustered in (True, False):
                e = cluster_bootstrap(values, groups if clustered else None, seed=k)
                hits[clustered] += e.low <= truth <= e.high
        print(f"| {clusters} x 20 answers | {hits[True] / n:.3f} | {hits[False] / n:.3f} |")


if __name__ == "__main__":
    main()
