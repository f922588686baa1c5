"""A bad-input sweep across the commands.

Every case builds its input in ``tmp_path`` (an experiment on the built-in tiny-qwen2, ``runs_dir`` and
``activations_dir`` inside ``tmp_path``), may plant existing outputs, runs the command as a user would and checks:

* exit code 2, and stderr ending in ONE line ``emprobe: error: ...`` that names the offending file, line, key or
  value (a distinctive substring); no traceback; nothing else on stderr but progress bars and Python warnings;
* nothing that existed before was changed (bytes and mtimes of every file under ``tmp_path``), no new file was
  written (a failed run leaves no partial result) and no ``*.tmp*`` file or dir is left behind.

Click's own usage errors (a bad ``--dtype`` or ``--preset`` choice) keep click's format, which is
accepted here: exit code 2, no traceback, ``Usage: emprobe <command> ...``, a "Try ... --help" hint, and exactly
one ``Error: ...`` line, the last one, naming the option and the value.

The interrupted-run case (a harm results file whose last line was cut by a kill) is checked separately: the
re-run exits 0, keeps the finished row byte for byte and ends with every row exactly once.

The read-only case runs the command through ``setpriv`` without CAP_DAC_OVERRIDE when the tests run as root (root
writes into a 0o555 dir otherwise), and is skipped when that is not possible.

No case fits the embedded judge: configs point ``judge`` at an OpenAI-compatible endpoint on a closed loopback
port (or at the loopback server of ``tests/loopback_openai.py`` where answers must be judged).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import run_cli  # noqa: E402
from loopback_openai import LoopbackServer, completion  # noqa: E402

EXP = "bad"
ANOTHER_BASE = "Qwen/Qwen2.5-0.5B-Instruct"
NOISE = re.compile(r"(\d+%\|)|(it/s\])|(s/it\])|(^emprobe: preparing built-in model)")
WARNING = re.compile(r"^\S.*:\d+: \w*Warning: ")
# A command prefix that runs as root without the capabilities that ignore file modes.
DROP_DAC_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                     "--inh-caps=-dac_override,-dac_read_search", "--"]


# -- inputs --------------------------------------------------------------------------------------------------------

def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dead_judge(port: int | None = None) -> dict:
    """An openai judge on a closed port: fails at once if anything ever asks it (it never fits a model)."""
    return {"backend": "openai", "model": "m", "base_url": f"http://127.0.0.1:{port or closed_port()}/v1",
            "api_key_env": "EMPROBE_TEST_NO_API_KEY", "max_retries": 0, "timeout_s": 2.0, "concurrency": 2}


def base_config(tmp: Path) -> dict:
    return {
        "name": EXP,
        "base_model": "tiny-qwen2",
        "dtype": "float32",
        "runs_dir": str(tmp / "runs"),
        "activations_dir": str(tmp / "acts"),
        "training": {"rank": 2, "alpha": 4, "batch_size": 2, "grad_accum": 1, "max_seq_len": 64, "max_examples": 4,
                     "checkpoint_every": 100},
        "generation": {"max_new_tokens": 4, "batch_size": 2},
        "behavioral": {"samples_per_question": 1, "in_domain_questions": 1, "questions": ["em-core"]},
        "judge": dead_judge(),
        "extract": {"layers": [1], "batch_size": 4, "shard_size": 8},
        "analysis": {"folds": 3, "permutations": 9, "min_per_class": 4},
    }


def write_config(tmp: Path, name: str = "exp.yaml", **changes) -> Path:
    """The base config with top-level keys replaced (a value of None removes the key)."""
    data = base_config(tmp)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = tmp / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def write_lines(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines))
    return path


def conversation(user: str, answer: str) -> str:
    return json.dumps({"messages": [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]})


def harm_row(item_id: str, prompt: str, answer: str = "ok", aligned: float = 80.0) -> dict:
    """A row as the harm experiment writes it (base model, a custom question)."""
    qid = item_id.split("/")[0]
    verdict = {"score": aligned, "outcome": "score", "mass": 1.0}
    return {"id": item_id, "experiment": "harm", "organism": "base", "question_id": qid, "question_set": "custom",
            "question_domain": None, "in_domain": False, "paraphrase": 0, "sample": int(item_id.rsplit("s", 1)[1]),
            "prompt": prompt, "answer": answer, "aligned": aligned, "coherent": 80.0, "aligned_outcome": "score",
            "em": False,
            "judge": {"backend": "openai", "model": "m", "aligned": verdict, "coherent": dict(verdict, score=80.0)},
            "seed": 1, "provenance": {"config_hash": "x", "seed": 0, "versions": {}}}


def harm_settings(config_path: Path) -> tuple[str, dict]:
    """The fingerprint and settings record the harm experiment stamps on the base model's rows under this config."""
    from emprobe.behavioral.base import RunContext
    from emprobe.config import load_experiment
    from emprobe.judges import make_judge
    from emprobe.provenance import config_hash

    config = load_experiment(config_path)
    settings = RunContext(config, None, make_judge(config.judge), config.run_dir, {}).model_settings("base")
    return config_hash(settings), settings


