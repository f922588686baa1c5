"""Commands on activations and directions, and the study planner: extract, fit-probes, compare-directions,
steer, power."""
from __future__ import annotations

import click

from ..errors import EmprobeError
from .group import cli
from .options import CONFIG_HELP, LAYER_HELP, layers_of, names_of, one_layer, run_study, study_options


@cli.command("extract")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--layer", "layers", multiple=True, help=LAYER_HELP)
@click.option("--organisms", "organisms", multiple=True,
              help="Organisms (comma-separated or repeated). Default: all; the base model always runs.")
@click.option("--set", "set_name", default="harm-answers", show_default=True,
              help="harm-answers, self-assessment, contrast-pairs (matched dataset answers to held-out "
                   "prompts, for analysis.direction_examples: contrast-pairs), or a JSONL path.")
@click.option("--pooling", default="mean-answer,last-prompt", show_default=True,
              help="Comma-separated: mean-answer, last-prompt, all-tokens.")
@click.option("--dtype", default=None, type=click.Choice(["float32", "bfloat16", "float16"]),
              help="Storage dtype. Default: extract.dtype.")
@click.option("--batch-size", default=None, type=click.IntRange(1), help="Default: extract.batch_size.")
@click.option("--shard", default="0/1", show_default=True,
              help="i/n: this process extracts every n-th shard starting at i.")
@click.option("--remote", is_flag=True, help="Trace on NDIF (nnsight's hosted models; needs an NDIF API key).")
@click.option("--overwrite", is_flag=True, help="Re-extract stale activations (model, adapter or texts changed).")
def extract_cmd(config_path, layers, organisms, set_name, pooling, dtype, batch_size, shard, remote, overwrite) -> None:
    """Extract residual-stream activations; re-running skips finished shards."""
    from ..activations import POOLINGS, run_extract
    from ..config import load_experiment

    config = load_experiment(config_path)
    poolings = tuple(p.strip() for p in pooling.split(",") if p.strip())
    unknown = [p for p in poolings if p not in POOLINGS]
    if unknown or not poolings:
        raise EmprobeError(f"unknown pooling {unknown[0] if unknown else pooling!r}: valid are {', '.join(POOLINGS)}")
    try:
        i, n = (int(x) for x in shard.split("/"))
        assert 0 <= i < n
    except (ValueError, AssertionError):
        raise EmprobeError(f"--shard {shard!r}: expected i/n with 0 <= i < n, e.g. 0/4") from None
    chosen_layers = layers_of(config, layers)
    dirs = run_extract(config, chosen_layers, organisms=names_of(organisms) or None, set_name=set_name,
                       poolings=poolings, dtype=dtype, batch_size=batch_size, shard=(i, n), remote=remote,
                       overwrite=overwrite)
    for d in dirs:
        click.echo(f"  {d}")
    click.echo(f"activations in {len(dirs)} layer dirs (shards + manifest.json each)")


@cli.command("fit-probes")
@study_options
def fit_probes_cmd(config_path, layers, organisms) -> None:
    """Probes with folds by question, a within-question permutation null and a question-identity baseline."""
    from ..analysis.studies import fit_probes

    _, study = run_study(fit_probes, config_path, layers, organisms)
    click.echo("\n".join(study.lines()))


@cli.command("compare-directions")
@study_options
def compare_directions_cmd(config_path, layers, organisms) -> None:
    """Cross-fitted misalignment directions, reliability, cosines, the held-out headline and exact persona tests."""
    from ..analysis.studies import compare_directions

    _, study = run_study(compare_directions, config_path, layers, organisms)
    click.echo("\n".join(study.lines()))


@cli.command("steer")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--direction", default=None,
              help="The organism whose harm direction to use (refitted on held-out questions). "
                   "Default: steer.direction.")
@click.option("--layer", type=int, default=None, help="Layer. Default: the first of extract.layers.")
@click.option("--alpha", default=None,
              help="Add alpha × the layer's mean residual norm along the direction (on the base model); "
              "a comma list (0.25,0.5,1) is a sweep, one run per alpha.")
@click.option("--ablate", is_flag=True, help="Project the direction out at every position (on the organism itself).")
@click.option("--all-later-layers", "all_later", is_flag=True,
              help="With --ablate: project it out of every layer from --layer on.")
@click.option("--on", "on", default=None,
              help="Model to intervene on (base or an organism). Default: base for --alpha, the organism for --ablate.")
@click.option("--samples", default=None, type=click.IntRange(1),
              help="Samples per held-out question. Default: steer.samples.")
@click.option("--controls", default=None, type=click.IntRange(2),
              help="Control directions (half covariance-shaped random, half "
              "shuffled-label). Default: steer.controls (20).")
@click.option("--questions", default=None, type=click.IntRange(1),
              help="At most this many held-out questions. Default: steer.questions (all).")
@click.option("--overwrite", is_flag=True, help="Replace results made with another direction, config or setting.")
def steer_cmd(config_path, direction, layer, alpha, ablate, all_later, on, samples, controls, questions,
              overwrite) -> None:
    """Causal check: steer along an organism's held-out direction and along control directions, re-judge harm."""
    from ..analysis.steering import alphas_of, spec_from_config, steer_all
    from ..config import load_experiment

    config = load_experiment(config_path)
    layer = one_layer(config, layer)
    direction = direction or config.steer.direction
    if not direction:
        raise EmprobeError("no direction given: pass --direction ORGANISM or set steer.direction in the config")
    alphas = alphas_of(alpha) if alpha is not None else None
    spec = spec_from_config(config, direction, layer, alpha=alphas[0] if alphas else None, ablate=ablate, on=on,
                            all_later=all_later,
                            samples=samples, controls=controls, questions=questions)
    for run in steer_all(config, spec, alphas, overwrite=overwrite):
        click.echo("\n".join(run.lines()))


def _effect_options(f):
    counts = ("questions", "self-report-cells", "description-cells")
    for name in ("organism-effect", "c-rise", "s-rise", "harm-rise", "base-harm", "icc", "self-report-sd", *counts):
        f = click.option(f"--{name}", type=int if name in counts else float,
                         help="Default: the pilot's (--from), else power.py's.")(f)
    return f


@cli.command("power")
@click.option("--samples", default=None, help="Samples per question: the grid, a comma list. Default: 1,4,16.")
@click.option("--organisms", default=None, help="Organisms per persona group: the grid, a comma list. Default: 3,4,5.")
@_effect_options
@click.option("--s-readable/--s-unreadable", default=None,
              help="Whether the base model can read S (unreadable: simulated blind). Default: the pilot's, else yes.")
@click.option("--c-readable/--c-unreadable", default=None,
              help="Likewise for C (SmolLM2 cannot read its description choices).")
@click.option("--sims", default=None, type=int, help="Simulated studies per grid cell. Default: 20.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--target", default=0.8, show_default=True, type=float)
@click.option("--from", "from_run", default=None, type=click.Path(),
              help="Estimate the effects from a pilot run dir (options override).")
@click.option("--json", "json_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the table as JSON here.")
def power_cmd(samples, organisms, sims, seed, target, from_run, json_path, **design) -> None:
    """Size a study before training: simulate base + coherent + inverted organisms through the real persona rule
    and exact organism test; label accuracy and power per samples x organisms (provisional effects:
    analysis/power.py)."""
    from ..analysis.power import plan

    for line in plan(design, samples, organisms, sims, seed, target, from_run, json_path):
        click.echo(line)
