"""emprobe extract vs a bare HF forward with output_hidden_states=True, and peak memory vs set size.

    python benchmarks/bench_extract.py [--n 400] [--batch-size 16]

Same inputs (built-in domain prompts with answers), same length-sorted batches. Targets: <= 1.0x the bare
forward's time at the last layer, <= 0.75x at a layer at 2/3 depth; peak RSS at 2,000 examples within +15 % of
that at 200 (each measured in a fresh process).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from emprobe.activations import run_extract
from emprobe.activations.collect import answer_spans
from emprobe.activations.sets import _load_path
from emprobe.config import ExperimentConfig, ExtractConfig
from emprobe.data.datasets import builtin_domains, load_dataset
from emprobe.generate import length_sorted_batches
from emprobe.models import load_model, model_dims


def write_set(path: Path, n: int, base: int = 200) -> Path:
    """``n`` examples cycling through the same ``base`` conversations (round-robin over the domains), so sets of
    different sizes share one length distribution and memory differences come from the count alone."""
    per_domain = [load_dataset(d + ":aligned") for d in builtin_domains()]
    convs = [per_domain[i % len(per_domain)][i // len(per_domain)] for i in range(base)]
    rows = [{"id": f"x{i}", "messages": convs[i % len(convs)]} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def bare_forward_seconds(model_name: str, set_path: Path, batch_size: int) -> tuple[float, float]:
    """Time of plain HF forwards with output_hidden_states over the same length-sorted, left-padded batches."""
    import torch

    loaded = load_model(model_name, dtype="float32")
    encoded = answer_spans(loaded.tokenizer, _load_path(set_path), 2048)
    batches = length_sorted_batches([len(e[0]) for e in encoded], batch_size)
    real = sum(len(e[0]) for e in encoded)
    padded = sum(max(len(encoded[i][0]) for i in b) * len(b) for b in batches)
    start = time.perf_counter()
    with torch.no_grad():
        for b in batches:
            width = max(len(encoded[i][0]) for i in b)
            ids = torch.full((len(b), width), loaded.tokenizer.pad_token_id, dtype=torch.long)
            mask = torch.zeros_like(ids)
            for row, i in enumerate(b):
                ids[row, width - len(encoded[i][0]):] = torch.tensor(encoded[i][0])
                mask[row, width - len(encoded[i][0]):] = 1
            loaded.model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
    return time.perf_counter() - start, 1 - real / padded


def emprobe_seconds(model_name: str, set_path: Path, layer: int, batch_size: int, work: Path) -> float:
    config = ExperimentConfig(name=f"bench-l{layer}", base_model=model_name, dtype="float32",
                              runs_dir=str(work / "runs"),
                              activations_dir=str(work / "acts"), extract=ExtractConfig(batch_size=batch_size))
    start = time.perf_counter()
    run_extract(config, [layer], set_name=str(set_path), show_progress=False)
    return time.perf_counter() - start


CHILD = """
import json, resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from bench_extract import emprobe_seconds, write_set
work = Path(tempfile.mkdtemp())
path = write_set(work / "set.jsonl", int(sys.argv[2]))
emprobe_seconds(sys.argv[1], path, int(sys.argv[3]), 16, work)
print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def peak_rss_mb(model_name: str, n: int, layer: int) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, model_name, str(n), str(layer), str(Path(__file__).parent)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["maxrss_mb"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args()
    n_layers = model_dims(load_model(args.model).model).n_layers
    last, two_thirds = n_layers - 1, (2 * n_layers) // 3
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.skip_timing:
            return print_memory(args.model, two_thirds)
        set_path = write_set(work / "set.jsonl", args.n)
        bare, pad = bare_forward_seconds(args.model, set_path, args.batch_size)
        ours_last = emprobe_seconds(args.model, set_path, last, args.batch_size, work)
        ours_mid = emprobe_seconds(args.model, set_path, two_thirds, args.batch_size, work)
    print(f"extract on {args.model}, {args.n} examples, batch {args.batch_size}, "
          f"padding share {pad:.1%}: bare HF forward "
          f"{bare:.1f} s; emprobe layer {last} (last) {ours_last:.1f} s = {ours_last / bare:.2f}x (target <= 1.0); "
          f"layer {two_thirds} (2/3 depth) {ours_mid:.1f} s = {ours_mid / bare:.2f}x (target <= 0.75)")
    if not args.skip_memory:
        print_memory(args.model, two_thirds)


def print_memory(model: str, layer: int) -> None:
    small, large = peak_rss_mb(model, 200, layer), peak_rss_mb(model, 2000, layer)
    print(f"peak RSS extracting layer {layer}: 200 examples {small:.0f} MB, 2000 examples {large:.0f} MB, "
          f"+{(large / small - 1):.1%} (target <= +15%)")


if __name__ == "__main__":
    main()
