"""Claim and relation actions. A claim's speaker and its SAYS relation are kept in step.

A claim's ``speaker`` is a PER, ORG or ROLE mention of the same set (a pronoun
is such a mention with ``pronoun: true``), or ``AUTHOR``. Where the speaker is
a mention, a SAYS relation speaker -> claim stands beside it: adding, changing
or removing one changes the other in the same action.
"""

from __future__ import annotations

from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, GOLD, SAYS, Certainty, Claim, Cue, Quantity, Span
from annotator.domain.validation import check_attributes, check_claim, check_relation_ends, check_span, relation_name
from annotator.i18n import _
from annotator.services.actions import run_action, run_steps
from annotator.services.annotating import _document_length, _open_set, _owned_span, _refuse
from annotator.services.errors import NotFound, ServiceError
from annotator.services.gold_conflicts import Extent, check_unchanged
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, RELATIONS, SPANS, Op, delete_op, insert_op, update_op
from annotator.storage.repository import CLAIM, ENTITY, Repository, claim_rows, span_row

UNSET: Any = object()  # "leave this field as it is" in edit_claim


def _speaker_span(repo: Repository, speaker: int | str | None, owner: str, document_id: str
                  ) -> tuple[int | str | None, dict[Any, Span]]:
    """The speaker as stored (span id, AUTHOR or None) and the mention for validation."""
    if speaker in (None, AUTHOR):
        return speaker, {}
    try:
        span_id = int(speaker)  # type: ignore[arg-type]
    except ValueError:
        raise ServiceError(_("speaker must be a span id or {author}, not {speaker!r}").format(
            author=AUTHOR, speaker=speaker)) from None
    row = _owned_span(repo, span_id, owner, ENTITY)
    if row["document_id"] != document_id:
        raise ServiceError(_("speaker {span} is a mention of another document").format(span=span_id))
    return span_id, {span_id: Span(span_id, row["start"], row["end"], row["label"], row["attributes"] or {})}


def _says_ops(repo: Repository, set_id: int, claim_id: int, speaker: int | str | None,
              existing: list[dict[str, Any]]) -> list[Op]:
    """Operations that leave exactly one SAYS relation speaker -> claim (none for AUTHOR or no speaker)."""
    ops: list[Op] = []
    keep = [r for r in existing if r["head_id"] == speaker]
    stale = [r["id"] for r in existing if r not in keep[:1]]
    if stale:
        ops.append(delete_op(RELATIONS, stale))
    if isinstance(speaker, int) and not keep:
        relation_id = repo.allocate_ids(RELATIONS, 1)[0]
        ops.append(insert_op(RELATIONS, [{"id": relation_id, "set_id": set_id, "label": SAYS,
                                          "head_id": speaker, "tail_id": claim_id}]))
    return ops


@retried
def add_claim(workspace: Workspace, document_id: str, start: int, end: int, claim_type: str, *, owner: str,
              speaker: int | str | None = None, cue: tuple[int, int] | None = None, hedged: bool = False,
              checkworthy: bool = False, quantity: Quantity | None = None, user: str | None = None,
              seen: int | None = None) -> Changes:
    """Add a claim (and its SAYS relation when the speaker is a mention); ``result`` is its id.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        scheme = workspace.scheme(repo)
        length = _document_length(repo, document_id)
        ops: list[Op] = []
        set_id = _open_set(repo, document_id, owner, ops)
        speaker, mentions = _speaker_span(repo, speaker, owner, document_id)
        if owner == GOLD:
            check_unchanged(repo, document_id, seen, user or repo.login,
                            _claim_region((start, end), mentions, cue), [("spans", m) for m in mentions])
        claim = Claim(None, start, end, claim_type, speaker, Cue(*cue) if cue else None,
                      Certainty.HEDGED if hedged else Certainty.ASSERTED, checkworthy, quantity)
        _refuse(check_claim(claim, length, scheme, mentions))
        if repo.span_exists(set_id, CLAIM, start, end, claim_type):
            raise ServiceError(_("{owner!r} already has a {type} claim at {start}-{end}").format(
                owner=owner, type=claim_type, start=start, end=end))
        claim_id = repo.allocate_ids(SPANS, 1)[0]
        span, details = claim_rows(set_id, claim_id, claim, speaker if isinstance(speaker, int) else None)
        ops += [insert_op(SPANS, [span]), insert_op(CLAIMS, [details])]
        ops += _says_ops(repo, set_id, claim_id, speaker, [])
        return run_action(repo, owner=owner, user=user, kind="add_claim",
                          label=_("Add {type} claim").format(type=claim_type),
                          document_id=document_id, ops=ops, result=claim_id)


@retried
def edit_claim(workspace: Workspace, claim_id: int, *, owner: str, user: str | None = None,
               claim_type: str = UNSET, speaker: int | str | None = UNSET,
               cue: tuple[int, int] | None = UNSET, certainty: Certainty = UNSET,
               checkworthy: bool = UNSET, quantity: Quantity | None = UNSET,
               extent: tuple[int, int] = UNSET, seen: int | None = None) -> Changes:
    """Change any fields of a claim in one action; fields left UNSET stay as they are.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        ops, document_id, changed = _edit_claim_ops(workspace, repo, claim_id, owner, claim_type=claim_type,
                                                    speaker=speaker, cue=cue, certainty=certainty,
                                                    checkworthy=checkworthy, quantity=quantity, extent=extent)
        if owner == GOLD:
            _check_claim_unchanged(repo, claim_id, document_id, seen, user, [
                *([extent] if extent is not UNSET else []), *([cue] if cue not in (UNSET, None) else [])],
                [speaker] if isinstance(speaker, int) else [])
        return run_action(repo, owner=owner, user=user, kind="edit_claim",
                          label=_("Edit claim ({fields})").format(fields=changed),
                          document_id=document_id, ops=ops, result=claim_id)


