"""Annotation actions: each one transaction, logged with its inverse, returning Changes.

``owner`` is whose set changes; ``user`` is who acts (by default the owner).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, GOLD, Certainty, Claim, Cue, Quantity, SetStatus, Span, normal_fragments
from annotator.domain.validation import (
    check_attributes,
    check_claim,
    check_offsets,
    check_owner_name,
    check_relation_ends,
    check_span,
    status_problem,
    span_name,
)
from annotator.i18n import _, ngettext
from annotator.services.actions import run_action
from annotator.services.errors import NotFound, ServiceError
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import (
    CLAIMS,
    RELATIONS,
    SETS,
    SPANS,
    Op,
    delete_op,
    insert_op,
    update_many_op,
    update_op,
)
from annotator.storage.repository import (
    CLAIM,
    ENTITY,
    Repository,
    SetRef,
    claim_rows,
    fragments_from_row,
    fragments_to_row,
    set_row,
    span_row,
)


def _refuse(problems: list[str]) -> None:
    if problems:
        raise ServiceError("; ".join(problems))


def _document_length(repo: Repository, document_id: str) -> int:
    length = repo.document_length(document_id)
    if length is None:
        raise NotFound(_("no document {document!r}").format(document=document_id))
    return length


def _open_set(repo: Repository, document_id: str, owner: str, ops: list[Op], ref: SetRef | None = None) -> int:
    """The owner's set of the document, created (or moved from new to in progress) by ``ops``.

    ``ref``: the set as the caller already read it in this transaction.
    """
    _refuse(check_owner_name(owner))
    if ref is None:
        ref = repo.set_ref(document_id, owner)
    if ref is None:
        set_id = repo.allocate_ids(SETS, 1)[0]
        ops.append(insert_op(SETS, [set_row(set_id, document_id, owner, SetStatus.IN_PROGRESS)]))
        return set_id
    if ref.status == SetStatus.NEW:
        ops.append(update_op(SETS, ref.id, {"status": SetStatus.IN_PROGRESS.value}))
    return ref.id


def _owned_span(repo: Repository, span_id: int, owner: str, kind: str | None = None) -> dict[str, Any]:
    row = repo.span_row(span_id)
    if row is None:
        raise NotFound(_("no span {span}").format(span=span_id))
    if row["owner"] != owner:
        raise ServiceError(_("span {span} belongs to {set_owner!r}'s set, not {owner!r}'s").format(
            span=span_id, set_owner=row["owner"], owner=owner))
    if kind is not None and row["kind"] != kind:
        raise ServiceError((_("span {span} is a claim, not an entity") if kind == ENTITY
                            else _("span {span} is an entity, not a claim")).format(span=span_id))
    return row


@retried
def add_span(workspace: Workspace, document_id: str, start: int, end: int, label: str, *, owner: str,
             user: str | None = None, attributes: dict[str, Any] | None = None,
             seen: int | None = None) -> Changes:
    """Add an entity span; ``Changes.result`` is its id. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        return _add_span(workspace, repo, document_id, start, end, label, owner=owner, user=user,
                         attributes=attributes, seen=seen)


def _add_span(workspace: Workspace, repo: Repository, document_id: str, start: int, end: int, label: str, *,
              owner: str, user: str | None, attributes: dict[str, Any] | None, seen: int | None) -> Changes:
    if owner == GOLD:
        check_unchanged(repo, document_id, seen, user or repo.login, (start, end))
    scheme = workspace.scheme(repo)
    span = Span(None, start, end, label, attributes or {})
    length, ref, duplicate = repo.span_target(document_id, owner, ENTITY, start, end, label)
    if length is None:
        raise NotFound(_("no document {document!r}").format(document=document_id))
    _refuse(check_span(span, length, scheme))
    if duplicate is not None:
        raise ServiceError(_("{owner!r} already has a {label} span at {start}-{end}").format(
            owner=owner, label=label, start=start, end=end))
    ops: list[Op] = []
    set_id = _open_set(repo, document_id, owner, ops, ref)
    span_id = repo.allocate_ids(SPANS, 1)[0]
    ops.append(insert_op(SPANS, [span_row(set_id, span_id, span)]))
    return run_action(repo, owner=owner, user=user, kind="add_span",
                      label=_("Add {label} span").format(label=label),
                      document_id=document_id, ops=ops, result=span_id)


