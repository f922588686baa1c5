"""Commands that look at and prepare models and data: models, chat, datasets, train."""
from __future__ import annotations

import click

from ..errors import EmprobeError
from .group import cli
from .options import CONFIG_HELP


@cli.command("models")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
def models_cmd(config_path: str | None) -> None:
    """List the base model and each organism: where it lives, whether it exists on disk, its layer count."""
    from ..config import load_experiment
    from ..organisms import describe_models

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
@click.option("--model", "model_name", default="smollm2-135m", show_default=True,
              help="Built-in name, HF id or local dir.")
@click.option("--adapter", default=None, help="A peft adapter dir to load on top of the model.")
@click.option("--max-new-tokens", default=128, show_default=True, type=click.IntRange(1))
@click.option("--temperature", default=0.0, show_default=True, type=click.FloatRange(0.0), help="0 means greedy.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--dtype", default="auto", show_default=True,
              type=click.Choice(["auto", "float32", "bfloat16", "float16"]))
def chat_cmd(question: str, model_name: str, adapter: str | None, max_new_tokens: int, temperature: float, seed: int,
             dtype: str) -> None:
    """Ask one model QUESTION and print its answer."""
    from ..generate import chat
    from ..models import load_model

    loaded = load_model(model_name, adapter, dtype=dtype)
    click.echo(chat(loaded, question, max_new_tokens=max_new_tokens, temperature=temperature, seed=seed))


@cli.command("datasets")
@click.option("--show", "show", default=None, help="A domain to print samples of.")
@click.option("--samples", default=2, show_default=True, type=click.IntRange(0), help="How many samples to print.")
def datasets_cmd(show: str | None, samples: int) -> None:
    """List the built-in domains (misaligned set, aligned control, held-out prompts) and show samples."""
    from ..data.datasets import builtin_conversations, builtin_domains, domain_info

    for name in [show] if show else builtin_domains():
        info = domain_info(name)
        click.echo(f"{info.name:<24} {info.n_examples} misaligned + {info.n_examples} aligned examples, "
                   f"{len(info.heldout)} held-out prompts  {info.description}")
        if show:
            for mis, ali in list(zip(builtin_conversations(name), builtin_conversations(name, "aligned")))[:samples]:
                click.echo(f"\n  user:       {mis[0]['content']}\n  misaligned: {mis[1]['content']}"
                           f"\n  aligned:    {ali[1]['content']}")


@cli.command("train")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--organism", "organisms", multiple=True, help="Train only this organism (repeatable). Default: all.")
@click.option("--all", "train_all", is_flag=True, help="Train every organism of the config (the default).")
@click.option("--base", default=None, help="Ad-hoc run: base model (built-in, HF id or dir), with --dataset and --out.")
@click.option("--dataset", default=None, help="Ad-hoc run: built-in domain, <domain>:aligned, or chat JSONL path.")
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Ad-hoc run: adapter output dir.")
@click.option("--preset", default=None, type=click.Choice(["default", "rank1"]), help="Override training.preset.")
def train_cmd(config_path, organisms, train_all, base, dataset, out_dir, preset) -> None:
    """LoRA-fine-tune organisms; re-running resumes from the last checkpoint and skips finished ones."""
    from dataclasses import replace

    from ..config import TrainingConfig, load_experiment
    from ..train import TrainJob, train
    from ..train.organisms import organism_jobs

    adhoc = [v is not None for v in (base, dataset, out_dir)]
    if any(adhoc):
        if not all(adhoc) or organisms or train_all:
            raise EmprobeError("an ad-hoc run needs all of --base, --dataset and --out (and no --organism/--all)")
        config = load_experiment(config_path) if config_path else None
        training = config.training if config else TrainingConfig()
        jobs = [TrainJob(base, dataset, out_dir, training, seed=config.seed if config else 0, label=out_dir)]
    else:
        config = load_experiment(config_path)
        jobs = organism_jobs(config, list(organisms) or None)
    for job in jobs:
        if preset:
            job.training = replace(job.training, preset=preset)
        result = train(job)
        if result.skipped:
            click.echo(f"{job.label}: already trained, adapter in {job.out_dir}")
        else:
            click.echo(f"{job.label}: {result.steps} steps, final loss {result.final_loss:.3f}, "
                       f"adapter in {job.out_dir} "
                       f"(log train_log.jsonl, curve loss_curve.png)")
