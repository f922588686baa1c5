"""The one resumable loop of every long stage: fixed batches in, the unfinished ones processed in order, progress.

Batches are formed from *all* items before anything is skipped (by length, by chunk, by shard), so a resumed run
re-forms exactly the batches it missed and never mixes a half-done batch with another. What "done" and
"process" mean is the caller's: rows appended to a :class:`~emprobe.store.ResultsFile` (harm, the self-report
experiments, steering: :func:`append_pending`), or a shard written per layer (extraction)."""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from .store import ResultsFile

B = TypeVar("B")
T = TypeVar("T")


def run_pending(batches: Sequence[B], *, done: Callable[[B], bool], process: Callable[[B, Callable[[int], None]], None],
                size: Callable[[B], int] = len, desc: str, unit: str, show_progress: bool = True) -> int:
    """``process(batch, advance)`` every batch that is not ``done``, in order, with one progress bar over all of
    them (finished ones count from the start). A long batch may call ``advance(n)`` as it goes; what it did not
    count is counted when it returns. Returns how many batches were processed."""
    from tqdm.auto import tqdm

    pending = [b for b in batches if not done(b)]
    total = sum(size(b) for b in batches)
    # A context manager: on an error (a judge down) the bar ends its line before the error is printed.
    with tqdm(total=total, initial=total - sum(size(b) for b in pending), unit=unit, desc=desc,
              disable=not show_progress) as bar:
        for batch in pending:
            counted = [0]

            def advance(n: int) -> None:
                counted[0] += n
                bar.update(n)

            process(batch, advance)
            bar.update(max(0, size(batch) - counted[0]))
    return len(pending)


def append_pending(results: ResultsFile, batches: Sequence[Sequence[T]], row_id: Callable[[T], str],
                   measure: Callable[[Sequence[T]], list[dict]], *, desc: str, unit: str,
                   show_progress: bool = True) -> ResultsFile:
    """Items in, rows out: ``measure`` each batch holding an item whose row (by ``row_id``) is missing from
    ``results`` and append its rows (rows already there are kept, not duplicated)."""
    run_pending(batches, done=lambda b: all(row_id(it) in results for it in b),
                process=lambda b, _: results.append(measure(b)), desc=desc, unit=unit, show_progress=show_progress)
    return results
