"""On-disk judgement cache keyed by (backend, judge model, rubric key, question, answer): nothing is judged twice.

A template rubric's key holds its scale and a hash of its template, so an edited template is judged afresh."""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Sequence

from .base import Judge, Judgement, JudgeRequest, run_concurrently


def cache_key(backend: str, model: str, rubric: str, question: str, answer: str) -> str:
    blob = json.dumps([backend, model, rubric, question, answer], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class JudgementCache:
    """An append-only JSONL file of ``{"key", "judgement"}`` lines, loaded into memory; thread-safe appends."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._entries: dict[str, Judgement] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                    self._entries[row["key"]] = Judgement.from_dict(row["judgement"])
                except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                    continue  # a line cut by a kill mid-write: judged again on demand

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Judgement | None:
        return self._entries.get(key)

    def put(self, key: str, judgement: Judgement) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = judgement
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"key": key, "judgement": judgement.to_dict()}) + "\n")
                fh.flush()
                os.fsync(fh.fileno())


class CachedJudge(Judge):
    """Wraps a judge with a :class:`JudgementCache`: cached verdicts are returned without calling the backend."""

    def __init__(self, inner: Judge, cache: JudgementCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.concurrency = inner.concurrency
        self.calls = 0  # backend calls made (cache misses)
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def _key(self, request: JudgeRequest) -> str:
        return cache_key(self.inner.name, self.inner.model_id, request.rubric_key, request.question, request.answer)

    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        return self.judge_request(JudgeRequest(rubric, question, answer))

    def judge_rubric(self, rubric, question: str, answer: str) -> Judgement:
        return self.judge_request(JudgeRequest(rubric.name, question, answer, rubric))

    def judge_request(self, request: JudgeRequest) -> Judgement:
        key = self._key(request)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        judgement = self.inner.judge_request(request)
        with self._lock:
            self.calls += 1
        self.cache.put(key, judgement)
        return judgement

    def judge_many(self, requests: Sequence[JudgeRequest]) -> list[Judgement]:
        """Judge the uncached requests ``concurrency`` at a time; each verdict is cached as soon as it arrives,
        so an error part-way (an endpoint down after its retries) keeps everything judged before it."""
        unique = list({self._key(r): r for r in requests}.values())
        if getattr(self.inner, "batched", False):  # a local backend that judges a whole batch at once
            missing = [r for r in unique if self.cache.get(self._key(r)) is None]
            for start in range(0, len(missing), 64):
                chunk = missing[start : start + 64]
                for r, verdict in zip(chunk, self.inner.judge_many(chunk)):
                    self.calls += 1
                    self.cache.put(self._key(r), verdict)
        else:
            run_concurrently(self.judge_request, unique, self.concurrency)
        return [self.judge_request(r) for r in requests]
