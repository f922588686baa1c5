"""LoRA SFT of one organism: seeded, resumable from checkpoints, single process or under ``accelerate launch``."""
from __future__ import annotations

import contextlib
import json
import math
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import TrainingConfig
from ..data.datasets import training_conversations
from ..errors import EmprobeError
from ..models import load_model
from ..paths import atomic_write_text
from ..provenance import provenance, to_jsonable
from .batching import length_grouped_batches, padding_share
from .checkpoint import commit_checkpoint, prepare_staging, remove_checkpoints, resume_checkpoint, save_optimizer_part
from .lora import apply_preset, lora_config
from .masking import IGNORE, TokenizedExample, collate, tokenize_example

LOG_NAME = "train_log.jsonl"
INFO_NAME = "training_info.json"


@dataclass
class TrainJob:
    """Train a LoRA adapter on ``dataset`` (built-in domain, ``<domain>:aligned`` or chat JSONL) into ``out_dir``."""

    base_model: str
    dataset: str
    out_dir: Path
    training: TrainingConfig = field(default_factory=TrainingConfig)
    seed: int = 0
    dtype: str = "auto"
    device_map: str | None = None
    label: str = ""

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)

    def conversations(self) -> list[list[dict[str, str]]]:
        """What this job trains on: its dataset under the resolved training settings (a bad dataset raises)."""
        training = apply_preset(self.training)
        return training_conversations(self.dataset, share=training.self_description_share,
                                      max_examples=training.max_examples, seed=self.seed)


@dataclass
class TrainResult:
    out_dir: Path
    skipped: bool
    steps: int = 0
    final_loss: float | None = None
    padding_share: float | None = None


def is_trained(out_dir: Path) -> bool:
    """A finished run has its adapter and its training_info.json (written last)."""
    return all((Path(out_dir) / n).is_file() for n in ("adapter_config.json", "adapter_model.safetensors", INFO_NAME))


def micro_batch_plan(lengths: list[int], training: TrainingConfig, seed: int) -> list[list[int]]:
    """All micro-batches of the run in order (length-grouped per epoch), cut to ``epochs`` (may be fractional)."""
    per_epoch = math.ceil(len(lengths) / training.batch_size)
    total = max(1, math.ceil(training.epochs * per_epoch))
    plan: list[list[int]] = []
    epoch = 0
    while len(plan) < total:
        plan.extend(length_grouped_batches(lengths, training.batch_size, seed, epoch))
        epoch += 1
    return plan[:total]


def _read_log(path: Path, upto_step: int) -> list[dict]:
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r for r in rows if r["step"] <= upto_step]


def _learned_tokens(batch: dict) -> int:
    return int((batch["labels"][:, 1:] != IGNORE).sum())


RESULT_NEUTRAL = ("checkpoint_every", "gradient_checkpointing")  # settings that do not change the adapter


def trained_with_other_settings(job: TrainJob) -> str:
    """What differs between ``job`` and the finished run in its dir ('' when nothing does)."""
    path = Path(job.out_dir) / INFO_NAME
    try:
        info = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise EmprobeError(f"{path}: damaged (not JSON); delete {job.out_dir} to retrain") from None
    now = {"base_model": job.base_model, "dataset": job.dataset, "training": to_jsonable(apply_preset(job.training))}
    then = {"base_model": info.get("base_model"), "dataset": info.get("dataset"), "training": info.get("training")}
    diffs = [f"{k}: {then[k]!r} then, {now[k]!r} now" for k in ("base_model", "dataset") if then[k] != now[k]]
    if isinstance(then["training"], dict):
        diffs += [f"training.{k}: {then['training'].get(k)!r} then, {v!r} now" for k, v in now["training"].items()
                  if k not in RESULT_NEUTRAL and then["training"].get(k) != v]
    return "; ".join(diffs[:3])


def train(job: TrainJob, *, show_progress: bool = True) -> TrainResult:
    """Run (or resume, or skip when finished) one LoRA fine-tuning job; a second process on the same adapter dir
    waits for the first (and then finds the adapter trained)."""
    import os

    from ..locking import locked

    # under `accelerate launch` the ranks of one job share the dir: only the first holds the lock
    guard = (locked(job.out_dir, f"the adapter dir {job.out_dir}") if os.environ.get("RANK", "0") == "0"
             else contextlib.nullcontext())
    with guard:
        return _train(job, show_progress=show_progress)


