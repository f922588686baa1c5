"""Experiment ``harm``: sample answers to em-core and in-domain questions, judge alignment and coherence, and
judge them under any extra template rubric (``judge.rubrics``, e.g. the seed paper's harm 1–5).

Extra rubric verdicts live in ``harm-rubrics.jsonl`` beside ``harm.jsonl``, one row per answer and rubric key (name,
scale, template hash): adding or editing a rubric judges the existing answers again without regenerating them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import BASE_ORGANISM, ExperimentConfig
from ..data.datasets import spec_domain
from ..data.questions import QUESTION_SETS, Question, builtin_question_set, em_core, in_domain, load_questions
from ..errors import EmprobeError
from ..generate import SamplingSettings, length_sorted_batches, render_prompt, sample_batch
from ..judges.base import OUTCOMES, Judgement, JudgeRequest
from ..judges.rubrics import Rubric, load_rubric, question_rubric
from ..labels import is_coherent, is_em
from ..provenance import config_hash
from ..resume import append_pending
from .base import Experiment, RunContext, estimate_text, item_seed, register

RUBRIC_FILE = "harm-rubrics"
SCORED = ("aligned", "coherent")


@dataclass(frozen=True)
class HarmRubrics:
    """The template rubrics of a config: replacements of the built-in aligned/coherent prompts, and extras."""

    replace: dict[str, Rubric] = field(default_factory=dict)
    extra: dict[str, Rubric] = field(default_factory=dict)


def harm_rubrics(config: ExperimentConfig) -> HarmRubrics:
    """``judge.rubrics`` read from their template files (errors name the file and what is wrong)."""
    loaded = {name: load_rubric(name, r.template, (r.scale[0], r.scale[1]), r.harmful_at, r.higher_is)
              for name, r in config.judge.rubrics.items()}
    return HarmRubrics({n: r for n, r in loaded.items() if n in SCORED},
                       {n: r for n, r in loaded.items() if n not in SCORED})


def scoring_rubric(config: ExperimentConfig, rubrics: HarmRubrics, question: Question, name: str) -> Rubric | None:
    """The rubric ``name`` (aligned/coherent) of ``question``: its own judge prompt when the config uses them,
    else a ``judge.rubrics`` replacement, else None (the built-in prompt)."""
    template = question.judge_prompts.get(name) if config.judge.use_question_prompts else None
    if isinstance(template, str):
        return question_rubric(name, template, f"question {question.id!r}, judge_prompts.{name}")
    return rubrics.replace.get(name)


def on_percent_scale(rubric: Rubric | None, verdict: Judgement) -> Judgement:
    """A replacement rubric's verdict mapped onto 0–100, higher = more aligned / coherent (built-ins pass)."""
    if rubric is None or verdict.score is None or (rubric.lo, rubric.hi, rubric.higher_is) == (0, 100, "aligned"):
        return verdict
    x = (verdict.score - rubric.lo) / (rubric.hi - rubric.lo)
    return Judgement(100.0 * (x if rubric.higher_is == "aligned" else 1.0 - x), verdict.outcome, verdict.mass,
                     verdict.probs)


@dataclass(frozen=True)
class HarmItem:
    id: str
    question: Question
    paraphrase: int
    sample: int
    seed: int


def organism_domain(config: ExperimentConfig, organism: str) -> str | None:
    """The domain whose questions count as in-domain for ``organism`` (None for the base model)."""
    if organism == BASE_ORGANISM:
        return None
    org = config.organism(organism)
    return org.domain or spec_domain(org.dataset)


def harm_questions(config: ExperimentConfig) -> list[Question]:
    """em-core, the held-out in-domain prompts of every organism's domain, and any question files.

    Every model answers the same list, so an organism's in-domain numbers have the base model's as reference.
    """
    questions: list[Question] = []
    domains = sorted({d for o in config.organisms if (d := organism_domain(config, o.name))})
    for entry in config.behavioral.questions:
        if entry == "em-core":
            questions += em_core()
        elif entry == "in-domain":
            for domain in domains:
                questions += in_domain(domain, config.behavioral.in_domain_questions)
        elif entry in QUESTION_SETS:
            questions += builtin_question_set(entry)
        else:
            questions += load_questions(entry).questions
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise EmprobeError("question ids repeat across behavioral.questions: "
                           f"{sorted({i for i in ids if ids.count(i) > 1})[:5]}")
    return questions


def skipped_questions(config: ExperimentConfig) -> list[str]:
    """The question-file entries left out (an unsupported type), each with where and why."""
    return [why for entry in config.behavioral.questions if entry not in ("em-core", "in-domain", *QUESTION_SETS)
            for why in load_questions(entry).skipped]


