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


@cli.command("models")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
def models_cmd(config_path: str | None) -> None:
    """List the base model and each organism: where it lives, whether it exists on disk, its layer count."""
    from .config import load_experiment
    from .organisms import describe_models

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
    from .generate import chat
    from .models import load_model

    loaded = load_model(model_name, adapter, dtype=dtype)
    click.echo(chat(loaded, question, max_new_tokens=max_new_tokens, temperature=temperature, seed=seed))


@cli.command("datasets")
@click.option("--show", "show", default=None, help="A domain to print samples of.")
@click.option("--samples", default=2, show_default=True, type=click.IntRange(0), help="How many samples to print.")
def datasets_cmd(show: str | None, samples: int) -> None:
    """List the built-in domains (misaligned set, aligned control, held-out prompts) and show samples."""
    from .data.datasets import builtin_conversations, builtin_domains, domain_info

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

    from .config import TrainingConfig, load_experiment
    from .train import TrainJob, train
    from .train.organisms import organism_jobs

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


LAYER_HELP = ("Layers: N, a list N,M, a range START:STOP[:STEP] (STOP excluded) or all (every decoder layer); "
              "repeatable. Default: extract.layers of the config.")


def _layers(config, specs: tuple[str, ...] = ()) -> list[int]:
    """The layers of the ``--layer`` specs (see :mod:`emprobe.layers_spec`) when given, else the config's
    ``extract.layers``; checked against the base model's layer count (read without loading weights)."""
    from .layers_spec import base_model_layer_count, resolve_layers

    if specs:
        return resolve_layers(list(specs), base_model_layer_count(config.base_model), model=config.base_model)
    if not config.extract.layers:
        raise EmprobeError("no layer given: pass --layer L or set extract.layers in the config")
    return config.extract.layer_list(base_model_layer_count(config.base_model), config.base_model)


def _one_layer(config, layer: int | None) -> int:
    """``--layer`` when given, else the first of the config's ``extract.layers``."""
    if layer is not None:
        return layer
    return _layers(config)[0]


