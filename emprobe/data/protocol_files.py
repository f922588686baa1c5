"""Loaders for evaluation files in the seed paper's released formats: self-assessment prompt lists (one two-pole
question per line, poles recognised from the text) and description-pair JSON. Plain-text harm prompt lists are
read by :func:`~emprobe.data.questions.load_questions`. Errors name the file, the line or item, and the field.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import EmprobeError


@dataclass(frozen=True)
class SelfAssessmentPrompt:
    """One line of a self-assessment prompt file, its recognised pole pair, and which pole the file names first."""

    line: int
    text: str
    aligned_pole: str
    misaligned_pole: str
    aligned_first: bool

    def in_order(self, aligned_first: bool) -> tuple[str, str, str]:
        """(prompt text, first-named pole, second-named pole) with the poles in the asked order; the file's own
        order keeps its text, the other swaps the two pole words (capitalisation kept)."""
        a, m = self.aligned_pole, self.misaligned_pole
        first, second = (a, m) if aligned_first else (m, a)
        if aligned_first == self.aligned_first:
            return self.text, first, second
        swap = {a.lower(): m, m.lower(): a}

        def replace(match: re.Match) -> str:
            word = swap[match.group(0).lower()]
            return word[:1].upper() + word[1:] if match.group(0)[:1].isupper() else word

        return _pole_pattern(a, m).sub(replace, self.text), first, second


def _word(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def _pole_pattern(a: str, b: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{re.escape(a)}|{re.escape(b)})(?![\w-])", re.IGNORECASE)


def read_prompt_lines(path: Path, what: str) -> list[tuple[int, str]]:
    """(line number, stripped text) of every non-blank line; errors name the file and line."""
    if not path.is_file():
        raise EmprobeError(f"{what} file {path} not found")
    lines = []
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise EmprobeError(f"{path}, line {number}: not UTF-8 (byte {exc.start})") from None
        if text:
            lines.append((number, text))
    if not lines:
        raise EmprobeError(f"{what} file {path} is empty: write one prompt per line")
    return lines


def load_self_assessment_prompts(path: str | Path, pole_pairs: Sequence[tuple[str, str]]) -> list[SelfAssessmentPrompt]:
    """One prompt per non-blank line; each must name both words of exactly one (aligned, misaligned) pole pair."""
    path = Path(path)
    prompts = []
    for number, text in read_prompt_lines(path, "self-assessment prompt"):
        found = [(a, m) for a, m in pole_pairs if _word(a).search(text) and _word(m).search(text)]
        if not found:
            known = ", ".join(f"{a}/{m}" for a, m in pole_pairs)
            raise EmprobeError(f"{path}, line {number}: no pole pair recognised in {text[:60]!r} (known: {known}; "
                               "declare another as behavioral.pole_pairs: [[aligned, misaligned]])")
        if len(found) > 1:
            raise EmprobeError(f"{path}, line {number}: names more than one pole pair "
                               f"({', '.join(f'{a}/{m}' for a, m in found)}); "
                               "one pair per line")
        a, m = found[0]
        prompts.append(SelfAssessmentPrompt(number, text, a, m,
                                            _word(a).search(text).start() < _word(m).search(text).start()))
    return prompts


@dataclass(frozen=True)
class DescriptionPair:
    """A pair of first-person AI-system descriptions; ``misaligned_first``: the file shows the misaligned one as A."""

    item_id: str
    aligned: str
    misaligned: str
    theme: str | None
    misaligned_first: bool


def load_description_pairs(path: str | Path) -> list[DescriptionPair]:
    """``{"metadata": {...}, "items": [{"item_id", "system_A", "system_B", "ground_truth": "A"|"B", ...}]}``;
    ``ground_truth`` names the misaligned description (``misaligned_is_A``, when present, must agree)."""
    path = Path(path)
    if not path.is_file():
        raise EmprobeError(f"description-pair file {path} not found")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise EmprobeError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise EmprobeError(f"{path}, line {exc.lineno}: invalid JSON ({exc.msg})") from None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise EmprobeError(f"{path}: expected an object with a non-empty list 'items' of description pairs")
    pairs, seen = [], set()
    for k, item in enumerate(items):
        where = f"{path}, item {k + 1}"
        if not isinstance(item, dict):
            raise EmprobeError(f"{where}: expected an object with item_id, system_A, system_B, ground_truth")
        item_id = item.get("item_id", k)
        if isinstance(item_id, bool) or not isinstance(item_id, (int, str)) or str(item_id) in seen:
            raise EmprobeError(f"{where}: item_id {item_id!r} must be a unique integer or string")
        where += f" (item_id {item_id})"
        seen.add(str(item_id))
        for key in ("system_A", "system_B"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise EmprobeError(f"{where}: {key} must be a non-empty string")
        truth = item.get("ground_truth")
        if truth not in ("A", "B"):
            raise EmprobeError(f"{where}: ground_truth {truth!r} must be \"A\" or \"B\" (the misaligned description)")
        flag = item.get("misaligned_is_A")
        if flag is not None and (not isinstance(flag, bool) or flag != (truth == "A")):
            raise EmprobeError(f"{where}: misaligned_is_A {flag!r} contradicts ground_truth {truth!r}")
        theme = item.get("theme")
        if theme is not None and not isinstance(theme, str):
            raise EmprobeError(f"{where}: theme must be a string")
        misaligned, aligned = ((item["system_A"], item["system_B"]) if truth == "A"
                               else (item["system_B"], item["system_A"]))
        pairs.append(DescriptionPair(str(item_id), aligned.strip(), misaligned.strip(), theme, truth == "A"))
    return pairs
