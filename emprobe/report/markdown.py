"""Render a report :class:`Document` as Markdown, with image links relative to the report's folder."""
from __future__ import annotations

import os
import re
from pathlib import Path

from .document import Block, Bullets, Document, Figure, FigureGrid, Heading, NotRun, Table, Text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or " "


def _table(t: Table) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in t.header) + " |", "|" + "---|" * len(t.header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows]
    return "\n".join(lines) + (f"\n\n*{t.note}*" if t.note else "")


def _link(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), Path(folder).resolve())).as_posix().replace(" ", "%20")


def anchor(title: str) -> str:
    """The anchor GitHub and most Markdown viewers give a heading."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def render_block(block: Block, folder: Path) -> str:
    """One block as Markdown; figures link to their file relative to ``folder``."""
    if isinstance(block, Text):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        link = _link(block.path, folder)
        return f"![{block.caption}]({link})\n*{block.caption}* (`{link}`)"
    if isinstance(block, FigureGrid):
        return "\n\n".join(render_block(f, folder) for f in block.figures)
    if isinstance(block, Heading):
        return f"### {block.text}"
    if isinstance(block, NotRun):
        return f"> {block.line}"
    raise TypeError(f"unknown report block {type(block).__name__}")


def render_markdown(doc: Document, folder: Path) -> str:
    """The whole report as Markdown, to be written into ``folder``."""
    parts = [f"# {doc.title}", *(render_block(b, folder) for b in doc.intro)]
    parts.append("Contents: " + " · ".join(f"[{s.title}](#{anchor(s.title)})" for s in doc.sections))
    for section in doc.sections:
        parts.append(f"## {section.title}")
        parts += [render_block(b, folder) for b in section.blocks]
    return "\n\n".join(parts) + "\n"
