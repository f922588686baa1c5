"""Planted signals on synthetic activations: probes and directions find what is there, and nothing else."""
import numpy as np
import pytest

from emprobe.analysis.directions import cosine_matrix, diff_of_means, group_similarity_test, projection, random_cosine_baseline, unit
from emprobe.analysis.probes import cross_validated_probe, transfer_matrix
from emprobe.errors import EmprobeError


def planted(n=300, dim=64, strength=1.5, seed=0, direction=None):
    rng = np.random.default_rng(seed)
    d = unit(rng.standard_normal(dim)) if direction is None else direction
    y = rng.integers(0, 2, n)
    x = rng.standard_normal((n, dim)) + strength * np.outer(y, d)
    return x, y, d


def test_known_direction_is_recovered():
    x, y, d = planted(n=2000, dim=64, strength=2.0)
    assert unit(diff_of_means(x, y, "planted")) @ d >= 0.95
    proj = projection(x, d)
    assert proj[y == 1].mean() - proj[y == 0].mean() == pytest.approx(2.0, abs=0.2)


def test_probe_finds_signal_and_shuffled_labels_do_not():
    x, y, _ = planted(strength=2.5)
    result = cross_validated_probe(x, y, "planted")
    assert result.auroc["value"] > 0.85 and result.auroc["ci95"][0] > 0.75
    assert 0.35 < result.shuffled["value"] < 0.65
    noise = np.random.default_rng(5).standard_normal((300, 64))
    assert 0.35 < cross_validated_probe(noise, y, "noise").auroc["value"] < 0.65


def test_transfer_between_organisms_sharing_a_direction():
    shared = unit(np.random.default_rng(9).standard_normal(32))
    a = planted(dim=32, direction=shared, seed=1)[:2]
    b = planted(dim=32, direction=shared, seed=2)[:2]
    c = planted(dim=32, seed=3)[:2]  # its own, unrelated direction
    m = transfer_matrix({"a": a, "b": b, "c": c})
    assert m["a"]["b"] > 0.8 and m["b"]["a"] > 0.8 and m["a"]["a"] is None
    assert 0.3 < m["a"]["c"] < 0.7


def test_too_few_examples_of_a_class():
    x, y, _ = planted(n=40)
    y[:] = 0
    y[:3] = 1
    with pytest.raises(EmprobeError, match="organism insecure-code: 3 positive and 37 negative examples; a probe needs at least 5 of each"):
        cross_validated_probe(x, y, "organism insecure-code")


def test_group_similarity_permutation_test():
    rng = np.random.default_rng(0)
    g1, g2 = unit(rng.standard_normal(64)), unit(rng.standard_normal(64))
    dirs = {f"c{i}": g1 + 0.3 * rng.standard_normal(64) / 8 for i in range(4)} | {f"i{i}": g2 + 0.3 * rng.standard_normal(64) / 8 for i in range(4)}
    groups = {n: ("coherent" if n.startswith("c") else "inverted") for n in dirs}
    planted_test = group_similarity_test(cosine_matrix(dirs), groups, n_perm=2000)
    assert planted_test["testable"] and planted_test["p_value"] < 0.05 and planted_test["within_minus_between"] > 0.5
    random_dirs = {n: rng.standard_normal(64) for n in dirs}
    null_test = group_similarity_test(cosine_matrix(random_dirs), groups, n_perm=2000)
    assert null_test["p_value"] > 0.05
    small = group_similarity_test(cosine_matrix(dirs), {"c0": "coherent", "c1": "coherent", "i0": "inverted"})
    assert not small["testable"] and "not testable" in small["statement"]


def test_random_baseline_scale():
    base = random_cosine_baseline(576)
    assert 0.02 < base["mean_abs"] < 0.05  # ~ sqrt(2 / (pi * d))


def test_probe_solver_matches_scikit_learn():
    """The batched float32 solver fits what StandardScaler + LogisticRegression(CV) fits: same C chosen by the
    inner CV, the same decision function (raw features with large offsets and unequal scales)."""
    from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from emprobe.analysis.logreg import fit_cv_models
    from emprobe.analysis.probes import CS

    rng = np.random.default_rng(4)
    x, y, _ = planted(n=400, dim=40, strength=1.0, seed=4)
    x = (x * rng.uniform(0.2, 5, 40) + rng.uniform(-100, 100, 40)).astype(np.float32)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(x, y))
    models = fit_cv_models(x, [(train, y) for train, _ in folds], CS)
    for (train, test), model in zip(folds, models):
        ref = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=list(CS), cv=3, scoring="roc_auc", max_iter=500))
        ref.fit(x[train], y[train])
        assert model.C == ref[-1].C_[0]
        assert np.corrcoef(model.decision(x[test]), ref.decision_function(x[test]))[0, 1] > 0.999
    train, test = folds[0]
    for c in CS:
        ours = fit_cv_models(x, [(train, y)], (c,))[0].decision(x[test])
        ref = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=500)).fit(x[train], y[train]).decision_function(x[test])
        assert np.abs(ours - ref).max() < 0.01 * np.abs(ref).max() + 1e-3


def test_bootstrap_auroc_equals_auroc_of_resamples():
    from sklearn.metrics import roc_auc_score

    from emprobe.analysis.probes import _weighted_auroc

    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, 200)
    s = np.round(rng.standard_normal(200) + y, 1)  # with ties
    draws = [rng.integers(0, 200, 200) for _ in range(20)]
    counts = np.stack([np.bincount(i, minlength=200) for i in draws])
    np.testing.assert_allclose(_weighted_auroc(y, s, counts), [roc_auc_score(y[i], s[i]) for i in draws])
