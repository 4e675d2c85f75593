"""A progress bar on stderr for long work, only when stderr is a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Iterator

from annotator.services.progress import Progress, no_progress


@contextmanager
def progress_bar(unit: str) -> Iterator[Progress]:
    if not sys.stderr.isatty():
        yield no_progress
        return
    from tqdm import tqdm

    bar = tqdm(unit=unit, file=sys.stderr, leave=False, delay=0.5)

    def report(done: int, total: int | None, what: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(what[-40:], refresh=False)
        bar.refresh()

    try:
        yield report
    finally:
        bar.close()
