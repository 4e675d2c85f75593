"""A progress bar on stderr for long work, only when stderr is a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Iterator

from annotator.cli import terminal
from annotator.services.progress import Progress, no_progress


@contextmanager
def progress_bar(unit: str) -> Iterator[Progress]:
    if not sys.stderr.isatty():
        yield no_progress
        return
    from tqdm import tqdm

    # the bar redraws with carriage returns, which the escaping stream would show; its one
    # piece of outside text (a file name) is escaped here instead
    bar = tqdm(unit=unit, file=terminal.unescaped(sys.stderr), leave=False, delay=0.5)

    def report(done: int, total: int | None, what: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(terminal.escape(what[-40:]), refresh=False)
        bar.refresh()

    try:
        yield report
    finally:
        bar.close()