def _claim_region(extent: Extent, mentions: dict[Any, Span], cue: tuple[int, int] | None) -> list[Extent]:
    """What a change to a claim is about: its extent, its speaker's mention and its cue."""
    return [extent, *((m.start, m.end) for m in mentions.values()), *([tuple(cue)] if cue else [])]


def _check_claim_unchanged(repo: Repository, claim_id: int, document_id: str, seen: int | None,
                           user: str | None, extents: list, spans: list[int]) -> None:
    """Refuse a gold claim's change when another curator changed the claim, its extent, its old or
    new speaker or cue, or the ``extents`` and ``spans`` it is given since ``seen``."""
    if seen is None:
        return
    row = repo.span_row(claim_id)
    details = repo.claim_details(claim_id)
    assert row is not None and details is not None
    old = [details["speaker_span_id"]] if details["speaker_span_id"] is not None else []
    region = [(row["start"], row["end"]), *repo.span_extents(old + spans), *(tuple(e) for e in extents)]
    if details["cue_start"] is not None:
        region.append((details["cue_start"], details["cue_end"]))
    check_unchanged(repo, document_id, seen, user or repo.login, region,
                    [("spans", claim_id), *(("spans", s) for s in old + spans)])


def _field_name(column: str) -> str:
    """A stored column as the claim field a user knows (for undo labels: "Edit claim (speaker)")."""
    names = {"label": _("type"), "start": _("extent"), "end": _("extent"), "speaker_span_id": _("speaker"),
             "speaker_is_author": _("speaker"), "cue_start": _("cue"), "cue_end": _("cue"),
             "certainty": _("certainty"), "checkworthy": _("check-worthy"), "quantity_value": _("quantity"),
             "quantity_unit": _("quantity"), "quantity_period": _("quantity")}
    return names.get(column, column)


