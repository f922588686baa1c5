"""The SQLite judgement cache against the JSONL cache it replaced, at 100,000 cached verdicts.

Both hold the same verdicts. What a run pays: opening the cache and looking up verdicts (here 1,000 random keys, of
which half are cached). The JSONL baseline is the earlier emprobe's method, reimplemented here as it was: read the
whole file into a dict on open. The SQLite store is built with the import path a user's old cache takes.

    python benchmarks/bench_judge_cache.py [--n 100000] [--lookups 1000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emprobe.judges.base import Judgement  # noqa: E402
from emprobe.judges.cache import JudgementCache, cache_key  # noqa: E402


def jsonl_open(path: Path) -> dict[str, Judgement]:
    """The earlier cache: every line parsed into memory."""
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        entries[row["key"]] = Judgement.from_dict(row["judgement"])
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=1_000)
    args = parser.parse_args()
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        keys = [cache_key("openai", "judge-x", "aligned", f"question {i % 500}", f"answer number {i} " + "x" * 200)
                for i in range(args.n)]
        jsonl = tmp / "openai.jsonl"
        with open(jsonl, "w", encoding="utf-8") as fh:
            for k, key in enumerate(keys):
                fh.write(json.dumps({"key": key,
                                     "judgement": {"score": float(k % 101), "outcome": "score", "mass": 0.9}}) + "\n")
        start = time.perf_counter()
        store = JudgementCache(tmp / "judgements.sqlite")
        imported = store.import_jsonl(jsonl)
        store.close()
        import_s = time.perf_counter() - start
        probe = [rng.choice(keys) if rng.random() < 0.5 else f"missing-{i}" for i in range(args.lookups)]

        start = time.perf_counter()
        entries = jsonl_open(jsonl)
        hits_jsonl = sum(entries.get(k) is not None for k in probe)
        jsonl_s = time.perf_counter() - start
        del entries

        start = time.perf_counter()
        store = JudgementCache(tmp / "judgements.sqlite")
        hits_sqlite = sum(store.get(k) is not None for k in probe)
        sqlite_s = time.perf_counter() - start
        store.close()
        assert hits_jsonl == hits_sqlite, (hits_jsonl, hits_sqlite)
        size = {"jsonl": jsonl.stat().st_size, "sqlite": (tmp / "judgements.sqlite").stat().st_size}
    print(f"{args.n} cached verdicts ({imported} imported in {import_s:.2f} s), "
          f"{args.lookups} lookups ({hits_sqlite} hits)")
    print(f"JSONL cache (load all, then look up): {jsonl_s * 1000:.0f} ms, file {size['jsonl'] / 2**20:.1f} MiB")
    print(f"SQLite cache (open, indexed lookups): {sqlite_s * 1000:.0f} ms, file {size['sqlite'] / 2**20:.1f} MiB")
    print(f"ratio SQLite / JSONL: {sqlite_s / jsonl_s:.3f}")


if __name__ == "__main__":
    main()
