"""On-disk judgement cache keyed by (backend, judge model, rubric key, scoring version, question, answer): nothing
is judged twice.

A template rubric's key holds its scale and a hash of its template, so an edited template is judged afresh. The
cache is one SQLite database (WAL mode: several processes may read and write it at once; lookups are indexed,
nothing is loaded whole). An unparseable verdict is stored with its outcome but asked once more on the next run;
an endpoint's ``rejected`` verdict is never stored. A JSONL cache of an earlier emprobe is imported once.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Sequence

from .base import Judge, Judgement, JudgeRequest, run_concurrently
from .scoring import SCORING_VERSION

SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    key TEXT PRIMARY KEY, scoring_version INTEGER NOT NULL, judgement TEXT NOT NULL, outcome TEXT NOT NULL,
    attempts INTEGER NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS imports (path TEXT PRIMARY KEY, rows INTEGER NOT NULL, created REAL NOT NULL);
"""


def cache_key(backend: str, model: str, rubric: str, question: str, answer: str) -> str:
    """sha256 over (backend, judge model id, rubric key, question, answer); the scoring version is a column."""
    blob = json.dumps([backend, model, rubric, question, answer], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class JudgementCache:
    """A SQLite table of verdicts by key; thread-safe, and safe for several processes (WAL, busy timeout)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=60.0, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._fresh: set[str] = set()  # keys this process stored: an unparseable one is not asked again in this run

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def get(self, key: str) -> Judgement | None:
        """The stored verdict, or None: never judged, or unparseable and not yet asked a second time."""
        with self._lock:
            row = self._db.execute("SELECT judgement, outcome, attempts FROM verdicts "
                                   "WHERE key = ? AND scoring_version = ?",
                                   (key, SCORING_VERSION)).fetchone()
        if row is None:
            return None
        judgement, outcome, attempts = row
        if outcome == "unparseable" and attempts < 2 and key not in self._fresh:
            return None
        return Judgement.from_dict(json.loads(judgement))

    def put(self, key: str, judgement: Judgement) -> None:
        """Store ``judgement``: it replaces a re-asked unparseable verdict or one of an older scoring version, never a
        kept one (two processes judging the same answer keep the first)."""
        blob = json.dumps(judgement.to_dict())
        with self._lock:
            self._db.execute(
                "INSERT INTO verdicts (key, scoring_version, judgement, outcome, attempts, created) "
                "VALUES (?, ?, ?, ?, 1, ?) "
                "ON CONFLICT(key) DO UPDATE SET judgement = excluded.judgement, outcome = excluded.outcome, "
                "attempts = CASE WHEN verdicts.scoring_version = excluded.scoring_version "
                "THEN verdicts.attempts + 1 ELSE 1 END, "
                "scoring_version = excluded.scoring_version "
                "WHERE verdicts.outcome = 'unparseable' OR verdicts.scoring_version != excluded.scoring_version",
                (key, SCORING_VERSION, blob, judgement.outcome, time.time()))
            self._fresh.add(key)

    def import_jsonl(self, path: Path) -> int:
        """Import an earlier emprobe's JSONL cache once (lines cut by a kill are skipped); returns rows imported."""
        path = Path(path)
        with self._lock:
            if self._db.execute("SELECT 1 FROM imports WHERE path = ?", (str(path.resolve()),)).fetchone():
                return 0
        rows = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                row = json.loads(line)
                judgement = Judgement.from_dict(row["judgement"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                continue
            rows.append((row["key"], SCORING_VERSION, json.dumps(judgement.to_dict()), judgement.outcome, 1,
                         time.time()))
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR IGNORE INTO verdicts VALUES (?, ?, ?, ?, ?, ?)", rows)
            self._db.execute("INSERT OR REPLACE INTO imports VALUES (?, ?, ?)",
                             (str(path.resolve()), len(rows), time.time()))
            self._db.execute("COMMIT")
        return len(rows)


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
        if judgement.outcome != "rejected":  # an endpoint's refusal is asked again on the next run
            self.cache.put(key, judgement)
        return judgement

    def judge_many(self, requests: Sequence[JudgeRequest]) -> list[Judgement]:
        """Judge the uncached requests ``concurrency`` at a time; each verdict is cached as soon as it arrives,
        so an error part-way (an endpoint down after its retries) keeps everything judged before it."""
        unique = {self._key(r): r for r in requests}
        verdicts = {k: v for k in unique if (v := self.cache.get(k)) is not None}
        missing = [k for k in unique if k not in verdicts]
        if getattr(self.inner, "batched", False):  # a local backend that judges a whole batch at once
            for start in range(0, len(missing), 64):
                chunk = missing[start : start + 64]
                for k, verdict in zip(chunk, self.inner.judge_many([unique[k] for k in chunk])):
                    self.calls += 1
                    if verdict.outcome != "rejected":
                        self.cache.put(k, verdict)
                    verdicts[k] = verdict
        else:
            verdicts.update(zip(missing, run_concurrently(self.judge_request, [unique[k] for k in missing],
                                                          self.concurrency)))
        return [verdicts[self._key(r)] for r in requests]
