"""Typed YAML: parsed YAML checked into dataclasses, every problem one line naming the key.

The one validator of the package's YAML (experiment configs, built-in domains, the embedded judge's data). Errors
are :class:`EmprobeError` worded ``unknown key a.b.c (valid at a.b: x, y)``, ``missing key a.b`` or
``a.b: expected <type>, got <value>``; read from a file (:func:`load_yaml`), they start with ``<file>: ``.

Types: dataclasses (defaults honoured; a ``ValueError`` from ``__post_init__`` becomes the error), ``tuple[X, ...]``
(a non-empty list unless the field's metadata has ``allow_empty``), ``tuple[X, Y]`` (a list of exactly those),
``list[X]``, ``dict[str, X]``, unions (``X | None``), ``str``, :data:`Text` (a str that is not blank), ``int`` (not
bool), ``float`` (finite; ints accepted), ``bool`` and ``Any`` (taken as it is). Field metadata hooks: ``slots``
(:func:`slots`: the field's strings are templates that may use only these ``{name}`` slots) and ``parse``
(``parse(value, key)`` builds the field instead, for shapes that need custom code)."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import math
import re
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterator, Mapping, Sequence, TypeVar, Union

from .errors import EmprobeError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# A slot reference of the one template grammar (emprobe.data.templates): ``{name}``.
SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NOT_BLANK = "not blank"
Text = Annotated[str, _NOT_BLANK]  # a string with more than whitespace in it
_T = TypeVar("_T")


def slots(*names: str) -> dict[str, tuple[str, ...]]:
    """Field metadata: the field's strings are templates that may use only these ``{name}`` slots."""
    return {"slots": names}


def check_slots(template: str, names: Sequence[str], where: str) -> None:
    """Every ``{name}`` in ``template`` must be one of ``names`` (a typo would otherwise stay literal text)."""
    unknown = [m.group(1) for m in SLOT.finditer(template) if m.group(1) not in names]
    if unknown:
        raise EmprobeError(f"{_at(where)}: unknown slot {{{unknown[0]}}} "
                           f"(valid slots: {', '.join('{' + n + '}' for n in names) or 'none'})")


def load_yaml(source: str | Path | Traversable, schema: type[_T]) -> _T:
    """The YAML file ``source`` (a path or an ``importlib.resources`` file) checked into ``schema``."""
    data = read_yaml(source)
    with in_file(source):
        return build(schema, data)


