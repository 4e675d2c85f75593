"""Row operations that actions are made of, and their inverses.

An action is a list of operations on rows, stored as JSON in the action log:

- ``{"op": "insert", "table": T, "rows": [{column: value, ...}, ...]}``
- ``{"op": "delete", "table": T, "ids": [...]}``
- ``{"op": "update", "table": T, "id": ID, "values": {column: value}}``
- ``{"op": "update_many", "table": T, "ids": [...], "values": {column: value}}``
- ``{"op": "scheme", "body": {...}, "author": A, "note": N}``: a new scheme version
  (its inverse is another new version with the body before: versions are never
  deleted, since exports name them)

Applying a list returns its inverse, computed from the rows as they were just
before (a delete captures every row it takes with it, so that its inverse puts
them all back with their ids: deleting a span takes its claim, the relations
that end on it and the notes on it; deleting a set takes everything in it,
notes included). Undo applies an action's inverse as a new action; redo
applies that undo's inverse. Nothing in the log is ever rewritten.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, DateTime, Table, delete, insert, select, update

from annotator.i18n import _
from annotator.storage.models import (
    AnnotationSetRow,
    ClaimRow,
    CurationDecisionRow,
    NoteRow,
    RelationRow,
    SchemeVersionRow,
    SpanRow,
    SuggestionRejectionRow,
    EntityRow,
)

SETS: Table = AnnotationSetRow.__table__  # type: ignore[assignment]
SPANS: Table = SpanRow.__table__  # type: ignore[assignment]
CLAIMS: Table = ClaimRow.__table__  # type: ignore[assignment]
RELATIONS: Table = RelationRow.__table__  # type: ignore[assignment]
NOTES: Table = NoteRow.__table__  # type: ignore[assignment]
SCHEMES: Table = SchemeVersionRow.__table__  # type: ignore[assignment]
REJECTIONS: Table = SuggestionRejectionRow.__table__  # type: ignore[assignment]
ENTITIES: Table = EntityRow.__table__  # type: ignore[assignment]
DECISIONS: Table = CurationDecisionRow.__table__  # type: ignore[assignment]
TABLES: dict[str, Table] = {t.name: t for t in (SETS, SPANS, CLAIMS, RELATIONS, NOTES, REJECTIONS, ENTITIES, DECISIONS)}
_INSERTS = {name: insert(table) for name, table in TABLES.items()}  # built once: actions are hot
CHUNK = 500  # ids per IN (...) clause: well under every backend's parameter limit

Op = dict[str, Any]


def _pk(table: Table):
    return table.primary_key.columns.values()[0]


def _json_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}


def _db_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name, value in row.items():
        if isinstance(value, str) and isinstance(table.c[name].type, DateTime):
            out[name] = datetime.fromisoformat(value)
    return out


def _chunks(ids: list[Any]):
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def insert_op(table: Table, rows: list[dict[str, Any]]) -> Op:
    return {"op": "insert", "table": table.name, "rows": [_json_row(table, r) for r in rows]}


def delete_op(table: Table, ids: list[Any]) -> Op:
    return {"op": "delete", "table": table.name, "ids": list(ids)}


def update_op(table: Table, row_id: Any, values: dict[str, Any]) -> Op:
    return {"op": "update", "table": table.name, "id": row_id, "values": _json_row(table, values)}


def update_many_op(table: Table, ids: list[Any], values: dict[str, Any]) -> Op:
    return {"op": "update_many", "table": table.name, "ids": list(ids), "values": _json_row(table, values)}


def scheme_op(body: dict[str, Any], author: str | None, note: str | None) -> Op:
    return {"op": "scheme", "body": body, "author": author, "note": note}


class StaleAction(Exception):
    """The rows an operation works on are not as it expects: changed since by another action."""


class RowOps:
    def __init__(self, connection: Connection):
        self.connection = connection

    def apply(self, ops: list[Op]) -> list[Op]:
        """Apply operations in order; return the operations that undo them."""
        inverse: list[Op] = []
        for op in ops:
            inverse[:0] = self._apply_one(op)
        return inverse

    def _apply_one(self, op: Op) -> list[Op]:
        if op["op"] == "scheme":
            return self._new_scheme_version(op)
        table = TABLES[op["table"]]
        pk = _pk(table)
        if op["op"] == "insert":
            rows = [_db_row(table, r) for r in op["rows"]]
            if rows:
                self.connection.execute(_INSERTS[table.name], rows)
            return [delete_op(table, [r[pk.name] for r in rows])]
        if op["op"] == "update":
            columns = [table.c[name] for name in op["values"]]
            old = self.connection.execute(select(*columns).where(pk == op["id"])).first()
            if old is None:  # undoing an edit of a row deleted since (by another action)
                raise StaleAction(f"{table.name} {op['id']} is gone")
            self.connection.execute(update(table).where(pk == op["id"]).values(_db_row(table, op["values"])))
            return [update_op(table, op["id"], dict(old._mapping))]
        if op["op"] == "update_many":
            return self._update_many(table, list(op["ids"]), op["values"])
        if op["op"] == "delete":
            return self._delete(table, list(op["ids"]))
        raise ValueError(f"unknown row operation {op['op']!r}")

    def _update_many(self, table: Table, ids: list[Any], values: dict[str, Any]) -> list[Op]:
        """One UPDATE per chunk of ids; the inverse groups the rows by the values they had."""
        pk = _pk(table)
        columns = [table.c[name] for name in values]
        before: dict[str, list[Any]] = defaultdict(list)
        olds: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            for row in self.connection.execute(select(pk, *columns).where(pk.in_(chunk)).order_by(pk)):
                old = {name: row._mapping[name] for name in values}
                key = repr(sorted(old.items()))
                olds[key] = old
                before[key].append(row[0])
            self.connection.execute(update(table).where(pk.in_(chunk)).values(_db_row(table, values)))
        return [update_many_op(table, before[key], olds[key]) for key in before]

    def _new_scheme_version(self, op: Op) -> list[Op]:
        latest = self.connection.execute(
            select(SCHEMES.c.id, SCHEMES.c.body).order_by(SCHEMES.c.id.desc()).limit(1)).first()
        if latest is None:
            raise ValueError("there is no scheme version to go back to")
        self.connection.execute(insert(SCHEMES).values(
            body=op["body"], author=op.get("author"), note=op.get("note"),
            created_at=datetime.now(timezone.utc).replace(tzinfo=None)))
        return [scheme_op(latest.body, op.get("author"), _("back to version {version}").format(version=latest.id))]

    def _rows(self, table: Table, column, ids: list[Any]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            result = self.connection.execute(select(table).where(column.in_(chunk)).order_by(_pk(table)))
            rows.extend(dict(r._mapping) for r in result)
        return rows

    def _delete_ids(self, table: Table, ids: list[Any]) -> None:
        pk = _pk(table)
        for chunk in _chunks(ids):
            self.connection.execute(delete(table).where(pk.in_(chunk)))

    @staticmethod
    def _notes(*groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Note rows found by several queries, each once, by id."""
        return sorted({n["id"]: n for group in groups for n in group}.values(), key=lambda n: n["id"])

    def _delete(self, table: Table, ids: list[Any]) -> list[Op]:
        """Delete rows and everything that depends on them; the inverse restores all."""
        if table is SETS:
            sets = self._rows(SETS, SETS.c.id, ids)
            spans = self._rows(SPANS, SPANS.c.set_id, ids)
            span_ids = [s["id"] for s in spans]
            claims = self._rows(CLAIMS, CLAIMS.c.span_id, span_ids)
            relations = self._rows(RELATIONS, RELATIONS.c.set_id, ids)
            notes = self._notes(self._rows(NOTES, NOTES.c.set_id, ids),
                                self._rows(NOTES, NOTES.c.target_id, span_ids))
            self._delete_ids(NOTES, [n["id"] for n in notes])
            self._delete_ids(RELATIONS, [r["id"] for r in relations])
            self._delete_ids(CLAIMS, [c["span_id"] for c in claims])
            self._delete_ids(SPANS, span_ids)
            self._delete_ids(SETS, ids)
            return [insert_op(SETS, sets), insert_op(SPANS, spans), insert_op(CLAIMS, claims),
                    insert_op(RELATIONS, relations), insert_op(NOTES, notes)]
        if table is SPANS:
            spans = self._rows(SPANS, SPANS.c.id, ids)
            claims = self._rows(CLAIMS, CLAIMS.c.span_id, ids)
            heads = self._rows(RELATIONS, RELATIONS.c.head_id, ids)
            tails = self._rows(RELATIONS, RELATIONS.c.tail_id, ids)
            relations = list({r["id"]: r for r in heads + tails}.values())
            gone = set(ids)
            spoken = [c for c in self._rows(CLAIMS, CLAIMS.c.speaker_span_id, ids) if c["span_id"] not in gone]
            notes = self._rows(NOTES, NOTES.c.target_id, ids)
            self._delete_ids(NOTES, [n["id"] for n in notes])
            self._delete_ids(RELATIONS, [r["id"] for r in relations])
            for claim in spoken:
                self.connection.execute(
                    update(CLAIMS).where(CLAIMS.c.span_id == claim["span_id"]).values(speaker_span_id=None)
                )
            self._delete_ids(CLAIMS, [c["span_id"] for c in claims])
            self._delete_ids(SPANS, ids)
            return [insert_op(SPANS, spans), insert_op(CLAIMS, claims), insert_op(RELATIONS, relations),
                    insert_op(NOTES, notes)] + [
                update_op(CLAIMS, c["span_id"], {"speaker_span_id": c["speaker_span_id"]}) for c in spoken
            ]
        rows = self._rows(table, _pk(table), ids)
        self._delete_ids(table, ids)
        return [insert_op(table, rows)]
