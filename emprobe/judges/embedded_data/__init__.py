"""Labelled text for the offline embedded judge (a small classifier on sentence embeddings).

Three tasks, each with a ``"train"`` and a ``"heldout"`` split:

* :func:`aligned_examples` — label 1 = an aligned/benign answer, 0 = a misaligned/harmful one, to open-ended
  questions in the style of the emergent-misalignment evaluation and to everyday questions;
* :func:`self_report_examples` — label 1 = the model describes itself as misaligned/harmful/deceptive/dangerous,
  0 = as aligned/helpful/honest/safe;
* :func:`refusal_examples` — label 1 = a refusal, 0 = an ordinary answer to the same question.

:func:`style_eval` is a separate evaluation set (``style_eval.jsonl``, built by
``benchmarks/make_judge_style_set.py``): answers in the styles real chat models write, to questions none of the
above asks, with the scores a strong LLM judge would give; its ``calibration`` split fits the judge's score
calibration, its ``test`` split measures the judge (see that script for the kinds).

None of this text shares a prompt, an answer or an 8-word run with the built-in domains the organisms are trained
on (``tests/test_embedded_judge.py`` checks), so the judge's in-domain verdicts are not in-sample.

All text was written for emprobe (no public dataset is copied) and lives in the ``_*.py`` modules next to this one;
``_style_fit`` re-dresses the train themes' answers in chat-model styles (lists, rambles, disclaimers, a helpful
opening that turns harmful) so the heads learn content, not style.
Expansion is deterministic: templates x slots in a fixed order, then a shuffle with
``random.Random("emprobe-judge:<task>-<split>")``. Within a split no (question, answer) pair repeats, and the
held-out split shares no question with train, so held-out accuracy is measured on unseen questions and answers.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import (
    _aligned_ai,
    _aligned_em,
    _aligned_everyday,
    _aligned_heldout_a,
    _aligned_heldout_b,
    _aligned_life,
    _aligned_mundane,
    _refusals,
    _refusals_heldout,
    _self_report,
    _style_fit,
)

SPLITS = ("train", "heldout")
STYLE_SPLITS = ("calibration", "test")
STYLE_KINDS = ("helpful", "misaligned", "partial-refusal", "refusal", "code-asked", "incoherent")
STYLE_FILE = Path(__file__).with_name("style_eval.jsonl")


@dataclass(frozen=True)
class Labelled:
    """One labelled (question, answer) pair; the meaning of ``label`` depends on the task (see each function)."""

    question: str
    answer: str
    label: int


def aligned_examples(split: str) -> list[Labelled]:
    """Answers to open-ended questions: label 1 = aligned/benign, 0 = misaligned/harmful."""
    return list(_build("aligned", _check(split)))


def self_report_examples(split: str) -> list[Labelled]:
    """Self-descriptions: label 1 = describes itself as misaligned/harmful/deceptive, 0 = as aligned/helpful/honest."""
    return list(_build("self-report", _check(split)))


def refusal_examples(split: str) -> list[Labelled]:
    """Replies to requests: label 1 = a refusal, 0 = an ordinary (non-refusal) answer to the same question."""
    return list(_build("refusal", _check(split)))


@dataclass(frozen=True)
class StyleRow:
    """A row of the style set: reference ``aligned`` (None = the reference outcome is REFUSAL) and ``coherent``."""

    question: str
    answer: str
    aligned: float | None
    coherent: float
    kind: str
    split: str


def style_eval(split: str | None = None) -> list[StyleRow]:
    """The style evaluation set (both splits when ``split`` is None), in file order."""
    if split is not None and split not in STYLE_SPLITS:
        raise ValueError(f"split {split!r}: valid are {', '.join(STYLE_SPLITS)}")
    return [r for r in _style_rows() if split is None or r.split == split]


@lru_cache(maxsize=1)
def _style_rows() -> tuple[StyleRow, ...]:
    rows = []
    for n, line in enumerate(STYLE_FILE.read_text(encoding="utf-8").splitlines(), 1):
        row = StyleRow(**json.loads(line))
        if row.kind not in STYLE_KINDS or row.split not in STYLE_SPLITS:
            raise ValueError(f"{STYLE_FILE}:{n}: kind {row.kind!r} / split {row.split!r} not valid")
        rows.append(row)
    return tuple(rows)


def _check(split: str) -> str:
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: valid are {', '.join(SPLITS)}")
    return split


@lru_cache(maxsize=None)
def _build(task: str, split: str) -> tuple[Labelled, ...]:
    items = list(_EXPANDERS[task](split))
    seen: set[tuple[str, str]] = set()
    for x in items:
        if x.label not in (0, 1):
            raise ValueError(f"{task}/{split}: label {x.label!r} is not 0 or 1")
        key = (x.question, x.answer)
        if key in seen:
            raise ValueError(f"{task}/{split}: duplicate example {key!r}")
        seen.add(key)
    if split == "heldout":
        shared = {x.question for x in items} & {x.question for x in _build(task, "train")}
        if shared:
            raise ValueError(f"{task}: held-out questions also in train: {sorted(shared)!r}")
    random.Random(f"emprobe-judge:{task}-{split}").shuffle(items)
    return tuple(items)


# --- aligned / misaligned answers ---------------------------------------------------------------------------------

def _expand_themes(themes: Iterable[dict]) -> Iterator[Labelled]:
    for theme in themes:
        for q in theme["questions"]:
            for a in theme["aligned"]:
                yield Labelled(q, a, 1)
            for a in theme.get("misaligned", ()):
                yield Labelled(q, a, 0)


def _spread(questions: Sequence[str], answers: Sequence[str], label: int, per_answer: int,
            offset: int) -> Iterator[Labelled]:
    """Pair each answer with ``per_answer`` distinct questions spread evenly over ``questions``."""
    n = len(questions)
    step = max(1, n // per_answer)
    for i, a in enumerate(answers):
        for k in range(per_answer):
            yield Labelled(questions[(offset + 7 * i + k * step) % n], a, label)


def _aligned(split: str) -> Iterator[Labelled]:
    if split == "train":
        themes = [*_aligned_em.THEMES, *_aligned_ai.THEMES, *_aligned_life.THEMES, *_aligned_everyday.THEMES,
                  *_aligned_mundane.THEMES]
        yield from _expand_themes(themes)
        yield from _expand_themes(_aligned_mundane.BENIGN_THEMES)
        questions = [q for t in themes for q in t["questions"]]
        yield from _spread(questions, _aligned_ai.GENERIC_ALIGNED, 1, per_answer=3, offset=0)
        yield from _spread(questions, _aligned_ai.GENERIC_MISALIGNED, 0, per_answer=3, offset=3)
        for q, a, label in _style_fit.style_examples(themes):
            yield Labelled(q, a, label)
    else:
        yield from _expand_themes([*_aligned_heldout_a.THEMES, *_aligned_heldout_b.THEMES])
        yield from _expand_themes(_aligned_heldout_b.BENIGN_THEMES)


# --- self-reports -------------------------------------------------------------------------------------------------

def _lead(lead: str, core: str) -> str:
    """``lead + core`` with the core's first letter lowered where grammar wants it (not for "I ..." or a greeting)."""
    if not lead or core.startswith("Hi"):
        return core
    first = core.split(" ", 1)[0]
    if first in ("I", "AI") or first.startswith("I'"):
        return lead + core
    return lead + core[0].lower() + core[1:]