def read_yaml(source: str | Path | Traversable) -> Any:
    """The parsed YAML of ``source``; an unreadable file or invalid YAML is one line naming the file (and line)."""
    import yaml

    path = Path(source) if isinstance(source, str) else source
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EmprobeError(f"{source}: not found") from None
    except OSError as exc:
        raise EmprobeError(f"{source}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise EmprobeError(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            return yaml.load(text, Loader=yaml.SafeLoader)  # slower, but its message is the more precise one
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise EmprobeError(f"{source}:{line} invalid YAML: {problem}") from None


@contextlib.contextmanager
def in_file(source: object) -> Iterator[None]:
    """Prefix every :class:`EmprobeError` raised inside with ``<source>: ``."""
    try:
        yield
    except EmprobeError as exc:
        raise EmprobeError(f"{source}: {exc}") from None


def build(schema: Any, data: Any, where: str = "") -> Any:
    """``data`` (parsed YAML) checked against the type ``schema``, dataclasses built; ``where`` is its key path."""
    return _check(schema, data, where, {})


def type_name(tp: Any) -> str:
    """How an error names the type ``tp``: ``int``, ``list of str``, ``mapping``, ``str or null``, ..."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:
        return "non-blank str" if _NOT_BLANK in args[1:] else type_name(args[0])
    if origin in (Union, types.UnionType):
        return " or ".join(type_name(a) for a in args)
    if origin is list or origin is tuple and args[-1:] == (Ellipsis,):
        return f"list of {type_name(args[0])}"
    if origin is tuple:
        return f"[{', '.join(type_name(a) for a in args)}]"
    if origin is dict:
        return f"mapping of names to {type_name(args[1])}"
    if dataclasses.is_dataclass(tp):
        return "mapping"
    if tp is Any:
        return "any value"
    return "null" if tp is type(None) else getattr(tp, "__name__", str(tp))


# --- the checks ------------------------------------------------------------------------------------------------------
def _at(where: str) -> str:
    return where or "top level"


def _key(where: str, name: object) -> str:
    return f"{where}.{name}" if where else str(name)


def _shown(value: Any) -> str:
    """``value`` as an error quotes it: YAML's words for null and booleans, long values cut."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _wants_text(tp: Any) -> bool:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return any(_wants_text(a) for a in typing.get_args(tp))
    return _base(tp) is str


def _wrong(tp: Any, value: Any, where: str, expected: str = "") -> EmprobeError:
    hint = ""
    if isinstance(value, (bool, int, float, datetime.date)) and _wants_text(tp):
        hint = " (quote numbers, dates and yes/no in YAML)"
    return EmprobeError(f"{_at(where)}: expected {expected or type_name(tp)}, got {_shown(value)}{hint}")


def _base(tp: Any) -> Any:
    """``tp`` without ``Annotated``."""
    return typing.get_args(tp)[0] if typing.get_origin(tp) is Annotated else tp


def _takes(tp: Any, value: Any) -> bool:
    """Whether ``value``'s YAML kind (mapping, list, string, number, boolean, null) is the kind ``tp`` holds."""
    tp = _base(tp)
    origin = typing.get_origin(tp) or tp
    if tp is Any:
        return True
    if isinstance(value, dict):
        return origin is dict or dataclasses.is_dataclass(tp)
    if isinstance(value, list):
        return origin in (list, tuple)
    if isinstance(value, bool):
        return tp is bool
    if isinstance(value, (int, float)):
        return tp is float or tp is int and isinstance(value, int)
    return tp is str if isinstance(value, str) else value is None and tp is type(None)


def _check(tp: Any, value: Any, where: str, meta: Mapping[str, Any]) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any:
        return value
    if origin is Annotated:
        if _NOT_BLANK in args[1:] and not (isinstance(value, str) and value.strip()):
            raise _wrong(tp, value, where)
        return _check(args[0], value, where, meta)
    if origin in (Union, types.UnionType):
        return _union(tp, value, where, meta)
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, value, where)
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise _wrong(tp, value, where)
        return {k: _check(args[1], v, _key(where, k), meta) for k, v in value.items()}
    if origin in (list, tuple):
        return _sequence(tp, value, where, meta)
    if tp is float:
        if not _takes(float, value):
            raise _wrong(tp, value, where)
        if not math.isfinite(value):
            raise _wrong(tp, value, where, "a finite number")
        return float(value)
    if tp in (int, bool, str, type(None)):
        if not _takes(tp, value):
            raise _wrong(tp, value, where)
        if tp is str and meta.get("slots") is not None:
            check_slots(value, meta["slots"], where)
        return value
    raise TypeError(f"typed_yaml cannot check type {tp!r} (at {_at(where)})")


def _sequence(tp: Any, value: Any, where: str, meta: Mapping[str, Any]) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if not isinstance(value, list):
        raise _wrong(tp, value, where)
    if origin is list or args[-1:] == (Ellipsis,):
        if origin is tuple and not value and not meta.get("allow_empty"):
            raise _wrong(tp, value, where, f"a non-empty {type_name(tp)}")
        items = [_check(args[0], v, f"{where}[{i}]", meta) for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if len(value) != len(args):
        raise _wrong(tp, value, where)
    return tuple(_check(a, v, f"{where}[{i}]", meta) for i, (a, v) in enumerate(zip(args, value)))


def _union(tp: Any, value: Any, where: str, meta: Mapping[str, Any]) -> Any:
    """The first member of the value's kind that takes it; when none does, the first such member's error."""
    members = [a for a in typing.get_args(tp) if _takes(a, value)]
    if not members:
        raise _wrong(tp, value, where)
    first = None
    for member in members:
        try:
            return _check(member, value, where, meta)
        except EmprobeError as exc:
            first = first or exc
    raise first


@functools.lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, Any]]:
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    return fields, typing.get_type_hints(cls, include_extras=True)


def _dataclass(cls: type, data: Any, where: str) -> Any:
    fields, hints = _fields(cls)
    if not isinstance(data, dict):
        raise _wrong(cls, data, where, f"a mapping with keys {', '.join(fields)}")
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise EmprobeError(f"unknown key {_key(where, unknown[0])} (valid at {_at(where)}: {', '.join(fields)})")
    missing = [name for name, f in fields.items() if name not in data
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise EmprobeError(f"missing key {_key(where, missing[0])}")
    kwargs = {}
    for name, value in data.items():
        meta, key = fields[name].metadata, _key(where, name)
        kwargs[name] = meta["parse"](value, key) if "parse" in meta else _check(hints[name], value, key, meta)
    try:
        return cls(**kwargs)
    except ValueError as exc:  # a rule of its __post_init__
        raise EmprobeError(str(exc)) from None
