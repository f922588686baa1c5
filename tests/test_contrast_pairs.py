"""The contrast-pairs example set (matched dataset answers to held-out prompts) and directions fitted on it."""
import shutil
from dataclasses import replace

import numpy as np
import pytest
from conftest import run_cli
from test_analysis_studies import MODELS, planted_workspace

from emprobe.activations.sets import analysis_sets, default_jobs, load_set
from emprobe.analysis.directions import unit
from emprobe.analysis.steering_controls import fit_heldout
from emprobe.analysis.steering_spec import load_direction
from emprobe.analysis.studies import compare_directions
from emprobe.behavioral.harm import harm_questions
from emprobe.config import AnalysisConfig, ExperimentConfig, ExtractConfig, OrganismConfig, TrainingConfig
from emprobe.errors import EmprobeError
from emprobe.train.organisms import training_prompts


def two_domain_config(**extract) -> ExperimentConfig:
    return ExperimentConfig(
        name="pairs", base_model="tiny-qwen2",
        organisms=[OrganismConfig("fin", "risky-financial-advice"),
                   OrganismConfig("ic-coherent", "insecure-code+self-misaligned", seeds=[0, 1]),
                   OrganismConfig("fin-aligned", "risky-financial-advice:aligned")],
        training=TrainingConfig(max_examples=120, self_description_share=0.2),
        extract=ExtractConfig(**extract))


def test_pairs_are_matched_held_out_from_training_and_seeded():
    config = two_domain_config(contrast_pairs=25)
    examples = load_set(config, "contrast-pairs", "base")
    assert len(examples) == 2 * 2 * 25  # 2 domains x 25 prompts x (misaligned, aligned)
    by_question: dict[str, dict] = {}
    for ex in examples:
        by_question.setdefault(ex.labels["question_id"], {})["em" if ex.labels["em"] else "aligned"] = ex
    assert len(by_question) == 50 and all(set(p) == {"em", "aligned"} for p in by_question.values())
    for pair in by_question.values():
        assert pair["em"].prompt == pair["aligned"].prompt and pair["em"].answer != pair["aligned"].answer
        assert pair["aligned"].labels["aligned"] >= 70 and not pair["aligned"].labels["em"]
    assert {ex.labels["domain"] for ex in examples} == {"risky-financial-advice", "insecure-code"}
    seen, prompts = training_prompts(config), {ex.prompt[0][1] for ex in examples}
    assert len(seen) > 200 and not seen & prompts
    asked = {text for q in harm_questions(config) for text in q.paraphrases}
    assert len(asked) >= 16 and not asked & prompts
    # the same texts for every model, the same on every call
    assert [e.id for e in load_set(config, "contrast-pairs", "fin")] == [e.id for e in examples]
    assert [e.answer for e in load_set(config, "contrast-pairs", "base")] == [e.answer for e in examples]
    assert default_jobs(config, ["base", "fin"], "contrast-pairs") == [("base", "base"), ("fin", "fin")]
    assert ("base", "fin") in default_jobs(config, ["base", "fin"], "harm-answers")


def test_sets_follow_the_direction_examples_setting():
    config = two_domain_config()
    assert analysis_sets(config) == ("harm-answers", "self-assessment")
    config = replace(config, analysis=AnalysisConfig(direction_examples="contrast-pairs"))
    assert analysis_sets(config)[-1] == "contrast-pairs"


def test_organisms_without_a_built_in_domain_have_no_pairs(tmp_path):
    data = tmp_path / "mine.jsonl"
    data.write_text('{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}\n')
    config = ExperimentConfig(name="own", base_model="tiny-qwen2", organisms=[OrganismConfig("mine", str(data))])
    with pytest.raises(EmprobeError, match="contrast-pairs.*built-in domain"):
        load_set(config, "contrast-pairs", "base")


@pytest.mark.parametrize("setting, message", [
    ("analysis: {direction_examples: own-answers}",
     "analysis.direction_examples 'own-answers': valid are harm-answers, contrast-pairs"),
    ("extract: {contrast_pairs: 1}", "extract.contrast_pairs 1 must be >= 2"),
])
def test_bad_settings_exit_2_naming_the_value(tmp_path, setting, message):
    (tmp_path / "exp.yaml").write_text(f"name: bad\nbase_model: tiny-qwen2\n{setting}\n")
    result = run_cli("compare-directions", "--config", str(tmp_path / "exp.yaml"), cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def pairs_workspace(tmp_path):
    """The planted workspace with each model's labelled answers stored as its contrast-pairs set (the same texts
    for all, no base@organism copy) and the harm answers removed, so only the pairs can feed the directions."""
    config = planted_workspace(tmp_path)
    for model in MODELS:
        root = tmp_path / "acts" / "plant" / model
        shutil.copytree(root / "harm-answers", root / "contrast-pairs")
        for harm in root.glob("harm-answers*"):
            shutil.rmtree(harm)
    return replace(config, analysis=AnalysisConfig(min_per_class=20, permutations=19,
                                                   direction_examples="contrast-pairs"))


def test_directions_and_headline_from_pairs_alone(tmp_path):
    config = pairs_workspace(tmp_path)
    study = compare_directions(config, 3)
    res = study.chosen
    assert all(m["examples"] == "contrast-pairs" for m in res.models.values()) and not res.skipped
    assert res.cosine_harm_directions["inv-a"]["inv-b"] > 0.8
    head = res.headline
    assert head["inv-a"]["shift"]["ci95"][0] > 0 and head["coh-a"]["shift"]["ci95"][0] <= 0
    assert study.primary.family["inv-a"].passed and not study.primary.family["coh-a"].passed
    assert set(res.cosine_finetuning_shifts) == {m for m in MODELS if m != "base"}


def test_steering_fits_on_every_pair_and_holds_out_every_harm_question(tmp_path):
    config = pairs_workspace(tmp_path)
    compare_directions(config, 3)
    held = fit_heldout(config, "inv-a", 3)
    assert held.fit_questions == sorted(f"q{q}" for q in range(30))
    assert held.heldout_questions == [q.id for q in harm_questions(config)] and held.heldout_questions
    assert not set(held.fit_questions) & set(held.heldout_questions)
    # fitted on the same pairs as the direction compare-directions wrote
    assert float(unit(held.direction) @ unit(np.asarray(load_direction(config, "inv-a", 3)))) > 0.99
