"""Render a report :class:`Document` as one self-contained HTML file: inline CSS, figures as base64 data URIs,
no external resource of any kind."""
from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

from .document import Block, Bullets, Document, Figure, FigureGrid, Heading, NotRun, Section, Table, Text

CSS = """
body { margin: 0; background: #f3f4f6; color: #1f2328;
       font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, \
"DejaVu Sans", sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 28px 36px 64px; background: #fff; \
box-shadow: 0 0 12px rgba(0,0,0,.06); }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d8dee4; }
h3 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 8px 0; }
nav { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
nav ol { margin: 4px 0; padding-left: 22px; columns: 2; }
a { color: #0b5cad; }
.table-wrap { overflow-x: auto; margin: 10px 0 4px; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #c9d1d9; padding: 4px 9px; text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
th { background: #eef1f4; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.note { font-size: 12.5px; color: #57606a; margin: 2px 0 14px; }
figure { margin: 18px 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #d8dee4; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 18px; }
.grid figure { margin: 8px 0; }
figcaption { font-size: 12.5px; color: #57606a; margin-top: 4px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; background: #eff1f3;
       padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.notrun { border-left: 4px solid #d4a72c; background: #fff8e1; padding: 6px 12px; color: #5c4500; }
section.empty h2 { color: #6e7781; }
ul { padding-left: 22px; } li { margin: 3px 0; }
"""


def inline(text: str) -> str:
    """Escape ``text`` and render its inline marks: `code`, **bold**, *italic*."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick stays literal
        parts = [*parts[:-2], parts[-2] + "`" + parts[-1]]
    out = []
    for k, part in enumerate(parts):
        esc = html.escape(part, quote=True)
        if k % 2:
            out.append(f"<code>{esc}</code>")
        else:
            esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
            out.append(re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])", r"<em>\1</em>", esc))
    return "".join(out)


def data_uri(path: Path) -> str:
    """The file as a ``data:`` URI (PNG, JPEG, SVG or GIF)."""
    mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml",
            ".gif": "image/gif"}
    kind = mime.get(Path(path).suffix.lower(), "application/octet-stream")
    return f"data:{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def _td(cell: str) -> str:
    """A table cell; a CI such as ``[0.15, 0.41]`` never breaks inside, though it may move below its value."""
    return "<td>" + re.sub(r"\[([^\]<]*)\]", lambda m: "[" + m.group(1).replace(" ", "&nbsp;") + "]",
                           inline(cell)) + "</td>"


def _table(t: Table) -> str:
    head = "".join(f"<th>{inline(h)}</th>" for h in t.header)
    body = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in t.rows)
    note = f'<p class="note">{inline(t.note)}</p>' if t.note else ""
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{note}'


def render_block(block: Block, folder: Path | None = None) -> str:
    """One block as HTML; a figure's caption names its file relative to ``folder``."""
    if isinstance(block, Text):
        return f"<p>{inline(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        if not Path(block.path).is_file():
            return f'<p class="note">figure missing: {html.escape(str(block.path))}</p>'
        cap = inline(block.caption)
        if folder is not None:
            cap += (' <code>' + html.escape(Path(os.path.relpath(Path(block.path).resolve(),
                                                                 Path(folder).resolve())).as_posix()) + '</code>')
        return (f'<figure><img src="{data_uri(block.path)}" alt="{html.escape(block.caption, quote=True)}">'
                f'<figcaption>{cap}</figcaption></figure>')
    if isinstance(block, FigureGrid):
        return '<div class="grid">' + "".join(render_block(f, folder) for f in block.figures) + "</div>"
    if isinstance(block, Heading):
        return f"<h3>{inline(block.text)}</h3>"
    if isinstance(block, NotRun):
        return f'<p class="notrun">{inline(block.line)}</p>'
    raise TypeError(f"unknown report block {type(block).__name__}")


def _section(s: Section, folder: Path | None) -> str:
    cls = "" if s.has_data else ' class="empty"'
    return (f'<section id="{s.anchor}"{cls}><h2>{inline(s.title)}</h2>\n' +
            "\n".join(render_block(b, folder) for b in s.blocks) + "</section>")


def render_html(doc: Document, folder: Path | None = None) -> str:
    """The whole report as one HTML page (``folder``: where it will be written, for the figures' file names)."""
    toc = "".join(f'<li><a href="#{s.anchor}">{inline(s.title)}</a>{"" if s.has_data else " (not run yet)"}</li>'
                  for s in doc.sections)
    intro = "\n".join(render_block(b) for b in doc.intro)
    body = "\n".join(_section(s, folder) for s in doc.sections)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{html.escape(doc.title)}</title>\n'

            f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{inline(doc.title)}</h1>\n{intro}\n"
            f"<nav><strong>Contents</strong><ol>{toc}</ol></nav>\n{body}\n</main>\n</body>\n</html>\n")
