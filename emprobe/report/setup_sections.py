"""Report sections on how the run was set up: the configuration, provenance and training."""
from __future__ import annotations

import time

from ..provenance import config_hash, package_versions, redact_url
from .collect import RunData
from .document import Bullets, Figure, FigureGrid, Heading, NotRun, Section, Table, Text, num


def config_section(data: RunData) -> Section:
    """The experiment's settings, its organisms, and which versions and config produced the outputs."""
    c = data.config
    t, g, b, p = c.training, c.generation, c.behavioral, c.persona
    judge = c.judge.backend + (f" ({c.judge.model}" +
                               (f" at {redact_url(c.judge.base_url)}" if c.judge.base_url else "") +
                               ")" if c.judge.model else "")

    settings = [
        ["experiment", f"`{c.name}` (outputs in `{c.run_dir}`)"],
        ["base model", f"`{c.base_model}` (dtype {c.dtype}, device_map {c.device_map or 'none'})"],
        ["seed", str(c.seed)],
        ["judge", judge],
        ["training", f"preset {t.preset}, LoRA rank {t.rank}, alpha {t.alpha}{', rsLoRA' if t.use_rslora else ''}, "
                     f"lr {t.lr:g}, {t.epochs:g} epoch(s), effective batch {t.batch_size * t.grad_accum}, "
                     f"max {t.max_seq_len} tokens, {t.max_examples or 'all'} examples"],
        ["generation", f"temperature {g.temperature:g}, top_p {g.top_p:g}, up to {g.max_new_tokens} new tokens"],
        ["behavioural", f"{b.samples_per_question} samples per question, "
                        f"{b.in_domain_questions} in-domain questions per domain, "
                        f"question sets: {', '.join(b.questions)}"],
        ["persona labels", f"harm metric {p.harm_metric} on {p.harm_scope} questions, "
                           f"equivalence margin {p.equivalence_margin:g}, "
                           f"readout mass floor {b.min_option_mass:g}"],
        ["layers", (c.extract.layers if isinstance(c.extract.layers, str) else ", ".join(map(str, c.extract.layers)))
                   or "none configured"],
    ]
    blocks: list = [Table(["setting", "value"], settings)]
    if c.organisms:
        blocks += [Heading("Organisms"), Table(["organism", "dataset", "adapter"],
                                               [[o.name, f"`{o.dataset}`", f"`{c.adapter_dir(o)}`"]
                                                for o in c.organisms])]
    else:
        blocks.append(Text("This experiment has no organisms: only the base model."))
    blocks += _provenance_blocks(data)
    return Section("Configuration and provenance", blocks)


def _provenance_blocks(data: RunData) -> list:
    now_hash = config_hash(data.config)
    blocks: list = [Heading("Provenance")]
    hashes: dict[str, list[str]] = {}
    for name, prov in data.provenance.items():
        if prov.get("config_hash"):
            hashes.setdefault(prov["config_hash"], []).append(name)
    lines = [f"config hash of this config: `{now_hash}`; "
             f"report written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"]
    if not hashes:
        lines.append("no output with provenance yet")
    for h, files in hashes.items():
        verdict = ("matches this config" if h == now_hash
                   else "**differs from this config**: these outputs were made with other settings")
        lines.append(f"`{h}` ({verdict}): {len(files)} output file(s)" +
                     ("" if h == now_hash else ": " + ", ".join(f"`{f}`" for f in sorted(files))))
    blocks.append(Bullets(lines))
    recorded: dict[str, set[str]] = {}
    for prov in data.provenance.values():
        for pkg, ver in (prov.get("versions") or {}).items():
            recorded.setdefault(pkg, set()).add(str(ver))
    now = package_versions()
    rows = [[pkg, ", ".join(sorted(recorded.get(pkg, set()))) or "n/a", now.get(pkg, "n/a")]
            for pkg in dict.fromkeys([*recorded, *now])]
    blocks.append(Table(["package", "version(s) recorded in the outputs", "version writing this report"], rows))
    if data.notes:
        blocks += [Heading("Files left out"), Bullets(data.notes)]
    return blocks


def training_section(data: RunData) -> Section:
    """Per organism: steps, first and final loss, padding, and the loss curve."""
    if not data.config.organisms:
        return Section("Training", [Text("No organisms to train: this experiment uses the base model only.")],
                       has_data=False)
    rows, figures, missing = [], [], []
    for rec in data.training:
        info = rec.info
        if info is None:
            why = (f"adapter given in the config (`{rec.adapter_dir}`), trained elsewhere" if rec.explicit_adapter
                   else "not trained yet")
            rows.append([rec.organism, f"`{rec.dataset}`", why, "", "", "", ""])
            if not rec.explicit_adapter:
                missing.append(rec.organism)
            continue
        rows.append([rec.organism, f"`{info.get('dataset', rec.dataset)}`", str(info.get("n_examples", "n/a")),
                     str(info.get("steps", "n/a")),

                     num(info.get("first_loss"), 3), num(info.get("final_loss"), 3), num(info.get("padding_share"), 3)])
        if rec.loss_curve is not None:
            figures.append(Figure(rec.loss_curve, f"{rec.organism}: training loss per optimizer step"))
    trained = any(r.info is not None for r in data.training)
    blocks: list = []
    if not trained and missing:
        blocks.append(NotRun(data.command("train")))
    blocks.append(Table(["organism", "dataset", "examples", "steps", "first loss", "final loss", "padding share"], rows,
                        "loss = mean cross-entropy on the assistant tokens of one optimizer step"))
    if trained and missing:
        blocks += [NotRun(data.command("train", "--organism", m), m) for m in missing]
    return Section("Training", blocks + ([FigureGrid(figures)] if figures else []), has_data=trained)
