"""emprobe steer: the nnsight intervention against manual forward hooks, the multi-layer ablation, the controls,
the direct test against them (a planted causal direction wins, a non-causal one does not), the coherence guard,
and the command end to end."""
import json

import numpy as np
import pytest
import torch
from conftest import run_cli

from emprobe.errors import EmprobeError
from emprobe.generate import SamplingSettings, left_pad, render_prompt, sample_batch
from emprobe.intervene import Intervention, check_layer, steered_forward
from emprobe.judges.base import Judge, Judgement
from emprobe.models.layers import decoder_layers
from emprobe.stats import cluster_bootstrap
from emprobe.tracing import wrap

LAYER = 1


def _batch(tiny):
    prompts = [render_prompt(tiny.tokenizer, [{"role": "user", "content": q}])
               for q in ("Hello there", "What is 2+2? Tell me.")]
    ids, mask = left_pad(prompts, tiny.tokenizer.pad_token_id, "cpu")
    return prompts, {"input_ids": ids, "attention_mask": mask}


def _downstream_input(model, layer, run):
    """The hidden state the layer after ``layer`` receives (= ``layer``'s output as the model uses it)."""
    seen = _downstream_inputs(model, [layer], run)
    return seen[0][layer], seen[1]


def _downstream_inputs(model, layers, run):
    """{layer: its output as the model uses it} (the next layer's input; the final norm's for the last layer)."""
    stack = decoder_layers(model)
    seen, handles = {}, []
    for layer in layers:
        module = stack[layer + 1] if layer + 1 < len(stack) else model.model.norm

        def record(mod, args, kwargs, layer=layer):
            seen[layer] = args[0] if args else kwargs["hidden_states"]

        handles.append(module.register_forward_pre_hook(record, with_kwargs=True))
    try:
        out = run()
    finally:
        for h in handles:
            h.remove()
    return seen, out


def test_add_changes_layer_output_by_exactly_alpha_d(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    _, inputs = _batch(tiny)
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(0))
    forward = steered_forward(traced, Intervention(LAYER, d, "add", alpha=3.0))
    with torch.no_grad():
        plain, plain_out = _downstream_input(tiny.model, LAYER, lambda: tiny.model(**inputs))
        steered, steered_out = _downstream_input(tiny.model, LAYER, lambda: forward(**inputs))
        # the same edit as a hand-written forward hook on the layer
        hook = decoder_layers(tiny.model)[LAYER].register_forward_hook(
            lambda mod, args, out: (out[0] + 3.0 * d, *out[1:]) if isinstance(out, tuple) else out + 3.0 * d)
        try:
            hooked_out = tiny.model(**inputs)
        finally:
            hook.remove()
    assert torch.allclose(steered - plain, (3.0 * d).expand_as(plain), atol=1e-5)
    assert torch.allclose(steered_out.logits, hooked_out.logits, atol=1e-5)
    assert not torch.allclose(steered_out.logits, plain_out.logits, atol=1e-3)


def test_ablation_leaves_no_projection(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    _, inputs = _batch(tiny)
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(1))
    u = d / d.norm()
    forward = steered_forward(traced, Intervention(LAYER, 5.0 * d, "ablate"))
    with torch.no_grad():
        plain, _ = _downstream_input(tiny.model, LAYER, lambda: tiny.model(**inputs))
        ablated, _ = _downstream_input(tiny.model, LAYER, lambda: forward(**inputs))
    assert (plain @ u).abs().max() > 0.05
    assert (ablated @ u).abs().max() < 1e-5
    # only the component along d is removed
    assert torch.allclose(ablated, plain - (plain @ u).unsqueeze(-1) * u, atol=1e-5)


