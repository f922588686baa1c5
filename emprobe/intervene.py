"""Interventions on the residual stream through nnsight: add a vector, or project a direction out.

Both act on the output of one decoder layer (the same place :mod:`emprobe.tracing` reads), at every position of
every forward pass, so a steered generation is a sequence of steered traces (see :func:`steered_forward`).

Pitfalls (symptom → cause → fix):
* The edit has no effect downstream → the layer output was changed on a copy → assign the new value back to
  ``layer.output`` (a tuple output is rebuilt with the edited hidden state first).
* Ablation leaves a residue of ~1e-3 → the projection ran in bfloat16 → project in float32, then cast back.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from .errors import EmprobeError
from .models.layers import decoder_layers
from .tracing import _hidden

MODES = ("add", "ablate")


@dataclass(frozen=True)
class Intervention:
    """``add``: h + alpha·vector at every position; ``ablate``: h − (h·u)u with u = vector/|vector|."""

    layer: int
    vector: Any  # a 1-D torch tensor of the model's hidden size
    mode: str = "add"
    alpha: float = 1.0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise EmprobeError(f"intervention mode {self.mode!r}: valid are {', '.join(MODES)}")
        if not math.isfinite(self.alpha):
            raise EmprobeError(f"alpha {self.alpha!r} is not a finite number")
        if self.vector.dim() != 1:
            raise EmprobeError(f"a steering vector must be 1-D, got shape {tuple(self.vector.shape)}")
        if self.mode == "ablate" and float(self.vector.norm()) == 0.0:
            raise EmprobeError("cannot ablate a zero direction")

    def edit(self, hidden: Any) -> Any:
        """The edited hidden state ``[batch, seq, hidden]`` (same dtype and device as ``hidden``)."""
        vector = self.vector.to(device=hidden.device)
        if self.mode == "add":
            return hidden + (self.alpha * vector).to(hidden.dtype)
        u = (vector / vector.norm()).float()
        h = hidden.float()
        return (h - (h @ u).unsqueeze(-1) * u).to(hidden.dtype)


def check_layer(model: Any, layer: int) -> None:
    """A clear error when ``layer`` is not a decoder layer index of ``model``."""
    n = len(decoder_layers(model))
    if not 0 <= layer < n:
        raise EmprobeError(f"layer {layer} is out of range: the model has {n} decoder layers (0..{n - 1})")


def _steered_trace(traced: Any, inputs: dict[str, Any], intervention: Intervention) -> Any:
    import nnsight

    stack = decoder_layers(traced)
    with traced.trace(**inputs):
        out = stack[intervention.layer].output
        edited = intervention.edit(_hidden(out))
        stack[intervention.layer].output = (edited, *out[1:]) if isinstance(out, tuple) else edited
        result = nnsight.save(traced.output)
    return result


def steered_forward(traced: Any, intervention: Intervention) -> Callable[..., Any]:
    """A drop-in for ``model(**kwargs)`` that runs each call as an nnsight trace with ``intervention`` applied."""
    import torch

    check_layer(traced, intervention.layer)

    def forward(**inputs: Any) -> Any:
        with torch.no_grad():
            return _steered_trace(traced, inputs, intervention)

    return forward
