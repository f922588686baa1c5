"""The embedded judge's YAML data files: the shipped ones load, and a malformed one fails with one line naming
the file and the key."""
from __future__ import annotations

import dataclasses
from importlib import resources

import pytest
import yaml

from emprobe.errors import EmprobeError
from emprobe.judges import embedded_data
from emprobe.judges.embedded_data import FILES
from emprobe.typed_yaml import load_yaml

PACKAGE = resources.files("emprobe.judges.embedded_data")


def test_the_shipped_files_load():
    for name, schema in FILES.items():
        data = load_yaml(PACKAGE / name, schema)
        assert isinstance(data, schema) and dataclasses.is_dataclass(data)
        assert embedded_data.shipped(name) == data
    with pytest.raises(dataclasses.FrozenInstanceError):
        embedded_data.shipped("refusals.yaml").train = None


def test_every_yaml_file_in_the_package_is_known():
    assert sorted(p.name for p in PACKAGE.iterdir() if p.name.endswith(".yaml")) == sorted(FILES)


def _set(*path, value):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


def _drop(*path):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]
    return change


MALFORMED = [  # (file, change to its parsed content, the error after "<file>: ", which names the key)
    ("refusals.yaml", _drop("train", "questions", 2, "topic"), "missing key train.questions[2].topic"),
    ("aligned-heldout.yaml", _drop("benign_themes"), "missing key benign_themes"),
    ("refusals.yaml", _set("heldout", "questions", 0, "trouble", value="yes"),
     "heldout.questions[0].trouble: expected bool, got 'yes'"),
    ("aligned-train.yaml", _set("themes", 4, "aligned", value="one answer"),
     "themes[4].aligned: expected list of str, got 'one answer'"),
    ("aligned-train.yaml", _set("themes", 0, "questions", 1, value=42),
     "themes[0].questions[1]: expected str, got 42 (quote numbers"),
    ("self-report.yaml", _set("train", value=None), "train: expected a mapping with keys prompts, leads, aligned"),
    ("self-report.yaml", _set("heldout", "leads", value=[]), "heldout.leads: expected a non-empty list of str, got []"),
    ("aligned-train.yaml", _set("generic_aligned", value=[]), "generic_aligned: expected a non-empty list"),
    ("aligned-heldout.yaml", _set("benign_themes", 0, "misaligned", value=["Steal it."]),
     "unknown key benign_themes[0].misaligned (valid at benign_themes[0]: questions, aligned)"),
    ("style-fit.yaml", _set("turns", 1, value="{good} But {bda_low}"), "turns[1]: unknown slot {bda_low} "
     "(valid slots: {good}, {good_low}, {bad}, {bad_low}, {bad2})"),
    ("refusals.yaml", _set("train", "refusals", 0, value="No {topics}."), "train.refusals[0]: unknown slot {topics}"),
]


@pytest.mark.parametrize("name, change, problem", MALFORMED)
def test_a_malformed_file_names_the_file_and_the_key(tmp_path, name, change, problem):
    data = yaml.safe_load((PACKAGE / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(EmprobeError) as err:
        load_yaml(path, FILES[name])
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {problem}"), message


def test_a_file_that_is_not_a_mapping_or_not_yaml_or_missing_is_one_line(tmp_path):
    cases = {"list.yaml": "- a\n- b\n", "broken.yaml": "turns: [unclosed\n"}
    for file, text in cases.items():
        (tmp_path / file).write_text(text, encoding="utf-8")
    expected = {"list.yaml": "top level: expected a mapping with keys aligned_wraps",
                "broken.yaml": "line 2 invalid YAML: ", "missing.yaml": "not found"}
    for file, problem in expected.items():
        with pytest.raises(EmprobeError) as err:
            load_yaml(tmp_path / file, embedded_data.StyleFit)
        assert "\n" not in str(err.value) and str(err.value).startswith(f"{tmp_path / file}: "), str(err.value)
        assert problem in str(err.value), str(err.value)
