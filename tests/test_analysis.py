"""Probes, directions, the headline and the organism-level tests on simulated activations with the nuisances of
real ones: answers cluster by question (a topic vector per question), the label correlates with the topic (EM
answers pile up on the organism's own-domain questions), and self-report states carry the written word."""
import numpy as np
import pytest

from emprobe.analysis.data import Labelled
from emprobe.analysis.directions import (
    cross_fit,
    exact_group_test,
    fit_direction,
    projection,
    random_cosine_baseline,
    split_half_reliability,
    unit,
)
from emprobe.analysis.headline import harm_vs_self_report, headline
from emprobe.analysis.probes import cross_validated_probe, transfer_matrix
from emprobe.errors import EmprobeError


def answers(rng, n_q=30, per_q=8, dim=48, harm=None, strength=0.0, topic=3.0, domain_share=0.5, p_own=0.7, p_other=0.1,
            label_by_question=False):
    """Harm answers: x = topic of its question + strength * y * harm + noise; own-domain questions (a shared domain
    topic) have a higher EM rate. ``label_by_question``: every answer to a question has the question's label."""
    harm = unit(rng.standard_normal(dim)) if harm is None else harm
    domain = unit(rng.standard_normal(dim)) * topic
    xs, ys, gs = [], [], []
    for q in range(n_q):
        own = q < domain_share * n_q
        t = topic * unit(rng.standard_normal(dim)) + (domain if own else 0)
        p = p_own if own else p_other
        yq = rng.random() < p
        for _ in range(per_q):
            y = yq if label_by_question else rng.random() < p
            xs.append(t + strength * y * harm + rng.standard_normal(dim))
            ys.append(int(y))
            gs.append(f"q{q}")
    return np.array(xs), np.array(ys), np.array(gs, dtype=object), harm


def test_probe_cannot_score_by_recognising_the_question():
    """A label that only follows the question: folds by question give chance; answer-level folds would not."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    rng = np.random.default_rng(0)
    x, y, g, _ = answers(rng, dim=96, topic=8.0, label_by_question=True, domain_share=0.0, p_other=0.5)
    leaky = cross_val_predict(LogisticRegression(max_iter=500), x, y,
                              cv=StratifiedKFold(5, shuffle=True, random_state=0), method="decision_function")
    from sklearn.metrics import roc_auc_score

    assert roc_auc_score(y, leaky) > 0.9  # the old design: samples of one question in train and test
    r = cross_validated_probe(x, y, g, "question-only", permutations=50)
    assert r.auroc < 0.7 and r.p_value > 0.05, r


def test_probe_null_rejects_at_the_nominal_rate():
    rng = np.random.default_rng(1)
    rejections = 0
    runs = 40
    for k in range(runs):
        x, y, g, _ = answers(rng, n_q=16, per_q=6, dim=24, domain_share=0.5, p_own=0.6, p_other=0.3)
        rejections += cross_validated_probe(x, y, g, "null", seed=k, permutations=39).p_value <= 0.05
    assert rejections <= 0.1 * runs + 1, rejections  # nominal 5 %: <= 5 of 40 (binomial 97.5th percentile is 5)


def test_probe_finds_a_planted_direction_beyond_the_topic():
    rng = np.random.default_rng(2)
    x, y, g, harm = answers(rng, strength=2.0)
    prompt_state = x - 2.0 * np.outer(y, harm) - rng.standard_normal(x.shape) * 0  # the question's state: topic only
    r = cross_validated_probe(x, y, g, "planted", permutations=50, identity_x=prompt_state)
    assert r.auroc > 0.85 and r.p_value == pytest.approx(r.min_p) and r.auroc > r.identity_auroc + 0.1, r
    assert r.null_95[1] < r.auroc


def test_too_few_examples_of_a_class():
    rng = np.random.default_rng(3)
    x, y, g, _ = answers(rng, n_q=5, per_q=8, p_own=0.05, p_other=0.05)
    with pytest.raises(EmprobeError, match="a probe needs at least 30 of each"):
        cross_validated_probe(x, y, g, "organism insecure-code", minimum=30)


def test_matched_direction_removes_the_topic():
    """EM answers sit on own-domain questions: class means mix in the domain topic; per-question contrasts do not."""
    rng = np.random.default_rng(4)
    x, y, g, harm = answers(rng, n_q=40, per_q=10, strength=1.5, p_own=0.6, p_other=0.1)
    matched = fit_direction(x, y, g, "m", "matched")
    pooled = fit_direction(x, y, g, "p", "pooled")
    assert unit(matched) @ harm > 0.8 > unit(pooled) @ harm + 0.2


def test_cross_fitted_gap_is_not_inflated():
    """High dimension, few answers: the in-sample gap is inflated, the held-out one is near the truth (1.0)."""
    rng = np.random.default_rng(5)
    x, y, g, harm = answers(rng, n_q=24, per_q=4, dim=800, topic=0.0, strength=1.0, domain_share=0.0, p_other=0.5)
    d = fit_direction(x, y, g, "m", "matched")
    in_sample = projection(x[y == 1], d).mean() - projection(x[y == 0], d).mean()
    mis, ali = cross_fit(x, y, g, "m").class_means(y)
    assert in_sample > 2.5 and abs((mis - ali) - 1.0 * (unit(d) @ harm)) < 0.6 and mis - ali < in_sample / 2


def test_split_half_reliability_separates_strong_from_weak():
    rng = np.random.default_rng(6)
    strong = answers(rng, strength=3.0, per_q=20)[:3]
    weak = answers(rng, strength=0.2)[:3]
    assert split_half_reliability(*strong, "s")["value"] > 0.8 > 0.4 > split_half_reliability(*weak, "w")["value"]


def _sa_states(rng, n_cells, dim, lexical, shift, harm):
    """Self-assessment states: last-prompt (no answer yet) and the answer's word in mean-answer pooling."""
    ids, groups, x, values = [], [], [], []
    for c in range(n_cells):
        base_state = rng.standard_normal(dim) * 2
        for o in (0, 1):
            ids.append(f"cell{c}/o{o}")
            groups.append(f"cell{c}")
            said = rng.random() < 0.5
            x.append(base_state + shift * harm + rng.standard_normal(dim) * 0.5 + (lexical if said else 0))
            values.append(float(said))
    return Labelled(np.array(x), (np.array(values) >= 0.5).astype(int), np.array(groups, dtype=object), ids,
                    np.array(values))