@retried
def remove_span(workspace: Workspace, span_id: int, *, owner: str, user: str | None = None,
                seen: int | None = None) -> Changes:
    """Remove a span or claim, with the relations that end on it. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner)
        if owner == GOLD:
            check_unchanged(repo, row["document_id"], seen, user or repo.login, (row["start"], row["end"]))
        return run_action(repo, owner=owner, user=user, kind="remove_span",
                          label=(_("Remove {label} entity") if row["kind"] == ENTITY
                                 else _("Remove {label} claim")).format(label=row["label"]),
                          document_id=row["document_id"],
                          ops=[delete_op(SPANS, [span_id])], result=span_id)


@retried
def relabel_span(workspace: Workspace, span_id: int, label: str, *, owner: str,
                 user: str | None = None, seen: int | None = None) -> Changes:
    with workspace.store.write(owner=owner) as repo:
        return _relabel_span(workspace, repo, span_id, label, owner=owner, user=user, seen=seen)


def _relabel_span(workspace: Workspace, repo: Repository, span_id: int, label: str, *, owner: str,
                  user: str | None, seen: int | None) -> Changes:
    scheme = workspace.scheme(repo)
    row = _owned_span(repo, span_id, owner, ENTITY)
    if owner == GOLD:
        check_unchanged(repo, row["document_id"], seen, user or repo.login, (row["start"], row["end"]))
    if not scheme.has_entity(label):
        raise ServiceError(_("unknown label {label!r}").format(label=label))
    if row["label"] == label:
        raise AlreadyLabelled(_("That is already a {label} span").format(label=label))
    _refuse(check_attributes(row["attributes"] or {}, label, scheme, span_name(span_id)))
    return run_action(repo, owner=owner, user=user, kind="relabel_span",
                      label=_("Relabel {old} as {new}").format(old=row["label"], new=label),
                      document_id=row["document_id"],
                      ops=[update_op(SPANS, span_id, {"label": label})], result=span_id)


class AlreadyLabelled(ServiceError):
    """A label key on what already has that label: nothing to do."""


@retried
def label(workspace: Workspace, document_id: str, label: str, *, owner: str, user: str | None = None,
          selection: tuple[int, int] | None = None, span_id: int | None = None,
          seen: int | None = None) -> Changes:
    """What a label key does, decided here once for every window: the selection becomes a span of
    ``label``, or, when the owner's set has an entity span of exactly that range, that span is
    relabelled; with no selection, the span ``span_id`` (the one under the caret) is relabelled.
    Refused with :class:`AlreadyLabelled` when it has that label already."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        if selection is not None:
            start, end = selection
            there = repo.entity_spans_at(document_id, owner, start, end)
            if any(found_label == label for _id, found_label in there):
                raise AlreadyLabelled(_("That is already a {label} span").format(label=label))
            if there:
                return _relabel_span(workspace, repo, there[0][0], label, owner=owner, user=user, seen=seen)
            return _add_span(workspace, repo, document_id, start, end, label, owner=owner, user=user,
                             attributes=None, seen=seen)
        if span_id is None:
            raise ServiceError(_("Select some text to label"))
        return _relabel_span(workspace, repo, span_id, label, owner=owner, user=user, seen=seen)


def refuse_twin(repo: Repository, row: dict[str, Any], start: int, end: int,
                fragments: tuple[tuple[int, int], ...] = (), *, owner: str, ignore: int | None = None) -> None:
    """Refuse to move span ``row`` where another of its set's spans of its label already is: the store
    holds one span of a label per place and fragments. ``ignore``: a span the same action removes."""
    other = repo.span_exists(row["set_id"], row["kind"], start, end, row["label"], fragments)
    if other is not None and other not in (row["id"], ignore):
        raise ServiceError(_("{owner!r} already has a {label} span at {start}-{end}").format(
            owner=owner, label=row["label"], start=start, end=end))


def _refragment(repo: Repository, row: dict[str, Any], fragments: list[tuple[int, int]], *, owner: str,
                user: str | None, seen: int | None, kind: str, label: str) -> Changes:
    """Give a span or claim these pieces (joined where they touch), its outer bounds following them."""
    new = normal_fragments(fragments)
    start, end = min(a for a, _b in fragments), max(b for _a, b in fragments)
    if owner == GOLD:
        region = (min(start, row["start"]), max(end, row["end"]))
        check_unchanged(repo, row["document_id"], seen, user or repo.login, region)
    refuse_twin(repo, row, start, end, new, owner=owner)
    values = {"start": start, "end": end, "fragments": fragments_to_row(new)}
    return run_action(repo, owner=owner, user=user, kind=kind, label=label, document_id=row["document_id"],
                      ops=[update_op(SPANS, row["id"], values)], result=row["id"])


@retried
def add_fragment(workspace: Workspace, span_id: int, start: int, end: int, *, owner: str,
                 user: str | None = None, seen: int | None = None) -> Changes:
    """Add ``start``-``end`` to a span or claim as one more fragment, making it discontinuous
    ("Председатель" … "Совета министров"); a piece that touches or overlaps a fragment joins it.
    ``Changes.result`` is the span's id; undo gives the span its pieces back. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner)
        length = _document_length(repo, row["document_id"])
        _refuse(check_offsets(start, end, length, _("the new fragment")))
        old = fragments_from_row(row["fragments"]) or ((row["start"], row["end"]),)
        if any(a <= start and end <= b for a, b in old):
            raise ServiceError(_("{start}-{end} is already part of span {span}").format(
                start=start, end=end, span=span_id))
        return _refragment(repo, row, [*old, (start, end)], owner=owner, user=user, seen=seen,
                           kind="add_fragment", label=_("Add a fragment to {label}").format(label=row["label"]))


@retried
def remove_fragment(workspace: Workspace, span_id: int, index: int, *, owner: str,
                    user: str | None = None, seen: int | None = None) -> Changes:
    """Take fragment ``index`` (0: the first in text order) out of a discontinuous span or claim;
    with one piece left it is contiguous again."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner)
        old = fragments_from_row(row["fragments"])
        if not old:
            raise ServiceError(_("span {span} has one piece only").format(span=span_id))
        if not 0 <= index < len(old):
            raise ServiceError(_("span {span} has no fragment {number}").format(span=span_id, number=index + 1))
        return _refragment(repo, row, [f for i, f in enumerate(old) if i != index], owner=owner, user=user,
                           seen=seen, kind="remove_fragment",
                           label=_("Remove a fragment of {label}").format(label=row["label"]))


