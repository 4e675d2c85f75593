"""Corpus-wide entities: the owner's entity table and the links of mentions to it.

Every change is one action (logged with its inverse, undoable) returning
``Changes``: ``entities`` when the table changed, ``spans`` when links did.
An owner's mentions link only to that owner's entities; gold's are settled by
curation (``curation.py`` maps an annotator's links onto gold's entities,
see :func:`entity_mapping_ops`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from annotator.domain.changes import Changes
from annotator.domain.entities import (
    Entity, EntitySummary, Mention, MentionContext, Proposal, canonical_name, propose, same_name,
)
from annotator.domain.limits import IDENTIFIER_LENGTH, name_problem
from annotator.domain.model import GOLD
from annotator.i18n import _, ngettext
from annotator.services.actions import run_action
from annotator.services.annotating import _owned_span, _refuse
from annotator.services.errors import NotFound, ServiceError
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import ENTITIES, SPANS, Op, delete_op, insert_op, update_many_op, update_op
from annotator.storage.repository import ENTITY, Repository, entity_row

UNSET: Any = object()  # "leave this field as it is" in edit_entity
NOTES_LENGTH = 10_000


# ------------------------------------------------------------------ checks
def entity_problems(entity: Entity) -> list[str]:
    """What is wrong with an entity's fields (empty name, control characters, lengths)."""
    problems = [p for p in (name_problem(entity.name, _("entity name"), IDENTIFIER_LENGTH),) if p]
    if entity.type is not None and (p := name_problem(entity.type, _("entity type"), 100)):
        problems.append(p)
    for alias in entity.aliases:
        if (p := name_problem(alias, _("alias"), IDENTIFIER_LENGTH)):
            problems.append(p)
    if entity.external_id is not None and (p := name_problem(entity.external_id, _("external id"),
                                                             IDENTIFIER_LENGTH)):
        problems.append(p)
    if entity.notes is not None and len(entity.notes) > NOTES_LENGTH:
        problems.append(_("entity notes: longer than {limit} characters").format(limit=NOTES_LENGTH))
    return problems


def _owned_entity(repo: Repository, entity_id: int, owner: str) -> Entity:
    entity = repo.entity(entity_id)
    if entity is None:
        raise NotFound(_("no entity {entity}").format(entity=entity_id))
    if entity.owner != owner:
        raise ServiceError(_("entity {entity} belongs to {entity_owner!r}'s table, not {owner!r}'s").format(
            entity=entity_id, entity_owner=entity.owner, owner=owner))
    return entity


def _aliases(values: Iterable[str], name: str) -> tuple[str, ...]:
    """Aliases without repeats and without the canonical name, in the order given."""
    seen = {name.casefold()}
    out: list[str] = []
    for value in values:
        value = value.strip()
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return tuple(out)


def _mention_text(repo: Repository, row: dict[str, Any]) -> str:
    text = repo.texts([row["document_id"]]).get(row["document_id"], "")
    return text[row["start"]:row["end"]]


# ------------------------------------------------------------------ reading
def entity_list(workspace: Workspace, owner: str) -> list[EntitySummary]:
    """The owner's entity table with each entity's mentions and documents counted, by name."""
    with workspace.store.read() as repo:
        return repo.entity_summaries(owner)


def get_entity(workspace: Workspace, entity_id: int) -> Entity:
    with workspace.store.read() as repo:
        entity = repo.entity(entity_id)
    if entity is None:
        raise NotFound(_("no entity {entity}").format(entity=entity_id))
    return entity


def entity_mentions(workspace: Workspace, entity_id: int) -> list[Mention]:
    """An entity's page: its mentions across the corpus, in corpus order."""
    with workspace.store.read() as repo:
        if repo.entity(entity_id) is None:
            raise NotFound(_("no entity {entity}").format(entity=entity_id))
        return repo.entity_mentions([entity_id])


