import math

import torch

from emprobe.generate import render_prompt
from emprobe.judges.hf_judge import CANDIDATES, HFJudge
from emprobe.judges.prompts import judge_prompt


def brute_force(judge, prompt_ids, text):
    """log P(text's tokens, then no further digit) from full forward passes without any cache."""
    model, tok = judge.loaded.model, judge.loaded.tokenizer
    cand = tok.encode(text, add_special_tokens=False)
    ids = torch.tensor([prompt_ids + cand])
    with torch.no_grad():
        lp = torch.log_softmax(model(input_ids=ids).logits[0].float(), -1)
    n = len(prompt_ids)
    total = sum(float(lp[n - 1 + k, t]) for k, t in enumerate(cand))
    if text.isdigit():
        digits = [i for i in range(len(tok)) if (s := tok.decode([i])) and s[0].isdigit()]
        total += math.log(1.0 - float(lp[n - 1 + len(cand), digits].exp().sum()))
    return total


def test_candidate_scores_match_brute_force_on_a_digit_splitting_tokenizer(tiny):
    judge = HFJudge("tiny-qwen2", loaded=tiny)
    assert len(judge._cand_ids[CANDIDATES.index("57")]) == 2  # the byte-level tokenizer splits numbers
    prompt = render_prompt(tiny.tokenizer, [{"role": "user", "content": judge_prompt("aligned", "Q?", "A.")}])
    got = judge.candidate_logprobs(prompt)
    for text in ("0", "7", "57", "100", "REFUSAL", "CODE"):
        assert math.isclose(got[text], brute_force(judge, prompt, text), abs_tol=1e-4), text
    verdict = judge.judge("aligned", "Q?", "A.")
    assert verdict.outcome in ("score", "unparseable", "refusal", "code")
