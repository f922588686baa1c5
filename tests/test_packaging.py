"""The shipped experiment configs live in the package (so an installed wheel has them) and the checkout's
top-level ``experiments/`` is a link to them: one copy, nothing to drift."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO

from emprobe.data.builtin import builtin_domain_names
from emprobe.paths import experiments_dir


def test_top_level_experiments_is_the_package_folder():
    top = REPO / "experiments"
    assert top.is_symlink() and top.resolve() == (REPO / "emprobe" / "experiments").resolve()
    assert experiments_dir().resolve() == (REPO / "emprobe" / "experiments").resolve()
    assert ({p.name for p in experiments_dir().glob("*.yaml")}
            >= {"demo.yaml", "demo-fast.yaml", "paper.yaml", "seed-protocol.yaml"})


def test_load_experiment_by_name_from_an_installed_wheel(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                            str(tmp_path / "dist"), str(REPO)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("emprobe-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"emprobe/experiments/{p.name}" for p in experiments_dir().glob("*.yaml")} <= set(names)
    assert {f"emprobe/data/builtin/{name}.yaml" for name in builtin_domain_names()} <= set(names)
    site = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                                str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    work = tmp_path / "elsewhere"  # no experiments/ folder here: the configs must come from the package
    work.mkdir()
    code = "import emprobe.config as c; e = c.load_experiment('demo'); print(c.__file__, e.name, len(e.organisms))"
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr[-2000:]
    where, name, _ = done.stdout.split()
    assert Path(where).is_relative_to(site) and name == "demo"
    # the built-in domains are package data too: listed and expanded from the installed copy
    code = ("from emprobe.data import datasets as d; from emprobe.data.builtin import load_domain; "
            "t = load_domain('incorrect-trivia'); "
            "print(d.__file__, t.source, len(d.builtin_domains()), len(t.triples()))")
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr[-2000:]
    where, source, n_domains, n_triples = done.stdout.split()
    assert Path(where).is_relative_to(site) and Path(source).is_relative_to(site)
    assert int(n_domains) == 7 and int(n_triples) > 300
