"""``emprobe extract``: residual-stream activations through nnsight, pooled, stored in resumable shards."""
from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..config import ExperimentConfig
from ..errors import EmprobeError
from ..generate import length_sorted_batches
from ..locking import locked
from ..models import model_dims
from ..organisms import OrganismSwitcher, adapter_hash
from ..resume import run_pending
from ..store import write_json
from ..tracing import wrap
from .collect import MAX_TOKENS, answer_spans, pooled_batch
from .sets import Example, load_set, set_label
from .storage import ShardWriter, done_shards, remove_leftovers, shard_name

MANIFEST_EVERY_S = 30.0  # during a long extraction, manifests are rewritten at most this often (and at the end)


@dataclass
class ExtractJob:
    model: str  # "base" or an organism
    texts_of: str  # whose texts (the same model, or an organism's texts through the base model)
    set_name: str
    layers: list[int]
    poolings: tuple[str, ...] = ("mean-answer", "last-prompt")
    dtype: str = "float32"
    batch_size: int = 8
    shard: tuple[int, int] = (0, 1)
    remote: bool = False
    overwrite: bool = False


def job_dir(config: ExperimentConfig, model: str, set_name: str, texts_of: str) -> Path:
    """``<activations_dir>/<experiment>/<model>/<set>[@<texts_of>]``."""
    name = set_label(set_name) + ("" if texts_of == model else f"@{texts_of}")
    return Path(config.activations_dir) / config.name / model / name


def extract(config: ExperimentConfig, switcher: OrganismSwitcher, job: ExtractJob, *,
            show_progress: bool = True) -> list[Path]:
    """Extract one (model, set) for every requested layer; finished shards are skipped. Returns the layer dirs.

    All requested layers are read in one traced forward pass per batch (stopping after the deepest one), pooled on
    the device, copied to the CPU in the storage dtype and appended to each layer's shard file at once
    (:class:`~emprobe.activations.storage.ShardWriter`), so CPU memory holds one batch whatever the pooling
    (``all-tokens`` included) and however many layers. Resumption is per layer dir: a shard is traced again only
    for the layers that lack it."""
    import torch

    examples = load_set(config, job.set_name, job.texts_of)
    root = job_dir(config, job.model, job.set_name, job.texts_of)
    layers = sorted(set(job.layers))
    with switcher.use(job.model) as loaded, contextlib.ExitStack() as locks:
        dims = model_dims(loaded.model)
        n_layers = dims.n_layers
        bad = [layer for layer in layers if not 0 <= layer < n_layers]
        if bad:
            raise EmprobeError(f"layer {bad[0]} is out of range: {loaded.name} has {n_layers} layers "
                               f"(valid: 0..{n_layers - 1})")
        fingerprint = _fingerprint(config, job, examples)
        layer_dirs = {layer: root / f"layer_{layer}" for layer in layers}
        for layer, d in layer_dirs.items():  # sharded writers (--shard i/n) of one dir run side by side
            part, parts = job.shard
            locks.enter_context(locked(d / f"shard-{part}-of-{parts}", f"activations {d} (shard {part}/{parts})"))
        for layer, d in layer_dirs.items():
            _check_fresh(d, fingerprint, job.overwrite)
            if job.shard[1] == 1:  # sole writer: a killed earlier run's temp files can go (sharded runs: the merge run)
                remove_leftovers(d)
        encoded = answer_spans(loaded.tokenizer, examples, MAX_TOKENS)
        size = config.extract.shard_size
        order = [i for b in length_sorted_batches([len(e[0]) for e in encoded], size) for i in b]
        shards = [order[i : i + size] for i in range(0, len(order), size)]
        mine = [k for k in range(len(shards)) if k % job.shard[1] == job.shard[0]]
        expected = {k: sorted(examples[i].id for i in shard) for k, shard in enumerate(shards)}
        # read once, updated as shards are written; a shard holding other examples than shard k should is not done
        done = {layer: {k: info for k, info in done_shards(d).items() if sorted(info.get("ids", [])) == expected.get(k)}
                for layer, d in layer_dirs.items()}
        traced = wrap(loaded.model, loaded.tokenizer)
        dtype = getattr(torch, job.dtype)
        device = next(loaded.model.parameters()).device
        last_manifest = [time.monotonic()]

        def write_shard(k: int, advance) -> None:
            need = [layer for layer in layers if k not in done[layer]]
            lengths_k = [len(encoded[i][0]) for i in shards[k]]
            batches = [[shards[k][b] for b in batch] for batch in length_sorted_batches(lengths_k, job.batch_size)]
            order_k = [i for idx in batches for i in idx]
            ids = [examples[i].id for i in order_k]
            specs = _shard_specs([len(encoded[i][0]) for i in order_k], dims.hidden_size, job)
            with contextlib.ExitStack() as open_shards:
                writers = {layer: open_shards.enter_context(ShardWriter(layer_dirs[layer], k, specs, ids))
                           for layer in need}
                if "all-tokens" in job.poolings:
                    lengths = torch.tensor([0] + [len(encoded[i][0]) for i in order_k])
                    for writer in writers.values():
                        writer.write("all-tokens.offsets", lengths.cumsum(0))
                for idx in batches:
                    _run_batch(traced, loaded.tokenizer, [encoded[i] for i in idx], need, job, device, dtype, writers)
                    advance(len(idx))
                for layer, writer in writers.items():
                    writer.finish({"fingerprint": fingerprint})
                    done[layer][k] = {"ids": ids, "fingerprint": fingerprint}
            if time.monotonic() - last_manifest[0] > MANIFEST_EVERY_S:  # a reader during a long run sees progress
                for layer, d in layer_dirs.items():
                    _write_manifest(d, config, job, layer, examples, fingerprint, len(shards), done[layer])
                last_manifest[0] = time.monotonic()

        run_pending(mine, done=lambda k: all(k in done[layer] for layer in layers), process=write_shard,
                    size=lambda k: len(shards[k]), desc=f"extract {job.model} {set_label(job.set_name)}",
                    unit="example", show_progress=show_progress)
        for layer, d in layer_dirs.items():
            _write_manifest(d, config, job, layer, examples, fingerprint, len(shards), done[layer])
    return list(layer_dirs.values())


