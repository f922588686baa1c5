"""The clustered bootstrap on simulated clustered data: coverage at nominal 95 %, where the answer-level bootstrap
(each answer its own cluster, as the old code did) under-covers; paired differences and contrasts; p-values,
Holm, and the exact Spearman permutation test."""
import itertools

import numpy as np
import pytest
from scipy.stats import norm, spearmanr

from emprobe.stats import cluster_bootstrap, holm, spearman_test

N_SIM = 300


def clustered_binary(rng, n_clusters: int, per_cluster: int, p: float = 0.2, icc: float = 0.3):
    """Binary outcomes, probit with a cluster effect (latent ICC ``icc``); returns values, clusters, true mean."""
    sigma = np.sqrt(icc / (1 - icc))
    mu = norm.ppf(p) * np.sqrt(1 + sigma ** 2)  # marginal P(1) = p
    u = rng.normal(0, sigma, n_clusters)
    values = [float(rng.random() < norm.cdf(mu + u[c])) for c in range(n_clusters) for _ in range(per_cluster)]
    return values, [c for c in range(n_clusters) for _ in range(per_cluster)], p


def coverage(make, clustered: bool, seed: int = 0) -> float:
    rng = np.random.default_rng(seed)
    hits = 0
    for k in range(N_SIM):
        values, clusters, truth = make(rng)
        e = cluster_bootstrap(values, clusters if clustered else None, seed=k, n_boot=500)
        hits += e.low <= truth <= e.high
    return hits / N_SIM


@pytest.mark.parametrize("n_clusters", [30, 10])
def test_clustered_bootstrap_covers_and_answer_level_does_not(n_clusters):
    make = lambda rng: clustered_binary(rng, n_clusters, 20)  # noqa: E731
    clustered, naive = coverage(make, True), coverage(make, False)
    assert clustered >= 0.9, clustered
    assert naive < 0.85, naive  # design effect 1 + 19 x ICC (observed scale): the answer-level CI is far too narrow


def test_paired_difference_covers_on_shared_question_effects():
    def make(rng):
        u = rng.normal(0, 1, 25)  # a question's difficulty, shared by both models
        w = rng.normal(0, 0.5, 25)  # the organism's own deviation: the differences cluster too
        a = [u[q] + 0.3 + w[q] + rng.normal() for q in range(25) for _ in range(8)]
        b = [u[q] + rng.normal() for q in range(25) for _ in range(8)]
        return list(np.subtract(a, b)), [q for q in range(25) for _ in range(8)], 0.3

    assert coverage(make, True, seed=1) >= 0.9
    rng = np.random.default_rng(2)
    u = rng.normal(0, 2, 25)
    a, b = [u[q] + 0.3 + rng.normal(0, 0.3) for q in range(25)], [u[q] + rng.normal(0, 0.3) for q in range(25)]
    paired = cluster_bootstrap(a, list(range(25)), minus=b)
    assert paired.low > 0  # pairing removes the shared question effect, which unpaired groups would carry


def test_contrast_and_missing_values():
    values = [1.0, 0.0, None, 1.0, 0.0, 1.0] * 10
    clusters = [k // 3 for k in range(60)]
    group = [True, False, True, True, False, False] * 10
    e = cluster_bootstrap(values, clusters, contrast=group)
    assert e.value == pytest.approx(1.0 - 1 / 3) and e.n == 50 and e.n_clusters == 20
    assert cluster_bootstrap([None, None], ["a", "b"]).value is None
    one = cluster_bootstrap([0.2, 0.4], ["a", "a"])
    assert one.value == pytest.approx(0.3) and one.low is None and one.n_clusters == 1  # one cluster: no CI
    with pytest.raises(ValueError):
        cluster_bootstrap([1.0, 2.0], ["a"])


def test_p_value_matches_the_interval_and_is_uniform_under_the_null():
    rng = np.random.default_rng(3)
    ps, agree = [], 0
    for k in range(N_SIM):
        values, clusters, _ = clustered_binary(rng, 20, 5, p=0.3)
        e = cluster_bootstrap(list(np.array(values) - 0.3), clusters, seed=k, n_boot=500)
        ps.append(e.p_value)
        agree += (e.p_value < 0.05) == (e.low > 0 or e.high < 0)
    assert agree >= N_SIM - 3  # the p inverts the same interval (ties at the boundary aside)
    assert np.mean(np.array(ps) < 0.05) <= 0.08


def test_holm():
    assert holm([0.01, 0.04, None, 0.03]) == [0.03, 0.06, None, 0.06]
    assert holm([0.5]) == [0.5] and holm([]) == []


def test_spearman_exact_permutation_and_smallest_p():
    x, y = [1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]
    r = spearman_test(x, y)
    rho = spearmanr(x, y).statistic
    null = [spearmanr(x, p).statistic for p in itertools.permutations(y)]
    assert r.rho == pytest.approx(rho) and r.exact
    assert r.p_value == pytest.approx(np.mean(np.abs(null) >= abs(rho) - 1e-12))
    assert r.min_p == pytest.approx(2 / 720)
    four = spearman_test([1, 2, 3, 4], [1, 2, 3, 4])
    assert (four.rho == pytest.approx(1.0) and four.p_value == pytest.approx(1 / 12)
            and four.min_p == pytest.approx(1 / 12))
    rng = np.random.default_rng(4)
    false_pos = np.mean([spearman_test(rng.normal(size=7), rng.normal(size=7), seed=k, n_boot=20).p_value < 0.05
                         for k in range(200)])  # the p-value does not use the bootstrap: few resamples suffice
    assert false_pos <= 0.08
    assert spearman_test([1, 2], [2, 1]).rho is None
