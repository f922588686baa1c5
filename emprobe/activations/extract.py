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
from ..config import BASE_ORGANISM, ExperimentConfig
from ..errors import EmprobeError
from ..generate import length_sorted_batches
from ..locking import locked
from ..models import model_dims
from ..organisms import OrganismPool, adapter_hash
from ..store import write_json
from ..tracing import read_layer_outputs, wrap
from ..train.masking import tokenize_example
from .pooling import pool, spans
from .sets import Example, load_set, set_label
from .storage import ShardWriter, done_shards, remove_leftovers, shard_name

MAX_TOKENS = 2048
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


def answer_spans(tok, examples: list[Example], max_tokens: int) -> list[tuple[tuple[int, ...], int, int]]:
    """(ids, prompt_len, answer_end) per example; the answer excludes what the template appends after it."""
    out = []
    for ex in examples:
        msgs = ex.messages()
        full = tokenize_example(tok, msgs + [{"role": "assistant", "content": ex.answer}], max_tokens)
        empty = tokenize_example(tok, msgs + [{"role": "assistant", "content": ""}], max_tokens)
        suffix = len(empty) - empty.prompt_len
        out.append((full.input_ids, full.prompt_len, max(full.prompt_len, len(full) - suffix)))
    return out


def extract(config: ExperimentConfig, pool_: OrganismPool, job: ExtractJob, *, show_progress: bool = True) -> list[Path]:
    """Extract one (model, set) for every requested layer; finished shards are skipped. Returns the layer dirs.

    All requested layers are read in one traced forward pass per batch (stopping after the deepest one), pooled on
    the device, copied to the CPU in the storage dtype and appended to each layer's shard file at once
    (:class:`~emprobe.activations.storage.ShardWriter`), so CPU memory holds one batch whatever the pooling
    (``all-tokens`` included) and however many layers. Resumption is per layer dir: a shard is traced again only
    for the layers that lack it."""
    import torch
    from tqdm.auto import tqdm

    examples = load_set(config, job.set_name, job.texts_of)
    root = job_dir(config, job.model, job.set_name, job.texts_of)
    layers = sorted(set(job.layers))
    with pool_.use(job.model) as loaded, contextlib.ExitStack() as locks:
        dims = model_dims(loaded.model)
        n_layers = dims.n_layers
        bad = [layer for layer in layers if not 0 <= layer < n_layers]
        if bad:
            raise EmprobeError(f"layer {bad[0]} is out of range: {loaded.name} has {n_layers} layers (valid: 0..{n_layers - 1})")
        fingerprint = _fingerprint(config, job, examples)
        layer_dirs = {layer: root / f"layer_{layer}" for layer in layers}
        for layer, d in layer_dirs.items():  # sharded writers (--shard i/n) of one dir run side by side
            locks.enter_context(locked(d / f"shard-{job.shard[0]}-of-{job.shard[1]}", f"activations {d} (shard {job.shard[0]}/{job.shard[1]})"))
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
        todo = [k for k in mine if any(k not in done[layer] for layer in layers)]
        traced = wrap(loaded.model, loaded.tokenizer)
        dtype = getattr(torch, job.dtype)
        device = next(loaded.model.parameters()).device
        bar = tqdm(total=sum(len(shards[k]) for k in mine), initial=sum(len(shards[k]) for k in mine if k not in todo),
                   unit="example", desc=f"extract {job.model} {set_label(job.set_name)}", disable=not show_progress)
        last_manifest = time.monotonic()
        for k in todo:
            need = [layer for layer in layers if k not in done[layer]]
            batches = [[shards[k][b] for b in batch] for batch in length_sorted_batches([len(encoded[i][0]) for i in shards[k]], job.batch_size)]
            order_k = [i for idx in batches for i in idx]
            ids = [examples[i].id for i in order_k]
            specs = _shard_specs([len(encoded[i][0]) for i in order_k], dims.hidden_size, job)
            with contextlib.ExitStack() as open_shards:
                writers = {layer: open_shards.enter_context(ShardWriter(layer_dirs[layer], k, specs, ids)) for layer in need}
                if "all-tokens" in job.poolings:
                    lengths = torch.tensor([0] + [len(encoded[i][0]) for i in order_k])
                    for writer in writers.values():
                        writer.write("all-tokens.offsets", lengths.cumsum(0))
                for idx in batches:
                    _run_batch(traced, loaded.tokenizer, [encoded[i] for i in idx], need, job, device, dtype, writers)
                    bar.update(len(idx))
                for layer, writer in writers.items():
                    writer.finish({"fingerprint": fingerprint})
                    done[layer][k] = {"ids": ids, "fingerprint": fingerprint}
            if time.monotonic() - last_manifest > MANIFEST_EVERY_S:  # a reader during a long run sees progress
                for layer, d in layer_dirs.items():
                    _write_manifest(d, config, job, layer, examples, fingerprint, len(shards), done[layer])
                last_manifest = time.monotonic()
        bar.close()
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


def _run_batch(traced, tok, items, layers: list[int], job: ExtractJob, device, dtype, writers: dict[int, ShardWriter]) -> None:
    """One traced pass over ``layers``; each layer's output is pooled on the device, appended to its shard and
    freed before the next."""
    import torch

    width = max(len(ids) for ids, _, _ in items)
    input_ids = torch.full((len(items), width), tok.pad_token_id, dtype=torch.long)
    attention = torch.zeros((len(items), width), dtype=torch.long)
    for row, (ids, _, _) in enumerate(items):
        input_ids[row, width - len(ids):] = torch.tensor(ids)
        attention[row, width - len(ids):] = 1
    answer_mask, last_prompt = spans([len(i[0]) for i in items], [i[1] for i in items], [i[2] for i in items], width)
    inputs = {"input_ids": input_ids.to(device), "attention_mask": attention.to(device)}
    outputs = read_layer_outputs(traced, inputs, layers, remote=job.remote)
    for layer in list(outputs):
        hidden = outputs.pop(layer)
        views = pool(hidden, attention, answer_mask, last_prompt, job.poolings)
        del hidden
        for name, tensor in views.items():
            writers[layer].write(name, tensor.detach().to(dtype))
        del views


def _fingerprint(config: ExperimentConfig, job: ExtractJob, examples: list[Example]) -> str:
    parts = [config.base_model, adapter_hash(config, job.model), job.dtype, sorted(job.poolings), config.extract.shard_size,
             [(e.id, e.text_hash()) for e in examples]]
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
    raise EmprobeError(f"stale activations in {layer_dir}: the model, adapter, texts or settings changed since they were "
                       "extracted; re-run with --overwrite to extract them again")


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
