"""One registry kind for every named family of implementations (experiments, judge and generation backends,
built-in domains, built-in models): names are unique (a second registration under a taken name is an error, not a
silent replacement), lookups of an unknown name list the valid ones, and iteration follows registration order."""
from __future__ import annotations

from typing import Callable, Generic, Iterator, Sequence, TypeVar

from .errors import EmprobeError

T = TypeVar("T")


class Registry(Generic[T]):
    """Named values of one kind; ``kind`` names them in errors ("experiment", "judge backend", ...).

    ``declared``: where a config already checks the names at load time (``config.JUDGE_BACKENDS``), the registry
    accepts only those names, so the list of choices has one home and every implementation belongs to it."""

    def __init__(self, kind: str, declared: Sequence[str] | None = None) -> None:
        self.kind = kind
        self.declared = tuple(declared) if declared is not None else None
        self._items: dict[str, T] = {}

    def add(self, name: str, value: T) -> T:
        """Register ``value`` as ``name``; a name already taken (or not declared) is an :class:`EmprobeError`."""
        if not isinstance(name, str) or not name:
            raise EmprobeError(f"{self.kind} name {name!r}: expected a non-empty string")
        if self.declared is not None and name not in self.declared:
            raise EmprobeError(f"{self.kind} {name!r} is not declared: the config accepts "
                               f"{', '.join(self.declared)}; declare it there first")
        if name in self._items:
            raise EmprobeError(f"{self.kind} {name!r} is registered twice")
        self._items[name] = value
        return value

    def register(self, value: T) -> T:
        """Class decorator: register ``value`` under its ``name`` attribute."""
        return self.add(getattr(value, "name"), value)

    def named(self, name: str) -> Callable[[T], T]:
        """Decorator registering a function (or any value) under ``name``."""
        return lambda value: self.add(name, value)

    def get(self, name: str) -> T:
        """The value registered as ``name``; an unknown name is one line listing the valid ones."""
        if name not in self._items:
            raise EmprobeError(f"unknown {self.kind} {name!r}: valid are {', '.join(self._items) or 'none'}")
        return self._items[name]

    def __getitem__(self, name: str) -> T:
        return self.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> list[str]:
        return list(self._items)

    def missing(self) -> list[str]:
        """Declared names nothing implements (empty once every implementation is registered)."""
        return [n for n in self.declared or () if n not in self._items]

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())

    def values(self) -> list[T]:
        return list(self._items.values())

    def __repr__(self) -> str:
        return f"Registry({self.kind!r}: {', '.join(self._items)})"
