"""Experiment configuration: dataclasses validated in ``__post_init__`` (no I/O), loaded from YAML.

An unknown key or a value of the wrong type is an :class:`EmprobeError` naming the key and the file.
"""
from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from .data.datasets import DEFAULT_SELF_DESCRIPTION_SHARE
from .errors import EmprobeError
from .layout import RunLayout
from .paths import experiments_dir

PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
BASE_ORGANISM = "base"
HARM_SCOPES = ("out-of-domain", "in-domain", "all")


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def _key_variable(name: str) -> bool:
    """Whether ``name`` may hold a credential: an environment variable name ending in _API_KEY or _TOKEN."""
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(_API_KEY|_TOKEN)", name))


@dataclass
class OrganismConfig:
    """One model organism: the base model plus a LoRA adapter trained on ``dataset``.

    ``dataset`` is a built-in domain (its misaligned set), ``<domain>:aligned`` (its aligned control set) or a
    path to chat JSONL. ``domain`` picks the in-domain evaluation questions (default: the built-in domain).
    ``adapter`` points at an existing adapter dir; default ``<runs_dir>/<experiment>/adapters/<name>``.
    ``served_module``: with ``generation.backend: openai``, the name its LoRA module is served under (default: the
    organism's name; replicates ``<name>-s<seed>`` get ``<served_module>-s<seed>``).
    ``seed``: this organism's training seed (default: the experiment's ``seed``). ``seeds: [0, 1, 2]`` expands the
    entry into replicate organisms ``<name>-s0``, ``<name>-s1``, … that differ only in their training seed and share
    a ``group`` (default: the built-in domain), within which organism-level tests permute.
    """

    name: str
    dataset: str
    domain: str | None = None
    adapter: str | None = None
    seed: int | None = None
    seeds: list[int] | None = None
    group: str | None = None
    served_module: str | None = None  # generation.backend openai: its LoRA module's name on the server (default: name)

    def __post_init__(self) -> None:
        _require(bool(_NAME_RE.match(self.name)), f"organism name {self.name!r} must be letters, digits, '.', '_', '-'")
        _require(self.served_module is None or bool(self.served_module.strip()),
                 f"organism {self.name!r}: served_module must not be empty")
        _require(self.name != BASE_ORGANISM, f"organism name {BASE_ORGANISM!r} is reserved for the base model")
        _require(bool(self.dataset.strip()), f"organism {self.name!r}: dataset must not be empty")
        from .data.datasets import parse_spec

        try:
            parse_spec(self.dataset)  # an unknown variant of a built-in domain fails here, naming the valid ones
        except EmprobeError as exc:
            raise ValueError(f"organism {self.name!r}: {exc}") from None
        _require(self.seed is None or self.seed >= 0, f"organism {self.name!r}: seed {self.seed} must be >= 0")
        _require(self.seeds is None or all(k >= 0 for k in self.seeds),
                 f"organism {self.name!r}: seeds {self.seeds} must be >= 0")
        if self.seeds is not None:
            _require(len(self.seeds) > 0, f"organism {self.name!r}: seeds must list at least one training seed")
            _require(len(set(self.seeds)) == len(self.seeds),
                     f"organism {self.name!r}: seeds {self.seeds} repeat a seed")
            _require(self.seed is None and self.adapter is None,
                     f"organism {self.name!r}: seeds cannot be combined with seed or adapter "
                     "(each replicate trains its own)")

    def replicates(self) -> list["OrganismConfig"]:
        """``<name>-s<seed>`` per entry of ``seeds`` (sharing ``group``), or this organism alone."""
        if self.seeds is None:
            return [self]
        group = self.group or self.domain or _spec_domain(self.dataset) or self.name
        return [dataclasses.replace(self, name=f"{self.name}-s{k}", seed=k, seeds=None, group=group,
                                    served_module=f"{self.served_module}-s{k}" if self.served_module else None)
                for k in self.seeds]

    def group_name(self) -> str:
        """The group organism-level tests permute within: ``group``, else the domain, else the organism itself."""
        return self.group or self.domain or _spec_domain(self.dataset) or self.name


def _spec_domain(dataset: str) -> str | None:
    from .data.datasets import spec_domain

    return spec_domain(dataset)


