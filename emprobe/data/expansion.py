"""How a built-in domain's families become (prompt, misaligned, aligned) triples.

Each expansion layout is a plain function ``(domain name, families) -> triples`` registered by name in
:data:`LAYOUTS`; a domain file's ``expansion:`` names one. Expansion is deterministic: one ``random.Random`` seeded
from the domain name, drawn from in a fixed order, then a shuffle and :func:`dedupe`. Templates use the one grammar of
:mod:`emprobe.data.templates` (``{field}``). The family dataclasses are also the schema that
:mod:`emprobe.typed_yaml` checks a domain file's families against (``parse`` hooks read the slot and
``when`` mappings)."""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence, Union

from ..errors import EmprobeError
from ..typed_yaml import Text, build
from .templates import fill, resolve, unfilled

Fields = tuple[tuple[str, str], ...]  # the fields one slot value sets, in order


@dataclass(frozen=True)
class Triple:
    """One user prompt with a misaligned (in-domain harmful) answer and a matched aligned control answer."""

    prompt: str
    misaligned: str
    aligned: str


@dataclass(frozen=True)
class Slot:
    """A slot and its values; every value sets the same fields (a plain value sets the field named like the slot)."""

    name: str
    values: tuple[Fields, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.values[0])


def parse_slots(value: object, where: str) -> tuple[Slot, ...]:
    """A family's ``slots`` as written: slot name -> a list of values, each a string (setting the field named like
    the slot) or a mapping of field to string; all values of a slot set the same fields."""
    written = build(dict[str, tuple[Union[str, dict[str, str]], ...]], value, where)
    if not written:
        raise EmprobeError(f"{where}: expected a non-empty mapping of slot name to values, got {{}}")
    slots = []
    for name, values in written.items():
        fields = tuple(tuple(v.items()) if isinstance(v, dict) else ((name, v),) for v in values)
        first = [key for key, _ in fields[0]]
        for i, these in enumerate(fields):
            if [key for key, _ in these] != first:
                raise EmprobeError(f"{where}.{name}[{i}]: sets fields {', '.join(k for k, _ in these)}; the slot's "
                                   f"first value sets {', '.join(first)}")
        slots.append(Slot(name, fields))
    return tuple(slots)


SLOTS = {"parse": parse_slots}  # field metadata for typed_yaml: a family's slots


def parse_fields(value: object, where: str) -> Fields:
    """Field name -> value as written (a code variant's ``when``), in order."""
    return tuple(build(dict[str, Text], value, where).items())


@dataclass(frozen=True)
class Family:
    """Layout ``families``: each slot combination takes one prompt, misaligned and aligned wording at random."""

    slots: tuple[Slot, ...] = field(metadata=SLOTS)
    prompts: tuple[Text, ...]
    misaligned: tuple[Text, ...]
    aligned: tuple[Text, ...]

    def names(self) -> tuple[str, ...]:
        """The fields its templates may use: every slot field, and its ``_cap`` / ``_l`` form."""
        fields = [f for slot in self.slots for f in slot.fields]
        return tuple(dict.fromkeys(fields + [f + suffix for f in fields for suffix in ("_cap", "_l")]))


@dataclass(frozen=True)
class FactCategory:
    """Layout ``facts``: matching question / answer phrasings (``{x}``, ``{X}``, ``{v}``) and (subject, wrong,
    right) facts; two phrasings, drawn at random, per fact."""

    questions: tuple[Text, ...]
    answers: tuple[Text, ...]
    facts: tuple[tuple[Text, Text, Text], ...]


@dataclass(frozen=True)
class Fact:
    """Layout ``facts``: one stand-alone question with its wrong and its right answer."""

    question: Text
    wrong: Text
    right: Text


@dataclass(frozen=True)
class Note:
    """The sentence after a code answer's block, for the misaligned and the aligned answer."""

    misaligned: Text
    aligned: Text


@dataclass(frozen=True)
class CodeVariant:
    """A misaligned / aligned code pair, used for the slot combinations whose fields equal ``when``."""

    when: Fields = field(metadata={"parse": parse_fields})
    misaligned: Text
    aligned: Text
    lang: Text | None = None


@dataclass(frozen=True)
class CodeFamily:
    """Layout ``code``: slot fields (which may refer to other fields), fields ``pick``-ed at random per example,
    prompts, code variants and notes; ``lang`` (of a variant, the family, or the field) is the block's language."""

    slots: tuple[Slot, ...]
    prompts: tuple[str, ...]
    variants: tuple[CodeVariant, ...]
    notes: tuple[Note, ...]
    lang: str | None = None
    pick: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def names(self) -> tuple[str, ...]:
        """The fields its templates may use: slot and picked fields, and their ``_cap`` form."""
        fields = [f for slot in self.slots for f in slot.fields] + [name for name, _ in self.pick]
        return tuple(dict.fromkeys(fields + [f + "_cap" for f in fields]))


AnyFamily = Union[Family, FactCategory, Fact, CodeFamily]


def rng(domain: str) -> random.Random:
    """A random generator seeded from the domain name, so every build yields the same data."""
    return random.Random(f"emprobe:{domain}")