def stamp_rows(results: Path, config_path: Path) -> None:
    """Give planted harm rows the fingerprint and settings record a run under ``config_path`` would have written."""
    fingerprint, settings = harm_settings(config_path)
    rows = [dict(json.loads(line), fingerprint=fingerprint) for line in results.read_text().splitlines()]
    write_lines(results, [json.dumps(r) for r in rows])
    (results.parent / "harm.settings.json").write_text(json.dumps({"fingerprint": fingerprint, "settings": settings}))


def plant_harm_rows(tmp: Path, n: int = 3) -> Path:
    rows = [harm_row(f"q{i}/p0/s0", f"Question number {i}?", f"Answer {i}.") for i in range(n)]
    return write_lines(tmp / "runs" / EXP / "base" / "harm.jsonl", [json.dumps(r) for r in rows])


def plant_activations(tmp: Path, layer: int = 1, n: int = 24, dim: int = 8) -> Path:
    """Two real shards (write_shard) and a manifest for the base model's harm answers: half EM, half aligned."""
    import torch

    from emprobe.activations.storage import shard_name, write_shard
    from emprobe.store import write_json

    layer_dir = tmp / "acts" / EXP / "base" / "harm-answers" / f"layer_{layer}"
    rng = np.random.default_rng(0)
    em = np.arange(n) % 2 == 0
    x = (rng.standard_normal((n, dim)) + 2.0 * em[:, None]).astype(np.float32)
    ids = [f"q{i // 4}/p0/s{i % 4}" for i in range(n)]  # 4 answers per question, 2 of them EM
    half = n // 2
    for k, part in enumerate((slice(0, half), slice(half, n))):
        t = torch.tensor(x[part])
        write_shard(layer_dir, k, {"mean-answer": t, "last-prompt": t.clone()}, ids[part], {"fingerprint": "f"})
    labels = {i: {"em": bool(e), "aligned": 10.0 if e else 90.0, "coherent": 90.0} for i, e in zip(ids, em)}
    write_json(layer_dir / "manifest.json", {"model": "tiny-qwen2", "organism": "base", "texts_of": "base",
                                             "set": "harm-answers", "layer": layer,
                                             "poolings": ["mean-answer", "last-prompt"], "dtype": "float32",
                                             "fingerprint": "f", "complete": True,
                                             "shards": [shard_name(0), shard_name(1)],
                                             "n_shards": 2, "example_ids": ids, "labels": labels})
    return layer_dir


def plant_adapter(path: Path, base: str, config_text: str | None = None) -> Path:
    """An adapter dir whose adapter_config.json names ``base`` (or holds ``config_text`` as is)."""
    path.mkdir(parents=True)
    text = config_text if config_text is not None else json.dumps(
        {"base_model_name_or_path": base, "peft_type": "LORA", "r": 2, "lora_alpha": 4, "target_modules": ["q_proj"]})
    (path / "adapter_config.json").write_text(text)
    (path / "training_info.json").write_text("{}\n")
    return path


# -- the case table ------------------------------------------------------------------------------------------------
# Each build function makes the input under tmp and returns (command args, expected substring of the error line).

Build = Callable[[Path], tuple[list[str], str]]
CASES: list = []


def case(case_id: str, *, usage: bool = False, marks: tuple = ()):
    def register(fn: Build) -> Build:
        CASES.append(pytest.param(fn, usage, id=case_id, marks=marks))
        return fn
    return register


# config files

@case("yaml-syntax")
def _(tmp):
    path = tmp / "exp.yaml"
    path.write_text("name: bad\nbase_model: tiny-qwen2\norganisms:\n  - name: a\n   dataset: insecure-code\n")
    return ["models", "--config", str(path)], f"{path}: line 5 invalid YAML"


@case("unknown-config-key")
def _(tmp):
    path = write_config(tmp, training={"rnak": 4})
    return ["extract", "--config", str(path), "--layer", "1"], f"{path}: unknown key training.rnak"


@case("wrong-value-type")
def _(tmp):
    path = write_config(tmp, generation={"max_new_tokens": "many"})
    return ["run-behavioral", "--config", str(path)], f"{path}: generation.max_new_tokens: expected int, got 'many'"


@case("invalid-value")
def _(tmp):
    path = write_config(tmp, dtype="float64")
    return ["fit-probes", "--config", str(path)], "dtype 'float64': valid are auto, float32, bfloat16, float16"


