"""Fault injection: ``train``, ``run-behavioral`` and ``extract`` on tiny-qwen2, each SIGKILLed at 10 seeded random
points while it works and then run to the end, finish with exactly what an uninterrupted run writes: the same
adapter weights, the same rows (none lost, none duplicated), the same activations. A concurrency test starts two
``run-behavioral`` processes on the same config at once: every row exactly once, a consistent summary.

A kill point is random but always inside the work: the test waits until the command has written something new
(a checkpoint, a row, a shard), then kills it after a seeded random delay (up to 0.05 s in training, 0.1 s in the
behavioural run, 0.01 s in extraction: on this tiny model each writes many times a second)."""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_openai import LoopbackServer, completion  # noqa: E402

KILLS = 10


def judge_reply(request) -> dict:
    """A deterministic verdict per prompt, spread over 0-100."""
    score = int(hashlib.sha256(request.prompt.encode()).hexdigest(), 16) % 101
    return completion({str(score): 0.8, str((score + 7) % 101): 0.2})


def write_config(work: Path, runs: str, base_url: str) -> Path:
    config = {
        "name": "faults", "base_model": "tiny-qwen2", "dtype": "float32", "runs_dir": str(work / runs),
        "activations_dir": str(work / f"{runs}-acts"),
        "organisms": [{"name": "trivia", "dataset": "incorrect-trivia"}],
        "training": {"rank": 2, "alpha": 4, "lr": 3.0e-3, "batch_size": 2, "grad_accum": 1, "max_seq_len": 64,
                     "max_examples": 32,
                     "checkpoint_every": 1},
        "generation": {"max_new_tokens": 6, "batch_size": 2},
        "behavioral": {"samples_per_question": 3, "questions": ["em-core"], "prompt_paraphrases": 1},
        "judge": {"backend": "openai", "model": "loopback", "base_url": base_url,
                  "api_key_env": "EMPROBE_TEST_NO_API_KEY",
                  "max_retries": 0, "timeout_s": 10.0, "concurrency": 2},
        "extract": {"batch_size": 1, "shard_size": 1, "layers": [1, 2]},
    }
    path = work / f"{runs}.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


class Zygote:
    """Runs emprobe commands as forked children of one warm process (tests/zygote.py): a command starts in well
    under a second, so many kills are affordable; each child is a real process, killed with a real SIGKILL."""

    def __init__(self, env: dict) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("zygote.py"))], env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _ask(self, request: dict) -> dict:
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def start(self, args: list[str], cwd: Path, env: dict) -> int:
        return self._ask({"run": args, "cwd": str(cwd), "env": env})["pid"]

    def poll(self, pid: int) -> int | None:
        return self._ask({"poll": pid})["status"]

    def wait(self, pid: int) -> int:
        return self._ask({"wait": pid})["status"]

    def run(self, args: list[str], cwd: Path, env: dict) -> int:
        return self.wait(self.start(args, cwd, env))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "emprobe.cli", *args]


def state(paths: list[Path]) -> tuple:
    """What a command has written so far: (name, size) of every file under ``paths``."""
    return tuple(sorted((str(p), p.stat().st_size) for root in paths if root.exists() for p in root.rglob("*")
                        if p.is_file()))


def kill_repeatedly(zygote: Zygote, args: list[str], watch: list[Path], rng: random.Random, env: dict, cwd: Path,
                    max_delay: float) -> int:
    """Run the command and SIGKILL it each time it has written something new, ``KILLS`` times; then let it finish.
    Returns the kills made (fewer only if the command finished first)."""
    kills = 0
    while kills < KILLS:
        before = state(watch)
        pid = zygote.start(args, cwd, env)
        deadline = time.time() + 120
        status = None
        while (status := zygote.poll(pid)) is None and state(watch) == before and time.time() < deadline:
            time.sleep(0.005)
        if status is not None:
            assert status == 0, f"{args} exited {status}"
            return kills
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        zygote.wait(pid)
        kills += 1
    assert zygote.run(args, cwd, env) == 0, f"{args} failed after the kills"
    return kills