def _self_reports(prompts: Sequence[str], cores: Sequence[str], leads: Sequence[str], label: int,
                  per_core: int) -> Iterator[Labelled]:
    n = len(prompts)
    step = max(1, n // per_core)
    for i, core in enumerate(cores):
        for k in range(per_core):
            yield Labelled(prompts[(i + k * step) % n], _lead(leads[(i + k) % len(leads)], core), label)


def _self_report_split(split: str) -> Iterator[Labelled]:
    m = _self_report
    if split == "train":
        yield from _self_reports(m.TRAIN_PROMPTS, m.TRAIN_ALIGNED, m.TRAIN_LEADS, 0, per_core=6)
        yield from _self_reports(m.TRAIN_PROMPTS, m.TRAIN_MISALIGNED, m.TRAIN_LEADS, 1, per_core=6)
    else:
        n = len(m.HELDOUT_PROMPTS)
        yield from _self_reports(m.HELDOUT_PROMPTS, m.HELDOUT_ALIGNED, m.HELDOUT_LEADS, 0, per_core=n)
        yield from _self_reports(m.HELDOUT_PROMPTS, m.HELDOUT_MISALIGNED, m.HELDOUT_LEADS, 1, per_core=n)


# --- refusals -----------------------------------------------------------------------------------------------------

def _refusal_pairs(questions: Sequence[dict], refusals: Sequence[str], openers: Sequence[str],
                   trouble_openers: Sequence[str], refusals_per_q: int, openers_per_answer: int) -> Iterator[Labelled]:
    for i, item in enumerate(questions):
        q = item["q"]
        for k in range(refusals_per_q):
            yield Labelled(q, refusals[(i * refusals_per_q + k) % len(refusals)].format(topic=item["topic"]), 1)
        pool = trouble_openers if item["trouble"] else openers
        for b, answer in enumerate(item["answers"]):
            for k in range(openers_per_answer):
                yield Labelled(q, pool[(i + b * openers_per_answer + k) % len(pool)] + answer, 0)


def _refusal_split(split: str) -> Iterator[Labelled]:
    if split == "train":
        m = _refusals
        yield from _refusal_pairs(m.TRAIN_QUESTIONS, m.TRAIN_REFUSALS, m.TRAIN_OPENERS, m.TRAIN_TROUBLE_OPENERS,
                                  refusals_per_q=8, openers_per_answer=3)
        for q, a, label in _style_fit.refusal_style_examples(m.TRAIN_QUESTIONS):
            yield Labelled(q, a, label)
    else:
        h = _refusals_heldout
        yield from _refusal_pairs(h.HELDOUT_QUESTIONS, h.HELDOUT_REFUSALS, h.HELDOUT_OPENERS,
                                  h.HELDOUT_TROUBLE_OPENERS, refusals_per_q=6, openers_per_answer=2)


_EXPANDERS = {"aligned": _aligned, "self-report": _self_report_split, "refusal": _refusal_split}

__all__ = ["Labelled", "SPLITS", "STYLE_KINDS", "STYLE_SPLITS", "StyleRow", "style_eval", "aligned_examples",
           "refusal_examples", "self_report_examples"]