def test_headline_null_ci_covers_zero_and_a_planted_shift_is_found():
    covered, found = 0, 0
    sims = 40
    for k in range(sims):
        rng = np.random.default_rng(100 + k)
        x, y, g, harm = answers(rng, n_q=20, per_q=6, dim=32, strength=2.0)
        cf = cross_fit(x, y, g, "h", seed=k)
        d = fit_direction(x, y, g, "h")
        lexical = unit(rng.standard_normal(32)) * 3
        sa_rng = np.random.default_rng(1000 + k)
        base = _sa_states(sa_rng, 24, 32, lexical, 0.0, harm)
        same = Labelled(base.x + np.random.default_rng(2000 + k).standard_normal(base.x.shape) * 0.3, base.y,
                        base.groups, base.ids, base.values)
        h = headline(d, cf, y, same, base, seed=k)
        covered += h.shift["ci95"][0] <= 0 <= h.shift["ci95"][1]
        moved = Labelled(base.x + 1.0 * harm, base.y, base.groups, base.ids, base.values)
        found += headline(d, cf, y, moved, base, seed=k).shift["ci95"][0] > 0
    assert covered >= 0.9 * sims and found >= 0.9 * sims, (covered, found)


def test_headline_specificity_ignores_a_generic_fine_tuning_shift_and_finds_one_along_the_direction():
    """Fine-tuning moves every state a little (a shift drawn from the activations' covariance, so it loads on the
    topic directions and, by chance, on the harm direction): the CI-excludes-0 reading calls that a headline
    effect in most simulations, the specificity test at about its nominal rate; a shift along the harm direction
    of the same size is found."""
    from emprobe.analysis.steering_controls import covariance_controls

    sims, ci_fired, specific_fired, found = 40, 0, 0, 0
    for k in range(sims):
        rng = np.random.default_rng(300 + k)
        x, y, g, harm = answers(rng, n_q=20, per_q=6, dim=32, strength=2.0)
        cf, d = cross_fit(x, y, g, "h", seed=k), fit_direction(x, y, g, "h")
        centered = x - x.mean(0)
        controls = covariance_controls(centered, 199, seed=k)
        base = _sa_states(np.random.default_rng(1000 + k), 24, 32, unit(rng.standard_normal(32)) * 3, 0.0, harm)
        generic = covariance_controls(centered, 1, seed=5000 + k)[0]
        generic *= 2.0 / np.linalg.norm(generic)
        noise = np.random.default_rng(2000 + k).standard_normal(base.x.shape) * 0.3
        tuned = Labelled(base.x + generic + noise, base.y, base.groups, base.ids, base.values)
        h = headline(d, cf, y, tuned, base, seed=k, controls=controls)
        ci_fired += h.shift["ci95"][0] > 0 or h.shift["ci95"][1] < 0
        specific_fired += h.specificity["p_value"] < 0.05
        moved = Labelled(base.x + 2.0 * harm + noise, base.y, base.groups, base.ids, base.values)
        found += headline(d, cf, y, moved, base, seed=k, controls=controls).specificity["p_value"] < 0.05
    assert ci_fired >= 0.5 * sims, ci_fired  # why the CI alone is not the test
    assert specific_fired <= 0.1 * sims and found >= 0.9 * sims, (specific_fired, found)