def _shard_specs(lengths: list[int], hidden: int, job: ExtractJob) -> dict[str, tuple[str, tuple[int, ...]]]:
    """The tensors of one shard of examples with these token counts: each pooled view [n, hidden], and for
    ``all-tokens`` every real token [sum(lengths), hidden] with the [n + 1] row offsets of each example."""
    specs = {name: (job.dtype, (len(lengths), hidden)) for name in job.poolings if name != "all-tokens"}
    if "all-tokens" in job.poolings:
        specs["all-tokens"] = (job.dtype, (sum(lengths), hidden))
        specs["all-tokens.offsets"] = ("int64", (len(lengths) + 1,))
    return specs


def _run_batch(traced, tok, items, layers: list[int], job: ExtractJob, device, dtype,
               writers: dict[int, ShardWriter]) -> None:
    """One traced pass over ``layers``; each layer's pooled views are appended to its shard as they come."""
    for layer, views in pooled_batch(traced, tok, items, layers, job.poolings, device, job.remote):
        for name, tensor in views.items():
            writers[layer].write(name, tensor.detach().to(dtype))


def _fingerprint(config: ExperimentConfig, job: ExtractJob, examples: list[Example]) -> str:
    parts = [config.base_model, adapter_hash(config, job.model), job.dtype, sorted(job.poolings),
             config.extract.shard_size, [(e.id, e.text_hash()) for e in examples]]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


def _check_fresh(layer_dir: Path, fingerprint: str, overwrite: bool) -> None:
    manifest = layer_dir / "manifest.json"
    if not manifest.is_file() and not any(layer_dir.glob("shard-*.json")):
        return
    old = None
    for source in [manifest, *sorted(layer_dir.glob("shard-*.json"))]:  # a damaged manifest: a shard's sidecar tells
        try:
            old = json.loads(source.read_text()).get("fingerprint")
            break
        except (OSError, ValueError, AttributeError):
            continue
    if old == fingerprint:
        return
    if overwrite:
        shutil.rmtree(layer_dir)
        return
    raise EmprobeError(f"stale activations in {layer_dir}: the model, adapter, texts or settings changed since they "
                       "were extracted; re-run with --overwrite to extract them again")


def _write_manifest(layer_dir: Path, config: ExperimentConfig, job: ExtractJob, layer: int, examples: list[Example],
                    fingerprint: str, n_shards: int, known: dict[int, dict]) -> None:
    """The layer dir's manifest; ``known`` are the shards this run has verified or written (read from memory),
    so only shards written meanwhile by another ``--shard`` writer are read from disk."""
    done = done_shards(layer_dir, known=known)
    write_json(layer_dir / "manifest.json", {
        "model": config.base_model,
        "organism": job.model,
        "adapter_hash": adapter_hash(config, job.model),
        "texts_of": job.texts_of,
        "set": job.set_name,
        "layer": layer,
        "poolings": list(job.poolings),
        "dtype": job.dtype,
        "fingerprint": fingerprint,
        "complete": len(done) == n_shards,
        "shards": [shard_name(k) for k in sorted(done)],
        "n_shards": n_shards,
        "example_ids": [i for k in sorted(done) for i in done[k]["ids"]],
        "labels": {e.id: e.labels for e in examples},
        "text_hashes": {e.id: e.text_hash() for e in examples},
        "emprobe_version": __version__,
    })