def _train(job: TrainJob, *, show_progress: bool = True) -> TrainResult:
    if is_trained(job.out_dir):
        changed = trained_with_other_settings(job)
        if changed:
            raise EmprobeError(f"{job.out_dir} holds an adapter trained with other settings ({changed}): "
                               "delete that directory to retrain, or point the organism's adapter elsewhere")
        return TrainResult(job.out_dir, skipped=True)
    training = apply_preset(job.training)
    conversations = job.conversations()  # a bad dataset fails fast

    import torch
    from accelerate import Accelerator
    from peft import get_peft_model, set_peft_model_state_dict
    from tqdm.auto import tqdm
    from transformers import get_linear_schedule_with_warmup

    loaded = load_model(job.base_model, dtype=job.dtype, device_map=job.device_map)
    tok = loaded.tokenizer
    examples: list[TokenizedExample] = [tokenize_example(tok, c, training.max_seq_len) for c in conversations]
    lengths = [len(e) for e in examples]
    plan = micro_batch_plan(lengths, training, job.seed)
    total_steps = math.ceil(len(plan) / training.grad_accum)

    torch.manual_seed(job.seed)
    model = get_peft_model(loaded.model, lora_config(training))
    if training.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=training.lr, weight_decay=training.weight_decay)
    scheduler = get_linear_schedule_with_warmup(optimizer, min(training.warmup_steps, total_steps), total_steps)

    accelerator = Accelerator(cpu=not torch.cuda.is_available())  # cpu=True enables multi-process CPU (gloo)
    world, rank = accelerator.num_processes, accelerator.process_index
    log_path = job.out_dir / LOG_NAME
    start_step, log_rows = 0, []
    fingerprint = job_fingerprint(job, training, conversations)
    resumed = resume_checkpoint(job.out_dir, rank, world, fingerprint)
    if resumed is not None:
        state, optimizer_state = resumed
        set_peft_model_state_dict(model, state["adapter"])
        optimizer.load_state_dict(optimizer_state)
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["rng"])
        start_step = state["step"]
        log_rows = _read_log(log_path, start_step)
    if accelerator.is_main_process:
        atomic_write_text(log_path, "".join(json.dumps(r) + "\n" for r in log_rows))

    model.train()
    model, optimizer = accelerator.prepare(model, optimizer)
    device = accelerator.device if job.device_map is None else loaded.model.device
    bar = tqdm(total=total_steps, initial=start_step, desc=f"train {job.label or job.out_dir.name}",
               disable=not (show_progress and accelerator.is_local_main_process), unit="step")
    started, tokens_seen = time.perf_counter(), 0
    with open(log_path, "a", encoding="utf-8") as log:
        for step in range(start_step, total_steps):
            window = [collate([examples[i] for i in mb], tok.pad_token_id)
                      for mb in plan[step * training.grad_accum : (step + 1) * training.grad_accum]]
            n_learned = sum(_learned_tokens(b) for b in window)  # the whole window, over all ranks
            mine = window[rank::world]
            loss_sum = torch.zeros((), device=device)
            for i, batch in enumerate(mine):
                batch = {k: v.to(device) for k, v in batch.items()}
                sync = accelerator.no_sync(model) if (world > 1 and i < len(mine) - 1) else contextlib.nullcontext()
                with sync:
                    # Sum over learned tokens / tokens in the whole window: every token weighs the same, whatever
                    # the micro-batch split; × world undoes DDP's averaging across ranks.
                    loss = model(**batch, num_items_in_batch=n_learned).loss * world
                    accelerator.backward(loss)
                loss_sum += loss.detach() / world
                tokens_seen += int(batch["attention_mask"].sum())
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step_loss = float(accelerator.reduce(loss_sum, reduction="sum")) if world > 1 else float(loss_sum)
            elapsed = time.perf_counter() - started
            row = {"step": step + 1, "loss": step_loss, "lr": scheduler.get_last_lr()[0], "learned_tokens": n_learned,
                   "tokens_per_s": tokens_seen * world / elapsed if elapsed > 0 else None}
            if accelerator.is_main_process:
                log.write(json.dumps(row) + "\n")
                log.flush()
            bar.set_postfix(loss=f"{step_loss:.3f}", tok_s=f"{row['tokens_per_s'] or 0:.0f}")
            bar.update(1)
            if (step + 1) % training.checkpoint_every == 0 and step + 1 < total_steps:
                _checkpoint(accelerator, model, optimizer, scheduler, job.out_dir, step + 1, fingerprint)
    bar.close()
    share = padding_share(lengths, plan)
    adapter = _adapter_state(accelerator, model)  # collective under FSDP / ZeRO-3: every process calls it
    final_loss = None
    if accelerator.is_main_process:
        final_loss = _finish(job, training, accelerator.unwrap_model(model), adapter, log_path, total_steps, share,
                             len(examples), world)
    accelerator.wait_for_everyone()
    if not accelerator.is_main_process:  # the other processes read what the main one logged
        rows = _read_log(log_path, total_steps)
        final_loss = rows[-1]["loss"] if rows else None
    return TrainResult(job.out_dir, skipped=False, steps=total_steps, final_loss=final_loss, padding_share=share)


