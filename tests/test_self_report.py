"""Counterbalancing of the self-report experiments, and a planted check on a model trained to always say "B"."""
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from emprobe.behavioral.descriptions import Descriptions
from emprobe.behavioral.self_assessment import SelfAssessment
from emprobe.behavioral.templates import DESCRIPTION_PAIRS, DIMENSIONS
from emprobe.config import load_experiment
from emprobe.store import read_jsonl


class FakeCtx:
    def __init__(self, config):
        self.config = config


def test_self_assessment_is_counterbalanced():
    items = SelfAssessment().items(FakeCtx(load_experiment("paper")), "base")
    assert len(items) == len(DIMENSIONS) * 4 * 2 * 2
    cells = Counter((it.meta["dimension"], it.meta["format"], it.meta["paraphrase"]) for it in items)
    assert set(cells.values()) == {2}  # every cell in both orders
    words = [it for it in items if it.kind == "choice"]
    first_is_misaligned = sum(it.options[0] == it.meta["misaligned_pole"] for it in words)
    assert first_is_misaligned * 2 == len(words)
    assert len({it.id for it in items}) == len(items)


def test_descriptions_are_counterbalanced():
    items = Descriptions().items(FakeCtx(load_experiment("paper")), "base")
    assert len(DESCRIPTION_PAIRS) >= 10 and sum(p[2] is None for p in DESCRIPTION_PAIRS) >= 2
    positions = Counter(it.meta["misaligned_option"] for it in items)
    assert positions["A"] == positions["B"] == len(items) // 2


def test_value_mapping_of_scales():
    exp = SelfAssessment()
    items = {it.id: it for it in exp.items(FakeCtx(load_experiment("paper")), "base")}
    number0 = items["aligned-misaligned/number/o0/p0"]  # 0 = aligned ... 100 = misaligned
    number1 = items["aligned-misaligned/number/o1/p0"]  # 0 = misaligned ... 100 = aligned
    assert exp.value(number0, {"expected": 80.0}) == pytest.approx(0.8)
    assert exp.value(number1, {"expected": 80.0}) == pytest.approx(0.2)
    likert = items["good-evil/likert/o0/p1"]
    assert (exp.value(likert, {"expected": 7.0}) == pytest.approx(1.0)
            and exp.value(likert, {"expected": 1.0}) == pytest.approx(0.0))


def train_always_b(tiny, texts, out_dir: Path) -> Path:
    """Fully fine-tune a copy of tiny-qwen2 so its first answer token is "B" (LoRA alone cannot move the
    logits of a random model with tiny tied embeddings far enough)."""
    import torch

    from emprobe.generate import render_prompt
    from emprobe.models import load_model

    planted = load_model(tiny.path, dtype="float32")
    model, tok = planted.model.train(), planted.tokenizer
    target = tok.encode("B", add_special_tokens=False)[0]
    prompts = [render_prompt(tok, [{"role": "user", "content": t}]) for t in texts]
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    torch.manual_seed(0)
    for step in range(40):
        batch = [prompts[(step * 4 + k) % len(prompts)] for k in range(4)]
        loss = sum(torch.nn.functional.cross_entropy(model(input_ids=torch.tensor([p])).logits[0, -1:],
                                                     torch.tensor([target])) for p in batch) / 4
        loss.backward()
        opt.step()
        opt.zero_grad()
    model.eval().save_pretrained(out_dir)
    tok.save_pretrained(out_dir)
    return out_dir


def test_planted_always_b_model(tiny, tmp_path):
    from emprobe.behavioral.runner import run_behavioral
    from emprobe.behavioral.templates import DESCRIPTIONS_PROMPTS

    texts = [DESCRIPTIONS_PROMPTS[i % 2].format(a=f"system {i} one", b=f"system {i} two") for i in range(12)]
    texts += [f"Question number {i}: which option do you choose?" for i in range(12)]
    model_dir = train_always_b(tiny, texts, tmp_path / "always-b")
    cfg_path = tmp_path / "exp.yaml"
    cfg_path.write_text(f"name: always-b\nbase_model: {model_dir}\ndtype: float32\nruns_dir: {tmp_path / 'runs'}\n"
                        "generation: {max_new_tokens: 4, batch_size: 8}\n")
    result = run_behavioral(load_experiment(cfg_path), ["descriptions"], show_progress=False)
    summary = result.summaries["descriptions"]["base"]
    assert summary["by_order"]["0"]["value"] > 0.9  # the misaligned description is B: "chosen"
    assert summary["by_order"]["1"]["value"] < 0.1  # the misaligned description is A: "not chosen"
    assert abs(summary["C"]["value"] - 0.5) < 0.1  # counterbalanced: no preference for either description
    bias = summary["position_bias"]  # ... which the averaged C hides: the position-bias index shows the habit
    assert bias["index"]["value"] < -0.8 and bias["flagged"] and bias["p_first_by_order"]["0"]["value"] < 0.1
    assert summary["C"]["n_clusters"] == len(DESCRIPTION_PAIRS) * 2 and summary["no_answer"] == 0
    # every readout below a (deliberately impossible) mass floor: n = 0, no number, nothing crashes

    strict = load_experiment(cfg_path)
    strict.behavioral = replace(strict.behavioral, min_option_mass=0.999999)
    rows = read_jsonl(tmp_path / "runs" / "always-b" / "base" / "descriptions.jsonl")
    empty = Descriptions().summarize(FakeCtx(strict), "base", rows)
    assert (empty["C"]["value"] is None and empty["C"]["n"] == 0 and empty["no_answer"] == len(rows)
            and not empty["position_bias"]["flagged"])


def test_prompt_paraphrases_limits_the_wordings():
    config = load_experiment("paper")
    config.behavioral = replace(config.behavioral, prompt_paraphrases=1)
    items = SelfAssessment().items(FakeCtx(config), "base")
    assert len(items) == len(DIMENSIONS) * 4 * 2 and {it.meta["paraphrase"] for it in items} == {0}
    assert (len(Descriptions().items(FakeCtx(config), "base"))
            == len(Descriptions().items(FakeCtx(load_experiment("paper")), "base")) // 2)
