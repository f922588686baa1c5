"""The report as plain data (sections of text, tables, figures), rendered to Markdown and to HTML.

Text may use three inline marks, rendered by each renderer: ```code```, ``**bold**`` and ``*italic*``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union


@dataclass
class Text:
    """A paragraph."""

    text: str


@dataclass
class Bullets:
    """A bulleted list."""

    items: list[str]


@dataclass
class Table:
    """A table of already formatted cells; ``note`` is a line under it (how to read it)."""

    header: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class Figure:
    """An image file (PNG) with its caption."""

    path: Path
    caption: str


@dataclass
class FigureGrid:
    """Small figures shown side by side (HTML) or one after another (Markdown)."""

    figures: list[Figure]


@dataclass
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass
class NotRun:
    """The one line saying what has not run yet and the command that makes it."""

    command: str
    what: str = ""

    @property
    def line(self) -> str:
        return (f"{self.what}: " if self.what else "") + f"not run yet: run `{self.command}`"


Block = Union[Text, Bullets, Table, Figure, FigureGrid, Heading, NotRun]


@dataclass
class Section:
    """A top-level section; ``has_data`` is False when every input of it is missing."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    has_data: bool = True

    @property
    def anchor(self) -> str:
        return slug(self.title)


@dataclass
class Document:
    title: str
    intro: list[Block]
    sections: list[Section]


def slug(text: str) -> str:
    """An HTML id / Markdown anchor for a heading."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---- number formatting -----------------------------------------------------------------------------------------


def num(x: Any, digits: int = 2, signed: bool = False) -> str:
    """A number with ``digits`` decimals (``n/a`` for None or NaN)."""
    if x is None or isinstance(x, bool) or not isinstance(x, (int, float)) or x != x:
        return "n/a"
    return f"{x:+.{digits}f}" if signed else f"{x:.{digits}f}"


def est(e: Any, digits: int = 2, signed: bool = False, n: bool = False) -> str:
    """An estimate dict ``{"value", "ci95": [lo, hi], "n", "n_clusters"}`` as ``0.28 [0.15, 0.41] k=12`` (k: the
    clusters the CI resampled; ``n/a`` when missing)."""
    if not isinstance(e, dict) or e.get("value") is None:
        return "n/a" + (f" (n={e['n']})" if n and isinstance(e, dict) and e.get("n") is not None else "")
    ci = e.get("ci95") or [None, None]
    text = num(e["value"], digits, signed)
    if len(ci) == 2 and ci[0] is not None and ci[1] is not None:
        text += f" [{num(ci[0], digits, signed)}, {num(ci[1], digits, signed)}]"
    if e.get("n_clusters"):
        text += f" k={e['n_clusters']}"
    if n and e.get("n") is not None:
        text += f" (n={e['n']})"
    return text


def get(d: Any, *keys: Any) -> Any:
    """``d[k1][k2]...`` (keys of mappings, indexes of lists) or None when any level is missing."""
    for k in keys:
        if isinstance(d, dict) and k in d:
            d = d[k]
        elif isinstance(d, list) and isinstance(k, int) and -len(d) <= k < len(d):
            d = d[k]
        else:
            return None
    return d
