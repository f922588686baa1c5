"""Activation storage: per model, set and layer, safetensors shards (written atomically) plus a manifest,
and a lazy, memory-mapped loader."""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import EmprobeError
from ..store import write_json

_NP = {"F32": np.float32, "F16": np.float16, "BF16": np.uint16, "I64": np.int64}


def shard_name(k: int) -> str:
    return f"shard-{k:05d}"


def write_shard(layer_dir: Path, k: int, tensors: dict[str, Any], ids: list[str], meta: dict) -> None:
    """Write shard ``k`` (safetensors, then its JSON sidecar) through temp files and renames."""
    from safetensors.torch import save_file

    layer_dir.mkdir(parents=True, exist_ok=True)
    target = layer_dir / f"{shard_name(k)}.safetensors"
    tmp = layer_dir / f".{shard_name(k)}.tmp.safetensors"
    save_file({name: t.contiguous() for name, t in tensors.items()}, str(tmp), metadata={"ids": json.dumps(ids)})
    os.replace(tmp, target)
    write_json(layer_dir / f"{shard_name(k)}.json", {"ids": ids, **meta})  # the sidecar marks the shard complete


def done_shards(layer_dir: Path) -> dict[int, dict]:
    """Complete shards (safetensors and sidecar both present) by index."""
    out = {}
    for sidecar in sorted(layer_dir.glob("shard-*.json")) if layer_dir.is_dir() else []:
        k = int(sidecar.stem.split("-")[1])
        if (layer_dir / f"{shard_name(k)}.safetensors").is_file():
            out[k] = json.loads(sidecar.read_text())
    return out


def _memmap(path: Path, key: str) -> np.ndarray:
    """A read-only memory map of one tensor of a safetensors file (bfloat16 is returned as float32)."""
    with open(path, "rb") as fh:
        (size,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(size))
    info = header[key]
    begin, end = info["data_offsets"]
    arr = np.memmap(path, dtype=_NP[info["dtype"]], mode="r", offset=8 + size + begin, shape=tuple(info["shape"]))
    if info["dtype"] == "BF16":
        return (arr.astype(np.uint32) << 16).view(np.float32)
    return arr


@dataclass
class Activations:
    """The stored activations of one (model, set, layer): ids, labels, and matrices read on demand."""

    layer_dir: Path
    manifest: dict

    @property
    def ids(self) -> list[str]:
        return [i for s in self._shards() for i in s["ids"]]

    @property
    def labels(self) -> dict[str, dict]:
        return self.manifest["labels"]

    def _shards(self) -> list[dict]:
        return [dict(s, index=k) for k, s in sorted(done_shards(self.layer_dir).items())]

    def matrix(self, pooling: str = "mean-answer") -> np.ndarray:
        """[n_examples, hidden] for a pooled view, in ``ids`` order (memory-mapped shards, concatenated)."""
        if pooling not in self.manifest["poolings"] or pooling == "all-tokens":
            raise EmprobeError(f"{self.layer_dir}: pooling {pooling!r} not stored (stored: {', '.join(self.manifest['poolings'])})")
        parts = [_memmap(self.layer_dir / f"{shard_name(s['index'])}.safetensors", pooling) for s in self._shards()]
        return np.concatenate(parts) if len(parts) > 1 else np.asarray(parts[0])

    def tokens(self, example_id: str) -> np.ndarray:
        """Per-token activations [tokens, hidden] of one example (needs the ``all-tokens`` pooling)."""
        for s in self._shards():
            if example_id in s["ids"]:
                i = s["ids"].index(example_id)
                path = self.layer_dir / f"{shard_name(s['index'])}.safetensors"
                offsets = _memmap(path, "all-tokens.offsets")
                return np.asarray(_memmap(path, "all-tokens")[offsets[i] : offsets[i + 1]])
        raise KeyError(example_id)


def load_activations(layer_dir: Path) -> Activations:
    """Open a stored layer dir; a missing one says which command makes it."""
    manifest = Path(layer_dir) / "manifest.json"
    if not manifest.is_file():
        raise EmprobeError(f"no activations in {layer_dir}: run `emprobe extract` first")
    return Activations(Path(layer_dir), json.loads(manifest.read_text()))