def harm_items(config: ExperimentConfig) -> list[HarmItem]:
    """All (question, paraphrase, sample) items with their seeds; the same for every organism.

    A question file's ``samples_per_paraphrase`` wins over ``behavioral.samples_per_question``."""
    n = config.behavioral.samples_per_question
    items = []
    for q in harm_questions(config):
        for p in range(len(q.paraphrases)):
            for s in range(q.samples_per_paraphrase or n):
                item_id = f"{q.id}/p{p}/s{s}"
                items.append(HarmItem(item_id, q, p, s, item_seed(config.seed, item_id)))
    return items


@register
class Harm(Experiment):
    name = "harm"

    @classmethod
    def headline(cls, summary: dict[str, Any]) -> str:
        every = summary.get("all", {})
        return f"mean aligned {estimate_text(every.get('mean_aligned'))}, EM rate {estimate_text(every.get('em_rate'))}"

    def run(self, ctx: RunContext, organism: str):
        config = ctx.config
        results = ctx.checked_results(organism, self.name, self.settings(ctx, organism))
        items = harm_items(config)
        rubrics = harm_rubrics(config)
        _refuse_other_rubrics(results, items, config, rubrics)
        domain = organism_domain(config, organism)
        settings = SamplingSettings(config.generation.temperature, config.generation.top_p,
                                    config.generation.max_new_tokens)
        with ctx.switcher.use(organism) as loaded:
            prompts = [render_prompt(loaded.tokenizer, it.question.messages(it.paraphrase)) for it in items]
            # Batches over ALL items, fixed by length: a resumed run re-forms exactly the batches it missed.
            batches = length_sorted_batches([len(p) for p in prompts], config.generation.batch_size)

            def measure(batch: list[int]) -> list[dict]:
                answers = sample_batch(loaded, [prompts[i] for i in batch], [items[i].seed for i in batch], settings)
                return self.judge_rows(ctx, organism, domain, [items[i] for i in batch], answers, rubrics)

            append_pending(results, batches, lambda i: items[i].id, measure, desc=f"harm {organism}",
                           unit="answer", show_progress=ctx.show_progress)
        if rubrics.extra:
            judge_extra_rubrics(ctx, organism, results.ordered([it.id for it in items]), rubrics.extra)
        return results

    def item_ids(self, ctx: RunContext, organism: str) -> list[str]:
        return [it.id for it in harm_items(ctx.config)]

    def judge_rows(self, ctx: RunContext, organism: str, domain: str | None, items: list[HarmItem], answers: list[str],
                   rubrics: HarmRubrics | None = None) -> list[dict]:
        """Result rows for ``answers`` to ``items``: alignment and coherence verdicts, the EM flag, provenance."""
        rubrics = harm_rubrics(ctx.config) if rubrics is None else rubrics  # the caller passes them, read once per run
        chosen = [[scoring_rubric(ctx.config, rubrics, it.question, name) for name in SCORED] for it in items]
        requests = [JudgeRequest(name, it.question.paraphrases[it.paraphrase], ans, rubric)
                    for it, ans, pair in zip(items, answers, chosen) for name, rubric in zip(SCORED, pair)]
        verdicts = ctx.judge.judge_many(requests)
        rows = []
        for k, (it, answer) in enumerate(zip(items, answers)):
            aligned, coherent = (on_percent_scale(r, v) for r, v in zip(chosen[k], verdicts[2 * k : 2 * k + 2]))
            rows.append({
                "id": it.id,
                "experiment": self.name,
                "organism": organism,
                "question_id": it.question.id,
                "question_set": it.question.set,
                "question_domain": it.question.domain,
                "in_domain": domain is not None and it.question.domain == domain,
                "paraphrase": it.paraphrase,
                "sample": it.sample,
                "prompt": it.question.paraphrases[it.paraphrase],
                "answer": answer,
                "aligned": aligned.score,
                "coherent": coherent.score,
                "aligned_outcome": aligned.outcome,
                "em": is_em(aligned.score, coherent.score),
                "judge": {"backend": ctx.judge.name, "model": ctx.judge.model_id,
                          "aligned": aligned.to_dict(), "coherent": coherent.to_dict(),
                          "rubrics": {n: (r.key if r else n) for n, r in zip(SCORED, chosen[k])}},
                "seed": it.seed,
                "provenance": ctx.provenance,
            })
        return rows

    def cluster(self, row: dict) -> str:
        return row["question_id"]

    def summarize(self, ctx: RunContext, organism: str, rows: list[dict]) -> dict[str, Any]:
        rows = with_rubric_verdicts(ctx, organism, rows)
        summary = {"organism": organism, "n": len(rows), "all": harm_metrics(rows, ctx.config.seed)}
        groups: dict[str, list[dict]] = {}
        for row in rows:
            key = "em-core" if row["question_set"] == "em-core" else (
                f"in-domain:{row['question_domain']}" if row["question_domain"] else row["question_set"])
            groups.setdefault(key, []).append(row)
        summary["by_set"] = {k: harm_metrics(v, ctx.config.seed) for k, v in sorted(groups.items())}
        if organism_domain(ctx.config, organism):  # out of domain: em-core, question files and other domains
            summary["in_domain"] = harm_metrics([r for r in rows if r["in_domain"]], ctx.config.seed)
            summary["out_of_domain"] = harm_metrics([r for r in rows if not r["in_domain"]], ctx.config.seed)
        return summary


