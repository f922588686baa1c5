"""Text generation from a loaded model with its chat template."""
from __future__ import annotations

from typing import Any

from .models import LoadedModel


def render_prompt(tokenizer: Any, messages: list[dict[str, str]]) -> list[int]:
    """Token ids of ``messages`` rendered by the chat template, ending with the assistant's turn opener."""
    return list(tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True, return_dict=False))


def chat(loaded: LoadedModel, question: str, *, max_new_tokens: int = 128, temperature: float = 0.0, seed: int = 0) -> str:
    """One answer to ``question`` (greedy when ``temperature`` is 0)."""
    import torch

    model, tok = loaded.model, loaded.tokenizer
    ids = torch.tensor([render_prompt(tok, [{"role": "user", "content": question}])], device=model.device)
    sampling = {"do_sample": True, "temperature": temperature, "top_p": 1.0} if temperature > 0 else {"do_sample": False}
    torch.manual_seed(seed)
    with torch.no_grad():
        out = model.generate(
            input_ids=ids,
            attention_mask=torch.ones_like(ids),
            max_new_tokens=max_new_tokens,
            pad_token_id=tok.pad_token_id,
            top_k=None,
            **sampling,
        )
    return tok.decode(out[0, ids.shape[1] :], skip_special_tokens=True).strip()
