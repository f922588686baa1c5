"""``tiny-qwen2``: a seeded, randomly initialised Qwen2ForCausalLM with a byte-level tokenizer, for fast tests."""
from __future__ import annotations

from pathlib import Path

# Qwen2.5's ChatML template, shortened: a default system prompt when the conversation has none.
CHATML_TEMPLATE = (
    "{%- if messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%- endif %}"
)
SPECIAL_TOKENS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
SEED = 0
VERSION = 1  # bump when the architecture or tokenizer below changes (new cache entry)
N_LAYERS = 4


def build_tokenizer():
    """Byte-level BPE with no merges (every byte a token, so numbers split into digits) plus ChatML specials."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    alphabet = sorted(pre_tokenizers.ByteLevel.alphabet())
    backend = Tokenizer(models.BPE(vocab={ch: i for i, ch in enumerate(alphabet)}, merges=[]))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    backend.decoder = decoders.ByteLevel()
    backend.add_special_tokens(list(SPECIAL_TOKENS))
    tok = PreTrainedTokenizerFast(tokenizer_object=backend, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    tok.chat_template = CHATML_TEMPLATE
    return tok


def build_model(vocab_size: int):
    """A 4-layer, width-64 Qwen2ForCausalLM initialised from a fixed seed."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    config = Qwen2Config(
        vocab_size=vocab_size,
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=N_LAYERS,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        tie_word_embeddings=True,
        bos_token_id=None,
        eos_token_id=SPECIAL_TOKENS.index("<|im_end|>") + 256,
        pad_token_id=SPECIAL_TOKENS.index("<|endoftext|>") + 256,
    )
    torch.manual_seed(SEED)
    return Qwen2ForCausalLM(config).eval()


def materialize(target: Path) -> None:
    """Write tokenizer and weights of tiny-qwen2 into ``target`` (an empty directory)."""
    tok = build_tokenizer()
    model = build_model(len(tok))
    model.generation_config.eos_token_id = tok.eos_token_id
    model.generation_config.pad_token_id = tok.pad_token_id
    model.save_pretrained(target)
    tok.save_pretrained(target)
