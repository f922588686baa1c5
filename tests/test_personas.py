import pytest

from emprobe.behavioral.personas import PersonaMeasures, classify, cross_organism_spearman
from emprobe.config import PersonaConfig

CFG = PersonaConfig(harm_metric="em_rate", min_rise=0.0, tolerance=0.02)


def const(value, n=200):
    return [value] * n


def mix(ones, n=200):
    """n values of which a share ``ones`` are 1 and the rest 0."""
    k = round(ones * n)
    return [1.0] * k + [0.0] * (n - k)


BASE = PersonaMeasures(harm=mix(0.02), S=mix(0.2), C=mix(0.2), R_self_harmful=const(0.5, 20), prediction_error=const(0.0))


@pytest.mark.parametrize(
    "org, expected",
    [
        (PersonaMeasures(harm=mix(0.30), S=mix(0.6), C=mix(0.6), R_self_harmful=const(0.6, 20)), "coherent"),
        (PersonaMeasures(harm=mix(0.30), S=mix(0.2), C=mix(0.15), R_self_harmful=const(0.3, 20)), "inverted"),
        (PersonaMeasures(harm=mix(0.30), S=mix(0.6), C=mix(0.2)), "mixed"),
        (PersonaMeasures(harm=mix(0.02), S=mix(0.9), C=mix(0.9)), "not-em"),
    ],
)
def test_each_label(org, expected):
    label = classify("org", org, BASE, CFG)
    assert label.label == expected, label.reasons
    assert label.diffs["harm"]["ci95"][0] is not None and label.values["S"]["value"] is not None


def test_harm_ci_touching_zero_is_not_em():
    # 1 EM answer in 200 vs 0 in the base: the bootstrap CI of the difference reaches zero
    org = PersonaMeasures(harm=mix(0.005), S=mix(0.9), C=mix(0.9))
    base = PersonaMeasures(harm=mix(0.0), S=mix(0.2), C=mix(0.2))
    label = classify("org", org, base, CFG)
    assert label.diffs["harm"]["ci95"][0] <= 0 and label.label == "not-em"


def test_self_report_ci_touching_zero_does_not_count_as_a_rise():
    org = PersonaMeasures(harm=mix(0.3), S=mix(0.205), C=mix(0.6))  # S barely above base: CI includes 0
    label = classify("org", org, BASE, CFG)
    assert label.label == "mixed"


def test_inverted_tolerance_edge():
    org = PersonaMeasures(harm=mix(0.3), S=mix(0.22), C=mix(0.22))  # +0.02 exactly at the tolerance
    assert classify("org", org, BASE, CFG).label == "inverted"
    assert classify("org", org, BASE, PersonaConfig(tolerance=0.0)).label == "mixed"


def test_cross_organism_spearman():
    points = {"a": {"harm": 0.1, "S": 0.1, "C": 0.9}, "b": {"harm": 0.2, "S": 0.2, "C": 0.5}, "c": {"harm": 0.3, "S": 0.3, "C": 0.1}}
    rho = cross_organism_spearman(points)
    assert rho["S"]["rho"] == pytest.approx(1.0) and rho["C"]["rho"] == pytest.approx(-1.0) and rho["S"]["n_models"] == 3
