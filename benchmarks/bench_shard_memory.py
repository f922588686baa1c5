"""Peak memory of writing one activation layer shard with the all-tokens pooling: streamed vs buffered.

The streamed writer (``ShardWriter``, what ``emprobe extract`` uses) appends each batch's per-token activations to
the shard file as they come. The baseline is the earlier emprobe's method, reimplemented here as it was: keep every
batch's tensor, ``torch.cat`` them and write the shard with ``safetensors.torch.save_file``. Both are fed the same
batches of random bfloat16 activations shaped like Qwen2.5-32B's residual stream (hidden 5120), in separate
processes; the figure is each process's peak RSS above its RSS before the first batch. The model's forward pass is
not part of it: the activations a batch yields are the same in both, only what is kept of them differs.

    python benchmarks/bench_shard_memory.py [--tokens 32768] [--hidden 5120] [--batch-tokens 4096] [--layers 4]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def run_one(method: str, args: argparse.Namespace, out: Path) -> dict:
    import torch
    from safetensors.torch import save_file

    from emprobe.activations.storage import ShardWriter

    torch.manual_seed(0)
    batches = [args.batch_tokens] * (args.tokens // args.batch_tokens)
    ids = [f"e{i}" for i in range(len(batches))]
    before = rss_mib()
    start = time.perf_counter()
    if method == "streamed":
        specs = {"all-tokens": ("bfloat16", (sum(batches), args.hidden))}
        writers = [ShardWriter(out / f"layer_{layer}", 0, specs, ids) for layer in range(args.layers)]
        for n in batches:
            for writer in writers:
                writer.write("all-tokens", torch.randn(n, args.hidden).to(torch.bfloat16))
        for writer in writers:
            writer.finish({})
    else:
        parts: dict[int, list] = {layer: [] for layer in range(args.layers)}
        for n in batches:
            for layer in range(args.layers):
                parts[layer].append(torch.randn(n, args.hidden).to(torch.bfloat16))
        for layer in range(args.layers):
            (out / f"layer_{layer}").mkdir(parents=True, exist_ok=True)
            save_file({"all-tokens": torch.cat(parts[layer])}, str(out / f"layer_{layer}" / "shard-00000.safetensors"),
                      metadata={"ids": json.dumps(ids)})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"method": method, "peak_above_start_mib": round(peak - before, 1), "seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=32768, help="tokens per shard (64 answers of 512 tokens)")
    parser.add_argument("--hidden", type=int, default=5120)
    parser.add_argument("--batch-tokens", type=int, default=4096)
    parser.add_argument("--layers", type=int, default=4, help="layers traced in one pass")
    parser.add_argument("--method", choices=["streamed", "buffered"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.method:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_one(args.method, args, Path(tmp))))
        return
    shard_mib = args.tokens * args.hidden * 2 / 2**20
    results = {}
    for method in ("buffered", "streamed"):
        done = subprocess.run([sys.executable, __file__, "--method", method, "--tokens", str(args.tokens),
                               "--hidden", str(args.hidden),
                               "--batch-tokens", str(args.batch_tokens), "--layers", str(args.layers)],
                              capture_output=True, text=True, check=True)
        results[method] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"shard: {args.tokens} tokens x {args.hidden} (bfloat16) = {shard_mib:.0f} MiB per layer, "
          f"{args.layers} layers, "
          f"batches of {args.batch_tokens} tokens")
    for method, r in results.items():
        print(f"  {method:<9} peak RSS above start {r['peak_above_start_mib']:>8.1f} MiB   {r['seconds']:.2f} s")
    ratio = results["streamed"]["peak_above_start_mib"] / results["buffered"]["peak_above_start_mib"]
    print(f"  ratio streamed/buffered: {ratio:.3f}")


if __name__ == "__main__":
    main()
