"""Advisory locks (``fcntl``) on what a command writes: a run dir's results file, an activation layer dir, an
adapter dir. A second process on the same target waits, saying who holds it; different targets run side by side.

Lock files live in ``$EMPROBE_CACHE/locks/`` (named by a hash of the target's resolved path), so a run dir holds
only results, and processes that share a run dir must share ``$EMPROBE_CACHE`` (the default is per user).
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import socket
import sys
import time
from pathlib import Path
from typing import Iterator

from .paths import cache_dir


def lock_path(target: Path) -> Path:
    """The lock file of ``target``."""
    digest = hashlib.sha256(str(Path(target).resolve()).encode("utf-8")).hexdigest()[:24]
    return cache_dir() / "locks" / f"{digest}.lock"


@contextlib.contextmanager
def locked(target: Path, what: str, *, wait: bool = True) -> Iterator[None]:
    """Hold the lock of ``target`` (``what`` names it in messages). Held by another process: wait for it, saying
    so once on stderr (``wait=False``: raise ``BlockingIOError`` naming the holder)."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "another process"
            if not wait:
                raise BlockingIOError(f"{what} is in use by {holder}") from None
            print(f"emprobe: waiting for {what}: in use by {holder}", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, (f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%H:%M:%S')} "
                       f"({target})").encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
