"""Layer specs (``--layer 15``, ``10,20``, ``10:30:2``, ``all``): the parser, the config, the three commands'
parsing (no model runs: the Python API behind each command is replaced), the extraction layer groups and the
layer-curve plot."""
from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from emprobe.cli import cli
from emprobe.config import ExtractConfig, load_experiment
from emprobe.errors import EmprobeError
from emprobe.layers_spec import base_model_layer_count, parse_layer_spec, resolve_layers


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("15", [15]),
        (15, [15]),
        ("10,20", [10, 20]),
        (" 20 , 10 ", [10, 20]),
        (["10", "20"], [10, 20]),
        (["20", 10, "20"], [10, 20]),
        ("10:30:2", list(range(10, 30, 2))),
        ("10:13", [10, 11, 12]),
        ("28:", [28, 29]),
        (":3", [0, 1, 2]),
        ("::10", [0, 10, 20]),
        ("all", list(range(30))),
        ("ALL", list(range(30))),
        ("0:4,all", list(range(30))),
        ("0:30", list(range(30))),
        ("1,0:3:2", [0, 1, 2]),
    ],
)
def test_good_specs(spec, expected):
    assert resolve_layers(spec, 30) == expected


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("5:2", "--layer '5:2': range '5:2' is empty (STOP 2 is excluded"),
        ("5:5", "range '5:5' is empty"),
        ("x", "--layer 'x': layer 'x' is not a whole number"),
        ("1.5", "layer '1.5' is not a whole number"),
        ("-1", "layers count from 0"),
        (-1, "layers count from 0"),
        ("1:4:0", "step 0 in '1:4:0' must be at least 1"),
        ("1:4:x", "step 'x' is not a whole number"),
        ("1:2:3:4", "has more than two ':'"),
        ("", "no layers given"),
        ([], "no layers given"),
        ("1,,2", "an empty item between commas"),
        (["3", "a:4"], "--layer 'a:4': start 'a' is not a whole number"),
        ("30", "--layer '30': layer 30 is out of range: m has 30 layers (valid: 0..29)"),
        ("0:31", "range 0:31 does not fit m, which has 30 layers (valid: layers 0..29, ranges up to STOP 30)"),
        ("30:", "range 30: does not fit m"),
        ("1,40:50:5", "range 40:50:5 does not fit m"),
        (["1", "40:50:5"], "--layer '40:50:5': range 40:50:5 does not fit m"),
        ("3,30", "--layer '3,30': layer 30 is out of range"),
        ([True], "not a layer"),
    ],
)
def test_bad_specs_name_the_value_and_what_is_valid(spec, expected):
    with pytest.raises(EmprobeError) as err:
        resolve_layers(spec, 30, model="m")
    message = str(err.value)
    assert expected in message and "\n" not in message
    assert "START:STOP[:STEP]" in message


def test_open_specs_need_the_layer_count():
    assert parse_layer_spec("all").needs_layer_count and parse_layer_spec("3:").needs_layer_count
    assert not parse_layer_spec("0:4,7").needs_layer_count
    # unchecked without a count (extract checks after loading)
    assert resolve_layers("99,0:4", None) == [0, 1, 2, 3, 99]
    with pytest.raises(EmprobeError, match="cannot tell how many layers big/model has"):
        resolve_layers("all", None, model="big/model")


def test_layer_count_without_loading_weights():
    assert base_model_layer_count("tiny-qwen2") == 4 and base_model_layer_count("smollm2-135m") == 30
    assert base_model_layer_count("no-such-org/no-such-model") is None


# -- the config ------------------------------------------------------------------------------------------------------

def write_config(tmp: Path, layers: str) -> Path:
    path = tmp / "exp.yaml"
    path.write_text(f"name: spec\nbase_model: tiny-qwen2\nruns_dir: {tmp}/runs\nactivations_dir: {tmp}/acts\n"
                    f"extract:\n  layers: {layers}\n")
    return path


@pytest.mark.parametrize(
    "layers, stored, resolved",
    [
        ("[2]", [2], [2]),
        ("2", [2], [2]),
        ("[3, 1]", [3, 1], [3, 1]),  # a list of ints is kept in its order (the first is the default single layer)
        ('"1:3"', [1, 2], [1, 2]),
        ("'0,2'", [0, 2], [0, 2]),
        ("all", "all", [0, 1, 2, 3]),
        ('"2:"', "2:", [2, 3]),
        ('[0, "2:4"]', [0, 2, 3], [0, 2, 3]),
    ],
)
def test_config_layers_take_a_spec(tmp_path, layers, stored, resolved):
    config = load_experiment(write_config(tmp_path, layers))
    assert config.extract.layers == stored
    assert config.extract.layer_list(4) == resolved


