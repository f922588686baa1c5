"""A direction in a model's residual stream as a value: save it, load it, and apply it to a loaded model.

:class:`Direction` is what ``emprobe compare-directions`` writes (``directions_layer_<L>.safetensors``) and what
``emprobe steer`` adds or projects out, usable on any loaded transformers or peft model in memory::

    d = Direction.from_run(config, "insecure-code", layer=15)
    with d.apply(model, alpha=4.0):          # h + 4·d at layer 15's output, every position
        out = model.generate(**inputs)
    with d.ablate(model, all_later=True):    # h − (h·u)u at layers 15..last
        out = model.generate(**inputs)
    d.save("harm-l15.safetensors"); Direction.load("harm-l15.safetensors")

The edit is :meth:`emprobe.intervene.Intervention.edit` (one home for the arithmetic), run from a forward hook on
the decoder layer, so it acts on ``generate``, a plain forward and a training step alike; ``emprobe steer``
applies the same edit through nnsight (a test checks both give the same logits).

Pitfalls (symptom → cause → fix):
* The edit persists after the ``with`` block → the hooks were registered by hand and not removed → use the
  context managers (they remove their hooks even when the body raises).
* ``hidden size 576 != direction size 896`` → the direction was fitted on another model → fit it on this one.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from .endpoint import one_line
from .errors import EmprobeError
from .intervene import Intervention
from .models.layers import decoder_layers, model_dims
from .paths import atomic_write_bytes


@dataclass(frozen=True)
class Direction:
    """A vector at the output of decoder layer ``layer`` (``vector``: float32 ``[hidden]``), with free-form
    ``meta`` (which model, organism and method made it)."""

    vector: np.ndarray
    layer: int
    name: str = "direction"
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        vector = np.asarray(self.vector, dtype=np.float32)
        if vector.ndim != 1 or not vector.size or not np.all(np.isfinite(vector)):
            raise EmprobeError(f"direction {self.name!r}: expected a finite 1-D vector, got shape {vector.shape}")
        if not isinstance(self.layer, int) or self.layer < 0:
            raise EmprobeError(f"direction {self.name!r}: layer {self.layer!r} is not a layer index")
        object.__setattr__(self, "vector", vector)

    @property
    def unit(self) -> np.ndarray:
        """The vector scaled to length 1."""
        norm = float(np.linalg.norm(self.vector))
        if norm == 0.0:
            raise EmprobeError(f"direction {self.name!r} is zero")
        return self.vector / norm

    def cosine(self, other: "Direction") -> float:
        """Cosine similarity with ``other`` (same width required)."""
        if other.vector.shape != self.vector.shape:
            raise EmprobeError(f"cannot compare {self.name!r} ({self.vector.size}) with {other.name!r} "
                               f"({other.vector.size}): different widths")
        return float(self.unit @ other.unit)

    def save(self, path: str | Path) -> Path:
        """Write a safetensors file (``vector`` plus layer, name and meta as metadata), atomically."""
        from safetensors.numpy import save

        path = Path(path)
        metadata = {"layer": str(self.layer), "name": self.name, "meta": json.dumps(self.meta, default=str)}
        atomic_write_bytes(path, save({"vector": self.vector}, metadata=metadata))
        return path

    @classmethod
    def load(cls, path: str | Path) -> "Direction":
        """Read a file written by :meth:`save`."""
        from safetensors import safe_open

        path = Path(path)
        if not path.is_file():
            raise EmprobeError(f"direction file {path} not found")
        try:
            with safe_open(str(path), framework="numpy") as fh:
                metadata = fh.metadata() or {}
                vector = fh.get_tensor("vector")
            meta = json.loads(metadata.get("meta", "{}"))
            layer = int(metadata["layer"])
        except Exception as exc:  # safetensors raises its own error type for a damaged header
            raise EmprobeError(f"{path}: not a direction file written by Direction.save "
                               f"({one_line(exc)})") from None
        return cls(vector, layer, metadata.get("name", path.stem), meta)

    @classmethod
    def from_run(cls, config: Any, organism: str, layer: int) -> "Direction":
        """The harm direction of ``organism`` at ``layer`` that ``emprobe compare-directions`` wrote."""
        from safetensors.numpy import load_file

        path = config.layout.direction_file(layer)
        if not path.is_file():
            raise EmprobeError(f"no directions for layer {layer} in {path}: "
                               f"run `emprobe compare-directions --layer {layer}` first")
        tensors = load_file(str(path))
        key = f"harm/{organism}"
        if key not in tensors:
            known = sorted(k.split("/", 1)[1] for k in tensors if k.startswith("harm/"))
            raise EmprobeError(f"{path} has no harm direction for {organism!r} (it has: "
                               f"{', '.join(known) or 'none'}; an organism without enough misaligned and aligned "
                               "answers gets none)")
        return cls(tensors[key], layer, f"harm/{organism}",
                   {"experiment": config.name, "base_model": config.base_model, "organism": organism,
                    "method": config.analysis.direction_method})

    def intervention(self, mode: str = "add", alpha: float = 1.0, all_later: bool = False) -> Intervention:
        """The :class:`~emprobe.intervene.Intervention` this direction makes (what ``emprobe steer`` runs)."""
        import torch

        return Intervention(self.layer, torch.from_numpy(self.vector.copy()), mode, alpha, all_later)

    @contextlib.contextmanager
    def apply(self, model: Any, alpha: float = 1.0) -> Iterator[Any]:
        """Add ``alpha`` times the vector to layer ``layer``'s output, at every position, inside the block."""
        with _hooked(model, self, self.intervention("add", alpha)):
            yield model

    @contextlib.contextmanager
    def ablate(self, model: Any, all_later: bool = False) -> Iterator[Any]:
        """Project the direction out of layer ``layer``'s output (``all_later``: of every layer from it on)."""
        with _hooked(model, self, self.intervention("ablate", 1.0, all_later)):
            yield model


def _edit_hook(intervention: Intervention):
    def hook(module: Any, args: Any, output: Any) -> Any:
        if isinstance(output, tuple):
            return (intervention.edit(output[0]), *output[1:])
        return intervention.edit(output)

    return hook


@contextlib.contextmanager
def _hooked(model: Any, direction: Direction, intervention: Intervention) -> Iterator[None]:
    dims = model_dims(model)
    if dims.hidden_size != direction.vector.size:
        raise EmprobeError(f"direction {direction.name!r}: hidden size {dims.hidden_size} != direction size "
                           f"{direction.vector.size} (it was fitted on another model)")
    if direction.layer >= dims.n_layers:
        raise EmprobeError(f"direction {direction.name!r}: layer {direction.layer} is out of range: the model has "
                           f"{dims.n_layers} decoder layers (0..{dims.n_layers - 1})")
    stack = decoder_layers(model)
    handles = [stack[layer].register_forward_hook(_edit_hook(intervention))
               for layer in intervention.layers(dims.n_layers)]
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()