@retried
def set_attribute(workspace: Workspace, span_id: int, name: str, value: Any, *, owner: str,
                  user: str | None = None, seen: int | None = None) -> Changes:
    """Set (or with ``value=None`` clear) one attribute of a span. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        scheme = workspace.scheme(repo)
        row = _owned_span(repo, span_id, owner)
        if owner == GOLD:
            check_unchanged(repo, row["document_id"], seen, user or repo.login, (row["start"], row["end"]),
                            [("spans", span_id)])
        attributes = dict(row["attributes"] or {})
        if value is None:
            attributes.pop(name, None)
        else:
            attributes[name] = value
            _refuse(check_attributes({name: value}, row["label"], scheme, span_name(span_id)))
        return run_action(repo, owner=owner, user=user, kind="set_attribute",
                          label=_("Set {attribute}").format(attribute=name),
                          document_id=row["document_id"],
                          ops=[update_op(SPANS, span_id, {"attributes": attributes or None})], result=span_id)


def status_name(status: SetStatus) -> str:
    """A set's status as a person reads it ("in progress"), translated."""
    return {
        SetStatus.NEW: _("new"),
        SetStatus.IN_PROGRESS: _("in progress"),
        SetStatus.DONE: _("done"),
        SetStatus.CURATED: _("curated"),
        SetStatus.SKIPPED: _("skipped"),
    }[status]


def _mark_label(status: SetStatus) -> str:
    """The action's label: "Mark done", "Mark in progress"."""
    return {
        SetStatus.NEW: _("Mark new"),
        SetStatus.IN_PROGRESS: _("Mark in progress"),
        SetStatus.DONE: _("Mark done"),
        SetStatus.CURATED: _("Mark curated"),
        SetStatus.SKIPPED: _("Mark skipped"),
    }[status]


@retried
def set_status(workspace: Workspace, document_id: str, status: SetStatus, *, owner: str,
               user: str | None = None) -> Changes:
    _refuse([problem] if (problem := status_problem(status, owner)) else [])
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        _document_length(repo, document_id)
        _refuse(check_owner_name(owner))
        ref = repo.set_ref(document_id, owner)
        ops: list[Op]
        if ref is None:
            set_id = repo.allocate_ids(SETS, 1)[0]
            ops = [insert_op(SETS, [set_row(set_id, document_id, owner, status)])]
        elif ref.status == status:
            raise ServiceError(_("{owner}'s set of {document} is already {status}").format(
                owner=owner, document=document_id, status=status_name(status)))
        else:
            ops = [update_op(SETS, ref.id, {"status": status.value})]
        return run_action(repo, owner=owner, user=user, kind="set_status",
                          label=_mark_label(status), document_id=document_id, ops=ops)


@retried
def set_statuses(workspace: Workspace, document_ids: list[str], status: SetStatus, *, owner: str,
                 user: str | None = None) -> Changes:
    """Give ``owner``'s sets of many documents one status (the list's selection): one action, undone
    as one; documents already so are left as they are, and ``result`` says how many changed."""
    _refuse([problem] if (problem := status_problem(status, owner)) else [])
    _refuse(check_owner_name(owner))
    wanted = list(dict.fromkeys(document_ids))
    with workspace.store.write(owner=owner) as repo:
        missing = [d for d in wanted if repo.document_length(d) is None]
        if missing:
            raise NotFound(_("no document {document!r}").format(document=missing[0]))
        refs = {ref.document_id: ref for ref in repo.set_refs(wanted, owner)}
        to_update = [refs[d].id for d in wanted if d in refs and refs[d].status != status]
        to_insert = [d for d in wanted if d not in refs]
        if not to_update and not to_insert:
            raise ServiceError(_("every chosen document is already {status}").format(status=status_name(status)))
        ops: list[Op] = []
        if to_insert:
            ids = repo.allocate_ids(SETS, len(to_insert))
            ops.append(insert_op(SETS, [set_row(i, d, owner, status) for i, d in zip(ids, to_insert)]))
        if to_update:
            ops.append(update_many_op(SETS, to_update, {"status": status.value}))
        changed = len(to_update) + len(to_insert)
        label = ngettext("{action}: {count} document", "{action}: {count} documents", changed).format(
            action=_mark_label(status), count=changed)
        done = run_action(repo, owner=owner, user=user, kind="set_statuses", label=label, document_id=None,
                          ops=ops, result=changed)
    changed_ids = frozenset(d for d in wanted if d not in refs or refs[d].status != status)
    return dataclasses.replace(done, documents=changed_ids)