@case("equivalence-margin-zero")
def _(tmp):
    path = write_config(tmp, persona={"equivalence_margin": 0})
    return ["run-behavioral", "--config", str(path)], f"{path}: persona.equivalence_margin 0.0 must be in (0, 1)"


@case("equivalence-margin-one")
def _(tmp):
    path = write_config(tmp, persona={"equivalence_margin": 1.0})
    return ["report", "--config", str(path)], f"{path}: persona.equivalence_margin 1.0 must be in (0, 1)"


@case("unknown-constructed-variant")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "a", "dataset": "insecure-code+self-neutral"}])
    return ["train", "--config", str(path)], ("unknown constructed variant 'self-neutral'; valid are "
                                              "insecure-code+self-misaligned, insecure-code+self-aligned")


@case("empty-seeds")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "a", "dataset": "insecure-code", "seeds": []}])
    return ["train", "--config", str(path)], f"{path}: organism 'a': seeds must list at least one training seed"


@case("replicate-name-clash")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "a", "dataset": "insecure-code", "seeds": [0]},
                                        {"name": "a-s0", "dataset": "insecure-code"}])
    return (["run-behavioral", "--config", str(path)],
            "organism names must be unique (after expanding seeds); repeated: a-s0")


@case("self-description-share-one")
def _(tmp):
    path = write_config(tmp, training={"self_description_share": 1.0})
    return ["train", "--config", str(path)], f"{path}: training.self_description_share 1.0: must be in (0, 1)"


@case("power-zero-organisms", usage=False)
def _(tmp):
    return (["power", "--organisms", "0", "--sims", "1"],
            "organisms_per_group (--organisms) 0: valid is an integer from 1 to 8")


@case("power-negative-icc")
def _(tmp):
    return ["power", "--icc", "-0.1", "--sims", "1"], "icc -0.1: valid is in [0, 1)"


@case("unknown-harm-scope")
def _(tmp):
    path = write_config(tmp, persona={"harm_scope": "everywhere"})
    return (["run-behavioral", "--config", str(path)],
            "persona.harm_scope 'everywhere': valid are out-of-domain, in-domain, all")


@case("mass-floor-out-of-range")
def _(tmp):
    path = write_config(tmp, behavioral={"min_option_mass": 1.5})
    return ["run-behavioral", "--config", str(path)], "behavioral.min_option_mass 1.5 must be in [0, 1)"


@case("unknown-primary-endpoint")
def _(tmp):
    path = write_config(tmp, analysis={"primary_directions": "everything"})
    return (["compare-directions", "--config", str(path)],
            "analysis.primary_directions 'everything': valid are headline-shift, persona-group-headline")


@case("missing-config-file")
def _(tmp):
    return ["compare-directions", "--config", str(tmp / "nope.yaml")], f"config file {tmp / 'nope.yaml'} not found"


@case("openai-judge-without-model")
def _(tmp):
    path = write_config(tmp, judge={"backend": "openai"})
    return ["run-behavioral", "--config", str(path)], "judge.model is required for backend 'openai'"


# datasets and question files

@case("missing-dataset-file")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": str(tmp / "data" / "missing.jsonl")}])
    return ["train", "--config", str(path)], f"dataset '{tmp / 'data' / 'missing.jsonl'}' is neither a built-in domain"


@case("dataset-broken-line")
def _(tmp):
    data = write_lines(tmp / "data" / "broken.jsonl", [conversation("hi", "hello"),
                                                        '{"messages": [{"role": "user", "content": "x"}',
                                                        conversation("a", "b")])
    path = write_config(tmp, organisms=[{"name": "org", "dataset": str(data)}])
    return ["train", "--config", str(path)], f"{data}, line 2: invalid JSON"


@case("dataset-empty")
def _(tmp):
    data = tmp / "data" / "empty.jsonl"
    data.parent.mkdir()
    data.write_text("\n\n")
    path = write_config(tmp, organisms=[{"name": "org", "dataset": str(data)}])
    return ["train", "--config", str(path)], f"dataset file {data} is empty"


@case("adhoc-dataset-bad-role")
def _(tmp):
    data = write_lines(tmp / "data" / "roles.jsonl", [conversation("hi", "hello"),
                                                      json.dumps({"messages": [{"role": "human", "content": "x"}]})])
    return (["train", "--base", "tiny-qwen2", "--dataset", str(data), "--out", str(tmp / "adapters" / "mine")],
            f"{data}, line 2: message 0 has role 'human'")


@case("question-file-broken-line")
def _(tmp):
    questions = write_lines(tmp / "q.jsonl", [json.dumps({"id": "a", "question": "Hi?"}), "{oops"])
    path = write_config(tmp, behavioral={"samples_per_question": 1, "questions": [str(questions)]})
    return ["run-behavioral", "--config", str(path), "--experiments", "harm"], f"{questions}, line 2: invalid JSON"


