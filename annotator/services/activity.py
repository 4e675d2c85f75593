"""Others' work, as it is saved: a watch over the action log for the window (see ``storage.watch``)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.services.workspace import Workspace
from annotator.storage.watch import ActionWatch


def watch(workspace: Workspace, on_change: Callable[[frozenset[str]], None], *, interval: float = 2.0) -> ActionWatch:
    """Start calling ``on_change(document ids)`` (from a background thread) whenever actions are
    saved, by anyone; ``.stop()`` it when done. PostgreSQL wakes it at once (LISTEN/NOTIFY); on
    SQLite it looks every ``interval`` seconds."""
    return ActionWatch(workspace.store, on_change, interval).start()
