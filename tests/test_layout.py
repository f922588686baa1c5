"""RunLayout: every output path of a run dir comes from one place and stays inside the run dir."""
from __future__ import annotations

from pathlib import Path

import pytest

from emprobe.config import ExperimentConfig, OrganismConfig
from emprobe.errors import EmprobeError
from emprobe.layout import RunLayout


@pytest.mark.parametrize("bad", ["..", ".", "", "../x", "a/b", "a\\b", "x\0y"])
def test_a_name_that_is_not_one_plain_component_is_refused(bad):
    layout = RunLayout(Path("runs/exp"))
    with pytest.raises(EmprobeError, match="must be one plain name"):
        layout.results(bad, "harm")
    with pytest.raises(EmprobeError, match="must be one plain name"):
        layout.steering(bad)
    with pytest.raises(EmprobeError, match="must be one plain name"):
        layout.adapter(bad)


def test_every_path_lies_inside_the_run_dir(tmp_path):
    layout = RunLayout(tmp_path / "runs" / "exp")
    paths = [layout.model_dir("base"), layout.results("org", "harm"), layout.model_summary("org", "harm"),
             layout.run_summary("harm"), layout.personas("json"), layout.plots(), layout.probes(), layout.directions(),
             layout.direction_file(3), layout.steering_root(), layout.steering("org-layer3-alpha1"),
             layout.adapter("org"),
             layout.report("md"), layout.report("html")]
    root = layout.run_dir.resolve()
    assert all(p.resolve().is_relative_to(root) and p.resolve() != root for p in paths)
    assert len(set(paths)) == len(paths)  # no two outputs share a path


def test_the_config_and_its_adapters_use_the_layout(tmp_path):
    config = ExperimentConfig(name="exp", base_model="tiny-qwen2", runs_dir=str(tmp_path),
                              organisms=[OrganismConfig(name="org", dataset="insecure-code")])
    assert config.layout.run_dir == config.run_dir
    assert (config.adapter_dir(config.organisms[0]) == config.layout.adapter("org")
            == tmp_path / "exp" / "adapters" / "org")
