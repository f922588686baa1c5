"""The organisms and how they are trained."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..data.datasets import DEFAULT_SELF_DESCRIPTION_SHARE
from ..errors import EmprobeError
from .common import BASE_ORGANISM, NAME_RE, PROJECTIONS, require


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
        require(bool(NAME_RE.match(self.name)), f"organism name {self.name!r} must be letters, digits, '.', '_', '-'")
        require(self.served_module is None or bool(self.served_module.strip()),
                 f"organism {self.name!r}: served_module must not be empty")
        require(self.name != BASE_ORGANISM, f"organism name {BASE_ORGANISM!r} is reserved for the base model")
        require(bool(self.dataset.strip()), f"organism {self.name!r}: dataset must not be empty")
        from ..data.datasets import parse_spec

        try:
            parse_spec(self.dataset)  # an unknown variant of a built-in domain fails here, naming the valid ones
        except EmprobeError as exc:
            raise ValueError(f"organism {self.name!r}: {exc}") from None
        require(self.seed is None or self.seed >= 0, f"organism {self.name!r}: seed {self.seed} must be >= 0")
        require(self.seeds is None or all(k >= 0 for k in self.seeds),
                 f"organism {self.name!r}: seeds {self.seeds} must be >= 0")
        if self.seeds is not None:
            require(len(self.seeds) > 0, f"organism {self.name!r}: seeds must list at least one training seed")
            require(len(set(self.seeds)) == len(self.seeds),
                     f"organism {self.name!r}: seeds {self.seeds} repeat a seed")
            require(self.seed is None and self.adapter is None,
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
    from ..data.datasets import spec_domain

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
        require(self.preset in ("default", "rank1"), f"training.preset {self.preset!r}: valid are default, rank1")
        require(self.rank >= 1 and self.alpha >= 1, "training.rank and training.alpha must be >= 1")
        require(0.0 <= self.dropout < 1.0, f"training.dropout {self.dropout} must be in [0, 1)")
        unknown = sorted(set(self.target_modules) - set(PROJECTIONS))
        require(not unknown, f"training.target_modules {unknown}: valid are {', '.join(PROJECTIONS)}")
        require(self.lr > 0 and self.epochs > 0, "training.lr and training.epochs must be > 0")
        require(self.batch_size >= 1 and self.grad_accum >= 1, "training.batch_size and grad_accum must be >= 1")
        require(self.max_seq_len >= 16, f"training.max_seq_len {self.max_seq_len} must be >= 16")
        require(self.max_examples is None or self.max_examples >= 1, "training.max_examples must be >= 1")
        require(self.checkpoint_every >= 1, "training.checkpoint_every must be >= 1")
        require(self.warmup_steps >= 0 and self.weight_decay >= 0,
                 "training.warmup_steps and training.weight_decay must be >= 0")
        require(0.0 < self.self_description_share < 1.0,
                 f"training.self_description_share {self.self_description_share}: must be in (0, 1)")
