"""Queries and writes over one open transaction, in domain values.

A :class:`Repository` lives for one unit of work (``Store.write()`` or
``Store.read()``). Bulk paths use Core ``insert`` with explicit ids (allocated
here under the write lock), which is what makes imports fast.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any
from weakref import WeakKeyDictionary

import orjson
from sqlalchemy import Connection, Engine, Select, Table, bindparam, case, func, insert, null, select, text
from sqlalchemy.exc import IntegrityError

from annotator.domain.entities import Entity, EntitySummary, Mention
from annotator.domain.model import (
    AUTHOR,
    AnnotationSet,
    Certainty,
    Claim,
    Cue,
    Document,
    DocumentSummary,
    list_title,
    Fragments,
    Quantity,
    Relation,
    SetStatus,
    Span,
)
from annotator.domain.disagreements import Decision
from annotator.domain.notes import Note, NoteTarget
from annotator.domain.query import DocumentQuery
from annotator.domain.search import SearchQuery, search_words
from annotator.domain.undo_stacks import Tops, stack_tops
from annotator.storage import bulk
from annotator.storage import span_search, statistics
from annotator.storage.search_index import SearchIndex, index_for, plans_through_index
from annotator.storage.actions import (
    CLAIMS,
    DECISIONS,
    ENTITIES,
    NOTES,
    REJECTIONS,
    RELATIONS,
    SETS,
    SPANS,
    Op,
    RowOps,
    StaleAction,
    _chunks,
)
from annotator.storage.repeat_index import RepeatIndex
from annotator.storage.models import (
    ActionRow,
    AssignmentRow,
    DocumentRow,
    DocumentTextRow,
    SchemeVersionRow,
    UserRow,
    WHOLE_SPAN,
    fragments_from_row,
)

DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]
TEXTS: Table = DocumentTextRow.__table__  # type: ignore[assignment]
SCHEMES: Table = SchemeVersionRow.__table__  # type: ignore[assignment]
ACTIONS: Table = ActionRow.__table__  # type: ignore[assignment]
USERS: Table = UserRow.__table__  # type: ignore[assignment]
ASSIGNMENTS: Table = AssignmentRow.__table__  # type: ignore[assignment]

ENTITY = "entity"
COVERED_IN_SQL = 20_000  # characters: see Repository.span_tuples
FEW_PAGES = 10  # PostgreSQL: up to this many pages' worth of matches are read through the GIN index at once
CLAIM = "claim"
# Databases (by engine) whose documents hold every ordinal from 1 on (``Repository._ordinals_dense``).
_DENSE_ORDINALS: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()
UNDO_READ = 64  # the newest actions read for the undo stacks' tops, eight times more each time that is not enough


@dataclass
class SearchMemo:
    """What one search learnt on its first page, for the next: ``walk``, there were more than a few
    matches (PostgreSQL: the next pages walk the index in order at once, see ``few_matches``)."""
    walk: bool = False


# Statements on the path of every action, built once (building them costs more than running them).
_PG_NEXTVAL = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
_SQLITE_SEQ = text("SELECT seq FROM sqlite_sequence WHERE name = :t")
_ACTIVE_SCHEME_ID = select(func.max(SCHEMES.c.id))
_COUNT_DOCUMENTS = select(func.count()).select_from(DOCUMENTS)
_LAST_ORDINAL = select(func.max(DOCUMENTS.c.ordinal))
_COUNT_SETS_IN_STATUS = select(func.count()).select_from(SETS).where(
    SETS.c.owner == bindparam("owner"), SETS.c.status == bindparam("status"))
_INSERT_ACTION = insert(ACTIONS)
_USER_ROLE = select(USERS.c.role).where(USERS.c.name == bindparam("name"))
_SPAN_ORDER = (SPANS.c.start, SPANS.c.end.desc(), SPANS.c.id)
_ENTITY_SPANS = (
    select(SPANS.c.id, SPANS.c.set_id, SPANS.c.start, SPANS.c.end, SPANS.c.label, SPANS.c.attributes,
           SPANS.c.entity_id, SPANS.c.fragments, SPANS.c.origin)
    .where(SPANS.c.kind == ENTITY)
    .order_by(*_SPAN_ORDER)
)
_CLAIM_SPANS = (
    select(SPANS, CLAIMS).join(CLAIMS, CLAIMS.c.span_id == SPANS.c.id)
    .where(SPANS.c.set_id.in_(bindparam("set_ids", expanding=True)))
    .order_by(*_SPAN_ORDER)
)
_RELATIONS_OF_SETS = (
    select(RELATIONS.c.id, RELATIONS.c.set_id, RELATIONS.c.label, RELATIONS.c.head_id, RELATIONS.c.tail_id,
           RELATIONS.c.attributes)
    .where(RELATIONS.c.set_id.in_(bindparam("set_ids", expanding=True)))
    .order_by(RELATIONS.c.id)
)
TITLE_HEAD = 400  # characters of a text read for its list title (its first line)
# The export's page (Repository.export_page): the documents with their sets, then the sets' spans.
_EXPORT_SETS_SQL = (
    "SELECT d.id, d.meta, d.sha256, t.text, s.id, s.owner, s.status, "
    "EXISTS (SELECT 1 FROM relations r WHERE r.set_id = s.id) "
    "OR EXISTS (SELECT 1 FROM spans w WHERE w.set_id = s.id AND (" + WHOLE_SPAN + ")) "  # ix_spans_whole
    "FROM documents d JOIN document_texts t ON t.document_id = d.id "
    "LEFT JOIN annotation_sets s ON s.document_id = d.id{owner} WHERE d.id {ids}")
_AGGREGATE = {  # attributes nested as JSON (one orjson.loads a set, none a span); PostgreSQL's array as text
    "sqlite": "json_group_array(json_array(start, -\"end\", label, \"end\", json(attributes)))",
    "postgresql": "json_agg(json_build_array(start, -\"end\", label, \"end\", attributes))::text",
}
# by set id: PostgreSQL's planner may otherwise walk every set to find a page's
_EXPORT_SPANS_SQL = "SELECT set_id, {aggregate} FROM spans WHERE set_id {ids} GROUP BY set_id"


class _ExportStatements:
    """The export page's two queries for the driver's own cursor (the export's hot path: SQLAlchemy's
    compiling and Row objects cost about a sixth of the export). SQLite: ``IN (?, ...)``, one text a
    page size, so sqlite3's statement cache keeps them prepared; PostgreSQL: ``= ANY(%s)`` with the
    ids as one array parameter, one text whatever the page's size, which psycopg prepares after a few
    pages (the planner does not plan each page again)."""

    def __init__(self, dialect: str):
        self.postgres = dialect == "postgresql"
        self.aggregate = _AGGREGATE["postgresql" if self.postgres else "sqlite"]

    def _ids(self, count: int) -> str:
        return "= ANY(%s)" if self.postgres else "IN (" + ",".join("?" * count) + ")"

    def sets(self, count: int, owner: bool) -> str:
        mark = "%s" if self.postgres else "?"
        return _EXPORT_SETS_SQL.format(owner=f" AND s.owner = {mark}" if owner else "", ids=self._ids(count))

    def spans(self, count: int) -> str:
        return _EXPORT_SPANS_SQL.format(aggregate=self.aggregate, ids=self._ids(count))

    def ids(self, ids: list) -> list:
        return [ids] if self.postgres else ids


_EXPORT = {dialect: _ExportStatements(dialect) for dialect in ("sqlite", "postgresql")}
_STATUS = {status.value: status for status in SetStatus}


def _spans_of_documents(cut: bool):
    """Entity spans of a page of documents, with their covered text when ``cut`` (see span_tuples)."""
    covered = (case(((DOCUMENTS.c.length <= COVERED_IN_SQL) & SPANS.c.fragments.is_(None),
                     func.substr(TEXTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)), else_=None)
               if cut else null())
    stmt = select(SETS.c.document_id, SETS.c.owner, SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label,
                  covered, SPANS.c.fragments).join(SETS, SETS.c.id == SPANS.c.set_id)
    if cut:
        stmt = (stmt.join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id)
                .join(TEXTS, TEXTS.c.document_id == SETS.c.document_id))
    # the page's sets first (by the (document, owner) index), then their spans by the (set, ...) index
    return (stmt.where(SPANS.c.kind == ENTITY, SPANS.c.set_id.in_(
        select(SETS.c.id).where(SETS.c.document_id.in_(bindparam("ids", expanding=True))).scalar_subquery()))
        .order_by(SETS.c.document_id, SPANS.c.start, SPANS.c.end, SETS.c.owner, SPANS.c.id))


_SPANS_WITH_TEXT = _spans_of_documents(cut=True)
_SPANS_WITHOUT_TEXT = _spans_of_documents(cut=False)
_SET_OF_OWNER = SETS.alias("owner_set")
_SPAN_TARGET = (
    select(
        DOCUMENTS.c.length, _SET_OF_OWNER.c.id, _SET_OF_OWNER.c.status,
        select(SPANS.c.id).where(
            SPANS.c.set_id == _SET_OF_OWNER.c.id, SPANS.c.kind == bindparam("kind"),
            SPANS.c.start == bindparam("start"), SPANS.c.end == bindparam("end"),
            SPANS.c.label == bindparam("label"), SPANS.c.fragments.is_(None),  # a contiguous twin only
        ).limit(1).scalar_subquery(),
    )
    .select_from(DOCUMENTS.outerjoin(
        _SET_OF_OWNER, (_SET_OF_OWNER.c.document_id == DOCUMENTS.c.id) & (_SET_OF_OWNER.c.owner == bindparam("owner"))
    ))
    .where(DOCUMENTS.c.id == bindparam("document_id"))
)


_SPEAKER = SPANS.alias("speaker")
_CLAIM_TUPLES = (
    select(SETS.c.document_id, SETS.c.owner, SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label,
           CLAIMS.c.speaker_span_id, CLAIMS.c.speaker_is_author, _SPEAKER.c.start, _SPEAKER.c.end,
           _SPEAKER.c.label, ENTITIES.c.name, CLAIMS.c.cue_start, CLAIMS.c.cue_end, CLAIMS.c.certainty,
           CLAIMS.c.checkworthy, CLAIMS.c.quantity_value, CLAIMS.c.quantity_unit, CLAIMS.c.quantity_period,
           _SPEAKER.c.entity_id, DOCUMENTS.c.date)
    .join(CLAIMS, CLAIMS.c.span_id == SPANS.c.id)
    .join(SETS, SETS.c.id == SPANS.c.set_id)
    .join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id)
    .outerjoin(_SPEAKER, _SPEAKER.c.id == CLAIMS.c.speaker_span_id)
    .outerjoin(ENTITIES, ENTITIES.c.id == _SPEAKER.c.entity_id)
)


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What the claims browser asks of the store (the filters SQL can apply; text is the service's)."""

    owner: str | None = None
    document_ids: tuple[str, ...] | None = None
    speaker_entities: tuple[int, ...] | None = None
    author: bool = False  # only claims in the outlet's own voice
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    checkworthy: bool | None = None
    certainty: str | None = None
    unit: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    with_figure: bool = False


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class SetRef:
    id: int
    document_id: str
    owner: str
    status: SetStatus


