"""The harm experiment on SmolLM2 through an OpenAI-compatible server vs the local backend: same items, greedy.

The server is tests/loopback_serving.py (transformers, batching greedy requests that arrive within 20 ms of each
other, up to 8 at a time, as a serving engine batches): on the CPU the engine is the same model, so the ratio
measures what the served path costs on top of generation (HTTP, JSON, threads, per-request scheduling), not a
serving engine's speed. Both runs use the same loopback judge (deterministic verdicts) and run
``emprobe run-behavioral --experiments harm`` in a fresh process; the figure is each command's wall time.
Rows are compared answer by answer.

    python benchmarks/bench_serving.py [--questions 8] [--samples 2] [--tokens 48]

Against a real ``vllm serve`` (on a GPU machine): ``--base-url http://host:8000/v1 --served-model NAME`` runs only
the served side against that server.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from loopback_openai import LoopbackServer, completion  # noqa: E402


def judge_reply(request) -> dict:
    score = int(hashlib.sha256(request.prompt.encode()).hexdigest(), 16) % 101
    return completion({str(score): 0.7, str((score + 11) % 101): 0.3})


def config(work: Path, runs: str, judge_url: str, args: argparse.Namespace, generation: dict) -> Path:
    data = {
        "name": "bench-serving", "base_model": "smollm2-135m", "dtype": "float32", "runs_dir": str(work / runs),
        "organisms": [],
        "generation": {"temperature": 0.0, "max_new_tokens": args.tokens, "batch_size": 8, **generation},
        "behavioral": {"samples_per_question": args.samples, "questions": ["em-core"]},
        "judge": {"backend": "openai", "model": "loopback", "base_url": judge_url,
                  "api_key_env": "EMPROBE_TEST_NO_API_KEY",
                  "concurrency": 8},
    }
    path = work / f"{runs}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def run(path: Path, work: Path) -> float:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "EMPROBE_CACHE": str(work / "cache"), "OMP_NUM_THREADS": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "emprobe.cli", "run-behavioral", "--config", str(path),
                           "--experiments", "harm"],
                          cwd=work, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return time.perf_counter() - start


def rows(work: Path, runs: str) -> dict[str, str]:
    path = work / runs / "bench-serving" / "base" / "harm.jsonl"
    return {r["id"]: r["answer"] for r in map(json.loads, path.read_text().splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=2)
    parser.add_argument("--tokens", type=int, default=48)
    parser.add_argument("--base-url", default=None,
                        help="a running server (e.g. vllm serve); skips the loopback and the local run")
    parser.add_argument("--served-model", default=None)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # the server (this process) and the client each take one core
    import torch

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer(judge_reply) as judge:
        work = Path(tmp)
        if args.base_url:
            served = run(config(work, "served", judge.base_url, args, {"backend": "openai", "base_url": args.base_url,
                                                                      "served_model": args.served_model}), work)
            print(f"served ({args.base_url}): {served:.1f} s, {len(rows(work, 'served'))} rows")
            return
        from loopback_serving import ServingServer

        local_config = config(work, "local", judge.base_url, args, {})
        local = run(local_config, work)
        local_fixed = run(local_config, work)  # everything done: start-up, loading, checks
        with ServingServer("smollm2-135m", batch_window_s=0.02, max_batch=8) as server:
            served_config = config(work, "served", judge.base_url, args,
                                   {"backend": "openai", "base_url": server.base_url, "concurrency": 8})
            served = run(served_config, work)
            served_fixed = run(served_config, work)
        a, b = rows(work, "local"), rows(work, "served")
        same = sum(a[k] == b.get(k) for k in a)
        print(f"harm on smollm2-135m, {len(a)} items (em-core x {args.samples} samples), greedy, "
              f"{args.tokens} new tokens, one thread each")
        print(f"  local backend   {local:7.1f} s   (re-run with every row done: {local_fixed:.1f} s: "
              "start-up and loading the weights)")
        print(f"  served backend  {served:7.1f} s   (re-run: {served_fixed:.1f} s: "
              "start-up, the tokenizer, listing the server's models;"
              " the server loaded its model before the clock started)")
        print(f"  ratio served/local, whole command: {served / local:.2f}; the work alone (minus the re-run): "
              f"{(served - served_fixed) / (local - local_fixed):.2f}")
        print(f"  rows identical: {same} of {len(a)}" + ("" if same == len(a) else
              f"; differing ids: {', '.join(k for k in a if a[k] != b.get(k))[:300]}"))


if __name__ == "__main__":
    main()
