"""The public Python API: every name in ``emprobe.__all__`` resolves (lazily: ``import emprobe`` loads no torch),
and the :class:`~emprobe.direction.Direction` value saves, loads and applies the same edit ``emprobe steer`` runs."""
import subprocess
import sys

import numpy as np
import pytest
import torch

import emprobe
from emprobe.config import load_experiment
from emprobe.direction import Direction
from emprobe.errors import EmprobeError
from emprobe.intervene import steered_forward
from emprobe.tracing import wrap


def test_every_public_name_resolves_and_import_is_light():
    assert len(emprobe.__all__) == len(set(emprobe.__all__))
    for name in emprobe.__all__:
        assert getattr(emprobe, name) is not None, name
    code = "import sys, emprobe; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]  # the CLI and `import emprobe` stay fast
    with pytest.raises(AttributeError):
        emprobe.no_such_name  # noqa: B018


def _inputs(tiny):
    tok = tiny.tokenizer
    return {k: v for k, v in tok(["The capital of France is", "Two plus two"], return_tensors="pt",
                                 padding=True).items()}


def _logits(model, inputs):
    with torch.no_grad():
        return model(**inputs).logits


@pytest.mark.parametrize("mode", ["add", "ablate", "ablate-all-later"])
def test_direction_hook_equals_the_nnsight_edit_steer_runs(tiny, mode):
    width = tiny.model.config.hidden_size
    d = Direction(np.random.default_rng(0).standard_normal(width).astype(np.float32), layer=1, name="r")
    inputs = _inputs(tiny)
    plain = _logits(tiny.model, inputs)
    if mode == "add":
        ctx, intervention = d.apply(tiny.model, alpha=3.0), d.intervention("add", 3.0)
    else:
        later = mode == "ablate-all-later"
        ctx, intervention = d.ablate(tiny.model, all_later=later), d.intervention("ablate", all_later=later)
    with ctx:
        hooked = _logits(tiny.model, inputs)
    nnsight_logits = steered_forward(wrap(tiny.model, tiny.tokenizer), intervention)(**inputs).logits
    np.testing.assert_allclose(hooked.numpy(), nnsight_logits.detach().numpy(), atol=1e-5)
    assert float((hooked - plain).abs().max()) > 1e-3  # the edit changes the output
    np.testing.assert_allclose(_logits(tiny.model, inputs).numpy(), plain.numpy(), atol=0)  # hooks are gone


def test_direction_hooks_are_removed_when_the_block_raises(tiny):
    d = Direction(np.ones(tiny.model.config.hidden_size, np.float32), layer=0)
    inputs = _inputs(tiny)
    plain = _logits(tiny.model, inputs)
    with pytest.raises(RuntimeError), d.apply(tiny.model, alpha=5.0):
        raise RuntimeError("user code failed")
    np.testing.assert_allclose(_logits(tiny.model, inputs).numpy(), plain.numpy(), atol=0)


