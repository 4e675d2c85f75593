"""Undo and redo: new actions in the log, never a rollback of history."""

from __future__ import annotations

from annotator.domain.changes import Changes
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.workspace import Workspace
from annotator.storage.repository import LoggedAction, Repository


def _original(repo: Repository, action: LoggedAction) -> LoggedAction:
    """The action a chain of redos goes back to, whose label a menu shows."""
    while action.redoes is not None:
        action = repo.action(action.redoes) or action
    return action


def undo(workspace: Workspace, *, owner: str, user: str | None = None) -> Changes | None:
    """Undo the owner's last action not yet undone; None when there is nothing to undo."""
    with workspace.store.write() as repo:
        stack, _redo_stack = repo.undo_history(owner)
        if not stack:
            return None
        target = repo.action(stack[-1])
        assert target is not None
        label = _("Undo: {action}").format(action=_original(repo, target).label)
        return run_action(repo, owner=owner, user=user, kind="undo", label=label,
                          document_id=target.document_id, ops=target.inverse, undoes=target.id)


def redo(workspace: Workspace, *, owner: str, user: str | None = None) -> Changes | None:
    """Redo the owner's last undone action; None when there is nothing to redo."""
    with workspace.store.write() as repo:
        _undo_stack, stack = repo.undo_history(owner)
        if not stack:
            return None
        undone_id, undo_id = stack[-1]
        undone, undo_action = repo.action(undone_id), repo.action(undo_id)
        assert undone is not None and undo_action is not None
        label = _("Redo: {action}").format(action=_original(repo, undone).label)
        return run_action(repo, owner=owner, user=user, kind="redo", label=label,
                          document_id=undone.document_id, ops=undo_action.inverse, redoes=undone.id)


def next_labels(workspace: Workspace, *, owner: str) -> tuple[str | None, str | None]:
    """What undo and redo would do now, for a menu: ("Add PER span", None)."""
    with workspace.store.read() as repo:
        undo_stack, redo_stack = repo.undo_history(owner)
        undo_action = repo.action(undo_stack[-1]) if undo_stack else None
        redo_action = repo.action(redo_stack[-1][0]) if redo_stack else None
        return (_original(repo, undo_action).label if undo_action else None,
                _original(repo, redo_action).label if redo_action else None)


def log(workspace: Workspace, *, owner: str | None = None, limit: int = 50) -> list[LoggedAction]:
    """The newest actions first, for audit: who did what to which document, and when."""
    with workspace.store.read() as repo:
        return repo.actions(owner, limit)
