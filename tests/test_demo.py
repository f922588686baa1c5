"""`emprobe demo --fast`: the whole chain on tiny-qwen2 through the CLI, then a re-run that redoes nothing."""
import json

from conftest import run_cli

STAGES = ("train", "run-behavioral", "extract", "fit-probes", "compare-directions", "steer", "report")


def _outputs(run_dir):
    """Every result file of the run with its size and mtime (report files are rewritten on purpose)."""
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in run_dir.rglob("*")
            if p.is_file() and p.name not in ("report.md", "report.html")}


def test_fast_demo_runs_every_stage_and_resumes(tmp_path):
    first = run_cli("demo", "--fast", cwd=tmp_path, timeout=900)
    assert first.returncode == 0, first.stderr[-3000:]
    for k, stage in enumerate(STAGES, 1):
        assert f"[{k}/{len(STAGES)}] {stage} done in" in first.stdout
    run = tmp_path / "runs" / "demo-fast"
    for org in ("base", "insecure-code", "risky-financial-advice", "risky-financial-advice-aligned"):
        for experiment in ("harm", "self-assessment", "descriptions", "recognition", "score-prediction"):
            assert (run / org / f"{experiment}.summary.json").is_file(), (org, experiment)
    assert (json.loads((run / "personas.json").read_text())["organisms"].keys()
            == {"insecure-code", "risky-financial-advice", "risky-financial-advice-aligned"})
    assert list((tmp_path / "activations" / "demo-fast").rglob("manifest.json"))
    html = (run / "report.html").read_text()
    assert "What the data supports" in html and "data:image/png;base64," in html
    # a stage that cannot run on a random model says why instead of failing the chain: the probes (no coherent
    # answers); the directions come from the contrast pairs, so they, the layer sweep and steering run
    for line in first.stdout.splitlines():
        if "skipped:" in line:
            assert line.split("] ")[1].split(" done")[0] == "fit-probes", line
    compare = json.loads((run / "directions" / "compare.json").read_text())
    assert set(compare["layers"]) == {"1", "2"} and (run / "directions" / "layers.png").is_file()
    assert all(m["examples"] == "contrast-pairs" for m in compare["models"].values())
    assert {"insecure-code", "risky-financial-advice"} <= {m for m, h in compare["headline"].items() if "shift" in h}
    steered = list((run / "steering").glob("*/summary.json"))
    assert len(steered) == 1 and "p_value" in json.loads(steered[0].read_text())["test"]
    assert "Directions" in html and "Steering" in html
    before = _outputs(run)
    again = run_cli("demo", "--fast", cwd=tmp_path, timeout=900)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _outputs(run).keys() >= before.keys()
    changed = [p for p, v in before.items() if _outputs(run).get(p) != v and p.suffix == ".jsonl"]
    assert not changed, f"a re-run rewrote result rows: {changed}"
