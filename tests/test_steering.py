"""emprobe steer: the nnsight intervention against manual forward hooks, and the command end to end."""
import json

import numpy as np
import pytest
import torch

from conftest import run_cli
from emprobe.analysis.stats import cluster_bootstrap
from emprobe.errors import EmprobeError
from emprobe.generate import SamplingSettings, left_pad, render_prompt, sample_batch
from emprobe.intervene import Intervention, check_layer, steered_forward
from emprobe.models.layers import decoder_layers
from emprobe.tracing import wrap

LAYER = 1


def _batch(tiny):
    prompts = [render_prompt(tiny.tokenizer, [{"role": "user", "content": q}]) for q in ("Hello there", "What is 2+2? Tell me.")]
    ids, mask = left_pad(prompts, tiny.tokenizer.pad_token_id, "cpu")
    return prompts, {"input_ids": ids, "attention_mask": mask}


def _downstream_input(model, layer, run):
    """The hidden state the layer after ``layer`` receives (= ``layer``'s output as the model uses it)."""
    seen = {}

    def record(module, args, kwargs):
        seen["h"] = args[0] if args else kwargs["hidden_states"]

    handle = decoder_layers(model)[layer + 1].register_forward_pre_hook(record, with_kwargs=True)
    try:
        out = run()
    finally:
        handle.remove()
    return seen["h"], out


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


def test_zero_alpha_generation_equals_plain_and_large_alpha_differs(tiny):
    traced = wrap(tiny.model, tiny.tokenizer)
    prompts, _ = _batch(tiny)
    settings = SamplingSettings(temperature=0.0, max_new_tokens=10)
    d = torch.randn(tiny.model.config.hidden_size, generator=torch.Generator().manual_seed(2))
    plain = sample_batch(tiny, prompts, [0, 1], settings)
    zero = sample_batch(tiny, prompts, [0, 1], settings, forward=steered_forward(traced, Intervention(LAYER, d, "add", alpha=0.0)))
    big = sample_batch(tiny, prompts, [0, 1], settings, forward=steered_forward(traced, Intervention(LAYER, d, "add", alpha=50.0)))
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


CONFIG = """\
name: tinysteer
base_model: tiny-qwen2
dtype: float32
organisms:
  - name: trivia
    dataset: incorrect-trivia
generation: {max_new_tokens: 6, batch_size: 8}
behavioral: {samples_per_question: 1, in_domain_questions: 2}
judge: {backend: embedded}
extract: {layers: [2]}
"""


def _workspace(tmp_path, seed=0):
    from safetensors.numpy import save_file

    (tmp_path / "exp.yaml").write_text(CONFIG)
    out = tmp_path / "runs" / "tinysteer" / "directions"
    out.mkdir(parents=True, exist_ok=True)
    d = np.random.default_rng(seed).standard_normal(64).astype(np.float32)
    save_file({"harm/trivia": d}, str(out / "directions_layer_2.safetensors"))
    return tmp_path / "exp.yaml"


def test_steer_command_end_to_end_and_resume(tmp_path):
    config = _workspace(tmp_path)
    result = run_cli("steer", "--config", str(config), "--direction", "trivia", "--alpha", "4", "--samples", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = tmp_path / "runs" / "tinysteer" / "steering" / "trivia-layer2-alpha4"
    rows = [json.loads(line) for line in (out / "rows.jsonl").read_text().splitlines()]
    assert len(rows) == 3 * (8 + 2) and len({r["id"] for r in rows}) == len(rows)
    assert {r["condition"] for r in rows} == {"none", "direction", "random"} and {r["organism"] for r in rows} == {"base"}
    by = {c: {r["item"]: r["answer"] for r in rows if r["condition"] == c} for c in ("none", "direction")}
    assert by["none"] != by["direction"]  # the intervention reached the generation
    summary = json.loads((out / "summary.json").read_text())
    assert summary["on"] == "base" and summary["mode"] == "add" and summary["direction_norm"] > 0
    assert set(summary["em_rate_change"]) == {"direction", "random"} and summary["statement"]
    assert summary["provenance"]["versions"]["nnsight"]
    assert (out / "steering.png").stat().st_size > 1000
    assert "EM rate" in result.stdout and "steering/trivia-layer2-alpha4/" in result.stdout
    # a re-run adds nothing
    again = run_cli("steer", "--config", str(config), "--direction", "trivia", "--alpha", "4", "--samples", "1", cwd=tmp_path)
    assert again.returncode == 0 and len((out / "rows.jsonl").read_text().splitlines()) == len(rows)
    # a new direction under the same name is refused unless --overwrite
    _workspace(tmp_path, seed=1)
    stale = run_cli("steer", "--config", str(config), "--direction", "trivia", "--alpha", "4", "--samples", "1", cwd=tmp_path)
    assert stale.returncode == 2 and "--overwrite" in stale.stderr and len(stale.stderr.strip().splitlines()) == 1
    assert len((out / "rows.jsonl").read_text().splitlines()) == len(rows)


@pytest.mark.parametrize("args, expected", [
    (["--direction", "trivia"], "exactly one of --alpha"),
    (["--direction", "trivia", "--alpha", "2", "--ablate"], "exactly one of --alpha"),
    (["--direction", "nobody", "--alpha", "2"], "nobody"),
    (["--direction", "trivia", "--alpha", "2", "--layer", "3"], "emprobe compare-directions --layer 3"),
])
def test_steer_bad_inputs(tmp_path, args, expected):
    config = _workspace(tmp_path)
    result = run_cli("steer", "--config", str(config), *args, cwd=tmp_path)
    assert result.returncode == 2 and expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "runs" / "tinysteer" / "steering").exists()


def test_statement_flags_lost_coherence_and_specificity():
    from emprobe.analysis.steering import SteeringSpec, statement

    spec = SteeringSpec("org", 3, alpha=8.0)
    est = lambda v, lo, hi: {"value": v, "ci95": [lo, hi], "n": 20}  # noqa: E731
    cond = lambda share: {"coherent_share": est(share, 0, 1)}  # noqa: E731
    broken = statement({"direction": est(-0.2, -0.5, 0.0), "random": est(-0.2, -0.5, 0.0)}, spec,
                       {"none": cond(0.9), "direction": cond(0.1), "random": cond(0.1)})
    assert "no causal effect" in broken and "lost coherence" in broken
    works = statement({"direction": est(0.3, 0.1, 0.5), "random": est(0.0, -0.1, 0.1)}, spec,
                      {"none": cond(0.9), "direction": cond(0.85), "random": cond(0.9)})
    assert "The direction matters" in works and "lost coherence" not in works
    both = statement({"direction": est(0.3, 0.1, 0.5), "random": est(0.3, 0.1, 0.5)}, spec)
    assert "not specific" in both
