"""Decoder-layer access that works for plain, peft-wrapped and nnsight-wrapped causal LMs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Tried in order. peft first: on a plain model ``base_model`` is the inner decoder, which has no ``.model``.
_LAYER_PATHS = (
    "base_model.model.model.layers",  # peft PeftModel -> LoraModel -> *ForCausalLM -> *Model
    "model.layers",  # Qwen2 / Llama *ForCausalLM (also nnsight's wrapper of one)
    "model.model.layers",  # an extra wrapper level (e.g. a LoraModel alone)
    "layers",  # the bare decoder stack
)


@dataclass(frozen=True)
class ModelDims:
    """Layer count and residual width of a decoder-only model."""

    n_layers: int
    hidden_size: int


def _walk(obj: Any, path: str) -> Any:
    for attr in path.split("."):
        obj = getattr(obj, attr)
    return obj


def decoder_layers(model: Any) -> Any:
    """The list of decoder layers (a ``ModuleList``, or nnsight's envoy of one) of ``model``."""
    for path in _LAYER_PATHS:
        try:
            layers = _walk(model, path)
            if len(layers) > 0:
                return layers
        except (AttributeError, TypeError):
            continue
    raise ValueError(f"cannot find decoder layers in {type(model).__name__}; tried {', '.join(_LAYER_PATHS)}")


def model_dims(model: Any) -> ModelDims:
    """Number of decoder layers and the hidden size (from the model's config)."""
    config = getattr(model, "config")
    text_config = config.get_text_config() if hasattr(config, "get_text_config") else config
    return ModelDims(n_layers=len(decoder_layers(model)), hidden_size=int(text_config.hidden_size))