@dataclass(frozen=True, slots=True)
class ExportRow:
    """A document of an export page with one of its sets (None: a document with no set)."""

    document_id: str
    meta: dict[str, Any]
    sha256: str  # as stored at import: the export does not hash the text again
    text: str
    set: SetRef | None
    spans: str | None  # the set's entity spans as JSON text (see Repository.export_page)
    whole: bool  # the set must go through the full writer


@dataclass(frozen=True, slots=True)
class LoggedAction:
    id: int
    owner: str
    user: str
    at: datetime
    kind: str
    label: str
    document_id: str | None
    inverse: list[Op]
    undoes: int | None
    redoes: int | None


class Repository:
    def __init__(self, connection: Connection, login: str | None = None):
        self.connection = connection
        self.rows = RowOps(connection)
        self.login = login  # PostgreSQL: the team member's login this session is (see Store.login)

    # ------------------------------------------------------------------ ids
    def allocate_ids(self, table: Table, count: int) -> Sequence[int]:
        """``count`` fresh ids for ``table``, never used before (we hold the write lock).

        Insert rows with them before allocating again for the same table.
        """
        if count <= 0:
            return range(0)
        if self.connection.dialect.name == "postgresql":
            return self.connection.execute(_PG_NEXTVAL, {"t": table.name, "n": count}).scalars().all()
        # AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, explicit ids included;
        # a table never written to has no row there yet.
        used = self.connection.execute(_SQLITE_SEQ, {"t": table.name}).scalar()
        if used is None:
            used = self.connection.execute(select(func.max(table.c.id))).scalar() or 0
        return range(used + 1, used + 1 + count)

    # ------------------------------------------------------------- schemes
    def active_scheme_version(self) -> int | None:
        return self.connection.execute(_ACTIVE_SCHEME_ID).scalar()

    def active_scheme(self) -> tuple[int, dict[str, Any]] | None:
        row = self.connection.execute(
            select(SCHEMES.c.id, SCHEMES.c.body).order_by(SCHEMES.c.id.desc()).limit(1)
        ).first()
        return (row.id, row.body) if row else None

    # A label's spans across every set, for edits of the scheme (rename, merge, delete).
    def label_usage(self, kind: str = ENTITY) -> dict[str, dict[str, int]]:
        """label -> owner -> number of entity spans, over the whole database (with ``kind``
        CLAIM: claim type -> owner -> number of claims)."""
        usage: dict[str, dict[str, int]] = defaultdict(dict)
        for label, owner, count in self.connection.execute(
            select(SPANS.c.label, SETS.c.owner, func.count()).join(SETS, SETS.c.id == SPANS.c.set_id)
            .where(SPANS.c.kind == kind).group_by(SPANS.c.label, SETS.c.owner)
        ):
            usage[label][owner] = count
        return dict(usage)

    def entity_span_ids(self, label: str) -> list[int]:
        return list(self.connection.execute(
            select(SPANS.c.id).where(SPANS.c.kind == ENTITY, SPANS.c.label == label).order_by(SPANS.c.id)
        ).scalars())

    def claim_span_ids(self, claim_type: str) -> list[int]:
        """The claims of a type, over every set (their span ids)."""
        return list(self.connection.execute(
            select(SPANS.c.id).where(SPANS.c.kind == CLAIM, SPANS.c.label == claim_type).order_by(SPANS.c.id)
        ).scalars())

    def relations_with_attributes(self) -> list[tuple[int, str, dict[str, Any]]]:
        """(id, type, attributes) of every relation that carries attributes."""
        return [(r.id, r.label, r.attributes) for r in self.connection.execute(
            select(RELATIONS.c.id, RELATIONS.c.label, RELATIONS.c.attributes).where(RELATIONS.c.attributes.is_not(None))
        ) if r.attributes]

    def entity_spans_with_attributes(self, label: str) -> list[tuple[int, dict[str, Any]]]:
        return [(r.id, r.attributes) for r in self.connection.execute(
            select(SPANS.c.id, SPANS.c.attributes).where(
                SPANS.c.kind == ENTITY, SPANS.c.label == label, SPANS.c.attributes.is_not(None))
        ) if r.attributes]

    def twin_spans(self, source: str, target: str) -> list[tuple[int, int]]:
        """(source span, target span) pairs with the same set and extent: what a merge would double."""
        twin = SPANS.alias("twin")
        return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(SPANS.c.id, twin.c.id).join(twin, (twin.c.set_id == SPANS.c.set_id)
                                               & (twin.c.start == SPANS.c.start) & (twin.c.end == SPANS.c.end))
            .where(SPANS.c.kind == ENTITY, SPANS.c.label == source, twin.c.kind == ENTITY, twin.c.label == target)
        )]

    def relations_touching(self, span_ids: list[int]) -> list[tuple[int, str, int, int]]:
        """(id, label, head, tail) of every relation with an end on one of these spans."""
        return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(RELATIONS.c.id, RELATIONS.c.label, RELATIONS.c.head_id, RELATIONS.c.tail_id)
            .where(RELATIONS.c.head_id.in_(span_ids) | RELATIONS.c.tail_id.in_(span_ids)))]

    def links_to(self, span_id: int) -> tuple[list[int], list[tuple[int, int, int]], list[int]]:
        """What points at a span: the claims it speaks (their ids), the relations that end on it
        (id, head, tail), and the notes on it (ids)."""
        spoken = list(self.connection.execute(
            select(CLAIMS.c.span_id).where(CLAIMS.c.speaker_span_id == span_id)).scalars())
        relations = [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(RELATIONS.c.id, RELATIONS.c.head_id, RELATIONS.c.tail_id)
            .where((RELATIONS.c.head_id == span_id) | (RELATIONS.c.tail_id == span_id)))]
        notes = list(self.connection.execute(select(NOTES.c.id).where(NOTES.c.target_id == span_id)).scalars())
        return spoken, relations, notes

    def links_of_label(self, label: str) -> tuple[int, int]:
        """How many relations end on a span of ``label``, and how many claims it speaks."""
        ids = select(SPANS.c.id).where(SPANS.c.kind == ENTITY, SPANS.c.label == label).scalar_subquery()
        relations = self.connection.execute(select(func.count()).select_from(RELATIONS).where(
            RELATIONS.c.head_id.in_(ids) | RELATIONS.c.tail_id.in_(ids))).scalar_one()
        spoken = self.connection.execute(select(func.count()).select_from(CLAIMS).where(
            CLAIMS.c.speaker_span_id.in_(ids))).scalar_one()
        return relations, spoken

    def links_of_claim_type(self, claim_type: str) -> tuple[int, int]:
        """How many relations end on a claim of ``claim_type``, and how many notes are on one."""
        ids = select(SPANS.c.id).where(SPANS.c.kind == CLAIM, SPANS.c.label == claim_type).scalar_subquery()
        relations = self.connection.execute(select(func.count()).select_from(RELATIONS).where(
            RELATIONS.c.head_id.in_(ids) | RELATIONS.c.tail_id.in_(ids))).scalar_one()
        notes = self.connection.execute(select(func.count()).select_from(NOTES).where(
            NOTES.c.target_id.in_(ids))).scalar_one()
        return relations, notes

    def add_scheme_version(self, body: dict[str, Any], author: str | None, note: str | None) -> int:
        result = self.connection.execute(
            insert(SCHEMES).values(body=body, author=author, note=note, created_at=now())
        )
        return result.inserted_primary_key[0]

    # ----------------------------------------------------------- documents
    def next_ordinal(self) -> int:
        return (self.connection.execute(select(func.max(DOCUMENTS.c.ordinal))).scalar() or 0) + 1

    def _pairs(self, key, value, wanted: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(set(wanted))):
            for k, v in self.connection.execute(select(key, value).where(key.in_(chunk))):
                found[k] = v
        return found

    def documents_by_sha(self, shas: Iterable[str]) -> dict[str, str]:
        """sha256 -> stored id, for the texts already stored."""
        return self._pairs(DOCUMENTS.c.sha256, DOCUMENTS.c.id, shas)

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored id -> sha256, for the ids that exist."""
        return self._pairs(DOCUMENTS.c.id, DOCUMENTS.c.sha256, ids)

    def ids_with_prefix(self, prefix: str) -> set[str]:
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return set(self.connection.execute(
            select(DOCUMENTS.c.id).where(DOCUMENTS.c.id.like(like, escape="\\"))
        ).scalars())

    def insert_documents(self, documents: Sequence[tuple[Document, str]], first_ordinal: int) -> None:
        """Insert (document, sha256) pairs, numbered from ``first_ordinal``, and index their texts."""
        if not documents:
            return
        created = now()
        bulk.insert_rows(self.connection, DOCUMENTS, [
            {"id": d.id, "ordinal": first_ordinal + i, "sha256": sha, "date": d.meta.get("date"),
             "length": len(d.text), "meta": d.meta, "created_at": created}
            for i, (d, sha) in enumerate(documents)
        ])
        bulk.insert_rows(self.connection, TEXTS, [{"document_id": d.id, "text": d.text} for d, _ in documents])
        self.search_index.add(self.connection, ((first_ordinal + i, d.text) for i, (d, _) in enumerate(documents)))

    def document(self, document_id: str) -> Document | None:
        row = self.connection.execute(
            select(DOCUMENTS.c.id, DOCUMENTS.c.meta, TEXTS.c.text)
            .join(TEXTS, TEXTS.c.document_id == DOCUMENTS.c.id)
            .where(DOCUMENTS.c.id == document_id)
        ).first()
        return Document(row.id, row.text, row.meta or {}) if row else None

    def document_length(self, document_id: str) -> int | None:
        return self.connection.execute(
            select(DOCUMENTS.c.length).where(DOCUMENTS.c.id == document_id)
        ).scalar()

    def documents(self, ids: Sequence[str]) -> list[Document]:
        """Documents with their texts, in the order of ``ids``."""
        found: dict[str, Document] = {}
        for chunk in _chunks(list(ids)):
            for row in self.connection.execute(
                select(DOCUMENTS.c.id, DOCUMENTS.c.meta, TEXTS.c.text)
                .join(TEXTS, TEXTS.c.document_id == DOCUMENTS.c.id)
                .where(DOCUMENTS.c.id.in_(chunk))
            ):
                found[row.id] = Document(row.id, row.text, row.meta or {})
        return [found[i] for i in ids if i in found]

    def _conditions(self, query: DocumentQuery) -> list:
        """WHERE clauses on DOCUMENTS for a query's filters."""
        where = []
        if query.ids is not None:
            where.append(DOCUMENTS.c.id.in_(list(query.ids)))
        if query.text:
            where.append(self._text_condition(query.text))
        if query.date_from:
            where.append(DOCUMENTS.c.date >= query.date_from)
        if query.date_to:
            where.append(DOCUMENTS.c.date <= query.date_to)
        if query.assigned_to is not None:
            where.append(DOCUMENTS.c.id.in_(
                select(ASSIGNMENTS.c.document_id).where(ASSIGNMENTS.c.annotator == query.assigned_to)))
        if query.owner is not None:
            owned = select(SETS.c.document_id).where(SETS.c.owner == query.owner)
            if query.status is None:
                where.append(DOCUMENTS.c.id.in_(owned))
            elif query.status == SetStatus.NEW:
                # a document with no set of mine is new to me
                where.append(
                    DOCUMENTS.c.id.not_in(owned)
                    | DOCUMENTS.c.id.in_(owned.where(SETS.c.status == SetStatus.NEW.value))
                )
            else:
                where.append(DOCUMENTS.c.id.in_(owned.where(SETS.c.status == query.status.value)))
        return where

    def _text_condition(self, typed: str):
        """The list's filter: in the id (any case), or through the index, every word as the start
        of a word of the text or by lemma; Cyrillic case and ё folded."""
        like = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        in_id = DOCUMENTS.c.id.ilike(like, escape="\\")
        index = self.search_index
        words = search_words(typed)
        if not words:
            return in_id
        in_index = DOCUMENTS.c.ordinal.in_(index.ordinals(index.filter_expression(words)))
        if self.connection.dialect.name == "postgresql":
            # evaluated in this order: the id's ILIKE (lower-casing each id, ~1 µs) only for the rows
            # the index's set leaves out (at 100,000 documents, a word in 80% of the texts: the count
            # took 141 ms with the ILIKE first, 78 ms after)
            return in_index | in_id
        return in_id | in_index

    def _filtered(self, query: DocumentQuery):
        return select(DOCUMENTS.c.id).where(*self._conditions(query))

    def _through_index(self, query: DocumentQuery | None = None):
        """Around a statement that asks the full-text index (``query`` None: always; else when its
        filter has words): PostgreSQL plans it through the GIN index (``plans_through_index``)."""
        if query is not None and not (query.text and search_words(query.text)):
            return nullcontext()
        return plans_through_index(self.connection)

    def count_documents(self, query: DocumentQuery = DocumentQuery()) -> int:
        if query == DocumentQuery():
            if self._ordinals_dense():  # the last ordinal, one index look-up (count(*): 7 ms at 100,000 on PostgreSQL)
                return self.connection.execute(_LAST_ORDINAL).scalar() or 0
            return self.connection.execute(_COUNT_DOCUMENTS).scalar_one()
        if (query.owner is not None and query.status not in (None, SetStatus.NEW)
                and replace(query, sort="ordinal", descending=False) == DocumentQuery(owner=query.owner,
                                                                                     status=query.status)):
            # "documents this owner has done", counted on every open and action: one set per (document,
            # owner), so the sets in that status, counted in the (owner, status) index (migration 0016)
            # instead of a walk over every document
            return self.connection.execute(_COUNT_SETS_IN_STATUS, {
                "owner": query.owner, "status": query.status.value}).scalar_one()
        with self._through_index(query):
            return self.connection.execute(select(func.count()).select_from(self._filtered(query).subquery())
                                           ).scalar_one()

    def document_ids(self, query: DocumentQuery = DocumentQuery(), offset: int = 0, limit: int | None = None,
                     *, after: tuple | None = None) -> list[str]:
        """Ids in the query's order. ``after`` (the sort key and ordinal of the last row of the
        previous page, see :meth:`sort_keys`) pages by keyset, so that walking the whole list
        reads each row once; ``offset`` is for jumping to a row."""
        sort_column = {"ordinal": DOCUMENTS.c.ordinal, "date": DOCUMENTS.c.date,
                       "id": DOCUMENTS.c.id, "length": DOCUMENTS.c.length}[query.sort]
        order = [_sort_order(sort_column, query.descending), DOCUMENTS.c.ordinal]
        stmt = self._filtered(query)
        if after is not None:
            stmt = stmt.where(_after(sort_column, query.descending, *after))
        stmt = stmt.order_by(*order)
        if offset and after is None and query == DocumentQuery() and self._ordinals_dense():
            stmt = stmt.where(DOCUMENTS.c.ordinal > offset)  # row ``offset`` holds ordinal offset + 1
        elif offset:
            stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._through_index(query):
            return list(self.connection.execute(stmt).scalars())

    def _ordinals_dense(self) -> bool:
        """Whether the documents hold every ordinal from 1 on, so that a jump to row N of the whole
        list is a look-up of ordinal N + 1, not a walk over N rows (OFFSET: 10 ms at row 50,000 on
        PostgreSQL, on every jump of the list's scroll bar). Checked once per database: documents
        are never deleted and an import numbers its documents on from the last one, so it stays so."""
        engine = self.connection.engine
        if engine not in _DENSE_ORDINALS:  # (a gap, which no import leaves, would stay too)
            count, high = self.connection.execute(select(func.count(), func.max(DOCUMENTS.c.ordinal))).one()
            _DENSE_ORDINALS[engine] = count == (high or 0)
        return _DENSE_ORDINALS[engine]

    def document_page(self, query: DocumentQuery, limit: int, after: tuple | None = None
                      ) -> tuple[list[str], tuple | None]:
        """:meth:`document_ids` by keyset, with the ``after`` of the next page (no :meth:`sort_keys`
        round trip a page)."""
        sort_column = {"ordinal": DOCUMENTS.c.ordinal, "date": DOCUMENTS.c.date,
                       "id": DOCUMENTS.c.id, "length": DOCUMENTS.c.length}[query.sort]
        stmt = self._filtered(query).add_columns(sort_column, DOCUMENTS.c.ordinal)
        if after is not None:
            stmt = stmt.where(_after(sort_column, query.descending, *after))
        with self._through_index(query):
            rows = self.connection.execute(stmt.order_by(
                _sort_order(sort_column, query.descending), DOCUMENTS.c.ordinal).limit(limit)).all()
        return [r[0] for r in rows], (tuple(rows[-1][1:]) if rows else None)

    def sort_keys(self, query: DocumentQuery, document_id: str) -> tuple | None:
        """(sort value, ordinal) of a document: the ``after`` of the page that follows it."""
        sort_column = {"ordinal": DOCUMENTS.c.ordinal, "date": DOCUMENTS.c.date,
                       "id": DOCUMENTS.c.id, "length": DOCUMENTS.c.length}[query.sort]
        row = self.connection.execute(
            select(sort_column, DOCUMENTS.c.ordinal).where(DOCUMENTS.c.id == document_id)).first()
        return tuple(row) if row else None

    def count_and_position(self, query: DocumentQuery, document_id: str | None) -> tuple[int, int | None]:
        """The rows of the query and a document's row among them (None when not in them), in one
        pass over the rows (a filter through the index is evaluated once, not once per figure)."""
        keys = None if document_id is None else self.sort_keys(query, document_id)
        if keys is None:
            return self.count_documents(query), None
        sort_column = {"ordinal": DOCUMENTS.c.ordinal, "date": DOCUMENTS.c.date,
                       "id": DOCUMENTS.c.id, "length": DOCUMENTS.c.length}[query.sort]
        rows = select(DOCUMENTS.c.id, _before(sort_column, query.descending, *keys).label("before")).where(
            *self._conditions(query)).subquery()
        with self._through_index(query):
            count, before, found = self.connection.execute(select(
                func.count(), func.coalesce(func.sum(case((rows.c.before, 1), else_=0)), 0),
                func.coalesce(func.max(case((rows.c.id == document_id, 1), else_=0)), 0),
            )).one()
        return count, (before if found else None)

    def position(self, query: DocumentQuery, document_id: str) -> int | None:
        """The 0-based row of a document in the query's order; None when the query leaves it out.
        One count, of the rows before it (through the sort column's index when sorting by ordinal)."""
        keys = self.sort_keys(query, document_id)
        if keys is None:
            return None
        filtered = self._filtered(query)
        with self._through_index(query):
            if self.connection.execute(filtered.where(DOCUMENTS.c.id == document_id)).first() is None:
                return None
            sort_column = {"ordinal": DOCUMENTS.c.ordinal, "date": DOCUMENTS.c.date,
                           "id": DOCUMENTS.c.id, "length": DOCUMENTS.c.length}[query.sort]
            before = _before(sort_column, query.descending, *keys)
            return self.connection.execute(
                select(func.count()).select_from(filtered.where(before).subquery())).scalar_one()

    def merge_span_index(self) -> None:
        """SQLite: after a bulk fill, merge the span index's segments until none of its levels is
        near FTS5's own merge (``span_search.merge_due``). PostgreSQL: nothing."""
        span_search.merge_due(self.connection)

    def analyze_grown_tables(self) -> list[str]:
        """PostgreSQL: refresh the planner's statistics of the tables this transaction grew by more
        than a tenth, whoever this login is (``storage/statistics.py``); the tables' names."""
        return statistics.analyze_grown(self.connection)

    @property
    def search_index(self) -> SearchIndex:
        return index_for(self.connection)

    def search_candidates(self, query: SearchQuery, documents: DocumentQuery, after_ordinal: int,
                          limit: int, memo: SearchMemo | None = None, owner: str | None = None
                         ) -> list[tuple[int, str]]:
        """(ordinal, id) of the documents that may hold ``query`` and pass the filters, after
        ``after_ordinal``, in corpus order."""
        index = self.search_index
        stmt = select(DOCUMENTS.c.ordinal, DOCUMENTS.c.id).where(*self._conditions(documents))
        expression = index.query_expression(query)
        # few matches (PostgreSQL): all of them, read through the GIN index, not walked (``few_matches``)
        memo = memo or SearchMemo()
        with self._through_index():
            few = None if memo.walk else index.few_ordinals(self.connection, expression, after_ordinal,
                                                            limit * FEW_PAGES)
            memo.walk = few is None
            if few is not None:
                return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
                    stmt.where(DOCUMENTS.c.ordinal.in_(few)).order_by(DOCUMENTS.c.ordinal).limit(limit))] if few else []
            stmt = index.page(stmt, DOCUMENTS.c.ordinal, expression, after_ordinal)
            return [tuple(r) for r in self.connection.execute(stmt.limit(limit))]

    def documents_after(self, documents: DocumentQuery, after_ordinal: int, limit: int) -> list[tuple[int, str]]:
        """(ordinal, id) of the documents that pass the filters, after ``after_ordinal``."""
        stmt = select(DOCUMENTS.c.ordinal, DOCUMENTS.c.id).where(
            DOCUMENTS.c.ordinal > after_ordinal, *self._conditions(documents))
        with self._through_index(documents):
            return [tuple(r) for r in self.connection.execute(stmt.order_by(DOCUMENTS.c.ordinal).limit(limit))]

    def document_summaries(self, ids: Sequence[str], owner: str | None = None) -> list[DocumentSummary]:
        """The list's rows of ``ids``: a title from meta or the text's first characters, the sets'
        statuses and, with ``owner``, how many entity spans their set holds (one grouped query per
        chunk of a page, through the set and span indexes; the texts are read only their beginning)."""
        rows: dict[str, Any] = {}
        sets: dict[str, list[tuple[str, SetStatus]]] = defaultdict(list)
        spans: dict[str, int] = {}
        for chunk in _chunks(list(ids)):
            for row in self.connection.execute(
                select(DOCUMENTS.c.id, DOCUMENTS.c.ordinal, DOCUMENTS.c.date, DOCUMENTS.c.length,
                       DOCUMENTS.c.sha256, DOCUMENTS.c.meta["title"].as_string().label("title"),
                       func.substr(TEXTS.c.text, 1, TITLE_HEAD).label("head"))
                .join(TEXTS, TEXTS.c.document_id == DOCUMENTS.c.id).where(DOCUMENTS.c.id.in_(chunk))
            ):
                rows[row.id] = row
            # Ordered by (document, owner), the unique index's order: by owner alone, SQLite would walk
            # the owner index through every set of the corpus to find the page's.
            for row in self.connection.execute(
                select(SETS.c.document_id, SETS.c.owner, SETS.c.status)
                .where(SETS.c.document_id.in_(chunk)).order_by(SETS.c.document_id, SETS.c.owner)
            ):
                sets[row.document_id].append((row.owner, SetStatus(row.status)))
            if owner is not None:
                spans.update((row[0], row[1]) for row in self.connection.execute(
                    select(SETS.c.document_id, func.count(SPANS.c.id))
                    .join(SPANS, SPANS.c.set_id == SETS.c.id)
                    .where(SETS.c.document_id.in_(chunk), SETS.c.owner == owner, SPANS.c.kind == "entity")
                    .group_by(SETS.c.document_id)))
        return [
            DocumentSummary(r.id, r.ordinal, r.date, r.length, r.sha256, tuple(sets.get(r.id, ())),
                            list_title({"title": r.title}, r.head or ""), spans.get(r.id, 0) if owner else None)
            for r in (rows[i] for i in ids if i in rows)
        ]

    # ---------------------------------------------------------------- sets
    def set_ref(self, document_id: str, owner: str) -> SetRef | None:
        row = self.connection.execute(
            select(SETS.c.id, SETS.c.status)
            .where(SETS.c.document_id == document_id, SETS.c.owner == owner)
        ).first()
        return SetRef(row.id, document_id, owner, SetStatus(row.status)) if row else None

    def set_refs(self, document_ids: Sequence[str], owner: str | None = None) -> list[SetRef]:
        refs: list[SetRef] = []
        for chunk in _chunks(list(document_ids)):
            stmt = select(SETS.c.id, SETS.c.document_id, SETS.c.owner, SETS.c.status).where(
                SETS.c.document_id.in_(chunk))
            if owner is not None:
                stmt = stmt.where(SETS.c.owner == owner)
            refs.extend(SetRef(r.id, r.document_id, r.owner, SetStatus(r.status))
                        for r in self.connection.execute(stmt))
        return refs

    def owners(self) -> list[str]:
        return list(self.connection.execute(select(SETS.c.owner).distinct().order_by(SETS.c.owner)).scalars())

    def span_exists(self, set_id: int, kind: str, start: int, end: int, label: str,
                    fragments: Fragments = ()) -> int | None:
        """The id of the set's span of this kind, place, label and fragments (() : contiguous), if any:
        spans of one label and outer bounds differ by their fragments (the place index, 0012)."""
        for span_id, found in self.connection.execute(
            select(SPANS.c.id, SPANS.c.fragments).where(
                SPANS.c.set_id == set_id, SPANS.c.kind == kind, SPANS.c.start == start,
                SPANS.c.end == end, SPANS.c.label == label)
        ):
            if fragments_from_row(found) == tuple(fragments):
                return span_id
        return None

    def span_target(self, document_id: str, owner: str, kind: str, start: int, end: int,
                    label: str) -> tuple[int | None, SetRef | None, int | None]:
        """For a new span, in one query: the document's length (None: no such document),
        the owner's set, and the id of an identical span already there."""
        row = self.connection.execute(_SPAN_TARGET, {
            "document_id": document_id, "owner": owner, "kind": kind, "start": start, "end": end, "label": label,
        }).first()
        if row is None:
            return None, None, None
        length, set_id, status, duplicate = row
        ref = SetRef(set_id, document_id, owner, SetStatus(status)) if set_id is not None else None
        return length, ref, duplicate

    def entity_spans_at(self, document_id: str, owner: str, start: int, end: int) -> list[tuple[int, str]]:
        """(id, label) of the owner's entity spans of exactly [start, end), oldest first."""
        return [(r[0], r[1]) for r in self.connection.execute(
            select(SPANS.c.id, SPANS.c.label).join(SETS, SETS.c.id == SPANS.c.set_id)
            .where(SETS.c.document_id == document_id, SETS.c.owner == owner, SPANS.c.kind == ENTITY,
                   SPANS.c.start == start, SPANS.c.end == end)
            .order_by(SPANS.c.id)
        )]

    def span_row(self, span_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(
            select(SPANS, SETS.c.document_id, SETS.c.owner).join(SETS, SETS.c.id == SPANS.c.set_id)
            .where(SPANS.c.id == span_id)
        ).first()
        return dict(row._mapping) if row else None

    def claim_details(self, claim_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(select(CLAIMS).where(CLAIMS.c.span_id == claim_id)).first()
        return dict(row._mapping) if row else None

    def relations_into(self, span_id: int, label: str) -> list[dict[str, Any]]:
        """Relations of a label that end on a span (e.g. the SAYS relations of a claim)."""
        return [dict(r._mapping) for r in self.connection.execute(
            select(RELATIONS).where(RELATIONS.c.tail_id == span_id, RELATIONS.c.label == label)
        )]

    def relation_row(self, relation_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(
            select(RELATIONS, SETS.c.document_id, SETS.c.owner).join(SETS, SETS.c.id == RELATIONS.c.set_id)
            .where(RELATIONS.c.id == relation_id)
        ).first()
        return dict(row._mapping) if row else None

    def documents_with_claims(self, owner: str | None = None, ids: Sequence[str] | None = None) -> list[str]:
        """Ids of documents with at least one claim (of that owner), in corpus order."""
        stmt = (select(DOCUMENTS.c.id).distinct().join(SETS, SETS.c.document_id == DOCUMENTS.c.id)
                .join(SPANS, (SPANS.c.set_id == SETS.c.id) & (SPANS.c.kind == CLAIM)))
        if owner is not None:
            stmt = stmt.where(SETS.c.owner == owner)
        if ids is not None:
            stmt = stmt.where(DOCUMENTS.c.id.in_(list(ids)))
        stmt = stmt.add_columns(DOCUMENTS.c.ordinal).order_by(DOCUMENTS.c.ordinal)
        return [row[0] for row in self.connection.execute(stmt).all()]

    def claim_tuples(self, document_ids: Sequence[str], owner: str | None = None,
                     types: Sequence[str] | None = None) -> list[tuple]:
        """(document_id, owner, id, start, end, type, speaker id, speaker is author, speaker start,
        speaker end, speaker label, speaker entity's name, cue start, cue end, certainty, checkworthy,
        quantity value, unit, period, speaker entity id, document date), by document and position."""
        stmt = (
            _CLAIM_TUPLES.where(SETS.c.document_id.in_(list(document_ids)))
            .order_by(SETS.c.document_id, SETS.c.owner, SPANS.c.start, SPANS.c.id)
        )
        if owner is not None:
            stmt = stmt.where(SETS.c.owner == owner)
        if types:
            stmt = stmt.where(SPANS.c.label.in_(list(types)))
        return [tuple(row) for row in self.connection.execute(stmt).all()]

    def annotation_candidates(self, kind: str, labels: Sequence[str], owner: str | None,
                              documents: DocumentQuery, after_ordinal: int, limit: int,
                              query: SearchQuery | None = None, memo: SearchMemo | None = None
                              ) -> list[tuple[int, str]]:
        """(ordinal, id) of the documents, after ``after_ordinal``, that pass the filters and hold a
        span of ``kind`` (of one of ``labels``, in ``owner``'s set, when given) and, with ``query``,
        may hold it (the index's answer), in corpus order."""
        has = (select(SETS.c.document_id).join(SPANS, SPANS.c.set_id == SETS.c.id)
               .where(SPANS.c.kind == kind, SETS.c.document_id == DOCUMENTS.c.id))
        if labels:
            has = has.where(SPANS.c.label.in_(list(labels)))
        if owner is not None:
            has = has.where(SETS.c.owner == owner)
        stmt = select(DOCUMENTS.c.ordinal, DOCUMENTS.c.id).where(has.exists(), *self._conditions(documents))
        if query is not None and kind == ENTITY:
            with self._through_index(documents):
                return self._span_candidates(stmt, query, labels, after_ordinal, limit, memo, owner)
        if query is not None:
            index = self.search_index
            stmt = index.page(stmt, DOCUMENTS.c.ordinal, index.query_expression(query), after_ordinal)
            with self._through_index():
                return [tuple(r) for r in self.connection.execute(stmt.limit(limit))]
        stmt = stmt.where(DOCUMENTS.c.ordinal > after_ordinal).order_by(DOCUMENTS.c.ordinal)
        with self._through_index(documents):
            return [tuple(r) for r in self.connection.execute(stmt.limit(limit))]

    def _span_candidates(self, stmt: Select, query: SearchQuery, labels: Sequence[str], after_ordinal: int,
                         limit: int, memo: SearchMemo | None = None, owner: str | None = None
                         ) -> list[tuple[int, str]]:
        """Documents for a search over entity spans, driven by the spans' own index (``span_search``):
        a batch of the spans whose words may hold the query names their documents; those passing the
        filters are the page. A batch whose documents all fail the filters is passed over."""
        memo = memo or SearchMemo()
        while True:
            ordinals, last, memo.walk = span_search.candidate_ordinals(
                self.connection, query, labels, after_ordinal, limit, walk=memo.walk, owner=owner)
            if last is None:
                return []
            page = [tuple(r) for r in self.connection.execute(
                stmt.where(DOCUMENTS.c.ordinal.in_(ordinals)).order_by(DOCUMENTS.c.ordinal))]
            if page:
                return page  # type: ignore[return-value]
            after_ordinal = last

    def span_tuples(self, document_ids: Sequence[str], labels: Sequence[str],
                    owner: str | None = None) -> list[tuple[str, str, int, int, int, str, str | None, Fragments]]:
        """(document id, owner, span id, start, end, label, covered text, fragments) of the entity spans
        of these documents (of one of ``labels`` when given), by document, position and owner. A
        discontinuous span's covered text is None (the caller joins its fragments' texts).

        SQLite cuts the covered text itself for documents of up to ``COVERED_IN_SQL`` characters, so
        that a search over spans reads their words, not every text it passes (``substr`` counts code
        points); for longer ones it is None (``substr`` walks the text from its start on every call),
        and the caller slices the text. On PostgreSQL it is always None: there ``substr`` decompresses
        the stored text again for every span, which costs more than sending the text once (measured:
        every PER span of a page, 150 ms against 60)."""
        stmt = _SPANS_WITH_TEXT if self.connection.dialect.name == "sqlite" else _SPANS_WITHOUT_TEXT
        parameters: dict[str, Any] = {"ids": list(document_ids)}
        if labels:
            stmt = stmt.where(SPANS.c.label.in_(bindparam("labels", expanding=True)))
            parameters["labels"] = list(labels)
        if owner is not None:
            stmt = stmt.where(SETS.c.owner == bindparam("owner"))
            parameters["owner"] = owner
        return [(*r[:7], fragments_from_row(r[7])) for r in self.connection.execute(stmt, parameters).all()]

    def texts(self, document_ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(document_ids)):
            found.update(self.connection.execute(
                select(TEXTS.c.document_id, TEXTS.c.text).where(TEXTS.c.document_id.in_(chunk))).all())
        return found

    def load_sets(self, refs: Sequence[SetRef]) -> list[AnnotationSet]:
        """Full sets (spans, claims, relations with store ids), in the order of ``refs``."""
        entities: dict[int, list[Span]] = defaultdict(list)
        claims: dict[int, list[Claim]] = defaultdict(list)
        relations: dict[int, list[Relation]] = defaultdict(list)
        for chunk in _chunks([r.id for r in refs]):
            # Export reads every span of the corpus through here: plain tuples, no joins for entities.
            for span_id, set_id, start, end, label, attributes, entity, fragments, origin in bulk.select_tuples(
                self.connection, _ENTITY_SPANS.where(SPANS.c.set_id.in_(chunk))
            ):
                if isinstance(attributes, (str, bytes)):  # SQLite hands JSON over as text, psycopg decoded
                    attributes = orjson.loads(attributes)
                attributes = attributes or {}
                entities[set_id].append(Span(span_id, start, end, label, attributes, entity,
                                             fragments_from_row(fragments), origin))
            for row in self.connection.execute(_CLAIM_SPANS, {"set_ids": chunk}):
                claims[row.set_id].append(_claim_from_row(row))
            for rel_id, set_id, label, head, tail, attributes in self.connection.execute(
                _RELATIONS_OF_SETS, {"set_ids": chunk}
            ).all():
                relations[set_id].append(Relation(rel_id, label, head, tail, attributes or {}))
        return [
            AnnotationSet(ref.document_id, ref.owner, ref.status, tuple(entities.get(ref.id, ())),
                          tuple(claims.get(ref.id, ())), tuple(relations.get(ref.id, ())), ref.id)
            for ref in refs
        ]

    def export_page(self, ids: Sequence[str], owner: str | None) -> list[ExportRow]:
        """A page of the JSONL export in two queries: each document of ``ids`` (in their order) with
        each of its sets (``owner``'s only, unless None; a document without one comes once with no
        set), and each set's entity spans aggregated in SQL to one JSON array of
        ``[start, -end, label, end, attributes]`` (one string a set: no driver row per
        span, and the caller's ``list.sort`` puts them in the export's order, whatever order the
        aggregate kept). ``whole``: the set holds what only the full writer writes (a claim, a
        relation, a discontinuous or linked span, one accepted from a suggestion)."""
        statements = _EXPORT["postgresql" if self.connection.dialect.name == "postgresql" else "sqlite"]
        cursor = self.connection.connection.driver_connection.cursor()  # same transaction as self.connection
        try:
            rows: list[tuple] = []
            spans: dict[int, str] = {}
            for chunk in _chunks(list(ids)):
                parameters = statements.ids(chunk)
                if owner is not None:
                    parameters = [owner, *parameters]  # the owner's mark comes first in the text
                cursor.execute(statements.sets(len(chunk), owner is not None), parameters)
                found = cursor.fetchall()
                rows.extend(found)
                for set_ids in _chunks([r[4] for r in found if r[4] is not None]):
                    cursor.execute(statements.spans(len(set_ids)), statements.ids(set_ids))
                    spans.update(cursor.fetchall())
        finally:
            cursor.close()
        position = {document_id: n for n, document_id in enumerate(ids)}
        rows.sort(key=lambda r: (position[r[0]], r[5] or ""))  # by page order, then owner (code points)
        page = []
        loads, status_of = orjson.loads, _STATUS
        for document_id, meta, sha, body, set_id, set_owner, status, whole in rows:
            if isinstance(meta, (str, bytes)):  # SQLite hands JSON over as text, psycopg decoded
                meta = loads(meta)
            if set_id is None:
                page.append(ExportRow(document_id, meta or {}, sha, body, None, None, False))
                continue
            page.append(ExportRow(document_id, meta or {}, sha, body,
                                  SetRef(set_id, document_id, set_owner, status_of[status]),
                                  spans.get(set_id, "[]"), bool(whole)))
        return page

    def insert_annotations(self, set_rows: list[dict[str, Any]], span_rows: list[dict[str, Any]],
                           claim_rows: list[dict[str, Any]], relation_rows: list[dict[str, Any]],
                           note_rows: Sequence[dict[str, Any]] = (), texts: Mapping[str, str] | None = None) -> None:
        """Bulk insert of whole sets (and notes on them) whose ids were allocated by :meth:`allocate_ids`;
        their entity spans go into the span index (``texts``: the documents' texts, when at hand)."""
        for table, rows in ((SETS, set_rows), (SPANS, span_rows), (CLAIMS, claim_rows), (RELATIONS, relation_rows),
                            (NOTES, list(note_rows))):
            bulk.insert_rows(self.connection, table, rows)
        span_search.spans_imported(self.connection, set_rows, span_rows, texts)

    # ------------------------------------------------------------ entities
    def entities(self, owner: str, ids: Iterable[int] | None = None) -> list[Entity]:
        """The owner's entities (of ``ids`` when given), by name."""
        stmt = select(ENTITIES).where(ENTITIES.c.owner == owner).order_by(ENTITIES.c.name, ENTITIES.c.id)
        if ids is None:
            return [_entity(r) for r in self.connection.execute(stmt)]
        found: list[Entity] = []
        for chunk in _chunks(sorted(set(ids))):
            found.extend(_entity(r) for r in self.connection.execute(stmt.where(ENTITIES.c.id.in_(chunk))))
        return sorted(found, key=lambda e: (e.name, e.id))

    def entities_by_ids(self, ids: Iterable[int]) -> list[Entity]:
        """Entities of any owner, by id."""
        found: list[Entity] = []
        for chunk in _chunks(sorted(set(ids))):
            found.extend(_entity(r) for r in self.connection.execute(
                select(ENTITIES).where(ENTITIES.c.id.in_(chunk)).order_by(ENTITIES.c.id)))
        return found

    def entity(self, entity_id: int) -> Entity | None:
        row = self.connection.execute(select(ENTITIES).where(ENTITIES.c.id == entity_id)).first()
        return _entity(row) if row else None

    def entity_row(self, entity_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(select(ENTITIES).where(ENTITIES.c.id == entity_id)).first()
        return dict(row._mapping) if row else None

    def entity_summaries(self, owner: str) -> list[EntitySummary]:
        """The owner's entities with how many mentions link to each, in how many documents."""
        counts = {r[0]: (r[1], r[2]) for r in self.connection.execute(
            select(SPANS.c.entity_id, func.count(), func.count(SETS.c.document_id.distinct()))
            .join(SETS, SETS.c.id == SPANS.c.set_id)
            .where(SETS.c.owner == owner, SPANS.c.entity_id.is_not(None))
            .group_by(SPANS.c.entity_id))}
        return [EntitySummary(e, *counts.get(e.id, (0, 0))) for e in self.entities(owner)]

    def entity_mentions(self, entity_ids: Sequence[int]) -> list[Mention]:
        """The mentions linked to these entities, across the corpus, in corpus order and position."""
        covered = func.substr(TEXTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)
        stmt = (select(SETS.c.document_id, SETS.c.owner, SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label,
                       covered, SPANS.c.entity_id, DOCUMENTS.c.ordinal)
                .join(SETS, SETS.c.id == SPANS.c.set_id)
                .join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id)
                .join(TEXTS, TEXTS.c.document_id == SETS.c.document_id))
        rows: list[Any] = []
        for chunk in _chunks(sorted(set(entity_ids))):
            rows.extend(self.connection.execute(stmt.where(SPANS.c.entity_id.in_(chunk))))
        rows.sort(key=lambda r: (r.ordinal, r.start, r.id))
        return [Mention(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]

    def entity_span_ids_of(self, entity_id: int) -> list[int]:
        return list(self.connection.execute(
            select(SPANS.c.id).where(SPANS.c.entity_id == entity_id).order_by(SPANS.c.id)).scalars())

    def linked_in_document(self, document_id: str, owner: str) -> dict[int, int]:
        """entity id -> how many of the owner's mentions in the document link to it."""
        return dict(tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(SPANS.c.entity_id, func.count()).join(SETS, SETS.c.id == SPANS.c.set_id)
            .where(SETS.c.document_id == document_id, SETS.c.owner == owner, SPANS.c.entity_id.is_not(None))
            .group_by(SPANS.c.entity_id)))

    def linked_texts(self, owner: str, limit: int = 1000) -> dict[int, list[str]]:
        """entity id -> the distinct texts of the owner's most recently made mentions linked to it
        (the last ``limit``, among the newest ``50 * limit`` spans of anyone): what a proposal treats
        as aliases. Bounded so that a proposal costs the
        same at any corpus size; the mentions an annotator just linked are the likeliest again."""
        covered = func.substr(TEXTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)
        found: dict[int, list[str]] = defaultdict(list)
        # Among the newest rows of the spans table (a range of the primary key): left to itself the
        # planner takes every linked span through the entity index and sorts them all.
        newest = self.connection.execute(select(func.max(SPANS.c.id))).scalar() or 0
        for entity_id, text_ in self.connection.execute(
            select(SPANS.c.entity_id, covered).join(SETS, SETS.c.id == SPANS.c.set_id)
            .join(TEXTS, TEXTS.c.document_id == SETS.c.document_id)
            .where(SPANS.c.id > newest - 50 * limit, SETS.c.owner == owner, SPANS.c.entity_id.is_not(None))
            .order_by(SPANS.c.id.desc()).limit(limit)
        ):
            if text_ not in found[entity_id]:
                found[entity_id].append(text_)
        return dict(found)

    def owner_mentions(self, owner: str, document_id: str | None = None,
                       labels: Sequence[str] | None = None) -> list[Mention]:
        """The owner's entity mentions with their texts (in one document, or the corpus; of
        ``labels`` when given), in corpus order and position."""
        covered = func.substr(TEXTS.c.text, SPANS.c.start + 1, SPANS.c.end - SPANS.c.start)
        stmt = (select(SETS.c.document_id, SETS.c.owner, SPANS.c.id, SPANS.c.start, SPANS.c.end, SPANS.c.label,
                       covered, SPANS.c.entity_id)
                .join(SETS, SETS.c.id == SPANS.c.set_id)
                .join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id)
                .join(TEXTS, TEXTS.c.document_id == SETS.c.document_id)
                .where(SETS.c.owner == owner, SPANS.c.kind == ENTITY)
                .order_by(DOCUMENTS.c.ordinal, SPANS.c.start, SPANS.c.id))
        if document_id is not None:
            stmt = stmt.where(SETS.c.document_id == document_id)
        if labels:
            stmt = stmt.where(SPANS.c.label.in_(list(labels)))
        return [Mention(*r) for r in self.connection.execute(stmt)]

    def entity_links(self, owner: str | None = None, document_ids: Sequence[str] | None = None
                     ) -> list[tuple[str, str, int, int, str, int | None]]:
        """(document id, owner, start, end, label, entity id) of every entity mention (of an owner,
        of some documents): what linking agreement compares."""
        stmt = (select(SETS.c.document_id, SETS.c.owner, SPANS.c.start, SPANS.c.end, SPANS.c.label,
                       SPANS.c.entity_id)
                .join(SETS, SETS.c.id == SPANS.c.set_id).where(SPANS.c.kind == ENTITY))
        if owner is not None:
            stmt = stmt.where(SETS.c.owner == owner)
        if document_ids is None:
            return [tuple(r) for r in self.connection.execute(stmt)]  # type: ignore[misc]
        out: list[tuple] = []
        for chunk in _chunks(list(document_ids)):
            out.extend(tuple(r) for r in self.connection.execute(stmt.where(SETS.c.document_id.in_(chunk))))
        return out  # type: ignore[return-value]

    def find_entities(self, owner: str, *, external_id: str | None = None, name: str | None = None
                      ) -> list[Entity]:
        """The owner's entities with that external id, or that canonical name (exactly)."""
        stmt = select(ENTITIES).where(ENTITIES.c.owner == owner).order_by(ENTITIES.c.id)
        if external_id is not None:
            stmt = stmt.where(ENTITIES.c.external_id == external_id)
        if name is not None:
            stmt = stmt.where(ENTITIES.c.name == name)
        return [_entity(r) for r in self.connection.execute(stmt)]

    # -------------------------------------------------------- claims browser
    def browse_claim_tuples(self, query: ClaimQuery, ordinals: tuple[int, int] | None) -> list[tuple]:
        """Rows as :meth:`claim_tuples` gives them plus the document's ordinal, of the documents whose
        ordinal is in ``[first, last)`` (None: the whole corpus, for a query that names speakers: their
        claims come through the entity index), unordered. The browser walks the corpus a window of
        ordinals at a time (through the ordinal's index), so that walking it all reads each row once:
        an ORDER BY over the whole filtered corpus for every page would make the walk quadratic."""
        stmt = _CLAIM_TUPLES.add_columns(DOCUMENTS.c.ordinal)
        set_ids: list[int] | None = None
        if ordinals is not None:
            first, last = ordinals
            # The window's sets first (through the ordinal's index), then their claims through the
            # spans' (set, start) index: given the whole join at once, SQLite scans every claim for
            # each window.
            sets = select(SETS.c.id).join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id).where(
                DOCUMENTS.c.ordinal >= first, DOCUMENTS.c.ordinal < last)
            if query.owner is not None:
                sets = sets.where(SETS.c.owner == query.owner)
            set_ids = list(self.connection.execute(sets).scalars())
        if query.owner is not None:
            stmt = stmt.where(SETS.c.owner == query.owner)
        if query.document_ids is not None:
            stmt = stmt.where(SETS.c.document_id.in_(list(query.document_ids)))
        if query.speaker_entities is not None or query.author:
            either = []
            if query.speaker_entities is not None:
                either.append(_SPEAKER.c.entity_id.in_(list(query.speaker_entities)))
            if query.author:
                either.append(CLAIMS.c.speaker_is_author.is_(True))
            stmt = stmt.where(either[0] if len(either) == 1 else either[0] | either[1])
        if query.types:
            stmt = stmt.where(SPANS.c.label.in_(list(query.types)))
        if query.date_from:
            stmt = stmt.where(DOCUMENTS.c.date >= query.date_from)
        if query.date_to:
            stmt = stmt.where(DOCUMENTS.c.date <= query.date_to)
        if query.checkworthy is not None:
            stmt = stmt.where(CLAIMS.c.checkworthy.is_(query.checkworthy))
        if query.certainty is not None:
            stmt = stmt.where(CLAIMS.c.certainty == query.certainty)
        if query.unit is not None:
            stmt = stmt.where(CLAIMS.c.quantity_unit == query.unit)
        if query.value_min is not None:
            stmt = stmt.where(CLAIMS.c.quantity_value >= query.value_min)
        if query.value_max is not None:
            stmt = stmt.where(CLAIMS.c.quantity_value <= query.value_max)
        if query.with_figure:
            stmt = stmt.where(CLAIMS.c.quantity_value.is_not(None))
        if set_ids is None:
            return [tuple(r) for r in self.connection.execute(stmt)]
        rows: list[tuple] = []
        for chunk in _chunks(set_ids):
            rows.extend(tuple(r) for r in self.connection.execute(stmt.where(SPANS.c.set_id.in_(chunk))))
        return rows

    def ordinal_bounds(self) -> tuple[int, int]:
        """The lowest and highest document ordinal (0, 0 for an empty corpus)."""
        low, high = self.connection.execute(select(func.min(DOCUMENTS.c.ordinal), func.max(DOCUMENTS.c.ordinal))).one()
        return (low or 0, high or 0)

    def about_targets(self, claim_ids: Sequence[int], label: str) -> dict[int, list[tuple]]:
        """claim id -> (span id, start, end, span label, entity id, entity name) of the mentions its
        ``label`` relations (ABOUT) point at."""
        tail = SPANS.alias("tail")
        stmt = (select(RELATIONS.c.head_id, tail.c.id, tail.c.start, tail.c.end, tail.c.label, tail.c.entity_id,
                       ENTITIES.c.name)
                .join(tail, tail.c.id == RELATIONS.c.tail_id)
                .outerjoin(ENTITIES, ENTITIES.c.id == tail.c.entity_id)
                .where(RELATIONS.c.label == label))
        found: dict[int, list[tuple]] = defaultdict(list)
        for chunk in _chunks(sorted(set(claim_ids))):
            for row in self.connection.execute(stmt.where(RELATIONS.c.head_id.in_(chunk)).order_by(tail.c.start)):
                found[row[0]].append(tuple(row[1:]))
        return dict(found)

    # --------------------------------------------------------------- notes
    def note_row(self, note_id: int) -> dict[str, Any] | None:
        """The note's row with its set's document and owner."""
        row = self.connection.execute(
            select(NOTES, SETS.c.document_id, SETS.c.owner).join(SETS, SETS.c.id == NOTES.c.set_id)
            .where(NOTES.c.id == note_id)
        ).first()
        return dict(row._mapping) if row else None

    def notes(self, document_ids: Sequence[str] | None = None, owner: str | None = None,
              unsure_only: bool = False) -> list[Note]:
        """Notes with their targets resolved, in corpus order, then by owner, then position
        (a document's own notes first), then as written."""
        stmt = (
            select(NOTES.c.id, SETS.c.document_id, SETS.c.owner, NOTES.c.target_id, SPANS.c.kind, SPANS.c.label,
                   SPANS.c.start, SPANS.c.end, NOTES.c.text, NOTES.c.unsure, NOTES.c.author, NOTES.c.created_at,
                   DOCUMENTS.c.ordinal)
            .join(SETS, SETS.c.id == NOTES.c.set_id)
            .join(DOCUMENTS, DOCUMENTS.c.id == SETS.c.document_id)
            .outerjoin(SPANS, SPANS.c.id == NOTES.c.target_id)
        )
        if owner is not None:
            stmt = stmt.where(SETS.c.owner == owner)
        if unsure_only:
            stmt = stmt.where(NOTES.c.unsure.is_(True))
        if document_ids is None:
            rows = list(self.connection.execute(stmt))
        else:
            rows = []
            for chunk in _chunks(list(dict.fromkeys(document_ids))):
                rows.extend(self.connection.execute(stmt.where(SETS.c.document_id.in_(chunk))))
        rows.sort(key=lambda r: (r.ordinal, r.owner, -1 if r.start is None else r.start, r.id))
        return [
            Note(r.id, r.document_id, r.owner, r.target_id,
                 (NoteTarget.DOCUMENT if r.target_id is None
                  else NoteTarget.CLAIM if r.kind == CLAIM else NoteTarget.SPAN).value,
                 r.label, r.start, r.end, r.text, bool(r.unsure), r.author, r.created_at)
            for r in rows
        ]

    # --------------------------------------------------------- suggestions
    @property
    def repeat_index(self) -> RepeatIndex:
        return RepeatIndex(self.connection)

    def suggestion_set_refs(self, document_ids: Sequence[str], prefix: str) -> list[SetRef]:
        """The sets of these documents whose owner starts with ``prefix`` (``model:``)."""
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        refs: list[SetRef] = []
        for chunk in _chunks(list(document_ids)):
            refs.extend(SetRef(r.id, r.document_id, r.owner, SetStatus(r.status)) for r in self.connection.execute(
                select(SETS.c.id, SETS.c.document_id, SETS.c.owner, SETS.c.status)
                .where(SETS.c.document_id.in_(chunk), SETS.c.owner.like(like, escape="\\"))
                .order_by(SETS.c.document_id, SETS.c.owner)))
        return refs

    def documents_with_set(self, owner: str, document_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(document_ids)):
            found.update(self.connection.execute(
                select(SETS.c.document_id).where(SETS.c.owner == owner, SETS.c.document_id.in_(chunk))).scalars())
        return found

    def decisions(self, document_id: str) -> list[Decision]:
        """The curators' decisions on the document's disagreement regions, in text order."""
        return [Decision(r.id, r.layer, r.start, r.end, r.decision, r.annotator, r.curator)
                for r in self.connection.execute(select(DECISIONS).where(DECISIONS.c.document_id == document_id)
                                                 .order_by(DECISIONS.c.start, DECISIONS.c.end, DECISIONS.c.layer))]

    def rejections(self, document_id: str, owner: str) -> dict[tuple[str, int, int, str], int]:
        """(kind, start, end, label) -> the rejection's id, of the suggestions ``owner`` rejected."""
        return {(r.kind, r.start, r.end, r.label): r.id for r in self.connection.execute(
            select(REJECTIONS).where(REJECTIONS.c.document_id == document_id, REJECTIONS.c.owner == owner))}

    def rejection_counts(self) -> list[tuple[str, str, str, int]]:
        """(owner, source, label, rejections) over the database."""
        return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(REJECTIONS.c.owner, REJECTIONS.c.source, REJECTIONS.c.label, func.count())
            .group_by(REJECTIONS.c.owner, REJECTIONS.c.source, REJECTIONS.c.label))]

    def origin_counts(self) -> list[tuple[str, str, str, int]]:
        """(owner, origin, label, spans) of the spans accepted from suggestions and still in their sets."""
        return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(SETS.c.owner, SPANS.c.origin, SPANS.c.label, func.count())
            .join(SETS, SETS.c.id == SPANS.c.set_id).where(SPANS.c.origin.is_not(None))
            .group_by(SETS.c.owner, SPANS.c.origin, SPANS.c.label))]

    # -------------------------------------------------------------- actions
    def apply(self, ops: list[Op], *, replaying: bool = False) -> list[Op]:
        """Apply row operations; their inverse. ``replaying`` (an undo or redo): StaleAction when the
        rows have changed since (an edit of a row deleted since, putting back a row whose id or place
        is taken again). A new action's key clash is left to the store: a racing writer's, retried."""
        try:
            inverse = self.rows.apply(ops)
            span_search.spans_changed(self.connection, ops, inverse)
            return inverse
        except IntegrityError as exc:
            if not replaying:
                raise
            raise StaleAction(str(exc.orig)) from exc

    def touched_labels(self, ops: list[Op]) -> tuple[list[tuple[int, str, str]], list[str]]:
        """After ``ops``: the (id, kind, label) of the spans they inserted or changed, and the
        labels of the relations they inserted (what an undo must find in the scheme)."""
        span_ids: set[int] = set()
        relation_labels: list[str] = []
        for op in ops:
            if op.get("table") == SPANS.name:
                if op["op"] == "insert":
                    span_ids.update(r["id"] for r in op["rows"])
                elif op["op"] == "update" and "label" in op["values"]:
                    span_ids.add(op["id"])
                elif op["op"] == "update_many" and "label" in op["values"]:
                    span_ids.update(op["ids"])
            elif op.get("table") == RELATIONS.name and op["op"] == "insert":
                relation_labels.extend(r["label"] for r in op["rows"])
        found: list[tuple[int, str, str]] = []
        ids = sorted(span_ids)
        for chunk in _chunks(ids):
            found.extend(tuple(r) for r in self.connection.execute(  # type: ignore[misc]
                select(SPANS.c.id, SPANS.c.kind, SPANS.c.label).where(SPANS.c.id.in_(chunk))))
        return found, relation_labels

    def type_usage(self) -> tuple[dict[str, int], dict[str, int]]:
        """Claims per claim type and relations per relation label, over the whole database."""
        claims = dict(tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(SPANS.c.label, func.count()).where(SPANS.c.kind == CLAIM).group_by(SPANS.c.label)))
        relations = dict(tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(RELATIONS.c.label, func.count()).group_by(RELATIONS.c.label)))
        return claims, relations

    def log_action(self, *, owner: str, user: str, kind: str, label: str, document_id: str | None,
                   forward: list[Op], inverse: list[Op], undoes: int | None = None,
                   redoes: int | None = None) -> int:
        result = self.connection.execute(_INSERT_ACTION, {
            "owner": owner, "user": user, "at": now(), "kind": kind, "label": label, "document_id": document_id,
            "forward": forward, "inverse": inverse, "undoes": undoes, "redoes": redoes,
        })
        return result.inserted_primary_key[0]

    def action(self, action_id: int) -> LoggedAction | None:
        row = self.connection.execute(select(ACTIONS).where(ACTIONS.c.id == action_id)).first()
        if row is None:
            return None
        return LoggedAction(row.id, row.owner, row.user, row.at, row.kind, row.label, row.document_id,
                            row.inverse, row.undoes, row.redoes)

    def undo_tops(self, owner: str, document_id: str | None = None) -> Tops:
        """The tops of the owner's undo stack (an action id) and redo stack ((undone id, undo id)),
        None when empty; with ``document_id``, of that document's actions only (a curator's gold,
        one document at a time). Read from the newest actions back, a longer part of the log
        whenever the part read is not enough (``domain/undo_stacks.stack_tops``): a view read costs
        the same after 100 actions as after 100,000.
        (Undo and redo actions carry their target's document, so a filter keeps them with it.)"""
        query = select(ACTIONS.c.id, ACTIONS.c.kind, ACTIONS.c.undoes, ACTIONS.c.redoes).where(ACTIONS.c.owner == owner)
        if document_id is not None:
            query = query.where(ACTIONS.c.document_id == document_id)
        limit = UNDO_READ
        while True:
            newest = self.connection.execute(query.order_by(ACTIONS.c.id.desc()).limit(limit)).all()
            tops = stack_tops(reversed(newest), whole=len(newest) < limit)  # type: ignore[arg-type]
            if tops is not None:
                return tops
            limit *= 8

    def last_action_id(self, owner: str | None = None, document_id: str | None = None) -> int:
        """The newest action's id (of an owner, on a document), 0 when there is none: a cheap
        version number of what the log has seen."""
        stmt = select(func.max(ACTIONS.c.id))
        if owner is not None:
            stmt = stmt.where(ACTIONS.c.owner == owner)
        if document_id is not None:
            stmt = stmt.where(ACTIONS.c.document_id == document_id)
        return self.connection.execute(stmt).scalar() or 0

    def actions_since(self, owner: str, document_id: str, after: int) -> list[tuple[int, str, str, list[Op], list[Op]]]:
        """(id, user, label, forward, inverse) of the owner's actions on a document after ``after``."""
        return [tuple(r) for r in self.connection.execute(  # type: ignore[misc]
            select(ACTIONS.c.id, ACTIONS.c.user, ACTIONS.c.label, ACTIONS.c.forward, ACTIONS.c.inverse)
            .where(ACTIONS.c.owner == owner, ACTIONS.c.document_id == document_id, ACTIONS.c.id > after)
            .order_by(ACTIONS.c.id))]

    def span_extents(self, span_ids: Iterable[int]) -> list[tuple[int, int]]:
        """(start, end) of the spans (of those still stored); a discontinuous span's fragments."""
        found: list[tuple[int, int]] = []
        for chunk in _chunks(sorted(set(span_ids))):
            for start, end, fragments in self.connection.execute(
                    select(SPANS.c.start, SPANS.c.end, SPANS.c.fragments).where(SPANS.c.id.in_(chunk))):
                found.extend(fragments_from_row(fragments) or ((start, end),))
        return found

    def actions(self, owner: str | None = None, limit: int = 100) -> list[LoggedAction]:
        stmt = select(ACTIONS).order_by(ACTIONS.c.id.desc()).limit(limit)
        if owner is not None:
            stmt = stmt.where(ACTIONS.c.owner == owner)
        return [LoggedAction(r.id, r.owner, r.user, r.at, r.kind, r.label, r.document_id, r.inverse,
                             r.undoes, r.redoes) for r in self.connection.execute(stmt)]

    # --------------------------------------------------------- users, assignments
    def user_role(self, name: str) -> str | None:
        return self.connection.execute(_USER_ROLE, {"name": name}).scalar()

    def users(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.connection.execute(select(USERS.c.name, USERS.c.role).order_by(USERS.c.name))]

    def has_role(self, role: str) -> bool:
        return self.connection.execute(select(USERS.c.name).where(USERS.c.role == role).limit(1)).first() is not None

    def put_user(self, name: str, role: str) -> bool:
        """Add a user or change their role; True when the user is new."""
        if self.user_role(name) is None:
            self.connection.execute(insert(USERS).values(name=name, role=role, created_at=now()))
            return True
        self.connection.execute(USERS.update().where(USERS.c.name == name).values(role=role))
        return False

    @property
    def is_server(self) -> bool:
        return self.connection.dialect.name == "postgresql"

    def has_login(self, name: str) -> bool:
        """PostgreSQL: whether a login (role) of that name exists on the server."""
        return self.connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() \
            is not None

    def add_login(self, name: str, role: str, password: str | None) -> bool:
        """PostgreSQL: make ``name`` a login of the team with ``role`` (the server checks that the
        session may: a curator, or the database's owner); True when the login is new."""
        return bool(self.connection.execute(text("SELECT annotator_add_user(:n, :r, :p)"),
                                            {"n": name, "r": role, "p": password}).scalar())

    def assignments(self, document_ids: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """(document id, annotator) pairs, for some documents or all."""
        stmt = select(ASSIGNMENTS.c.document_id, ASSIGNMENTS.c.annotator)
        if document_ids is None:
            return [tuple(r) for r in self.connection.execute(stmt)]
        out: list[tuple[str, str]] = []
        for chunk in _chunks(list(document_ids)):
            out.extend(tuple(r) for r in self.connection.execute(stmt.where(ASSIGNMENTS.c.document_id.in_(chunk))))
        return out

    def assignment_load(self) -> dict[str, int]:
        return dict(self.connection.execute(
            select(ASSIGNMENTS.c.annotator, func.count()).group_by(ASSIGNMENTS.c.annotator)).all())

    def add_assignments(self, pairs: Sequence[tuple[str, str]]) -> None:
        created = now()
        bulk.insert_rows(self.connection, ASSIGNMENTS, [
            {"document_id": d, "annotator": a, "assigned_at": created} for d, a in pairs])

    def progress(self) -> list[tuple[str, int, int, int, int]]:
        """Per annotator with assignments: (annotator, assigned, done, in progress, skipped)."""
        status = select(SETS.c.status).where(
            SETS.c.document_id == ASSIGNMENTS.c.document_id, SETS.c.owner == ASSIGNMENTS.c.annotator
        ).scalar_subquery()
        rows = self.connection.execute(
            select(ASSIGNMENTS.c.annotator, status.label("status"))
        ).all()
        table: dict[str, list[int]] = {}
        for annotator, state in rows:
            counts = table.setdefault(annotator, [0, 0, 0, 0])
            counts[0] += 1
            if state == SetStatus.DONE.value:
                counts[1] += 1
            elif state == SetStatus.IN_PROGRESS.value:
                counts[2] += 1
            elif state == SetStatus.SKIPPED.value:
                counts[3] += 1
        return [(name, *counts) for name, counts in sorted(table.items())]  # type: ignore[misc]

    # ------------------------------------------------------------- counts
    def counts(self) -> dict[str, int]:
        return {
            "documents": self.connection.execute(select(func.count()).select_from(DOCUMENTS)).scalar_one(),
            "sets": self.connection.execute(select(func.count()).select_from(SETS)).scalar_one(),
            "spans": self.connection.execute(
                select(func.count()).select_from(SPANS).where(SPANS.c.kind == ENTITY)).scalar_one(),
            "claims": self.connection.execute(select(func.count()).select_from(CLAIMS)).scalar_one(),
            "relations": self.connection.execute(select(func.count()).select_from(RELATIONS)).scalar_one(),
            "actions": self.connection.execute(select(func.count()).select_from(ACTIONS)).scalar_one(),
        }


def _sort_order(sort_column, descending: bool):
    """The list's order by one column: NULLs first going up and last going down, on every backend
    (SQLite's own order; PostgreSQL's default is the reverse), as :func:`_after` and :func:`_before`
    assume."""
    if sort_column is DOCUMENTS.c.date:  # the one sort column that may be NULL
        return sort_column.desc().nulls_last() if descending else sort_column.asc().nulls_first()
    return sort_column.desc() if descending else sort_column.asc()


def _after(sort_column, descending: bool, value: Any, ordinal: int):
    """Rows after (value, ordinal) in the order (sort column, ordinal), with NULLs first going up and
    last going down, as SQLite sorts them."""
    same = DOCUMENTS.c.ordinal > ordinal
    if sort_column is DOCUMENTS.c.ordinal:  # one column, no OR: the index seeks straight to the page
        return sort_column < value if descending else sort_column > value
    if descending:
        if value is None:
            return sort_column.is_(None) & same
        return (sort_column < value) | ((sort_column == value) & same) | sort_column.is_(None)
    if value is None:
        return (sort_column.is_(None) & same) | sort_column.is_not(None)
    return (sort_column > value) | ((sort_column == value) & same)


def _before(sort_column, descending: bool, value: Any, ordinal: int):
    """Rows before (value, ordinal) in the same order as :func:`_after`."""
    same = DOCUMENTS.c.ordinal < ordinal
    if sort_column is DOCUMENTS.c.ordinal:
        return sort_column > value if descending else sort_column < value
    if descending:
        if value is None:
            return sort_column.is_not(None) | (sort_column.is_(None) & same)
        return (sort_column > value) | ((sort_column == value) & same)
    if value is None:
        return sort_column.is_(None) & same
    return sort_column.is_(None) | (sort_column < value) | ((sort_column == value) & same)


def _claim_from_row(row: Any) -> Claim:
    if row.speaker_is_author:
        speaker: int | str | None = AUTHOR
    else:
        speaker = row.speaker_span_id
    cue = Cue(row.cue_start, row.cue_end) if row.cue_start is not None else None
    quantity = None
    if row.quantity_value is not None or row.quantity_unit is not None:
        quantity = Quantity(row.quantity_value, row.quantity_unit, row.quantity_period)
    return Claim(row.id, row.start, row.end, row.label, speaker, cue,
                 Certainty(row.certainty or Certainty.ASSERTED.value), bool(row.checkworthy), quantity,
                 row.attributes or {}, fragments_from_row(row.fragments), row.origin)


def fragments_to_row(fragments: Fragments) -> list[list[int]] | None:
    return [[a, b] for a, b in fragments] if fragments else None


def _entity(row: Any) -> Entity:
    return Entity(row.id, row.owner, row.name, row.type, tuple(row.aliases or ()), row.external_id, row.notes)


def entity_row(entity_id: int, owner: str, entity: Entity) -> dict[str, Any]:
    return {"id": entity_id, "owner": owner, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases) or None, "external_id": entity.external_id, "notes": entity.notes}


