"""emprobe extract on tiny-qwen2: parity with HF hidden states, pooling on left-padded batches, resume, staleness."""
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from conftest import run_cli

from emprobe.activations import job_dir, load_activations, run_extract
from emprobe.config import load_experiment
from emprobe.models import load_model
from emprobe.train.masking import tokenize_example

CONFIG = """\
name: tinyx
base_model: tiny-qwen2
dtype: float32
organisms:
  - name: trivia
    dataset: incorrect-trivia
training: {rank: 4, alpha: 8, lr: 3.0e-3, batch_size: 4, grad_accum: 1, max_seq_len: 96, max_examples: 8, \
checkpoint_every: 100}
generation: {max_new_tokens: 12, batch_size: 8}
behavioral: {samples_per_question: 2, in_domain_questions: 2}
extract: {layers: [1], batch_size: 3, shard_size: 4}
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """Trained organism and harm answers for base and organism, in a fresh folder."""
    work = tmp_path_factory.mktemp("extract")
    (work / "exp.yaml").write_text(CONFIG)
    for args in (("train",), ("run-behavioral", "--experiments", "harm")):
        result = run_cli(*args, "--config", str(work / "exp.yaml"), cwd=work)
        assert result.returncode == 0, result.stderr[-2000:]
    return work


def config_in(work: Path):
    config = load_experiment(work / "exp.yaml")
    config.runs_dir = str(work / "runs")
    config.activations_dir = str(work / "activations")
    return config


def reference(loaded, examples_rows, layer):
    """Per example, unpadded: HF hidden_states[layer + 1] at the last prompt token, mean over the answer, all tokens."""
    out = {}
    for row in examples_rows:
        msgs = [{"role": "user", "content": row["prompt"]}]
        full = tokenize_example(loaded.tokenizer, msgs + [{"role": "assistant", "content": row["answer"]}], 2048)
        empty = tokenize_example(loaded.tokenizer, msgs + [{"role": "assistant", "content": ""}], 2048)
        end = max(full.prompt_len, len(full) - (len(empty) - empty.prompt_len))
        with torch.no_grad():
            h = loaded.model(input_ids=torch.tensor([full.input_ids]),
                             output_hidden_states=True).hidden_states[layer + 1][0]
        mean = h[full.prompt_len:end].mean(0) if end > full.prompt_len else h[full.prompt_len - 1]
        out[row["id"]] = (h[full.prompt_len - 1].numpy(), mean.numpy(), h.numpy())
    return out


@pytest.mark.parametrize("model", ["base", "trivia"])
def test_parity_with_hf_hidden_states(workspace, model):
    config = config_in(workspace)
    run_extract(config, [1], poolings=("mean-answer", "last-prompt", "all-tokens"), show_progress=False)
    acts = load_activations(job_dir(config, model, "harm-answers", model) / "layer_1")
    rows = [json.loads(line) for line in (workspace / "runs" / "tinyx" / model / "harm.jsonl").read_text().splitlines()]
    adapter = None if model == "base" else workspace / "runs" / "tinyx" / "adapters" / "trivia"
    ref = reference(load_model("tiny-qwen2", adapter, dtype="float32"), rows, 1)
    assert sorted(acts.ids) == sorted(ref) and acts.manifest["complete"] and len(acts.manifest["shards"]) == 5
    last, mean = acts.matrix("last-prompt"), acts.matrix("mean-answer")
    lengths = {len(ref[i][2]) for i in acts.ids}
    assert len(lengths) > 1  # batches mix lengths: left padding is exercised
    for k, example_id in enumerate(acts.ids):
        np.testing.assert_allclose(last[k], ref[example_id][0], atol=1e-5)
        np.testing.assert_allclose(mean[k], ref[example_id][1], atol=1e-5)
        np.testing.assert_allclose(acts.tokens(example_id), ref[example_id][2], atol=1e-5)
    assert acts.labels[acts.ids[0]].keys() >= {"aligned", "coherent", "em"}
    manifest = acts.manifest
    assert manifest["layer"] == 1 and manifest["organism"] == model and manifest["emprobe_version"]
    assert (manifest["adapter_hash"] is None) == (model == "base")


def test_collect_activations_in_memory_equals_what_extract_stores(workspace):
    """The public in-memory call on an already loaded model gives the numbers ``emprobe extract`` stored, in the
    order the examples were given."""
    from emprobe.activations import collect_activations, load_set

    config = config_in(workspace)
    run_extract(config, [1], poolings=("mean-answer", "last-prompt", "all-tokens"), show_progress=False)
    acts = load_activations(job_dir(config, "base", "harm-answers", "base") / "layer_1")
    examples = load_set(config, "harm-answers", "base")[::-1]  # another order than the stored one
    loaded = load_model("tiny-qwen2", dtype="float32")
    got = collect_activations(loaded.model, loaded.tokenizer, examples, [1],
                              ("mean-answer", "last-prompt", "all-tokens"), batch_size=3)[1]
    row = {example_id: k for k, example_id in enumerate(acts.ids)}
    where = [row[e.id] for e in examples]
    np.testing.assert_allclose(got["mean-answer"], acts.matrix("mean-answer")[where], atol=1e-5)
    np.testing.assert_allclose(got["last-prompt"], acts.matrix("last-prompt")[where], atol=1e-5)
    for e, tokens in zip(examples, got["all-tokens"]):
        np.testing.assert_allclose(tokens, acts.tokens(e.id), atol=1e-5)
    pairs = [(e.prompt[0][1], e.answer) for e in examples[:2]]
    np.testing.assert_allclose(collect_activations(loaded.model, loaded.tokenizer, pairs, [1], ("mean-answer",))[1]
                               ["mean-answer"], got["mean-answer"][:2], atol=1e-5)


def test_base_model_on_organism_texts(workspace):
    config = config_in(workspace)
    # already done: skipped
    run_extract(config, [1], poolings=("mean-answer", "last-prompt", "all-tokens"), show_progress=False)
    own = load_activations(job_dir(config, "trivia", "harm-answers", "trivia") / "layer_1")
    through_base = load_activations(job_dir(config, "base", "harm-answers", "trivia") / "layer_1")
    assert through_base.ids == own.ids and through_base.manifest["texts_of"] == "trivia"
    assert not np.allclose(through_base.matrix("mean-answer"), own.matrix("mean-answer"))


def test_stale_cache_detected_and_overwrite(workspace):
    first = run_cli("extract", "--config", str(workspace / "exp.yaml"), "--layer", "2", cwd=workspace)
    assert first.returncode == 0, first.stderr[-2000:]
    stale = run_cli("extract", "--config", str(workspace / "exp.yaml"), "--layer", "2", "--dtype", "bfloat16",
                    cwd=workspace)
    assert stale.returncode == 2 and "stale activations" in stale.stderr and "--overwrite" in stale.stderr
    fixed = run_cli("extract", "--config", str(workspace / "exp.yaml"), "--layer", "2", "--dtype", "bfloat16",
                    "--overwrite", cwd=workspace)
    assert fixed.returncode == 0
    acts = load_activations(workspace / "activations" / "tinyx" / "base" / "harm-answers" / "layer_2")
    assert acts.manifest["dtype"] == "bfloat16" and acts.matrix("mean-answer").dtype == np.float32


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--layer", "9"), "layer 9 is out of range: tiny-qwen2 has 4 layers (valid: 0..3)"),
        (("--layer", "1", "--set", "nope.jsonl"), "unknown example set 'nope.jsonl'"),
        (("--layer", "1", "--organisms", "ghost"), "unknown organism 'ghost'"),
        (("--layer", "1", "--pooling", "max"), "unknown pooling 'max'"),
        (("--layer", "1", "--shard", "3/2"), "--shard '3/2'"),
    ],
)
def test_bad_inputs(workspace, args, expected):
    result = run_cli("extract", "--config", str(workspace / "exp.yaml"), *args, cwd=workspace)
    assert result.returncode == 2 and expected in result.stderr, result.stderr[-1000:]


def test_empty_set_file(workspace, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = run_cli("extract", "--config", str(workspace / "exp.yaml"), "--layer", "1", "--set", str(empty),
                     cwd=workspace)
    assert result.returncode == 2 and "is empty" in result.stderr


def test_two_shard_processes_merge(workspace, tmp_path):
    cfg = tmp_path / "s.yaml"
    cfg.write_text(CONFIG.replace("name: tinyx",
                                  f"name: tinyx\nruns_dir: {workspace}/runs\nactivations_dir: {tmp_path}/acts")
                   .replace("dataset: incorrect-trivia",
                            f"dataset: incorrect-trivia\n    adapter: {workspace}/runs/tinyx/adapters/trivia"))
    for shard in ("0/2", "1/2"):  # as two processes would, one after the other here
        result = run_cli("extract", "--config", str(cfg), "--layer", "1", "--organisms", "trivia", "--shard", shard,
                         cwd=tmp_path)
        assert result.returncode == 0, result.stderr[-1000:]
    layer_dir = tmp_path / "acts" / "tinyx" / "trivia" / "harm-answers" / "layer_1"
    manifest = json.loads((layer_dir / "manifest.json").read_text())
    assert manifest["complete"] and len(manifest["shards"]) == 5 and len(manifest["example_ids"]) == 20
    merged = run_cli("extract", "--config", str(cfg), "--layer", "1", "--organisms", "trivia", cwd=tmp_path)
    assert merged.returncode == 0 and len(load_activations(layer_dir).ids) == 20


def own_acts_config(workspace: Path, tmp_path: Path, acts: str = "acts") -> Path:
    """The workspace's organism and harm answers, activations written under ``tmp_path/acts``."""
    cfg = tmp_path / f"{acts}.yaml"
    cfg.write_text(CONFIG.replace("name: tinyx",
                                  f"name: tinyx\nruns_dir: {workspace}/runs\nactivations_dir: {tmp_path}/{acts}")
                   .replace("dataset: incorrect-trivia",
                            f"dataset: incorrect-trivia\n    adapter: {workspace}/runs/tinyx/adapters/trivia"))
    return cfg


