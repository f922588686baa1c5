"""Activation storage: per model, set and layer, safetensors shards (written atomically) plus a manifest,
and a lazy, memory-mapped loader."""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import EmprobeError
from ..paths import fsync_dir
from ..store import write_json

_NP = {"F32": np.float32, "F16": np.float16, "BF16": np.uint16, "I64": np.int64}


def shard_name(k: int) -> str:
    return f"shard-{k:05d}"


_CODES = {"float32": "F32", "float16": "F16", "bfloat16": "BF16", "int64": "I64"}


class ShardWriter:
    """Shard ``k`` written as a stream: the safetensors header is fixed up front from each tensor's dtype and
    shape, rows are appended to each tensor as they come (a batch at a time, so per-token activations are never
    held whole), and the file is renamed into place, then its JSON sidecar written, only once every byte is in.

    ``specs``: {name: (torch dtype name, shape)}. Use as a context manager; leaving it without :meth:`finish`
    (an error, a kill) leaves no shard, only a temp file that the next sole writer removes."""

    def __init__(self, layer_dir: Path, k: int, specs: dict[str, tuple[str, tuple[int, ...]]], ids: list[str]) -> None:
        layer_dir.mkdir(parents=True, exist_ok=True)
        self.layer_dir, self.k, self.ids = layer_dir, k, list(ids)
        self.target = layer_dir / f"{shard_name(k)}.safetensors"
        self.tmp = layer_dir / f".{shard_name(k)}.tmp-{os.getpid()}.safetensors"
        header: dict[str, Any] = {"__metadata__": {"ids": json.dumps(self.ids)}}
        self._cursor: dict[str, int] = {}
        self._end: dict[str, int] = {}
        begin = 0
        for name, (dtype, shape) in sorted(specs.items()):
            size = int(np.prod(shape, dtype=np.int64)) * np.dtype(_NP[_CODES[dtype]]).itemsize
            header[name] = {"dtype": _CODES[dtype], "shape": [int(n) for n in shape],
                            "data_offsets": [begin, begin + size]}
            self._cursor[name], self._end[name] = begin, begin + size
            begin += size
        raw = json.dumps(header, separators=(",", ":")).encode()
        raw += b" " * (-len(raw) % 8)  # the data starts 8-byte aligned, as safetensors writes it
        self._base = 8 + len(raw)
        self._fh = open(self.tmp, "wb")
        self._fh.write(struct.pack("<Q", len(raw)) + raw)
        self._fh.truncate(self._base + begin)

    def write(self, name: str, tensor: Any) -> None:
        """Append ``tensor``'s rows to ``name`` (in the dtype its spec gave)."""
        import torch

        data = tensor.detach().contiguous().cpu().reshape(-1).view(torch.uint8).numpy()
        at = self._cursor[name]
        if at + data.nbytes > self._end[name]:
            raise ValueError(f"{name}: more rows than its shape holds")
        self._fh.seek(self._base + at)
        self._fh.write(memoryview(data))
        self._cursor[name] = at + data.nbytes

    def finish(self, meta: dict) -> None:
        """Check that every tensor is full, make the file durable, rename it into place and write the sidecar."""
        short = [name for name, at in self._cursor.items() if at != self._end[name]]
        if short:
            raise ValueError(f"shard {self.k}: tensors {', '.join(short)} are not full")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.tmp, self.target)
        fsync_dir(self.layer_dir)
        write_json(self.layer_dir / f"{shard_name(self.k)}.json", {"ids": self.ids, **meta})  # marks the shard complete

    def __enter__(self) -> "ShardWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._fh.closed:
            self._fh.close()
        self.tmp.unlink(missing_ok=True)


def write_shard(layer_dir: Path, k: int, tensors: dict[str, Any], ids: list[str], meta: dict) -> None:
    """Write shard ``k`` whole (its tensors in memory already) through :class:`ShardWriter`."""
    specs = {name: (str(t.dtype).removeprefix("torch."), tuple(t.shape)) for name, t in tensors.items()}
    with ShardWriter(layer_dir, k, specs, ids) as writer:
        for name, t in tensors.items():
            writer.write(name, t)
        writer.finish(meta)


def remove_leftovers(layer_dir: Path) -> None:
    """Delete the temp files of a writer that was killed before its rename (only when no other writer is active)."""
    if layer_dir.is_dir():
        for p in layer_dir.glob(".*.tmp*"):
            p.unlink(missing_ok=True)


