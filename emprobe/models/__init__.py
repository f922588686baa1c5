"""Model loading (built-ins, HF ids, local dirs, peft adapters) and decoder-layer access."""
from .builtins import BUILTINS, builtin_dir, ensure_builtin
from .layers import ModelDims, decoder_layers, model_dims
from .loading import DTYPES, LoadedModel, check_adapter, load_model, resolve_model_path, torch_dtype

__all__ = [
    "BUILTINS",
    "DTYPES",
    "LoadedModel",
    "ModelDims",
    "builtin_dir",
    "check_adapter",
    "decoder_layers",
    "ensure_builtin",
    "load_model",
    "model_dims",
    "resolve_model_path",
    "torch_dtype",
]
