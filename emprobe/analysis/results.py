"""Typed results of the analysis studies: what :func:`~emprobe.analysis.studies.fit_probes` and
:func:`~emprobe.analysis.studies.compare_directions` return. ``to_dict()`` is exactly what their JSON file holds,
``from_dict()`` reads that file back, and ``lines()`` is what the CLI and the demo print."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from .probes import ProbeResult

Matrix = dict[str, dict[str, "float | None"]]  # organism × organism
L = TypeVar("L")  # one layer's results


def _fmt(v: float | None, spec: str = ".3f") -> str:
    return "n/a" if v is None else format(v, spec)


@dataclass(frozen=True)
class EndpointResult:
    """One member of a primary endpoint's family: its raw and Holm-adjusted p and whether it passed."""

    p_value: float | None
    p_holm: float | None
    passed: bool
    details: dict = field(default_factory=dict)  # what the member measured (AUROC, shift, persona, group test)

    def to_dict(self) -> dict:
        return {"p_value": self.p_value, "p_holm": self.p_holm, "passed": self.passed, **self.details}

    @classmethod
    def from_dict(cls, d: dict) -> EndpointResult:
        rest = {k: v for k, v in d.items() if k not in ("p_value", "p_holm", "passed")}
        return cls(d.get("p_value"), d.get("p_holm"), bool(d.get("passed")), rest)


@dataclass(frozen=True)
class PrimaryEndpoint:
    """The pre-declared primary endpoint of an analysis, tested with Holm across its family at ``alpha``."""

    endpoint: str
    layer: int
    alpha: float
    correction: str
    family: dict[str, EndpointResult]

    def to_dict(self) -> dict:
        return {"endpoint": self.endpoint, "layer": self.layer, "alpha": self.alpha, "correction": self.correction,
                "family": {m: r.to_dict() for m, r in self.family.items()}}

    @classmethod
    def from_dict(cls, d: dict) -> PrimaryEndpoint:
        return cls(d["endpoint"], d["layer"], d["alpha"], d["correction"],
                   {m: EndpointResult.from_dict(r) for m, r in d["family"].items()})

    @property
    def passed(self) -> list[str]:
        return [m for m, r in self.family.items() if r.passed]

    def line(self) -> str:
        members = ", ".join(f"{m} {'passed' if r.passed else 'not passed'} (p {_fmt(r.p_holm)})"
                            for m, r in self.family.items())
        return f"primary endpoint {self.endpoint} at layer {self.layer} (Holm): {members or 'nothing testable'}"


# -- probes -----------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ModelProbes:
    """One model's probes at one layer: the harm probe and, where that set was extracted, the self-report probe."""

    harm: ProbeResult
    self_report: ProbeResult | None = None
    self_report_skipped: str | None = None  # why there is no self-report probe

    def to_dict(self) -> dict:
        d: dict = {"harm": self.harm.to_dict()}
        if self.self_report is not None:
            d["self_report"] = self.self_report.to_dict()
        elif self.self_report_skipped is not None:
            d["self_report"] = {"skipped": self.self_report_skipped}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> ModelProbes:
        sr = d.get("self_report")
        return cls(ProbeResult.from_dict(d["harm"]),
                   ProbeResult.from_dict(sr) if sr and "skipped" not in sr else None,
                   sr["skipped"] if sr and "skipped" in sr else None)


@dataclass(frozen=True)
class ProbeLayer:
    """Every model's probes at one layer, the models skipped (and why), and the transfer matrix (AUROC of a probe
    fitted on the row model, tested on the column model's held-out questions)."""

    models: dict[str, ModelProbes]
    skipped: dict[str, str]
    transfer: Matrix

    def to_dict(self) -> dict:
        return {"models": {m: r.to_dict() for m, r in self.models.items()}, "skipped": dict(self.skipped),
                "transfer": self.transfer}

    @classmethod
    def from_dict(cls, d: dict) -> ProbeLayer:
        return cls({m: ModelProbes.from_dict(r) for m, r in d["models"].items()}, d["skipped"], d["transfer"])


@dataclass(frozen=True)
class LayeredStudy(Generic[L]):
    """An analysis over one or more layers: each layer's results, the layer chosen for the primary endpoint (and
    the rule that chose it), the endpoint, the run's provenance and the folder written."""

    layers: dict[int, L]
    layer: int
    layer_choice: str | dict
    primary: PrimaryEndpoint
    provenance: dict
    out: Path | None = None

    @property
    def chosen(self) -> L:
        return self.layers[self.layer]

    def _common(self) -> dict:
        return {"layers": {str(k): r.to_dict() for k, r in self.layers.items()}, "layer_choice": self.layer_choice,
                "primary": self.primary.to_dict(), "provenance": self.provenance}

    @classmethod
    def _read(cls, d: dict, layer_type: type, chosen_key: str, out: Path | None):
        return cls({int(k): layer_type.from_dict(r) for k, r in d["layers"].items()}, d[chosen_key],
                   d["layer_choice"], PrimaryEndpoint.from_dict(d["primary"]), d.get("provenance") or {}, out)


