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
    raw = [sum(math.exp(full_logprob(tiny, prompt, f)) for f in {w, " " + w, w.capitalize(), " " + w.capitalize()})
           for w in ("good", "evil")]
    assert math.isclose(got.probs[0], raw[0] / sum(raw), rel_tol=1e-4)


class _SpaceBlind:
    """A tokenizer wrapper that tokenises " 5" like "5" (as SentencePiece tokenizers can)."""

    def __init__(self, tok):
        self.tok = tok

    def encode(self, text, add_special_tokens=False):
        return self.tok.encode(text.lstrip(" "), add_special_tokens=add_special_tokens)

    def decode(self, ids):
        return self.tok.decode(ids)

    def __len__(self):
        return len(self.tok)


def test_spellings_that_tokenise_alike_count_once(tiny):
    from dataclasses import replace

    blind = replace(tiny, tokenizer=_SpaceBlind(tiny.tokenizer))
    prompt = render_prompt(tiny.tokenizer, [{"role": "user", "content": "Rate from 1 to 7."}])
    got = read_number(blind, prompt, 1, 7)
    once = {v: math.exp(full_logprob(tiny, prompt, str(v), True)) for v in range(1, 8)}
    assert math.isclose(got.mass, sum(once.values()), rel_tol=1e-4)  # not twice
    choice = read_choice(blind, prompt, ("good", "evil"))
    raw = [sum(math.exp(full_logprob(tiny, prompt, f)) for f in {w, w.capitalize()}) for w in ("good", "evil")]
    assert math.isclose(choice.mass, sum(raw), rel_tol=1e-4)


def test_letters_are_read_in_upper_case_only(tiny):
    from emprobe.readout import _variants

    tok = tiny.tokenizer
    assert sorted(_variants(tok, "A")) == sorted({tuple(tok.encode(f, add_special_tokens=False)) for f in ("A", " A")})
    prompt = render_prompt(tok, [{"role": "user", "content": "A or B?"}])
    got = read_choice(tiny, prompt, ("A", "B"))
    # not "a" / " a" (the article)
    raw = [sum(math.exp(full_logprob(tiny, prompt, f)) for f in (w, " " + w)) for w in ("A", "B")]
    assert (math.isclose(got.mass, sum(raw), rel_tol=1e-4)
            and math.isclose(got.probs[0], raw[0] / sum(raw), rel_tol=1e-4))


def test_no_answer_below_the_mass_floor():
    from emprobe.readout import answered

    assert answered({"value": 0.9, "readout": {"mass": 0.01}}, 0.25) is None
    assert answered({"value": 0.9, "readout": {"mass": 0.6}}, 0.25) == 0.9
    assert answered({"value": 0.4, "readout": {"judge": {"score": 40.0}}}, 0.25) == 0.4  # judged text has no mass