def test_direction_save_load_and_bad_inputs(tiny, tmp_path):
    d = Direction(np.arange(1, 9, dtype=np.float32), layer=3, name="harm/x", meta={"organism": "x", "n": 4})
    back = Direction.load(d.save(tmp_path / "d.safetensors"))
    assert (back.layer, back.name, back.meta) == (3, "harm/x", {"organism": "x", "n": 4})
    np.testing.assert_array_equal(back.vector, d.vector)
    assert back.cosine(d) == pytest.approx(1.0)
    (tmp_path / "junk.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(EmprobeError, match="junk.safetensors: not a direction file"):
        Direction.load(tmp_path / "junk.safetensors")
    with pytest.raises(EmprobeError, match="not found"):
        Direction.load(tmp_path / "missing.safetensors")
    with pytest.raises(EmprobeError, match="finite 1-D vector"):
        Direction(np.array([1.0, np.nan]), layer=0)
    with pytest.raises(EmprobeError, match="hidden size .* != direction size 8"):
        with d.apply(tiny.model):
            pass
    width = tiny.model.config.hidden_size
    with pytest.raises(EmprobeError, match="layer 99 is out of range"):
        with Direction(np.ones(width, np.float32), layer=99).apply(tiny.model):
            pass


def test_direction_from_run_reads_what_compare_directions_wrote(tmp_path):
    from safetensors.numpy import save_file

    config = load_experiment("demo")
    config.runs_dir = str(tmp_path / "runs")
    path = config.layout.direction_file(5)
    path.parent.mkdir(parents=True)
    save_file({"harm/org": np.full(4, 2.0, np.float32), "shift/org": np.zeros(4, np.float32)}, str(path))
    d = Direction.from_run(config, "org", 5)
    assert d.layer == 5 and d.name == "harm/org" and d.meta["organism"] == "org"
    np.testing.assert_allclose(d.unit, np.full(4, 0.5))
    with pytest.raises(EmprobeError, match="no harm direction for 'other' .*it has: org"):
        Direction.from_run(config, "other", 5)
    with pytest.raises(EmprobeError, match="run `emprobe compare-directions --layer 6` first"):
        Direction.from_run(config, "org", 6)


def test_registries_refuse_a_second_registration_and_name_the_valid_entries():
    from emprobe.behavioral import EXPERIMENTS
    from emprobe.judges import BACKENDS
    from emprobe.models import BUILTINS
    from emprobe.organisms import GENERATION
    from emprobe.registry import Registry

    assert EXPERIMENTS.names() == ["harm", "self-assessment", "descriptions", "recognition", "score-prediction"]
    # the names a config accepts (checked at load) are the registries' declared names, each one implemented
    for registry in (BACKENDS, GENERATION):
        assert registry.declared and registry.missing() == [] and registry.names() == list(registry.declared)
    with pytest.raises(EmprobeError, match="judge backend 'gpt' is not declared: the config accepts embedded, "
                                           "openai, hf; declare it there first"):
        BACKENDS.named("gpt")(lambda config: None)
    assert {"smollm2-135m", "tiny-qwen2"} <= set(BUILTINS)
    with pytest.raises(EmprobeError, match="experiment 'harm' is registered twice"):
        EXPERIMENTS.register(EXPERIMENTS["harm"])
    with pytest.raises(EmprobeError, match="unknown judge backend 'gpt': valid are embedded, openai, hf"):
        BACKENDS.get("gpt")
    r = Registry("thing")
    r.named("a")(1)
    assert list(r) == ["a"] and r["a"] == 1 and "b" not in r


def test_each_experiment_states_its_own_headline():
    from emprobe.behavioral import EXPERIMENTS

    est = {"value": 0.25, "ci95": [0.1, 0.4], "n": 12, "n_clusters": 6}
    assert EXPERIMENTS["harm"].headline({"all": {"mean_aligned": est, "em_rate": est}}).startswith("mean aligned 0.25")
    for name in EXPERIMENTS.names()[1:]:
        cls = EXPERIMENTS[name]
        assert cls.headline_keys, name
        line = cls.headline({k: est for k in cls.headline_keys})
        assert line.count("0.25 [0.1, 0.4]") == len(cls.headline_keys), line


def test_readme_python_api_block_runs(tmp_path, monkeypatch):
    """The README's Python example runs as written (on tiny-qwen2 and its layer 1 instead of SmolLM2's 15)."""
    from conftest import REPO

    text = (REPO / "README.md").read_text()
    code = text.split("<!-- python-api -->\n```python\n", 1)[1].split("```", 1)[0]
    assert 'MODEL, LAYER = "smollm2-135m", 15' in code
    code = code.replace('MODEL, LAYER = "smollm2-135m", 15', 'MODEL, LAYER = "tiny-qwen2", 1')
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["x"].shape[0] == 2 and (tmp_path / "toy-direction.safetensors").is_file()
    assert scope["steered"].shape[0] == 1 and scope["ablated"].shape[0] == 1
