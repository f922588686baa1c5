"""Where emprobe keeps things: its cache, the shipped experiment configs, and atomic file writes."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterator


def cache_dir() -> Path:
    """``$EMPROBE_CACHE``, default ``~/.cache/emprobe``."""
    return Path(os.environ.get("EMPROBE_CACHE", Path.home() / ".cache" / "emprobe")).expanduser()


def experiments_dir() -> Path:
    """The shipped ``experiments/`` folder (repo checkout, or installed as data files)."""
    for candidate in (Path(__file__).resolve().parents[1] / "experiments", Path(sys.prefix) / "experiments"):
        if candidate.is_dir():
            return candidate
    return Path("experiments")


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a temp dir beside ``target``; on success it is renamed to ``target``, on failure removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield tmp
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def atomic_write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temp file and a rename, so readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