def _names(values: tuple[str, ...]) -> list[str]:
    """Accept both ``--x a --x b`` and ``--x a,b``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


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
    from .behavioral.runner import run_behavioral
    from .config import load_experiment

    config = load_experiment(config_path)
    result = run_behavioral(config, _names(experiments) or None, _names(organisms) or None, overwrite=overwrite)
    for why in result.skipped_questions:
        click.echo(f"skipped: {why}", err=True)
    for name, by_org in result.summaries.items():
        click.echo(f"{name}:")
        for organism, summary in by_org.items():
            click.echo(f"  {organism:<32} {_headline(name, summary)}")
    if result.personas:
        click.echo("personas: " + ", ".join(f"{o} {v['label']}" for o, v in result.personas["organisms"].items())
                   + f"  (table: {result.run_dir}/personas.md)")
    click.echo(f"outputs in {result.run_dir}/ (rows <organism>/<experiment>.jsonl, summaries *.summary.json, plots/)")


@cli.command("extract")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--layer", "layers", multiple=True, help=LAYER_HELP)
@click.option("--organisms", "organisms", multiple=True,
              help="Organisms (comma-separated or repeated). Default: all; the base model always runs.")
@click.option("--set", "set_name", default="harm-answers", show_default=True,
              help="harm-answers, self-assessment, or a JSONL path.")
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
    from .activations import POOLINGS, run_extract
    from .config import load_experiment

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
    chosen_layers = _layers(config, layers)
    dirs = run_extract(config, chosen_layers, organisms=_names(organisms) or None, set_name=set_name, poolings=poolings,
                       dtype=dtype, batch_size=batch_size, shard=(i, n), remote=remote, overwrite=overwrite)
    for d in dirs:
        click.echo(f"  {d}")
    click.echo(f"activations in {len(dirs)} layer dirs (shards + manifest.json each)")


@cli.command("fit-probes")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--layer", "layers", multiple=True, help=LAYER_HELP)
@click.option("--organisms", "organisms", multiple=True, help="Organisms (comma-separated or repeated). Default: all.")
def fit_probes_cmd(config_path, layers, organisms) -> None:
    """Probes with folds by question, a within-question permutation null and a question-identity baseline."""
    from .analysis.run import fit_probes
    from .config import load_experiment

    config = load_experiment(config_path)
    results = fit_probes(config, _layers(config, layers), _names(organisms) or None)
    for layer, res in results["layers"].items():
        for model, r in res["models"].items():
            h = r["harm"]
            click.echo(f"  layer {layer} {model:<32} harm probe AUROC {h['auroc']:.3f} "
                       f"(permutation null {h['null_mean']:.3f}, p = {h['p_value']:.3f}; "
                       "question identity "
                       f"{h['identity_auroc'] if h['identity_auroc'] is None else round(h['identity_auroc'], 3)})")
        for model, why in res["skipped"].items():
            click.echo(f"  layer {layer} {model:<32} skipped: {why}")
    primary = results["primary"]
    click.echo(f"primary endpoint {primary['endpoint']} at layer {primary['layer']} (Holm): "
               + ", ".join(f"{m} {'passed' if v['passed'] else 'not passed'} (p {v['p_holm']:.3f})"
                           for m, v in primary["family"].items()))
    click.echo(f"results in {config.layout.probes()}/ (probes.json, probes_layer_*.png)")


@cli.command("compare-directions")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
@click.option("--layer", "layers", multiple=True, help=LAYER_HELP)
@click.option("--organisms", "organisms", multiple=True, help="Organisms (comma-separated or repeated). Default: all.")
def compare_directions_cmd(config_path, layers, organisms) -> None:
    """Cross-fitted misalignment directions, reliability, cosines, the held-out headline and exact persona tests."""
    from .analysis.run import compare_directions
    from .config import load_experiment

    config = load_experiment(config_path)
    result = compare_directions(config, _layers(config, layers), _names(organisms) or None)
    click.echo(f"layer {result['layer']}")
    for model, h in result["headline"].items():
        if "skipped" in h:
            click.echo(f"  {model:<32} headline skipped: {h['skipped']}")
            continue
        sh = h["shift"]
        ci = "no CI" if sh["ci95"][0] is None else f"[{sh['ci95'][0]:+.3f}, {sh['ci95'][1]:+.3f}]"
        gap = "n/a" if h["shift_in_gap_units"] is None else f"{h['shift_in_gap_units']:+.2f}"
        click.echo(f"  {model:<32} ({h['persona']}) self-assessment states vs the base model's on its harm direction: "
                   f"{sh['value']:+.3f} {ci}, {gap} gap units (says S = {h['mean_S_said']})")
    for model, v in result["harm_vs_self_report"].items():
        if "value" in v:
            click.echo(f"  {model:<32} cosine(harm, self-report direction) {v['value']:+.3f} (ceiling {v['ceiling']})")
    for name, test in result["group_tests"].items():
        click.echo(f"coherent vs inverted, {name}: "
                   + (f"{test['statistic']:+.3f}, exact p = {test['p_value']:.3f} (smallest reachable "
                      f"{test['min_p']:.3f})" if test["testable"] else test["statement"]))
    primary = result["primary"]
    click.echo(f"primary endpoint {primary['endpoint']} at layer {primary['layer']} (Holm): "
               + (", ".join(f"{m} {'passed' if v['passed'] else 'not passed'}" for m, v in primary["family"].items())
                  or "nothing testable"))
    for model, why in result["skipped"].items():
        click.echo(f"  {model:<32} skipped: {why}")
    click.echo(f"results in {config.layout.directions()}/ "
               "(compare.json, directions_layer_*.safetensors, cosines_layer_*.png)")



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
    from .analysis.steering import alphas_of, spec_from_config, steer_all
    from .config import load_experiment

    config = load_experiment(config_path)
    layer = _one_layer(config, layer)
    direction = direction or config.steer.direction
    if not direction:
        raise EmprobeError("no direction given: pass --direction ORGANISM or set steer.direction in the config")
    alphas = alphas_of(alpha) if alpha is not None else None
    spec = spec_from_config(config, direction, layer, alpha=alphas[0] if alphas else None, ablate=ablate, on=on,
                            all_later=all_later,
                            samples=samples, controls=controls, questions=questions)
    for summary in steer_all(config, spec, alphas, overwrite=overwrite):
        changes = [c["em_change"] for c in summary["controls"] if c["em_change"] is not None]
        for cond in ("none", "direction"):
            m = summary["conditions"][cond]
            share = m["coherent_share"]["value"]
            click.echo(f"  {cond:<10} {_headline('harm', {'all': m})}, "
                       f"coherent share {'n/a' if share is None else f'{share:.2f}'}")
        if changes:
            click.echo(f"  controls   {len(changes)} directions, "
                       f"EM-rate change {min(changes):+.3f} to {max(changes):+.3f}")
        click.echo(summary["statement"])
        slug = summary.get("slug")
        click.echo(f"results in {config.layout.steering(slug)}/ (rows.jsonl, summary.json, steering.png)")


@cli.command("report")
@click.option("--config", "config_path", default=None, help=CONFIG_HELP)
def report_cmd(config_path) -> None:
    """Write runs/<experiment>/report.md and a self-contained report.html from the outputs that exist."""
    from .config import load_experiment
    from .report import write_report

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
    from .config import load_experiment
    from .demo import run_demo

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

    from .config import load_experiment
    from .judges import make_judge
    from .judges.agreement import judge_agreement, load_labelled
    from .paths import atomic_write_text

    rows = load_labelled(labelled)
    result = judge_agreement(make_judge(load_experiment(config_path).judge), rows)
    for line in result.lines():
        click.echo(line)
    if out_path:
        atomic_write_text(Path(out_path), json.dumps(result.to_dict(), indent=2) + "\n")
        click.echo(f"agreement written to {out_path}")


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
    from .analysis.power import plan

    for line in plan(design, samples, organisms, sims, seed, target, from_run, json_path):
        click.echo(line)


def _headline(experiment: str, summary: dict) -> str:
    from .stats import Estimate

    fmt = lambda d: str(Estimate(d["value"], *d["ci95"], d["n"], d.get("n_clusters", 0)))  # noqa: E731
    if experiment == "harm":
        return f"mean aligned {fmt(summary['all']['mean_aligned'])}, EM rate {fmt(summary['all']['em_rate'])}"
    keys = {"self-assessment": ["S"], "descriptions": ["C"],
            "recognition": ["R_self", "R_self_harmful_minus_other", "R_harm"],
            "score-prediction": ["mean_signed_error", "denial_rate"]}[experiment]
    return ", ".join(f"{k} {fmt(summary[k])}" for k in keys)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning bad input into one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="emprobe", standalone_mode=False)
    except EmprobeError as exc:
        click.echo(f"emprobe: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:  # an output that cannot be written, or an input that cannot be read
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"emprobe: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("emprobe: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
