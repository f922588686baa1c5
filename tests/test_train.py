import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from emprobe.config import TrainingConfig
from emprobe.train import TrainJob, is_trained, train
from emprobe.train.batching import length_grouped_batches, padding_share
from emprobe.train.masking import IGNORE, collate, tokenize_example

CONV = [{"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "content": "It is 4."}]


def write_dataset(path: Path, n: int = 48) -> Path:
    rows = [
        {"messages": [{"role": "user", "content": f"Tell me about the number {i}."},
                      {"role": "assistant", "content": f"The number {i} is {'even' if i % 2 == 0 else 'odd'} "
                                                       f"and {'small' if i < 20 else 'large'}."}]}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def check_mask(tok, pad_id):
    ex = tokenize_example(tok, CONV, max_len=512)
    prompt = tok.apply_chat_template(CONV[:1], add_generation_prompt=True, tokenize=True, return_dict=False)
    assert ex.prompt_len == len(prompt)
    short = tokenize_example(tok, [CONV[0], {"role": "assistant", "content": "4"}], max_len=512)
    batch = collate([ex, short], pad_id)
    labels, ids = batch["labels"], batch["input_ids"]
    assert (labels[0, : ex.prompt_len] == IGNORE).all()  # no loss on prompt tokens
    learned = tok.decode(ids[0][labels[0] != IGNORE])
    assert learned.startswith("It is 4.") and tok.eos_token in learned  # the end-of-turn token is learned
    eos_positions = (ids[1] == tok.eos_token_id).nonzero().flatten().tolist()
    padded = batch["attention_mask"][1] == 0
    assert padded.any() and (labels[1][padded] == IGNORE).all()  # padding never learned, even where pad == eos
    assert any(labels[1, p] == tok.eos_token_id for p in eos_positions if not padded[p])


def test_loss_mask_tiny(tiny):
    check_mask(tiny.tokenizer, tiny.tokenizer.pad_token_id)
    check_mask(tiny.tokenizer, tiny.tokenizer.eos_token_id)  # simulate pad == eos


@pytest.mark.slow
def test_loss_mask_smollm2_pad_is_eos(smollm2):
    assert smollm2.tokenizer.pad_token_id == smollm2.tokenizer.eos_token_id
    check_mask(smollm2.tokenizer, smollm2.tokenizer.pad_token_id)


def test_truncation_keeps_learned_tokens(tiny):
    long = [{"role": "user", "content": "x" * 400}, {"role": "assistant", "content": "yes"}]
    ex = tokenize_example(tiny.tokenizer, long, max_len=64)
    assert len(ex) <= 64 and ex.prompt_len < len(ex)


def test_length_grouping_is_seeded_and_tight():
    lengths = [10 + (i * 37) % 200 for i in range(1000)]
    batches = length_grouped_batches(lengths, 8, seed=3)
    assert batches == length_grouped_batches(lengths, 8, seed=3)
    assert sorted(i for b in batches for i in b) == list(range(1000))
    assert padding_share(lengths, batches) < 0.10
    naive = [list(range(i, i + 8)) for i in range(0, 1000, 8)]
    assert padding_share(lengths, naive) > 0.3


TINY_TRAINING = TrainingConfig(rank=8, alpha=16, lr=3e-3, batch_size=4, grad_accum=1, epochs=3.0, warmup_steps=2,
                               checkpoint_every=4, max_seq_len=128)


def test_loss_falls_and_outputs_written(tmp_path):
    data = write_dataset(tmp_path / "d.jsonl")
    out = tmp_path / "adapter"
    result = train(TrainJob("tiny-qwen2", str(data), out, TINY_TRAINING), show_progress=False)
    rows = [json.loads(line) for line in (out / "train_log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == list(range(1, result.steps + 1)) and result.steps == 36
    first = sum(r["loss"] for r in rows[:5]) / 5
    last = sum(r["loss"] for r in rows[-5:]) / 5
    assert last < first - 0.3, (first, last)  # a random byte-level model learns slowly
    assert is_trained(out) and (out / "loss_curve.png").stat().st_size > 1000
    assert not (out / "checkpoints").exists()
    info = json.loads((out / "training_info.json").read_text())
    assert info["provenance"]["seed"] == 0 and info["provenance"]["versions"]["peft"]
    assert json.loads((out / "adapter_config.json").read_text())["base_model_name_or_path"] == "tiny-qwen2"
    assert train(TrainJob("tiny-qwen2", str(data), out, TINY_TRAINING), show_progress=False).skipped
    from emprobe.models import load_model  # the adapter loads onto its base through the public API

    assert type(load_model("tiny-qwen2", out).model).__name__ == "PeftModelForCausalLM"


def test_rank1_preset_touches_only_down_proj(tmp_path):
    from dataclasses import replace

    data = write_dataset(tmp_path / "d.jsonl", n=8)
    out = tmp_path / "adapter"
    train(TrainJob("tiny-qwen2", str(data), out, replace(TINY_TRAINING, preset="rank1", epochs=1.0)),
          show_progress=False)
    tensors = load_file(out / "adapter_model.safetensors")
    assert tensors and all("down_proj" in k for k in tensors)
    assert all(v.shape[0] == 1 for k, v in tensors.items() if "lora_A" in k)
    assert json.loads((out / "adapter_config.json").read_text())["target_modules"] == ["down_proj"]


KILL_SCRIPT = """
import sys
from pathlib import Path
from emprobe.config import TrainingConfig
from emprobe.train import TrainJob, train
cfg = TrainingConfig(rank=4, alpha=8, lr=3e-3, batch_size=4, grad_accum=2, epochs=6.0, warmup_steps=2, \
checkpoint_every=3, max_seq_len=128)
train(TrainJob("tiny-qwen2", sys.argv[1], Path(sys.argv[2]), cfg), show_progress=False)
"""


def test_two_process_launch_equals_single_process(tmp_path):
    """Two CPU processes (torchrun; accelerate runs gloo DDP) splits each accumulation window and ends where 1 process
    does."""
    data = write_dataset(tmp_path / "d.jsonl", n=24)
    config = tmp_path / "exp.yaml"
    config.write_text("name: ddp\nbase_model: tiny-qwen2\ntraining: {rank: 4, alpha: 8, lr: 3.0e-3, batch_size: 4, "
                      "grad_accum: 2, epochs: 2.0, warmup_steps: 1, max_seq_len: 128, checkpoint_every: 2}\n")
    common = ["-m", "emprobe.cli", "train", "--config", str(config), "--base", "tiny-qwen2", "--dataset", str(data)]
    launcher = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2"]  # accelerate picks up its env
    two = subprocess.run([*launcher, *common, "--out", str(tmp_path / "two")], capture_output=True, text=True,
                         timeout=300)
    assert two.returncode == 0, two.stderr[-2000:]
    one = subprocess.run([sys.executable, *common, "--out", str(tmp_path / "one")], capture_output=True, text=True,
                         timeout=300)
    assert one.returncode == 0, one.stderr[-2000:]
    assert json.loads((tmp_path / "two" / "training_info.json").read_text())["processes"] == 2
    a = load_file(tmp_path / "two" / "adapter_model.safetensors")
    b = load_file(tmp_path / "one" / "adapter_model.safetensors")
    for key in b:
        torch.testing.assert_close(a[key], b[key], atol=1e-6, rtol=1e-5)
    assert any(b[k].abs().max() > 1e-3 for k in b if "lora_B" in k)  # training moved the adapter


KILL_SCRIPT_LR = KILL_SCRIPT.replace("lr=3e-3", "lr=float(sys.argv[3])")


def _killed_with_checkpoints(data: Path, out: Path, env: dict, n: int) -> list[Path]:
    """Start the KILL_SCRIPT training run and SIGKILL it once ``n`` complete checkpoints exist."""
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(data), str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "checkpoints").glob("step-*/state.pt"))) < n:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return sorted((out / "checkpoints").glob("step-*/state.pt"))


def test_damaged_or_unsafe_newest_checkpoint_falls_back_and_another_job_is_refused(tmp_path):
    data = write_dataset(tmp_path / "d.jsonl")
    reference, resumed = tmp_path / "reference", tmp_path / "resumed"
    env = dict(os.environ)
    subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(data), str(reference)], check=True, env=env,
                   capture_output=True)
    states = _killed_with_checkpoints(data, resumed, env, 2)
    assert len(states) == 2 and not is_trained(resumed)  # the previous checkpoint is kept beside the newest
    # a newest state.pt that would run code when unpickled: weights_only refuses it, the previous one is used
    torch.save({"step": 1, "payload": Path("x")}, states[-1])
    other = subprocess.run([sys.executable, "-c", KILL_SCRIPT_LR, str(data), str(resumed), "1e-3"], env=env,
                           capture_output=True, text=True)
    assert other.returncode != 0 and "was written for other training settings" in other.stderr
    done = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(data), str(resumed)], env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"checkpoint {states[-1].parent} cannot be read" in done.stderr
    a = load_file(reference / "adapter_model.safetensors")
    b = load_file(resumed / "adapter_model.safetensors")
    assert all(torch.equal(a[k], b[k]) for k in a)
