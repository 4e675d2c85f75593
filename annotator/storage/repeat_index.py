"""The index of repeated sentences (migration 0007): groups of copies, their LSH bands, their places.

The LSH buckets live in a table (``repeat_bands``: band key -> group) rather than in
memory, so that an import finds the copies of its sentences among everything stored
before without reading the corpus again. Only a group's first sentence has bands:
a copy joins the group and adds a place, nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, select

from annotator.domain.repeats import Place
from annotator.storage import bulk
from annotator.storage.actions import _chunks
from annotator.storage.models import DocumentRow, RepeatBandRow, RepeatGroupRow, RepeatIndexedRow, RepeatPlaceRow

GROUPS: Table = RepeatGroupRow.__table__  # type: ignore[assignment]
BANDS: Table = RepeatBandRow.__table__  # type: ignore[assignment]
PLACES: Table = RepeatPlaceRow.__table__  # type: ignore[assignment]
INDEXED: Table = RepeatIndexedRow.__table__  # type: ignore[assignment]
_DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]
_NOT_READ = ~select(INDEXED.c.document_id).where(INDEXED.c.document_id == _DOCUMENTS.c.id).exists()

_GROUPS_OF_BANDS = select(BANDS.c.band, BANDS.c.group_id).where(BANDS.c.band.in_(bindparam("bands", expanding=True)))
_PLACE_COLUMNS = (PLACES.c.document_id, PLACES.c.ordinal, PLACES.c.group_id, PLACES.c.start, PLACES.c.end)


def _place(row: Any) -> Place:
    return Place(row[0], row[1], row[2], row[3], row[4])


class RepeatIndex:
    def __init__(self, connection: Connection):
        self.connection = connection

    def groups_of_bands(self, bands: Iterable[int]) -> dict[int, list[int]]:
        """band -> the groups whose first sentence has it."""
        found: dict[int, list[int]] = defaultdict(list)
        for chunk in _chunks(sorted(set(bands))):
            for band, group in self.connection.execute(_GROUPS_OF_BANDS, {"bands": chunk}):
                found[band].append(group)
        return found

    def last_group(self) -> int | None:
        """The highest group id stored (None when there is none): a stamp of the index's groups,
        which only grow or go all at once, their ids never reused."""
        return self.connection.execute(select(func.max(GROUPS.c.id))).scalar()

    def group_texts(self, group_ids: Iterable[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(sorted(set(group_ids))):
            found.update(self.connection.execute(
                select(GROUPS.c.id, GROUPS.c.text).where(GROUPS.c.id.in_(chunk))).all())
        return found

    def add(self, groups: Sequence[dict[str, Any]], bands: Sequence[dict[str, Any]],
            places: Sequence[dict[str, Any]]) -> None:
        """Rows with ids from ``Repository.allocate_ids`` (groups, places)."""
        bulk.insert_rows(self.connection, GROUPS, groups)
        bulk.insert_rows(self.connection, BANDS, bands)
        bulk.insert_rows(self.connection, PLACES, places)

    def indexed_documents(self, document_ids: Sequence[str]) -> set[str]:
        """Those of these documents the index has read."""
        found: set[str] = set()
        for chunk in _chunks(list(document_ids)):
            found.update(self.connection.execute(
                select(INDEXED.c.document_id).where(INDEXED.c.document_id.in_(chunk))).scalars())
        return found

    def mark_indexed(self, document_ids: Sequence[str]) -> None:
        bulk.insert_rows(self.connection, INDEXED, [{"document_id": d} for d in document_ids])

    def unread_documents(self, after: int, limit: int) -> list[tuple[str, int]]:
        """(id, ordinal) of the next documents past ordinal ``after`` that the index has not read.

        Keyset by ordinal: a run over the corpus reads each document's mark once, not once per batch."""
        return [(r[0], r[1]) for r in self.connection.execute(
            select(_DOCUMENTS.c.id, _DOCUMENTS.c.ordinal).where(_DOCUMENTS.c.ordinal > after, _NOT_READ)
            .order_by(_DOCUMENTS.c.ordinal).limit(limit))]

    def unread_count(self) -> int:
        return self.connection.execute(select(func.count()).select_from(_DOCUMENTS).where(_NOT_READ)).scalar_one()

    def forget(self, document_ids: Sequence[str] | None = None) -> None:
        """Drop the places of these documents (every place and group when None)."""
        if document_ids is None:
            for table in (INDEXED, PLACES, BANDS, GROUPS):
                self.connection.execute(delete(table))
            return
        for chunk in _chunks(list(document_ids)):
            self.connection.execute(delete(PLACES).where(PLACES.c.document_id.in_(chunk)))
            self.connection.execute(delete(INDEXED).where(INDEXED.c.document_id.in_(chunk)))

    def places_of_documents(self, document_ids: Sequence[str]) -> list[Place]:
        found: list[Place] = []
        for chunk in _chunks(list(document_ids)):
            found.extend(_place(r) for r in self.connection.execute(
                select(*_PLACE_COLUMNS).where(PLACES.c.document_id.in_(chunk))
                .order_by(PLACES.c.document_id, PLACES.c.ordinal)))
        return found

    def places_of_groups(self, group_ids: Iterable[int]) -> list[Place]:
        found: list[Place] = []
        for chunk in _chunks(sorted(set(group_ids))):
            found.extend(_place(r) for r in self.connection.execute(
                select(*_PLACE_COLUMNS).where(PLACES.c.group_id.in_(chunk))))
        return found

    def _repeated_groups(self):
        return (select(PLACES.c.group_id).group_by(PLACES.c.group_id)
                .having(func.count(PLACES.c.document_id.distinct()) > 1))

    def repeated_places(self) -> list[Place]:
        """Every place of a sentence copied in more than one document."""
        return [_place(r) for r in self.connection.execute(
            select(*_PLACE_COLUMNS).where(PLACES.c.group_id.in_(self._repeated_groups()))
            .order_by(PLACES.c.document_id, PLACES.c.ordinal))]

    def counts(self) -> tuple[int, int, int]:
        """(indexed sentences, groups, groups copied in more than one document)."""
        places = self.connection.execute(select(func.count()).select_from(PLACES)).scalar_one()
        groups = self.connection.execute(select(func.count()).select_from(GROUPS)).scalar_one()
        repeated = self.connection.execute(
            select(func.count()).select_from(self._repeated_groups().subquery())).scalar_one()
        return places, groups, repeated
