"""Where emprobe keeps things: its cache, the shipped experiment configs, and atomic file writes."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import EmprobeError


def cache_dir() -> Path:
    """``$EMPROBE_CACHE``, default ``~/.cache/emprobe``."""
    return Path(os.environ.get("EMPROBE_CACHE", Path.home() / ".cache" / "emprobe")).expanduser()


def experiments_dir() -> Path:
    """The shipped experiment configs: package data (``emprobe/experiments/``), so an installed wheel has them; a
    checkout's top-level ``experiments/`` is a link to the same folder."""
    return Path(__file__).resolve().parent / "experiments"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a temp dir beside ``target``; on success it is renamed to ``target``, on failure removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; outputs get the usual permissions
    try:
        yield tmp
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def write_error(target: Path, exc: OSError) -> EmprobeError:
    """A one-line error for an output that cannot be written (a read-only dir, a file where a dir should be)."""
    blocker = next((p for p in Path(target).parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        return EmprobeError(f"cannot write {target}: {blocker} is a file, not a directory")
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(target) else ""
    return EmprobeError(f"cannot write {target}: {exc.strerror or exc}{where}")


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temp file and a rename, so readers never see half a file.

    An output that cannot be written is an :class:`EmprobeError` naming it."""
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temp file and a rename (see :func:`atomic_write_text`)."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
    except OSError as exc:
        raise write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the name points at it
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
