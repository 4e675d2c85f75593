"""The words of every entity span, indexed, so that a search over spans reads only the spans it finds.

"GPE spans holding «Ташкент»" asked through the texts' index (``search_index``)
names every document whose text holds the word and that has a GPE span, and
each of those documents' spans must then be read to find the few that hold it
(measured at 100,000 documents: 230 ms for the first page). This index holds
one row per entity span: its label and its covered words (a discontinuous
span's fragments' words, not the gap's), so the store can name the documents
whose spans may hold the query, in corpus order, without reading the others.
As with the texts' index, it is a superset: the hits are checked on the spans'
text (:func:`annotator.services.search`), so the index only has to never miss.

It is kept by the store itself, not by the services: ``Repository.apply`` hands
every action's operations and inverse here (:func:`spans_changed`), and an
import hands its new rows (``Repository.insert_annotations``). Both databases
keep one row per span, so an action costs one row whatever the document's size.

**SQLite**: an FTS5 table (same tokenizer as the texts', same ё rule, see
``search_index``) with two columns, ``words`` and ``label``. Its rowid is the
document's ordinal shifted left 31 bits, or'ed with the span's id: unique (the
span id is), and in corpus order, so FTS5 hands matches out in the order the
search pages in, from ``rowid >= ordinal << 31``, and stops at the page's end.
The content is kept (not contentless) so that a row can be deleted by rowid.

**PostgreSQL**: a table (span id, ordinal, label, ``tsvector`` of the domain's
words, as ``search_index.lexemes`` makes them, and the owner of the span's set)
with a GIN index; rows go with their spans (``ON DELETE CASCADE``). Made by
migration 0015; the owner came with 0018. A search over one owner's spans asks
for that owner's rows only, through a btree on (owner, label, ordinal) that the
planner combines with the GIN index or walks in corpus order: without it, every
owner's spans holding the word were found and their documents refused (at
100,000 documents, a rare owner's PER spans holding «в»: 360-610 ms, now
55-130). No action changes a set's owner; a span moved to another set is
indexed again. SQLite's FTS5 table has no owner (its owner-limited searches
were within target).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text

from annotator.domain.search import WORD, SearchQuery, fold_yo
from annotator.storage import bulk
from annotator.storage.actions import _chunks
from annotator.storage.models import fragments_from_row
from annotator.storage.search_index import (
    SPAN_INDEX_TABLE,
    _word_groups,
    fts5_expression,
    lexemes,
    tsquery_expression,
)

SPAN_TABLE = SPAN_INDEX_TABLE
ENTITY = "entity"
SHIFT = 31  # span ids below 2**31 (PostgreSQL's integer); ordinals below 2**32: rowids fit in 63 bits
_SPAN_ID_LIMIT = 1 << SHIFT
# PostgreSQL: up to this many matching spans are read through the GIN index at once, whatever the step:
# with a smaller cap the planner, guessing a few thousand matches, reads the table from its start
# until the cap is met (boris's PER spans holding «Токаев» at 100,000 documents: 600 of them, 585 ms).
FEW = 2000

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SPAN_TABLE} USING fts5("
    "words, label, columnsize=0, tokenize='unicode61 remove_diacritics 0')"
)
# The table as migration 0015 made it (0018 added the owner column and its index).
CREATE_PG = (
    f"CREATE TABLE {SPAN_TABLE} (span_id integer PRIMARY KEY REFERENCES spans (id) ON DELETE CASCADE, "
    "ordinal integer NOT NULL, label varchar(100) NOT NULL, words tsvector NOT NULL)",
    f"CREATE INDEX {SPAN_TABLE}_words ON {SPAN_TABLE} USING gin (words)",
    f"CREATE INDEX {SPAN_TABLE}_ordinal ON {SPAN_TABLE} (ordinal)",
)

# (span id, ordinal, label, kind, start, end, fragments, covered text of the outer bounds, owner)
_SPANS_BY_ID = (
    'SELECT s.id, d.ordinal, s.label, s.kind, s.start, s."end", s.fragments, '
    'substr(t.text, s.start + 1, s."end" - s.start), a.owner '
    "FROM spans s JOIN annotation_sets a ON a.id = s.set_id JOIN documents d ON d.id = a.document_id "
    "JOIN document_texts t ON t.document_id = d.id WHERE s.id IN ({ids})"
)
# Ids go in as bound parameters (document ids are the user's text).
_ORDINALS_OF_SETS = text(
    "SELECT a.id, d.ordinal FROM annotation_sets a JOIN documents d ON d.id = a.document_id WHERE a.id IN :keys"
).bindparams(bindparam("keys", expanding=True))
_ORDINALS_OF_DOCUMENTS = text("SELECT d.id, d.ordinal FROM documents d WHERE d.id IN :keys").bindparams(
    bindparam("keys", expanding=True))
_ENTITY_SPANS_OF_DOCUMENTS = text(
    'SELECT s.id, a.document_id, s.label, s.start, s."end", s.fragments, a.owner FROM spans s '
    "JOIN annotation_sets a ON a.id = s.set_id WHERE s.kind = 'entity' AND a.document_id IN :keys"
).bindparams(bindparam("keys", expanding=True))


def covered_words(body: str, start: int, end: int, fragments: Any) -> str:
    """What a span's search sees: its text, or its fragments' texts (not the gaps between them)."""
    pieces = fragments_from_row(fragments)
    if not pieces:
        return body[start:end]
    return " ".join(body[a:b] for a, b in pieces)


def rowid(ordinal: int, span_id: int) -> int:
    if not 0 < span_id < _SPAN_ID_LIMIT:
        raise ValueError(f"span id {span_id} is outside what the span index can hold")
    return (ordinal << SHIFT) | span_id


def is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


# ------------------------------------------------------------------------------- writing
Row = tuple[int, int, str, str, str]  # (span id, ordinal, label, covered words, owner)


def _write(connection: Connection, rows: list[Row], *, owners: bool = True) -> None:
    """Rows, new or replacing what the index had for the span. ``owners`` False: the table as
    migration 0015 made it, without the owner (that migration fills it)."""
    if not rows:
        return
    if is_sqlite(connection):
        connection.exec_driver_sql(
            f"INSERT INTO {SPAN_TABLE}(rowid, words, label) VALUES (?, ?, ?)",
            [(rowid(ordinal, span_id), fold_yo(words), label) for span_id, ordinal, label, words, _ in rows])
    elif not owners:
        connection.exec_driver_sql(
            f"INSERT INTO {SPAN_TABLE} (span_id, ordinal, label, words) "
            "VALUES (%s, %s, %s, array_to_tsvector(%s::text[]))",
            [(span_id, ordinal, label, lexemes(words)) for span_id, ordinal, label, words, _ in rows])
    else:
        bulk.executemany(
            connection,
            f"INSERT INTO {SPAN_TABLE} (span_id, ordinal, label, words, owner) "
            "VALUES (%s, %s, %s, array_to_tsvector(%s::text[]), %s) ON CONFLICT (span_id) DO UPDATE "
            "SET ordinal = excluded.ordinal, label = excluded.label, words = excluded.words, owner = excluded.owner",
            [(span_id, ordinal, label, lexemes(words), owner) for span_id, ordinal, label, words, owner in rows])


def _remove(connection: Connection, placed: Iterable[tuple[int, int]]) -> None:
    """Forget spans, given as (span id, ordinal)."""
    placed = list(placed)
    if not placed:
        return
    if is_sqlite(connection):
        for chunk in _chunks(placed):
            connection.exec_driver_sql(
                f"DELETE FROM {SPAN_TABLE} WHERE rowid IN ({','.join(str(rowid(o, s)) for s, o in chunk)})")
    else:  # a deleted span's row went with it (cascade); a span that stopped being an entity: here
        for chunk in _chunks(placed):
            connection.exec_driver_sql(
                f"DELETE FROM {SPAN_TABLE} WHERE span_id IN ({','.join(str(int(s)) for s, _ in chunk)})")


def _index_by_id(connection: Connection, span_ids: Sequence[int]) -> None:
    """(Re)index spans that exist, reading their covered text from the store."""
    rows = []
    gone = []
    for chunk in _chunks(sorted(set(span_ids))):
        for span_id, ordinal, label, kind, start, end, fragments, covered, owner in connection.exec_driver_sql(
                _SPANS_BY_ID.format(ids=",".join(str(int(i)) for i in chunk))):
            if kind != ENTITY:
                gone.append((span_id, ordinal))
                continue
            pieces = fragments_from_row(fragments)
            words = covered if not pieces else " ".join(covered[a - start:b - start] for a, b in pieces)
            rows.append((span_id, ordinal, label, words, owner))
    _remove(connection, gone + [(s, o) for s, o, _, _, _ in rows])
    _write(connection, rows)


def _ordinals(connection: Connection, query, keys: Sequence[Any]) -> dict[Any, int]:
    found: dict[Any, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        found.update(tuple(row) for row in connection.execute(query, {"keys": chunk}))
    return found


def spans_changed(connection: Connection, forward: list[dict[str, Any]], inverse: list[dict[str, Any]]) -> None:
    """Keep the index true after an action's row operations (``forward``, just applied; ``inverse``,
    what undoes them). A span the action removed appears in ``inverse`` as an inserted row (a delete
    captures every row it takes, a set's spans included); a span it added, in ``forward``; a span
    whose place or label it changed, as an update of ``forward``."""
    removed: dict[int, int] = {}  # span id -> set id
    set_documents: dict[int, str] = {}
    for op in inverse:
        if op.get("op") == "insert" and op.get("table") == "spans":
            removed.update((row["id"], row["set_id"]) for row in op["rows"] if row.get("kind") == ENTITY)
        elif op.get("op") == "insert" and op.get("table") == "annotation_sets":
            set_documents.update((row["id"], row["document_id"]) for row in op["rows"])
    touched: set[int] = set()
    for op in forward:
        if op.get("table") != "spans":
            continue
        if op["op"] == "insert":
            touched.update(row["id"] for row in op["rows"] if row.get("kind") == ENTITY)
        elif op["op"] in ("update", "update_many") and _moves_words(op["values"]):
            touched.update([op["id"]] if op["op"] == "update" else op["ids"])
    if removed:
        ordinals = _ordinals(connection, _ORDINALS_OF_SETS, list(removed.values()))
        missing = [set_id for set_id in set(removed.values()) if set_id not in ordinals]
        if missing:  # the action deleted the sets too: their documents are in the inverse
            by_document = _ordinals(connection, _ORDINALS_OF_DOCUMENTS,
                                    [set_documents[s] for s in missing if s in set_documents])
            ordinals.update((s, by_document[set_documents[s]]) for s in missing
                            if set_documents.get(s) in by_document)
        _remove(connection, [(span_id, ordinals[set_id]) for span_id, set_id in removed.items()
                             if set_id in ordinals and span_id not in touched])
    if touched:
        _index_by_id(connection, sorted(touched))


def _moves_words(values: Mapping[str, Any]) -> bool:
    return any(name in values for name in ("start", "end", "fragments", "label", "kind", "set_id"))


def spans_imported(connection: Connection, set_rows: Sequence[Mapping[str, Any]],
                   span_rows: Sequence[Mapping[str, Any]], texts: Mapping[str, str] | None = None) -> None:
    """Index the entity spans of sets an import just inserted (new rows only: an import replaces a
    set by deleting it first, through an action). ``texts`` (document id -> text) spares reading
    the texts the import already holds; a document not in it is read from the store."""
    entity_rows = [row for row in span_rows if row["kind"] == ENTITY]
    if not entity_rows:
        return
    document_of = {row["id"]: row["document_id"] for row in set_rows}
    owner_of = {row["id"]: row["owner"] for row in set_rows}
    ordinals = _ordinals(connection, _ORDINALS_OF_DOCUMENTS, list(set(document_of.values())))
    texts = texts or {}
    unread = [row["id"] for row in entity_rows if document_of[row["set_id"]] not in texts]
    if unread:
        _index_by_id(connection, unread)
    rows = []
    for row in entity_rows:
        document_id = document_of[row["set_id"]]
        body = texts.get(document_id)
        if body is None:
            continue
        rows.append((row["id"], ordinals[document_id], row["label"],
                     covered_words(body, row["start"], row["end"], row.get("fragments")), owner_of[row["set_id"]]))
    _write(connection, rows)


def rebuild(connection: Connection, batch: int = 200, *, owners: bool = True) -> None:
    """Index every entity span in the store (a migration fills the new, empty index; ``owners``
    False: the table as migration 0015 made it)."""
    last = 0
    while True:
        documents = connection.exec_driver_sql(
            "SELECT d.ordinal, d.id, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id "
            f"WHERE d.ordinal > {int(last)} ORDER BY d.ordinal LIMIT {int(batch)}").fetchall()
        if not documents:
            merge_due(connection)
            return
        by_id = {document_id: (ordinal, body) for ordinal, document_id, body in documents}
        rows = []
        for span_id, document_id, label, start, end, fragments, owner in connection.execute(
                _ENTITY_SPANS_OF_DOCUMENTS, {"keys": list(by_id)}):
            ordinal, body = by_id[document_id]
            rows.append((span_id, ordinal, label, covered_words(body, start, end, fragments), owner))
        _write(connection, rows, owners=owners)
        last = documents[-1][0]


MERGE_PAGES = 64  # about 3 ms of writing a round (a keystroke's action may wait behind it)


def merge_some(connection: Connection, pages: int = MERGE_PAGES) -> bool:
    """SQLite: merge some of the index's segments, about ``pages`` pages' worth (FTS5's ``merge``
    command, which goes on where the last one stopped); True if there was any to merge. Actions
    leave merging to this (migration 0019, ``storage/upkeep.py`` says why). PostgreSQL: nothing."""
    if not is_sqlite(connection):
        return False
    driver = connection.connection.driver_connection
    before = driver.total_changes
    connection.exec_driver_sql(f"INSERT INTO span_search(span_search, rank) VALUES ('merge', {int(pages)})")
    return driver.total_changes - before > 1  # the command itself counts one: more is merging done


def merge_due(connection: Connection) -> None:
    """SQLite: merge until no level of the index holds four segments (FTS5's ``usermerge``), at the
    end of a bulk fill (an import, a rebuild). Otherwise the fill's segments stayed side by side,
    and the sixteenth segment a level holds (FTS5 merges it then, whatever ``automerge`` says)
    was a keystroke's: at 10,000 documents an action then wrote 1,500-1,800 pages (95-105 ms).
    The work is what FTS5's own merging did inside the fill before migration 0019. PostgreSQL:
    nothing (``merge_some`` finds nothing to merge there)."""
    while merge_some(connection, 1000):
        pass


# ------------------------------------------------------------------------------- reading
def candidate_ordinals(connection: Connection, query: SearchQuery, labels: Sequence[str],
                       after_ordinal: int, limit: int, *, walk: bool = False,
                       owner: str | None = None) -> tuple[list[int], int | None, bool]:
    """Ordinals of documents after ``after_ordinal`` with an entity span (of one of ``labels``, when
    given; in ``owner``'s set, when given, on PostgreSQL: SQLite leaves the owner to the caller's
    filter) whose words may hold ``query``, in corpus order: up to ``limit`` spans' worth, as
    (ordinals, the last ordinal this looked at or None when there are no more, whether there were
    more than a few matches). PostgreSQL: ``walk`` (an earlier batch of the search had more than a
    few) asks in order at once instead of first trying the GIN index alone (``few_matches``)."""
    walked = walk
    if is_sqlite(connection):
        words = fts5_expression(query)
        expression = f"words : ({words})"
        # A label the tokenizer makes no word of ("$", "📍") would ask for an empty phrase, which matches
        # nothing: then the labels are left to the exact check on the spans read (a superset is enough).
        if labels and all(WORD.search(label) for label in labels):
            expression += " AND label : (" + " OR ".join(_phrase(label) for label in labels) + ")"
        found = connection.exec_driver_sql(
            f"SELECT rowid FROM {SPAN_TABLE} WHERE {SPAN_TABLE} MATCH ? AND rowid >= ? ORDER BY rowid LIMIT ?",
            (expression, (after_ordinal + 1) << SHIFT, limit)).fetchall()
        ordinals = sorted({r[0] >> SHIFT for r in found})
    else:
        rules = ((" AND label = %s" if len(labels) == 1 else " AND label = ANY(%s)") if labels else "") + (
            " AND owner = ANY(%s)" if owner is not None else "")
        parameters: tuple[Any, ...] = (tsquery_expression(_word_groups(query)), after_ordinal)
        if labels:
            parameters += (labels[0] if len(labels) == 1 else list(labels),)
        if owner is not None:
            parameters += ([owner],)
        # One owner's spans of one label, in corpus order, are the (owner, label, ordinal) index's own
        # order: asked in that order, the planner walks that index, only that owner's spans. Asked
        # "ORDER BY ordinal" with "owner = %s" (and at 100,000 documents) it walked the ordinal index
        # through every owner's spans, testing each vector (its rows lie in that order on disk):
        # boris's PER spans holding «Токаев», 80-125 ms for 150 of them instead of 11. The owner is
        # asked as "= ANY" so that it is no constant the planner would drop from the order.
        one_range = owner is not None and len(labels) == 1  # the (owner, label, ordinal) index holds them in order
        order = " ORDER BY owner, label, ordinal" if one_range else " ORDER BY ordinal"
        matches = f"SELECT ordinal FROM {SPAN_TABLE} WHERE words @@ CAST(%s AS tsquery) AND ordinal > %s{rules}"
        few: list[int] | None = None
        bound = ""
        if not walk:  # no plan walks them all (``few_matches``)
            some = sorted(row[0] for row in connection.exec_driver_sql(f"{matches} LIMIT %s", parameters + (FEW,)))
            if len(some) < FEW:
                few = some
            elif len(some) >= limit:
                # The first ``limit`` matches in corpus order are among those up to the ``limit``-th of
                # any ``limit`` matches: the walk stops there (the cap's matches, read for nothing
                # otherwise, usually come in corpus order, the table's own, so it stops soon).
                bound = f" AND ordinal <= {int(some[limit - 1])}"
        walked = few is None
        if bound and not one_range:
            # A walk in order up to the bound reads every row of the range (the bound is where about
            # ``limit`` matches end), testing each vector: at 100,000 documents, boris's spans of six
            # labels holding «Ташкент», 110,000 rows, 27-45 ms. Asked unordered, the GIN index and
            # the owner's btree name just the matches (a bitmap: 9-20 ms). Capped, in case the cap's
            # matches were not the first ones and the range holds many: then the walk, which stops.
            in_range = sorted(row[0] for row in connection.exec_driver_sql(f"{matches}{bound} LIMIT %s",
                                                                             parameters + (FEW,)))
            if len(in_range) < FEW:
                few = in_range
        if few is not None:
            found = [(o,) for o in few[:limit]]
        else:
            found = connection.exec_driver_sql(f"{matches}{bound}{order} LIMIT %s", parameters + (limit,)).fetchall()
        ordinals = sorted({r[0] for r in found})
    if not found:
        return [], None, walked
    return ordinals, ordinals[-1], walked


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'