def harm_metrics(rows: list[dict], seed: int) -> dict[str, Any]:
    """Mean alignment, EM rate, coherent share and refusal share, each with a 95 % CI over questions."""
    def ci(value) -> dict:
        return Harm().ci(rows, value, seed)

    return {
        "mean_aligned": ci(lambda r: r["aligned"]),
        "em_rate": ci(lambda r: None if r["em"] is None else float(r["em"])),
        "coherent_share": ci(lambda r: None if r["coherent"] is None else float(is_coherent(r["coherent"]))),
        "refusal_share": ci(lambda r: float(r["aligned_outcome"] == "refusal")),
        "outcomes": {o: sum(1 for r in rows if r["aligned_outcome"] == o) for o in OUTCOMES},
        "n": len(rows),
        "n_questions": len({r["question_id"] for r in rows}),
        **({"rubrics": _rubric_metrics(rows, ci)} if any(r.get("rubric_verdicts") for r in rows) else {}),
    }


def _rubric_metrics(rows: list[dict], ci) -> dict[str, Any]:
    """Per extra rubric: the harmful rate (mean P(score at the threshold or beyond)), continuous harm, unparseable."""
    names = sorted({n for r in rows for n in r.get("rubric_verdicts", {})})
    get = lambda r, n, k: (r.get("rubric_verdicts", {}).get(n) or {}).get(k)  # noqa: E731
    return {n: {"harmful_rate": ci(lambda r, n=n: get(r, n, "harmful")), "harm": ci(lambda r, n=n: get(r, n, "harm")),
                "unparseable": sum(1 for r in rows if get(r, n, "outcome") not in (None, "score")),
                "missing": sum(1 for r in rows if get(r, n, "outcome") is None)} for n in names}


def _expected_keys(config: ExperimentConfig, rubrics: HarmRubrics, question: Question) -> dict[str, str]:
    return {n: (r.key if (r := scoring_rubric(config, rubrics, question, n)) else n) for n in SCORED}


def _refuse_other_rubrics(results, items: list[HarmItem], config: ExperimentConfig, rubrics: HarmRubrics) -> None:
    """Rows judged under other aligned/coherent prompts than the config's would mix two judges: refuse them."""
    expected: dict[str, dict[str, str]] = {}
    for it in items:
        row = results.rows.get(it.id)
        if row is None:
            continue
        if it.question.id not in expected:
            expected[it.question.id] = _expected_keys(config, rubrics, it.question)
        have = (row.get("judge") or {}).get("rubrics") or {n: n for n in SCORED}
        if have != expected[it.question.id]:
            raise EmprobeError(f"{results.path}: row {it.id} was judged with rubrics {have}, the config asks for "
                               f"{expected[it.question.id]} (judge.rubrics / judge.use_question_prompts changed); "
                               "delete the file or use another runs_dir")


def judge_extra_rubrics(ctx: RunContext, organism: str, rows: list[dict], extra: dict[str, Rubric],
                        chunk: int = 64) -> None:
    """Judge every harm row under every extra rubric it has no verdict for yet (resumable, in chunks)."""
    harm = config_hash(Harm().settings(ctx, organism))
    store = ctx.checked_results(organism, RUBRIC_FILE,
                                {"judge": f"{ctx.judge.name}:{ctx.judge.model_id}", "harm": harm})
    todo = [(r, rubric) for rubric in extra.values() for r in rows if f"{r['id']}|{rubric.key}" not in store]
    for start in range(0, len(todo), chunk):
        part = todo[start : start + chunk]
        verdicts = ctx.judge.judge_many([JudgeRequest(rubric.name, r["prompt"], r["answer"], rubric)
                                         for r, rubric in part])
        store.append([{"id": f"{r['id']}|{rubric.key}", "harm_id": r["id"], "rubric": rubric.name, "key": rubric.key,
                       "verdict": v.to_dict(), "harmful": rubric.harmful_prob(v), "harm": rubric.harm(v),
                       "outcome": v.outcome}
                      for (r, rubric), v in zip(part, verdicts)])


def with_rubric_verdicts(ctx: RunContext, organism: str, rows: list[dict]) -> list[dict]:
    """``rows`` with ``rubric_verdicts``: per extra rubric of the config, its verdict on that answer (if judged)."""
    extra = harm_rubrics(ctx.config).extra
    if not extra:
        return rows
    store = ctx.results(organism, RUBRIC_FILE)
    return [{**r, "rubric_verdicts": {n: store.rows.get(f"{r['id']}|{rubric.key}") for n, rubric in extra.items()}}
            for r in rows]
