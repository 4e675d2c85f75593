"""Undo and redo: new actions in the log, never a rollback of history.

An undo or redo is checked before it commits: what it puts back must still fit
the store (rows changed or deleted since by someone else make it stale) and the
scheme now in force (a label renamed or deleted since cannot come back); if not,
it is refused and nothing changes. An undo of a scheme change is refused while
it would drop a label, claim type or relation type that sets use.
"""

from __future__ import annotations

from annotator.domain.changes import Changes
from annotator.domain.model import SCHEME_OWNER
from annotator.domain.undo_stacks import SKIP
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.errors import ServiceError
from annotator.services.retrying import retried
from annotator.services.scheme_checks import scheme_problems
from annotator.services.workspace import Workspace
from annotator.storage import StaleAction
from annotator.storage.actions import Op
from annotator.storage.repository import LoggedAction, Repository


def _original(repo: Repository, action: LoggedAction) -> LoggedAction:
    """The action a chain of redos goes back to, whose label a menu shows."""
    while action.redoes is not None:
        action = repo.action(action.redoes) or action
    return action


class _Stale(ServiceError):
    """An undo whose rows have changed since: it can never be applied."""

    target_id: int | None = None  # the action it would have undone


def _checked(workspace: Workspace, repo: Repository, owner: str, what: str, run) -> Changes:
    """Run an undo or redo, then refuse it (rolling back) if the result no longer fits."""
    try:
        changes = run()
    except StaleAction as exc:
        raise _Stale(_("cannot {what}: what it changes has been changed since by another action").format(
            what=what)) from exc
    scheme = workspace.scheme(repo)
    if owner == SCHEME_OWNER:
        problems = scheme_problems(repo, scheme)
        if problems:
            raise ServiceError(_("cannot {what}: {problems}").format(what=what, problems="; ".join(problems)))
    return changes


def _check_labels(workspace: Workspace, repo: Repository, ops: list[Op], what: str) -> None:
    scheme = workspace.scheme(repo)
    spans, relation_labels = repo.touched_labels(ops)
    gone = sorted({label for _id, kind, label in spans
                   if not (scheme.has_entity(label) if kind == "entity" else scheme.has_claim_type(label))}
                  | {label for label in relation_labels if scheme.relation(label) is None})
    if gone:
        raise ServiceError(_("cannot {what}: the scheme no longer has {labels}").format(
            what=what, labels=", ".join(gone)))


def _scope(owner: str, document_id: str | None) -> dict[str, str | None]:
    """What an undo or redo may change: the owner's history (of one document), or, for the
    scheme's, everything (a scheme change touches every set's labels)."""
    return {} if owner == SCHEME_OWNER else {"owner": owner, "document_id": document_id}


@retried
def undo(workspace: Workspace, *, owner: str, user: str | None = None,
         document_id: str | None = None) -> Changes | None:
    """Undo the owner's last action not yet undone (in ``document_id`` only, if given);
    None when there is nothing to undo.

    An action that can never be undone (its rows were changed since by someone
    else) is refused, and set aside in the log, so that the next undo goes on to
    the action before it instead of stopping there for good.
    """
    try:
        return _undo(workspace, owner=owner, user=user, document_id=document_id)
    except _Stale as refused:
        with workspace.store.write(**_scope(owner, document_id)) as repo:
            top, _redo_top = repo.undo_tops(owner, document_id)
            target = repo.action(top) if top is not None else None
            if target is None or target.id != refused.target_id:  # someone else undid it meanwhile
                raise ServiceError(str(refused)) from refused
            repo.log_action(owner=owner, user=user or owner, kind=SKIP, label=str(refused),
                            document_id=target.document_id, forward=[], inverse=[], undoes=target.id)
        raise ServiceError(_("{reason}; it is set aside, and the next undo goes on to the action before it")
                           .format(reason=refused)) from refused


def _undo(workspace: Workspace, *, owner: str, user: str | None, document_id: str | None) -> Changes | None:
    return _step(workspace, owner=owner, user=user, document_id=document_id, undoing=True)


@retried
def redo(workspace: Workspace, *, owner: str, user: str | None = None,
         document_id: str | None = None) -> Changes | None:
    """Redo the owner's last undone action (in ``document_id`` only, if given); None when there is none."""
    return _step(workspace, owner=owner, user=user, document_id=document_id, undoing=False)


def _step(workspace: Workspace, *, owner: str, user: str | None, document_id: str | None,
          undoing: bool) -> Changes | None:
    """One undo (the undo stack's top: apply its inverse) or redo (the redo stack's top: apply the
    inverse of the undo that took it back), checked before it commits."""
    with workspace.store.write(**_scope(owner, document_id)) as repo:
        undo_top, redo_top = repo.undo_tops(owner, document_id)
        if undoing:
            if undo_top is None:
                return None
            target = repo.action(undo_top)
            assert target is not None
            ops, links = target.inverse, {"undoes": target.id}
        else:
            if redo_top is None:
                return None
            undone_id, undo_id = redo_top
            target, undo_action = repo.action(undone_id), repo.action(undo_id)
            assert target is not None and undo_action is not None
            ops, links = undo_action.inverse, {"redoes": target.id}
        original = _original(repo, target).label
        if undoing:
            label, what = _("Undo: {action}").format(action=original), _("undo “{action}”").format(action=original)
        else:
            label, what = _("Redo: {action}").format(action=original), _("redo “{action}”").format(action=original)

        def run() -> Changes:
            changes = run_action(repo, owner=owner, user=user, kind="undo" if undoing else "redo", label=label,
                                 document_id=target.document_id, ops=ops, **links)
            if owner != SCHEME_OWNER:
                _check_labels(workspace, repo, ops, what)
            return changes

        try:
            return _checked(workspace, repo, owner, what, run)
        except _Stale as refused:
            refused.target_id = target.id
            raise


def next_labels(workspace: Workspace, *, owner: str, document_id: str | None = None
                ) -> tuple[str | None, str | None]:
    """What undo and redo would do now, for a menu: ("Add PER span", None)."""
    with workspace.store.read() as repo:
        return labels_in(repo, owner=owner, document_id=document_id)


def labels_in(repo: Repository, *, owner: str, document_id: str | None = None) -> tuple[str | None, str | None]:
    """:func:`next_labels` inside a read the caller holds (a window's view is read in one transaction)."""
    undo_top, redo_top = repo.undo_tops(owner, document_id)
    undo_action = repo.action(undo_top) if undo_top is not None else None
    redo_action = repo.action(redo_top[0]) if redo_top is not None else None
    return (_original(repo, undo_action).label if undo_action else None,
            _original(repo, redo_action).label if redo_action else None)


def log(workspace: Workspace, *, owner: str | None = None, limit: int = 50) -> list[LoggedAction]:
    """The newest actions first, for audit: who did what to which document, and when."""
    with workspace.store.read() as repo:
        return repo.actions(owner, limit)
