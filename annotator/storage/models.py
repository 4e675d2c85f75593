"""Typed SQLAlchemy models. Alembic scripts in ``db/versions`` create the same tables.

Entity mentions and claim extents share the ``spans`` table (``kind``), so that a
relation's head and tail are simply span ids; a claim's own fields live in
``claims``, one row per claim span. Ids are AUTOINCREMENT so that an id the
command line printed is never reused after a delete (undo re-inserts with it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import JSON, BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


# Python None is SQL NULL, not the JSON text 'null' (which costs an encode and a decode per row).
JSONValue = JSON(none_as_null=True)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSONValue, list[Any]: JSONValue}


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, unique=True)  # import order, for paging
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    length: Mapped[int] = mapped_column(Integer)  # code points
    meta: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    created_at: Mapped[datetime] = mapped_column()


class DocumentTextRow(Base):
    """Text apart from the document row, so listing documents never reads texts."""

    __tablename__ = "document_texts"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)


class SchemeVersionRow(Base):
    __tablename__ = "scheme_versions"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    author: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column()


class AnnotationSetRow(Base):
    __tablename__ = "annotation_sets"
    __table_args__ = (
        UniqueConstraint("document_id", "owner", name="uq_set_document_owner"),
        Index("ix_sets_owner", "owner"),
        # "how many has this owner done", on every open and action: counted in the index (0016)
        Index("ix_sets_owner_status", "owner", "status"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    owner: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column()


# A span only the export's full writer writes (a claim's, a discontinuous one, one linked to an
# entity or accepted from a suggestion): few, so a partial index finds a set's at once (0023).
WHOLE_SPAN = "kind <> 'entity' OR fragments IS NOT NULL OR entity_id IS NOT NULL OR origin IS NOT NULL"


class SpanRow(Base):
    __tablename__ = "spans"
    __table_args__ = (
        Index("ix_spans_set", "set_id", "start"),
        Index("ix_spans_whole", "set_id", sqlite_where=text(WHOLE_SPAN), postgresql_where=text(WHOLE_SPAN)),
        # A set holds a span at most once, even when two writers add it at the same moment; two spans
        # of a label over the same outer bounds differ by their fragments (migration 0012).
        Index("uq_spans_place", "set_id", "kind", "start", "end", "label",
              text("coalesce(CAST(fragments AS TEXT), '')"), unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("annotation_sets.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # "entity" or "claim"
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(100))  # entity label, or claim type
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    # Before revision 0008 the entity link was this free string; 0008 turned each into an entity
    # row. Kept because dropping a column rebuilds the table on SQLite; nothing reads it now.
    entity: Mapped[str | None] = mapped_column(String(200))
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the linked EntityRow (same owner)
    # Where an accepted suggestion came from: the owner of its suggestion set ("model:natasha").
    origin: Mapped[str | None] = mapped_column(String(200))
    # A discontinuous span's pieces, [[start, end], ...] in text order; NULL for a contiguous one
    # (start and end are always the outer bounds, so region queries need not look here).
    fragments: Mapped[list[Any] | None] = mapped_column(JSONValue)


class EntityRow(Base):
    """A corpus-wide entity of one owner (an annotator's, or gold's settled by curation).

    Mentions link to it by ``spans.entity_id``; no foreign key: an entity is removed only
    by a merge, which moves its links first.
    """

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_owner", "owner", "name"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str | None] = mapped_column(String(100))
    aliases: Mapped[list[Any] | None] = mapped_column(JSONValue)
    external_id: Mapped[str | None] = mapped_column(String(200))  # e.g. a Wikidata QID
    notes: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"

    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), primary_key=True)
    speaker_span_id: Mapped[int | None] = mapped_column(
        ForeignKey("spans.id", ondelete="SET NULL"), index=True
    )
    speaker_is_author: Mapped[bool] = mapped_column(Boolean, default=False)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[str] = mapped_column(String(20))
    checkworthy: Mapped[bool] = mapped_column(Boolean, default=False)
    quantity_value: Mapped[float | None] = mapped_column(Float)
    quantity_unit: Mapped[str | None] = mapped_column(String(100))
    quantity_period: Mapped[str | None] = mapped_column(String(100))


class RelationRow(Base):
    __tablename__ = "relations"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("annotation_sets.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    head_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    tail_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    # The scheme's attributes for relations of its type, {name: value}; NULL for none (migration 0013).
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)


class NoteRow(Base):
    """A comment or an "unsure" flag of an annotator on a span, a claim or a whole document.

    A note belongs to its owner's set of the document (``set_id``); ``target_id``
    is a span or claim of that set, or NULL for the document as a whole.
    """

    __tablename__ = "notes"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("annotation_sets.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    unsure: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column()


class ActionRow(Base):
    """The append-only log: every action, who made it, and how to invert it.

    ``forward`` and ``inverse`` are lists of row operations (see
    ``annotator.storage.actions``). Undo applies an action's inverse as a new
    action that names it in ``undoes``; redo applies the undo's inverse and names
    the redone action in ``redoes``.
    """

    __tablename__ = "actions"
    __table_args__ = (
        Index("ix_actions_owner", "owner", "id"),
        # one document's undo (a curator's), read from its newest actions back (0022)
        Index("ix_actions_owner_document", "owner", "document_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(200))  # whose undo history it belongs to
    user: Mapped[str] = mapped_column(String(200))  # who acted
    at: Mapped[datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(50))
    label: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(200))
    forward: Mapped[list[Any]] = mapped_column(JSONValue)
    inverse: Mapped[list[Any]] = mapped_column(JSONValue)
    undoes: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))
    redoes: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))


class UserRow(Base):
    """People who work in the database: annotators write their own sets, curators also write gold."""

    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column()


class AssignmentRow(Base):
    """Which annotator is to label which document."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_annotator", "annotator"),)

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator: Mapped[str] = mapped_column(String(200), primary_key=True)
    assigned_at: Mapped[datetime] = mapped_column()


