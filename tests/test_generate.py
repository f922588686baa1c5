import torch

from emprobe.generate import SamplingSettings, left_pad, length_sorted_batches, render_prompt, sample_batch

QUESTIONS = ["hi", "What is the capital of France?", "Tell me a story about a dragon and a knight.", "2+2?"]


def prompts(tok):
    return [render_prompt(tok, [{"role": "user", "content": q}]) for q in QUESTIONS]


def test_greedy_batch_matches_hf_generate(tiny):
    ps = prompts(tiny.tokenizer)
    ours = sample_batch(tiny, ps, [0, 1, 2, 3], SamplingSettings(temperature=0, max_new_tokens=12))
    ids, mask = left_pad(ps, tiny.tokenizer.pad_token_id, "cpu")
    with torch.no_grad():
        ref = tiny.model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=12, do_sample=False,
                                  pad_token_id=tiny.tokenizer.pad_token_id)
    assert ours == [tiny.tokenizer.decode(r[ids.shape[1]:], skip_special_tokens=True).strip() for r in ref]


def test_per_sample_seeds_reproduce_and_differ(tiny):
    ps = prompts(tiny.tokenizer)
    settings = SamplingSettings(temperature=1.0, max_new_tokens=16)
    a = sample_batch(tiny, ps, [10, 11, 12, 13], settings)
    assert a == sample_batch(tiny, ps, [10, 11, 12, 13], settings)
    b = sample_batch(tiny, ps, [20, 21, 22, 23], settings)
    assert a != b
    same_prompt = sample_batch(tiny, [ps[1]] * 4, [1, 2, 3, 4], settings)
    assert len(set(same_prompt)) > 1  # different seeds, different samples


def test_top_p_tiny_keeps_only_the_top_token(tiny):
    ps = prompts(tiny.tokenizer)
    greedy = sample_batch(tiny, ps, [0, 1, 2, 3], SamplingSettings(temperature=0, max_new_tokens=8))
    nucleus = sample_batch(tiny, ps, [5, 6, 7, 8], SamplingSettings(temperature=1.0, top_p=1e-6, max_new_tokens=8))
    assert nucleus == greedy


def test_length_sorted_batches():
    lengths = [5, 50, 7, 40, 6, 45]
    batches = length_sorted_batches(lengths, 2)
    assert batches == [[1, 5], [3, 2], [4, 0]]
    assert sorted(i for b in batches for i in b) == list(range(6))
