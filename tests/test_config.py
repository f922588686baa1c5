from pathlib import Path

import pytest

from emprobe.config import ExperimentConfig, OrganismConfig, load_experiment
from emprobe.errors import EmprobeError


def test_shipped_configs_load():
    demo = load_experiment()  # the embedded default
    assert demo.name == "demo" and demo.base_model == "smollm2-135m"
    assert any(o.dataset.endswith(":aligned") for o in demo.organisms)
    paper = load_experiment("experiments/paper.yaml")
    assert paper.base_model == "Qwen/Qwen2.5-32B-Instruct"
    assert paper.extract.layer_list(64) == list(range(8, 64, 4))
    domains = ["insecure-code", "risky-financial-advice", "bad-medical-advice", "extreme-sports", "bad-legal-advice",
               "bad-security-advice"]
    assert sorted({o.group for o in paper.organisms if o.group}) == sorted(domains)  # the paper's six, 4 seeds each
    assert all(sum(o.group == d for o in paper.organisms) == 4 for d in domains)
    assert (sorted(o.dataset for o in paper.organisms if o.dataset.endswith(":aligned"))
            == sorted(f"{d}:aligned" for d in domains))
    assert paper.training.lr == 1e-5 and paper.training.rank == 32
    protocol = load_experiment("seed-protocol")
    assert [o.name for o in protocol.organisms] == [o.name for o in paper.organisms]
    assert protocol.judge.rubrics["harm"].scale == [1, 5] and protocol.judge.rubrics["harm"].harmful_at == 4
    assert protocol.persona.harm_metric == "rubric:harm"
    assert protocol.behavioral.self_assessment_prompts and protocol.behavioral.description_pairs


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exp.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "text, expected",
    [
        ("name: x\nbase_model: tiny-qwen2\nbogus: 1\n", "unknown key bogus"),
        ("name: x\nbase_model: tiny-qwen2\ntraining:\n  lrr: 0.1\n", "unknown key training.lrr"),
        ("name: x\nbase_model: tiny-qwen2\ntraining:\n  rank: eight\n", "training.rank: expected int"),
        ("name: x\nbase_model: tiny-qwen2\nseed: true\n", "seed: expected int"),
        ("name: x\nbase_model: tiny-qwen2\norganisms:\n  - name: a\n    datset: b\n",
         "unknown key organisms[0].datset"),
        ("name: x\nbase_model: tiny-qwen2\nextract:\n  layers: [1, two]\n", "extract.layers[1]: expected int"),
        ("base_model: tiny-qwen2\n", "missing key name"),
        ("name: x\nbase_model: [tiny\n", "line 3 invalid YAML"),
        ("- just\n- a list\n", "top level: expected a mapping"),
        ("name: x\nbase_model: m\norganisms:\n  - {name: a, dataset: d}\n  - {name: a, dataset: e}\n", "repeated: a"),
        ("name: x\nbase_model: m\njudge:\n  backend: gpt\n", "judge.backend 'gpt'"),
        ("name: x\nbase_model: m\norganisms:\n  - {name: base, dataset: d}\n", "reserved"),
        ("name: x\nbase_model: m\nseed: -1\n", "seed -1 must be >= 0"),
        ("name: x\nbase_model: m\ntraining:\n  epochs: .inf\n", "training.epochs: expected a finite number, got inf"),
        ("name: x\nbase_model: m\ntraining:\n  lr: .nan\n", "training.lr: expected a finite number"),
        ("name: x\nbase_model: m\ntraining:\n  warmup_steps: -2\n",
         "warmup_steps and training.weight_decay must be >= 0"),
        ("name: x\nbase_model: m\ntraining:\n  weight_decay: -0.1\n",
         "warmup_steps and training.weight_decay must be >= 0"),
        ("name: x\nbase_model: m\njudge:\n  backend: openai\n  model: m\n  concurrency: 1000\n",
         "at most 256 requests in flight"),
        ("name: x\nbase_model: m\norganisms:\n  - {name: Org, dataset: insecure-code}\n"
         "  - {name: org, dataset: insecure-code}\n", "differ only in case"),
        ("name: x\nbase_model: m\norganisms:\n  - {name: a, dataset: insecure-code, seeds: [-1, 0]}\n",
         "seeds [-1, 0] must be >= 0"),
    ],
)
def test_bad_configs_name_file_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(EmprobeError) as err:
        load_experiment(path)
    message = str(err.value)
    assert str(path) in message and expected in message
    assert "\n" not in message


def test_missing_config_file_lists_shipped(tmp_path):
    with pytest.raises(EmprobeError,
                       match=r"not found \(shipped configs: demo, demo-fast, paper, seed-protocol, validation\)"):
        load_experiment(tmp_path / "nope.yaml")


def test_int_accepted_where_float_expected(tmp_path):
    config = load_experiment(write(tmp_path, "name: x\nbase_model: m\ntraining:\n  lr: 1\n"))
    assert config.training.lr == 1.0 and isinstance(config.training.lr, float)


def test_adapter_dir_default_and_override():
    config = ExperimentConfig(name="e", base_model="m",
                              organisms=[OrganismConfig("a", "d"), OrganismConfig("b", "d", adapter="/x/y")])
    assert config.adapter_dir(config.organisms[0]) == Path("runs/e/adapters/a")
    assert config.adapter_dir(config.organisms[1]) == Path("/x/y")
    with pytest.raises(EmprobeError, match="unknown organism 'c': this experiment has a, b"):
        config.organism("c")


def test_seeds_expand_into_replicates_sharing_a_group():
    from emprobe.config import experiment_from_dict

    cfg = experiment_from_dict({"name": "x", "base_model": "tiny-qwen2", "organisms": [
        {"name": "fin", "dataset": "risky-financial-advice+self-aligned", "seeds": [0, 2]},
        {"name": "mine", "dataset": "insecure-code", "seeds": [1], "group": "code"},
        {"name": "ctl", "dataset": "insecure-code:aligned"}]})
    assert [(o.name, o.seed, o.group_name()) for o in cfg.organisms] == [
        ("fin-s0", 0, "risky-financial-advice"), ("fin-s2", 2, "risky-financial-advice"), ("mine-s1", 1, "code"),
        ("ctl", None, "insecure-code")]
    from emprobe.train.organisms import organism_jobs

    # the replicate's seed trains it; others: the experiment's
    assert [j.seed for j in organism_jobs(cfg)] == [0, 2, 1, 0]


@pytest.mark.parametrize("organisms, expected", [
    ([{"name": "a", "dataset": "insecure-code", "seeds": []}],
     "organism 'a': seeds must list at least one training seed"),
    ([{"name": "a", "dataset": "insecure-code", "seeds": [1, 1]}], "organism 'a': seeds [1, 1] repeat a seed"),
    ([{"name": "a", "dataset": "insecure-code", "seeds": [0]}, {"name": "a-s0", "dataset": "insecure-code"}],
     "organism names must be unique (after expanding seeds); repeated: a-s0"),
])
def test_bad_replicates_name_the_organism(organisms, expected):
    from emprobe.config import experiment_from_dict

    with pytest.raises(EmprobeError) as err:
        experiment_from_dict({"name": "x", "base_model": "tiny-qwen2", "organisms": organisms}, "exp.yaml")
    assert str(err.value) == f"exp.yaml: {expected}"
