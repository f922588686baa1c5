"""The ``emprobe`` command line: a thin layer over the Python API.

Bad input raises :class:`~emprobe.errors.EmprobeError`; :func:`main` prints it as one line and exits with 2.
"""
from __future__ import annotations

import sys

import click

from . import __version__
from .errors import EmprobeError

CONFIG_HELP = "Experiment YAML, or a shipped name (demo, paper). Default: the embedded demo experiment."


@click.group(
    help="""emprobe: model organisms of emergent misalignment, their persona, and what is inside them.

\b
Pipeline (each command takes --config experiments/<name>.yaml):
  emprobe models      list the base model and organisms of an experiment
  emprobe chat        ask one model (built-in name, HF id or dir, optional adapter) a question
\b
Start with `make demo`, then `emprobe models`.""",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
@click.version_option(__version__, prog_name="emprobe")
def cli() -> None:
    pass


@cli.command("models")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
def models_cmd(config_path: str | None) -> None:
    """List the base model and each organism: where it lives, whether it exists on disk, its layer count."""
    from .config import load_experiment
    from .models.inventory import describe_models

    config = load_experiment(config_path)
    rows = describe_models(config)
    click.echo(f"experiment {config.name}: base model {config.base_model}, {len(config.organisms)} organisms")
    width = max(len(r.organism) for r in rows)
    for r in rows:
        layers = "?" if r.n_layers is None else str(r.n_layers)
        status = "yes" if r.exists else "no "
        click.echo(f"  {r.organism:<{width}}  on disk: {status}  layers: {layers:>3}  {r.location}  ({r.note})")


@cli.command("chat")
@click.argument("question")
@click.option("--model", "model_name", default="smollm2-135m", show_default=True, help="Built-in name, HF id or local dir.")
@click.option("--adapter", default=None, help="A peft adapter dir to load on top of the model.")
@click.option("--max-new-tokens", default=128, show_default=True, type=click.IntRange(1))
@click.option("--temperature", default=0.0, show_default=True, type=click.FloatRange(0.0), help="0 means greedy.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--dtype", default="auto", show_default=True, type=click.Choice(["auto", "float32", "bfloat16", "float16"]))
def chat_cmd(question: str, model_name: str, adapter: str | None, max_new_tokens: int, temperature: float, seed: int, dtype: str) -> None:
    """Ask one model QUESTION and print its answer."""
    from .generate import chat
    from .models import load_model

    loaded = load_model(model_name, adapter, dtype=dtype)
    click.echo(chat(loaded, question, max_new_tokens=max_new_tokens, temperature=temperature, seed=seed))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning bad input into one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="emprobe", standalone_mode=False)
    except EmprobeError as exc:
        click.echo(f"emprobe: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("emprobe: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
