"""The ``emprobe`` click group; the command modules add their commands to it."""
from __future__ import annotations

import click

from .. import __version__


@click.group(
    help="""emprobe: model organisms of emergent misalignment, their persona, and what is inside them.

\b
Pipeline (each command takes --config experiments/<name>.yaml):
  emprobe models      list the base model and organisms of an experiment
  emprobe datasets    the seven built-in narrow domains, their sizes and samples
  emprobe train       LoRA-fine-tune the organisms (resumable)
  emprobe run-behavioral   the behavioural experiments + judge (resumable)
  emprobe extract --layer L   residual activations through nnsight (resumable shards)
  emprobe fit-probes  linear probes per organism and layer, transfer across organisms
  emprobe compare-directions   misalignment directions, coherent vs inverted, the headline projection
  emprobe steer --direction ORG --alpha A   causal check: add (or --ablate) a direction, re-judge harm
  emprobe report      runs/<experiment>/report.md and a self-contained report.html
  emprobe demo        all of the above on the embedded default (--fast: tiny-qwen2 smoke test)
  emprobe chat        ask one model (built-in name, HF id or dir, optional adapter) a question
  emprobe judge-check FILE.jsonl   agreement of the configured judge with your reference judge's labels
  emprobe power       size a study before training: label accuracy and organism-test power by simulation
\b
Start with `make demo`, then `emprobe models`.""",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
@click.version_option(__version__, prog_name="emprobe")
def cli() -> None:
    pass