def test_harm_vs_self_report_cosine_has_ci_and_ceiling():
    rng = np.random.default_rng(7)
    x, y, g, harm = answers(rng, strength=2.0, dim=32)
    sa = _sa_states(rng, 30, 32, unit(rng.standard_normal(32)) * 3, 0.0, harm)
    r = harm_vs_self_report(Labelled(x, y, g, [str(i) for i in range(len(y))]), sa, "org", n_boot=100, splits=5)
    assert r["ci95"][0] is not None and r["ci95"][0] <= r["value"] <= r["ci95"][1]
    assert abs(r["value"]) < 0.5 and r["ceiling"] is not None and 0 < r["ceiling"] <= 1


def test_exact_group_test_can_succeed_at_four_per_group():
    planted = {f"c{i}": 1.0 + 0.1 * i for i in range(4)} | {f"i{i}": -1.0 - 0.1 * i for i in range(4)}
    labels = {m: "coherent" if m.startswith("c") else "inverted" for m in planted}
    t = exact_group_test(planted, labels)
    assert (t["testable"] and t["n_labellings"] == 70 and t["p_value"] == pytest.approx(2 / 70)
            and t["min_p"] == pytest.approx(2 / 70))
    assert t["organisms_per_group_needed"] == 4
    rng = np.random.default_rng(8)
    random = {m: float(rng.standard_normal()) for m in planted}
    assert exact_group_test(random, labels)["p_value"] > 0.05
    small = exact_group_test({"a": 1.0, "b": 2.0, "c": -1.0, "d": -2.0},
                             {"a": "coherent", "b": "coherent", "c": "inverted", "d": "inverted"})
    assert small["min_p"] == pytest.approx(1 / 3)
    three = exact_group_test({f"m{i}": float(i) for i in range(6)},
                             {f"m{i}": ("coherent" if i < 3 else "inverted") for i in range(6)})
    assert three["min_p"] == pytest.approx(0.1)
    strat = exact_group_test(planted, labels, strata={m: m[1] for m in planted})  # c0 and i0 share a domain, ...
    assert strat["n_labellings"] == 16 and strat["method"].endswith("within strata")
    assert not exact_group_test({"c0": 1.0}, {"c0": "coherent"})["testable"]


def test_transfer_is_tested_on_held_out_questions():
    rng = np.random.default_rng(9)
    shared = unit(rng.standard_normal(32))
    a = answers(rng, dim=32, harm=shared, strength=3.0, per_q=12)[:3]
    b = answers(rng, dim=32, harm=shared, strength=3.0, per_q=12)[:3]
    c = answers(rng, dim=32, strength=3.0, per_q=12)[:3]  # its own, unrelated direction
    m = transfer_matrix({"a": a, "b": b, "c": c})
    assert m["a"]["b"] > 0.75 and m["a"]["a"] is None and m["a"]["c"] < m["a"]["b"] - 0.15


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
    y = rng.integers(0, 2, 400)
    x = rng.standard_normal((400, 40)) + np.outer(y, unit(rng.standard_normal(40)))
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
        ref = make_pipeline(StandardScaler(),
                            LogisticRegression(C=c, max_iter=500)).fit(x[train], y[train]).decision_function(x[test])
        assert np.abs(ours - ref).max() < 0.01 * np.abs(ref).max() + 1e-3
        fixed = fit_cv_models(x, [(train, y)], CS, fixed_c=[c])[0].decision(x[test])  # the permutation path
        assert np.abs(fixed - ref).max() < 0.01 * np.abs(ref).max() + 1e-3
