"""Running one action: apply its row operations, log it with its inverse, say what changed."""

from __future__ import annotations

from annotator.domain.changes import Changes
from annotator.services.permissions import check_may_write
from annotator.storage.actions import Op
from annotator.storage.repository import Repository


def changes_of(ops: list[Op], *, document_id: str | None) -> dict[str, bool | frozenset[str]]:
    """View flags for a list of row operations (what a view must redraw)."""
    tables = {op.get("table", op["op"]) for op in ops}  # a scheme op has no table
    return {
        "documents": frozenset({document_id}) if document_id else frozenset(),
        "spans": bool(tables & {"spans", "annotation_sets"}),
        "claims": bool(tables & {"claims", "spans", "annotation_sets"}),
        "relations": bool(tables & {"relations", "spans", "annotation_sets"}),
        "set_status": "annotation_sets" in tables,
        "scheme": "scheme" in tables,
        "notes": bool(tables & {"notes", "spans", "annotation_sets"}),
    }


def run_action(repo: Repository, *, owner: str, user: str | None, kind: str, label: str,
               document_id: str | None, ops: list[Op], result: object = None,
               undoes: int | None = None, redoes: int | None = None) -> Changes:
    check_may_write(repo, owner, user or owner)
    inverse = repo.apply(ops)
    action_id = repo.log_action(owner=owner, user=user or owner, kind=kind, label=label,
                                document_id=document_id, forward=ops, inverse=inverse,
                                undoes=undoes, redoes=redoes)
    return Changes(action_id=action_id, label=label, result=result,
                   **changes_of(ops, document_id=document_id))  # type: ignore[arg-type]
