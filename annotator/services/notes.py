"""Notes: an annotator's comment or "unsure" flag on a span, a claim or a document; each change one action.

A note lives in its owner's set of the document (adding one opens the set, as
adding a span does) and is written with the same permission as the set: an
annotator their own, a curator anyone's. Removing a span or a set takes its
notes with it, and undoing that brings them back (``annotator.storage.actions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.limits import text_problem
from annotator.domain.notes import Note
from annotator.domain.model import GOLD
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.annotating import _document_length, _open_set, _owned_span
from annotator.services.errors import NotFound, ServiceError
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import NOTES, Op, delete_op, insert_op, update_op
from annotator.storage.repository import CLAIM, Repository, now

UNSET: Any = object()  # "leave this field as it is" in edit_note


def _text(text: str | None) -> str:
    return (text or "").strip()


def _refuse_empty(text: str, unsure: bool) -> None:
    if not text and not unsure:
        raise ServiceError(_("a note needs a text or the unsure flag"))
    if (found := text_problem(text)) is not None:
        raise ServiceError(_("a note's text: {problem}").format(problem=found[1]))


def _target_label(repo: Repository, target_id: int | None, flag_only: bool) -> str:
    """The action's label: "Add note on PER span", "Flag STAT claim as unsure", ..."""
    if target_id is None:
        return _("Flag the document as unsure") if flag_only else _("Add note on the document")
    row = repo.span_row(target_id)
    assert row is not None
    if row["kind"] == CLAIM:
        message = _("Flag {label} claim as unsure") if flag_only else _("Add note on {label} claim")
    else:
        message = _("Flag {label} span as unsure") if flag_only else _("Add note on {label} span")
    return message.format(label=row["label"])


def _owned_note(repo: Repository, note_id: int, owner: str) -> dict[str, Any]:
    row = repo.note_row(note_id)
    if row is None:
        raise NotFound(_("no note {note}").format(note=note_id))
    if row["owner"] != owner:
        raise ServiceError(_("note {note} belongs to {set_owner!r}'s set, not {owner!r}'s").format(
            note=note_id, set_owner=row["owner"], owner=owner))
    return row


@retried
def add_note(workspace: Workspace, document_id: str, *, owner: str, text: str = "", unsure: bool = False,
             target_id: int | None = None, user: str | None = None, seen: int | None = None) -> Changes:
    """Attach a note to ``owner``'s span or claim ``target_id`` of the document, or (None) to the
    document itself; ``Changes.result`` is the note's id. ``user`` (default: the owner) is its author.
    ``seen``: see ``gold_conflicts``."""
    text = _text(text)
    _refuse_empty(text, unsure)
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        _document_length(repo, document_id)
        if target_id is not None:
            row = _owned_span(repo, target_id, owner)
            if row["document_id"] != document_id:
                raise ServiceError(_("span {span} is in document {other!r}, not {document!r}").format(
                    span=target_id, other=row["document_id"], document=document_id))
        if owner == GOLD:
            _check_note_unchanged(repo, document_id, seen, user, target_id, [])
        ops: list[Op] = []
        set_id = _open_set(repo, document_id, owner, ops)
        note_id = repo.allocate_ids(NOTES, 1)[0]
        ops.append(insert_op(NOTES, [{"id": note_id, "set_id": set_id, "target_id": target_id,
                                      "unsure": bool(unsure), "text": text, "author": user or owner,
                                      "created_at": now()}]))
        return run_action(repo, owner=owner, user=user, kind="add_note",
                          label=_target_label(repo, target_id, flag_only=not text),
                          document_id=document_id, ops=ops, result=note_id)


def _check_note_unchanged(repo: Repository, document_id: str, seen: int | None, user: str | None,
                          target_id: int | None, notes: list[int]) -> None:
    """A gold note's change is about the note and its target span (a note on the document has no
    extent: only a change to that same note clashes with it)."""
    if seen is None:
        return
    targets = [target_id] if target_id is not None else []
    check_unchanged(repo, document_id, seen, user or repo.login, repo.span_extents(targets),
                    [*(("notes", n) for n in notes), *(("spans", t) for t in targets)])


@retried
def edit_note(workspace: Workspace, note_id: int, *, owner: str, text: str = UNSET, unsure: bool = UNSET,
              user: str | None = None, seen: int | None = None) -> Changes:
    """Change a note's text or flag (fields left UNSET stay); a note keeps a text or the flag.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_note(repo, note_id, owner)
        if owner == GOLD:
            _check_note_unchanged(repo, row["document_id"], seen, user, row["target_id"], [note_id])
        new_text = row["text"] if text is UNSET else _text(text)
        new_unsure = bool(row["unsure"]) if unsure is UNSET else bool(unsure)
        _refuse_empty(new_text, new_unsure)
        values = {k: v for k, v in (("text", new_text), ("unsure", new_unsure)) if v != row[k]}
        if not values:
            raise ServiceError(_("note {note} already says that").format(note=note_id))
        return run_action(repo, owner=owner, user=user, kind="edit_note", label=_("Edit note"),
                          document_id=row["document_id"], ops=[update_op(NOTES, note_id, values)], result=note_id)


@retried
def remove_note(workspace: Workspace, note_id: int, *, owner: str, user: str | None = None,
                seen: int | None = None) -> Changes:
    """Remove a note. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_note(repo, note_id, owner)
        if owner == GOLD:
            _check_note_unchanged(repo, row["document_id"], seen, user, row["target_id"], [note_id])
        return run_action(repo, owner=owner, user=user, kind="remove_note", label=_("Remove note"),
                          document_id=row["document_id"], ops=[delete_op(NOTES, [note_id])], result=note_id)


def notes(workspace: Workspace, *, document_id: str | None = None, owner: str | None = None,
          unsure_only: bool = False, document_ids: Sequence[str] | None = None) -> list[Note]:
    """Notes (of one document, or of ``document_ids``, or all; of one owner or all; only flagged ones),
    in corpus order, by owner, then by position (a document's own notes first)."""
    ids: list[str] | None = None
    if document_id is not None or document_ids is not None:
        ids = ([document_id] if document_id is not None else []) + list(document_ids or ())
    with workspace.store.read() as repo:
        return repo.notes(ids, owner, unsure_only)


def note(workspace: Workspace, note_id: int) -> Note:
    """One note by id."""
    with workspace.store.read() as repo:
        row = repo.note_row(note_id)
        if row is None:
            raise NotFound(_("no note {note}").format(note=note_id))
        found = [n for n in repo.notes([row["document_id"]], row["owner"]) if n.id == note_id]
    return found[0]


def texts(workspace: Workspace, document_ids: Sequence[str]) -> dict[str, str]:
    """The documents' texts by id, for showing what each note is on (see ``domain.notes.target_excerpt``)."""
    with workspace.store.read() as repo:
        return repo.texts(list(dict.fromkeys(document_ids)))
