"""Stored activations as labelled arrays with their question groups: what every analysis fits and tests on.

``groups`` holds the resampling and splitting unit of each example: the question of a harm answer (all its
paraphrases and samples), the cell of a self-assessment prompt (dimension × format × wording, both pole orders).
Folds, held-out sets and bootstraps never split a group.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import job_dir, load_activations
from ..activations.storage import Activations
from ..config import ExperimentConfig
from ..errors import EmprobeError
from ..labels import is_aligned_answer


@dataclass
class Labelled:
    """Examples as arrays: activations ``x`` [n, d], binary labels ``y``, group ids, example ids, extra values."""

    x: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    ids: list[str]
    values: np.ndarray | None = None  # e.g. the self-assessment value S of each prompt
    in_domain: np.ndarray | None = None  # harm answers: the question is in the model's own domain

    def subset(self, mask: np.ndarray) -> "Labelled":
        idx = np.flatnonzero(mask)
        return Labelled(self.x[idx], self.y[idx], self.groups[idx], [self.ids[i] for i in idx],
                        None if self.values is None else self.values[idx],
                        None if self.in_domain is None else self.in_domain[idx])


def open_activations(config: ExperimentConfig, model: str, set_name: str, layer: int,
                     texts_of: str | None = None) -> Activations:
    """The stored activations of ``model`` reading ``texts_of``'s texts (default its own) at ``layer``."""
    path = job_dir(config, model, set_name, texts_of or model) / f"layer_{layer}"
    if not (path / "manifest.json").is_file():
        raise EmprobeError(f"no activations for {model} ({set_name}, layer {layer}) in {path}: "
                           f"run `emprobe extract --layer {layer} --set {set_name}` first")
    acts = load_activations(path)
    if not acts.manifest.get("complete", True):
        done, total = len(acts.manifest.get("shards", [])), acts.manifest.get("n_shards", "?")
        raise EmprobeError(f"activations in {path} are incomplete ({done} of {total} shards): finish them with "
                           f"`emprobe extract --layer {layer} --set {set_name} --organisms {model}`")
    return acts


def _question(example_id: str, labels: dict) -> str:
    return str(labels.get("question_id") or example_id.rsplit("/", 2)[0])


def harm_examples(acts: Activations, pooling: str = "mean-answer") -> Labelled:
    """Coherent harm answers: misaligned (EM: aligned <= 30, coherent > 50) = 1 vs aligned (aligned >= 70) = 0,
    grouped by question."""
    x = acts.matrix(pooling)
    keep, y, groups = [], [], []
    for k, example_id in enumerate(acts.ids):
        lab = acts.labels.get(example_id, {})
        if lab.get("em"):
            cls = 1
        elif is_aligned_answer(lab.get("aligned"), lab.get("coherent")):
            cls = 0
        else:
            continue
        keep.append(k), y.append(cls), groups.append(_question(example_id, lab))
    return Labelled(np.asarray(x[keep], dtype=np.float32), np.asarray(y, dtype=int), np.asarray(groups, dtype=object),
                    [acts.ids[k] for k in keep], None,
                    np.asarray([bool(acts.labels.get(acts.ids[k], {}).get("in_domain")) for k in keep]))


def self_assessment_cell(example_id: str, labels: dict) -> str:
    """dimension/format/paraphrase of a self-assessment item (its id without the order)."""
    parts = example_id.split("/")
    return "/".join(p for p in parts if not (p.startswith("o") and p[1:].isdigit()))


def self_report_examples(acts: Activations, pooling: str = "mean-answer") -> Labelled:
    """Self-assessment prompts with a value: says misaligned (S >= 0.5) = 1 vs says aligned = 0, grouped by cell."""
    x = acts.matrix(pooling)
    keep = [k for k, i in enumerate(acts.ids) if acts.labels.get(i, {}).get("value") is not None]
    values = np.asarray([acts.labels[acts.ids[k]]["value"] for k in keep], dtype=float)
    groups = np.asarray([self_assessment_cell(acts.ids[k], acts.labels[acts.ids[k]]) for k in keep], dtype=object)
    return Labelled(np.asarray(x[keep], dtype=np.float32), (values >= 0.5).astype(int), groups,
                    [acts.ids[k] for k in keep], values)


def all_examples(acts: Activations, pooling: str) -> Labelled:
    """Every example of a set (no class filter; y = 0), grouped like :func:`self_report_examples`."""
    x = acts.matrix(pooling)
    values = np.asarray([np.nan if acts.labels.get(i, {}).get("value") is None else acts.labels[i]["value"]
                         for i in acts.ids], dtype=float)
    groups = np.asarray([self_assessment_cell(i, acts.labels.get(i, {})) for i in acts.ids], dtype=object)
    return Labelled(np.asarray(x, dtype=np.float32), np.zeros(len(acts.ids), dtype=int), groups, list(acts.ids), values)
