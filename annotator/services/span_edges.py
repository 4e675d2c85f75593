"""Moving a span's edges, splitting a span in two, merging two into one: each one undoable action.

Edges move on an entity span or a claim of the owner's set; split and merge take entity spans. Whatever pointed at a
span (relations, the claims it speaks, notes) keeps pointing at it: a split
leaves it all on the left part, a merge moves it from the second span onto the
one that stays.
"""

from __future__ import annotations

from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.model import GOLD
from annotator.domain.validation import check_offsets
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.annotating import _document_length, _owned_span, _refuse, refuse_twin
from annotator.services.errors import ServiceError
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, NOTES, RELATIONS, SPANS, Op, delete_op, insert_op, update_op
from annotator.storage.repository import ENTITY, Repository, fragments_from_row, fragments_to_row


def _check_gold(repo: Repository, row: dict[str, Any], region: tuple[int, int], *, owner: str,
                user: str | None, seen: int | None) -> None:
    if owner == GOLD:
        check_unchanged(repo, row["document_id"], seen, user or repo.login, region)


@retried
def resize_span(workspace: Workspace, span_id: int, start: int, end: int, *, owner: str,
                user: str | None = None, seen: int | None = None) -> Changes:
    """Give a span (or claim) new outer bounds ``start``-``end``; a discontinuous span's first
    fragment takes the new start and its last the new end. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner)
        length = _document_length(repo, row["document_id"])
        _refuse(check_offsets(start, end, length, _("the span's new bounds")))
        if (start, end) == (row["start"], row["end"]):
            raise ServiceError(_("The span already has these bounds"))
        values: dict[str, Any] = {"start": start, "end": end}
        fragments = fragments_from_row(row["fragments"])
        pieces: list[list[int]] = []
        if fragments:
            pieces = [list(f) for f in fragments]
            pieces[0][0], pieces[-1][1] = start, end
            if any(a >= b for a, b in pieces) or any(p[1] > q[0] for p, q in zip(pieces, pieces[1:])):
                raise ServiceError(_("The new bounds would swallow a fragment of the span; remove the fragment "
                                     "first"))
            values["fragments"] = fragments_to_row([(a, b) for a, b in pieces])
        _check_gold(repo, row, (min(start, row["start"]), max(end, row["end"])), owner=owner, user=user, seen=seen)
        refuse_twin(repo, row, start, end, tuple((a, b) for a, b in pieces), owner=owner)
        return run_action(repo, owner=owner, user=user, kind="resize_span",
                          label=_("Move the edges of {label}").format(label=row["label"]),
                          document_id=row["document_id"], ops=[update_op(SPANS, span_id, values)], result=span_id)


@retried
def split_span(workspace: Workspace, span_id: int, left_end: int, right_start: int, *, owner: str,
               user: str | None = None, seen: int | None = None) -> Changes:
    """Split a span in two: ``start``-``left_end`` keeps its id (and all that points at it),
    ``right_start``-``end`` is a new span of the same label and attributes (``Changes.result``)."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner, ENTITY)
        if fragments_from_row(row["fragments"]):
            raise ServiceError(_("A discontinuous span cannot be split; remove a fragment instead"))
        if not row["start"] < left_end <= right_start < row["end"]:
            raise ServiceError(_("Put the caret inside the span, between two of its words, to split it"))
        _check_gold(repo, row, (row["start"], row["end"]), owner=owner, user=user, seen=seen)
        refuse_twin(repo, row, row["start"], left_end, owner=owner)
        refuse_twin(repo, row, right_start, row["end"], owner=owner)
        new_id = repo.allocate_ids(SPANS, 1)[0]
        right = {key: row[key] for key in row if key not in ("document_id", "owner")}
        right.update(id=new_id, start=right_start)
        ops: list[Op] = [update_op(SPANS, span_id, {"end": left_end}), insert_op(SPANS, [right])]
        return run_action(repo, owner=owner, user=user, kind="split_span",
                          label=_("Split {label}").format(label=row["label"]),
                          document_id=row["document_id"], ops=ops, result=new_id)


@retried
def merge_spans(workspace: Workspace, keep_id: int, other_id: int, *, owner: str,
                user: str | None = None, seen: int | None = None) -> Changes:
    """Merge span ``other_id`` into ``keep_id``: the kept span covers both and keeps its label;
    relations, spoken claims and notes of the other move onto it (a relation between the two goes)."""
    with workspace.store.write(owner=owner) as repo:
        keep = _owned_span(repo, keep_id, owner, ENTITY)
        other = _owned_span(repo, other_id, owner, ENTITY)
        if keep_id == other_id:
            raise ServiceError(_("A span cannot be merged with itself"))
        if keep["document_id"] != other["document_id"]:
            raise ServiceError(_("Only two spans of one document can be merged"))
        if fragments_from_row(keep["fragments"]) or fragments_from_row(other["fragments"]):
            raise ServiceError(_("Discontinuous spans cannot be merged; add a fragment instead"))
        if keep["label"] != other["label"]:  # the relations and claims moved over stay ones the scheme allows
            raise ServiceError(_("Only spans of one label merge: relabel one of them first"))
        first, second = sorted((keep, other), key=lambda r: r["start"])
        document = repo.document(keep["document_id"])
        between = document.text[first["end"]:second["start"]] if document is not None else ""
        if first["end"] > second["start"] or any(ch.isalnum() for ch in between):
            raise ServiceError(_("Only adjacent spans merge: there are words between them"))
        if keep["entity_id"] is not None and other["entity_id"] not in (None, keep["entity_id"]):
            raise ServiceError(_("The two spans are linked to different entities: unlink one first"))
        start, end = min(keep["start"], other["start"]), max(keep["end"], other["end"])
        _check_gold(repo, keep, (start, end), owner=owner, user=user, seen=seen)
        refuse_twin(repo, keep, start, end, owner=owner, ignore=other_id)
        ops: list[Op] = []
        spoken, _relations, notes = repo.links_to(other_id)
        ops += [update_op(CLAIMS, claim_id, {"speaker_span_id": keep_id}) for claim_id in spoken]
        touching = repo.relations_touching([keep_id, other_id])
        kept = {(label, head, tail) for _rid, label, head, tail in touching if other_id not in (head, tail)}
        for rid, label, head, tail in touching:
            if other_id not in (head, tail):
                continue
            joined = (label, keep_id if head == other_id else head, keep_id if tail == other_id else tail)
            if joined[1] != joined[2] and joined not in kept:  # not onto itself, not a second copy
                kept.add(joined)
                ops.append(update_op(RELATIONS, rid, {"head_id": joined[1], "tail_id": joined[2]}))
        # (the relations not moved go with the second span)
        ops += [update_op(NOTES, note_id, {"target_id": keep_id}) for note_id in notes]
        ops.append(delete_op(SPANS, [other_id]))  # first: it may hold the merged place; a relation between the two goes
        values: dict[str, Any] = {"start": start, "end": end}
        if keep["entity_id"] is None and other["entity_id"] is not None:
            values["entity_id"] = other["entity_id"]  # the merged span keeps the other's link
        ops.append(update_op(SPANS, keep_id, values))
        return run_action(repo, owner=owner, user=user, kind="merge_spans",
                          label=_("Merge two {label} spans").format(label=keep["label"]),
                          document_id=keep["document_id"], ops=ops, result=keep_id)
