"""Layer specs: which decoder layers a command reads, written the same way on the command line and in a config.

Grammar (whitespace around the parts is ignored)::

    spec  := part ("," part)*
    part  := "all" | N | [START] ":" [STOP] [":" STEP]

* ``N``: one layer, counted from 0 (``15``).
* ``START:STOP[:STEP]``: a range as in Python, **STOP excluded** (``10:30:2`` is 10, 12, ..., 28); START defaults
  to 0, STOP to the number of layers (``20:`` is layer 20 to the last), STEP to 1.
* ``all``: every decoder layer of the base model (``0:``).

Parts combine (``--layer 10,20 --layer 0:4``); the result is sorted, without repeats. A range that is empty
(``5:2``), a step below 1, a negative number or a layer past the model's last one is an
:class:`~emprobe.errors.EmprobeError` naming the value and what is valid.

``all`` and open ranges (``20:``) need the model's layer count, read from the model's config without loading
weights (:func:`base_model_layer_count`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence, Union

from .errors import EmprobeError

GRAMMAR = "a layer N, a list N,M, a range START:STOP[:STEP] (STOP excluded, as in Python) or all"
_INT = re.compile(r"^\d+$")

Part = tuple[int, Union[int, None], int]  # (start, stop or None for "to the last layer", step)
SpecInput = Union[str, int, Sequence[Union[str, int]]]


@dataclass(frozen=True)
class LayerSpec:
    """A parsed layer spec: its text (normalised), its parts and the item each part came from (a repeated option's
    value, a config list's entry), resolvable against a layer count."""

    text: str
    parts: tuple[Part, ...]
    sources: tuple[str, ...] = ()

    @property
    def needs_layer_count(self) -> bool:
        """True when a part runs to the last layer (``all``, ``20:``): resolving needs the model's layer count."""
        return any(stop is None for _, stop, _ in self.parts)

    def layers(self, n_layers: int | None = None, *, model: str = "the model", what: str = "--layer") -> list[int]:
        """The sorted, de-duplicated layers. ``n_layers`` checks the range (and is required for ``all`` and open
        ranges); without it, explicit layers pass unchecked."""
        if n_layers is None and self.needs_layer_count:
            raise EmprobeError(f"{what} {self.text!r}: cannot tell how many layers {model} has "
                               "(its config is not on this machine), so 'all' and open ranges cannot be resolved; "
                               "give the layers as numbers")
        out: set[int] = set()
        for i, (start, stop, step) in enumerate(self.parts):
            source = self.sources[i] if i < len(self.sources) else self.text
            end = n_layers if stop is None else stop
            if n_layers is not None:
                if stop is not None and stop - start == 1 and step == 1 and start >= n_layers:
                    raise EmprobeError(f"{what} {source!r}: layer {start} is out of range: "
                                       f"{model} has {n_layers} layers "
                                       f"(valid: 0..{n_layers - 1}); {what} takes {GRAMMAR}")
                if end > n_layers or start >= end:
                    shown = f"{start}:{'' if stop is None else stop}" + (f":{step}" if step != 1 else "")
                    raise EmprobeError(f"{what} {source!r}: range {shown} does not fit {model}, "
                                       f"which has {n_layers} layers "
                                       f"(valid: layers 0..{n_layers - 1}, ranges up to STOP {n_layers}); "
                                       f"{what} takes {GRAMMAR}")
            out.update(range(start, end, step))
        return sorted(out)


def _fail(what: str, value: object, why: str) -> EmprobeError:
    return EmprobeError(f"{what} {value!r}: {why}; valid is {GRAMMAR}")


def _number(text: str, what: str, value: object, role: str) -> int:
    if not _INT.match(text):
        why = ("layers count from 0, a negative number is not a layer" if re.match(r"^-\d+$", text)
               else f"{role} {text!r} is not a whole number")
        raise _fail(what, value, why)
    return int(text)


def _part(text: str, what: str, value: object) -> Part:
    if text.lower() == "all":
        return (0, None, 1)
    if ":" not in text:
        n = _number(text, what, value, "layer")
        return (n, n + 1, 1)
    pieces = [p.strip() for p in text.split(":")]
    if len(pieces) > 3:
        raise _fail(what, value, f"{text!r} has more than two ':'")
    start = _number(pieces[0], what, value, "start") if pieces[0] else 0
    stop = _number(pieces[1], what, value, "stop") if pieces[1] else None
    step = _number(pieces[2], what, value, "step") if len(pieces) == 3 and pieces[2] else 1
    if step < 1:
        raise _fail(what, value, f"step {step} in {text!r} must be at least 1")
    if stop is not None and stop <= start:
        raise _fail(what, value, f"range {text!r} is empty (STOP {stop} is excluded and must be above START {start})")
    return (start, stop, step)


def parse_layer_spec(spec: SpecInput, *, what: str = "--layer") -> LayerSpec:
    """Parse a spec: a string (``"15"``, ``"10,20"``, ``"10:30:2"``, ``"all"``), an int, or a sequence of either
    (repeated ``--layer`` options, a config list). Bad syntax is an :class:`EmprobeError` naming ``what``."""
    items = [spec] if isinstance(spec, (str, int)) else list(spec)
    if not items:
        raise _fail(what, spec, "no layers given")
    parts: list[Part] = []
    texts: list[str] = []
    sources: list[str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            raise _fail(what, item, "not a layer")
        if isinstance(item, int):
            if item < 0:
                raise _fail(what, item, "layers count from 0, a negative number is not a layer")
            parts.append((item, item + 1, 1))
            texts.append(str(item))
            sources.append(str(item))
            continue
        pieces = [p.strip() for p in item.split(",")]
        if not any(pieces):
            raise _fail(what, item, "no layers given")
        for piece in pieces:
            if not piece:
                raise _fail(what, item, "an empty item between commas")
            parts.append(_part(piece, what, item))
            texts.append(piece.lower() if piece.lower() == "all" else piece.replace(" ", ""))
            sources.append(item)
    return LayerSpec(",".join(texts), tuple(parts), tuple(sources))


def base_model_layer_count(base_model: str) -> int | None:
    """The number of decoder layers of a base model (built-in, local dir or HF id in the local cache), read from its
    config without loading weights; None when it cannot be told."""
    from .models.inventory import base_layer_count

    try:
        return base_layer_count(base_model)[2]
    except (OSError, ValueError, KeyError):
        return None


def resolve_layers(spec: SpecInput, n_layers: int | None, *, model: str = "the model",
                   what: str = "--layer") -> list[int]:
    """``parse_layer_spec(spec).layers(n_layers)``: the sorted layers of ``spec``, checked against ``n_layers``."""
    return parse_layer_spec(spec, what=what).layers(n_layers, model=model, what=what)


def config_layers(config) -> list[int]:
    """The config's ``extract.layers`` as ints (a spec such as ``all`` or ``20:`` resolved against the base model's
    layer count, read without loading weights)."""
    layers = config.extract.layers
    n = base_model_layer_count(config.base_model) if isinstance(layers, str) else None
    return config.extract.layer_list(n, config.base_model)
