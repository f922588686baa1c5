"""A steering run's settings (:class:`SteeringSpec`), checked before any file is touched, and the α grammar."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..config import BASE_ORGANISM, ExperimentConfig
from ..direction import Direction
from ..errors import EmprobeError


@dataclass(frozen=True)
class SteeringSpec:
    """What to steer: the direction of ``direction`` (an organism) at ``layer``, added with ``alpha`` (in units of
    the layer's mean residual norm) or ablated (at ``layer``, or at every layer from it on with ``all_later``)."""

    direction: str
    layer: int
    alpha: float | None = None
    ablate: bool = False
    on: str | None = None  # default: the base model when adding, the organism itself when ablating
    samples: int = 2
    controls: int = 20
    all_later: bool = False
    questions: int | None = None  # at most this many held-out questions (None: all of them)
    max_new_tokens: int | None = None  # None: generation.max_new_tokens
    fit_share: float = 0.5  # share of the questions the direction is fitted on
    batch_size: int | None = None  # None: generation.batch_size

    def __post_init__(self) -> None:
        if (self.alpha is None) == (not self.ablate):
            raise EmprobeError("give exactly one of --alpha A (add alpha times the direction) "
                               "or --ablate (project it out)")
        if self.alpha is not None and not math.isfinite(self.alpha):
            raise EmprobeError(f"alpha {self.alpha!r} is not a finite number")
        if self.samples < 1:
            raise EmprobeError(f"samples must be at least 1, got {self.samples}")
        if self.controls < 2:
            raise EmprobeError("controls must be at least 2 (one of each kind; 20 reach p < 0.05), "
                               f"got {self.controls}")
        if self.all_later and not self.ablate:
            raise EmprobeError("--all-later-layers goes with --ablate: "
                               "only an ablation can act on every layer from L on")
        if self.questions is not None and self.questions < 1:
            raise EmprobeError(f"questions must be at least 1, got {self.questions}")
        if self.max_new_tokens is not None and self.max_new_tokens < 1:
            raise EmprobeError(f"max_new_tokens must be at least 1, got {self.max_new_tokens}")
        if not 0.0 < self.fit_share < 1.0:
            raise EmprobeError(f"fit_share must lie strictly between 0 and 1, got {self.fit_share}")
        if self.batch_size is not None and self.batch_size < 1:
            raise EmprobeError(f"batch_size must be at least 1, got {self.batch_size}")

    @property
    def mode(self) -> str:
        return "ablate" if self.ablate else "add"

    @property
    def model(self) -> str:
        return self.on or (self.direction if self.ablate else BASE_ORGANISM)

    @property
    def expected(self) -> str:
        """The one-sided alternative: adding should raise the EM rate, ablating lower it."""
        return "less" if self.ablate else "greater"

    @property
    def slug(self) -> str:
        how = ("ablate-all-later" if self.all_later else "ablate") if self.ablate else f"alpha{self.alpha:g}"
        return f"{self.direction}-layer{self.layer}-{how}" + (f"-on-{self.on}" if self.on else "")


def spec_from_config(config: ExperimentConfig, direction: str, layer: int, *, alpha: float | None = None,
                     ablate: bool = False,
                     on: str | None = None, all_later: bool = False, **settings) -> SteeringSpec:
    """A :class:`SteeringSpec` with ``config.steer``'s settings (samples, controls, questions, max_new_tokens,
    fit_share, batch_size), each overridden by a ``settings`` value that is not None. ``direction`` and ``on`` must
    name organisms of ``config`` (``on`` may also be base): checked here, before anything touches the disk."""
    config.organism(direction)
    if on is not None and on != BASE_ORGANISM:
        config.organism(on)
    s = config.steer
    base = dict(samples=s.samples, controls=s.controls, questions=s.questions, max_new_tokens=s.max_new_tokens,
                fit_share=s.fit_share, batch_size=s.batch_size)
    unknown = set(settings) - set(base)
    if unknown:
        raise TypeError(f"unknown steering settings: {', '.join(sorted(unknown))}")
    base.update({k: v for k, v in settings.items() if v is not None})
    return SteeringSpec(direction, layer, alpha, ablate, on, all_later=all_later, **base)


def alphas_of(value: float | list[float] | str) -> list[float]:
    """``steer.alpha`` (a float or a list) or ``--alpha`` (``0.25,0.5,1``) as a list of finite floats."""
    if isinstance(value, str):
        try:
            out = [float(v) for v in value.split(",") if v.strip()]
        except ValueError:
            raise EmprobeError(f"--alpha {value!r}: expected a number or a comma list of numbers, "
                               "e.g. 0.25,0.5,1") from None
    else:
        out = [float(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
    if not out or not all(math.isfinite(a) for a in out):
        raise EmprobeError(f"alpha {value!r}: expected one or more finite numbers")
    return list(dict.fromkeys(out))


def load_direction(config: ExperimentConfig, organism: str, layer: int) -> np.ndarray:
    """The harm direction of ``organism`` at ``layer`` written by ``emprobe compare-directions`` (all questions)."""
    return Direction.from_run(config, organism, layer).vector