class SuggestionRejectionRow(Base):
    """A suggestion an annotator turned down, by its place, so it is not offered to them again
    (even when the model is run again and its suggestion gets a new id)."""

    __tablename__ = "suggestion_rejections"
    __table_args__ = (
        Index("uq_rejections_place", "document_id", "owner", "kind", "start", "end", "label", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    owner: Mapped[str] = mapped_column(String(200))  # who rejected it (whose suggestions they are)
    source: Mapped[str] = mapped_column(String(200))  # the suggestion set's owner ("model:natasha")
    kind: Mapped[str] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(100))


class RepeatGroupRow(Base):
    """Sentences that are copies of each other across documents; ``text``: the first one, normalised."""

    __tablename__ = "repeat_groups"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)


class RepeatBandRow(Base):
    """The LSH bands of a group's first sentence: a new sentence sharing a band is a candidate copy."""

    __tablename__ = "repeat_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("repeat_groups.id", ondelete="CASCADE"), primary_key=True)


class RepeatIndexedRow(Base):
    """A document the index of repeated sentences has read (it may have no place: all too short)."""

    __tablename__ = "repeat_indexed"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


class RepeatPlaceRow(Base):
    """One indexed sentence of a document and the group of its copies."""

    __tablename__ = "repeat_places"
    __table_args__ = (
        Index("ix_repeat_places_document", "document_id", "ordinal"),
        Index("ix_repeat_places_group", "group_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("repeat_groups.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)  # the sentence's number among the document's indexed ones
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class CurationDecisionRow(Base):
    """A curator's explicit answer to one disagreement region of a document (its layer and extent):
    ``accept`` one annotator's version (``annotator``) or ``reject`` them all. A region with a row is
    settled; one region has at most one row (the unique index: two curators cannot both decide it)."""

    __tablename__ = "curation_decisions"
    __table_args__ = (
        Index("uq_curation_decisions_region", "document_id", "layer", "start", "end", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    layer: Mapped[str] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(10))  # accept or reject
    annotator: Mapped[str | None] = mapped_column(String(200), nullable=True)  # whose version was accepted
    curator: Mapped[str] = mapped_column(String(200))


def fragments_from_row(value: Any) -> tuple[tuple[int, int], ...]:
    """The ``fragments`` column as the domain holds it: () for NULL (a contiguous span)."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):  # SQLite's JSON as text through the plain-tuple path
        value = orjson.loads(value)
    return tuple((int(a), int(b)) for a, b in value) if value else ()
