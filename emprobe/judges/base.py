"""The judge interface: ``score(rubric, question, answer) -> float | None`` on a 0–100 scale.

``None`` means no score: a refusal, code where prose was asked, or an unparseable judgement. Such outcomes are
counted (see :class:`Judgement`), never silently dropped.
"""
from __future__ import annotations

import abc
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

RUBRICS = ("aligned", "coherent", "self-report-lean")
# Outcomes besides a number: the aligned rubric may answer REFUSAL or CODE; any rubric may be unparseable.
OUTCOMES = ("score", "refusal", "code", "unparseable")


@dataclass(frozen=True)
class Judgement:
    """One judge verdict: ``score`` in [0, 100] when ``outcome == "score"``, else ``None``."""

    score: float | None
    outcome: str = "score"
    mass: float | None = None  # probability mass on number tokens (logprob backends)

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome {self.outcome!r}: valid are {', '.join(OUTCOMES)}")
        if (self.score is None) != (self.outcome != "score"):
            raise ValueError("a judgement has a score exactly when its outcome is 'score'")

    def to_dict(self) -> dict:
        return {"score": self.score, "outcome": self.outcome, "mass": self.mass}

    @classmethod
    def from_dict(cls, data: dict) -> "Judgement":
        return cls(score=data["score"], outcome=data["outcome"], mass=data.get("mass"))


@dataclass(frozen=True)
class JudgeRequest:
    rubric: str
    question: str
    answer: str


class Judge(abc.ABC):
    """A judge backend. Subclasses implement :meth:`judge`; :meth:`judge_many` runs ``concurrency`` at once."""

    name: str = "judge"
    concurrency: int = 1

    @property
    @abc.abstractmethod
    def model_id(self) -> str:
        """Identifies the judging model in cache keys and output files."""

    @abc.abstractmethod
    def judge(self, rubric: str, question: str, answer: str) -> Judgement:
        """Judge one answer under ``rubric``."""

    def score(self, rubric: str, question: str, answer: str) -> float | None:
        """0–100, or ``None`` for refusal / code / unparseable."""
        return self.judge(rubric, question, answer).score

    def judge_many(self, requests: Sequence[JudgeRequest]) -> list[Judgement]:
        """Judge many answers, in order, up to ``concurrency`` at a time."""
        return run_concurrently(lambda r: self.judge(r.rubric, r.question, r.answer), requests, self.concurrency)


def run_concurrently(fn: Callable[[T], R], items: Sequence[T], concurrency: int) -> list[R]:
    """``[fn(x) for x in items]`` with up to ``concurrency`` calls in flight; on the first error the calls not yet
    started are cancelled (so a dead endpoint fails fast) and the error is raised."""
    if concurrency <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        futures = [pool.submit(fn, x) for x in items]
        return [f.result() for f in futures]
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)


def check_rubric(rubric: str) -> None:
    if rubric not in RUBRICS:
        raise ValueError(f"unknown rubric {rubric!r}: valid are {', '.join(RUBRICS)}")