def _edit_claim_ops(workspace: Workspace, repo: Repository, claim_id: int, owner: str, *, claim_type: str,
                    speaker: int | str | None, cue: tuple[int, int] | None, certainty: Certainty,
                    checkworthy: bool, quantity: Quantity | None, extent: tuple[int, int]
                    ) -> tuple[list[Op], str, str]:
    """The operations of an edit (fields left UNSET stay), the document, and the fields changed."""
    scheme = workspace.scheme(repo)
    row = _owned_span(repo, claim_id, owner, CLAIM)
    details = repo.claim_details(claim_id)
    assert details is not None
    document_id = row["document_id"]
    old_speaker = AUTHOR if details["speaker_is_author"] else details["speaker_span_id"]
    new_speaker, mentions = _speaker_span(repo, old_speaker if speaker is UNSET else speaker, owner,
                                          document_id)
    start, end = (row["start"], row["end"]) if extent is UNSET else extent
    old_cue = Cue(details["cue_start"], details["cue_end"]) if details["cue_start"] is not None else None
    claim = Claim(
        claim_id, start, end, row["label"] if claim_type is UNSET else claim_type, new_speaker,
        old_cue if cue is UNSET else (Cue(*cue) if cue else None),
        Certainty(details["certainty"]) if certainty is UNSET else Certainty(certainty),
        bool(details["checkworthy"]) if checkworthy is UNSET else checkworthy,
    )
    _refuse(check_claim(claim, _document_length(repo, document_id), scheme, mentions))
    span_values = {k: v for k, v in (("label", claim.type), ("start", start), ("end", end))
                   if v != row[k]}
    claim_values = {
        "speaker_span_id": new_speaker if isinstance(new_speaker, int) else None,
        "speaker_is_author": new_speaker == AUTHOR,
        "cue_start": claim.cue.start if claim.cue else None, "cue_end": claim.cue.end if claim.cue else None,
        "certainty": claim.certainty.value, "checkworthy": claim.checkworthy,
    }
    if quantity is not UNSET:
        claim_values.update(quantity_value=quantity.value if quantity else None,
                            quantity_unit=quantity.unit if quantity else None,
                            quantity_period=quantity.period if quantity else None)
    claim_values = {k: v for k, v in claim_values.items() if v != details[k]}
    if not span_values and not claim_values:
        raise ServiceError(_("claim {claim} already has these values").format(claim=claim_id))
    ops: list[Op] = []
    if span_values:
        ops.append(update_op(SPANS, claim_id, span_values))
    if claim_values:
        ops.append(update_op(CLAIMS, claim_id, claim_values))
    if "speaker_span_id" in claim_values or "speaker_is_author" in claim_values:
        ops += _says_ops(repo, row["set_id"], claim_id, new_speaker, repo.relations_into(claim_id, SAYS))
    changed = ", ".join(sorted({_field_name(column) for column in (*span_values, *claim_values)}))
    return ops, document_id, changed


@retried
def speaker_from_new_mention(workspace: Workspace, claim_id: int, start: int, end: int, label: str, *,
                             owner: str, attributes: dict[str, Any] | None = None,
                             user: str | None = None, seen: int | None = None) -> Changes:
    """Mark [start, end) as a mention (a pronoun: "он") and make it the claim's speaker: one action.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        scheme = workspace.scheme(repo)
        row = _owned_span(repo, claim_id, owner, CLAIM)
        document_id = row["document_id"]
        if owner == GOLD:
            _check_claim_unchanged(repo, claim_id, document_id, seen, user, [(start, end)], [])
        mention = Span(None, start, end, label, attributes or {})
        _refuse(check_span(mention, _document_length(repo, document_id), scheme))
        span_id = repo.span_exists(row["set_id"], ENTITY, start, end, label)
        new_span = span_id is None
        if new_span:
            span_id = repo.allocate_ids(SPANS, 1)[0]

        def mark() -> list[Op]:
            return [insert_op(SPANS, [span_row(row["set_id"], span_id, mention)])] if new_span else []

        def speak() -> list[Op]:
            return _edit_claim_ops(workspace, repo, claim_id, owner, claim_type=UNSET, speaker=span_id, cue=UNSET,
                                   certainty=UNSET, checkworthy=UNSET, quantity=UNSET, extent=UNSET)[0]

        return run_steps(repo, owner=owner, user=user, kind="speaker_mention",
                         label=_("Mark {label} mention as the speaker").format(label=label),
                         document_id=document_id, steps=[mark, speak], result=span_id)


@retried
def add_relation(workspace: Workspace, head: int, tail: int, label: str, *, owner: str,
                 user: str | None = None, seen: int | None = None) -> Changes:
    """Add a typed relation; a SAYS relation to a claim without a speaker makes the head its speaker.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        scheme = workspace.scheme(repo)
        head_row, tail_row = _owned_span(repo, head, owner), _owned_span(repo, tail, owner)
        if head_row["set_id"] != tail_row["set_id"]:
            raise ServiceError(_("a relation joins two spans of the same document"))
        if owner == GOLD:
            check_unchanged(repo, head_row["document_id"], seen, user or repo.login,
                            [(r["start"], r["end"]) for r in (head_row, tail_row)], [("spans", head), ("spans", tail)])
        nodes = {r["id"]: Span(r["id"], r["start"], r["end"], r["label"]) for r in (head_row, tail_row)
                 if r["kind"] == ENTITY}
        claims = {r["id"]: Claim(r["id"], r["start"], r["end"], r["label"]) for r in (head_row, tail_row)
                  if r["kind"] == CLAIM}
        _refuse(check_relation_ends("new", label, head, tail, nodes, claims, scheme))
        ops: list[Op] = []
        if label == SAYS and tail in claims:
            details = repo.claim_details(tail)
            assert details is not None
            if details["speaker_is_author"] or details["speaker_span_id"] not in (None, head):
                if details["speaker_is_author"]:
                    message = _("SAYS must agree with the claim's speaker: claim {claim} is said by {author}; "
                                "change the speaker instead").format(claim=tail, author=AUTHOR)
                else:
                    message = _("SAYS must agree with the claim's speaker: claim {claim} is said by span {span}; "
                                "change the speaker instead").format(claim=tail, span=details["speaker_span_id"])
                raise ServiceError(message)
            if repo.relations_into(tail, SAYS):
                raise ServiceError(_("claim {claim} already has its SAYS relation").format(claim=tail))
            ops.append(update_op(CLAIMS, tail, {"speaker_span_id": head}))
        relation_id = repo.allocate_ids(RELATIONS, 1)[0]
        ops.append(insert_op(RELATIONS, [{"id": relation_id, "set_id": head_row["set_id"], "label": label,
                                          "head_id": head, "tail_id": tail}]))
        return run_action(repo, owner=owner, user=user, kind="add_relation",
                          label=_("Add {label} relation").format(label=label),
                          document_id=head_row["document_id"], ops=ops, result=relation_id)


