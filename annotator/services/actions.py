"""Running one action: apply its row operations, log it with its inverse, say what changed."""

from __future__ import annotations

from collections.abc import Callable

from annotator.domain.changes import Changes
from annotator.services.permissions import check_may_write
from annotator.storage.actions import Op
from annotator.storage.repository import Repository


def changes_of(ops: list[Op], *, document_id: str | None) -> dict[str, bool | frozenset[str]]:
    """View flags for a list of row operations (what a view must redraw)."""
    tables = {op.get("table", op["op"]) for op in ops}  # a scheme op has no table
    return {
        "documents": frozenset({document_id}) if document_id else frozenset(),
        "spans": bool(tables & {"spans", "annotation_sets", "suggestion_rejections", "curation_decisions"}),
        "claims": bool(tables & {"claims", "spans", "annotation_sets"}),
        "relations": bool(tables & {"relations", "spans", "annotation_sets"}),
        "set_status": "annotation_sets" in tables,
        "scheme": "scheme" in tables,
        "notes": bool(tables & {"notes", "spans", "annotation_sets"}),
        "entities": "entities" in tables,
    }


def run_action(repo: Repository, *, owner: str, user: str | None, kind: str, label: str,
               document_id: str | None, ops: list[Op], result: object = None,
               undoes: int | None = None, redoes: int | None = None) -> Changes:
    user = user or repo.login  # on a server the session's login acts unless named
    check_may_write(repo, owner, user or owner)
    inverse = repo.apply(ops, replaying=undoes is not None or redoes is not None)
    action_id = repo.log_action(owner=owner, user=user or owner, kind=kind, label=label,
                                document_id=document_id, forward=ops, inverse=inverse,
                                undoes=undoes, redoes=redoes)
    return Changes(action_id=action_id, label=label, result=result,
                   **changes_of(ops, document_id=document_id))  # type: ignore[arg-type]


def run_steps(repo: Repository, *, owner: str, user: str | None, kind: str, label: str, document_id: str | None,
              steps: list[Callable[[], list[Op]]], result: object = None) -> Changes:
    """One action made of steps, each computed after the steps before it are applied (the second
    step of "mark a mention, make it the speaker" must see the new mention); logged and undone as one."""
    user = user or repo.login
    check_may_write(repo, owner, user or owner)
    forward: list[Op] = []
    inverse: list[Op] = []
    for step in steps:
        ops = step()
        inverse[:0] = repo.apply(ops)
        forward += ops
    action_id = repo.log_action(owner=owner, user=user or owner, kind=kind, label=label, document_id=document_id,
                                forward=forward, inverse=inverse)
    return Changes(action_id=action_id, label=label, result=result,
                   **changes_of(forward, document_id=document_id))  # type: ignore[arg-type]