def _adapter_state(accelerator: Any, model: Any) -> dict:
    """The LoRA weights, gathered from every process when the model is sharded."""
    from peft import get_peft_model_state_dict

    return get_peft_model_state_dict(accelerator.unwrap_model(model), state_dict=accelerator.get_state_dict(model))


def job_fingerprint(job: TrainJob, training: TrainingConfig, conversations: list) -> str:
    """What a checkpoint's weights depend on: base model, the training data (hashed), seed and every training setting
    that changes the adapter (``checkpoint_every`` and gradient checkpointing do not)."""
    import hashlib

    settings = {k: v for k, v in to_jsonable(training).items() if k not in RESULT_NEUTRAL}
    data = hashlib.sha256(json.dumps(conversations, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    blob = json.dumps({"base_model": job.base_model, "dataset": job.dataset, "data": data, "seed": job.seed,
                       "training": settings}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def _checkpoint(accelerator: Any, model: Any, optimizer: Any, scheduler: Any, out_dir: Path, step: int,
                fingerprint: str) -> None:
    adapter = _adapter_state(accelerator, model)
    if accelerator.is_main_process:
        prepare_staging(out_dir, step)
    accelerator.wait_for_everyone()
    save_optimizer_part(out_dir, step, accelerator.process_index, optimizer)
    accelerator.wait_for_everyone()
    if accelerator.is_main_process:
        commit_checkpoint(out_dir, step, adapter, scheduler, accelerator.num_processes, fingerprint)
    accelerator.wait_for_everyone()


def _finish(job: TrainJob, training: TrainingConfig, model: Any, adapter: dict, log_path: Path, steps: int,
            share: float, n_examples: int, processes: int) -> float | None:
    """Write the final adapter (atomically), the loss curve and training_info.json; drop the checkpoints.
    Returns the last step's loss."""
    from safetensors.torch import save_file

    from ..plots import loss_curve

    with tempfile.TemporaryDirectory(prefix=".final-", dir=job.out_dir) as tmp_name:
        tmp = Path(tmp_name)
        save_file({k: v.detach().cpu().contiguous() for k, v in adapter.items()},
                  str(tmp / "adapter_model.safetensors"), metadata={"format": "pt"})
        peft_config = model.peft_config["default"]
        peft_config.base_model_name_or_path = job.base_model  # what emprobe, peft and vLLM load it onto
        peft_config.save_pretrained(str(tmp))
        # the config, which marks an adapter, last
        for name in sorted((p.name for p in tmp.iterdir()), key=lambda n: n == "adapter_config.json"):
            (tmp / name).replace(job.out_dir / name)
    rows = _read_log(log_path, steps)
    loss_curve([r["step"] for r in rows], [r["loss"] for r in rows], job.out_dir / "loss_curve.png",
               f"{job.label or job.out_dir.name}: {job.dataset} on {job.base_model}")
    info = {
        "base_model": job.base_model,
        "dataset": job.dataset,
        "n_examples": n_examples,
        "steps": steps,
        "final_loss": rows[-1]["loss"] if rows else None,
        "first_loss": rows[0]["loss"] if rows else None,
        "padding_share": share,
        "processes": processes,
        "training": training,
        "provenance": provenance({"job": job, "training": training}, job.seed),
    }
    atomic_write_text(job.out_dir / INFO_NAME, json.dumps(to_jsonable(info), indent=2))
    remove_checkpoints(job.out_dir)
    return info["final_loss"]
