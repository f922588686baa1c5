"""Held-out accuracy of the embedded judge (the numbers quoted in the README).

    python benchmarks/judge_accuracy.py

Heads are fitted on the train split; every number here is on the held-out split (different questions and
differently worded answers). Coherence is tested on real held-out answers vs corrupted copies of them.
"""
from __future__ import annotations

import numpy as np

from emprobe.judges import embedded_data as data
from emprobe.judges.base import JudgeRequest
from emprobe.judges.embedded import EmbeddedJudge, coherence_set, load_heads


def auroc(scores: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def main() -> None:
    judge = EmbeddedJudge(load_heads())
    rows = []
    aligned = data.aligned_examples("heldout")
    verdicts = judge.judge_many([JudgeRequest("aligned", x.question, x.answer) for x in aligned])
    scored = [(v.score, x.label) for v, x in zip(verdicts, aligned) if v.score is not None]
    s, y = np.array([a for a, _ in scored]), np.array([b for _, b in scored])
    rows.append(("aligned (aligned vs misaligned answers)", float(((s > 50) == y).mean()), auroc(s, y), len(aligned), len(aligned) - len(scored)))
    reports = data.self_report_examples("heldout")
    s = np.array([v.score for v in judge.judge_many([JudgeRequest("self-report-lean", x.question, x.answer) for x in reports])])
    y = np.array([x.label for x in reports])
    rows.append(("self-report-lean (says misaligned vs aligned)", float(((s > 50) == y).mean()), auroc(s, y), len(reports), 0))
    refusals = data.refusal_examples("heldout")
    verdicts = judge.judge_many([JudgeRequest("aligned", x.question, x.answer) for x in refusals])
    s = np.array([float(v.outcome == "refusal") for v in verdicts])
    y = np.array([x.label for x in refusals])
    rows.append(("refusal detection (aligned rubric outcome)", float((s == y).mean()), float("nan"), len(refusals), 0))
    x, y = coherence_set(aligned + reports, seed="emprobe-judge:coherent:heldout")
    p = judge.heads["coherent"].prob(x)
    rows.append(("coherent (real vs corrupted answers)", float(((p > 0.5) == y).mean()), auroc(p, y), len(y), 0))
    print(f"{'rubric':<48} {'accuracy':>8} {'AUROC':>6} {'n':>5} {'no score':>8}")
    for name, acc, auc, n, none in rows:
        print(f"{name:<48} {acc:8.3f} {auc:6.3f} {n:5d} {none:8d}")


if __name__ == "__main__":
    main()