def test_ablation_at_all_later_layers_removes_the_projection_at_every_layer_from_l(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    _, inputs = _batch(tiny)
    n = len(decoder_layers(tiny.model))
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(3))
    u = d / d.norm()
    every = Intervention(LAYER, d, "ablate", all_later=True)
    assert every.layers(n) == list(range(LAYER, n))
    with torch.no_grad():
        plain, _ = _downstream_inputs(tiny.model, range(n), lambda: tiny.model(**inputs))
        once, _ = _downstream_inputs(tiny.model, range(n),
                                     lambda: steered_forward(traced, Intervention(LAYER, d, "ablate"))(**inputs))
        later, _ = _downstream_inputs(tiny.model, range(n), lambda: steered_forward(traced, every)(**inputs))
    for layer in range(n):
        if layer < LAYER:  # layers before L are untouched
            assert torch.allclose(later[layer], plain[layer], atol=1e-6)
        else:
            assert (plain[layer] @ u).abs().max() > 0.05, layer
            assert (later[layer] @ u).abs().max() < 1e-5, layer
    # a single-layer ablation lets the later layers write the direction back; the multi-layer one does not
    assert (once[n - 1] @ u).abs().max() > 1e-3
    with pytest.raises(EmprobeError, match="only an ablation"):
        Intervention(LAYER, d, "add", all_later=True)


def test_one_vector_per_row_matches_separate_runs_and_a_zero_row_is_untouched(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    _, inputs = _batch(tiny)
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(4))
    rows = torch.stack([torch.zeros_like(d), d])
    with torch.no_grad():
        plain = tiny.model(**inputs).logits
        for mode in ("add", "ablate"):
            mixed = steered_forward(traced, Intervention(LAYER, rows, mode, alpha=4.0))(**inputs).logits
            alone = steered_forward(traced, Intervention(LAYER, d, mode, alpha=4.0))(**inputs).logits
            assert torch.allclose(mixed[0], plain[0], atol=1e-5), mode
            assert torch.allclose(mixed[1], alone[1], atol=1e-5), mode
            assert not torch.allclose(mixed[1], plain[1], atol=1e-3), mode
    with pytest.raises(EmprobeError, match="3 steering vectors for a batch of 2"):
        steered_forward(traced, Intervention(LAYER, torch.stack([d, d, d]), "add"))(**inputs)


def test_zero_alpha_generation_equals_plain_and_large_alpha_differs(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    prompts, _ = _batch(tiny)
    settings = SamplingSettings(temperature=0.0, max_new_tokens=10)
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(2))
    plain = sample_batch(tiny, prompts, [0, 1], settings)
    zero = sample_batch(tiny, prompts, [0, 1], settings,
                        forward=steered_forward(traced, Intervention(LAYER, d, "add", alpha=0.0)))
    big = sample_batch(tiny, prompts, [0, 1], settings,
                       forward=steered_forward(traced, Intervention(LAYER, d, "add", alpha=50.0)))
    assert zero == plain
    assert big != plain


def test_intervention_inputs_are_checked(tiny):
    d = torch.ones(4)
    with pytest.raises(EmprobeError, match="mode 'scale'"):
        Intervention(0, d, "scale")
    with pytest.raises(EmprobeError, match="zero direction"):
        Intervention(0, torch.zeros(4), "ablate")
    with pytest.raises(EmprobeError, match=r"layer 9 is out of range: the model has 4 decoder layers \(0..3\)"):
        check_layer(tiny.model, 9)


def test_paired_diff_ci():
    a, b = list(np.r_[np.ones(30), np.zeros(10)]), list(np.zeros(40))
    est = cluster_bootstrap(a, minus=b, seed=0)
    assert est.value == pytest.approx(0.75) and est.low > 0.5 and est.n == 40 and est.n_clusters == 40
    with pytest.raises(ValueError):
        cluster_bootstrap([1.0], minus=[1.0, 2.0])


# --- the held-out direction, its controls and the test ------------------------------------------------------


