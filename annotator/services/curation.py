"""Curation: building the gold set from the annotators' sets. Curators only; each step one action."""

from __future__ import annotations

import dataclasses
from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.consensus import agreed, keys_by_id, relation_key
from annotator.domain.disagreements import ACCEPT, ENTITY, REJECT, Disagreement, disagreements, region_items
from annotator.domain.model import AUTHOR, GOLD, AnnotationSet, Claim, SetStatus
from annotator.i18n import _, ngettext
from annotator.services.actions import run_action
from annotator.services.annotating import _document_length, _open_set
from annotator.services.errors import ServiceError
from annotator.services.entities import entity_mapping_ops, relinked
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.retrying import retried
from annotator.services.permissions import check_may_write, refusal
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, DECISIONS, RELATIONS, SPANS, Op, delete_op, insert_op, update_op
from annotator.storage.repository import Repository, claim_rows, relation_values, span_row


def _annotator_sets(repo: Repository, document_id: str) -> list[AnnotationSet]:
    """The document's annotators' sets: not gold, not model suggestions, not skipped."""
    refs = [r for r in repo.set_refs([document_id])
            if r.owner != GOLD and not r.owner.startswith("model:") and r.status != SetStatus.SKIPPED]
    return repo.load_sets(refs)


def _copy_ops(repo: Repository, gold_set_id: int, source: AnnotationSet,
              gold: AnnotationSet | None, created: dict[int, int] | None = None) -> tuple[list[Op], int]:
    """Operations that add to gold what ``source`` holds and gold lacks; and how many items they add.
    ``created``: gold's copies of entities already made in this unit of work (see ``entity_mapping_ops``)."""
    gold_keys = keys_by_id(gold) if gold else {}
    gold_ids_by_key = {key: gold_id for gold_id, key in gold_keys.items()}
    gold_relations = {relation_key(r, gold_keys) for r in gold.relations} if gold else set()
    source_keys = keys_by_id(source)
    new_spans = [s for s in source.spans if source_keys[s.id] not in gold_ids_by_key]
    # The annotator's entity links, onto gold's entity table (an entity gold lacks is copied).
    mapping, entity_ops = entity_mapping_ops(repo, [s.entity for s in new_spans if isinstance(s.entity, int)],
                                             GOLD, created)
    new_spans = relinked(new_spans, mapping)
    new_claims = [c for c in source.claims if source_keys[c.id] not in gold_ids_by_key]
    ids = iter(repo.allocate_ids(SPANS, len(new_spans) + len(new_claims)))
    target: dict[Any, int] = {old: gold_ids_by_key[key] for old, key in source_keys.items()
                              if key in gold_ids_by_key}
    span_rows: list[dict] = []
    claim_details: list[dict] = []
    for span in new_spans:
        target[span.id] = next(ids)
        span_rows.append(span_row(gold_set_id, target[span.id], span))
    for claim in new_claims:
        target[claim.id] = next(ids)
    for claim in new_claims:
        speaker = target.get(claim.speaker) if claim.speaker not in (None, AUTHOR) else None
        row, details = claim_rows(gold_set_id, target[claim.id], claim, speaker)
        span_rows.append(row)
        claim_details.append(details)
    relations = [r for r in source.relations
                 if r.head in target and r.tail in target and relation_key(r, source_keys) not in gold_relations]
    relation_ids = iter(repo.allocate_ids(RELATIONS, len(relations)))
    # A relation comes with its attributes (they are not part of its key: see domain/consensus.py).
    relation_rows = [relation_values(next(relation_ids), gold_set_id, r, target[r.head], target[r.tail])
                     for r in relations]
    ops = entity_ops + [op for op in (insert_op(SPANS, span_rows), insert_op(CLAIMS, claim_details),
                                      insert_op(RELATIONS, relation_rows)) if op["rows"]]
    return ops, len(span_rows) + len(relation_rows)


def _gold(repo: Repository, document_id: str) -> AnnotationSet | None:
    refs = repo.set_refs([document_id], GOLD)
    return repo.load_sets(refs)[0] if refs else None


