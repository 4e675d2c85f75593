"""Others' work appears: a watch reports the documents that actions saved elsewhere were on."""

from __future__ import annotations

import queue
import time

from annotator.domain.model import SetStatus
from annotator.services import activity, annotating
from annotator.services.workspace import Workspace

DOC = "000_598509fc61278558"
OTHER = "001_1fc550a04f713c8c"


def test_another_desktops_actions_are_reported_with_their_documents(sample_workspace, db_target, backend):
    seen: queue.Queue = queue.Queue()
    # PostgreSQL is woken by NOTIFY: a long interval proves it does not wait for the next look
    interval = 30.0 if backend == "postgresql" else 0.2
    watch = activity.watch(sample_workspace, seen.put, interval=interval)
    try:
        with Workspace.open(db_target) as elsewhere:  # another desktop: its own engine and connections
            started = time.monotonic()
            annotating.add_span(elsewhere, DOC, 0, 5, "PER", owner="anna")
            assert seen.get(timeout=10) == frozenset({DOC})
            assert time.monotonic() - started < 5
            annotating.set_status(elsewhere, OTHER, SetStatus.DONE, owner="boris")
            assert seen.get(timeout=10) == frozenset({OTHER})
        assert seen.empty()  # each action reported once
    finally:
        watch.stop()