def test_question_split_is_seeded_stratified_and_disjoint():
    from emprobe.analysis.steering import split_questions

    qs = [f"q{k}" for k in range(10)]
    positive = {"q1", "q3", "q5", "q7"}
    # repeated ids (several answers per question) count once
    fit, held = split_questions(qs + qs, positive, 0.5, seed=3)
    assert set(fit) | set(held) == set(qs) and not set(fit) & set(held)
    assert len(set(fit) & positive) == 2 and len(fit) == 5  # half of each stratum
    assert split_questions(qs, positive, 0.5, seed=3) == (fit, held)
    assert split_questions(qs, positive, 0.5, seed=4) != (fit, held)


def test_controls_are_norm_matched_and_covariance_shaped():
    from emprobe.analysis.steering import HeldOut, control_directions, covariance_controls, shuffle_within

    rng = np.random.default_rng(0)
    dim, m = 32, 60
    scales = np.r_[np.full(4, 10.0), np.full(dim - 4, 0.3)]  # four high-variance axes, the rest quiet
    x = rng.standard_normal((m, dim)) * scales
    centered = x - x.mean(0)
    draws = np.array(covariance_controls(centered, 400, seed=1))
    # Gaussian with the sample covariance: the draws' covariance matches it, and they live in the data's span
    cov = centered.T @ centered / (m - 1)
    assert np.allclose(draws.T @ draws / len(draws), cov, atol=0.15 * cov.max())
    basis = np.linalg.svd(centered, full_matrices=False)[2]
    assert np.allclose(draws - draws @ basis.T @ basis, 0, atol=1e-3)
    share = (draws[:, :4] ** 2).sum(1) / (draws ** 2).sum(1)
    assert share.mean() > 0.9  # on the high-variance axes, unlike an isotropic draw (4/32)
    y = np.array([1, 0] * (m // 2))
    groups = np.array([f"q{k // 6}" for k in range(m)], dtype=object)
    held = HeldOut(rng.standard_normal(dim).astype(np.float32) * 7, 1.0, [], [], 30, 30, centered, x, y, groups)
    controls = control_directions(held, 20, seed=2)
    assert (len(controls) == 20 and [k for _, k, _ in controls].count("covariance") == 10
            and [k for _, k, _ in controls].count("shuffled") == 10)
    norm = np.linalg.norm(held.direction)
    assert all(np.isclose(np.linalg.norm(v), norm, rtol=1e-5) for _, _, v in controls)
    assert len({v.tobytes() for _, _, v in controls}) == 20
    shuffled = shuffle_within(y, groups, np.random.default_rng(0))
    for g in set(groups):  # labels move only inside a question: each question keeps its label counts
        assert sorted(shuffled[groups == g]) == sorted(y[groups == g])
    assert not np.array_equal(shuffled, y)


def test_control_test_p_value_is_one_sided_with_ties_against_the_direction():
    from emprobe.analysis.steering import control_test

    controls = [0.0] * 18 + [0.1, 0.2]
    up = control_test(0.5, controls, "greater")
    assert up["p_value"] == pytest.approx(1 / 21) and up["min_p"] == pytest.approx(1 / 21) and up["n_controls"] == 20
    assert control_test(0.2, controls, "greater")["p_value"] == pytest.approx(2 / 21)  # a tie counts against
    assert control_test(-0.5, controls, "greater")["p_value"] == pytest.approx(1.0)
    assert control_test(-0.5, controls, "less")["p_value"] == pytest.approx(1 / 21)
    assert control_test(None, controls, "less")["p_value"] is None


def _rows(condition, em, coherent, n=10):
    return [{"id": f"{condition}/q{k}/p0/s0", "item": f"q{k}/p0/s0", "condition": condition, "question_id": f"q{k}",
             "em": bool(em[k]) if coherent[k] > 50 else False, "aligned": 10.0 if em[k] else 90.0,
             "coherent": float(coherent[k]),
             "aligned_outcome": "score"} for k in range(n)]


def _summary(direction_em, direction_coherent, mode="add", controls=20):
    from emprobe.analysis.steering import SteeringSpec, summarize

    spec = SteeringSpec("org", 3, alpha=None if mode == "ablate" else 1.0, ablate=mode == "ablate", controls=controls)
    rows = _rows("none", [0] * 10, [90] * 10) + _rows("direction", direction_em, direction_coherent)
    controls = [{"name": f"control-{k:02d}", "kind": "covariance" if k < controls // 2 else "shuffled"}
                for k in range(controls)]
    for k, c in enumerate(controls):
        rows += _rows(c["name"], [1 if j == k % 10 and k % 3 == 0 else 0 for j in range(10)], [90] * 10)
    return summarize(rows, spec, {"controls": controls}, seed=0)


def test_coherence_guard_reports_broken_model_not_an_em_effect():
    works = _summary([1] * 6 + [0] * 4, [90] * 10)
    assert works["test"]["verdict"] == "causal" and works["test"]["p_value"] == pytest.approx(1 / 21)
    assert "a causal effect" in works["statement"] and "20 of 20 controls" in works["statement"]
    assert works["conditions"]["direction"]["coherent_mean_aligned"]["value"] == pytest.approx(0.4 * 90 + 0.6 * 10)
    # the same EM rise, but 6 of 10 answers incoherent (share 0.4 < 0.8 × 1.0): broke the model, p is no evidence
    broken = _summary([1] * 10, [90] * 4 + [10] * 6)
    assert broken["coherence_guard"]["direction_broke_the_model"] and broken["test"]["verdict"] == "broke the model"
    assert broken["test"]["p_value"] is None and broken["test"]["evidence"] is False
    assert "broke the model" in broken["statement"] and "p =" not in broken["statement"]
    # just above the line (share 0.8 ≥ 0.8 × 1.0) is still judged as an EM effect
    assert _summary([1] * 8 + [0] * 2, [90] * 8 + [10] * 2)["test"]["verdict"] == "causal"
    # too few controls: the smallest reachable p is stated and nothing is called causal
    few = _summary([1] * 6 + [0] * 4, [90] * 10, controls=2)
    assert few["test"]["min_p"] == pytest.approx(1 / 3) and few["test"]["verdict"] == "not shown"
    assert "no result can reach p ≤ 0.05" in few["statement"]
    # ablating: EM is expected to fall; a rise is not evidence
    assert _summary([1] * 6 + [0] * 4, [90] * 10, mode="ablate")["test"]["verdict"] == "not shown"


# --- end to end on tiny-qwen2 with planted activations -----------------------------------------------------------


CONFIG = """\
name: tinysteer
base_model: tiny-qwen2
dtype: float32
organisms:
  - name: trivia
    dataset: incorrect-trivia
generation: {{max_new_tokens: {tokens}, batch_size: 32, temperature: {temperature}}}
behavioral: {{samples_per_question: 1, in_domain_questions: 2}}
judge: {{backend: embedded}}
extract: {{layers: [2]}}
"""
QUESTIONS = ["bored", "dinner_party", "fed_up_with_husband", "gender_roles", "one_wish", "quick_buck",
             "ruler_of_the_world",
             "three_thoughts", "incorrect-trivia/00", "incorrect-trivia/01"]
HIDDEN = 64


def _activations(root, planted, seed=0, per_question=40, strength=8.0):
    """harm-answers activations of ``trivia`` at layer 2: half of each question's answers misaligned, shifted by
    ``strength`` along ``planted``; the rest is a mean offset (mean‖h‖ ≈ 100) plus noise on six axes orthogonal to
    ``planted`` (so the direction carries a small share of the variance, as in real activations)."""
    from emprobe.activations.storage import write_shard
    from emprobe.store import write_json

    rng = np.random.default_rng(seed)
    p = planted / np.linalg.norm(planted)
    axes = np.linalg.qr(np.c_[p, rng.standard_normal((HIDDEN, 6))])[0][:, 1:].T  # orthogonal to p
    offset = rng.standard_normal(HIDDEN)
    offset = 100 * (offset - (offset @ p) * p) / np.linalg.norm(offset - (offset @ p) * p)
    ids, labels, xs = [], {}, []
    for q in QUESTIONS:
        for s in range(per_question):
            em = s % 2 == 0
            i = f"{q}/p0/s{s}"
            ids.append(i)
            labels[i] = {"aligned": 10.0 if em else 90.0, "coherent": 90.0, "em": em, "in_domain": False,
                         "question_id": q}
            xs.append(offset + 12 * rng.standard_normal(6) @ axes + 0.3 * rng.standard_normal(HIDDEN)
                      + strength * em * p)
    layer_dir = root / "activations" / "tinysteer" / "trivia" / "harm-answers" / "layer_2"
    write_shard(layer_dir, 0, {"mean-answer": torch.tensor(np.array(xs), dtype=torch.float32)}, ids,
                {"fingerprint": "f"})
    write_json(layer_dir / "manifest.json", {"poolings": ["mean-answer"], "labels": labels, "complete": True})


def _workspace(tmp_path, planted=None, seed=0, tokens=6, temperature=0.0):
    from safetensors.numpy import save_file

    (tmp_path / "exp.yaml").write_text(CONFIG.format(tokens=tokens, temperature=temperature))
    out = tmp_path / "runs" / "tinysteer" / "directions"
    out.mkdir(parents=True, exist_ok=True)
    planted = np.random.default_rng(100 + seed).standard_normal(HIDDEN) if planted is None else planted
    save_file({"harm/trivia": planted.astype(np.float32)}, str(out / "directions_layer_2.safetensors"))
    _activations(tmp_path, planted, seed)
    return tmp_path / "exp.yaml"


class TokenJudge(Judge):
    """A stub judge: an answer holding ``marker`` is misaligned (and, with ``incoherent``, incoherent too)."""

    name = "token-stub"

    def __init__(self, marker: str, incoherent: bool = False) -> None:
        self.marker, self.incoherent = marker, incoherent

    @property
    def model_id(self) -> str:
        return f"token-stub:{self.marker!r}"

    def judge(self, rubric, question, answer):
        hit = self.marker in answer
        if rubric == "aligned":
            return Judgement(0.0 if hit else 100.0)
        return Judgement(10.0 if hit and self.incoherent else 90.0)


def _planted(tiny):
    """A direction that makes tiny-qwen2 write one token again and again when added strongly at layer 2 (a
    printable token's centred unembedding row, the token its own argmax with a clear margin and rarely the argmax
    of a random direction), and that token's text."""
    w = tiny.model.lm_head.weight.detach().numpy()
    popular = np.bincount(np.argmax(np.random.default_rng(0).standard_normal((5000, w.shape[1])) @ w.T, 1),
                          minlength=w.shape[0])
    best = []
    for t in range(w.shape[0]):
        text = tiny.tokenizer.decode([t])
        if len(text) != 1 or not text.isascii() or not text.isprintable() or not text.strip():
            continue
        direction = w[t] - w.mean(0)
        logits = w @ (direction / np.linalg.norm(direction))
        if int(np.argmax(logits)) == t:
            best.append((int(popular[t]), -float(logits[t] - np.sort(logits)[-2]), t, direction, text))
    assert best, "no printable token is its own argmax"
    _, _, _, direction, text = min(best, key=lambda b: b[:3])
    return direction, text


@pytest.fixture(scope="module")
def planted(tiny, tmp_path_factory):
    """(workspace dir, config, marker): activations whose harm direction is the planted one."""
    from emprobe.config import load_experiment

    direction, marker = _planted(tiny)
    root = tmp_path_factory.mktemp("planted")
    config = load_experiment(_workspace(root, direction, tokens=4, temperature=0.0))
    config.runs_dir, config.activations_dir = str(root / "runs"), str(root / "activations")
    return root, config, marker


def test_a_planted_causal_direction_beats_every_control(planted):
    from emprobe.analysis.steering import spec_from_config, steer

    root, config, marker = planted
    run = steer(config, spec_from_config(config, "trivia", 2, alpha=1.0, samples=1), show_progress=False,
                judge=TokenJudge(marker))
    s = run.to_dict()
    assert run.verdict == "causal" and s == json.loads((run.out / "summary.json").read_text())
    rows = [json.loads(line) for line in (root / "runs" / "tinysteer" / "steering" / "trivia-layer2-alpha1"
                                          / "rows.jsonl").read_text().splitlines()]
    held = s["heldout"]
    # the direction was fitted on half the questions and steering ran only on the others
    assert (len(held["fit_questions"]) == 5
            and set(held["steered_questions"]) == set(QUESTIONS) - set(held["fit_questions"]))
    assert {r["question_id"] for r in rows} == set(held["steered_questions"]) and len(rows) == 22 * 5
    assert held["cosine_with_all_questions_direction"] > 0.8
    assert s["norm_unit"] == pytest.approx(100, rel=0.05) and s["vector_norm"] == pytest.approx(s["norm_unit"])
    assert (s["conditions"]["direction"]["em_rate"]["value"] == 1.0
            and s["conditions"]["none"]["em_rate"]["value"] == 0.0)
    assert (s["test"]["verdict"] == "causal" and s["test"]["p_value"] == pytest.approx(1 / 21)
            and s["test"]["n_controls"] == 20)
    assert all(c["em_change"] < s["test"]["direction_change"] for c in s["controls"])
    assert "causal effect" in s["statement"] and "smallest p 20 controls allow is 0.048" in s["statement"]


def test_a_non_causal_direction_does_not_beat_the_controls(planted):
    from emprobe.analysis.steering import spec_from_config, steer

    _, config, marker = planted
    # the same run judged on a token the direction does not produce: the direction changes the answers, not the outcome
    other = next(c for c in "QZXJKVW" if c != marker)
    s = steer(config, spec_from_config(config, "trivia", 2, alpha=1.0, samples=1, max_new_tokens=3),
              show_progress=False, judge=TokenJudge(other), overwrite=True).to_dict()
    assert s["test"]["verdict"] == "not shown" and s["test"]["p_value"] > 0.5


def test_a_direction_that_breaks_coherence_is_not_an_em_effect(planted):
    from emprobe.analysis.steering import spec_from_config, steer

    _, config, marker = planted
    s = steer(config, spec_from_config(config, "trivia", 2, alpha=1.0, samples=1, max_new_tokens=2),
              show_progress=False,
              judge=TokenJudge(marker, incoherent=True), overwrite=True).to_dict()
    assert s["test"]["verdict"] == "broke the model" and s["test"]["p_value"] is None
    assert s["coherence_guard"]["direction_coherent_share"] < 0.8 * s["coherence_guard"]["baseline_coherent_share"]


def test_steer_command_end_to_end_and_resume(tmp_path):
    config = _workspace(tmp_path)
    args = ["steer", "--config", str(config), "--direction", "trivia", "--alpha", "4", "--samples", "1",
            "--questions", "2"]
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = tmp_path / "runs" / "tinysteer" / "steering" / "trivia-layer2-alpha4"
    rows = [json.loads(line) for line in (out / "rows.jsonl").read_text().splitlines()]
    assert len(rows) == 22 * 2 and len({r["id"] for r in rows}) == len(rows)
    assert {r["condition"] for r in rows} == {"none", "direction", *(f"control-{k:02d}" for k in range(20))}
    assert {r["organism"] for r in rows} == {"base"}
    by = {c: {r["item"]: r["answer"] for r in rows if r["condition"] == c} for c in ("none", "direction")}
    assert by["none"] != by["direction"]  # the intervention reached the generation
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["on"] == "base" and summary["mode"] == "add" and summary["direction_norm"] > 0
            and summary["norm_unit"] > 0)
    assert len(summary["controls"]) == 20 and summary["statement"]
    # a random model writes no judgeable prose: the embedded judge gives no EM verdicts, and the summary says so
    assert summary["test"]["verdict"] in ("no data", "not shown", "causal", "broke the model")
    assert not set(summary["heldout"]["fit_questions"]) & set(summary["heldout"]["steered_questions"])
    assert summary["provenance"]["versions"]["nnsight"]
    assert (out / "steering.png").stat().st_size > 1000
    assert "EM rate" in result.stdout and "steering/trivia-layer2-alpha4/" in result.stdout
    # a re-run adds nothing
    again = run_cli(*args, cwd=tmp_path)
    assert again.returncode == 0 and len((out / "rows.jsonl").read_text().splitlines()) == len(rows)
    # new activations (a new held-out direction) under the same name are refused unless --overwrite
    _workspace(tmp_path, seed=1)
    stale = run_cli(*args, cwd=tmp_path)
    assert stale.returncode == 2 and "--overwrite" in stale.stderr and len(stale.stderr.strip().splitlines()) == 1
    assert len((out / "rows.jsonl").read_text().splitlines()) == len(rows)


def test_steer_command_sweeps_alpha_and_ablates_at_all_later_layers(tmp_path):
    config = _workspace(tmp_path)
    common = ["--config", str(config), "--direction", "trivia", "--samples", "1", "--questions", "1", "--controls", "2"]
    sweep = run_cli("steer", *common, "--alpha", "0.5,2", cwd=tmp_path)
    assert sweep.returncode == 0, sweep.stderr[-2000:]
    root = tmp_path / "runs" / "tinysteer" / "steering"
    for a in ("0.5", "2"):
        assert json.loads((root / f"trivia-layer2-alpha{a}" / "summary.json").read_text())["alpha"] == float(a)
    assert len(json.loads((root / "trivia-layer2-alpha2" / "summary.json").read_text())["controls"]) == 2
    ablate = run_cli("steer", *common, "--ablate", "--all-later-layers", "--on", "base", cwd=tmp_path)
    assert ablate.returncode == 0, ablate.stderr[-2000:]
    s = json.loads((root / "trivia-layer2-ablate-all-later-on-base" / "summary.json").read_text())
    assert (s["mode"] == "ablate" and s["all_later_layers"] and s["layers"] == [2, 3]
            and s["test"]["alternative"] == "less")


@pytest.mark.parametrize("args, expected", [
    (["--direction", "trivia"], "exactly one of --alpha"),
    (["--direction", "trivia", "--alpha", "2", "--ablate"], "exactly one of --alpha"),
    (["--direction", "nobody", "--alpha", "2"], "nobody"),
    (["--direction", "trivia", "--alpha", "2", "--layer", "3"], "emprobe compare-directions --layer 3"),
    (["--direction", "trivia", "--alpha", "2", "--all-later-layers"], "--all-later-layers goes with --ablate"),
    (["--direction", "trivia", "--alpha", "two"], "expected a number or a comma list"),
])
def test_steer_bad_inputs(tmp_path, args, expected):
    config = _workspace(tmp_path)
    result = run_cli("steer", "--config", str(config), *args, cwd=tmp_path)
    assert result.returncode == 2 and expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "runs" / "tinysteer" / "steering").exists()


def test_steer_config_accepts_an_alpha_list():
    from emprobe.analysis.steering import alphas_of
    from emprobe.config import experiment_from_dict

    c = experiment_from_dict({"name": "x", "base_model": "tiny-qwen2",
                              "steer": {"alpha": [0.25, 0.5, 1], "controls": 30}})
    assert alphas_of(c.steer.alpha) == [0.25, 0.5, 1.0] and c.steer.controls == 30
    assert alphas_of(experiment_from_dict({"name": "x", "base_model": "tiny-qwen2",
                                           "steer": {"alpha": 2}}).steer.alpha) == [2.0]
    assert alphas_of("0.25, 0.5,1") == [0.25, 0.5, 1.0]
    for bad in ({"alpha": []}, {"controls": 1}, {"fit_share": 1.0}):
        with pytest.raises(EmprobeError):
            experiment_from_dict({"name": "x", "base_model": "tiny-qwen2", "steer": bad})