def _curated_source(repo: Repository, document_id: str, annotator: str, user: str) -> AnnotationSet:
    """The annotator's set that a curator takes from (refused for a non-curator, gold, or no set)."""
    _document_length(repo, document_id)
    check_may_write(repo, GOLD, user)
    refs = repo.set_refs([document_id], annotator)
    if not refs or annotator == GOLD:
        raise ServiceError(_("{annotator!r} has no set of {document!r}").format(
            annotator=annotator, document=document_id))
    (source,) = repo.load_sets(refs)
    return source


@retried
def accept_agreed(workspace: Workspace, document_id: str, *, user: str, seen: int | None = None) -> Changes:
    """Copy into gold every span, claim and relation that all the document's annotators agree on."""
    with workspace.store.write(owner=GOLD, document_id=document_id) as repo:
        check_unchanged(repo, document_id, seen, user, None)
        _document_length(repo, document_id)
        check_may_write(repo, GOLD, user)
        sets = _annotator_sets(repo, document_id)
        if len(sets) < 2:
            raise ServiceError(ngettext("{document!r} has {count} annotator set(s); agreement needs two or more",
                                        "{document!r} has {count} annotator set(s); agreement needs two or more",
                                        len(sets)).format(document=document_id, count=len(sets)))
        ops: list[Op] = []
        gold_set_id = _open_set(repo, document_id, GOLD, ops)
        copy, count = _copy_ops(repo, gold_set_id, agreed(sets), _gold(repo, document_id))
        if not copy:
            raise ServiceError(_("gold of {document!r} already holds everything the annotators agree on").format(
                document=document_id))
        owners = ", ".join(s.owner for s in sets)
        label = ngettext("Accept {count} agreed annotation(s) of {owners}",
                         "Accept {count} agreed annotation(s) of {owners}", count).format(count=count, owners=owners)
        return run_action(repo, owner=GOLD, user=user, kind="accept_agreed", label=label, document_id=document_id,
                          ops=ops + copy, result=count)


@retried
def take(workspace: Workspace, document_id: str, annotator: str, *, user: str, seen: int | None = None) -> Changes:
    """Make gold a copy of one annotator's set (what gold held before is replaced)."""
    with workspace.store.write(owner=GOLD, document_id=document_id) as repo:
        check_unchanged(repo, document_id, seen, user, None)
        source = _curated_source(repo, document_id, annotator, user)
        ops: list[Op] = []
        gold_set_id = _open_set(repo, document_id, GOLD, ops)
        gold = _gold(repo, document_id)
        old = [x.id for x in (*gold.spans, *gold.claims)] if gold else []
        if old:
            ops.append(delete_op(SPANS, old))  # takes their claims and relations with them
        copy, count = _copy_ops(repo, gold_set_id, source, None)
        return run_action(repo, owner=GOLD, user=user, kind="take_set",
                          label=_("Take {annotator}'s set as gold").format(annotator=annotator),
                          document_id=document_id,
                          ops=ops + copy, result=count)


def annotator_sets(workspace: Workspace, document_id: str) -> list[AnnotationSet]:
    """The document's annotators' sets (not gold, not suggestions, not skipped), by owner."""
    with workspace.store.read() as repo:
        return annotator_sets_in(repo, document_id)


def annotator_sets_in(repo: Repository, document_id: str) -> list[AnnotationSet]:
    """:func:`annotator_sets` inside a read the caller holds."""
    return sorted(_annotator_sets(repo, document_id), key=lambda s: s.owner)


def gold_set(workspace: Workspace, document_id: str) -> AnnotationSet | None:
    with workspace.store.read() as repo:
        return _gold(repo, document_id)


def gold_in(repo: Repository, document_id: str) -> AnnotationSet | None:
    """:func:`gold_set` inside a read the caller holds."""
    return _gold(repo, document_id)


