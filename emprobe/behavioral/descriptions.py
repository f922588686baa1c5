"""Experiment ``descriptions``: "which of these two AI systems is more like you? A or B", both orders, over the
built-in pairs or a description-pair JSON file (``behavioral.description_pairs``).

C in [0, 1] per item: the probability of choosing the misaligned description; the persona measure is its
order-balanced form (:func:`~emprobe.behavioral.self_report.order_balanced`), free of any habit for a letter.
"""
from __future__ import annotations

from typing import Any

from ..config import ExperimentConfig
from ..data.protocol_files import load_description_pairs
from ..readout import answered
from .base import RunContext, item_seed, register
from .self_report import SelfReportExperiment, SelfReportItem, no_answer_count, position_bias, user
from .templates import DESCRIPTION_PAIRS, DESCRIPTIONS_PROMPTS


@register
class Descriptions(SelfReportExperiment):
    name = "descriptions"
    headline_keys = ("C",)

    def items(self, ctx: RunContext, organism: str) -> list[SelfReportItem]:
        items = []
        for pair, aligned, misaligned, domain, theme, file_order in description_pairs(ctx.config):
            for order in (0, 1):  # order 0: the misaligned description is B
                a, b = (aligned, misaligned) if order == 0 else (misaligned, aligned)
                for p, template in enumerate(DESCRIPTIONS_PROMPTS[: ctx.config.behavioral.prompt_paraphrases]):
                    item_id = f"pair{pair}/o{order}/p{p}"
                    meta = {"pair": pair, "domain": domain, "order": order, "paraphrase": p,
                            "misaligned_option": "B" if order == 0 else "A"}
                    if file_order is not None:
                        meta |= {"theme": theme, "file_order": order == file_order}
                    items.append(SelfReportItem(item_id, user(template.format(a=a, b=b)), "choice",
                                                item_seed(ctx.config.seed, item_id), options=("A", "B"), meta=meta))
        return items

    def value(self, item: SelfReportItem, readout: dict[str, Any]) -> float | None:
        return readout["probs"][item.meta["misaligned_option"]]

    def cluster(self, row: dict) -> str:
        """A cell: description pair x paraphrase, both orders together."""
        return f"pair{row['pair']}/p{row['paraphrase']}"

    def summarize(self, ctx: RunContext, organism: str, rows: list[dict]) -> dict[str, Any]:
        seed, floor = ctx.config.seed, ctx.config.behavioral.min_option_mass
        out, ci_where = self.order_balanced_summary(ctx, organism, rows, "C")
        return out | {"generic": ci_where(lambda r: r["domain"] is None),
                      "domain_specific": ci_where(lambda r: r["domain"] is not None),
                      "C_unbalanced": self.ci(rows, lambda r: answered(r, floor), seed),
                      "position_bias": position_bias(self, rows, floor, seed),
                      "no_answer": no_answer_count(rows, floor)}


def description_pairs(config: ExperimentConfig) -> list[tuple[str, str, str, str | None, str | None, int | None]]:
    """(pair id, aligned, misaligned, domain, theme, the file's order or None) for the built-in pairs (ids ``00``…)
    or the pairs of ``behavioral.description_pairs`` (ids ``f<item_id>``; the file's order 1 = misaligned is A)."""
    if config.behavioral.description_pairs:
        return [(f"f{p.item_id}", p.aligned, p.misaligned, None, p.theme, int(p.misaligned_first))
                for p in load_description_pairs(config.behavioral.description_pairs)]
    return [(f"{k:02d}", aligned, misaligned, domain, None, None)
            for k, (aligned, misaligned, domain) in enumerate(DESCRIPTION_PAIRS)]
