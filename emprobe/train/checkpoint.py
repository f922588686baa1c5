"""Training checkpoints, written atomically; the newest two are kept.

A checkpoint dir ``checkpoints/step-NNNNNNN`` holds ``state.pt`` (step, adapter weights, scheduler, RNG, world
size, the job's fingerprint; written last by the main process) and ``optimizer-rank<r>.pt`` per process, so
sharded optimizers (FSDP, ZeRO-3) resume on the same number of processes. Files are read with
``torch.load(weights_only=True)``: a checkpoint dir is data, never code. A newest checkpoint that cannot be read
falls back to the previous one with a warning; one written for another job is refused.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from ..errors import EmprobeError
from ..paths import fsync_dir

PREFIX = "step-"
KEEP = 2  # the newest checkpoints kept: a damaged newest one falls back to the one before


def checkpoint_root(out_dir: Path) -> Path:
    return out_dir / "checkpoints"


def complete_checkpoints(out_dir: Path) -> list[Path]:
    """Complete checkpoints, oldest first (temp dirs of an interrupted save are ignored)."""
    root = checkpoint_root(out_dir)
    return sorted(p for p in root.glob(f"{PREFIX}*") if (p / "state.pt").is_file()) if root.is_dir() else []


def latest_checkpoint(out_dir: Path) -> Path | None:
    """The newest complete checkpoint."""
    done = complete_checkpoints(out_dir)
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


def commit_checkpoint(out_dir: Path, step: int, adapter_state: dict, scheduler: Any, world_size: int,
                      fingerprint: str = "") -> Path:
    """Main process, after every part is written: write state.pt, rename into place, keep the newest ``KEEP``."""
    import torch

    staging = staging_dir(out_dir, step)
    state = {
        "step": step,
        "adapter": {k: v.detach().cpu() for k, v in adapter_state.items()},
        "scheduler": scheduler.state_dict(),
        "rng": torch.get_rng_state(),
        "world_size": world_size,
        "fingerprint": fingerprint,
    }
    with open(staging / ".state.pt", "wb") as fh:
        torch.save(state, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(staging / ".state.pt", staging / "state.pt")
    fsync_dir(staging)
    target = checkpoint_root(out_dir) / f"{PREFIX}{step:07d}"
    if target.exists():  # an unreadable checkpoint of this step, skipped on resume: replaced by the new one
        shutil.rmtree(target)
    os.replace(staging, target)
    fsync_dir(checkpoint_root(out_dir))
    keep = set(complete_checkpoints(out_dir)[-KEEP:])
    for old in checkpoint_root(out_dir).iterdir():  # older checkpoints and temp dirs of killed saves
        if old not in keep:
            shutil.rmtree(old, ignore_errors=True)
    return target


def _read(path: Path, rank: int) -> tuple[dict, dict]:
    import torch

    state = torch.load(path / "state.pt", map_location="cpu", weights_only=True)
    optimizer = torch.load(path / f"optimizer-rank{rank}.pt", map_location="cpu", weights_only=True)
    if not isinstance(state, dict) or not {"step", "adapter", "scheduler", "rng", "world_size"} <= set(state):
        raise ValueError("state.pt lacks step/adapter/scheduler/rng/world_size")
    return state, optimizer


def resume_checkpoint(out_dir: Path, rank: int, world_size: int, fingerprint: str) -> tuple[dict, dict] | None:
    """(state, this process's optimizer state) of the newest readable checkpoint, or None when there is none.

    A checkpoint that cannot be read (damaged, or holding anything but tensors and plain data) is skipped with a
    warning for the one before it; one written for another job (``fingerprint``) or process count is refused."""
    for path in reversed(complete_checkpoints(out_dir)):
        try:
            state, optimizer = _read(path, rank)
        except Exception as exc:  # noqa: BLE001 - unpickling errors have no common type
            print(f"emprobe: warning: checkpoint {path} cannot be read ({type(exc).__name__}: {str(exc)[:120]}); "
                  "trying the one before it", file=sys.stderr)
            continue
        if state.get("fingerprint", "") != fingerprint:
            raise EmprobeError(f"checkpoint {path} was written for other training settings "
                               "(dataset, base model, lr, rank, "
                               f"epochs or seed changed); delete {checkpoint_root(out_dir)} to start over")
        if state["world_size"] != world_size:
            raise EmprobeError(f"checkpoint {path} was written by {state['world_size']} processes; "
                               f"resume it with the same number, not {world_size}")
        return state, optimizer
    return None


def remove_checkpoints(out_dir: Path) -> None:
    """Delete all checkpoints (after the final adapter is written)."""
    shutil.rmtree(checkpoint_root(out_dir), ignore_errors=True)
