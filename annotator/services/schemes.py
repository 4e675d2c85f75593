"""Changing the scheme: every change is a new version, saved as one undoable action.

A change that touches labels in use carries its spans along in the same action:
a rename relabels them, a merge moves them into the other label (dropping a span
the other label already has at the same place), a delete removes them with what
hangs on them (relations, a claim's speaker). :func:`impact` says beforehand how
many spans of whose sets that is. Claim types work the same way: a rename
retypes their claims, a delete removes the claims with their relations and
notes (:func:`claim_type_impact` counts them first). Scheme actions go into
their own undo history (owner ``@scheme``), not into any annotator's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from annotator.domain import scheme_edits
from annotator.domain.changes import Changes
from annotator.domain.model import SCHEME_OWNER
from annotator.domain.problems import InputError, Problem
from annotator.domain.scheme import AttributeDef, ClaimType, EntityLabel, Scheme, SchemeError
from annotator.formats import brat_conf
from annotator.i18n import _
from annotator.services import history, output_files, permissions
from annotator.services.actions import run_action
from annotator.services.errors import ServiceError
from annotator.services.retrying import retried
from annotator.services.scheme_checks import scheme_problems
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, NOTES, RELATIONS, SPANS, Op, delete_op, scheme_op, update_many_op, update_op
from annotator.storage.repository import CLAIM, Repository


class SchemeChangeRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class LabelImpact:
    """What deleting a label, or merging it into another, does to the annotations."""

    label: str
    spans_by_owner: dict[str, int] = field(default_factory=dict)
    relations: int = 0  # relations that end on its spans (a delete removes them)
    speakers: int = 0  # claims one of its spans speaks (a delete leaves them without speaker)
    twins: int = 0  # merge: spans the target label already has at the same place (dropped)

    @property
    def spans(self) -> int:
        return sum(self.spans_by_owner.values())


def impact(workspace: Workspace, label: str, *, merge_into: str | None = None) -> LabelImpact:
    with workspace.store.read() as repo:
        usage = repo.label_usage().get(label, {})
        relations, speakers = repo.links_of_label(label)
        twins = len(repo.twin_spans(label, merge_into)) if merge_into else 0
    return LabelImpact(label, dict(sorted(usage.items())), relations, speakers, twins)


def span_counts(workspace: Workspace) -> dict[str, int]:
    """label -> entity spans with it, over every set (for the editor's list)."""
    with workspace.store.read() as repo:
        return {label: sum(owners.values()) for label, owners in repo.label_usage().items()}


@dataclass(frozen=True, slots=True)
class ClaimTypeImpact:
    """What deleting a claim type does to the annotations."""

    claim_type: str
    claims_by_owner: dict[str, int] = field(default_factory=dict)
    relations: int = 0  # relations that end on its claims (a delete removes them)
    notes: int = 0  # notes on its claims (a delete removes them)

    @property
    def claims(self) -> int:
        return sum(self.claims_by_owner.values())


def claim_type_impact(workspace: Workspace, claim_type: str) -> ClaimTypeImpact:
    with workspace.store.read() as repo:
        usage = repo.label_usage(CLAIM).get(claim_type, {})
        relations, notes = repo.links_of_claim_type(claim_type)
    return ClaimTypeImpact(claim_type, dict(sorted(usage.items())), relations, notes)


def claim_counts(workspace: Workspace) -> dict[str, int]:
    """claim type -> claims of it, over every set (for the editor's list)."""
    with workspace.store.read() as repo:
        return repo.type_usage()[0]


def refusal(workspace: Workspace, user: str) -> str | None:
    """Why ``user`` may not change the scheme, or None when they may."""
    with workspace.store.read() as repo:
        return permissions.refusal(repo, SCHEME_OWNER, user)


@retried
def _save(workspace: Workspace, edit: Callable[[Scheme], Scheme], *, user: str, label: str,
          span_ops: Callable[[Repository, Scheme], list[Op]] = lambda repo, scheme: [],
          check_in_use: bool = False) -> Changes:
    """Apply ``edit`` to the scheme in force and save it, with ``span_ops``, as one action.

    ``check_in_use``: refuse a scheme that drops what sets use. The edits here
    carry their spans along themselves; a whole new scheme (a file) cannot."""
    with workspace.store.write() as repo:
        current = workspace.scheme(repo)
        try:
            new = edit(current)
        except SchemeError as exc:
            raise SchemeChangeRefused(str(exc)) from exc
        ops = span_ops(repo, current)
        if check_in_use:
            problems = scheme_problems(repo, new)
            if problems:
                raise SchemeChangeRefused("; ".join(problems))
        ops.append(scheme_op(new.to_dict(), user, label))
        return run_action(repo, owner=SCHEME_OWNER, user=user, kind="scheme", label=label,
                          document_id=None, ops=ops)


def add_label(workspace: Workspace, label: EntityLabel, *, user: str) -> Changes:
    return _save(workspace, lambda s: scheme_edits.add_label(s, label), user=user,
                 label=_("Add label {label}").format(label=label.name))


def _field_name(field_name: str) -> str:
    """A label's field as an action's label names it."""
    # Translators: what "Change {fields} of {label}" changes (a list, joined with ", ").
    names = {"hotkey": _("hotkey"), "color": _("color"), "description": _("description"),
             "guideline": _("guideline")}
    return names.get(field_name, field_name)


def change_label(workspace: Workspace, name: str, *, user: str, **fields: str) -> Changes:
    """Hotkey, colour, description or guideline of a label."""
    what = ", ".join(_field_name(f) for f in sorted(fields))
    return _save(workspace, lambda s: scheme_edits.change_label(s, name, **fields), user=user,
                 label=_("Change {fields} of {label}").format(fields=what, label=name))


def rename_label(workspace: Workspace, old: str, new: str, *, user: str) -> Changes:
    def relabel(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = repo.entity_span_ids(old)
        return [update_many_op(SPANS, ids, {"label": new})] if ids else []

    return _save(workspace, lambda s: scheme_edits.rename_label(s, old, new), user=user,
                 label=_("Rename label {old} to {new}").format(old=old, new=new), span_ops=relabel)


def merge_label(workspace: Workspace, source: str, target: str, *, user: str) -> Changes:
    def move(repo: Repository, _scheme: Scheme) -> list[Op]:
        pairs = repo.twin_spans(source, target)
        twins = [s for s, _t in pairs]
        dropped = set(twins)
        moved = [i for i in repo.entity_span_ids(source) if i not in dropped]
        ops: list[Op] = []
        for twin, survivor in pairs:  # what pointed at the twin points at the span that stays
            spoken, relations, notes = repo.links_to(twin)
            ops += [update_op(CLAIMS, claim_id, {"speaker_span_id": survivor}) for claim_id in spoken]
            ops += [update_op(RELATIONS, relation_id, {"head_id": survivor if head == twin else head,
                                                       "tail_id": survivor if tail == twin else tail})
                    for relation_id, head, tail in relations]
            ops += [update_op(NOTES, note_id, {"target_id": survivor}) for note_id in notes]
        if twins:
            ops.append(delete_op(SPANS, twins))
        if moved:
            ops.append(update_many_op(SPANS, moved, {"label": target}))
        return ops

    return _save(workspace, lambda s: scheme_edits.merge_label(s, source, target), user=user,
                 label=_("Merge label {source} into {target}").format(source=source, target=target),
                 span_ops=move)


def delete_label(workspace: Workspace, name: str, *, user: str) -> Changes:
    def remove(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = repo.entity_span_ids(name)
        return [delete_op(SPANS, ids)] if ids else []

    return _save(workspace, lambda s: scheme_edits.remove_label(s, name), user=user,
                 label=_("Delete label {label}").format(label=name), span_ops=remove)


def add_attribute(workspace: Workspace, label: str, attribute: AttributeDef, *, user: str) -> Changes:
    return _save(workspace, lambda s: scheme_edits.add_attribute(s, label, attribute), user=user,
                 label=_("Add attribute {attribute} to {label}").format(attribute=attribute.name, label=label))


def remove_attribute(workspace: Workspace, label: str, name: str, *, user: str) -> Changes:
    """``label`` no longer has attribute ``name``; its spans' values of it go in the same action."""
    def strip(repo: Repository, _scheme: Scheme) -> list[Op]:
        return [update_op(SPANS, span_id, {"attributes": {k: v for k, v in attrs.items() if k != name} or None})
                for span_id, attrs in repo.entity_spans_with_attributes(label) if name in attrs]

    return _save(workspace, lambda s: scheme_edits.remove_attribute(s, label, name), user=user,
                 label=_("Remove attribute {attribute} from {label}").format(attribute=name, label=label),
                 span_ops=strip)


# ------------------------------------------------------------ claim types
def add_claim_type(workspace: Workspace, claim_type: ClaimType, *, user: str) -> Changes:
    return _save(workspace, lambda s: scheme_edits.add_claim_type(s, claim_type), user=user,
                 label=_("Add claim type {type}").format(type=claim_type.name))


def change_claim_type(workspace: Workspace, name: str, *, user: str, **fields: str) -> Changes:
    """Hotkey or description of a claim type."""
    what = ", ".join(_field_name(f) for f in sorted(fields))
    return _save(workspace, lambda s: scheme_edits.change_claim_type(s, name, **fields), user=user,
                 label=_("Change {fields} of claim type {type}").format(fields=what, type=name))


def rename_claim_type(workspace: Workspace, old: str, new: str, *, user: str) -> Changes:
    """The claim type's claims, in every set, take the new name in the same action."""
    def retype(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = repo.claim_span_ids(old)
        return [update_many_op(SPANS, ids, {"label": new})] if ids else []

    return _save(workspace, lambda s: scheme_edits.rename_claim_type(s, old, new), user=user,
                 label=_("Rename claim type {old} to {new}").format(old=old, new=new), span_ops=retype)


def delete_claim_type(workspace: Workspace, name: str, *, user: str) -> Changes:
    """The claim type goes, and its claims in every set with it (their relations and notes too)."""
    def remove(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = repo.claim_span_ids(name)
        return [delete_op(SPANS, ids)] if ids else []

    return _save(workspace, lambda s: scheme_edits.remove_claim_type(s, name), user=user,
                 label=_("Delete claim type {type}").format(type=name), span_ops=remove)


def replace_scheme(workspace: Workspace, scheme: Scheme, *, user: str, label: str | None = None) -> Changes:
    """Put a whole scheme in force (an imported file); refused while it drops a label in use.

    ``label``: the action's label, by default "Replace the scheme".
    """
    return _save(workspace, lambda _s: scheme, user=user, label=label or _("Replace the scheme"), check_in_use=True)


# ------------------------------------------------------------------ files
def export_scheme(workspace: Workspace, path: Path, *, force: bool = False) -> Scheme:
    """Write the scheme in force to a JSON file (through :func:`output_files.write_file`)."""
    scheme = workspace.current_scheme()
    body = orjson.dumps({"version": scheme.version, **scheme.to_dict()}, option=orjson.OPT_INDENT_2)
    output_files.write_file(Path(path), lambda out: out.write(body), database=workspace.store.file, force=force)
    return scheme


def _line_naming(text: str, message: str) -> int:
    """The first line of ``text`` that names something the message quotes (else line 1)."""
    for quoted in re.findall(r"'([^']+)'|\b([A-Z][A-Z_]+)\b", message):
        needle = quoted[0] or quoted[1]
        for number, line in enumerate(text.splitlines(), 1):
            if f'"{needle}"' in line:
                return number
    return 1


def read_scheme_file(path: Path) -> Scheme:
    """A scheme from a JSON file (as ``export_scheme`` or ``annotator schema --json`` write it)."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(name, 0, _("cannot read: {error}").format(error=exc.strerror or exc))]) from exc
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, _("not JSON: {error}").format(error=exc.msg))]) from exc
    if not isinstance(data, dict):
        raise InputError([Problem(name, 1, _("a scheme file holds one JSON object"))])
    try:
        return Scheme.from_dict(data)
    except SchemeError as exc:
        text = raw.decode("utf-8", "replace")
        raise InputError([Problem(name, _line_naming(text, part), part)
                          for part in str(exc).split("; ")]) from exc


def import_scheme(workspace: Workspace, path: Path, *, user: str) -> Changes:
    scheme = read_scheme_file(path)
    return replace_scheme(workspace, scheme, user=user, label=_("Import scheme {file}").format(file=path.name))


def brat_proposal(workspace: Workspace, path: Path) -> brat_conf.Proposal:
    """The scheme in force with what a brat ``annotation.conf`` adds (labels, relation types, attributes);
    nothing is changed: the user looks at it first, and :func:`adopt_brat_proposal` puts it in force."""
    conf = brat_conf.read_conf(Path(path))
    if conf.problems:
        raise InputError(conf.problems)
    try:
        return brat_conf.propose(conf, workspace.current_scheme())
    except SchemeError as exc:
        raise InputError([Problem(str(path), 1, str(exc))]) from exc


def adopt_brat_proposal(workspace: Workspace, path: Path, *, user: str) -> Changes:
    """Put :func:`brat_proposal` in force as a new scheme version (one undoable scheme action)."""
    proposal = brat_proposal(workspace, path)
    if proposal.empty:
        raise ServiceError(_("{file} names nothing the scheme lacks").format(file=Path(path).name))
    return replace_scheme(workspace, proposal.scheme, user=user,
                          label=_("Labels from brat {file}").format(file=Path(path).name))


# ---------------------------------------------------------------- history
def undo(workspace: Workspace, *, user: str) -> Changes | None:
    return history.undo(workspace, owner=SCHEME_OWNER, user=user)


def redo(workspace: Workspace, *, user: str) -> Changes | None:
    return history.redo(workspace, owner=SCHEME_OWNER, user=user)


def next_labels(workspace: Workspace) -> tuple[str | None, str | None]:
    return history.next_labels(workspace, owner=SCHEME_OWNER)
