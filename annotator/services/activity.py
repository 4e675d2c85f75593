"""Work going on beside the window: a watch over the action log (see ``storage.watch``), and
SQLite's housekeeping off the actions' path (``storage.upkeep``)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.services.workspace import Workspace
from annotator.storage.upkeep import Upkeep
from annotator.storage.watch import ActionWatch


def watch(workspace: Workspace, on_change: Callable[[frozenset[str]], None], *, interval: float = 2.0) -> ActionWatch:
    """Start calling ``on_change(document ids)`` (from a background thread) whenever actions are
    saved, by anyone; ``.stop()`` it when done. PostgreSQL wakes it at once (LISTEN/NOTIFY); on
    SQLite it looks every ``interval`` seconds."""
    return ActionWatch(workspace.store, on_change, interval).start()


def upkeep(workspace: Workspace) -> Upkeep:
    """Start writing SQLite's log back into the file and merging the span index's segments every
    second on a thread of its own, so that no action's commit does either (``storage/upkeep``);
    ``.stop()`` it when done. Nothing on PostgreSQL."""
    return Upkeep(workspace.store).start()