def done_shards(layer_dir: Path, *, verify: bool = True, known: dict[int, dict] | None = None) -> dict[int, dict]:
    """Complete shards (safetensors and sidecar both present) by index. With ``verify``, a damaged shard (a
    safetensors file cut short or unreadable, or a sidecar that is not JSON) does not count as done, so
    ``emprobe extract`` extracts it again. ``known``: shards already verified by the caller, taken as they are."""
    out = dict(known or {})
    for sidecar in sorted(layer_dir.glob("shard-*.json")) if layer_dir.is_dir() else []:
        k = int(sidecar.stem.split("-")[1])
        if k in out:
            continue
        tensors = layer_dir / f"{shard_name(k)}.safetensors"
        if not tensors.is_file() or (verify and _damage(tensors) is not None):
            continue
        try:
            info = json.loads(sidecar.read_text())
        except ValueError as exc:
            if verify:
                continue
            raise EmprobeError(f"{sidecar}: invalid JSON ({getattr(exc, 'msg', exc)}); {_REEXTRACT}") from None
        if verify and _stored_ids(tensors) != info.get("ids"):  # a sidecar left by another shard's content
            continue
        out[k] = info
    return out


def _stored_ids(path: Path) -> list[str] | None:
    """The example ids a shard's safetensors file was written with (its metadata)."""
    try:
        return json.loads(_header(path)[1].get("__metadata__", {}).get("ids", "null"))
    except (ValueError, AttributeError):
        return None


_REEXTRACT = "re-run `emprobe extract` for this model, set and layer: it extracts damaged shards again"
_REWRITE = "re-run `emprobe extract` for this model, set and layer: it rewrites the manifest"


def _header(path: Path) -> tuple[int, dict]:
    """(header size, header) of a safetensors file; ``ValueError`` says what is wrong."""
    with open(path, "rb") as fh:
        head = fh.read(8)
        if len(head) < 8:
            raise ValueError("shorter than a safetensors header")
        (size,) = struct.unpack("<Q", head)
        if size > min(100_000_000, os.fstat(fh.fileno()).st_size - 8):  # checked before reading it
            raise ValueError(f"header length {size} is absurd or cut short")
        raw = fh.read(size)
    if len(raw) < size:
        raise ValueError("header cut short")
    header = json.loads(raw)  # a ValueError when it is not JSON
    if not isinstance(header, dict):
        raise ValueError("header is not a JSON object")
    return size, header


def _damage(path: Path) -> str | None:
    """Why the safetensors file at ``path`` is unusable (cut short, bad header), or None when it is whole."""
    try:
        size, header = _header(path)
        end = max([info["data_offsets"][1] for key, info in header.items() if key != "__metadata__"], default=0)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        return str(exc) or type(exc).__name__
    actual = path.stat().st_size
    if actual < 8 + size + end:
        return f"{actual} bytes, its header promises {8 + size + end}"
    return None


def _memmap(path: Path, key: str) -> np.ndarray:
    """A read-only memory map of one tensor of a safetensors file (bfloat16 is returned as float32)."""
    why = _damage(path) if path.is_file() else "missing"
    if why is not None:
        raise EmprobeError(f"{path}: damaged activation shard ({why}); {_REEXTRACT}")
    size, header = _header(path)
    if key not in header:
        stored = ", ".join(k for k in header if k != "__metadata__")
        raise EmprobeError(f"{path}: no tensor {key!r} in this shard (has {stored})")
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
    _snapshot: list[dict] | None = field(default=None, repr=False, compare=False)

    @property
    def ids(self) -> list[str]:
        return [i for s in self._shards() for i in s["ids"]]

    @property
    def labels(self) -> dict[str, dict]:
        return self.manifest["labels"]

    def _shards(self) -> list[dict]:
        """The shards of one snapshot, read once: the manifest's list when it has one (so ids and matrices agree
        while an extraction adds shards), else the shards on disk. Damage is reported on reading."""
        if self._snapshot is None:
            on_disk = done_shards(self.layer_dir, verify=False)
            listed = self.manifest.get("shards")
            keys = sorted(on_disk) if not isinstance(listed, list) else [int(str(n).split("-")[1]) for n in listed]
            missing = [k for k in keys if k not in on_disk]
            if missing:
                raise EmprobeError(f"{self.layer_dir}: the manifest lists {shard_name(missing[0])}, which is missing; "
                                   f"{_REEXTRACT}")
            self._snapshot = [dict(on_disk[k], index=k) for k in keys]
        return self._snapshot

    def matrix(self, pooling: str = "mean-answer") -> np.ndarray:
        """[n_examples, hidden] for a pooled view, in ``ids`` order (memory-mapped shards, concatenated)."""
        if pooling not in self.manifest["poolings"] or pooling == "all-tokens":
            stored = ", ".join(self.manifest["poolings"])
            raise EmprobeError(f"{self.layer_dir}: pooling {pooling!r} not stored (stored: {stored})")
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
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EmprobeError(f"{manifest}: invalid JSON ({getattr(exc, 'msg', exc)}); {_REWRITE}") from None
    if (not isinstance(data, dict) or not isinstance(data.get("poolings"), list)
            or not isinstance(data.get("labels"), dict)):
        raise EmprobeError(f"{manifest}: not an activation manifest (needs 'poolings' and 'labels'); {_REWRITE}")
    return Activations(Path(layer_dir), data)