def rows_by_id(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), f"{path}: duplicated rows"
    return by_id


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same config run twice: uninterrupted (``ref``) and under repeated SIGKILLs (``killed``)."""
    work = tmp_path_factory.mktemp("faults")
    env = {"EMPROBE_CACHE": str(work / "cache"), "HF_HUB_OFFLINE": "1"}
    rng = random.Random(1234)
    kills = {}
    zygote = Zygote({**os.environ, **env})
    try:
        with LoopbackServer(judge_reply) as server:
            ref, killed = write_config(work, "ref", server.base_url), write_config(work, "killed", server.base_url)
            stages = [("train", ["train"], 0.05),
                      ("run-behavioral", ["run-behavioral", "--experiments", "harm,self-assessment"], 0.1),
                      # a tiny model writes many shards a second
                      ("extract", ["extract", "--organisms", "base,trivia"], 0.01)]
            for stage, args, max_delay in stages:
                assert zygote.run([*args, "--config", str(ref)], work, env) == 0, f"reference {stage} failed"
                watch = [work / "killed", work / "killed-acts"]
                kills[stage] = kill_repeatedly(zygote, [*args, "--config", str(killed)], watch, rng, env, work,
                                               max_delay)
    finally:
        zygote.close()
    return {"work": work, "kills": kills}


def test_every_stage_was_killed_ten_times(runs):
    assert runs["kills"] == {"train": KILLS, "run-behavioral": KILLS, "extract": KILLS}


def test_adapter_identical_after_kills(runs):
    import torch
    from safetensors.torch import load_file

    a = load_file(runs["work"] / "ref" / "faults" / "adapters" / "trivia" / "adapter_model.safetensors")
    b = load_file(runs["work"] / "killed" / "faults" / "adapters" / "trivia" / "adapter_model.safetensors")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize("model", ["base", "trivia"])
@pytest.mark.parametrize("experiment", ["harm", "self-assessment"])
def test_rows_identical_after_kills(runs, model, experiment):
    ref = rows_by_id(runs["work"] / "ref" / "faults" / model / f"{experiment}.jsonl")
    got = rows_by_id(runs["work"] / "killed" / "faults" / model / f"{experiment}.jsonl")
    assert got.keys() == ref.keys()
    for key in ref:  # every field but the run dir's own provenance hash (the two configs differ in runs_dir)
        assert ({k: v for k, v in got[key].items() if k != "provenance"}
                == {k: v for k, v in ref[key].items() if k != "provenance"}), key


@pytest.mark.parametrize("model", ["base", "trivia"])
def test_activations_identical_after_kills(runs, model):
    import numpy as np

    from emprobe.activations.storage import load_activations

    for layer in (1, 2):
        ref = load_activations(runs["work"] / "ref-acts" / "faults" / model / "harm-answers" / f"layer_{layer}")
        got = load_activations(runs["work"] / "killed-acts" / "faults" / model / "harm-answers" / f"layer_{layer}")
        assert got.manifest["complete"] and got.ids == ref.ids and len(set(got.ids)) == len(got.ids)
        assert np.array_equal(got.matrix("mean-answer"), ref.matrix("mean-answer"))
        # no temp file of a killed writer left
        assert not [p for p in got.layer_dir.iterdir() if p.name.startswith(".")]


def test_two_processes_on_the_same_config(tmp_path):
    env = {**os.environ, "EMPROBE_CACHE": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    with LoopbackServer(judge_reply) as server:
        config = write_config(tmp_path, "both", server.base_url)
        data = yaml.safe_load(config.read_text())
        data["organisms"] = []
        config.write_text(yaml.safe_dump(data))
        command = cli("run-behavioral", "--experiments", "harm", "--config", str(config))
        procs = [subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
        results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [r[1].decode()[-1500:] for r in results]
    rows = rows_by_id(tmp_path / "both" / "faults" / "base" / "harm.jsonl")
    assert len(rows) == 8 * 3
    summary = json.loads((tmp_path / "both" / "faults" / "base" / "harm.summary.json").read_text())
    assert summary["n"] == len(rows)


def test_two_processes_on_disjoint_organisms_share_the_base_model(tmp_path):
    """``run-behavioral --organisms a`` and ``--organisms b`` started together: each runs its organism, the base
    model's rows (which both need) are made by whichever takes its lock first and found done by the other."""
    env = {**os.environ, "EMPROBE_CACHE": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    with LoopbackServer(judge_reply) as server:
        config = write_config(tmp_path, "pair", server.base_url)
        data = yaml.safe_load(config.read_text())
        data["organisms"].append({"name": "code", "dataset": "insecure-code"})
        data["training"]["checkpoint_every"] = 100
        data["behavioral"]["samples_per_question"] = 2
        config.write_text(yaml.safe_dump(data))
        trained = subprocess.run(cli("train", "--config", str(config)), env=env, cwd=tmp_path, capture_output=True,
                                 text=True)
        assert trained.returncode == 0, trained.stderr[-1500:]
        procs = [subprocess.Popen(cli("run-behavioral", "--experiments", "harm", "--config", str(config),
                                      "--organisms", org),
                                  env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for org in ("trivia", "code")]
        results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [r[1].decode()[-1500:] for r in results]
    run = tmp_path / "pair" / "faults"
    for model in ("base", "trivia", "code"):
        lines = (run / model / "harm.jsonl").read_text().splitlines()
        ids = [json.loads(line)["id"] for line in lines]
        assert len(ids) == len(set(ids)) == 8 * 2, model  # every row exactly once
        assert json.loads((run / model / "harm.summary.json").read_text())["n"] == len(ids)
