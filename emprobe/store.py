"""Results store: resumable JSONL files (one row per item, never duplicated) and atomic JSON writes."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable

from .errors import EmprobeError
from .paths import atomic_write_text


class ResultsFile:
    """An append-only JSONL file of rows with a unique ``id``.

    A last line cut short by a kill is ignored on reading and truncated by the next append (writers hold the file's
    lock, see :mod:`emprobe.locking`), so a re-run appends exactly the missing rows; a damaged line before the last
    is an error naming the file and line.
    """

    def __init__(self, path: Path, fingerprint: str | None = None, record: tuple[Path, Any] | None = None) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint  # stamped on every appended row: what made it (see behavioral.base)
        self.record = record  # (path, data): written beside the file before its first new rows
        self._cut_at: int | None = None  # where a last line cut by a kill begins (removed by the next append)
        self.rows: dict[str, dict] = {}
        if self.path.is_file():
            self._load()

    def _load(self) -> None:
        data = self.path.read_bytes()
        lines = data.splitlines(keepends=True)
        good_end = 0
        for number, line in enumerate(lines, start=1):
            problem = None if line.endswith(b"\n") else "no end of line"
            try:
                row = json.loads(line) if problem is None else None
            except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
                problem = str(exc)
            else:
                if problem is None and not (isinstance(row, dict) and "id" in row):
                    problem = "not an object with an 'id'"
            if problem is not None:
                if number < len(lines):  # only a last line cut by a kill is dropped; anything else is damage
                    raise EmprobeError(f"{self.path}, line {number}: not a complete JSON row ({problem}); "
                                       "repair or delete that line, or delete the file to start over")
                break
            self.rows.setdefault(row["id"], row)
            good_end += len(line)
        if good_end < len(data):
            self._cut_at = good_end

    def __contains__(self, item_id: str) -> bool:
        return item_id in self.rows

    def __len__(self) -> int:
        return len(self.rows)

    def append(self, rows: Iterable[dict]) -> None:
        """Append rows whose id is new (others are skipped), flushed and fsynced."""
        fresh = [r if self.fingerprint is None else {**r, "fingerprint": self.fingerprint}
                 for r in rows if r["id"] not in self.rows]
        if not fresh:
            return
        if self.record is not None:
            write_json(*self.record)
            self.record = None
        if self._cut_at is not None:  # a writer (holding the file's lock) drops the cut line; readers leave it
            with open(self.path, "r+b") as fh:
                fh.truncate(self._cut_at)
            self._cut_at = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in fresh))
            fh.flush()
            os.fsync(fh.fileno())
        for row in fresh:  # present only once written and synced
            self.rows[row["id"]] = row

    def stale(self) -> list[str]:
        """Ids of rows made under another fingerprint (or none recorded) than this file's ``fingerprint``."""
        return [] if self.fingerprint is None else [i for i, r in self.rows.items()
                                                    if r.get("fingerprint") != self.fingerprint]

    def drop(self, ids: Iterable[str]) -> None:
        """Rewrite the file without the rows ``ids`` (atomically)."""
        gone = set(ids)
        self.rows = {i: r for i, r in self.rows.items() if i not in gone}
        atomic_write_text(self.path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.rows.values()))

    def ordered(self, ids: Iterable[str] | None = None) -> list[dict]:
        """Rows in the order of ``ids`` (default: file order)."""
        return list(self.rows.values()) if ids is None else [self.rows[i] for i in ids if i in self.rows]


def write_json(path: Path, data: Any) -> Path:
    """Write ``data`` as indented JSON through a temp file and a rename."""
    atomic_write_text(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return Path(path)


def read_jsonl(path: Path) -> list[dict]:
    """All complete rows of a JSONL file."""
    return ResultsFile(path).ordered()
