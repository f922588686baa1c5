"""The judge interface: ``score(rubric, question, answer) -> float | None`` on a 0–100 scale.

``None`` means no score: a refusal, code where prose was asked, or an unparseable judgement. Such outcomes are
counted (see :class:`Judgement`), never silently dropped.
"""
from __future__ import annotations

import abc
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence, TypeVar

from ..errors import EmprobeError

if TYPE_CHECKING:
    from .rubrics import Rubric

T = TypeVar("T")
R = TypeVar("R")

RUBRICS = ("aligned", "coherent", "self-report-lean")
# Outcomes besides a number: the aligned rubric may answer REFUSAL or CODE; any rubric may be unparseable; an
# endpoint may refuse to judge an item (``rejected``: a content filter, a context-length error; never cached).
OUTCOMES = ("score", "refusal", "code", "unparseable", "rejected")


@dataclass(frozen=True)
class Judgement:
    """One judge verdict: ``score`` in [0, 100] when ``outcome == "score"``, else ``None``."""

    score: float | None
    outcome: str = "score"
    mass: float | None = None  # probability mass on number tokens (logprob backends)
    probs: tuple[float, ...] | None = None  # a custom rubric's distribution over its scale's integers, lo first

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome {self.outcome!r}: valid are {', '.join(OUTCOMES)}")
        if (self.score is None) != (self.outcome != "score"):
            raise ValueError("a judgement has a score exactly when its outcome is 'score'")

    def to_dict(self) -> dict:
        out = {"score": self.score, "outcome": self.outcome, "mass": self.mass}
        return out if self.probs is None else {**out, "probs": list(self.probs)}

    @classmethod
    def from_dict(cls, data: dict) -> "Judgement":
        probs = data.get("probs")
        return cls(score=data["score"], outcome=data["outcome"], mass=data.get("mass"),
                   probs=None if probs is None else tuple(probs))


@dataclass(frozen=True)
class JudgeRequest:
    """One answer to judge under a built-in rubric (by name) or a template rubric (``custom``)."""

    rubric: str
    question: str
    answer: str
    custom: "Rubric | None" = None

    @property
    def rubric_key(self) -> str:
        """The built-in name, or the template rubric's key (name, scale and template hash)."""
        return self.custom.key if self.custom is not None else self.rubric


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

    def judge_rubric(self, rubric: "Rubric", question: str, answer: str) -> Judgement:
        """Judge one answer under a template rubric (backends that read a model's logprobs or text)."""
        raise EmprobeError(f"judge backend {self.name!r} cannot use template rubrics ({rubric.name}); "
                           "use judge.backend openai or hf")

    def judge_request(self, request: JudgeRequest) -> Judgement:
        """:meth:`judge_rubric` for a template rubric, else :meth:`judge`."""
        if request.custom is not None:
            return self.judge_rubric(request.custom, request.question, request.answer)
        return self.judge(request.rubric, request.question, request.answer)

    def score(self, rubric: str, question: str, answer: str) -> float | None:
        """0–100, or ``None`` for refusal / code / unparseable."""
        return self.judge(rubric, question, answer).score

    def judge_many(self, requests: Sequence[JudgeRequest]) -> list[Judgement]:
        """Judge many answers, in order, up to ``concurrency`` at a time."""
        return run_concurrently(self.judge_request, requests, self.concurrency)


def run_concurrently(fn: Callable[[T], R], items: Sequence[T], concurrency: int) -> list[R]:
    """``[fn(x) for x in items]`` with up to ``concurrency`` calls in flight; on the first error the calls not yet
    started are cancelled (so a dead endpoint fails fast) and the error is raised."""
    if concurrency <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    executor = ThreadPoolExecutor(max_workers=concurrency)
    try:
        futures = [executor.submit(fn, x) for x in items]
        return [f.result() for f in futures]
    except BaseException:
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        executor.shutdown(wait=True)


def check_rubric(rubric: str) -> None:
    if rubric not in RUBRICS:
        raise ValueError(f"unknown rubric {rubric!r}: valid are {', '.join(RUBRICS)}")
