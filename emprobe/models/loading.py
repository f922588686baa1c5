"""Load a base model (built-in name, HF id or local dir) with an optional peft adapter, checked up front."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EmprobeError
from .builtins import BUILTINS, ensure_builtin

DTYPES = ("auto", "float32", "bfloat16", "float16")


@dataclass
class LoadedModel:
    """A model ready to use: the (possibly peft-wrapped) model, its tokenizer, and where both came from."""

    model: Any
    tokenizer: Any
    name: str
    path: str
    adapter: str | None = None


def resolve_model_path(name: str) -> str:
    """A local directory for built-in names and existing paths; an HF id is returned unchanged."""
    if name in BUILTINS:
        return str(ensure_builtin(name))
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    if "/" in name and not name.startswith((".", "/", "~")) and name.count("/") == 1:
        return name  # a Hugging Face id, looked up in the local HF cache (or the hub when online)
    raise EmprobeError(
        f"unknown model {name!r}: use a built-in ({', '.join(sorted(BUILTINS))}), "
        "a Hugging Face id such as Qwen/Qwen2.5-32B-Instruct, or an existing local directory"
    )


def torch_dtype(dtype: str):
    """Map a dtype name to a torch dtype; ``auto`` is bfloat16 on a GPU and float32 on the CPU."""
    import torch

    if dtype not in DTYPES:
        raise EmprobeError(f"unknown dtype {dtype!r}: valid are {', '.join(DTYPES)}")
    if dtype == "auto":
        return torch.bfloat16 if torch.cuda.is_available() else torch.float32
    return getattr(torch, dtype)


def check_adapter(adapter_dir: Path, base_name: str, base_path: str, model: Any) -> None:
    """Fail clearly when ``adapter_dir`` is missing or was trained for another base model."""
    check_adapter_config(adapter_dir, base_name, base_path)
    _check_adapter_shapes(adapter_dir, base_name, model)


def check_adapter_config(adapter_dir: Path, base_name: str, base_path: str) -> None:
    """The checks of :func:`check_adapter` that need no loaded model (run before loading the weights)."""
    config_file = adapter_dir / "adapter_config.json"
    if not adapter_dir.is_dir():
        raise EmprobeError(f"adapter dir {adapter_dir} does not exist (train it with `emprobe train`)")
    if not config_file.is_file():
        raise EmprobeError(f"adapter dir {adapter_dir} has no adapter_config.json: not a peft adapter")
    try:
        adapter_config = json.loads(config_file.read_text(encoding="utf-8"))
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise EmprobeError(f"{config_file}: invalid JSON ({getattr(exc, 'msg', None) or exc}); "
                           "not a usable peft adapter config") from None
    if not isinstance(adapter_config, dict):
        raise EmprobeError(f"{config_file}: expected a JSON object, got {type(adapter_config).__name__}")
    recorded = adapter_config.get("base_model_name_or_path") or ""
    accepted = {base_name, base_path, str(Path(base_path).resolve()) if Path(base_path).exists() else base_path}
    if recorded and recorded not in accepted and Path(recorded).name != Path(base_name).name:
        raise EmprobeError(
            f"adapter {adapter_dir} was trained for base model {recorded!r}, not {base_name!r} "
            f"(adapter_config.json: base_model_name_or_path)"
        )


def _check_adapter_shapes(adapter_dir: Path, base_name: str, model: Any) -> None:
    weights = adapter_dir / "adapter_model.safetensors"
    if not weights.is_file():
        return
    from safetensors import safe_open

    modules = dict(model.named_modules())
    with safe_open(str(weights), framework="pt") as fh:
        for key in fh.keys():
            if ".lora_A." not in key and ".lora_B." not in key:
                continue
            module_name = key.split(".lora_")[0].removeprefix("base_model.model.")
            shape = fh.get_slice(key).get_shape()
            target = modules.get(module_name)
            expected = None
            if target is not None and hasattr(target, "in_features"):
                expected = target.in_features if ".lora_A." in key else target.out_features
            got = shape[1] if ".lora_A." in key else shape[0]
            if target is None or expected != got:
                raise EmprobeError(
                    f"adapter {adapter_dir} does not fit base model {base_name!r}: tensor {key} has shape "
                    f"{list(shape)}, the base model's {module_name} "
                    + ("does not exist" if target is None else f"has {expected} features, not {got}")
                )


def load_tokenizer(name: str) -> Any:
    """The tokenizer of ``name`` (built-in, HF id or dir), padding on the left (generation and extraction
    rely on it)."""
    from transformers import AutoTokenizer

    path = resolve_model_path(name)
    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
    except OSError as exc:
        raise EmprobeError(f"could not load the tokenizer of model {name!r}: {str(exc).splitlines()[0]}") from exc
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def eos_token_ids(name: str, tokenizer: Any) -> tuple[int, ...]:
    """The tokenizer's eos plus the model's generation-config eos ids (end-of-turn tokens), without its weights."""
    from transformers import AutoConfig, GenerationConfig

    path = resolve_model_path(name)
    try:  # what transformers gives a loaded model: the generation config file, else one from the model config
        extra = GenerationConfig.from_pretrained(path).eos_token_id
    except (OSError, ValueError):
        try:
            extra = GenerationConfig.from_model_config(AutoConfig.from_pretrained(path)).eos_token_id
        except (OSError, ValueError):
            extra = None
    ids = {tokenizer.eos_token_id, *(extra if isinstance(extra, list) else [extra])}
    return tuple(sorted(i for i in ids if i is not None))


def load_model(
    name: str,
    adapter: str | Path | None = None,
    *,
    dtype: str = "auto",
    device_map: str | dict | None = None,
    adapter_name: str = "default",
) -> LoadedModel:
    """Load ``name`` (built-in, HF id or dir) in eval mode, optionally wrapped with the peft adapter at ``adapter``.

    The tokenizer pads on the left (generation and activation extraction both rely on it).
    """
    path = resolve_model_path(name)
    if adapter is not None:
        check_adapter_config(Path(adapter).expanduser(), name, path)  # a wrong adapter fails before the weights load

    from transformers import AutoModelForCausalLM

    tokenizer = load_tokenizer(name)
    try:
        model = AutoModelForCausalLM.from_pretrained(path, dtype=torch_dtype(dtype), device_map=device_map)
    except OSError as exc:
        raise EmprobeError(f"could not load model {name!r}: {str(exc).splitlines()[0]}") from exc
    if adapter is not None:
        from peft import PeftModel

        adapter_dir = Path(adapter).expanduser()
        check_adapter(adapter_dir, name, path, model)
        model = PeftModel.from_pretrained(model, str(adapter_dir), adapter_name=adapter_name)
    model.eval()
    return LoadedModel(model=model, tokenizer=tokenizer, name=name, path=path,
                       adapter=str(adapter) if adapter else None)
