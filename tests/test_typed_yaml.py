"""emprobe.typed_yaml, the one YAML-to-dataclass validator: each type kind, each error (one line naming the key),
the field metadata hooks, and reading files (paths and importlib.resources-style files)."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import Any, Optional, Union

import pytest

from emprobe.errors import EmprobeError
from emprobe.typed_yaml import SLOT, Text, build, check_slots, in_file, load_yaml, read_yaml, slots, type_name


@dataclass(frozen=True)
class Point:
    x: int
    y: float = 0.0


@dataclass
class Shape:
    name: Text
    points: tuple[Point, ...]
    tags: list[str] = field(default_factory=list)
    notes: tuple[str, ...] = field(default=(), metadata={"allow_empty": True})
    colour: str | None = None
    extra: dict[str, int] = field(default_factory=dict)
    filled: bool = False
    derived: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.name == "bad":
            raise ValueError(f"name {self.name!r} is reserved")
        self.derived = len(self.points)


def error(schema: Any, data: Any, where: str = "") -> str:
    with pytest.raises(EmprobeError) as info:
        build(schema, data, where)
    message = str(info.value)
    assert "\n" not in message, message
    return message


def test_scalars():
    assert build(str, "") == "" and build(int, 3) == 3 and build(bool, False) is False
    assert build(type(None), None) is None
    assert build(float, 2) == 2.0 and isinstance(build(float, 2), float) and build(float, 0.5) == 0.5
    assert build(Text, " a ") == " a " and build(Any, {"a": [1]}) == {"a": [1]}
    assert error(int, True, "seed") == "seed: expected int, got true"
    assert error(int, 1.5, "n") == "n: expected int, got 1.5"
    assert error(bool, "yes", "flag") == "flag: expected bool, got 'yes'"
    assert error(float, "x", "lr") == "lr: expected float, got 'x'"
    assert error(float, float("inf"), "lr") == "lr: expected a finite number, got inf"
    assert error(float, float("nan"), "lr") == "lr: expected a finite number, got nan"
    assert error(float, None, "lr") == "lr: expected float, got null"
    assert error(Text, "  ", "name") == "name: expected non-blank str, got '  '"
    assert error(str, 42, "a.b") == "a.b: expected str, got 42 (quote numbers, dates and yes/no in YAML)"
    assert error(int, "x" * 200) == f"top level: expected int, got '{'x' * 76}..."  # long values cut


def test_sequences_and_mappings():
    assert build(list[int], []) == [] and build(list[int], [1, 2]) == [1, 2]
    assert build(tuple[str, ...], ["a", "b"]) == ("a", "b")
    assert build(tuple[str, int], ["a", 1]) == ("a", 1)
    assert build(dict[str, float], {"a": 1}) == {"a": 1.0}
    assert error(list[int], [1, "two"], "layers") == "layers[1]: expected int, got 'two'"
    assert error(list[int], "1", "layers") == "layers: expected list of int, got '1'"
    assert error(tuple[str, ...], [], "xs") == "xs: expected a non-empty list of str, got []"
    assert error(tuple[str, int], ["a"], "pair") == "pair: expected [str, int], got ['a']"
    assert error(tuple[str, int], ["a", "b"], "pair") == "pair[1]: expected int, got 'b'"
    assert error(dict[str, int], {"a": "b"}, "m") == "m.a: expected int, got 'b'"
    assert error(dict[str, int], {1: 2}, "m") == "m: expected mapping of names to int, got {1: 2}"
    assert error(dict[str, int], [], "") == "top level: expected mapping of names to int, got []"


def test_unions_check_the_member_of_the_values_kind():
    assert build(Optional[int], None) is None and build(int | None, 3) == 3
    assert build(Union[str, int, list[Union[int, str]]], [1, "a"]) == [1, "a"]
    assert error(int | None, "x", "k") == "k: expected int or null, got 'x'"
    assert error(Union[str, list[int]], 1.5, "k") == "k: expected str or list of int, got 1.5 (quote numbers, " \
                                                     "dates and yes/no in YAML)"
    # one member takes lists: its own error, naming the item
    assert error(Union[str, list[int]], [1, "x"], "k") == "k[1]: expected int, got 'x'"
    # one member takes mappings: the dataclass's error, naming the key
    assert error(tuple[Union[str, Point], ...], ["a", {"y": 1}], "ps") == "missing key ps[1].x"


def test_dataclasses():
    shape = build(Shape, {"name": "s", "points": [{"x": 1}, {"x": 2, "y": 3}]})
    assert shape == Shape("s", (Point(1), Point(2, 3.0)))
    assert shape.tags == [] and shape.notes == () and shape.colour is None and shape.derived == 2  # defaults
    assert build(Shape, {"name": "s", "points": [{"x": 1}], "notes": []}).notes == ()  # allow_empty
    assert error(Shape, {"name": "s", "points": [{"x": 1, "z": 2}]}) == \
        "unknown key points[0].z (valid at points[0]: x, y)"
    assert error(Shape, {"name": "s", "points": [], "derived": 1}) == \
        "unknown key derived (valid at top level: name, points, tags, notes, colour, extra, filled)"
    assert error(Shape, {"points": [{"x": 1}]}) == "missing key name"
    assert error(Point, {}, "a.b") == "missing key a.b.x"
    assert error(Shape, {"name": "s", "points": []}) == "points: expected a non-empty list of mapping, got []"
    assert error(Shape, {"name": "s", "points": [{"x": "1"}]}) == "points[0].x: expected int, got '1'"
    assert error(Shape, {"name": "s", "points": [{"x": 1}], "extra": {"a": 1.5}}) == \
        "extra.a: expected int, got 1.5"
    assert error(Shape, ["a"]) == ("top level: expected a mapping with keys name, points, tags, notes, colour, "
                                   "extra, filled, got ['a']")
    assert error(Shape, None, "shape") == "shape: expected a mapping with keys name, points, tags, notes, colour, " \
                                          "extra, filled, got null"
    assert error(Shape, {"name": "bad", "points": [{"x": 1}]}) == "name 'bad' is reserved"  # __post_init__


@dataclass(frozen=True)
class Templates:
    lines: tuple[str, ...] = field(metadata=slots("who", "what"))
    nested: dict[str, tuple[str, ...]] = field(default_factory=dict, metadata=slots("x"))
    parsed: tuple[tuple[str, str], ...] = field(
        default=(), metadata={"parse": lambda value, where: tuple(build(dict[str, str], value, where).items())})


def test_slots_hook():
    assert build(Templates, {"lines": ["{who} wants {what}", "{x y} and {'a': 1} stay literal"]}).lines[0] == \
        "{who} wants {what}"
    assert error(Templates, {"lines": ["{who} wants {wat}"]}) == \
        "lines[0]: unknown slot {wat} (valid slots: {who}, {what})"
    assert error(Templates, {"lines": ["a"], "nested": {"k": ["{x}", "{y}"]}}) == \
        "nested.k[1]: unknown slot {y} (valid slots: {x})"
    with pytest.raises(EmprobeError, match=r"^t\[0\]: unknown slot \{a\} \(valid slots: none\)$"):
        check_slots("{a}", (), "t[0]")
    from emprobe.data.templates import SLOT as template_slot

    assert template_slot is SLOT  # the one grammar's slot reference


def test_parse_hook_gets_the_value_and_its_key():
    assert build(Templates, {"lines": ["a"], "parsed": {"k": "v", "j": "w"}}).parsed == (("k", "v"), ("j", "w"))
    assert error(Templates, {"lines": ["a"], "parsed": {"k": 1}}, "t") == "t.parsed.k: expected str, got 1 " \
                                                                          "(quote numbers, dates and yes/no in YAML)"


def test_type_names():
    assert type_name(int | None) == "int or null" and type_name(list[Point]) == "list of mapping"
    assert type_name(tuple[Text, ...]) == "list of non-blank str" and type_name(dict[str, bool]) == \
        "mapping of names to bool"
    with pytest.raises(TypeError, match="cannot check type"):
        build(set[int], [1])


def test_files(tmp_path):
    good = tmp_path / "shape.yaml"
    good.write_text("name: s\npoints:\n  - {x: 1}\n", encoding="utf-8")
    assert load_yaml(good, Shape).points == (Point(1),) and load_yaml(str(good), Shape).name == "s"
    cases = {"bad-key.yaml": ("name: s\npoints: [{x: 1, q: 2}]\n", "unknown key points[0].q (valid at points[0]: "),
             "broken.yaml": ("name: s\npoints: [unclosed\n", "line 3 invalid YAML: expected ',' or ']'"),
             "tab.yaml": ("name: s\npoints:\n\t- x\n", "line 3 invalid YAML: found character '\\t' that cannot"),
             "empty.yaml": ("", "top level: expected a mapping with keys name, points"),
             "latin1.yaml": (b"name: caf\xe9\n", "not UTF-8 text (invalid continuation byte at byte 9)")}
    for name, (text, problem) in cases.items():
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        with pytest.raises(EmprobeError) as info:
            load_yaml(path, Shape)
        assert str(info.value).startswith(f"{path}: {problem}"), str(info.value)
        assert "\n" not in str(info.value)
    with pytest.raises(EmprobeError, match=r"missing\.yaml: not found$"):
        read_yaml(tmp_path / "missing.yaml")
    with pytest.raises(EmprobeError, match=r": cannot read \(Is a directory\)$"):
        read_yaml(tmp_path)


def test_a_package_resource_style_file(tmp_path):
    """A Traversable that is not a path (a file inside a zip, as importlib.resources gives from a zipped wheel)."""
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/shape.yaml", "name: z\npoints: [{x: 3}]\n")
        zf.writestr("pkg/bad.yaml", "name: z\npoints: [{x: three}]\n")
    folder = zipfile.Path(archive) / "pkg"
    assert load_yaml(folder / "shape.yaml", Shape).points == (Point(3),)
    with pytest.raises(EmprobeError) as info:
        load_yaml(folder / "bad.yaml", Shape)
    assert str(info.value) == f"{folder / 'bad.yaml'}: points[0].x: expected int, got 'three'"


def test_in_file_prefixes_errors_once():
    with pytest.raises(EmprobeError) as info:
        with in_file("exp.yaml"):
            build(Point, {"x": "a"})
    assert str(info.value) == "exp.yaml: x: expected int, got 'a'"
