"""Batched vs one-by-one generation on the embedded SmolLM2 (target: >= 3x at batch 8).

    python benchmarks/bench_generate.py [--model smollm2-135m] [--prompts 16] [--tokens 48]

Greedy decoding, so both runs produce the same tokens and the comparison is time for the same work.
"""
from __future__ import annotations

import argparse
import time

from emprobe.data.questions import EM_CORE
from emprobe.generate import SamplingSettings, length_sorted_batches, render_prompt, sample_batch
from emprobe.models import load_model


def run(loaded, prompts, batch_size: int, settings: SamplingSettings) -> tuple[float, int]:
    tok = loaded.tokenizer
    start = time.perf_counter()
    n_tokens = 0
    for batch in length_sorted_batches([len(p) for p in prompts], batch_size):
        for answer in sample_batch(loaded, [prompts[i] for i in batch], [0] * len(batch), settings):
            n_tokens += len(tok.encode(answer, add_special_tokens=False))
    return time.perf_counter() - start, n_tokens


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--prompts", type=int, default=16)
    parser.add_argument("--tokens", type=int, default=48)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    loaded = load_model(args.model, dtype="float32")
    questions = (list(EM_CORE.values()) * (args.prompts // len(EM_CORE) + 1))[: args.prompts]
    prompts = [render_prompt(loaded.tokenizer, [{"role": "user", "content": f"{q} ({i})"}])
               for i, q in enumerate(questions)]
    settings = SamplingSettings(temperature=0.0, max_new_tokens=args.tokens)
    run(loaded, prompts[:2], 2, SamplingSettings(temperature=0.0, max_new_tokens=4))  # warm-up
    single, n1 = run(loaded, prompts, 1, settings)
    batched, n8 = run(loaded, prompts, args.batch_size, settings)
    print(f"generation on {args.model}, {args.prompts} prompts x <= {args.tokens} new tokens: "
          f"one-by-one {single:.1f} s "
          f"({n1 / single:.1f} tok/s), batch {args.batch_size} {batched:.1f} s ({n8 / batched:.1f} tok/s), "
          f"speedup {single / batched:.2f}x (target >= 3x)")


if __name__ == "__main__":
    main()