@pytest.mark.parametrize(
    "layers, expected",
    [
        ('"5:2"', "extract.layers '5:2': range '5:2' is empty"),
        ("x", "extract.layers 'x': layer 'x' is not a whole number"),
        ("[1, two]", "extract.layers[1]: expected int or a layer spec"),
        ("[-1]", "extract.layers[0] -1: layers count from 0"),
        ("1.5", "extract.layers: expected str or int or list of int or str, got 1.5"),
        ("[]\n  dtype: float64", "extract.dtype 'float64'"),
    ],
)
def test_config_bad_layer_specs(tmp_path, layers, expected):
    path = write_config(tmp_path, layers)
    with pytest.raises(EmprobeError) as err:
        load_experiment(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_config_out_of_range_is_reported_against_the_model():
    with pytest.raises(EmprobeError, match=r"layer 7 is out of range: tiny-qwen2 has 4 layers \(valid: 0..3\)"):
        ExtractConfig(layers=[1, 7]).layer_list(4, "tiny-qwen2")
    assert ExtractConfig().layer_list(4) == []


# -- the commands ------------------------------------------------------------------------------------------------------

class Called(Exception):
    """Raised by the stand-ins once they have recorded their layers (so the commands' printing is not exercised)."""


@pytest.fixture
def calls(monkeypatch):
    """Replace the Python API behind extract, fit-probes and compare-directions; record the layers each gets."""
    seen: dict[str, list] = {}

    def recorder(command):
        def call(config, layers, *args, **kwargs):
            seen[command] = layers
            raise Called(command)
        return call

    import emprobe.activations

    monkeypatch.setattr(emprobe.activations, "run_extract", recorder("extract"))
    fake = types.ModuleType("emprobe.analysis.studies")
    fake.fit_probes, fake.compare_directions = recorder("fit-probes"), recorder("compare-directions")
    monkeypatch.setitem(sys.modules, "emprobe.analysis.studies", fake)
    return seen


COMMANDS = ("extract", "fit-probes", "compare-directions")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "args, expected",
    [
        (["--layer", "2"], [2]),
        (["--layer", "3", "--layer", "1"], [1, 3]),
        (["--layer", "0,2"], [0, 2]),
        (["--layer", "0:4:2"], [0, 2]),
        (["--layer", "1:"], [1, 2, 3]),
        (["--layer", "all"], [0, 1, 2, 3]),
        ([], [1]),  # extract.layers of the config
    ],
)
def test_commands_pass_a_list_of_ints(tmp_path, calls, command, args, expected):
    result = CliRunner().invoke(cli, [command, "--config", str(write_config(tmp_path, "[1]")), *args])
    assert isinstance(result.exception, Called), (result.output, result.exception)
    assert calls[command] == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_config_spec_is_the_default(tmp_path, calls, command):
    result = CliRunner().invoke(cli, [command, "--config", str(write_config(tmp_path, "all"))])
    assert isinstance(result.exception, Called), (result.output, result.exception)
    assert calls[command] == [0, 1, 2, 3]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "args, expected",
    [
        (["--layer", "9"], "layer 9 is out of range: tiny-qwen2 has 4 layers (valid: 0..3)"),
        (["--layer", "0:9"], "range 0:9 does not fit tiny-qwen2, which has 4 layers"),
        (["--layer", "2", "--layer", "5:2"], "--layer '5:2': range '5:2' is empty"),
        (["--layer", "x"], "--layer 'x': layer 'x' is not a whole number"),
    ],
)
def test_commands_reject_bad_specs(tmp_path, calls, command, args, expected):
    result = CliRunner().invoke(cli, [command, "--config", str(write_config(tmp_path, "[1]")), *args])
    assert (isinstance(result.exception, EmprobeError)
            and expected in str(result.exception)), (result.output, result.exception)
    assert command not in calls


def test_steer_default_layer_reads_a_config_spec(tmp_path):
    from emprobe.cli.options import one_layer as _one_layer

    assert _one_layer(load_experiment(write_config(tmp_path, '"2:"')), None) == 2
    assert _one_layer(load_experiment(write_config(tmp_path, "[3, 1]")), None) == 3
    assert _one_layer(load_experiment(write_config(tmp_path, "[3, 1]")), 0) == 0


# -- the layer-curve plot ------------------------------------------------------------------------------------------

def test_layer_curves(tmp_path):
    from emprobe.plots import layer_curves

    def est(v, w=0.05):
        return {"value": v, "ci95": [v - w, v + w]}

    per_layer = {
        "base": {layer: {"auroc": est(0.5 + 0.01 * layer), "cosine": est(0.1)} for layer in range(0, 30, 2)},
        # keys from JSON
        "insecure-code": {str(layer): {"auroc": est(0.6 + 0.01 * layer, 0.1)} for layer in range(0, 30, 2)},
        "odd": {3: {"auroc": {"value": None, "ci95": [None, None]}}, 5: {"auroc": {"value": 0.7, "ci95": [None, 0.8]}}},
    }
    out = layer_curves(per_layer, tmp_path / "plots" / "layers.png", "probe AUROC by layer",
                       chosen={"auroc": 16, "insecure-code": 20})
    assert out == tmp_path / "plots" / "layers.png" and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]
    assert layer_curves({"base": {}}, tmp_path / "empty.png", "nothing").is_file()