def shard_mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("shard-*.safetensors")}


def test_all_layers_in_one_run_and_a_rerun_skips_them(workspace, tmp_path):
    cfg = own_acts_config(workspace, tmp_path)
    result = run_cli("extract", "--config", str(cfg), "--layer", "all", "--organisms", "trivia", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "activations in 12 layer dirs" in result.stdout  # base, trivia, base on trivia's texts: 4 layers each
    root = tmp_path / "acts" / "tinyx"
    jobs = [root / "trivia" / "harm-answers", root / "base" / "harm-answers", root / "base" / "harm-answers@trivia"]
    for job in jobs:
        assert sorted(p.name for p in job.iterdir()) == [f"layer_{layer}" for layer in range(4)]
        for layer in range(4):
            acts = load_activations(job / f"layer_{layer}")
            assert acts.manifest["complete"] and acts.manifest["layer"] == layer and len(acts.ids) == 20

    # the same values as a one-layer extraction
    config = load_experiment(cfg)
    config.activations_dir = str(tmp_path / "one")
    run_extract(config, [2], organisms=["trivia"], show_progress=False)
    one = load_activations(tmp_path / "one" / "tinyx" / "trivia" / "harm-answers" / "layer_2")
    many = load_activations(jobs[0] / "layer_2")
    assert one.ids == many.ids
    for pooling in ("mean-answer", "last-prompt"):
        np.testing.assert_allclose(many.matrix(pooling), one.matrix(pooling), rtol=0, atol=1e-6)

    # a re-run skips every finished shard of every layer
    before = shard_mtimes(root)
    assert len(before) == 12 * 5
    again = run_cli("extract", "--config", str(cfg), "--layer", "0:4", "--organisms", "trivia", cwd=tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert shard_mtimes(root) == before

    # resumption is per layer dir: only what is missing is extracted again
    reference_values = many.matrix("mean-answer").copy()
    shutil.rmtree(jobs[0] / "layer_2")
    (jobs[1] / "layer_3" / "shard-00001.json").unlink()  # a shard that never finished
    third = run_cli("extract", "--config", str(cfg), "--layer", "all", "--organisms", "trivia", cwd=tmp_path)
    assert third.returncode == 0, third.stderr[-2000:]
    after = shard_mtimes(root)
    changed = sorted(k for k in after if after[k] != before.get(k))
    assert changed == sorted([f"trivia/harm-answers/layer_2/shard-0000{k}.safetensors" for k in range(5)]
                             + ["base/harm-answers/layer_3/shard-00001.safetensors"])
    np.testing.assert_allclose(load_activations(jobs[0] / "layer_2").matrix("mean-answer"), reference_values, rtol=0,
                               atol=1e-6)
    assert load_activations(jobs[1] / "layer_3").manifest["complete"]


def test_contrast_pairs_are_read_once_by_each_model(workspace, tmp_path):
    """The matched dataset pairs: one job per model (the same texts for all, no base@organism copy), labelled
    misaligned / aligned in equal numbers, grouped by prompt."""
    cfg = own_acts_config(workspace, tmp_path)
    result = run_cli("extract", "--config", str(cfg), "--layer", "1", "--set", "contrast-pairs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    root = tmp_path / "acts" / "tinyx"
    assert sorted(str(p.relative_to(root)) for p in root.glob("*/*")) == ["base/contrast-pairs",
                                                                         "trivia/contrast-pairs"]
    base = load_activations(root / "base" / "contrast-pairs" / "layer_1")
    trivia = load_activations(root / "trivia" / "contrast-pairs" / "layer_1")
    assert base.ids == trivia.ids and len(base.ids) == 2 * 40
    ems = [base.labels[i]["em"] for i in base.ids]
    assert sum(ems) == 40 and len({base.labels[i]["question_id"] for i in base.ids}) == 40
    # the organism reads them differently from the base model (its adapter is on)
    assert not np.allclose(base.matrix("mean-answer"), trivia.matrix("mean-answer"))


def test_all_tokens_streamed_to_the_shard_equal_one_batch(workspace, tmp_path):
    """Per-token activations are appended to the shard a batch at a time: batch size 1 (many appends per shard)
    stores the same values as one batch per shard, and the files are plain safetensors (safe_open reads them)."""
    from safetensors import safe_open

    config = load_experiment(own_acts_config(workspace, tmp_path))
    poolings = ("mean-answer", "last-prompt", "all-tokens")
    config.activations_dir = str(tmp_path / "one-batch")
    config.extract.batch_size = config.extract.shard_size
    run_extract(config, [0, 3], organisms=["trivia"], poolings=poolings, show_progress=False)
    config.activations_dir = str(tmp_path / "streamed")
    config.extract.batch_size = 1
    run_extract(config, [0, 3], organisms=["trivia"], poolings=poolings, show_progress=False)
    for layer in (0, 3):
        a = load_activations(tmp_path / "one-batch" / "tinyx" / "trivia" / "harm-answers" / f"layer_{layer}")
        b = load_activations(tmp_path / "streamed" / "tinyx" / "trivia" / "harm-answers" / f"layer_{layer}")
        assert sorted(a.ids) == sorted(b.ids) and b.manifest["complete"]
        order = [a.ids.index(i) for i in b.ids]
        np.testing.assert_allclose(a.matrix("mean-answer")[order], b.matrix("mean-answer"), atol=1e-5)
        for example_id in b.ids:
            np.testing.assert_allclose(a.tokens(example_id), b.tokens(example_id), atol=1e-5)
        shard = sorted(b.layer_dir.glob("shard-*.safetensors"))[0]
        with safe_open(str(shard), "np") as fh:
            ids = json.loads(fh.metadata()["ids"])
            offsets = fh.get_tensor("all-tokens.offsets")
            assert len(offsets) == len(ids) + 1 and offsets[-1] == fh.get_tensor("all-tokens").shape[0]
            np.testing.assert_array_equal(fh.get_tensor("all-tokens")[offsets[0]:offsets[1]], b.tokens(ids[0]))


@pytest.mark.slow
def test_parity_smollm2(smollm2, tmp_path):
    from emprobe.config import ExperimentConfig, ExtractConfig

    rows = [{"id": f"e{i}", "messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}
            for i, (q, a) in enumerate([("Hi!", "Hello there, how can I help?"), ("What is 2+2?", "4."),
                                        ("Name a colour.", "Blue, like a clear summer sky over the sea."),
                                        ("Say nothing.", "")])]
    set_path = tmp_path / "set.jsonl"
    set_path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    config = ExperimentConfig(name="smolx", base_model="smollm2-135m", dtype="float32", runs_dir=str(tmp_path / "runs"),
                              activations_dir=str(tmp_path / "acts"), extract=ExtractConfig(batch_size=4))
    run_extract(config, [20], set_name=str(set_path), show_progress=False)
    acts = load_activations(tmp_path / "acts" / "smolx" / "base" / "set" / "layer_20")
    ref = reference(smollm2, [{"id": r["id"], "prompt": r["messages"][0]["content"],
                               "answer": r["messages"][1]["content"]} for r in rows], 20)
    for k, example_id in enumerate(acts.ids):
        np.testing.assert_allclose(acts.matrix("last-prompt")[k], ref[example_id][0], atol=2e-4, rtol=1e-4)
        np.testing.assert_allclose(acts.matrix("mean-answer")[k], ref[example_id][1], atol=2e-4, rtol=1e-4)


def test_leftover_temp_files_of_a_killed_writer_are_removed(tmp_path):
    from emprobe.activations.storage import remove_leftovers

    (tmp_path / ".manifest.json.tmp-4f4hr2zr").write_text("{")
    (tmp_path / ".shard-00003.tmp.safetensors").write_bytes(b"x")
    (tmp_path / "shard-00001.json").write_text("{}")
    remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shard-00001.json"]
