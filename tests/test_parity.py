"""The output of decoder layer i read through nnsight equals HF ``output_hidden_states[i+1]`` (i < last)."""
import pytest
import torch

from emprobe.models import model_dims
from emprobe.tracing import read_layer_outputs, wrap

TEXTS = ["Hello there, how are you?", "A much longer sentence so the batch needs left padding for the first one."]


def assert_parity(model, tokenizer, atol=1e-5):
    enc = dict(tokenizer(TEXTS, return_tensors="pt", padding=True))
    assert (enc["attention_mask"][0] == 0).any()  # left padding is exercised
    n = model_dims(model).n_layers
    layers = list(range(n - 1))
    got = read_layer_outputs(wrap(model, tokenizer), enc, layers)
    with torch.no_grad():
        ref = model(**enc, output_hidden_states=True).hidden_states
    for layer in layers:
        assert got[layer].shape == ref[layer + 1].shape
        torch.testing.assert_close(got[layer], ref[layer + 1], atol=atol, rtol=1e-4)
    return got, ref


def test_parity_plain_tiny(tiny):
    assert_parity(tiny.model, tiny.tokenizer)


def test_parity_peft_tiny(tiny):
    from peft import LoraConfig, get_peft_model

    from emprobe.models import load_model

    base = load_model(tiny.path).model
    organism = get_peft_model(base, LoraConfig(r=4, target_modules=["q_proj", "down_proj"], init_lora_weights=False,
                                               task_type="CAUSAL_LM")).eval()
    got, ref = assert_parity(organism, tiny.tokenizer)
    enc = dict(tiny.tokenizer(TEXTS, return_tensors="pt", padding=True))
    with torch.no_grad():
        base_ref = tiny.model(**enc, output_hidden_states=True).hidden_states
    assert (got[1] - base_ref[2]).abs().max() > 1e-3  # the adapter is live in what nnsight read


def test_trace_stops_after_deepest_layer(tiny):
    calls = []
    handles = [layer.register_forward_pre_hook(lambda m, a, k=k: calls.append(k))
               for k, layer in enumerate(tiny.model.model.layers)]
    try:
        enc = dict(tiny.tokenizer(TEXTS, return_tensors="pt", padding=True))
        read_layer_outputs(wrap(tiny.model, tiny.tokenizer), enc, [1])
    finally:
        for h in handles:
            h.remove()
    assert calls == [0, 1]


@pytest.mark.slow
def test_parity_smollm2(smollm2):
    assert_parity(smollm2.model, smollm2.tokenizer, atol=1e-4)