@dataclass(frozen=True)
class ProbeStudy(LayeredStudy[ProbeLayer]):
    """What ``emprobe fit-probes`` found (``out``: the folder holding probes.json and the plots)."""

    def to_dict(self) -> dict:
        """probes.json."""
        return {**self._common(), "chosen_layer": self.layer}

    @classmethod
    def from_dict(cls, d: dict, out: Path | None = None) -> ProbeStudy:
        return cls._read(d, ProbeLayer, "chosen_layer", out)

    def lines(self) -> list[str]:
        out = []
        for layer, res in self.layers.items():
            for model, r in res.models.items():
                h = r.harm
                out.append(f"  layer {layer} {model:<32} harm probe AUROC {h.auroc:.3f} "
                           f"(permutation null {h.null_mean:.3f}, p = {h.p_value:.3f}; "
                           f"question identity {_fmt(h.identity_auroc)})")
            out += [f"  layer {layer} {model:<32} skipped: {why}" for model, why in res.skipped.items()]
        out.append(self.primary.line())
        if self.out is not None:
            out.append(f"results in {self.out}/ (probes.json, probes_layer_*.png)")
        return out


# -- directions -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DirectionLayer:
    """Cross-fitted directions at one layer. Per model (``models``): class sizes, held-out class means and
    separation, split-half reliability and persona; cosines between organisms' harm directions with their
    reliability ceilings; the headline per organism (self-assessment states vs the base model's on its held-out
    harm direction, or why it was skipped); the harm-vs-self-report cosine; the exact persona-group tests."""

    models: dict[str, dict]
    skipped: dict[str, str]
    cosine_harm_directions: Matrix
    cosine_ceiling: Matrix
    cosine_corrected: Matrix
    cosine_finetuning_shifts: Matrix
    cosine_harm_direction_vs_shift: dict[str, float]
    random_direction_baseline: dict
    headline: dict[str, dict]
    harm_vs_self_report: dict[str, dict]
    group_tests: dict[str, dict]

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, d: dict) -> DirectionLayer:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__})

    def headline_shifts(self) -> dict[str, float]:
        """Each organism's headline shift in units of its held-out misaligned − aligned gap (where measured)."""
        return {m: h["shift_in_gap_units"] for m, h in self.headline.items()
                if h.get("shift_in_gap_units") is not None}


@dataclass(frozen=True)
class DirectionStudy(LayeredStudy[DirectionLayer]):
    """What ``emprobe compare-directions`` found (``out``: the folder holding compare.json, the direction files and
    the plots)."""

    def to_dict(self) -> dict:
        """compare.json: the chosen layer's results at the top level, every layer under ``layers``."""
        return {**self.chosen.to_dict(), **self._common(), "layer": self.layer}

    @classmethod
    def from_dict(cls, d: dict, out: Path | None = None) -> DirectionStudy:
        return cls._read(d, DirectionLayer, "layer", out)

    def lines(self) -> list[str]:
        res = self.chosen
        out = [f"layer {self.layer}"]
        for model, h in res.headline.items():
            if "skipped" in h:
                out.append(f"  {model:<32} headline skipped: {h['skipped']}")
                continue
            sh = h["shift"]
            ci = "no CI" if sh["ci95"][0] is None else f"[{sh['ci95'][0]:+.3f}, {sh['ci95'][1]:+.3f}]"
            out.append(f"  {model:<32} ({h['persona']}) self-assessment states vs the base model's on its harm "
                       f"direction: {sh['value']:+.3f} {ci}, {_fmt(h['shift_in_gap_units'], '+.2f')} gap units "
                       f"(says S = {h['mean_S_said']})")
        out += [f"  {model:<32} cosine(harm, self-report direction) {v['value']:+.3f} (ceiling {v['ceiling']})"
                for model, v in res.harm_vs_self_report.items() if "value" in v]
        for name, test in res.group_tests.items():
            out.append(f"coherent vs inverted, {name}: "
                       + (f"{test['statistic']:+.3f}, exact p = {test['p_value']:.3f} (smallest reachable "
                          f"{test['min_p']:.3f})" if test["testable"] else test["statement"]))
        out.append(self.primary.line())
        out += [f"  {model:<32} skipped: {why}" for model, why in res.skipped.items()]
        if self.out is not None:
            out.append(f"results in {self.out}/ (compare.json, directions_layer_*.safetensors, cosines_layer_*.png)")
        return out
