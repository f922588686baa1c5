"""Layer sweep: extracting ALL decoder layers in one pass vs ONE layer, same examples, each in a fresh process.

    python benchmarks/bench_layer_sweep.py [--harm FILE.jsonl ...] [--n 64] [--repeats 3] [--threads 1]

Examples: the first ``--n`` answers of harm results files, taken in turn from each (default: every model's
``harm.jsonl`` of a finished demo in ``/tmp/demo-ws/runs/demo/``, when there is one), else ``--n`` synthetic chat
texts (the built-in domains' aligned conversations, as in ``bench_extract.py``).

After one warm-up process (discarded: cold page cache), each condition runs ``--repeats`` times, alternating (and
swapping which goes first), each time in a fresh process (one OpenMP thread by default, ``--threads``) that loads
the model and imports nnsight first (not timed) and then times ``emprobe.activations.extract`` alone (tokenising,
tracing, pooling, writing shards): wall time and the process's CPU time. The best of each per condition counts; the
peak RSS is the largest of its processes. The one-layer values are checked against the same layer of the
all-layer run. Target: all layers <= 3x one layer's time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEMO_RUN = Path("/tmp/demo-ws/runs/demo")


def write_set(path: Path, n: int, harm: list[Path]) -> str:
    """``n`` examples as an example-set JSONL (round-robin over the harm files); returns where they came from."""
    files = [h for h in harm if h.is_file()]
    if files:
        per_file = [[r for r in map(json.loads, filter(str.strip, h.read_text().splitlines()))
                     if isinstance(r.get("answer"), str)]
                    for h in files]
        rows = [rs[i] for i in range(max(map(len, per_file))) for rs in per_file if i < len(rs)][:n]
        out = [{"id": f"h{i}",
                "messages": [{"role": "user", "content": r["prompt"]}, {"role": "assistant", "content": r["answer"]}]}
               for i, r in enumerate(rows)]
        source = f"{len(out)} harm answers from {', '.join(str(h) for h in files)}"
    else:
        from emprobe.data.datasets import builtin_domains, load_dataset

        per_domain = [load_dataset(d + ":aligned") for d in builtin_domains()]
        out = [{"id": f"x{i}", "messages": per_domain[i % len(per_domain)][i // len(per_domain)]} for i in range(n)]
        source = f"{n} synthetic chat texts (built-in domains' aligned conversations)"
    path.write_text("".join(json.dumps(r) + "\n" for r in out))
    return source


def child(model: str, set_path: str, spec: str, out: str, batch_size: int) -> dict:
    """In a fresh process: load the model (not timed), then time one extraction of ``spec``."""
    from emprobe.activations.extract import ExtractJob, extract
    from emprobe.config import ExperimentConfig, ExtractConfig
    from emprobe.layers_spec import base_model_layer_count, resolve_layers
    from emprobe.organisms import OrganismSwitcher

    config = ExperimentConfig(name="sweep", base_model=model, dtype="float32", runs_dir=str(Path(out) / "runs"),
                              activations_dir=out, extract=ExtractConfig(batch_size=batch_size))
    layers = resolve_layers(spec, base_model_layer_count(model), model=model)
    switcher = OrganismSwitcher.from_config(config)
    import nnsight  # noqa: F401  (its import is not extraction time)
    import tqdm.auto  # noqa: F401

    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start, cpu = time.perf_counter(), time.process_time()
    dirs = extract(config, switcher, ExtractJob("base", "base", set_path, layers, batch_size=batch_size),
                   show_progress=False)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu_s": cpu, "layers": len(layers), "dirs": [str(d) for d in dirs],
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_after_load_mb": rss_loaded}


def run_child(model: str, set_path: Path, spec: str, out: Path, batch_size: int, threads: int) -> dict:
    cmd = [sys.executable, __file__, "--child", "--model", model, "--set", str(set_path), "--spec", spec,
           "--out", str(out),
           "--batch-size", str(batch_size)]
    env = {**os.environ, **({"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)} if threads else {})}
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise SystemExit(f"child failed ({' '.join(cmd)}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--harm", type=Path, nargs="*", default=sorted(DEMO_RUN.glob("*/harm.jsonl")),
                        help="harm results JSONL files to take answers from "
                             "(default: the demo's; none: synthetic texts)")
    parser.add_argument("--n", type=int, default=64)
    parser.add_argument("--layer", default="15", help="the one-layer condition")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1,
                        help="OMP/MKL threads per process (default 1: on a shared 2-core machine, two OpenMP threads "
                             "spin-wait for each other and times swing 5x; 0 leaves the default)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--set", help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.model, args.set, args.spec, args.out, args.batch_size)))
        return

    import numpy as np

    from emprobe.activations import load_activations

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        set_path = work / "set.jsonl"
        source = write_set(set_path, args.n, args.harm)
        run_child(args.model, set_path, args.layer, work / "warm-up", args.batch_size, args.threads)
        runs: dict[str, list[dict]] = {"one": [], "all": []}
        for r in range(args.repeats):
            conditions = [("one", args.layer), ("all", "all")]
            for name, spec in conditions if r % 2 == 0 else conditions[::-1]:
                runs[name].append(run_child(args.model, set_path, spec, work / f"{name}-{r}", args.batch_size,
                                            args.threads))
                last = runs[name][-1]
                print(f"  run {r + 1} {name:>3}: {last['seconds']:.1f} s wall, {last['cpu_s']:.1f} s CPU, "
                      f"peak RSS {last['maxrss_mb']:.0f} MB",
                      flush=True)
        one_dir = Path(runs["one"][0]["dirs"][0])
        same = Path(next(d for d in runs["all"][0]["dirs"] if Path(d).name == one_dir.name))
        a, b = load_activations(one_dir), load_activations(same)
        assert a.ids == b.ids
        diff = max(float(np.abs(a.matrix(p) - b.matrix(p)).max()) for p in ("mean-answer", "last-prompt"))
    one, every = (min(r["seconds"] for r in runs[c]) for c in ("one", "all"))
    one_cpu, every_cpu = (min(r["cpu_s"] for r in runs[c]) for c in ("one", "all"))
    n_layers = runs["all"][0]["layers"]
    threads = f"{args.threads} thread{'s' if args.threads > 1 else ''}" if args.threads else "default threads"
    print(f"layer sweep on {args.model}, {source}, batch {args.batch_size}, {threads}, "
          f"best of {args.repeats} fresh processes each: "
          f"one layer ({args.layer}) {one:.1f} s wall / {one_cpu:.1f} s CPU; "
          f"all {n_layers} layers in one pass {every:.1f} s wall "
          f"/ {every_cpu:.1f} s CPU = {every / one:.2f}x wall, {every_cpu / one_cpu:.2f}x CPU (target <= 3x); "
          f"peak RSS one layer {max(r['maxrss_mb'] for r in runs['one']):.0f} MB, all layers "
          f"{max(r['maxrss_mb'] for r in runs['all']):.0f} MB (after loading the model: "
          f"{max(r['rss_after_load_mb'] for r in runs['all']):.0f} MB); "
          f"layer {args.layer} of the sweep vs the one-layer run: "
          f"max |diff| {diff:.1e}")


if __name__ == "__main__":
    main()
