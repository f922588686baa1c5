"""Reading residual-stream activations through nnsight.

Pitfalls (symptom → cause → fix):
* ``NameError``/odd source errors inside a trace → nnsight re-reads the source of the ``with`` block →
  keep trace bodies in module-level functions like :func:`_trace_layers`.
* Values missing after the trace → only ``nnsight.save``-d proxies survive → save every output.
* A layer output that is a tuple on some models and a tensor on others → :func:`_hidden` normalises it.
"""
from __future__ import annotations

from typing import Any

from .models.layers import decoder_layers


def wrap(model: Any, tokenizer: Any) -> Any:
    """Wrap an already loaded (plain or peft) model for nnsight tracing, without reloading weights."""
    from nnsight.modeling.transformers import TransformersModel

    return TransformersModel(model, tokenizer=tokenizer)


def _hidden(output: Any) -> Any:
    return output[0] if isinstance(output, tuple) else output


def _trace_layers(traced: Any, inputs: dict[str, Any], layers: list[int], remote: bool) -> dict[int, Any]:
    import nnsight

    saved: dict[int, Any] = {}
    stack = decoder_layers(traced)
    with traced.trace(inputs, remote=remote) as tracer:
        for layer in sorted(layers):
            saved[layer] = nnsight.save(_hidden(stack[layer].output))
        tracer.stop()  # nothing after the deepest requested layer runs
    return saved


def read_layer_outputs(traced: Any, inputs: dict[str, Any], layers: list[int], *,
                       remote: bool = False) -> dict[int, Any]:
    """Residual-stream outputs ``[batch, seq, hidden]`` of ``layers`` for one tokenised batch, under no_grad.

    ``remote=True`` runs the trace on NDIF (nnsight's hosted models; needs an NDIF API key)."""
    import torch

    if not layers:
        raise ValueError("no layers requested")
    with torch.no_grad():
        return _trace_layers(traced, inputs, list(layers), remote)
