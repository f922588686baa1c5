"""Shared fixtures: offline mode, a tiny-qwen2 model materialised once per session, helpers for the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def tiny():
    """tiny-qwen2 loaded through the public API (materialised in the emprobe cache on first use)."""
    from emprobe.models import load_model

    return load_model("tiny-qwen2", dtype="float32")


@pytest.fixture(scope="session")
def smollm2():
    """The embedded SmolLM2-135M-Instruct (slow tests only)."""
    from emprobe.models import load_model

    return load_model("smollm2-135m", dtype="float32")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess:
    """Run ``emprobe ARGS`` in a subprocess, the way a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "emprobe.cli", *args],
        cwd=cwd or REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
