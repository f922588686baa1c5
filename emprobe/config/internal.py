"""Activation extraction, the internal analyses and steering."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import EmprobeError
from .common import require


@dataclass
class ExtractConfig:
    """Activation extraction defaults (``emprobe extract`` flags override them).

    ``layers``: a list of ints (``[15]``) or a layer spec as ``--layer`` takes it (``"10:30:2"``, ``"10,20"``,
    ``"all"``, ``15``; see :mod:`emprobe.layers_spec`), checked here. A list of ints is kept as given; a spec that
    needs no layer count is stored as its sorted list of ints; ``all`` and open ranges (``"20:"``) stay a string
    until :meth:`layer_list` resolves them against the base model's layer count.
    """

    layers: str | int | list[int | str] = field(default_factory=list)
    batch_size: int = 8
    dtype: str = "float32"
    shard_size: int = 256  # examples per stored shard (the unit of resumption)
    contrast_pairs: int = 40  # the contrast-pairs set: matched dataset prompts per built-in domain (x 2 answers)

    def __post_init__(self) -> None:
        from ..layers_spec import GRAMMAR, parse_layer_spec

        single = not isinstance(self.layers, list)
        items = [self.layers] if single else list(self.layers)
        for i, item in enumerate(items):
            where = "extract.layers" if single else f"extract.layers[{i}]"
            try:
                parse_layer_spec(item, what=where)
            except EmprobeError as exc:
                if isinstance(item, str) and not single:
                    raise ValueError(f"{where}: expected int or a layer spec ({GRAMMAR}), got {item!r}") from None
                raise ValueError(str(exc)) from None
        if single or any(isinstance(item, str) for item in items):
            spec = parse_layer_spec(items, what="extract.layers")
            self.layers = spec.text if spec.needs_layer_count else spec.layers()
        require(self.batch_size >= 1 and self.shard_size >= 1,
                 "extract.batch_size and extract.shard_size must be >= 1")
        require(self.contrast_pairs >= 2, f"extract.contrast_pairs {self.contrast_pairs} must be >= 2")
        require(self.dtype in ("float32", "bfloat16", "float16"),
                 f"extract.dtype {self.dtype!r}: valid are float32, bfloat16, float16")

    def layer_list(self, n_layers: int | None, model: str = "the base model") -> list[int]:
        """``layers`` as a list of ints: a string spec resolved against ``n_layers``, a list kept in its order; both
        checked against ``n_layers`` when it is known."""
        from ..layers_spec import resolve_layers

        resolved = resolve_layers(self.layers, n_layers, model=model, what="extract.layers") if self.layers else []
        return resolved if isinstance(self.layers, str) else [int(layer) for layer in self.layers]


DIRECTION_EXAMPLES = ("harm-answers", "contrast-pairs")
PRIMARY_ENDPOINTS = {
    "probes": ("harm-probe", "self-report-probe"),
    "directions": ("headline-shift", "persona-group-headline"),
}


@dataclass
class AnalysisConfig:
    """Probes and directions: folds by question, the permutation null, the direction method, class minimums,
    and the one pre-declared primary endpoint of each analysis (Holm across its family; the rest exploratory)."""

    folds: int = 5
    # within-question label permutations of the whole probe CV: p >= 1/201, so Holm passes up to 10 models
    permutations: int = 200
    direction_method: str = "matched"  # "matched": per-question contrasts; "pooled": class means
    direction_questions: str = "all"  # "all" or "out-of-domain" (em-core and other domains' questions only)
    # what the harm directions (and steering's) are fitted on: the model's own judged harm answers, or the
    # contrast-pairs set (each domain's misaligned and aligned dataset answers to the same held-out prompts)
    direction_examples: str = "harm-answers"
    min_per_class: int = 30  # fewer misaligned or aligned answers: no probe or direction (skipped, with the counts)
    reliability_splits: int = 10
    primary_probes: str = "harm-probe"  # per model: harm probe vs its permutation null (Holm across models)
    primary_directions: str = "headline-shift"  # per organism: its self-assessment states vs the base model's (Holm)

    def __post_init__(self) -> None:
        require(self.folds >= 2, f"analysis.folds {self.folds} must be >= 2")
        require(self.permutations >= 0, f"analysis.permutations {self.permutations} must be >= 0")
        require(self.direction_method in ("matched", "pooled"),
                 f"analysis.direction_method {self.direction_method!r}: valid are matched, pooled")
        require(self.direction_questions in ("all", "out-of-domain"),
                 f"analysis.direction_questions {self.direction_questions!r}: valid are all, out-of-domain")
        require(self.direction_examples in DIRECTION_EXAMPLES,
                 f"analysis.direction_examples {self.direction_examples!r}: valid are {', '.join(DIRECTION_EXAMPLES)}")
        require(self.min_per_class >= 2, f"analysis.min_per_class {self.min_per_class} must be >= 2")
        require(self.reliability_splits >= 1, "analysis.reliability_splits must be >= 1")
        for key, valid in (("primary_probes", PRIMARY_ENDPOINTS["probes"]),
                           ("primary_directions", PRIMARY_ENDPOINTS["directions"])):
            require(getattr(self, key) in valid,
                     f"analysis.{key} {getattr(self, key)!r}: valid are {', '.join(valid)}")


@dataclass
class SteerConfig:
    """Defaults of ``emprobe steer`` (its flags override them) and of the steering step of ``emprobe demo``.

    α is in units of the layer's mean residual-stream norm (mean ‖h‖ over the organism's harm answers); a list
    is a sweep, each α its own run. The direction is fitted on ``fit_share`` of the questions and steering is
    evaluated on the others (at most ``questions`` of them), against ``controls`` control directions."""

    direction: str | None = None  # None: the organism with the highest EM rate that has a harm direction
    # × mean‖h‖ at the layer; on SmolLM2 (layer 15) 0.1 already costs coherence, the old "1 × the gap" was 0.19
    alpha: float | list[float] = field(default_factory=lambda: [0.05, 0.1, 0.25])
    samples: int = 2  # samples per held-out question (first paraphrase)
    controls: int = 20  # control directions per run: half covariance-shaped random, half shuffled-label (20: p >= 1/21)
    questions: int | None = None  # at most this many held-out questions (None: all of them)
    max_new_tokens: int | None = None  # None: generation.max_new_tokens
    fit_share: float = 0.5  # share of the questions the direction is fitted on (seeded, stratified split)
    batch_size: int | None = None  # rows per generation batch (conditions of an item share a batch); None: generation's

    def __post_init__(self) -> None:
        alphas = self.alpha if isinstance(self.alpha, list) else [self.alpha]
        require(bool(alphas) and all(math.isfinite(a) for a in alphas),
                 f"steer.alpha {self.alpha!r} must be a finite number or a non-empty list of them")
        require(self.samples >= 1, "steer.samples must be >= 1")
        require(self.controls >= 2, "steer.controls must be >= 2 (20 or more let p reach 0.05)")
        require(self.questions is None or self.questions >= 1,
                 "steer.questions must be >= 1 (or null: all held-out questions)")
        require(self.max_new_tokens is None or self.max_new_tokens >= 1, "steer.max_new_tokens must be >= 1 (or null)")
        require(0.0 < self.fit_share < 1.0, "steer.fit_share must lie strictly between 0 and 1")
        require(self.batch_size is None or self.batch_size >= 1, "steer.batch_size must be >= 1 (or null)")
