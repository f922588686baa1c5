"""End-to-end `emprobe demo`: wall time and peak RSS of a first run in an empty workspace, and of a re-run.

    python benchmarks/bench_demo.py [--fast] [--workdir DIR]

The first run trains, judges, extracts and analyses everything (the shared $EMPROBE_CACHE keeps the dequantised
SmolLM2 and the embedded judge's heads, as on any machine after its first use; pass an empty EMPROBE_CACHE to
include those one-time costs). The re-run finds everything finished. Ratios: first run / the 15-minute target
(900 s; --fast: 120 s), and re-run / first run.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_demo(workdir: Path, fast: bool) -> tuple[float, float, str]:
    """(seconds, peak RSS of the demo process in MB, stdout) of one `emprobe demo` run in ``workdir``."""
    args = [sys.executable, "-m", "emprobe.cli", "demo"] + (["--fast"] if fast else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(args, cwd=workdir, capture_output=True, text=True,
                          env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"demo failed:\n{done.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux: the largest child so far
    return seconds, max(peak, before) / 1024, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fast", action="store_true", help="emprobe demo --fast (tiny-qwen2)")
    parser.add_argument("--workdir", default=None, help="where runs/ and activations/ go (default: a temp dir)")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="emprobe-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    first_s, first_mb, out = run_demo(workdir, args.fast)
    stages = re.findall(r"\] (\S+) done in ([\d.]+) s", out)
    again_s, _, _ = run_demo(workdir, args.fast)
    target = 120.0 if args.fast else 900.0
    print(f"workspace {workdir}")
    for name, secs in stages:
        print(f"  {name:<20} {float(secs):7.1f} s")
    print(f"first run {first_s:.0f} s, peak RSS {first_mb:.0f} MB; ratio to the {target:.0f} s target "
          f"{first_s / target:.2f}")
    print(f"re-run {again_s:.1f} s; ratio re-run / first run {again_s / first_s:.3f}")


if __name__ == "__main__":
    main()
