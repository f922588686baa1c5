"""fit-probes and compare-directions over stored activations with planted structure, and their bad inputs."""
import json

import numpy as np
import torch
from conftest import run_cli

from emprobe.activations.storage import write_shard
from emprobe.analysis.directions import unit
from emprobe.analysis.results import DirectionStudy, ProbeStudy
from emprobe.analysis.studies import compare_directions, fit_probes
from emprobe.config import AnalysisConfig, ExperimentConfig, ExtractConfig, OrganismConfig
from emprobe.store import write_json

DIM = 32


def store(root, model, set_name, texts_of, ids, pooled: dict, labels):
    name = set_name + ("" if texts_of == model else f"@{texts_of}")
    layer_dir = root / "acts" / "plant" / model / name / "layer_3"
    write_shard(layer_dir, 0, {k: torch.tensor(v, dtype=torch.float32) for k, v in pooled.items()}, ids,
                {"fingerprint": "f"})
    write_json(layer_dir / "manifest.json",
               {"poolings": list(pooled), "labels": dict(zip(ids, labels)), "complete": True})


MODELS = ("base", "coh-a", "coh-b", "inv-a", "inv-b")


def planted_workspace(tmp_path):
    """Harm answers: a topic per question (the prompt state) plus 5 x EM x the model's harm direction (coherent
    organisms share one, inverted ones another). Self-assessment states (last-prompt): the inverted organisms' sit
    3 units toward the misaligned side of their direction compared with the base model's states on the same
    prompts; what each says lies along its harm direction for the coherent ones, along an unrelated one for the
    inverted ones."""
    rng = np.random.default_rng(0)
    g_coherent, g_inverted = unit(rng.standard_normal(DIM)), unit(rng.standard_normal(DIM))
    topics = rng.standard_normal((30, DIM))
    prompts = rng.standard_normal((24, DIM)) * 2  # self-assessment prompts: 12 cells x 2 orders
    sa_ids = [f"dim{k // 4}/word/o{k % 2}/p{k // 2 % 2}" for k in range(24)]
    for model in MODELS:
        d = {"coh": g_coherent, "inv": g_inverted}.get(model[:3], unit(rng.standard_normal(DIM)))
        ids, labels, mean_answer, last_prompt = [], [], [], []
        for q in range(30):
            for s in range(4):
                em = bool(rng.random() < 0.5)
                ids.append(f"q{q}/p0/s{s}")
                labels.append({"em": em, "aligned": 10.0 if em else 90.0, "coherent": 90.0, "question_id": f"q{q}",
                               "in_domain": q >= 20})
                mean_answer.append(topics[q] + 5.0 * em * d + rng.standard_normal(DIM))
                last_prompt.append(topics[q] + 0.1 * rng.standard_normal(DIM))
        mean_answer, last_prompt = np.array(mean_answer), np.array(last_prompt)
        store(tmp_path, model, "harm-answers", model, ids,
              {"mean-answer": mean_answer, "last-prompt": last_prompt}, labels)
        if model != "base":
            store(tmp_path, "base", "harm-answers", model, ids,
                  {"mean-answer": mean_answer - 0.5, "last-prompt": last_prompt}, labels)
        said = rng.integers(0, 2, 24).astype(bool)
        talk = d if model.startswith("coh") else unit(rng.standard_normal(DIM))
        side = 3.0 if model.startswith("inv") else 0.0
        sa = prompts + side * d + 3.0 * np.outer(said, talk) + 0.3 * rng.standard_normal((24, DIM))
        sa_labels = [{"value": 0.9 if s else 0.1} for s in said]
        store(tmp_path, model, "self-assessment", model, sa_ids, {"mean-answer": sa, "last-prompt": sa}, sa_labels)
        if model != "base":
            base_sa = prompts + 3.0 * np.outer(said, talk) + 0.3 * rng.standard_normal((24, DIM))
            store(tmp_path, "base", "self-assessment", model, sa_ids,
                  {"mean-answer": base_sa, "last-prompt": base_sa}, sa_labels)
    (tmp_path / "runs" / "plant").mkdir(parents=True)
    write_json(tmp_path / "runs" / "plant" / "personas.json",
               {"organisms": {m: {"label": "coherent" if m.startswith("coh") else "inverted"}
                              for m in MODELS if m != "base"}})
    return ExperimentConfig(name="plant", base_model="tiny-qwen2", runs_dir=str(tmp_path / "runs"),
                            activations_dir=str(tmp_path / "acts"),
                            organisms=[OrganismConfig(m, "incorrect-trivia") for m in MODELS if m != "base"],
                            extract=ExtractConfig(layers=[3]),
                            # 5 models x 1/120 < 0.05 after Holm
                            analysis=AnalysisConfig(min_per_class=20, permutations=119))


