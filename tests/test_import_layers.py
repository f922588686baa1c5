"""The package layout is the pipeline: nothing imports from a later stage (models → data → train →
generate/judge → experiments → activations → analysis → report → cli), statically or inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "emprobe"
# The foundation every stage may use: errors, paths and locks, the run layout, provenance, stores, endpoint
# retries, the answer labels, the statistics and plotting, the YAML-to-dataclass validator. The experiment spec
# (config and its --layer grammar) comes after data, whose dataset specs and question sets it validates.
# __init__ is the public facade: it names the API of every stage but imports each lazily (importlib, on first use)
FOUNDATION = {"__init__", "__version__", "errors", "paths", "layout", "locking", "provenance", "store", "endpoint",
              "labels", "registry", "resume", "stats", "plots", "typed_yaml"}
STAGES = [
    {"models"},
    {"data"},
    {"config", "layers_spec", "experiments"},
    {"train"},
    {"generate", "tracing", "intervene", "direction", "organisms", "readout", "judges", "serving"},
    {"behavioral"},
    {"activations"},
    {"analysis"},
    {"report"},
    {"demo", "cli"},
]


def stage_of(unit: str) -> int:
    if unit in FOUNDATION:
        return -1
    for k, units in enumerate(STAGES):
        if unit in units:
            return k
    raise AssertionError(f"emprobe/{unit} belongs to no stage: add it to tests/test_import_layers.py")


def imports(path: Path, package: Path = PACKAGE) -> list[tuple[str, int]]:
    """(first-level unit imported, line) for every emprobe import in ``path``, relative or absolute."""
    parts = path.relative_to(package).parts
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[:-1])[: len(parts) - 1 - (node.level - 1)]
                names = base + (node.module.split(".") if node.module else [])
                target = names[0] if names else node.names[0].name
            elif node.module and node.module.split(".")[0] == "emprobe":
                target = (node.module.split(".") + [node.names[0].name])[1]
            else:
                continue
            out.append((target, node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name.split(".")[1], node.lineno) for a in node.names if a.name.startswith("emprobe.")]
    return out


def upward_imports(package: Path = PACKAGE) -> tuple[list[str], int]:
    """Every import of a later stage (file:line imports unit), and how many emprobe imports were read."""
    upward, seen = [], 0
    for path in sorted(package.rglob("*.py")):
        unit = path.relative_to(package).parts[0].removesuffix(".py")
        here = stage_of(unit)
        for target, line in imports(path, package):
            seen += 1
            there = stage_of(target.removesuffix(".py"))
            if here == -1 and there != -1 or there > here >= 0:
                upward.append(f"{path.relative_to(package.parent)}:{line} imports {target}")
    return upward, seen


def test_no_module_imports_from_a_later_stage():
    upward, seen = upward_imports()
    assert seen > 300  # the scan read the package's imports
    assert not upward, "imports from a later stage:\n" + "\n".join(upward)


def test_the_check_finds_an_upward_import_even_inside_a_function(tmp_path):
    package = tmp_path / "emprobe"
    (package / "behavioral").mkdir(parents=True)
    (package / "behavioral" / "x.py").write_text("from ..config import X\n\ndef f():\n"
                                                 "    from ..analysis.studies import y\n")
    (package / "stats.py").write_text("import emprobe.models.loading\n")
    upward, seen = upward_imports(package)
    assert (seen == 3
            and sorted(upward) == ["emprobe/behavioral/x.py:4 imports analysis", "emprobe/stats.py:1 imports models"])