def propose_for_span(workspace: Workspace, span_id: int, *, owner: str, limit: int = 9) -> list[Proposal]:
    """Entities for the mention ``span_id``, best first (at most ``limit``, for the digit keys 1-9):
    by lemma of the canonical name, by alias (and texts already linked), and, for a title, by
    whom the document is about. The mention's own entity, if linked, is left out."""
    with workspace.store.read() as repo:
        row = _owned_span(repo, span_id, owner, ENTITY)
        text = _mention_text(repo, row)
        entities = repo.entities(owner)
        context = MentionContext(repo.linked_in_document(row["document_id"], owner), repo.linked_texts(owner))
    proposals = propose(text, row["label"], entities, context, limit + 1)
    return [p for p in proposals if p.entity.id != row["entity_id"]][:limit]


def propose_for_text(workspace: Workspace, document_id: str, text: str, label: str | None, *, owner: str,
                     limit: int = 9) -> list[Proposal]:
    """As :func:`propose_for_span`, for a selection not yet marked as a mention."""
    with workspace.store.read() as repo:
        entities = repo.entities(owner)
        context = MentionContext(repo.linked_in_document(document_id, owner), repo.linked_texts(owner))
    return propose(text, label, entities, context, limit)


# ------------------------------------------------------------------ the table
def _new_entity_ops(repo: Repository, owner: str, entity: Entity) -> tuple[int, Op]:
    _refuse(entity_problems(entity))
    entity_id = repo.allocate_ids(ENTITIES, 1)[0]
    return entity_id, insert_op(ENTITIES, [entity_row(entity_id, owner, entity)])


@retried
def create_entity(workspace: Workspace, name: str, *, owner: str, type: str | None = None,
                  aliases: Sequence[str] = (), external_id: str | None = None, notes: str | None = None,
                  user: str | None = None) -> Changes:
    """A new entity in the owner's table; ``result`` is its id."""
    with workspace.store.write(owner=owner) as repo:
        entity = Entity(None, owner, name.strip(), type, _aliases(aliases, name), external_id, notes)
        entity_id, op = _new_entity_ops(repo, owner, entity)
        return run_action(repo, owner=owner, user=user, kind="create_entity",
                          label=_("New entity {name}").format(name=entity.name), document_id=None,
                          ops=[op], result=entity_id)


@retried
def edit_entity(workspace: Workspace, entity_id: int, *, owner: str, name: str = UNSET, type: str | None = UNSET,
                aliases: Sequence[str] = UNSET, external_id: str | None = UNSET, notes: str | None = UNSET,
                user: str | None = None) -> Changes:
    """Change an entity's fields (those given)."""
    with workspace.store.write(owner=owner) as repo:
        old = _owned_entity(repo, entity_id, owner)
        new = dataclasses.replace(
            old, name=old.name if name is UNSET else name.strip(), type=old.type if type is UNSET else type,
            external_id=old.external_id if external_id is UNSET else external_id,
            notes=old.notes if notes is UNSET else notes)
        new = dataclasses.replace(new, aliases=_aliases(old.aliases if aliases is UNSET else aliases, new.name))
        if new == old:
            raise ServiceError(_("entity {entity} is already so").format(entity=entity_id))
        _refuse(entity_problems(new))
        values = {k: v for k, v in entity_row(entity_id, owner, new).items() if k not in ("id", "owner")}
        return run_action(repo, owner=owner, user=user, kind="edit_entity",
                          label=_("Edit entity {name}").format(name=new.name), document_id=None,
                          ops=[update_op(ENTITIES, entity_id, values)], result=entity_id)


# ------------------------------------------------------------------ links
def _linkable(repo: Repository, span_id: int, owner: str, user: str | None, seen: int | None) -> dict[str, Any]:
    row = _owned_span(repo, span_id, owner, ENTITY)
    if owner == GOLD:
        check_unchanged(repo, row["document_id"], seen, user or repo.login, (row["start"], row["end"]))
    return row