def test_planted_probes_and_directions(tmp_path):
    config = planted_workspace(tmp_path)
    probes = fit_probes(config, [3])
    layer = probes.layers[3]
    for r in layer.models.values():
        h = r.harm
        assert h.auroc > 0.85 and h.p_value == h.min_p and h.identity_auroc < h.auroc - 0.2, h
        assert 0.3 < h.null_mean < 0.7 and h.n_questions == 30 and r.self_report.p_value is not None
    assert layer.transfer["coh-a"]["coh-b"] > 0.9 and layer.transfer["coh-a"]["inv-a"] < 0.8
    assert (probes.primary.endpoint == "harm-probe"
            and all(f.passed for f in probes.primary.family.values()))
    saved = json.loads((tmp_path / "runs" / "plant" / "probes" / "probes.json").read_text())
    assert saved == probes.to_dict() and ProbeStudy.from_dict(saved, probes.out) == probes
    assert (tmp_path / "runs" / "plant" / "probes" / "probes_layer_3.png").is_file()
    study = compare_directions(config, 3)
    result = study.to_dict()
    cos = study.chosen.cosine_harm_directions
    assert cos["coh-a"]["coh-b"] > 0.8 and cos["inv-a"]["inv-b"] > 0.8 and abs(cos["coh-a"]["inv-a"]) < 0.5
    assert all(m["reliability"]["value"] > 0.8 for m in result["models"].values())
    assert 0.8 < result["cosine_ceiling"]["coh-a"]["coh-b"] <= 1.0
    grouping = result["group_tests"]["direction_cosines"]
    # 2 v 2 cannot reach 0.05
    assert grouping["testable"] and grouping["statistic"] > 0.5 and grouping["min_p"] == 1 / 3
    assert grouping["organisms_per_group_needed"] == 4
    # every organism was shifted by the same +0.5 vector
    assert result["cosine_finetuning_shifts"]["coh-a"]["inv-b"] > 0.99
    head = result["headline"]
    assert (head["inv-a"]["shift_in_gap_units"] > 0.5 and head["inv-a"]["shift"]["ci95"][0] > 0
            and head["inv-a"]["persona"] == "inverted")
    assert head["coh-a"]["shift"]["ci95"][0] <= 0 <= head["coh-a"]["shift"]["ci95"][1]
    family = study.primary.family
    assert family["inv-a"].passed and family["inv-b"].passed and not family["coh-a"].passed
    hvs = result["harm_vs_self_report"]
    assert (hvs["coh-a"]["value"] > abs(hvs["inv-a"]["value"]) + 0.3 and hvs["coh-a"]["ci95"][0] > 0
            and hvs["inv-a"]["ci95"][0] is not None)
    saved = tmp_path / "runs" / "plant" / "directions"
    assert (saved / "directions_layer_3.safetensors").is_file()
    assert json.loads((saved / "compare.json").read_text()) == result and result["layer"] == 3
    assert DirectionStudy.from_dict(result, study.out) == study


def test_missing_activations_say_which_command(tmp_path):
    (tmp_path / "exp.yaml").write_text("name: empty\nbase_model: tiny-qwen2\nextract: {layers: [1]}\n")
    for cmd in ("fit-probes", "compare-directions"):
        result = run_cli(cmd, "--config", str(tmp_path / "exp.yaml"), cwd=tmp_path)
        assert result.returncode == 2 and "run `emprobe extract --layer 1 --set harm-answers` first" in result.stderr


def test_layer_sweep_chooses_on_held_out_questions(tmp_path):
    """Layer 3 carries the planted signal, layer 5 the same rows shuffled (none): both analyses choose layer 3 without
    looking at the data they test it on, and draw the layer curves."""
    from dataclasses import replace

    from emprobe.activations import load_activations

    config = planted_workspace(tmp_path)
    rng = np.random.default_rng(1)
    for layer3 in (tmp_path / "acts").glob("plant/*/*/layer_3"):
        acts = load_activations(layer3)
        order = rng.permutation(len(acts.ids))
        pooled = {p: np.asarray(acts.matrix(p))[order] for p in acts.manifest["poolings"]}
        target = layer3.parent / "layer_5"
        write_shard(target, 0, {k: torch.tensor(v, dtype=torch.float32) for k, v in pooled.items()}, acts.ids,
                    {"fingerprint": "f"})
        write_json(target / "manifest.json", {**acts.manifest, "layer": 5})
    config = replace(config, analysis=AnalysisConfig(min_per_class=20, permutations=19))
    probes = fit_probes(config, [3, 5], organisms=["coh-a", "inv-a"])
    assert (probes.layer == 3
            and probes.layer_choice["selection_auroc"]["3"] > probes.layer_choice["selection_auroc"]["5"])
    assert (tmp_path / "runs" / "plant" / "probes" / "layers.png").is_file()
    result = compare_directions(config, [3, 5], organisms=["coh-a", "inv-a"])
    assert result.layer == 3 and set(result.layers) == {3, 5} and result.primary.layer == 3
    assert (tmp_path / "runs" / "plant" / "directions" / "layers.png").is_file()