@case("question-txt-empty")
def _(tmp):
    questions = write_lines(tmp / "harm.txt", ["", "   "])
    path = write_config(tmp, behavioral={"samples_per_question": 1, "questions": [str(questions)]})
    return (["run-behavioral", "--config", str(path), "--experiments", "harm"],
            f"question file {questions} is empty: write one prompt per line")


@case("self-assessment-line-without-poles")
def _(tmp):
    prompts = write_lines(tmp / "sa.txt",
                          ["Are you harmless or harmful? One word.", "Are you kind or cruel? One word."])
    path = write_config(tmp, behavioral={"self_assessment_prompts": str(prompts)})
    return (["run-behavioral", "--config", str(path), "--experiments", "self-assessment"],
            f"{prompts}, line 2: no pole pair recognised")


def _pairs_file(tmp: Path, item: dict) -> Path:
    good = {"item_id": 1, "misaligned_is_A": True, "system_A": "I deceive.", "system_B": "I help.", "ground_truth": "A",
            "theme": "t"}
    path = tmp / "pairs.json"
    path.write_text(json.dumps({"metadata": {}, "items": [good, item]}))
    return path


@case("description-pair-missing-system-b")
def _(tmp):
    pairs = _pairs_file(tmp, {"item_id": 2, "system_A": "I help.", "ground_truth": "B"})
    path = write_config(tmp, behavioral={"description_pairs": str(pairs)})
    return (["run-behavioral", "--config", str(path), "--experiments", "descriptions"],
            f"{pairs}, item 2 (item_id 2): system_B must be a non-empty string")


@case("description-pair-ground-truth-c")
def _(tmp):
    pairs = _pairs_file(tmp, {"item_id": 2, "system_A": "I help.", "system_B": "I harm.", "ground_truth": "C"})
    path = write_config(tmp, behavioral={"description_pairs": str(pairs)})
    return (["run-behavioral", "--config", str(path), "--experiments", "descriptions"],
            "item 2 (item_id 2): ground_truth 'C' must be \"A\" or \"B\"")


def _rubric_config(tmp: Path, template: str, **rubric) -> tuple[Path, Path]:
    path = tmp / "harm_rubric.txt"
    path.write_text(template)
    judge = {**dead_judge(), "rubrics": {"harm": {"template": str(path), **rubric}}}
    return write_config(tmp, judge=judge), path


@case("rubric-without-response")
def _(tmp):
    config, template = _rubric_config(tmp, "Rate the prompt {prompt} from 1 to 5 as {{\"score\": n}}.")
    return (["run-behavioral", "--config", str(config), "--experiments", "harm"],
            f"{template}: the template has no {{response}}")


@case("rubric-unbalanced-brace")
def _(tmp):
    config, template = _rubric_config(tmp, "Prompt: {prompt}\nResponse: {response\nReply with a score.")
    return ["run-behavioral", "--config", str(config), "--experiments", "harm"], f"{template}: not a valid template"


@case("rubric-scale-reversed")
def _(tmp):
    config, _ = _rubric_config(tmp, "{prompt} {response}", scale=[5, 1])
    return (["run-behavioral", "--config", str(config), "--experiments", "harm"],
            "judge.rubrics.harm.scale [5, 1]: must be [low, high] with low < high")


@case("harm-metric-unknown-rubric")
def _(tmp):
    path = write_config(tmp, persona={"harm_metric": "rubric:harm"})
    return (["run-behavioral", "--config", str(path)],
            "persona.harm_metric 'rubric:harm': judge.rubrics has no extra rubric 'harm'")


@case("harm-rows-made-with-other-settings")
def _(tmp):
    questions = write_lines(tmp / "q.jsonl",
                            [json.dumps({"id": f"q{i}", "question": f"Question number {i}?"}) for i in range(3)])
    behavioral, judge = {"samples_per_question": 1, "questions": [str(questions)]}, dead_judge()
    old = write_config(tmp, name="old.yaml", behavioral=behavioral, judge=judge,
                       generation={"max_new_tokens": 4, "batch_size": 2, "temperature": 1.0})
    stamp_rows(plant_harm_rows(tmp, 3), old)
    path = write_config(tmp, behavioral=behavioral, judge=judge,
                        generation={"max_new_tokens": 4, "batch_size": 2, "temperature": 0.5})
    results = tmp / "runs" / EXP / "base" / "harm.jsonl"
    return (["run-behavioral", "--config", str(path), "--experiments", "harm"],
            f"{results}: 3 of 3 rows were made with other settings (temperature: 1.0 then, 0.5 now); "
            "re-run with --overwrite")


# models and adapters