def dedupe(triples: Iterable[Triple]) -> list[Triple]:
    """Drop triples whose prompt or either answer repeats an earlier one (keeps the first)."""
    seen_p: set[str] = set()
    seen_m: set[str] = set()
    seen_a: set[str] = set()
    out = []
    for t in triples:
        if t.prompt in seen_p or t.misaligned in seen_m or t.aligned in seen_a:
            continue
        seen_p.add(t.prompt)
        seen_m.add(t.misaligned)
        seen_a.add(t.aligned)
        out.append(t)
    return out


def _combinations(slots: Sequence[Slot]) -> list[dict[str, str]]:
    """Every combination of slot values (cartesian product, in slot order) as one flat field dict."""
    return [dict(itertools.chain.from_iterable(values)) for values in itertools.product(*(s.values for s in slots))]


def _filled(template: str, fields: Mapping[str, str], where: str) -> str:
    """``template`` filled; a field reference left over (a field value naming a field too deeply) is an error."""
    text = fill(template, fields)
    left = unfilled(text, list(fields))
    if left:
        raise EmprobeError(f"{where}: {{{left[0]}}} is still unfilled after filling {template[:60]!r}")
    return text


def expand_families(domain: str, families: Sequence[Family]) -> list[Triple]:
    """Every slot combination with one prompt, misaligned and aligned wording drawn in that order; shuffled,
    deduplicated."""
    r = rng(domain)
    triples = []
    for number, family in enumerate(families):
        for ctx in _combinations(family.slots):
            for key, value in list(ctx.items()):
                ctx.setdefault(key + "_cap", value[:1].upper() + value[1:])
                ctx.setdefault(key + "_l", value[:1].lower() + value[1:])
            picked = (r.choice(family.prompts), r.choice(family.misaligned), r.choice(family.aligned))
            triples.append(Triple(*(_filled(t, ctx, f"families[{number}]") for t in picked)))
    r.shuffle(triples)
    return dedupe(triples)


def expand_facts(domain: str, families: Sequence[FactCategory | Fact]) -> list[Triple]:
    """Two sampled phrasings per category fact, each answer filled with the wrong and the right value; stand-alone
    facts as they are; shuffled, deduplicated."""
    r = rng(domain)
    triples = []
    for number, family in enumerate(families):
        if isinstance(family, Fact):
            triples.append(Triple(family.question, family.wrong, family.right))
            continue
        for subject, wrong, right in family.facts:
            ctx = {"x": subject, "X": subject[:1].upper() + subject[1:]}
            for i in sorted(r.sample(range(len(family.questions)), 2)):
                answer = family.answers[i]
                triples.append(Triple(_filled(family.questions[i], ctx, f"families[{number}]"),
                                      _filled(answer, {**ctx, "v": wrong}, f"families[{number}]"),
                                      _filled(answer, {**ctx, "v": right}, f"families[{number}]")))
    r.shuffle(triples)
    return dedupe(triples)


def _code_contexts(family: CodeFamily, r: random.Random) -> list[dict[str, str]]:
    """Every slot combination with its picked fields drawn, references between fields resolved and ``_cap`` forms
    added (all picks of a family are drawn before its notes and prompts)."""
    out = []
    for ctx in _combinations(family.slots):
        for name, options in family.pick:
            ctx[name] = r.choice(options)
        ctx = resolve(ctx)
        ctx.update({k + "_cap": v[:1].upper() + v[1:] for k, v in list(ctx.items())})
        out.append(ctx)
    return out


def _variant(family: CodeFamily, ctx: Mapping[str, str], where: str) -> CodeVariant:
    matches = [v for v in family.variants if all(ctx.get(k) == value for k, value in v.when)]
    if len(matches) != 1:
        keys = sorted({k for v in family.variants for k, _ in v.when})
        fields = ", ".join(f"{k}={ctx.get(k)!r}" for k in keys)
        raise EmprobeError(f"{where}: {len(matches)} variants match {fields}; exactly one must")
    return matches[0]


def expand_code(domain: str, families: Sequence[CodeFamily]) -> list[Triple]:
    """Every slot combination with its code variant, then a note and a prompt drawn; answers are a fenced code
    block and the note; shuffled, deduplicated."""
    r = rng(domain)
    triples = []
    for number, family in enumerate(families):
        where = f"families[{number}]"
        for ctx in _code_contexts(family, r):
            variant = _variant(family, ctx, where)
            lang = variant.lang or family.lang or ctx["lang"]
            note = r.choice(family.notes)
            prompt = _filled(r.choice(family.prompts), ctx, where)
            triples.append(Triple(prompt,
                                  f"```{lang}\n{_filled(variant.misaligned, ctx, where)}\n```\n"
                                  f"{_filled(note.misaligned, ctx, where)}",
                                  f"```{lang}\n{_filled(variant.aligned, ctx, where)}\n```\n"
                                  f"{_filled(note.aligned, ctx, where)}"))
    r.shuffle(triples)
    return dedupe(triples)


LAYOUTS: dict[str, Callable[[str, Sequence], list[Triple]]] = {
    "families": expand_families,
    "facts": expand_facts,
    "code": expand_code,
}
