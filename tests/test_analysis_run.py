"""fit-probes and compare-directions over stored activations with planted structure, and their bad inputs."""
import json

import numpy as np
import torch

from conftest import run_cli
from emprobe.activations.storage import write_shard
from emprobe.analysis.directions import unit
from emprobe.analysis.run import compare_directions, fit_probes
from emprobe.config import ExperimentConfig, ExtractConfig, OrganismConfig
from emprobe.store import write_json

DIM = 32


def store(root, model, set_name, texts_of, x, labels):
    name = set_name + ("" if texts_of == model else f"@{texts_of}")
    layer_dir = root / "acts" / "plant" / model / name / "layer_3"
    ids = [f"{model}-{set_name}-{i}" for i in range(len(x))]
    write_shard(layer_dir, 0, {"mean-answer": torch.tensor(x, dtype=torch.float32)}, ids, {"fingerprint": "f"})
    write_json(layer_dir / "manifest.json", {"poolings": ["mean-answer"], "labels": dict(zip(ids, labels)), "complete": True})


def planted_workspace(tmp_path):
    rng = np.random.default_rng(0)
    g_coherent, g_inverted = unit(rng.standard_normal(DIM)), unit(rng.standard_normal(DIM))
    models = {"base": None, "coh-a": g_coherent, "coh-b": g_coherent, "inv-a": g_inverted, "inv-b": g_inverted}
    for model, g in models.items():
        d = g if g is not None else unit(rng.standard_normal(DIM))
        em = rng.integers(0, 2, 120).astype(bool)
        x = rng.standard_normal((120, DIM)) + 3.0 * np.outer(em, d)
        labels = [{"em": bool(e), "aligned": 10.0 if e else 90.0, "coherent": 90.0} for e in em]
        store(tmp_path, model, "harm-answers", model, x, labels)
        if model != "base":
            store(tmp_path, "base", "harm-answers", model, x - 0.5, labels)  # the shift: +0.5 on every axis
        # self-assessment states: the inverted organisms' sit on the misaligned side of their harm direction
        side = 3.0 if model.startswith("inv") else 0.0
        sa = rng.standard_normal((40, DIM)) + side * d
        # what each says: the coherent organisms' "I am misaligned" states lie along their harm direction,
        # the inverted ones' along an unrelated direction
        said = rng.integers(0, 2, 40).astype(bool)
        sa += 3.0 * np.outer(said, d if model.startswith("coh") else unit(rng.standard_normal(DIM)))
        store(tmp_path, model, "self-assessment", model, sa, [{"value": 0.9 if s else 0.1} for s in said])
    (tmp_path / "runs" / "plant").mkdir(parents=True)
    write_json(tmp_path / "runs" / "plant" / "personas.json",
               {"organisms": {m: {"label": "coherent" if m.startswith("coh") else "inverted"} for m in models if m != "base"}})
    return ExperimentConfig(name="plant", base_model="tiny-qwen2", runs_dir=str(tmp_path / "runs"), activations_dir=str(tmp_path / "acts"),
                            organisms=[OrganismConfig(m, "incorrect-trivia") for m in models if m != "base"], extract=ExtractConfig(layers=[3]))


def test_planted_probes_and_directions(tmp_path):
    config = planted_workspace(tmp_path)
    probes = fit_probes(config, [3])
    layer = probes["layers"]["3"]
    assert all(r["harm"]["auroc"]["value"] > 0.85 and 0.3 < r["harm"]["shuffled_auroc"]["value"] < 0.7 for r in layer["models"].values())
    assert layer["transfer"]["coh-a"]["coh-b"] > 0.9 and layer["transfer"]["coh-a"]["inv-a"] < 0.8
    assert (tmp_path / "runs" / "plant" / "probes" / "probes_layer_3.png").is_file()
    result = compare_directions(config, 3)
    cos = result["cosine_harm_directions"]
    assert cos["coh-a"]["coh-b"] > 0.8 and cos["inv-a"]["inv-b"] > 0.8 and abs(cos["coh-a"]["inv-a"]) < 0.5
    test = result["coherent_vs_inverted"]
    assert test["testable"] and test["within_minus_between"] > 0.5
    shift = result["cosine_finetuning_shifts"]
    assert shift["coh-a"]["inv-b"] > 0.99  # every organism was shifted by the same +0.5 vector
    head = result["headline_projection"]
    assert head["inv-a"]["self_assessment_projection"]["mean"] > 2.0 > head["coh-a"]["self_assessment_projection"]["mean"]
    assert head["inv-a"]["persona"] == "inverted"
    harm_vs_report = result["cosine_harm_vs_self_report_direction"]
    assert harm_vs_report["by_model"]["coh-a"] > 0.8 and abs(harm_vs_report["by_model"]["inv-a"]) < 0.6
    assert set(harm_vs_report["by_persona"]) == {"coherent", "inverted", "reference"}
    saved = tmp_path / "runs" / "plant" / "directions"
    assert (saved / "directions_layer_3.safetensors").is_file() and json.loads((saved / "compare.json").read_text())["layer"] == 3


def test_missing_activations_say_which_command(tmp_path):
    (tmp_path / "exp.yaml").write_text("name: empty\nbase_model: tiny-qwen2\nextract: {layers: [1]}\n")
    for cmd in ("fit-probes", "compare-directions"):
        result = run_cli(cmd, "--config", str(tmp_path / "exp.yaml"), cwd=tmp_path)
        assert result.returncode == 2 and "run `emprobe extract --layer 1 --set harm-answers` first" in result.stderr