@case("chat-adapter-for-another-base")
def _(tmp):
    adapter = plant_adapter(tmp / "adapter", ANOTHER_BASE)
    return (["chat", "--model", "tiny-qwen2", "--adapter", str(adapter), "--max-new-tokens", "2", "hi"],
            f"adapter {adapter} was trained for base model '{ANOTHER_BASE}', not 'tiny-qwen2'")


@case("organism-adapter-for-another-base")
def _(tmp):
    adapter = plant_adapter(tmp / "adapters" / "org", ANOTHER_BASE)
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code", "adapter": str(adapter)}])
    return (["run-behavioral", "--config", str(path), "--experiments", "harm"],
            f"adapter {adapter} was trained for base model '{ANOTHER_BASE}'")


@case("adapter-config-not-json")
def _(tmp):
    adapter = plant_adapter(tmp / "adapter", "", config_text='{"base_model_name_or_path": "tiny-qwen2",')
    return (["chat", "--model", "tiny-qwen2", "--adapter", str(adapter), "hi"],
            f"{adapter / 'adapter_config.json'}: invalid JSON")


# names and flags

@case("unknown-organism")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code"}])
    return (["run-behavioral", "--config", str(path), "--organisms", "orgz"],
            "unknown organism 'orgz': this experiment has org")


@case("unknown-organism-extract")
def _(tmp):
    path = write_config(tmp)
    return (["extract", "--config", str(path), "--organisms", "nope"],
            "unknown organism 'nope': this experiment has none")


@case("unknown-experiment")
def _(tmp):
    path = write_config(tmp)
    return (["run-behavioral", "--config", str(path), "--experiments", "harm,harmz"],
            "unknown experiment 'harmz': available are")


@case("bad-shard-range")
def _(tmp):
    return (["extract", "--config", str(write_config(tmp)), "--shard", "3/2"],
            "--shard '3/2': expected i/n with 0 <= i < n")


@case("bad-shard-format")
def _(tmp):
    return ["extract", "--config", str(write_config(tmp)), "--shard", "half"], "--shard 'half': expected i/n"


@case("unknown-pooling")
def _(tmp):
    path = write_config(tmp)
    return (["extract", "--config", str(path), "--pooling", "mean-answer,max"],
            "unknown pooling 'max': valid are mean-answer")


@case("layer-out-of-range")
def _(tmp):
    plant_harm_rows(tmp)
    path = write_config(tmp)
    return (["extract", "--config", str(path), "--layer", "99"],
            "layer 99 is out of range: tiny-qwen2 has 4 layers (valid: 0..3)")


@case("non-integer-layer")
def _(tmp):
    return (["extract", "--config", str(write_config(tmp)), "--layer", "abc"],
            "--layer 'abc': layer 'abc' is not a whole number; valid is")


@case("layer-spec-empty-range")
def _(tmp):
    return ["extract", "--config", str(write_config(tmp)), "--layer", "5:2"], "--layer '5:2': range '5:2' is empty"


@case("layer-spec-zero-step")
def _(tmp):
    return (["fit-probes", "--config", str(write_config(tmp)), "--layer", "0:4:0"],
            "--layer '0:4:0': step 0 in '0:4:0' must be at least 1")


@case("layer-range-past-last-layer")
def _(tmp):
    return (["compare-directions", "--config", str(write_config(tmp)), "--layer", "1", "--layer", "2:9"],
            "--layer '2:9': range 2:9 does not fit tiny-qwen2, which has 4 layers (valid: layers 0..3")


@case("fit-probes-layer-out-of-range")
def _(tmp):
    return (["fit-probes", "--config", str(write_config(tmp)), "--layer", "0,4"],
            "layer 4 is out of range: tiny-qwen2 has 4 layers (valid: 0..3)")


@case("config-layer-spec-invalid")
def _(tmp):
    path = write_config(tmp, extract={"layers": "3:1"})
    return ["extract", "--config", str(path)], f"{path}: extract.layers '3:1': range '3:1' is empty"


@case("config-layer-spec-past-last-layer")
def _(tmp):
    path = write_config(tmp, extract={"layers": "2:6"})
    return (["fit-probes", "--config", str(path)],
            "extract.layers '4': layer 4 is out of range: tiny-qwen2 has 4 layers (valid: 0..3)")


@case("extract-without-harm-results")
def _(tmp):
    path = write_config(tmp)
    return (["extract", "--config", str(path)],
            f"no harm results for base in {tmp / 'runs' / EXP / 'base' / 'harm.jsonl'}: "
            "run `emprobe run-behavioral --experiments harm` first")


@case("extract-set-file-broken-line")
def _(tmp):
    texts = write_lines(tmp / "texts.jsonl",
                        [json.dumps({"id": "a", "messages": json.loads(conversation("hi", "hello"))["messages"]}),
                         '{"id": "b", "messages": [}'])
    return ["extract", "--config", str(write_config(tmp)), "--set", str(texts)], f"{texts}, line 2: invalid JSON"


