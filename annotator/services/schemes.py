"""Changing the scheme: every change is a new version, saved as one undoable action.

A change that touches labels in use carries its spans along in the same action:
a rename relabels them, a merge moves them into the other label (dropping a span
the other label already has at the same place), a delete removes them with what
hangs on them (relations, a claim's speaker). Claim types work the same way: a
rename retypes their claims, a delete removes the claims with their relations
and notes. Change, rename and delete take the kind (ENTITY or CLAIM) and go one
path; what differs by kind is in :data:`ITEM_KINDS`. :func:`item_impact` says
beforehand how many spans (claims) of whose sets a delete or merge touches. Scheme actions go into
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
from annotator.storage.repository import CLAIM, ENTITY, Repository


class SchemeChangeRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class Impact:
    """What deleting a label or a claim type (or merging a label into another) does to the annotations."""

    kind: str  # ENTITY or CLAIM
    name: str
    by_owner: dict[str, int] = field(default_factory=dict)  # spans (claims) of it per set's owner
    relations: int = 0  # relations that end on them (a delete removes them)
    speakers: int = 0  # a label: claims one of its spans speaks (a delete leaves them without speaker)
    notes: int = 0  # a claim type: notes on its claims (a delete removes them)
    twins: int = 0  # merge: spans the target label already has at the same place (dropped)

    @property
    def count(self) -> int:
        return sum(self.by_owner.values())


def item_impact(workspace: Workspace, kind: str, name: str, *, merge_into: str | None = None) -> Impact:
    """What deleting the label (``kind`` ENTITY) or claim type (CLAIM) ``name`` does; for a label,
    with ``merge_into``, what merging it into that label does."""
    spec = ITEM_KINDS[kind]
    with workspace.store.read() as repo:
        usage = repo.label_usage(kind).get(name, {})
        relations, hanging = spec.links(repo, name)
        twins = len(repo.twin_spans(name, merge_into)) if merge_into else 0
    return Impact(kind, name, dict(sorted(usage.items())), relations, twins=twins,
                  **{spec.hanging: hanging})


def span_counts(workspace: Workspace) -> dict[str, int]:
    """label -> entity spans with it, over every set (for the editor's list)."""
    with workspace.store.read() as repo:
        return {label: sum(owners.values()) for label, owners in repo.label_usage().items()}


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
    """A label's (claim type's) field as an action's label names it."""
    # Translators: what "Change {fields} of {label}" changes (a list, joined with ", ").
    names = {"hotkey": _("hotkey"), "color": _("color"), "description": _("description"),
             "guideline": _("guideline")}
    return names.get(field_name, field_name)


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


# ------------------------------------------------- change, rename, delete by kind
@dataclass(frozen=True, slots=True)
class ItemKind:
    """What differs between labels and claim types when one is changed, renamed or deleted:
    the scheme edits, where their spans are, what hangs on them, and the actions' labels."""

    change: Callable[..., Scheme]  # (scheme, name, **fields)
    rename: Callable[[Scheme, str, str], Scheme]
    remove: Callable[[Scheme, str], Scheme]
    span_ids: Callable[[Repository, str], list[int]]  # Repository method: its spans (claims) in every set
    links: Callable[[Repository, str], tuple[int, int]]  # relations on them, and the other count
    hanging: str  # the Impact field that other count goes to
    # The action labels (called at save time, so in the user's language); they format with
    # fields, name, old and new.
    change_text: Callable[[], str]
    rename_text: Callable[[], str]
    delete_text: Callable[[], str]


ITEM_KINDS: dict[str, ItemKind] = {
    ENTITY: ItemKind(scheme_edits.change_label, scheme_edits.rename_label, scheme_edits.remove_label,
                     Repository.entity_span_ids, Repository.links_of_label, "speakers",
                     lambda: _("Change {fields} of {label}"), lambda: _("Rename label {old} to {new}"),
                     lambda: _("Delete label {label}")),
    CLAIM: ItemKind(scheme_edits.change_claim_type, scheme_edits.rename_claim_type, scheme_edits.remove_claim_type,
                    Repository.claim_span_ids, Repository.links_of_claim_type, "notes",
                    lambda: _("Change {fields} of claim type {type}"),
                    lambda: _("Rename claim type {old} to {new}"), lambda: _("Delete claim type {type}")),
}


def _text(template: str, name: str = "", **values: str) -> str:
    return template.format(label=name, type=name, **values)


def change_item(workspace: Workspace, kind: str, name: str, *, user: str, **fields: str) -> Changes:
    """Hotkey or description of a label or claim type; a label's colour or guideline too."""
    spec = ITEM_KINDS[kind]
    what = ", ".join(_field_name(f) for f in sorted(fields))
    return _save(workspace, lambda s: spec.change(s, name, **fields), user=user,
                 label=_text(spec.change_text(), name, fields=what))


def rename_item(workspace: Workspace, kind: str, old: str, new: str, *, user: str) -> Changes:
    """The label's spans (the claim type's claims), in every set, take the new name in the same action."""
    spec = ITEM_KINDS[kind]

    def rename_spans(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = spec.span_ids(repo, old)
        return [update_many_op(SPANS, ids, {"label": new})] if ids else []

    return _save(workspace, lambda s: spec.rename(s, old, new), user=user,
                 label=_text(spec.rename_text(), old=old, new=new), span_ops=rename_spans)


def delete_item(workspace: Workspace, kind: str, name: str, *, user: str) -> Changes:
    """The label (claim type) goes, and its spans (claims) in every set with what hangs on them."""
    spec = ITEM_KINDS[kind]

    def remove_spans(repo: Repository, _scheme: Scheme) -> list[Op]:
        ids = spec.span_ids(repo, name)
        return [delete_op(SPANS, ids)] if ids else []

    return _save(workspace, lambda s: spec.remove(s, name), user=user,
                 label=_text(spec.delete_text(), name), span_ops=remove_spans)


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
