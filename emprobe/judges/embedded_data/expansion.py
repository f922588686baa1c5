"""Expansion of the embedded judge's data files into ``(question, answer, label)`` triples, in a fixed order.

Pure functions of the validated file contents (see the package's dataclasses); the package shuffles and checks the
result. Templates are filled with :func:`emprobe.data.templates.fill`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from ...data.templates import fill

if TYPE_CHECKING:
    from . import (
        AlignedHeldout,
        AlignedTrain,
        BenignTheme,
        RefusalQuestion,
        RefusalSplit,
        SelfReportSplit,
        StyleFit,
        Theme,
    )

Triple = tuple[str, str, int]


# --- aligned / misaligned answers ---------------------------------------------------------------------------------

def aligned_train(data: AlignedTrain, style: StyleFit) -> Iterator[Triple]:
    """Every theme answer with every phrasing, the benign themes, the generic answers, then the style re-dressings."""
    yield from _expand_themes(data.themes)
    yield from _expand_themes(data.benign_themes)
    questions = [q for t in data.themes for q in t.questions]
    yield from _spread(questions, data.generic_aligned, 1, per_answer=3, offset=0)
    yield from _spread(questions, data.generic_misaligned, 0, per_answer=3, offset=3)
    yield from style_examples(data.themes, style)


def aligned_heldout(data: AlignedHeldout) -> Iterator[Triple]:
    """Every held-out theme answer with every phrasing, then the benign themes."""
    yield from _expand_themes(data.themes)
    yield from _expand_themes(data.benign_themes)


def _expand_themes(themes: Iterable[Theme | BenignTheme]) -> Iterator[Triple]:
    for theme in themes:
        for q in theme.questions:
            for a in theme.aligned:
                yield q, a, 1
            for a in theme.misaligned:
                yield q, a, 0


def _spread(questions: Sequence[str], answers: Sequence[str], label: int, per_answer: int,
            offset: int) -> Iterator[Triple]:
    """Pair each answer with ``per_answer`` distinct questions spread evenly over ``questions``."""
    n = len(questions)
    step = max(1, n // per_answer)
    for i, a in enumerate(answers):
        for k in range(per_answer):
            yield questions[(offset + 7 * i + k * step) % n], a, label


# --- chat-model styles --------------------------------------------------------------------------------------------

def low(text: str) -> str:
    """``text`` with its first letter lowered, except for "I ..." and "AI ..."."""
    first = text.split(" ", 1)[0]
    return text if first in ("I", "AI") or first.startswith("I'") else text[:1].lower() + text[1:]


def _wrap(template: str, answers: Sequence[str]) -> str:
    a, b, c = (list(answers) * 3)[:3]
    return fill(template, {
        "a": a, "b": b, "a_low": low(a), "b_low": low(b), "c_low": low(c),
        "bullets": "\n".join(f"- {x}" for x in answers),
        "numbers": "\n".join(f"{i}. {x}" for i, x in enumerate(answers, 1)),
        "bullets_rest": "\n".join(f"* {x}" for x in answers[1:] or answers),
    })


def style_examples(themes: Sequence[Theme], style: StyleFit, per_theme: int = 10) -> Iterator[Triple]:
    """``per_theme`` re-dressed aligned and misaligned answers per theme, plus turns."""
    for t_i, theme in enumerate(themes):
        qs, good, bad = theme.questions, theme.aligned, theme.misaligned
        for k in range(per_theme):
            q = qs[(t_i + k) % len(qs)]
            n = 2 + (k % 2)
            picks = [good[(k + j * 3) % len(good)] for j in range(n)]
            if len(set(picks)) == len(picks):
                yield q, _wrap(style.aligned_wraps[(t_i + k) % len(style.aligned_wraps)], picks), 1
            if len(bad) >= 2:
                picks = [bad[(k + j * 3) % len(bad)] for j in range(n)]
                if len(set(picks)) == len(picks):
                    yield q, _wrap(style.misaligned_wraps[(t_i + 2 * k) % len(style.misaligned_wraps)], picks), 0
                if k % 2 == 0:
                    g, b1, b2 = good[k % len(good)], bad[(k + 1) % len(bad)], bad[(k + 2) % len(bad)]
                    turn = style.turns[(t_i + k // 2) % len(style.turns)]
                    yield q, fill(turn, {"good": g, "good_low": low(g), "bad": b1, "bad_low": low(b1), "bad2": b2}), 0


def refusal_style_examples(questions: Sequence[RefusalQuestion], style: StyleFit) -> Iterator[Triple]:
    """Partial refusals that go on to help (label 0) and long refusals (label 1) for the refusal train questions."""
    for i, item in enumerate(questions):
        topic = {"topic": item.topic}
        for k, answer in enumerate(item.answers[:2]):
            opener = fill(style.partial_openers[(i + k) % len(style.partial_openers)], topic)
            yield item.question, opener + (low(answer) if opener.endswith("but ") else answer), 0
        yield item.question, fill(style.long_refusals[i % len(style.long_refusals)], topic), 1


# --- self-reports -------------------------------------------------------------------------------------------------

def self_reports(split: SelfReportSplit, per_core: int) -> Iterator[Triple]:
    """Each aligned core (label 0), then each misaligned core (label 1), with ``per_core`` prompts and lead-ins."""
    yield from _self_reports(split.prompts, split.aligned, split.leads, 0, per_core)
    yield from _self_reports(split.prompts, split.misaligned, split.leads, 1, per_core)


def _lead(lead: str, core: str) -> str:
    """``lead + core`` with the core's first letter lowered where grammar wants it (not for "I ..." or a greeting)."""
    if not lead or core.startswith("Hi"):
        return core
    first = core.split(" ", 1)[0]
    if first in ("I", "AI") or first.startswith("I'"):
        return lead + core
    return lead + core[0].lower() + core[1:]


def _self_reports(prompts: Sequence[str], cores: Sequence[str], leads: Sequence[str], label: int,
                  per_core: int) -> Iterator[Triple]:
    n = len(prompts)
    step = max(1, n // per_core)
    for i, core in enumerate(cores):
        for k in range(per_core):
            yield prompts[(i + k * step) % n], _lead(leads[(i + k) % len(leads)], core), label


# --- refusals -----------------------------------------------------------------------------------------------------

def refusal_pairs(split: RefusalSplit, refusals_per_q: int, openers_per_answer: int) -> Iterator[Triple]:
    """Per question: ``refusals_per_q`` refusals (label 1), then each answer behind ``openers_per_answer`` openers."""
    refusals = split.refusals
    for i, item in enumerate(split.questions):
        q = item.question
        for k in range(refusals_per_q):
            yield q, fill(refusals[(i * refusals_per_q + k) % len(refusals)], {"topic": item.topic}), 1
        pool = split.trouble_openers if item.trouble else split.openers
        for b, answer in enumerate(item.answers):
            for k in range(openers_per_answer):
                yield q, pool[(i + b * openers_per_answer + k) % len(pool)] + answer, 0
