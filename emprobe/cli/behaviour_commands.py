"""Commands that measure behaviour and write the report: run-behavioral, judge-check, report, demo."""
from __future__ import annotations

import click

from ..errors import EmprobeError
from .group import cli
from .options import CONFIG_HELP, names_of


@cli.command("run-behavioral")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--experiments", "experiments", multiple=True,
              help="Experiments to run (comma-separated or repeated). Default: all.")
@click.option("--organisms", "organisms", multiple=True,
              help="Organisms (comma-separated or repeated). Default: all; the base model always runs.")
@click.option("--overwrite", is_flag=True,
              help="Redo rows made with other settings (model, adapter, seed, sampling, judge).")
def run_behavioral_cmd(config_path, experiments, organisms, overwrite) -> None:
    """Run the behavioural experiments on the base model and the organisms; re-running resumes."""
    from ..behavioral.runner import run_behavioral
    from ..config import load_experiment

    config = load_experiment(config_path)
    result = run_behavioral(config, names_of(experiments) or None, names_of(organisms) or None, overwrite=overwrite)
    for why in result.skipped_questions:
        click.echo(f"skipped: {why}", err=True)
    click.echo("\n".join(result.lines()))


@cli.command("report")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
def report_cmd(config_path) -> None:
    """Write runs/<experiment>/report.md and a self-contained report.html from the outputs that exist."""
    from ..config import load_experiment
    from ..report import write_report

    result = write_report(load_experiment(config_path))
    if result.not_run:
        click.echo("sections without data yet: " + ", ".join(result.not_run))
    click.echo(f"report: {result.markdown} and {result.html} (open it in a browser)")


@cli.command("demo")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--fast", is_flag=True,
              help="The same chain on tiny-qwen2 (experiments/demo-fast.yaml): a smoke test in about a minute.")
def demo_cmd(config_path, fast) -> None:
    """The whole chain: train, run-behavioral, extract, fit-probes, compare-directions, steer, report (resumable)."""
    from ..config import load_experiment
    from ..demo import run_demo

    if fast and config_path:
        raise EmprobeError("--fast uses experiments/demo-fast.yaml: pass either --fast or --config")
    config = load_experiment("demo-fast" if fast else config_path)
    click.echo(f"emprobe demo: experiment {config.name} on {config.base_model}, {len(config.organisms)} organisms, "
               f"outputs in {config.run_dir}/")
    result = run_demo(config, echo=click.echo)
    click.echo(f"demo finished in {result.seconds:.0f} s; report: {config.layout.report('md')} and {result.report}")


@cli.command("judge-check")
@click.argument("labelled", metavar="FILE.jsonl")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--out", "out_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the agreement as JSON here.")
def judge_check_cmd(labelled, config_path, out_path) -> None:
    """Score FILE.jsonl ({"question", "answer", "aligned", "coherent"} per line: your reference judge's 0–100
    scores, aligned null for no score) with the configured judge and print how well they agree."""
    import json
    from pathlib import Path

    from ..config import load_experiment
    from ..judges import make_judge
    from ..judges.agreement import judge_agreement, load_labelled
    from ..paths import atomic_write_text

    rows = load_labelled(labelled)
    result = judge_agreement(make_judge(load_experiment(config_path).judge), rows)
    for line in result.lines():
        click.echo(line)
    if out_path:
        atomic_write_text(Path(out_path), json.dumps(result.to_dict(), indent=2) + "\n")
        click.echo(f"agreement written to {out_path}")