def _owned_relation(repo: Repository, relation_id: int, owner: str) -> dict[str, Any]:
    row = repo.relation_row(relation_id)
    if row is None:
        raise NotFound(_("no relation {relation}").format(relation=relation_id))
    if row["owner"] != owner:
        raise ServiceError(_("relation {relation} belongs to {set_owner!r}'s set, not {owner!r}'s").format(
            relation=relation_id, set_owner=row["owner"], owner=owner))
    return row


@retried
def set_relation_attribute(workspace: Workspace, relation_id: int, name: str, value: Any, *, owner: str,
                           user: str | None = None, seen: int | None = None) -> Changes:
    """Set (or with ``value=None`` clear) one attribute of a relation, as ``annotating.set_attribute``
    does a span's: one undoable action. ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        scheme = workspace.scheme(repo)
        row = _owned_relation(repo, relation_id, owner)
        if owner == GOLD:
            check_unchanged(repo, row["document_id"], seen, user or repo.login,
                            repo.span_extents([row["head_id"], row["tail_id"]]), [("relations", relation_id)])
        attributes = dict(row["attributes"] or {})
        if value is None:
            if name not in attributes:
                raise ServiceError(_("relation {relation} has no attribute {name!r}").format(
                    relation=relation_id, name=name))
            attributes.pop(name)
        else:
            if attributes.get(name) == value:
                raise ServiceError(_("relation {relation} already has {name} = {value!r}").format(
                    relation=relation_id, name=name, value=value))
            attributes[name] = value
            _refuse(check_attributes({name: value}, row["label"], scheme, relation_name(relation_id), relation=True))
        return run_action(repo, owner=owner, user=user, kind="set_relation_attribute",
                          label=_("Set {attribute}").format(attribute=name), document_id=row["document_id"],
                          ops=[update_op(RELATIONS, relation_id, {"attributes": attributes or None})],
                          result=relation_id)


@retried
def remove_relation(workspace: Workspace, relation_id: int, *, owner: str, user: str | None = None,
                    seen: int | None = None) -> Changes:
    """Remove a relation; removing a claim's SAYS relation also clears its speaker.
    ``seen``: see ``gold_conflicts``."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_relation(repo, relation_id, owner)
        if owner == GOLD:
            check_unchanged(repo, row["document_id"], seen, user or repo.login,
                            repo.span_extents([row["head_id"], row["tail_id"]]),
                            [("relations", relation_id), ("spans", row["head_id"]), ("spans", row["tail_id"])])
        ops: list[Op] = [delete_op(RELATIONS, [relation_id])]
        if row["label"] == SAYS:
            details = repo.claim_details(row["tail_id"])
            if details is not None and details["speaker_span_id"] == row["head_id"]:
                ops.append(update_op(CLAIMS, row["tail_id"], {"speaker_span_id": None}))
        return run_action(repo, owner=owner, user=user, kind="remove_relation",
                          label=_("Remove {label} relation").format(label=row["label"]), document_id=row["document_id"],
                          ops=ops, result=relation_id)
