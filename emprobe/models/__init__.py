"""Model loading (built-ins, HF ids, local dirs, peft adapters) and decoder-layer access."""
from .builtins import BUILTINS, builtin_dir, ensure_builtin
from .layers import ModelDims, decoder_layers, model_dims
from .loading import (
    DTYPES,
    LoadedModel,
    check_adapter,
    eos_token_ids,
    load_model,
    load_tokenizer,
    resolve_model_path,
    torch_dtype,
)

__all__ = [
    "BUILTINS",
    "DTYPES",
    "LoadedModel",
    "ModelDims",
    "builtin_dir",
    "check_adapter",
    "decoder_layers",
    "ensure_builtin",
    "eos_token_ids",
    "load_model",
    "load_tokenizer",
    "model_dims",
    "resolve_model_path",
    "torch_dtype",
]
