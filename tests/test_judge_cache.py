"""The SQLite judgement cache: verdicts survive, unparseable ones are asked once more, a JSONL cache of an earlier
emprobe is imported once, and two processes writing at once lose nothing."""
from __future__ import annotations

import json
import subprocess
import sys

from emprobe.judges.base import Judge, Judgement, JudgeRequest
from emprobe.judges.cache import CachedJudge, JudgementCache, cache_key


class Scripted(Judge):
    """A judge that answers from a list of outcomes per answer and counts its calls."""

    name = "scripted"

    def __init__(self, outcomes: dict[str, list[Judgement]]) -> None:
        self.outcomes = outcomes
        self.asked: list[str] = []

    @property
    def model_id(self) -> str:
        return "scripted-v1"

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        self.asked.append(answer)
        return self.outcomes[answer].pop(0)


def test_unparseable_is_asked_once_more_on_the_next_run(tmp_path):
    path = tmp_path / "c.sqlite"
    bad = Judgement(None, "unparseable", mass=0.1)
    inner = Scripted({"a": [Judgement(40.0)], "b": [bad, bad, Judgement(70.0)]})
    first = CachedJudge(inner, JudgementCache(path)).judge_many([JudgeRequest("aligned", "q", x)
                                                                 for x in ("a", "b", "b")])
    assert [v.outcome for v in first] == ["score", "unparseable", "unparseable"] and inner.asked == ["a", "b"]
    second = CachedJudge(inner, JudgementCache(path)).judge_many([JudgeRequest("aligned", "q", "b")])
    assert second[0].outcome == "unparseable" and inner.asked == ["a", "b", "b"]  # asked once more, still unparseable
    third = CachedJudge(inner, JudgementCache(path)).judge_many([JudgeRequest("aligned", "q", x) for x in ("a", "b")])
    assert [v.outcome for v in third] == ["score", "unparseable"] and inner.asked == ["a", "b", "b"]  # kept from now on


def test_jsonl_cache_is_imported_once(tmp_path):
    legacy = tmp_path / "old.jsonl"
    key = cache_key("openai", "m", "aligned", "q", "a")
    legacy.write_text(json.dumps({"key": key, "judgement": {"score": 12.0, "outcome": "score", "mass": 0.9}}) + "\n"
                      + '{"key": "cut')
    cache = JudgementCache(tmp_path / "c.sqlite")
    assert cache.import_jsonl(legacy) == 1 and cache.import_jsonl(legacy) == 0
    assert cache.get(key).score == 12.0 and len(cache) == 1


WRITER = """
import sys
from emprobe.judges.base import Judgement
from emprobe.judges.cache import JudgementCache
cache = JudgementCache(sys.argv[1])
me = sys.argv[2]
for i in range(400):
    cache.put(f"shared-{i}", Judgement(float(i)))
    cache.put(f"{me}-{i}", Judgement(float(i)))
"""


def test_two_processes_write_at_once(tmp_path):
    path = tmp_path / "c.sqlite"
    JudgementCache(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name], stderr=subprocess.PIPE)
             for name in ("p", "q")]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    cache = JudgementCache(path)
    assert len(cache) == 3 * 400
    assert all(cache.get(f"{who}-{i}").score == float(i) for who in ("p", "q", "shared") for i in (0, 199, 399))