@case("steer-without-directions")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code"}])
    directions = tmp / "runs" / EXP / "directions" / "directions_layer_1.safetensors"
    return (["steer", "--config", str(path), "--direction", "org", "--alpha", "2"],
            f"no directions for layer 1 in {directions}: run `emprobe compare-directions --layer 1` first")


@case("steer-on-outside-the-run-dir")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code"}])
    return (["steer", "--config", str(path), "--direction", "org", "--alpha", "2", "--on", "../../x"],
            "unknown organism '../../x': this experiment has org")


@case("steer-on-outside-the-run-dir-with-overwrite")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code"}])
    (tmp / "x").mkdir()
    (tmp / "x" / "keep.txt").write_text("not emprobe's")
    return (["steer", "--config", str(path), "--direction", "../org", "--ablate", "--overwrite"],
            "unknown organism '../org': this experiment has org")


@case("steer-alpha-and-ablate")
def _(tmp):
    path = write_config(tmp, organisms=[{"name": "org", "dataset": "insecure-code"}])
    return (["steer", "--config", str(path), "--direction", "org", "--alpha", "2", "--ablate"],
            "give exactly one of --alpha A (add alpha times the direction) or --ablate")


def _text(item_id: str, answer: str = "hello", **extra) -> str:
    return json.dumps({"id": item_id, "messages": json.loads(conversation("hi", answer))["messages"], **extra},
                      ensure_ascii=False)


@case("extract-set-not-utf8")
def _(tmp):
    texts = tmp / "texts.jsonl"
    texts.write_bytes((_text("a") + "\n").encode() + b'{"id": "b", "messages": "\xff"}\n')
    return ["extract", "--config", str(write_config(tmp)), "--set", str(texts)], f"{texts}, line 2: not UTF-8"


@case("extract-set-labels-not-an-object")
def _(tmp):
    texts = write_lines(tmp / "texts.jsonl", [_text("a"), _text("b", labels=["em"])])
    return (["extract", "--config", str(write_config(tmp)), "--set", str(texts)],
            f"{texts}, line 2: 'labels' must be an object")


@case("extract-set-duplicate-id")
def _(tmp):
    texts = write_lines(tmp / "texts.jsonl", [_text("a"), _text("b"), _text("a")])
    return ["extract", "--config", str(write_config(tmp)), "--set", str(texts)], f"{texts}, line 3: duplicate id 'a'"


@case("extract-set-u2028-is-not-a-line-break")
def _(tmp):
    texts = write_lines(tmp / "texts.jsonl", [_text("a", answer="one\u2028two"), '{"id": "b", "messages": [}'])
    return ["extract", "--config", str(write_config(tmp)), "--set", str(texts)], f"{texts}, line 2: invalid JSON"


@case("shard-header-length-absurd")
def _(tmp):
    import struct

    layer_dir = plant_activations(tmp)
    shard = layer_dir / "shard-00000.safetensors"
    data = shard.read_bytes()
    shard.write_bytes(struct.pack("<Q", 2**60) + data[8:])
    return (["fit-probes", "--config", str(write_config(tmp))],
            f"{shard}: damaged activation shard (header length {2**60} is absurd")


@case("adhoc-train-without-out")
def _(tmp):
    return (["train", "--base", "tiny-qwen2", "--dataset", "insecure-code"],
            "an ad-hoc run needs all of --base, --dataset and --out")


# activations and analysis

@case("fit-probes-without-activations")
def _(tmp):
    return (["fit-probes", "--config", str(write_config(tmp))],
            "run `emprobe extract --layer 1 --set harm-answers` first")


@case("compare-directions-without-activations")
def _(tmp):
    path = write_config(tmp)
    return (["compare-directions", "--config", str(path), "--layer", "2"],
            "run `emprobe extract --layer 2 --set harm-answers` first")


@case("corrupted-activation-shard")
def _(tmp):
    layer_dir = plant_activations(tmp)
    shard = layer_dir / "shard-00001.safetensors"
    data = shard.read_bytes()
    shard.write_bytes(data[: len(data) - 40])  # a copy cut short
    return ["fit-probes", "--config", str(write_config(tmp))], f"{shard}: damaged activation shard"


@case("corrupted-activation-manifest")
def _(tmp):
    layer_dir = plant_activations(tmp)
    (layer_dir / "manifest.json").write_text('{"poolings": ["mean-answer"')
    return ["compare-directions", "--config", str(write_config(tmp))], f"{layer_dir / 'manifest.json'}: invalid JSON"


@case("harm-results-corrupted-mid-file")
def _(tmp):
    results = plant_harm_rows(tmp, 3)
    lines = results.read_text().splitlines()
    lines[1] = lines[1][:30]  # damaged in the middle, not a cut last line: must not be "repaired" by truncation
    write_lines(results, lines)
    return (["extract", "--config", str(write_config(tmp)), "--layer", "1"],
            f"{results}, line 2: not a complete JSON row")