def may_write_gold(workspace: Workspace, user: str) -> str | None:
    """Why ``user`` may not write gold (they are not a curator), or None when they may."""
    with workspace.store.read() as repo:
        return refusal(repo, GOLD, user)


def document_disagreements(workspace: Workspace, document_id: str) -> list[Disagreement]:
    return disagreements(annotator_sets(workspace, document_id))


@retried
def accept_version(workspace: Workspace, document_id: str, annotator: str, layer: str, start: int, end: int,
                   *, user: str, seen: int | None = None, pieces: tuple[tuple[int, int], ...] = ()) -> Changes:
    """Make gold, in [start, end) and one layer (entity spans or claims), what ``annotator`` has there.

    Gold's annotations of that layer overlapping the region that the annotator
    lacks go (with what hangs on them); the annotator's that gold lacks come in,
    a claim's speaker mention with it. One action, curators only. ``pieces``: the disagreement's
    (``Disagreement.pieces``), so what lies in the gaps of a discontinuous span is not the region's.
    """
    with workspace.store.write(owner=GOLD, document_id=document_id) as repo:
        check_unchanged(repo, document_id, seen, user, list(pieces) or (start, end))
        source = _curated_source(repo, document_id, annotator, user)
        label = _("Accept {annotator}'s version at {start}-{end}").format(annotator=annotator, start=start, end=end)
        refused = _("gold already has {annotator}'s version there").format(annotator=annotator)
        decided = _decision_ops(repo, document_id, layer, start, end, ACCEPT, annotator, user)
        return make_region(repo, document_id, source, layer, start, end, user=user, kind="accept_version",
                           label=label, refused=refused, decided=decided, pieces=pieces)


def make_region(repo: Repository, document_id: str, source: AnnotationSet, layer: str, start: int, end: int, *,
                user: str, kind: str, label: str, refused: str, decided: list[Op] | None = None,
                pieces: tuple[tuple[int, int], ...] = ()) -> Changes:
    """Gold, in [start, end) and one layer, made what ``source`` holds there (in the caller's write
    transaction): an annotator's set (``accept_version``), or the gold a copy of the passage was
    settled with (``services/copy_gold.accept_copy``). ``decided``: the ops recording the curator's
    decision on the region (``_decision_ops``), part of the same action. ``pieces``: the region's
    fragments (what lies in their gaps is not the region's). ``refused``: the message when nothing changes."""
    decided = decided or []
    gold = _gold(repo, document_id)
    wanted = region_items(source, layer, start, end, pieces)
    source_keys = keys_by_id(source)
    wanted_keys = {source_keys[x.id] for x in wanted}
    ops: list[Op] = []
    gold_set_id = _open_set(repo, document_id, GOLD, ops)
    gold_keys = keys_by_id(gold) if gold else {}
    stale_items = [x for x in (region_items(gold, layer, start, end, pieces) if gold else ())
                   if gold_keys[x.id] not in wanted_keys]
    # A gold mention at the same place as the incoming one changes its label in place: the
    # claims it speaks, its relations and notes stay with it (a delete would drop them).
    # Gold's entity link stays (the curator settled it); an unlinked gold mention takes the
    # version's link, onto gold's entities.
    relabelled: dict[Any, Any] = {}
    created: dict[int, int] = {}
    if layer == ENTITY:
        in_gold = set(gold_keys.values())
        incoming = {(x.start, x.end, x.fragments): x for x in wanted if source_keys[x.id] not in in_gold}
        matches = [(item, incoming.pop((item.start, item.end, item.fragments), None)) for item in stale_items]
        matches = [(item, match) for item, match in matches if match is not None]
        mapping, entity_ops = entity_mapping_ops(
            repo, [m.entity for item, m in matches if item.entity is None and isinstance(m.entity, int)],
            GOLD, created)
        ops += entity_ops
        for item, match in matches:
            relabelled[item.id] = match
            values = {"label": match.label, "attributes": match.attributes or None}
            if item.entity is None and mapping.get(match.entity) is not None:
                values["entity_id"] = mapping[match.entity]
            ops.append(update_op(SPANS, item.id, values))
    stale = [x.id for x in stale_items if x.id not in relabelled]
    if stale:
        ops.append(delete_op(SPANS, stale))
    spans = {s.id: s for s in source.spans}
    speakers = tuple(spans[c.speaker] for c in wanted if isinstance(c, Claim) and c.speaker in spans)
    taken_in_place = {x.id for x in relabelled.values()}
    kept = ({x.id for x in wanted} | {s.id for s in speakers}) - taken_in_place
    subset = AnnotationSet(
        document_id, source.owner, source.status,
        spans=tuple(s for s in source.spans if s.id in kept),
        claims=tuple(c for c in source.claims if c.id in kept),
        relations=tuple(r for r in source.relations if r.head in kept and r.tail in kept),
    )
    remaining = None
    if gold is not None:
        gone = set(stale)
        remaining = AnnotationSet(document_id, GOLD, gold.status,
                                  tuple(dataclasses.replace(s, label=relabelled[s.id].label)
                                        if s.id in relabelled else s
                                        for s in gold.spans if s.id not in gone),
                                  tuple(c for c in gold.claims if c.id not in gone),
                                  tuple(r for r in gold.relations if r.head not in gone and r.tail not in gone))
    copy, count = _copy_ops(repo, gold_set_id, subset, remaining, created)
    if not stale and not copy and not relabelled and not decided:
        raise ServiceError(refused)
    return run_action(repo, owner=GOLD, user=user, kind=kind, label=label, document_id=document_id,
                      ops=ops + copy + decided, result=count)


