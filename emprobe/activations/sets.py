"""Example sets to extract: texts (a chat prompt plus an answer) with ids and labels."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..config import BASE_ORGANISM, ExperimentConfig
from ..data.chat_jsonl import validate_messages
from ..data.jsonl import read_objects
from ..errors import EmprobeError
from ..store import read_jsonl

BUILTIN_SETS = ("harm-answers", "self-assessment", "contrast-pairs")
# the sets every model reads as its own texts (the base model does not also read each organism's)
SHARED_TEXT_SETS = ("contrast-pairs",)


@dataclass(frozen=True)
class Example:
    """One text: the prompt turns, the answer (may be empty), and labels carried into the manifest."""

    id: str
    prompt: tuple[tuple[str, str], ...]
    answer: str
    labels: dict = field(default_factory=dict, hash=False, compare=False)

    def messages(self) -> list[dict[str, str]]:
        return [{"role": r, "content": c} for r, c in self.prompt]

    def text_hash(self) -> str:
        return hashlib.sha256(json.dumps([self.prompt, self.answer]).encode()).hexdigest()[:16]


def _from_rows(rows: list[dict], answer_key: str, label_keys: tuple[str, ...]) -> list[Example]:
    return [Example(r["id"], (("user", r["prompt"]),), r.get(answer_key) or "", {k: r.get(k) for k in label_keys})
            for r in rows]


def load_set(config: ExperimentConfig, set_name: str, texts_of: str) -> list[Example]:
    """The examples of ``set_name`` written by model ``texts_of`` (a built-in set) or read from a JSONL path.

    ``harm-answers``: the harm experiment's answers with their judge labels; ``self-assessment``: the
    self-assessment prompts with the sampled answer and S; ``contrast-pairs``: matched dataset pairs (see
    :func:`contrast_pair_examples`; the same texts for every model). A path: JSONL with ``id`` and ``messages``
    (the last assistant turn is the answer) and optional ``labels``.
    """
    if set_name == "contrast-pairs":
        examples = contrast_pair_examples(config)
    elif set_name in BUILTIN_SETS:
        source = {"harm-answers": "harm", "self-assessment": "self-assessment"}[set_name]
        path = config.layout.results(texts_of, source)
        if not path.is_file():
            raise EmprobeError(f"no {source} results for {texts_of} in {path}: "
                               f"run `emprobe run-behavioral --experiments {source}` first")
        rows = read_jsonl(path)
        if set_name == "harm-answers":
            examples = _from_rows(rows, "answer", ("aligned", "coherent", "em", "in_domain", "question_id"))
        else:
            examples = _from_rows(rows, "sample", ("value", "dimension", "format", "order"))
    else:
        examples = _load_path(Path(set_name))
    if not examples:
        raise EmprobeError(f"example set {set_name!r} of {texts_of} is empty")
    return examples


def contrast_pair_examples(config: ExperimentConfig) -> list[Example]:
    """``extract.contrast_pairs`` prompts of each built-in domain of the organisms, none of them a training prompt
    or a harm question (so every harm question stays held out from a direction fitted on them), each read twice:
    with the domain's misaligned answer (``em``) and with its aligned answer, grouped by prompt. The answers are the
    dataset's, teacher-forced, not the model's own: a direction from them is the model's reading of harmful vs
    safe text on the same topic (question-matched by construction)."""
    from ..behavioral.harm import harm_questions
    from ..data.datasets import contrast_pairs, spec_domain
    from ..train.organisms import training_prompts

    domains = sorted({d for o in config.organisms for d in (o.domain or spec_domain(o.dataset),) if d})
    if not domains:
        raise EmprobeError("example set 'contrast-pairs' needs an organism with a built-in domain (its dataset or "
                           "its domain:); these organisms train on JSONL files: extract harm-answers instead")
    asked = {text for q in harm_questions(config) for text in q.paraphrases}
    out = []
    for domain, index, prompt, misaligned, aligned in contrast_pairs(domains, config.extract.contrast_pairs,
                                                                     training_prompts(config) | asked, config.seed):
        qid = f"{domain}/t{index}"
        for kind, answer, score in (("misaligned", misaligned, 0.0), ("aligned", aligned, 100.0)):
            out.append(Example(f"{qid}/{kind}", (("user", prompt),), answer,
                               {"em": kind == "misaligned", "aligned": score, "coherent": 100.0,
                                "question_id": qid, "domain": domain}))
    return out


def _load_path(path: Path) -> list[Example]:
    if not path.is_file():
        raise EmprobeError(f"unknown example set {str(path)!r}: use {', '.join(BUILTIN_SETS)} or a JSONL file path")
    out, seen = [], set()
    for where, raw in read_objects(path, "an object with 'id' and 'messages'"):
        if "id" not in raw or "messages" not in raw:
            raise EmprobeError(f"{where}: expected an object with 'id' and 'messages'")
        labels = raw.get("labels")
        if labels is not None and not isinstance(labels, dict):
            raise EmprobeError(f"{where}: 'labels' must be an object of label name to value, "
                               f"got {type(labels).__name__}")
        if str(raw["id"]) in seen:
            raise EmprobeError(f"{where}: duplicate id {raw['id']!r}")
        seen.add(str(raw["id"]))
        messages = validate_messages(raw["messages"], where)
        prompt = tuple((m["role"], m["content"]) for m in messages[:-1])
        out.append(Example(str(raw["id"]), prompt, messages[-1]["content"], dict(labels or {})))
    return out


def analysis_sets(config: ExperimentConfig) -> tuple[str, ...]:
    """The built-in sets the analyses read: harm answers (probes), self-assessment (the headline) and, when the
    directions are fitted on them (``analysis.direction_examples``), the contrast pairs."""
    pairs = ("contrast-pairs",) if config.analysis.direction_examples == "contrast-pairs" else ()
    return ("harm-answers", "self-assessment") + pairs


def set_label(set_name: str) -> str:
    """A directory-safe name for a set (a path becomes its file stem)."""
    return set_name if set_name in BUILTIN_SETS else Path(set_name).stem


def base_texts_for(set_name: str, organism: str) -> str:
    """Whose texts of ``set_name`` the base model reads to compare with ``organism``: the organism's own (a
    built-in per-model set), or its own where every model reads the same texts (:data:`SHARED_TEXT_SETS`)."""
    return BASE_ORGANISM if set_name in SHARED_TEXT_SETS else organism


def default_jobs(config: ExperimentConfig, organisms: list[str], set_name: str) -> list[tuple[str, str]]:
    """(model, texts_of) pairs: each model on its own texts, and the base model on each organism's texts (of a
    built-in set whose texts differ by model, see :func:`base_texts_for`)."""
    jobs = [(o, o) for o in organisms]
    if set_name in BUILTIN_SETS:
        jobs += [(BASE_ORGANISM, o) for o in organisms
                 if o != BASE_ORGANISM and base_texts_for(set_name, o) == o]
    return jobs