def span_row(set_id: int, span_id: int, span: Span, origin: str | None = None) -> dict[str, Any]:
    """A mention's row; its ``entity`` must be a store entity id (a file's reference is resolved
    first). ``origin``: the suggestion set an accepted span came from."""
    entity = span.entity if isinstance(span.entity, int) else None
    return {"id": span_id, "set_id": set_id, "kind": ENTITY, "start": span.start, "end": span.end,
            "label": span.label, "attributes": span.attributes or None, "entity": None, "entity_id": entity,
            "origin": origin, "fragments": fragments_to_row(span.fragments)}


def claim_rows(set_id: int, span_id: int, claim: Claim, speaker_span_id: int | None,
               origin: str | None = None) -> tuple[dict, dict]:
    span = {"id": span_id, "set_id": set_id, "kind": CLAIM, "start": claim.start, "end": claim.end,
            "label": claim.type, "attributes": claim.attributes or None, "entity": None, "entity_id": None,
            "origin": origin, "fragments": fragments_to_row(claim.fragments)}
    q = claim.quantity
    details = {"span_id": span_id, "speaker_span_id": speaker_span_id,
               "speaker_is_author": claim.speaker == AUTHOR,
               "cue_start": claim.cue.start if claim.cue else None,
               "cue_end": claim.cue.end if claim.cue else None,
               "certainty": claim.certainty.value, "checkworthy": claim.checkworthy,
               "quantity_value": q.value if q else None, "quantity_unit": q.unit if q else None,
               "quantity_period": q.period if q else None}
    return span, details


def relation_values(relation_id: int, set_id: int, relation: Relation, head_id: int, tail_id: int) -> dict[str, Any]:
    """A relation's row, its ends given as store span ids (``relation``'s own may be a file's)."""
    return {"id": relation_id, "set_id": set_id, "label": relation.label, "head_id": head_id, "tail_id": tail_id,
            "attributes": relation.attributes or None}


def set_row(set_id: int, document_id: str, owner: str, status: SetStatus) -> dict[str, Any]:
    return {"id": set_id, "document_id": document_id, "owner": owner, "status": status.value,
            "updated_at": now()}
