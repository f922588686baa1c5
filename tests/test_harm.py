"""The harm experiment end to end on tiny-qwen2 with the embedded judge: rows, summary, plots, resume (kills:
tests/test_fault_injection.py)."""
import json
from pathlib import Path

import pytest
from conftest import run_cli

CONFIG = """\
name: tinyharm
base_model: tiny-qwen2
dtype: float32
organisms:
  - name: trivia
    dataset: incorrect-trivia
training: {{rank: 4, alpha: 8, lr: 3.0e-3, batch_size: 4, grad_accum: 1, max_seq_len: 96, max_examples: 8, \
checkpoint_every: 100}}
generation: {{max_new_tokens: {tokens}, batch_size: 4}}
behavioral: {{samples_per_question: {samples}, in_domain_questions: 2}}
judge: {judge}
"""


def write_config(tmp_path: Path, samples=2, tokens=12, judge="{backend: embedded}") -> Path:
    path = tmp_path / "exp.yaml"
    path.write_text(CONFIG.format(samples=samples, tokens=tokens, judge=judge))
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A workspace with the trivia organism trained (a few steps)."""
    work = tmp_path_factory.mktemp("harm")
    result = run_cli("train", "--config", str(write_config(work)), cwd=work)
    assert result.returncode == 0, result.stderr[-2000:]
    return work


def test_harm_rows_summary_and_plots(trained):
    config = write_config(trained)
    result = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=trained)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "mean aligned" in result.stdout
    run = trained / "runs" / "tinyharm"
    rows = [json.loads(line) for line in (run / "trivia" / "harm.jsonl").read_text().splitlines()]
    assert len(rows) == (8 + 2) * 2 and len({r["id"] for r in rows}) == len(rows)
    assert {r["in_domain"] for r in rows} == {True, False}
    row = rows[0]
    assert row["provenance"]["config_hash"] and row["provenance"]["versions"]["torch"] and isinstance(row["seed"], int)
    assert (row["judge"]["backend"] == "embedded"
            and row["aligned_outcome"] in ("score", "refusal", "code", "unparseable"))
    base_rows = [json.loads(line) for line in (run / "base" / "harm.jsonl").read_text().splitlines()]
    assert ([r["seed"] for r in base_rows]
            and {r["id"]: r["seed"] for r in base_rows} == {r["id"]: r["seed"] for r in rows})
    summary = json.loads((run / "trivia" / "harm.summary.json").read_text())
    for key in ("all", "in_domain", "out_of_domain", "by_set"):
        assert key in summary
    assert set(summary["all"]) >= {"mean_aligned", "em_rate", "coherent_share", "refusal_share"}
    low, high = summary["all"]["mean_aligned"]["ci95"]
    assert low <= summary["all"]["mean_aligned"]["value"] <= high
    assert (run / "plots" / "harm_scatter.png").stat().st_size > 5000 and (run / "plots" / "harm_em_rate.png").is_file()
    again = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=trained)
    assert again.returncode == 0
    assert len((run / "trivia" / "harm.jsonl").read_text().splitlines()) == len(rows)  # nothing duplicated
    assert ({r["fingerprint"] for r in rows}
            == {json.loads((run / "trivia" / "harm.settings.json").read_text())["fingerprint"]})


def test_rows_made_with_other_settings_are_refused_then_redone(trained, tmp_path):
    """A changed seed, or a retrained adapter, must not resume over the old rows (they would be mixed in)."""
    adapter = f"{trained}/runs/tinyharm/adapters/trivia"
    config = write_config(tmp_path, samples=1, tokens=6)
    config.write_text(config.read_text().replace("dataset: incorrect-trivia",
                                                 f"dataset: incorrect-trivia\n    adapter: {adapter}"))
    first = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    rows_path = tmp_path / "runs" / "tinyharm" / "trivia" / "harm.jsonl"
    old = rows_path.read_text()
    config.write_text("seed: 3\n" + config.read_text())
    refused = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=tmp_path)
    assert refused.returncode == 2 and rows_path.read_text() == old
    last = refused.stderr.strip().splitlines()[-1]
    assert "rows were made with other settings (seed: 0 then, 3 now)" in last and "--overwrite" in last
    redone = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", "--overwrite", cwd=tmp_path)
    assert redone.returncode == 0, redone.stderr[-2000:]
    rows = [json.loads(line) for line in rows_path.read_text().splitlines()]
    assert len(rows) == len(old.splitlines()) and len({r["fingerprint"] for r in rows}) == 1
    assert rows[0]["fingerprint"] != json.loads(old.splitlines()[0])["fingerprint"]


def test_judge_down_keeps_finished_rows_and_resumes(trained, tmp_path, monkeypatch):
    from loopback_openai import LoopbackServer, completion, error

    monkeypatch.setenv("EMPROBE_CACHE", str(tmp_path / "cache"))  # a fresh judgement cache for this test
    alive = {"ok": True}

    def handler(request):
        if not alive["ok"]:
            return error(500, "down")
        return completion({"85": 0.7, "90": 0.2})

    with LoopbackServer(handler) as server:
        judge = f"{{backend: openai, model: judge-x, base_url: '{server.base_url}', max_retries: 1, timeout_s: 5}}"
        config = write_config(tmp_path, judge=judge)
        config.write_text(config.read_text().replace("dataset: incorrect-trivia",
                                                     "dataset: incorrect-trivia\n"
                                                     f"    adapter: {trained}/runs/tinyharm/adapters/trivia"))
        counting = {"n": 0}
        original = handler

        def failing_after_some(request):
            counting["n"] += 1
            if counting["n"] > 12:
                alive["ok"] = False
            return original(request)

        server.handler_fn = failing_after_some
        failed = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=tmp_path,
                         env={"EMPROBE_CACHE": str(tmp_path / "cache")})
        assert failed.returncode == 2
        assert "judge endpoint" in failed.stderr and "HTTP 500" in failed.stderr
        rows_path = tmp_path / "runs" / "tinyharm" / "base" / "harm.jsonl"
        kept = rows_path.read_text().count("\n") if rows_path.exists() else 0
        assert kept >= 4  # batches judged before the failure are kept
        alive["ok"] = True
        server.handler_fn = original
        before = server.count
        done = run_cli("run-behavioral", "--config", str(config), "--experiments", "harm", cwd=tmp_path,
                       env={"EMPROBE_CACHE": str(tmp_path / "cache")})
        assert done.returncode == 0, done.stderr[-2000:]
        assert rows_path.read_text().count("\n") == 20
        assert server.count - before <= 2 * (40 - kept)  # cached verdicts are not paid for again


def test_missing_organism_adapter(tmp_path):
    config = write_config(tmp_path)
    result = run_cli("run-behavioral", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 2
    assert ("organism trivia: no adapter in runs/tinyharm/adapters/trivia (run `emprobe train --organism trivia`)"
            in result.stderr)
