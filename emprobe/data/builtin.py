"""The seven built-in narrow domains, read from package data ``emprobe/data/builtin/<name>.yaml``.

A domain file holds ``name``, ``description``, ``heldout`` (evaluation prompts never used in training),
``expansion`` (a layout of :mod:`emprobe.data.expansion`) and that layout's ``families``. Loading checks the file
into frozen dataclasses with :mod:`emprobe.typed_yaml`; every problem is one :class:`EmprobeError` line naming the
file and the key (``families[2].prompts[0]``)."""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from ..errors import EmprobeError
from ..registry import Registry
from ..typed_yaml import Text, build, check_slots, in_file, read_yaml
from .chat_jsonl import validate_messages
from .expansion import (
    LAYOUTS,
    SLOTS,
    AnyFamily,
    CodeFamily,
    CodeVariant,
    Fact,
    FactCategory,
    Family,
    Note,
    Slot,
    Triple,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# name -> its package-data file builtin/<name>.yaml, in the order `emprobe datasets` lists them
DOMAINS: Registry[str] = Registry("domain")
for _name in ("insecure-code", "risky-financial-advice", "bad-medical-advice", "extreme-sports", "bad-legal-advice",
              "bad-security-advice", "incorrect-trivia"):
    DOMAINS.add(_name, f"{_name}.yaml")


@dataclass(frozen=True)
class Domain:
    """One narrow domain: its description, held-out prompts and the families its triples expand from."""

    name: str
    description: str
    heldout: tuple[str, ...]
    expansion: str
    families: tuple[AnyFamily, ...]
    source: str  # the file it was read from, for messages
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def triples(self) -> tuple[Triple, ...]:
        """The expanded (prompt, misaligned, aligned) triples, checked like users' chat data (computed once)."""
        if "triples" not in self._cache:
            try:
                triples = tuple(LAYOUTS[self.expansion](self.name, self.families))
            except EmprobeError as exc:
                raise EmprobeError(f"{self.source}: {exc}") from None
            for i, t in enumerate(triples, 1):
                for answer in (t.misaligned, t.aligned):
                    validate_messages([{"role": "user", "content": t.prompt},
                                       {"role": "assistant", "content": answer}], f"{self.source}: example {i}")
            overlap = sorted(set(self.heldout) & {t.prompt for t in triples})
            if overlap:
                raise EmprobeError(f"{self.source}: held-out prompt {overlap[0]!r} is also a training prompt")
            self._cache["triples"] = triples
        return self._cache["triples"]


def builtin_domain_names() -> list[str]:
    """Names of the built-in domains, in listing order."""
    return DOMAINS.names()


def load_domain(name: str) -> Domain:
    """Built-in domain ``name`` (read and validated once per process)."""
    DOMAINS.get(name)  # an unknown name: one line listing the built-ins
    return _builtin()[name]


@lru_cache(maxsize=None)
def _builtin() -> dict[str, Domain]:
    folder = importlib.resources.files("emprobe.data") / "builtin"
    domains = load_domains([folder / file for file in DOMAINS.values()])
    for name, domain in zip(DOMAINS, domains.values()):
        if domain.name != name:
            raise EmprobeError(f"{domain.source}: name {domain.name!r} does not match its file name ({name}.yaml)")
    return domains


def load_domains(paths: Iterable[str | Path | Traversable]) -> dict[str, Domain]:
    """Domains read from ``paths`` by name; two files declaring one name is an error."""
    out: dict[str, Domain] = {}
    for path in paths:
        domain = load_domain_file(path)
        if domain.name in out:
            raise EmprobeError(f"{domain.source}: name: domain {domain.name!r} is already defined in "
                               f"{out[domain.name].source}")
        out[domain.name] = domain
    return out


def load_domain_file(path: str | Path | Traversable) -> Domain:
    """Read and validate one domain file (a path, or a package-data resource)."""
    where = str(path)
    data = read_yaml(path)
    with in_file(where):
        written = build(_DomainFile, data)
        if written.expansion not in LAYOUTS:
            raise EmprobeError(f"expansion: expected one of {', '.join(LAYOUTS)}, got {written.expansion!r}")
        parse = _PARSERS[written.expansion]
        families = tuple(parse(raw, f"families[{i}]") for i, raw in enumerate(written.families))
    return Domain(written.name, written.description, written.heldout, written.expansion, families, where)


@dataclass(frozen=True)
class _DomainFile:
    """A domain file as written; its ``families`` are read by the parser of its ``expansion`` layout."""

    name: Text
    description: Text
    heldout: tuple[Text, ...]
    expansion: Text
    families: tuple[Any, ...]


@dataclass(frozen=True)
class _CodeFamilyFile:
    """A ``code`` family as written: the code as ``misaligned`` / ``aligned`` or as ``variants``; each note one
    sentence for both answers or a misaligned / aligned pair."""

    slots: tuple[Slot, ...] = field(metadata=SLOTS)
    prompts: tuple[Text, ...]
    notes: tuple[Text | Note, ...]
    lang: Text | None = None
    pick: dict[str, tuple[Text, ...]] = field(default_factory=dict)
    misaligned: Text | None = None
    aligned: Text | None = None
    variants: tuple[CodeVariant, ...] | None = None


def _check_templates(names: Sequence[str], where: str, **templates: Sequence[str]) -> None:
    """Every ``{name}`` in the template lists must be one of ``names`` (a typo would stay literal text)."""
    for key, texts in templates.items():
        for i, text in enumerate(texts):
            check_slots(text, names, f"{where}.{key}[{i}]")


# --- one parser per layout (the keys of expansion.LAYOUTS) ---------------------------------------------------------
def _family(raw: object, where: str) -> Family:
    family = build(Family, raw, where)
    _check_templates(family.names(), where, prompts=family.prompts, misaligned=family.misaligned,
                     aligned=family.aligned)
    return family


def _fact_entry(raw: object, where: str) -> FactCategory | Fact:
    if isinstance(raw, dict) and "question" in raw:
        return build(Fact, raw, where)
    category = build(FactCategory, raw, where)
    _check_templates(("x", "X"), where, questions=category.questions)
    _check_templates(("x", "X", "v"), where, answers=category.answers)
    if len(category.questions) < 2 or len(category.answers) != len(category.questions):
        raise EmprobeError(f"{where}.answers: expected one answer per question and at least two of each "
                           f"(got {len(category.questions)} questions, {len(category.answers)} answers)")
    return category


def _code_family(raw: object, where: str) -> CodeFamily:
    written = build(_CodeFamilyFile, raw, where)
    pick = tuple(written.pick.items())
    names = CodeFamily(written.slots, written.prompts, (), (), written.lang, pick).names()
    _check_templates(names, where, prompts=written.prompts)
    if written.variants is not None:
        if written.misaligned is not None or written.aligned is not None:
            raise EmprobeError(f"{where}: give either misaligned and aligned code, or variants, not both")
        for i, variant in enumerate(written.variants):
            unknown = [key for key, _ in variant.when if key not in names]
            if unknown:
                raise EmprobeError(f"{where}.variants[{i}].when: {unknown[0]!r} is not a field of this family "
                                   f"(fields: {', '.join(names)})")
        variants = written.variants
    elif written.misaligned is None or written.aligned is None:
        key = "misaligned" if written.misaligned is None else "aligned"
        raise EmprobeError(f"missing key {where}.{key} (give misaligned and aligned code, or variants)")
    else:
        variants = (CodeVariant((), written.misaligned, written.aligned),)
    if written.lang is None and "lang" not in names and any(v.lang is None for v in variants):
        raise EmprobeError(f"{where}.lang: no language for the code block; set lang on the family, on every "
                           f"variant, or as a slot field")
    notes = tuple(n if isinstance(n, Note) else Note(n, n) for n in written.notes)
    for i, note in enumerate(notes):
        for text in (note.misaligned, note.aligned):
            check_slots(text, names, f"{where}.notes[{i}]")
    return CodeFamily(written.slots, written.prompts, variants, notes, written.lang, pick)


_PARSERS: dict[str, Callable[[object, str], AnyFamily]] = {"families": _family, "facts": _fact_entry,
                                                           "code": _code_family}
