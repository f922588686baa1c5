"""Interventions on the residual stream through nnsight: add a vector, or project a direction out.

Both act on the output of a decoder layer (the same place :mod:`emprobe.tracing` reads), at every position of
every forward pass, so a steered generation is a sequence of steered traces (see :func:`steered_forward`).
An ablation can act on one layer or on every layer from ``layer`` on (``all_later=True``: the direction is
projected out of each of those layers' outputs, so later layers cannot write it back).

The vector is either one vector for the whole batch (``[hidden]``) or one per batch row (``[batch, hidden]``),
so one batch can hold several conditions of a steering experiment; a zero row leaves its row untouched (adding
nothing, or projecting out nothing).

Pitfalls (symptom → cause → fix):
* The edit has no effect downstream → the layer output was changed on a copy → assign the new value back to
  ``layer.output`` (a tuple output is rebuilt with the edited hidden state first).
* Ablation leaves a residue of ~1e-3 → the projection ran in bfloat16 → project in float32, then cast back.
* Editing several layers in one trace hangs or errors → nnsight 0.8 runs a trace body in the model's execution
  order → visit the layers in increasing order (:func:`_steered_trace` does).
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
    """``add``: h + alpha·vector at every position; ``ablate``: h − (h·u)u with u = vector/|vector|.

    ``vector``: a 1-D torch tensor of the model's hidden size, or a 2-D ``[batch, hidden]`` one (a vector per
    batch row; a zero row leaves that row as it is). ``all_later`` (ablation only): act on every layer from
    ``layer`` to the last, not on ``layer`` alone."""

    layer: int
    vector: Any
    mode: str = "add"
    alpha: float = 1.0
    all_later: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise EmprobeError(f"intervention mode {self.mode!r}: valid are {', '.join(MODES)}")
        if not math.isfinite(self.alpha):
            raise EmprobeError(f"alpha {self.alpha!r} is not a finite number")
        if self.vector.dim() not in (1, 2):
            raise EmprobeError("a steering vector must be 1-D (or 2-D, one row per batch row), "
                               f"got shape {tuple(self.vector.shape)}")
        if self.mode == "ablate" and self.vector.dim() == 1 and float(self.vector.norm()) == 0.0:
            raise EmprobeError("cannot ablate a zero direction")
        if self.all_later and self.mode != "ablate":
            raise EmprobeError("all later layers: only an ablation can act on every layer from L on (adding at each "
                               "layer would add the vector again and again)")

    def layers(self, n_layers: int) -> list[int]:
        """The decoder layers this intervention edits, in execution order."""
        return list(range(self.layer, n_layers)) if self.all_later else [self.layer]

    def edit(self, hidden: Any) -> Any:
        """The edited hidden state ``[batch, seq, hidden]`` (same dtype and device as ``hidden``)."""
        vector = self.vector.to(device=hidden.device)
        if vector.dim() == 2 and vector.shape[0] != hidden.shape[0]:
            raise EmprobeError(f"{vector.shape[0]} steering vectors for a batch of {hidden.shape[0]} rows")
        if self.mode == "add":
            shift = (self.alpha * vector).to(hidden.dtype)
            return hidden + (shift.unsqueeze(1) if shift.dim() == 2 else shift)
        v = vector.float()
        norms = v.norm(dim=-1, keepdim=True)
        u = v / norms.clamp_min(1e-30)  # a zero row stays zero: nothing is projected out of that row
        h = hidden.float()
        if u.dim() == 1:
            return (h - (h @ u).unsqueeze(-1) * u).to(hidden.dtype)
        coef = (h * u.unsqueeze(1)).sum(-1, keepdim=True)
        return (h - coef * u.unsqueeze(1)).to(hidden.dtype)


def check_layer(model: Any, layer: int) -> None:
    """A clear error when ``layer`` is not a decoder layer index of ``model``."""
    n = len(decoder_layers(model))
    if not 0 <= layer < n:
        raise EmprobeError(f"layer {layer} is out of range: the model has {n} decoder layers (0..{n - 1})")


def _steered_trace(traced: Any, inputs: dict[str, Any], intervention: Intervention) -> Any:
    import nnsight

    stack = decoder_layers(traced)
    with traced.trace(**inputs):
        for layer in intervention.layers(len(stack)):
            out = stack[layer].output
            edited = intervention.edit(_hidden(out))
            stack[layer].output = (edited, *out[1:]) if isinstance(out, tuple) else edited
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