@retried
def link_mention(workspace: Workspace, span_id: int, entity_id: int, *, owner: str, user: str | None = None,
                 seen: int | None = None) -> Changes:
    """Link a mention to one of the owner's entities (replacing the link it had)."""
    with workspace.store.write(owner=owner) as repo:
        row = _linkable(repo, span_id, owner, user, seen)
        entity = _owned_entity(repo, entity_id, owner)
        if row["entity_id"] == entity_id:
            raise ServiceError(_("span {span} is already linked to {name}").format(span=span_id, name=entity.name))
        return run_action(repo, owner=owner, user=user, kind="link_mention",
                          label=_("Link to {name}").format(name=entity.name), document_id=row["document_id"],
                          ops=[update_op(SPANS, span_id, {"entity_id": entity_id})], result=entity_id)


@retried
def unlink_mention(workspace: Workspace, span_id: int, *, owner: str, user: str | None = None,
                   seen: int | None = None) -> Changes:
    with workspace.store.write(owner=owner) as repo:
        row = _linkable(repo, span_id, owner, user, seen)
        if row["entity_id"] is None:
            raise ServiceError(_("span {span} is linked to no entity").format(span=span_id))
        return run_action(repo, owner=owner, user=user, kind="unlink_mention", label=_("Unlink mention"),
                          document_id=row["document_id"],
                          ops=[update_op(SPANS, span_id, {"entity_id": None})], result=row["entity_id"])


@retried
def create_from_mention(workspace: Workspace, span_id: int, *, owner: str, name: str | None = None,
                        type: str | None = None, user: str | None = None, seen: int | None = None) -> Changes:
    """A new entity named after the mention (its dictionary form, ``canonical_name``: "Токаева" -> "Токаев"; the
    mention's text too as an alias when it differs), typed by its label, the mention linked to
    it: one action. ``result`` is the entity's id."""
    with workspace.store.write(owner=owner) as repo:
        row = _linkable(repo, span_id, owner, user, seen)
        text = _mention_text(repo, row)
        canonical = (name or canonical_name(text, row["label"]) or text).strip()
        entity = Entity(None, owner, canonical, type or row["label"], _aliases([text], canonical))
        entity_id, op = _new_entity_ops(repo, owner, entity)
        return run_action(repo, owner=owner, user=user, kind="create_entity",
                          label=_("New entity {name}").format(name=canonical), document_id=row["document_id"],
                          ops=[op, update_op(SPANS, span_id, {"entity_id": entity_id})], result=entity_id)


@retried
def link_like(workspace: Workspace, span_id: int, *, owner: str, corpus: bool = False,
              entity_id: int | None = None, relink: bool = False, user: str | None = None) -> Changes:
    """Link every mention like this one (the same words by lemma, the same label) in its document,
    or with ``corpus`` in every document, to ``entity_id`` (by default the entity this mention
    is linked to; it is linked too). Mentions linked to another entity keep it unless ``relink``.
    One action; ``result`` is how many mentions it linked."""
    with workspace.store.write(owner=owner) as repo:
        row = _owned_span(repo, span_id, owner, ENTITY)
        target = entity_id if entity_id is not None else row["entity_id"]
        if target is None:
            raise ServiceError(_("span {span} is linked to no entity: link it first, or name the entity").format(
                span=span_id))
        entity = _owned_entity(repo, target, owner)
        text = _mention_text(repo, row)
        mentions = repo.owner_mentions(owner, None if corpus else row["document_id"], [row["label"]])
        chosen = [m for m in mentions
                  if m.entity_id != target and (relink or m.entity_id is None or m.span_id == span_id)
                  and same_name(m.text, text)]
        if not chosen:
            raise ServiceError(_("no other mention like {text!r} to link").format(text=text))
        documents = frozenset(m.document_id for m in chosen)
        ops = [update_many_op(SPANS, [m.span_id for m in chosen], {"entity_id": target})]
        label = ngettext("Link {count} mention to {name}", "Link {count} mentions to {name}",
                         len(chosen)).format(count=len(chosen), name=entity.name)
        changes = run_action(repo, owner=owner, user=user, kind="link_like", label=label,
                             document_id=row["document_id"] if len(documents) == 1 else None,
                             ops=ops, result=len(chosen))
        return dataclasses.replace(changes, documents=documents)


