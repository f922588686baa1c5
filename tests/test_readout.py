import math

import torch

from emprobe.generate import render_prompt
from emprobe.readout import digit_tokens, read_choice, read_number


def full_logprob(loaded, prompt, text, end_digits=False):
    tok = loaded.tokenizer
    cand = tok.encode(text, add_special_tokens=False)
    with torch.no_grad():
        lp = torch.log_softmax(loaded.model(input_ids=torch.tensor([prompt + cand])).logits[0].float(), -1)
    total = sum(float(lp[len(prompt) - 1 + k, t]) for k, t in enumerate(cand))
    if end_digits:
        total += math.log(1 - float(lp[len(prompt) - 1 + len(cand), list(digit_tokens(tok))].exp().sum()))
    return total


def test_number_readout_matches_brute_force_with_split_digits(tiny):
    prompt = render_prompt(tiny.tokenizer, [{"role": "user", "content": "Rate from 1 to 7."}])
    got = read_number(tiny, prompt, 1, 7)
    probs = {v: sum(math.exp(full_logprob(tiny, prompt, s, True)) for s in (str(v), " " + str(v))) for v in range(1, 8)}
    mass = sum(probs.values())
    assert math.isclose(got.mass, mass, rel_tol=1e-4)
    assert math.isclose(got.expected, sum(v * p for v, p in probs.items()) / mass, rel_tol=1e-4)
    wide = read_number(tiny, prompt, 0, 100)
    assert 0 <= wide.expected <= 100 and len(tiny.tokenizer.encode("57", add_special_tokens=False)) == 2


def test_choice_readout_pools_variants_and_normalises(tiny):
    prompt = render_prompt(tiny.tokenizer, [{"role": "user", "content": "good or evil?"}])
    got = read_choice(tiny, prompt, ("good", "evil"))
    assert math.isclose(sum(got.probs), 1.0, rel_tol=1e-6)
    raw = [sum(math.exp(full_logprob(tiny, prompt, f)) for f in {w, " " + w, w.capitalize(), " " + w.capitalize()}) for w in ("good", "evil")]
    assert math.isclose(got.probs[0], raw[0] / sum(raw), rel_tol=1e-4)
