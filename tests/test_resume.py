"""The one resumable loop: unfinished batches only, in order; a run killed mid-way resumes without losing or
duplicating rows; progress counts finished batches from the start."""
import pytest

from emprobe.resume import append_pending, run_pending
from emprobe.store import ResultsFile


def test_a_failed_run_resumes_with_exactly_the_missing_batches(tmp_path):
    items = [f"q{i}" for i in range(10)]
    batches = [items[i : i + 3] for i in range(0, 10, 3)]
    measured: list[list[str]] = []

    def measure(batch):
        measured.append(list(batch))
        if batch[0] == "q6" and len(measured) == 3:
            raise RuntimeError("judge down")
        return [{"id": it, "value": int(it[1:])} for it in batch]

    results = ResultsFile(tmp_path / "rows.jsonl")
    with pytest.raises(RuntimeError):
        append_pending(results, batches, str, measure, desc="t", unit="item", show_progress=False)
    assert sorted(ResultsFile(tmp_path / "rows.jsonl").rows) == items[:6]
    measured.clear()
    again = append_pending(ResultsFile(tmp_path / "rows.jsonl"), batches, str, measure, desc="t", unit="item",
                           show_progress=False)
    assert measured == [["q6", "q7", "q8"], ["q9"]]  # only what was missing, in order
    lines = (tmp_path / "rows.jsonl").read_text().splitlines()
    assert len(lines) == 10 and sorted(again.rows) == sorted(items)  # nothing lost, nothing twice


def test_run_pending_counts_progress_within_and_after_a_batch():
    seen, advanced = [], []

    def process(batch, advance):
        seen.append(batch)
        if batch == "long":
            advance(2)
            advanced.append(2)

    n = run_pending(["done", "long", "short"], done=lambda b: b == "done", process=process,
                    size=lambda b: 4, desc="t", unit="x", show_progress=False)
    assert n == 2 and seen == ["long", "short"] and advanced == [2]
