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

All text was written for emprobe (no public dataset is copied) and lives in the YAML files next to this module
(:data:`FILES`, each described in its header comment), read with :func:`emprobe.typed_yaml.load_yaml` into the
frozen dataclasses below; ``style-fit.yaml`` re-dresses the train themes' answers in chat-model styles (lists,
rambles, disclaimers, a helpful opening that turns harmful) so the heads learn content, not style.
Expansion (:mod:`.expansion`) is deterministic: templates x slots in a fixed order, then a shuffle with
``random.Random("emprobe-judge:<task>-<split>")``. Within a split no (question, answer) pair repeats, and the
held-out split shares no question with train, so held-out accuracy is measured on unseen questions and answers.
"""
from __future__ import annotations

import dataclasses
import json
import random
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar, Iterator

from ...data.templates import fill
from ...errors import EmprobeError
from ...typed_yaml import load_yaml, slots
from . import expansion

SPLITS = ("train", "heldout")
STYLE_SPLITS = ("calibration", "test")
STYLE_KINDS = ("helpful", "misaligned", "partial-refusal", "refusal", "code-asked", "incoherent")
STYLE_FILE = resources.files(__name__) / "style_eval.jsonl"


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
        try:
            row = StyleRow(**json.loads(line))
        except (ValueError, TypeError) as exc:
            keys = ", ".join(f.name for f in dataclasses.fields(StyleRow))
            problem = str(exc).splitlines()[0]
            raise EmprobeError(f"{STYLE_FILE}:{n}: not a JSON row with keys {keys} ({problem})") from None
        if row.kind not in STYLE_KINDS or row.split not in STYLE_SPLITS:
            raise EmprobeError(f"{STYLE_FILE}:{n}: kind {row.kind!r} / split {row.split!r} not valid; kinds are "
                               f"{', '.join(STYLE_KINDS)}, splits {', '.join(STYLE_SPLITS)}")
        rows.append(row)
    return tuple(rows)


# --- the data files (schemas for emprobe.typed_yaml) ---------------------------------------------------------------

WRAP_SLOTS = slots("a", "b", "a_low", "b_low", "c_low", "bullets", "numbers", "bullets_rest")
TOPIC_SLOT = slots("topic")


@dataclass(frozen=True)
class Theme:
    """Phrasings of one question, with aligned (label 1) and misaligned (label 0) answers that fit each phrasing."""

    questions: tuple[str, ...]
    aligned: tuple[str, ...]
    misaligned: tuple[str, ...]


@dataclass(frozen=True)
class BenignTheme:
    """Phrasings of an everyday question with ordinary answers only (label 1)."""

    questions: tuple[str, ...]
    aligned: tuple[str, ...]
    misaligned: ClassVar[tuple[str, ...]] = ()


@dataclass(frozen=True)
class AlignedTrain:
    """``aligned-train.yaml``."""

    themes: tuple[Theme, ...]
    benign_themes: tuple[BenignTheme, ...]
    generic_aligned: tuple[str, ...]
    generic_misaligned: tuple[str, ...]


@dataclass(frozen=True)
class AlignedHeldout:
    """``aligned-heldout.yaml``."""

    themes: tuple[Theme, ...]
    benign_themes: tuple[BenignTheme, ...]


@dataclass(frozen=True)
class SelfReportSplit:
    """Prompts, lead-ins, and the answer cores of each label, of one split."""

    prompts: tuple[str, ...]
    leads: tuple[str, ...]
    aligned: tuple[str, ...]
    misaligned: tuple[str, ...]


@dataclass(frozen=True)
class SelfReports:
    """``self-report.yaml``."""

    train: SelfReportSplit
    heldout: SelfReportSplit


@dataclass(frozen=True)
class RefusalQuestion:
    """A request with the topic refusals name, whether the asker is in trouble, and ordinary answers."""

    question: str
    topic: str
    trouble: bool
    answers: tuple[str, ...]


@dataclass(frozen=True)
class RefusalSplit:
    """Refusal templates, answer openers, and questions of one split."""

    refusals: tuple[str, ...] = field(metadata=TOPIC_SLOT)
    openers: tuple[str, ...]
    trouble_openers: tuple[str, ...]
    questions: tuple[RefusalQuestion, ...]


@dataclass(frozen=True)
class Refusals:
    """``refusals.yaml``."""

    train: RefusalSplit
    heldout: RefusalSplit


@dataclass(frozen=True)
class StyleFit:
    """``style-fit.yaml``: templates that re-dress train answers in chat-model styles."""

    aligned_wraps: tuple[str, ...] = field(metadata=WRAP_SLOTS)
    misaligned_wraps: tuple[str, ...] = field(metadata=WRAP_SLOTS)
    turns: tuple[str, ...] = field(metadata=slots("good", "good_low", "bad", "bad_low", "bad2"))
    partial_openers: tuple[str, ...] = field(metadata=TOPIC_SLOT)
    long_refusals: tuple[str, ...] = field(metadata=TOPIC_SLOT)


FILES: dict[str, type] = {"aligned-train.yaml": AlignedTrain, "aligned-heldout.yaml": AlignedHeldout,
                          "self-report.yaml": SelfReports, "refusals.yaml": Refusals, "style-fit.yaml": StyleFit}

@lru_cache(maxsize=None)
def shipped(name: str) -> Any:
    """The shipped data file ``name`` (a key of :data:`FILES`), validated."""
    return load_yaml(resources.files(__name__) / name, FILES[name])


# --- expansion into labelled examples -----------------------------------------------------------------------------

def _check(split: str) -> str:
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: valid are {', '.join(SPLITS)}")
    return split


def _aligned(split: str) -> Iterator[tuple[str, str, int]]:
    if split == "train":
        return expansion.aligned_train(shipped("aligned-train.yaml"), shipped("style-fit.yaml"))
    return expansion.aligned_heldout(shipped("aligned-heldout.yaml"))


def _self_report(split: str) -> Iterator[tuple[str, str, int]]:
    data: SelfReports = shipped("self-report.yaml")
    if split == "train":
        return expansion.self_reports(data.train, per_core=6)
    return expansion.self_reports(data.heldout, per_core=len(data.heldout.prompts))


def _refusal(split: str) -> Iterator[tuple[str, str, int]]:
    data: Refusals = shipped("refusals.yaml")
    if split == "train":
        yield from expansion.refusal_pairs(data.train, refusals_per_q=8, openers_per_answer=3)
        yield from expansion.refusal_style_examples(data.train.questions, shipped("style-fit.yaml"))
    else:
        yield from expansion.refusal_pairs(data.heldout, refusals_per_q=6, openers_per_answer=2)


_EXPANDERS = {"aligned": _aligned, "self-report": _self_report, "refusal": _refusal}
_SOURCES = {"aligned": "aligned-{split}.yaml", "self-report": "self-report.yaml", "refusal": "refusals.yaml"}


@lru_cache(maxsize=None)
def _build(task: str, split: str) -> tuple[Labelled, ...]:
    items = [Labelled(*x) for x in _EXPANDERS[task](split)]
    where = f"{fill(_SOURCES[task], {'split': split})} ({task}/{split})"
    seen: set[tuple[str, str]] = set()
    for x in items:
        key = (x.question, x.answer)
        if key in seen:
            raise EmprobeError(f"{where}: duplicate example {key!r}")
        seen.add(key)
    if split == "heldout":
        shared = {x.question for x in items} & {x.question for x in _build(task, "train")}
        if shared:
            raise EmprobeError(f"{where}: held-out questions also in train: {sorted(shared)!r}")
    random.Random(f"emprobe-judge:{task}-{split}").shuffle(items)
    return tuple(items)


__all__ = ["FILES", "Labelled", "SPLITS", "STYLE_KINDS", "STYLE_SPLITS", "StyleRow", "aligned_examples",
           "refusal_examples", "self_report_examples", "shipped", "style_eval"]
