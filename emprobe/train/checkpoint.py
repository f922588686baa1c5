"""Training checkpoints, written atomically, newest kept.

A checkpoint dir ``checkpoints/step-NNNNNNN`` holds ``state.pt`` (step, adapter weights, scheduler, RNG, world
size; written last by the main process) and ``optimizer-rank<r>.pt`` per process, so sharded optimizers
(FSDP, ZeRO-3) resume on the same number of processes.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import EmprobeError

PREFIX = "step-"


def checkpoint_root(out_dir: Path) -> Path:
    return out_dir / "checkpoints"


def latest_checkpoint(out_dir: Path) -> Path | None:
    """The newest complete checkpoint (temp dirs of an interrupted save are ignored)."""
    root = checkpoint_root(out_dir)
    done = sorted(p for p in root.glob(f"{PREFIX}*") if (p / "state.pt").is_file()) if root.is_dir() else []
    return done[-1] if done else None


def staging_dir(out_dir: Path, step: int) -> Path:
    """The temp dir every process writes its part of checkpoint ``step`` into."""
    return checkpoint_root(out_dir) / f".{PREFIX}{step:07d}.tmp"


def save_optimizer_part(out_dir: Path, step: int, rank: int, optimizer: Any) -> None:
    """Each process: its optimizer state into the staging dir (call after the main process created it)."""
    import torch

    torch.save(optimizer.state_dict(), staging_dir(out_dir, step) / f"optimizer-rank{rank}.pt")


def prepare_staging(out_dir: Path, step: int) -> None:
    """Main process: an empty staging dir for checkpoint ``step``."""
    staging = staging_dir(out_dir, step)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)


def commit_checkpoint(out_dir: Path, step: int, adapter_state: dict, scheduler: Any, world_size: int) -> Path:
    """Main process, after every part is written: write state.pt, rename into place, drop older checkpoints."""
    import torch

    staging = staging_dir(out_dir, step)
    state = {
        "step": step,
        "adapter": {k: v.detach().cpu() for k, v in adapter_state.items()},
        "scheduler": scheduler.state_dict(),
        "rng": torch.get_rng_state(),
        "world_size": world_size,
    }
    torch.save(state, staging / ".state.pt")
    os.replace(staging / ".state.pt", staging / "state.pt")
    target = checkpoint_root(out_dir) / f"{PREFIX}{step:07d}"
    os.replace(staging, target)
    for old in checkpoint_root(out_dir).iterdir():  # older checkpoints and temp dirs of killed saves
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


def load_checkpoint(path: Path, rank: int, world_size: int) -> tuple[dict, dict]:
    """(state, this process's optimizer state) of a checkpoint; the process count must match."""
    import torch

    state = torch.load(path / "state.pt", map_location="cpu", weights_only=False)
    if state["world_size"] != world_size:
        raise EmprobeError(f"checkpoint {path} was written by {state['world_size']} processes; resume it with the same number, not {world_size}")
    optimizer = torch.load(path / f"optimizer-rank{rank}.pt", map_location="cpu", weights_only=False)
    return state, optimizer


def remove_checkpoints(out_dir: Path) -> None:
    """Delete all checkpoints (after the final adapter is written)."""
    shutil.rmtree(checkpoint_root(out_dir), ignore_errors=True)
