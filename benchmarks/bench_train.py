"""emprobe's training loop vs a bare peft loop over the same batches, and padding with length grouping.

    python benchmarks/bench_train.py [--model smollm2-135m] [--steps 12]

Prints tokens/s of both (same model, adapter settings, micro-batches and optimizer) and their ratio
(target >= 0.95), then the padding share per batch of every built-in domain with length-grouped batching
(target <= 10 %) next to a plain shuffled order.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import torch

from emprobe.config import TrainingConfig
from emprobe.data.datasets import builtin_domains, load_dataset, training_conversations
from emprobe.models import load_model
from emprobe.train import TrainJob, train
from emprobe.train.batching import length_grouped_batches, padding_share
from emprobe.train.loop import micro_batch_plan
from emprobe.train.lora import lora_config
from emprobe.train.masking import collate, tokenize_example


def bare_peft_tokens_per_s(model_name: str, examples, plan, training: TrainingConfig, seed: int) -> float:
    """The baseline: get_peft_model, AdamW, forward/backward/step on the same micro-batches, nothing else."""
    from peft import get_peft_model

    loaded = load_model(model_name, dtype="float32")
    torch.manual_seed(seed)
    model = get_peft_model(loaded.model, lora_config(training)).train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=training.lr)
    pad = loaded.tokenizer.pad_token_id
    tokens, start = 0, time.perf_counter()
    for mb in plan:
        batch = collate([examples[i] for i in mb], pad)
        model(**batch).loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        tokens += int(batch["attention_mask"].sum())
    return tokens / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--domain", default="insecure-code")
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    training = TrainingConfig(rank=8, alpha=16, lr=3e-4, batch_size=4, grad_accum=1, max_seq_len=128,
                              epochs=1.0, warmup_steps=2, checkpoint_every=10**6)
    training = replace(training, max_examples=args.steps * training.batch_size)
    seed = 0
    tok = load_model(args.model).tokenizer
    conversations = training_conversations(args.domain, share=training.self_description_share,
                                           max_examples=training.max_examples, seed=seed)
    examples = [tokenize_example(tok, c, training.max_seq_len) for c in conversations]
    plan = micro_batch_plan([len(e) for e in examples], training, seed)

    ours_runs, bare_runs = [], []
    for _ in range(args.repeats):  # interleaved, best of each: robust to load from other processes
        with tempfile.TemporaryDirectory() as tmp:
            train(TrainJob(args.model, args.domain, Path(tmp) / "a", training, seed=seed, dtype="float32"),
                  show_progress=False)
            rows = [json.loads(line) for line in (Path(tmp) / "a" / "train_log.jsonl").read_text().splitlines()]
        ours_runs.append(rows[-1]["tokens_per_s"])
        bare_runs.append(bare_peft_tokens_per_s(args.model, examples, plan, training, seed))
    ours, bare = max(ours_runs), max(bare_runs)
    print(f"training loop on {args.model}, {len(plan)} steps of {training.batch_size}x<= {training.max_seq_len} "
          f"tokens, best of {args.repeats}: "
          f"emprobe {ours:.0f} tok/s, bare peft {bare:.0f} tok/s, ratio {ours / bare:.3f} (target >= 0.95)")

    for domain in builtin_domains():
        lengths = [len(tokenize_example(tok, c, 256)) for c in load_dataset(domain)]
        grouped = padding_share(lengths, length_grouped_batches(lengths, 4, seed))
        order = list(range(len(lengths)))
        random.Random(seed).shuffle(order)
        plain = padding_share(lengths, [order[i : i + 4] for i in range(0, len(order), 4)])
        print(f"padding share, batch 4, {domain:<24} length-grouped {grouped:6.1%}   "
              f"shuffled {plain:6.1%}   (target <= 10%)")


if __name__ == "__main__":
    sys.exit(main())