@retried
def merge_entities(workspace: Workspace, sources: Sequence[int], target: int, *, owner: str,
                   user: str | None = None) -> Changes:
    """Merge entities into ``target``: their mentions link to it, their names and aliases become its
    aliases (their external id too when it has none), and they leave the table. One action."""
    with workspace.store.write(owner=owner) as repo:
        into = _owned_entity(repo, target, owner)
        others = [_owned_entity(repo, s, owner) for s in dict.fromkeys(sources) if s != target]
        if not others:
            raise ServiceError(_("nothing to merge into entity {entity}").format(entity=target))
        aliases = _aliases([*into.aliases, *(n for e in others for n in (e.name, *e.aliases))], into.name)
        external = into.external_id or next((e.external_id for e in others if e.external_id), None)
        ops: list[Op] = []
        moved: list[int] = []
        for other in others:
            moved += repo.entity_span_ids_of(other.id)  # type: ignore[arg-type]
        if moved:
            ops.append(update_many_op(SPANS, moved, {"entity_id": target}))
        ops.append(update_op(ENTITIES, target, {"aliases": list(aliases) or None, "external_id": external}))
        ops.append(delete_op(ENTITIES, [e.id for e in others]))
        label = ngettext("Merge {count} entity into {name}", "Merge {count} entities into {name}",
                         len(others)).format(count=len(others), name=into.name)
        return run_action(repo, owner=owner, user=user, kind="merge_entities", label=label, document_id=None,
                          ops=ops, result=target)


@retried
def split_entity(workspace: Workspace, entity_id: int, span_ids: Sequence[int], *, owner: str, name: str,
                 type: str | None = None, user: str | None = None) -> Changes:
    """Split an entity: the mentions ``span_ids`` (linked to it) go to a new entity ``name``.
    One action; ``result`` is the new entity's id."""
    with workspace.store.write(owner=owner) as repo:
        old = _owned_entity(repo, entity_id, owner)
        linked = set(repo.entity_span_ids_of(entity_id))
        wanted = list(dict.fromkeys(span_ids))
        strangers = [s for s in wanted if s not in linked]
        if strangers:
            raise ServiceError(_("span {span} is not linked to entity {entity}").format(
                span=strangers[0], entity=entity_id))
        if not wanted:
            raise ServiceError(_("name the mentions that go to the new entity"))
        new_id, op = _new_entity_ops(repo, owner, Entity(None, owner, name.strip(), type or old.type))
        label = _("Split {name} from {old}").format(name=name.strip(), old=old.name)
        return run_action(repo, owner=owner, user=user, kind="split_entity", label=label, document_id=None,
                          ops=[op, update_many_op(SPANS, wanted, {"entity_id": new_id})], result=new_id)


# ------------------------------------------------------------------ curation and import
def entity_mapping_ops(repo: Repository, entity_ids: Iterable[int], owner: str,
                       created: dict[int, int] | None = None) -> tuple[dict[int, int], list[Op]]:
    """Map another owner's entities onto ``owner``'s (gold's, when a curator takes a version):
    the entity with the same external id, else the same canonical name and type, else a copy made
    by the returned operations. ``created`` remembers copies across calls of one unit of work."""
    wanted = sorted(set(entity_ids))
    if not wanted:
        return {}, []
    created = {} if created is None else created
    mapping: dict[int, int] = {}
    copies: list[dict[str, Any]] = []
    theirs = {e.id: e for e in repo.entities_by_ids(wanted)}
    mine = repo.entities(owner)
    by_external = {e.external_id: e.id for e in mine if e.external_id}
    by_name = {(e.name.casefold(), e.type): e.id for e in mine}
    to_copy: list[Entity] = []
    for entity_id in wanted:
        entity = theirs.get(entity_id)
        if entity is None:
            continue
        if entity.owner == owner:
            mapping[entity_id] = entity_id
            continue
        found = (created.get(entity_id) or (by_external.get(entity.external_id) if entity.external_id else None)
                 or by_name.get((entity.name.casefold(), entity.type)))
        if found is None:
            to_copy.append(entity)
        else:
            mapping[entity_id] = found
    for entity, new_id in zip(to_copy, repo.allocate_ids(ENTITIES, len(to_copy))):
        copies.append(entity_row(new_id, owner, entity))
        mapping[entity.id] = created[entity.id] = new_id  # type: ignore[index]
    return mapping, ([insert_op(ENTITIES, copies)] if copies else [])