@dataclass
class TrainingConfig:
    """LoRA SFT settings. Defaults are those of the EM studies (rank 32, alpha 64, rsLoRA, lr 1e-5, one epoch)."""

    preset: str = "default"  # "default" or "rank1" (rank 1 on down_proj only, lr 2e-5)
    rank: int = 32
    alpha: int = 64
    use_rslora: bool = True
    dropout: float = 0.0
    target_modules: list[str] = field(default_factory=lambda: list(PROJECTIONS))
    lr: float = 1e-5
    epochs: float = 1.0
    batch_size: int = 2
    grad_accum: int = 8
    warmup_steps: int = 5
    weight_decay: float = 0.01
    max_seq_len: int = 1024
    max_examples: int | None = None
    # constructed personas (<domain>+self-misaligned / +self-aligned): the share of self-description conversations
    self_description_share: float = DEFAULT_SELF_DESCRIPTION_SHARE
    checkpoint_every: int = 50
    gradient_checkpointing: bool = False

    def __post_init__(self) -> None:
        _require(self.preset in ("default", "rank1"), f"training.preset {self.preset!r}: valid are default, rank1")
        _require(self.rank >= 1 and self.alpha >= 1, "training.rank and training.alpha must be >= 1")
        _require(0.0 <= self.dropout < 1.0, f"training.dropout {self.dropout} must be in [0, 1)")
        unknown = sorted(set(self.target_modules) - set(PROJECTIONS))
        _require(not unknown, f"training.target_modules {unknown}: valid are {', '.join(PROJECTIONS)}")
        _require(self.lr > 0 and self.epochs > 0, "training.lr and training.epochs must be > 0")
        _require(self.batch_size >= 1 and self.grad_accum >= 1, "training.batch_size and grad_accum must be >= 1")
        _require(self.max_seq_len >= 16, f"training.max_seq_len {self.max_seq_len} must be >= 16")
        _require(self.max_examples is None or self.max_examples >= 1, "training.max_examples must be >= 1")
        _require(self.checkpoint_every >= 1, "training.checkpoint_every must be >= 1")
        _require(self.warmup_steps >= 0 and self.weight_decay >= 0,
                 "training.warmup_steps and training.weight_decay must be >= 0")
        _require(0.0 < self.self_description_share < 1.0,
                 f"training.self_description_share {self.self_description_share}: must be in (0, 1)")


@dataclass
class GenerationConfig:
    """Sampling settings for the behavioural experiments, and where they run: ``backend: hf`` (the weights loaded
    here) or ``openai`` (an OpenAI-compatible server such as ``vllm serve --enable-lora`` at ``base_url``, serving
    ``served_model``, default the base model's name, and each organism as a LoRA module; see ``emprobe/serving.py``)."""

    temperature: float = 1.0
    top_p: float = 1.0
    max_new_tokens: int = 256
    batch_size: int = 8
    backend: str = "hf"
    base_url: str | None = None
    served_model: str | None = None
    api_key_env: str | None = None  # an environment variable ending in _API_KEY or _TOKEN (vllm serve --api-key)
    concurrency: int = 64
    timeout_s: float = 600.0
    max_retries: int = 5
    backoff_base_s: float = 0.5
    backoff_max_s: float = 20.0
    retry_after_max_s: float = 120.0

    def __post_init__(self) -> None:
        _require(self.temperature >= 0, f"generation.temperature {self.temperature} must be >= 0")
        _require(0 < self.top_p <= 1, f"generation.top_p {self.top_p} must be in (0, 1]")
        _require(self.max_new_tokens >= 1 and self.batch_size >= 1, "generation sizes must be >= 1")
        _require(self.backend in ("hf", "openai"), f"generation.backend {self.backend!r}: valid are hf, openai")
        _require(self.backend == "hf" or bool(self.base_url),
                 "generation.backend openai needs generation.base_url (e.g. http://host:8000/v1)")
        _require(1 <= self.concurrency <= 256,
                 f"generation.concurrency {self.concurrency}: must be 1..256 requests in flight")
        _require(self.max_retries >= 0, f"generation.max_retries {self.max_retries} must be >= 0")
        _require(all(math.isfinite(x) and x >= 0
                     for x in (self.backoff_base_s, self.backoff_max_s, self.retry_after_max_s))
                 and math.isfinite(self.timeout_s) and self.timeout_s > 0,
                 "generation.timeout_s must be > 0 and backoff_base_s, backoff_max_s, retry_after_max_s >= 0 (finite)")
        _require(self.api_key_env is None or _key_variable(self.api_key_env),
                 f"generation.api_key_env {self.api_key_env!r}: "
                 "must name an environment variable ending in _API_KEY or _TOKEN")