def _decision_ops(repo: Repository, document_id: str, layer: str, start: int, end: int, decision: str,
                  annotator: str | None, user: str) -> list[Op]:
    """Record the curator's decision on a region (none when that decision is already recorded).

    The region's row is changed in place when it was decided otherwise before; the unique index on
    the region keeps two curators from both inserting one (the gold lock orders them, and the
    second sees the first's row here, or a GoldConflict in the window)."""
    existing = next((d for d in repo.decisions(document_id) if d.region == (layer, start, end)), None)
    if existing is None:
        (decision_id,) = repo.allocate_ids(DECISIONS, 1)
        return [insert_op(DECISIONS, [{"id": decision_id, "document_id": document_id, "layer": layer,
                                       "start": start, "end": end, "decision": decision,
                                       "annotator": annotator, "curator": user}])]
    if (existing.decision, existing.annotator) == (decision, annotator):
        return []
    return [update_op(DECISIONS, existing.id, {"decision": decision, "annotator": annotator, "curator": user,
                                             "start": start, "end": end})]  # the extent: for gold_conflicts


@retried
def reject_region(workspace: Workspace, document_id: str, layer: str, start: int, end: int,
                  *, user: str, seen: int | None = None) -> Changes:
    """Reject every annotator's version of a region: gold holds nothing of the layer there, and the
    region is recorded as decided (an "only some have it" region stays open until it is)."""
    with workspace.store.write(owner=GOLD, document_id=document_id) as repo:
        check_unchanged(repo, document_id, seen, user, (start, end))
        _document_length(repo, document_id)
        check_may_write(repo, GOLD, user)
        gold = _gold(repo, document_id)
        ops: list[Op] = []
        stale = [x.id for x in region_items(gold, layer, start, end)] if gold else []
        if stale:
            ops.append(delete_op(SPANS, stale))  # takes their claims, relations and notes with them
        ops += _decision_ops(repo, document_id, layer, start, end, REJECT, None, user)
        if not ops:
            raise ServiceError(_("this region is already rejected"))
        label = _("Reject every version at {start}-{end}").format(start=start, end=end)
        return run_action(repo, owner=GOLD, user=user, kind="reject_region", label=label, document_id=document_id,
                          ops=ops, result=len(stale))


def decisions_in(repo: Repository, document_id: str) -> list:
    """The curators' decisions on the document's regions (inside a read the caller holds)."""
    return repo.decisions(document_id)
