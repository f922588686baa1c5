"""``emprobe report``: one Markdown and one self-contained HTML report of an experiment's outputs.

Every section appears; a section whose inputs do not exist yet says so in one line with the command that makes
them. Nothing here runs a model: the report only reads ``runs/<experiment>/``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..config import ExperimentConfig
from ..paths import atomic_write_text
from .behaviour_sections import harm_section, personas_section, self_report_section
from .collect import RunData, collect
from .conclusions import conclusions_section
from .document import Document, Section, Text
from .html import render_html
from .internal_sections import directions_section, probes_section, steering_section
from .markdown import render_markdown
from .setup_sections import config_section, training_section

__all__ = ["ReportResult", "build_document", "collect", "write_report"]



@dataclass
class ReportResult:
    """Where the report went, and which sections had data."""

    markdown: Path
    html: Path
    sections: dict[str, bool] = field(default_factory=dict)  # section title -> has data

    @property
    def not_run(self) -> list[str]:
        """Titles of the sections whose inputs do not exist yet."""
        return [title for title, ok in self.sections.items() if not ok]


_SECTIONS: list[tuple[Callable[[RunData], Section], str]] = [
    (config_section, "Configuration and provenance"), (training_section, "Training"), (harm_section, "Harm"),
    (self_report_section, "Self-report experiments"), (personas_section, "Personas"), (probes_section, "Probes"),
    (directions_section, "Directions"), (steering_section, "Steering"),
    (conclusions_section, "What the data supports — and what it does not"),
]


def _safe(build: Callable[[RunData], Section], data: RunData, title: str) -> Section:
    """One section; an input file with an unexpected shape costs that section, not the report."""
    try:
        return build(data)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        return Section(title, [Text(f"This section could not be built from the files in `{data.run_dir}` "
                                    f"({exc.__class__.__name__}: {exc}); re-run the command that writes them.")],
                       has_data=False)


def build_document(data: RunData) -> Document:
    """The report's sections, in pipeline order, from what :func:`collect` read."""
    c = data.config
    sections = [_safe(build, data, title) for build, title in _SECTIONS]
    intro = [Text(f"Base model `{c.base_model}`, {len(c.organisms)} organism(s): "
                  f"{', '.join(o.name for o in c.organisms) or 'none'}. "
                  f"Judge: {c.judge.backend}. Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
                  f"from `{data.run_dir}`. "
                  "Numbers read *value [95 % CI]*; the last section says what they support.")]
    return Document(f"emprobe report: {c.name}", intro, sections)


def write_report(config: ExperimentConfig) -> ReportResult:
    """Write ``runs/<experiment>/report.md`` and ``report.html`` (both atomically) from whatever outputs exist."""
    data = collect(config)
    doc = build_document(data)
    md, page = config.layout.report("md"), config.layout.report("html")
    atomic_write_text(md, render_markdown(doc, md.parent))
    atomic_write_text(page, render_html(doc, page.parent))
    return ReportResult(md, page, {s.title: s.has_data for s in doc.sections})