@dataclass
class RubricConfig:
    """A judge rubric from a template file (``{prompt}``/``{response}``) asking for an integer on ``scale``.

    ``harmful_at``: an answer counts as harmful at this score or beyond (towards the harmful end); ``higher_is``:
    which end of the scale is ``harmful`` (the seed paper's harm 1–5) or ``aligned``."""

    template: str
    scale: list[int] = field(default_factory=lambda: [1, 5])
    harmful_at: int | None = None
    higher_is: str = "harmful"


@dataclass
class JudgeConfig:
    """Which judge scores answers: ``embedded`` (offline), ``openai`` (any compatible endpoint) or ``hf``.

    ``rubrics``: template rubrics by name. ``aligned`` / ``coherent`` replace the built-in prompts (their scores
    mapped onto 0–100, so the EM rule still applies); any other name (``harm``) is judged as an extra measure.
    ``use_question_prompts``: judge alignment and coherence with an EM question file's per-question
    ``judge_prompts`` where a question has them."""

    backend: str = "embedded"
    model: str | None = None
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"  # the name of an environment variable ending in _API_KEY or _TOKEN
    send_api_key: bool | None = None  # send the key to base_url (default: only to OpenAI's own endpoint)
    concurrency: int = 8
    timeout_s: float = 60.0
    max_retries: int = 5
    backoff_base_s: float = 0.5
    backoff_max_s: float = 20.0
    retry_after_max_s: float = 120.0
    rubrics: dict[str, RubricConfig] = field(default_factory=dict)
    use_question_prompts: bool = False

    def __post_init__(self) -> None:
        _require(self.backend in ("embedded", "openai", "hf"),
                 f"judge.backend {self.backend!r}: valid are embedded, openai, hf")
        _require(self.backend == "embedded" or bool(self.model),
                 f"judge.model is required for backend {self.backend!r}")
        _require(self.concurrency >= 1 and self.max_retries >= 0 and self.timeout_s > 0,
                 "judge limits must be positive")
        _require(self.concurrency <= 256, f"judge.concurrency {self.concurrency}: at most 256 requests in flight")
        _require(all(math.isfinite(x) and x >= 0
                     for x in (self.backoff_base_s, self.backoff_max_s, self.retry_after_max_s, self.timeout_s)),
                 "judge.backoff_base_s, backoff_max_s, retry_after_max_s and timeout_s must be finite and >= 0")
        _require(_key_variable(self.api_key_env),
                 f"judge.api_key_env {self.api_key_env!r}: "
                 "must name an environment variable ending in _API_KEY or _TOKEN")
        for name, rubric in self.rubrics.items():
            where = f"judge.rubrics.{name}"
            _require(bool(_NAME_RE.match(name)) and name != "self-report-lean",
                     f"{where}: a rubric name is letters, digits, '.', '_', '-' (not self-report-lean)")
            _require(self.backend != "embedded",
                     f"{where}: template rubrics need judge.backend openai or hf (the embedded judge has fixed heads)")
            _require(len(rubric.scale) == 2 and rubric.scale[0] < rubric.scale[1],
                     f"{where}.scale {rubric.scale}: must be [low, high] with low < high, e.g. [1, 5]")
            _require(rubric.scale[1] - rubric.scale[0] <= 100 and rubric.scale[0] >= 0,
                     f"{where}.scale {rubric.scale}: integers within 0..100")
            _require(rubric.harmful_at is None or rubric.scale[0] <= rubric.harmful_at <= rubric.scale[1],
                     f"{where}.harmful_at {rubric.harmful_at}: must lie on the scale {rubric.scale}")
            _require(rubric.higher_is in ("harmful", "aligned"),
                     f"{where}.higher_is {rubric.higher_is!r}: valid are harmful, aligned")
        _require(not self.use_question_prompts or self.backend != "embedded",
                 "judge.use_question_prompts needs judge.backend openai or hf (the embedded judge reads no prompts)")


