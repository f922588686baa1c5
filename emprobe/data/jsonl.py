"""Reading JSONL files of objects, with errors that name the file and line (one reader for every JSONL input)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import EmprobeError


def read_objects(path: str | Path, expected: str) -> Iterator[tuple[str, dict]]:
    """``(where, object)`` for each non-blank line of ``path``, ``where`` = "<path>, line <n>". A line that is not
    UTF-8, not JSON, or not an object raises :class:`EmprobeError` naming it and ``expected`` (what a line holds)."""
    path = Path(path)
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        where = f"{path}, line {number}"
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EmprobeError(f"{where}: not UTF-8 (byte {exc.start}: {line[exc.start:exc.start + 1]!r})") from exc
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EmprobeError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise EmprobeError(f"{where}: expected {expected}")
        yield where, record