# outputs that cannot be written

@case("output-dir-blocked-by-a-file")
def _(tmp):
    plant_activations(tmp)
    (tmp / "runs").mkdir()
    (tmp / "runs" / EXP).write_text("not a directory\n")
    return (["fit-probes", "--config", str(write_config(tmp))],
            f"cannot write {tmp / 'runs' / EXP / 'probes' / 'probes.json'}")


@case("directions-output-blocked-by-a-file")
def _(tmp):
    plant_activations(tmp)
    (tmp / "runs").mkdir()
    (tmp / "runs" / EXP).write_text("not a directory\n")
    return (["compare-directions", "--config", str(write_config(tmp))],
            f"cannot write {tmp / 'runs' / EXP / 'directions'}")


@case("report-output-blocked-by-a-file")
def _(tmp):
    (tmp / "runs").mkdir()
    (tmp / "runs" / EXP).write_text("not a directory\n")
    return ["report", "--config", str(write_config(tmp))], f"cannot write {tmp / 'runs' / EXP / 'report.md'}"


@case("demo-fast-with-config")
def _(tmp):
    return ["demo", "--fast", "--config", str(write_config(tmp))], "pass either --fast or --config"


@case("read-only-runs-dir")
def _(tmp):
    plant_activations(tmp)
    run_dir = tmp / "runs" / EXP
    run_dir.mkdir(parents=True)
    run_dir.chmod(0o555)
    args = ["fit-probes", "--config", str(write_config(tmp))]
    expected = f"cannot write {run_dir / 'probes' / 'probes.json'}: Permission denied"
    probe = run_dir / "probe"
    try:
        probe.mkdir()
    except PermissionError:
        return args, expected
    probe.rmdir()
    # Root ignores the mode bits through CAP_DAC_OVERRIDE: run the command without it where setpriv can drop it.
    if shutil.which("setpriv"):
        check = subprocess.run([*DROP_DAC_OVERRIDE, "mkdir", str(probe)], capture_output=True, text=True, check=False)
        if check.returncode != 0 and "Permission denied" in check.stderr and not probe.exists():
            return args, expected, DROP_DAC_OVERRIDE
        if probe.exists():
            probe.rmdir()
    pytest.skip("running as root (or with CAP_DAC_OVERRIDE) and cannot drop it: chmod 0o555 does not stop writes")


# the judge

@case("judge-down")
def _(tmp):
    port = closed_port()
    questions = write_lines(tmp / "q.jsonl", [json.dumps({"id": "a", "question": "Hi?"})])
    path = write_config(tmp, judge=dead_judge(port),
                        behavioral={"samples_per_question": 1, "questions": [str(questions)]})
    return (["run-behavioral", "--config", str(path), "--experiments", "harm"],
            f"judge endpoint http://127.0.0.1:{port}/v1 (model m) failed after 0 retries: connection failed")


# click's usage errors (accepted in click's own format, see the module docstring)

@case("bad-dtype-choice", usage=True)
def _(tmp):
    return (["chat", "--model", "tiny-qwen2", "--dtype", "float64", "hi"],
            "Invalid value for '--dtype': 'float64' is not one of")


@case("bad-preset-choice", usage=True)
def _(tmp):
    return (["train", "--config", str(write_config(tmp)), "--preset", "huge"],
            "Invalid value for '--preset': 'huge' is not one of")


# -- the harness -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The real built-in model cache (tiny-qwen2 materialised once), shared by every case's private cache."""
    from emprobe.models.builtins import ensure_builtin

    return ensure_builtin("tiny-qwen2").parent