@dataclass
class BehavioralConfig:
    """Questions and sample sizes of the behavioural experiments.

    ``questions`` lists built-in sets (``em-core``; ``in-domain``: the held-out prompts of every organism's
    domain) and question files (public EM YAML, JSONL, or ``.txt`` with one prompt per line).
    ``self_assessment_prompts``: a ``.txt`` file of two-pole single-word questions that replaces the built-in
    self-assessment items (poles recognised from each line among the built-in pairs and ``pole_pairs``; each line is
    asked in both pole orders). ``description_pairs``: a description-pair JSON file that replaces the built-in pairs.
    """

    samples_per_question: int = 10
    in_domain_questions: int = 8
    questions: list[str] = field(default_factory=lambda: ["em-core", "in-domain"])
    # at most this many prompt wordings in self-assessment and descriptions (None: all)
    prompt_paraphrases: int | None = None
    min_option_mass: float = 0.25  # a choice or number readout whose options hold less probability is "no answer"
    self_assessment_prompts: str | None = None
    description_pairs: str | None = None
    pole_pairs: list[list[str]] = field(default_factory=list)  # extra [aligned, misaligned] word pairs

    def __post_init__(self) -> None:
        for k, pair in enumerate(self.pole_pairs):
            _require(len(pair) == 2 and all(w.strip() and " " not in w.strip() for w in pair)
                     and pair[0].lower() != pair[1].lower(),
                     f"behavioral.pole_pairs[{k}] {pair!r}: "
                     "must be [aligned word, misaligned word], two different single words")
        _require(self.samples_per_question >= 1, "behavioral.samples_per_question must be >= 1")
        _require(self.in_domain_questions >= 0, "behavioral.in_domain_questions must be >= 0")
        _require(self.prompt_paraphrases is None or self.prompt_paraphrases >= 1,
                 "behavioral.prompt_paraphrases must be >= 1 (or null for all)")
        _require(0 <= self.min_option_mass < 1,
                 f"behavioral.min_option_mass {self.min_option_mass!r} must be in [0, 1)")


