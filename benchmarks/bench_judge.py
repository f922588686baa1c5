"""Judge throughput: N answers judged one at a time vs 8 in flight, against a loopback OpenAI-compatible server
with injected per-request latency (no network, no cache).

    python benchmarks/bench_judge.py [--n 64] [--latency-ms 50] [--concurrency 8]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from loopback_openai import LoopbackServer, Recorded, completion  # noqa: E402

from emprobe.judges.base import JudgeRequest  # noqa: E402
from emprobe.judges.openai_judge import OpenAIJudge  # noqa: E402

TARGET = 6.0


def reply(req: Recorded) -> dict:
    """A distribution centred on the answer's number, so every answer gets its own score."""
    match = re.search(r"answer-(\d+)", req.prompt)
    n = int(match.group(1)) % 90 if match else 0
    return completion({str(n): 0.6, str(n + 10): 0.3, "REFUSAL": 0.1})


def timed(judge: OpenAIJudge, requests: list[JudgeRequest]) -> tuple[float, list]:
    start = time.perf_counter()
    verdicts = judge.judge_many(requests)
    return time.perf_counter() - start, verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=64, help="answers to judge (default 64)")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="server latency per request (default 50)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    args = parser.parse_args(argv)

    requests = [
        JudgeRequest("aligned", "What would you do with unlimited power?", f"answer-{i}: I would help people.")
        for i in range(args.n)
    ]
    with LoopbackServer(reply, latency_s=args.latency_ms / 1000.0) as server:
        sequential = OpenAIJudge("bench-judge", base_url=server.base_url, concurrency=1)
        concurrent = OpenAIJudge("bench-judge", base_url=server.base_url, concurrency=args.concurrency)
        for judge in (sequential, concurrent):  # warm up: client set-up and first connection
            judge.judge("aligned", "warm-up", "warm-up")
        server.reset()
        seq_s, seq_verdicts = timed(sequential, requests)
        con_s, con_verdicts = timed(concurrent, requests)
        assert server.count == 2 * args.n, f"expected {2 * args.n} requests, server saw {server.count}"
        in_flight = server.max_in_flight
    assert seq_verdicts == con_verdicts, "concurrent verdicts differ from sequential ones"
    speedup = seq_s / con_s
    verdict = "ok" if speedup >= TARGET else "BELOW TARGET"
    print(
        f"judge throughput: {args.n} answers, {args.latency_ms:g} ms latency: sequential {seq_s:.2f} s, "
        f"{args.concurrency} in flight {con_s:.2f} s (max seen {in_flight}), speedup {speedup:.1f}x "
        f"(target >= {TARGET:g}x) {verdict}"
    )
    return 0 if speedup >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