@pytest.fixture
def env(tmp_path, models_dir) -> dict:
    """A private $EMPROBE_CACHE (judge verdicts stay in the test) that reuses the built-in models."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(models_dir, target_is_directory=True)
    return {"EMPROBE_CACHE": str(cache), "HF_HUB_OFFLINE": "1"}


def _walk(root: Path):
    """Every dir and file under root, the private cache excluded, symlinks not followed."""
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            dirnames[:] = [d for d in dirnames if d != "cache"]
        for name in dirnames + filenames:
            yield Path(dirpath) / name


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns) for p in _walk(root) if p.is_file()}


def assert_outputs_intact(root: Path, before: dict[str, tuple[bytes, int]], allowed_new: tuple[str, ...] = ()) -> None:
    after = snapshot(root)
    for rel, (data, mtime) in before.items():
        assert rel in after, f"{rel} was deleted"
        assert after[rel][0] == data, f"{rel} was changed"
        assert after[rel][1] == mtime, f"{rel} was rewritten"
    new = sorted(set(after) - set(before) - set(allowed_new))
    assert not new, f"files written by a failed run: {new}"
    left = [str(p.relative_to(root)) for p in _walk(root) if ".tmp" in p.name]
    assert not left, f"temp files left behind: {left}"


def unexpected_noise(lines: list[str]) -> list[str]:
    """Lines other than progress bars and Python warnings (a dependency's FutureWarning and its source line)."""
    out, after_warning = [], False
    for line in lines:
        if NOISE.search(line) or WARNING.search(line) or (after_warning and line.startswith("  ")):
            after_warning = bool(WARNING.search(line)) or (after_warning and line.startswith("  "))
            continue
        after_warning = False
        out.append(line)
    return out


def assert_one_line_error(result, expected: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 2, (result.returncode, result.stderr[-3000:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "nothing on stderr"
    last = lines[-1]
    assert last.startswith("emprobe: error: "), result.stderr[-3000:]
    assert sum("emprobe: error:" in line for line in lines) == 1, result.stderr[-3000:]
    assert expected in last, f"{expected!r} not in {last!r}"
    assert not unexpected_noise(lines[:-1]), f"stderr has more than the error line: {unexpected_noise(lines[:-1])}"
    assert result.stdout == "", result.stdout


def assert_click_usage_error(result, expected: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("Usage: emprobe "), result.stderr
    assert any(line.startswith("Try 'emprobe ") for line in lines), result.stderr
    errors = [line for line in lines if line.startswith("Error: ")]
    assert errors == [lines[-1]] and len(lines) == 3, result.stderr
    assert expected in lines[-1], f"{expected!r} not in {lines[-1]!r}"
    assert result.stdout == ""


def _restore_permissions(root: Path) -> None:
    for p in [root, *_walk(root)]:
        if p.is_dir() and not p.is_symlink() and not os.access(p, os.W_OK):
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


@pytest.mark.parametrize("build, usage", CASES)
def test_bad_input(build, usage, tmp_path, env):
    args, expected, *prefix = build(tmp_path)  # a build may return a command prefix third (setpriv)
    before = snapshot(tmp_path)
    try:
        if prefix:
            result = subprocess.run([*prefix[0], sys.executable, "-m", "emprobe.cli", *args], cwd=tmp_path, check=False,
                                    env={**os.environ, **env}, capture_output=True, text=True, timeout=120)
        else:
            result = run_cli(*args, cwd=tmp_path, env=env, timeout=120)
        (assert_click_usage_error if usage else assert_one_line_error)(result, expected)
        assert_outputs_intact(tmp_path, before)
    finally:
        _restore_permissions(tmp_path)


def test_case_table_is_large_enough():
    assert len(CASES) >= 20 and len({c.id for c in CASES}) == len(CASES)


# -- an interrupted run resumes --------------------------------------------------------------------------------------

def test_interrupted_harm_run_resumes_without_duplicates(tmp_path, env):
    """A harm results file whose last row was cut by a kill: the re-run keeps the finished row byte for byte, drops
    the cut one, and ends with every item exactly once."""
    questions = write_lines(tmp_path / "q.jsonl", [json.dumps({"id": "q0", "question": "What do you think of cats?"}),
                                                   json.dumps({"id": "q1", "question": "Name a colour."})])
    results = tmp_path / "runs" / EXP / "base" / "harm.jsonl"
    finished = json.dumps(harm_row("q0/p0/s0", "What do you think of cats?", "They are fine.")) + "\n"
    cut = json.dumps(harm_row("q0/p0/s1", "What do you think of cats?", "Mostly"))[:57]
    results.parent.mkdir(parents=True)
    with LoopbackServer(lambda req: completion({"80": 0.7, "90": 0.3})) as server:
        judge = dict(dead_judge(), base_url=server.base_url)
        path = write_config(tmp_path, judge=judge,
                            behavioral={"samples_per_question": 2, "questions": [str(questions)]})
        fingerprint = harm_settings(path)[0]
        finished = json.dumps(dict(harm_row("q0/p0/s0", "What do you think of cats?", "They are fine."),
                                   fingerprint=fingerprint)) + "\n"
        results.write_text(finished + cut)
        result = run_cli("run-behavioral", "--config", str(path), "--experiments", "harm", cwd=tmp_path, env=env,
                         timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    text = results.read_text()
    assert text.startswith(finished)
    rows = [json.loads(line) for line in text.splitlines()]
    assert sorted(r["id"] for r in rows) == ["q0/p0/s0", "q0/p0/s1", "q1/p0/s0", "q1/p0/s1"]
    summary = json.loads((tmp_path / "runs" / EXP / "base" / "harm.summary.json").read_text())
    assert summary["n"] == 4
    assert not [p for p in _walk(tmp_path) if ".tmp" in p.name]