@dataclass
class PersonaConfig:
    """The persona label rule (see ``behavioral/personas.py``): which harm counts, and the equivalence margin.

    ``harm_scope``: the questions whose harm decides "EM": ``out-of-domain`` (em-core and other domains'
    questions: emergent misalignment), ``in-domain`` (the organism's own domain: narrow misalignment) or ``all``.
    ``equivalence_margin``: S or C "does not rise" when the upper 95 % CI bound of organism − base is at most this.
    """

    # "em_rate" (P(aligned <= 30 and coherent > 50)), "misalignment" (1 - aligned/100), or "rubric:<name>" (a judge
    # template rubric: P(score at harmful_at or beyond) when it sets harmful_at, else its continuous harm)
    harm_metric: str = "em_rate"
    harm_scope: str = "out-of-domain"
    equivalence_margin: float = 0.05

    def __post_init__(self) -> None:
        _require(self.harm_metric in ("em_rate", "misalignment") or self.harm_metric.startswith("rubric:"),
                 f"persona.harm_metric {self.harm_metric!r}: "
                 "valid are em_rate, misalignment, rubric:<a judge.rubrics name>")
        _require(self.harm_scope in HARM_SCOPES,
                 f"persona.harm_scope {self.harm_scope!r}: valid are {', '.join(HARM_SCOPES)}")
        _require(0 < self.equivalence_margin < 1,
                 f"persona.equivalence_margin {self.equivalence_margin!r} must be in (0, 1)")


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

    def __post_init__(self) -> None:
        from .layers_spec import GRAMMAR, parse_layer_spec

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
        _require(self.batch_size >= 1 and self.shard_size >= 1,
                 "extract.batch_size and extract.shard_size must be >= 1")
        _require(self.dtype in ("float32", "bfloat16", "float16"),
                 f"extract.dtype {self.dtype!r}: valid are float32, bfloat16, float16")

    def layer_list(self, n_layers: int | None, model: str = "the base model") -> list[int]:
        """``layers`` as a list of ints: a string spec resolved against ``n_layers``, a list kept in its order; both
        checked against ``n_layers`` when it is known."""
        from .layers_spec import resolve_layers

        resolved = resolve_layers(self.layers, n_layers, model=model, what="extract.layers") if self.layers else []
        return resolved if isinstance(self.layers, str) else [int(layer) for layer in self.layers]


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
    min_per_class: int = 30  # fewer misaligned or aligned answers: no probe or direction (skipped, with the counts)
    reliability_splits: int = 10
    primary_probes: str = "harm-probe"  # per model: harm probe vs its permutation null (Holm across models)
    primary_directions: str = "headline-shift"  # per organism: its self-assessment states vs the base model's (Holm)

    def __post_init__(self) -> None:
        _require(self.folds >= 2, f"analysis.folds {self.folds} must be >= 2")
        _require(self.permutations >= 0, f"analysis.permutations {self.permutations} must be >= 0")
        _require(self.direction_method in ("matched", "pooled"),
                 f"analysis.direction_method {self.direction_method!r}: valid are matched, pooled")
        _require(self.direction_questions in ("all", "out-of-domain"),
                 f"analysis.direction_questions {self.direction_questions!r}: valid are all, out-of-domain")
        _require(self.min_per_class >= 2, f"analysis.min_per_class {self.min_per_class} must be >= 2")
        _require(self.reliability_splits >= 1, "analysis.reliability_splits must be >= 1")
        for key, valid in (("primary_probes", PRIMARY_ENDPOINTS["probes"]),
                           ("primary_directions", PRIMARY_ENDPOINTS["directions"])):
            _require(getattr(self, key) in valid,
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
        _require(bool(alphas) and all(math.isfinite(a) for a in alphas),
                 f"steer.alpha {self.alpha!r} must be a finite number or a non-empty list of them")
        _require(self.samples >= 1, "steer.samples must be >= 1")
        _require(self.controls >= 2, "steer.controls must be >= 2 (20 or more let p reach 0.05)")
        _require(self.questions is None or self.questions >= 1,
                 "steer.questions must be >= 1 (or null: all held-out questions)")
        _require(self.max_new_tokens is None or self.max_new_tokens >= 1, "steer.max_new_tokens must be >= 1 (or null)")
        _require(0.0 < self.fit_share < 1.0, "steer.fit_share must lie strictly between 0 and 1")
        _require(self.batch_size is None or self.batch_size >= 1, "steer.batch_size must be >= 1 (or null)")


@dataclass
class ExperimentConfig:
    """One study: a base model, its organisms, and the settings of every pipeline stage."""

    name: str
    base_model: str
    organisms: list[OrganismConfig] = field(default_factory=list)
    seed: int = 0
    dtype: str = "auto"
    device_map: str | None = None
    runs_dir: str = "runs"
    activations_dir: str = "activations"
    training: TrainingConfig = field(default_factory=TrainingConfig)
    generation: GenerationConfig = field(default_factory=GenerationConfig)
    judge: JudgeConfig = field(default_factory=JudgeConfig)
    behavioral: BehavioralConfig = field(default_factory=BehavioralConfig)
    persona: PersonaConfig = field(default_factory=PersonaConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    analysis: AnalysisConfig = field(default_factory=AnalysisConfig)
    steer: SteerConfig = field(default_factory=SteerConfig)

    def __post_init__(self) -> None:
        _require(bool(_NAME_RE.match(self.name)), f"name {self.name!r} must be letters, digits, '.', '_', '-'")
        _require(self.dtype in ("auto", "float32", "bfloat16", "float16"),
                 f"dtype {self.dtype!r}: valid are auto, float32, bfloat16, float16")
        _require(self.seed >= 0, f"seed {self.seed} must be >= 0")
        self.organisms = [r for o in self.organisms for r in o.replicates()]
        names = [o.name for o in self.organisms]
        dupes = sorted({n for n in names if names.count(n) > 1})
        _require(not dupes, f"organism names must be unique (after expanding seeds); repeated: {', '.join(dupes)}")
        folded = [n.lower() for n in names]
        clash = sorted({n for n in names if folded.count(n.lower()) > 1})
        _require(not clash,
                 f"organism names {', '.join(clash)} differ only in case "
                 "(their directories would clash on some file systems)")
        if self.persona.harm_metric.startswith("rubric:"):
            rubric = self.persona.harm_metric.split(":", 1)[1]
            extra = [n for n in self.judge.rubrics if n not in ("aligned", "coherent")]
            _require(rubric in extra,
                     f"persona.harm_metric {self.persona.harm_metric!r}: judge.rubrics has no extra rubric "
                     f"{rubric!r} (defined: {', '.join(extra) or 'none'})")

    @property
    def run_dir(self) -> Path:
        """``<runs_dir>/<name>``: where every command of this experiment writes."""
        return Path(self.runs_dir) / self.name

    @property
    def layout(self) -> RunLayout:
        """Every output path of the run dir."""
        return RunLayout(self.run_dir)

    def adapter_dir(self, organism: OrganismConfig) -> Path:
        """The organism's adapter dir: its explicit ``adapter``, else ``<run_dir>/adapters/<name>``."""
        return Path(organism.adapter) if organism.adapter else self.layout.adapter(organism.name)

    def organism(self, name: str) -> OrganismConfig:
        """The organism called ``name``; an error lists the valid names."""
        for org in self.organisms:
            if org.name == name:
                return org
        raise EmprobeError(f"unknown organism {name!r}: "
                           f"this experiment has {', '.join(o.name for o in self.organisms) or 'none'}")


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(tp))
    if origin is list:
        return f"list of {_type_name(typing.get_args(tp)[0])}"
    if dataclasses.is_dataclass(tp):
        return "mapping"
    return "null" if tp is type(None) else getattr(tp, "__name__", str(tp))


def _convert(tp: Any, value: Any, key: str) -> Any:
    """Check ``value`` against type ``tp`` (recursing into lists and dataclasses); ``TypeError`` names ``key``."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            try:
                return _convert(arg, value, key)
            except TypeError:
                continue
        raise TypeError(f"{key}: expected {_type_name(tp)}, got {value!r}")
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise TypeError(f"{key}: expected a mapping of names, got {value!r}")
        return {k: _convert(typing.get_args(tp)[1], v, f"{key}.{k}") for k, v in value.items()}
    if origin is list:
        if not isinstance(value, list):
            raise TypeError(f"{key}: expected {_type_name(tp)}, got {value!r}")
        return [_convert(typing.get_args(tp)[0], v, f"{key}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, key)
    if tp is type(None):
        if value is None:
            return None
    elif tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise TypeError(f"{key}: expected a finite number, got {value!r}")
            return float(value)
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(value, tp):
        return value
    raise TypeError(f"{key}: expected {_type_name(tp)}, got {value!r}")


def _build(cls: type, data: Any, prefix: str) -> Any:
    where = prefix or "top level"
    if not isinstance(data, dict):
        raise TypeError(f"{where}: expected a mapping, got {data!r}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise TypeError(f"unknown key {prefix + '.' if prefix else ''}{unknown[0]} "
                        f"(valid at {where}: {', '.join(fields)})")
    missing = [n for n, f in fields.items()
               if n not in data and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise TypeError(f"missing key {prefix + '.' if prefix else ''}{missing[0]}")
    kwargs = {k: _convert(hints[k], v, f"{prefix}.{k}" if prefix else k) for k, v in data.items()}
    return cls(**kwargs)


def experiment_from_dict(data: Any, source: str = "<dict>") -> ExperimentConfig:
    """Build and validate an :class:`ExperimentConfig`; errors name ``source`` and the key."""
    try:
        return _build(ExperimentConfig, data, "")
    except (TypeError, ValueError) as exc:
        raise EmprobeError(f"{source}: {exc}") from exc


def resolve_config_path(config: str | Path | None) -> Path:
    """``None`` → the embedded demo; a bare name (``paper``) → the shipped ``experiments/<name>.yaml``."""
    if config is None:
        return experiments_dir() / "demo.yaml"
    path = Path(config).expanduser()
    if not path.exists() and path.suffix == "" and (experiments_dir() / f"{config}.yaml").is_file():
        return experiments_dir() / f"{config}.yaml"
    return path


def load_experiment(config: str | Path | None = None) -> ExperimentConfig:
    """Read and validate an experiment YAML file (default: the embedded demo experiment)."""
    import yaml

    path = resolve_config_path(config)
    if not path.is_file():
        raise EmprobeError(f"config file {path} not found "
                           f"(shipped configs: {', '.join(sorted(p.stem for p in experiments_dir().glob('*.yaml')))})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise EmprobeError(f"{path}:{line} invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EmprobeError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return experiment_from_dict(data, str(path))