def relinked(spans: Iterable[Any], mapping: dict[int, int]) -> list[Any]:
    """Spans with their entity ids replaced through ``mapping`` (unmapped links dropped)."""
    return [dataclasses.replace(s, entity=mapping.get(s.entity)) if isinstance(s.entity, int) else s
            for s in spans]


def bare_reference(ref: str, owner: str, covered: str, label: str) -> Entity:
    """The entity a file names by a reference alone (no record describes it): an identifier
    ("Wikidata:Q42", "Q232": one word holding a digit or a colon) is its external id, the entity
    named after the mention; words ("Касым-Жомарт Токаев") are its name."""
    if len(ref.split()) == 1 and any(ch.isdigit() or ch == ":" for ch in ref):
        return Entity(ref, owner, canonical_name(covered, label), label, (), ref)
    return Entity(ref, owner, ref, label)


class LinkResolver:
    """Turns a file's entity references into the owner's entities, for one import.

    A reference the file describes (our JSONL's ``linked_entities``, a brat N line's name) or a
    bare one (an external id such as ``Wikidata:Q42``) becomes: the entity this import already
    made for it; else the owner's entity with that external id; else, for a described entity
    without one, the owner's entity of that name and type (made before this import: two
    namesakes in one file stay two); else a new entity. New entities are inserted at once and
    listed in ``created`` (owner -> ids) so that the import's undo removes them.
    """

    def __init__(self, repo: Repository):
        self.repo = repo
        self.seen: dict[tuple[str, str], int] = {}
        self.created: dict[str, list[int]] = {}

    def resolve(self, aset: Any, text: str) -> Any:
        """``aset`` with every span's file reference replaced by a store entity id."""
        if not any(isinstance(s.entity, str) for s in aset.spans):
            return dataclasses.replace(aset, entities=())
        owner = aset.owner
        described = {str(e.id): e for e in aset.entities}
        mine: list[Entity] | None = None
        new_rows: list[dict[str, Any]] = []
        mapping: dict[str, int] = {}
        wanted: list[tuple[str, Entity]] = []
        pending: set[str] = set()
        for span in aset.spans:
            if not isinstance(span.entity, str) or span.entity in mapping or span.entity in pending:
                continue
            ref = span.entity
            if (owner, ref) in self.seen:
                mapping[ref] = self.seen[(owner, ref)]
                continue
            record = described.get(ref) or bare_reference(ref, owner, text[span.start:span.end], span.label)
            if record.type is None:
                record = dataclasses.replace(record, type=span.label)
            if mine is None:
                made_here = set(self.created.get(owner, ()))
                mine = [e for e in self.repo.entities(owner) if e.id not in made_here]
            found = next((e.id for e in mine if record.external_id and e.external_id == record.external_id), None)
            if found is None and not record.external_id:
                found = next((e.id for e in mine if e.name == record.name and e.type == record.type), None)
            if found is not None:
                mapping[ref] = self.seen[(owner, ref)] = found  # type: ignore[assignment]
            else:
                wanted.append((ref, record))
                pending.add(ref)
        for (ref, record), new_id in zip(wanted, self.repo.allocate_ids(ENTITIES, len(wanted))):
            new_rows.append(entity_row(new_id, owner, record))
            mapping[ref] = self.seen[(owner, ref)] = new_id
            self.created.setdefault(owner, []).append(new_id)
        if new_rows:
            self.repo.apply([insert_op(ENTITIES, new_rows)])
        spans = tuple(dataclasses.replace(s, entity=mapping[s.entity]) if isinstance(s.entity, str) else s
                      for s in aset.spans)
        return dataclasses.replace(aset, spans=spans, entities=())
