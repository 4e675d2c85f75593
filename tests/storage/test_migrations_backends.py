"""The same Alembic revisions create and upgrade SQLite and PostgreSQL.

On PostgreSQL the stored ``db-rev-0001.sqlite3`` is rebuilt as that release
would have left it: the schema by Alembic at revision 0001, then every row of
the stored file copied in (with the sequences moved past the copied ids). Then
the current code opens it and upgrades it, as it would a user's server.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import orjson
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Boolean, DateTime, Integer, MetaData, create_engine, insert, text
from sqlalchemy.exc import IntegrityError

from annotator import paths
from annotator.domain.query import DocumentQuery
from annotator.domain.search import parse
from annotator.services import annotating, documents, history, search
from annotator.services.workspace import Workspace
from annotator.storage import DatabaseError, open_store
from annotator.storage.database import database_url
from annotator.storage.models import Base
from annotator.storage.search_index import is_index_table

REV_0001 = Path(__file__).resolve().parents[1] / "fixtures" / "db-rev-0001.sqlite3"
DOC = "000_598509fc61278558"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["connection"] = connection
    return config


def _context(connection) -> MigrationContext:
    """Compares the models with the database; the full-text index is no model (FTS5 makes its tables)."""
    return MigrationContext.configure(connection, opts={
        "include_name": lambda name, type_, parents: not (type_ == "table" and is_index_table(name))})


def _head() -> str:
    return ScriptDirectory.from_config(_config(None)).get_current_head()


def _revision(target: str) -> str | None:
    engine = create_engine(database_url(target))
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def _fixture_rows() -> dict[str, list[dict]]:
    with sqlite3.connect(REV_0001) as connection:
        connection.row_factory = sqlite3.Row
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: [dict(r) for r in connection.execute(f'SELECT * FROM "{t}"')] for t in tables}


def rev_0001_database(backend: str, make_db_target, tmp_path: Path) -> str:
    """A database as the release with schema revision 0001 left it, with the fixture's rows."""
    if backend == "sqlite":
        path = tmp_path / "rev-0001.sqlite3"
        shutil.copyfile(REV_0001, path)
        return str(path)
    target = make_db_target(empty=True)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0001")
        metadata = MetaData()
        metadata.reflect(engine)
        rows = _fixture_rows()
        with engine.begin() as connection:
            for table in metadata.sorted_tables:  # parents before children
                if table.name == "alembic_version" or not rows.get(table.name):
                    continue
                converted = []
                for row in rows[table.name]:
                    out = {}
                    for name, value in row.items():
                        kind = table.c[name].type
                        if value is not None and isinstance(kind, JSON):
                            value = orjson.loads(value)
                        elif value is not None and isinstance(kind, Boolean):
                            value = bool(value)
                        elif value is not None and isinstance(kind, DateTime):
                            value = datetime.fromisoformat(value)
                        out[name] = value
                    converted.append(out)
                connection.execute(insert(table), converted)
                if "id" in table.c and isinstance(table.c.id.type, Integer):
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT max(id) FROM \"{table.name}\"))"))
    finally:
        engine.dispose()
    return target


def test_a_new_database_is_created_at_head_and_matches_the_models(backend, make_db_target):
    target = make_db_target("new", empty=True)
    open_store(target).close()
    assert _revision(target) == _head()
    store = open_store(target)
    try:
        with store.engine.connect() as connection:
            assert compare_metadata(_context(connection), Base.metadata) == []
    finally:
        store.close()


def test_the_rev_0001_database_upgrades_to_head_with_its_data(backend, make_db_target, tmp_path):
    target = rev_0001_database(backend, make_db_target, tmp_path)
    assert _revision(target) == "0001"
    with Workspace.open(target) as ws:
        assert _revision(target) == _head()
        text_ = documents.document(ws, DOC).text
        (anna,) = documents.annotation_sets(ws, DOC, "anna")
        (boris,) = documents.annotation_sets(ws, DOC, "boris")
        assert [(text_[s.start:s.end], s.label) for s in anna.spans] == [
            ("Касым-Жомарт Токаев", "PER"), ("Президент Казахстана", "ROLE"), ("Казахстана", "GPE")]
        assert [(text_[s.start:s.end], s.label) for s in boris.spans] == [
            ("Касым-Жомарт Токаев", "PER"), ("Казахстана", "GPE")]
        (claim,) = anna.claims
        assert claim.type == "STAT" and claim.speaker == anna.spans[0].id
        (relation,) = anna.relations
        assert (relation.label, relation.head, relation.tail) == ("SAYS", anna.spans[0].id, claim.id)
        # the upgraded database works: a new span gets an id past the old ones, and undoes
        start = text_.index("Ташкент")
        new_id = annotating.add_span(ws, DOC, start, start + 7, "GPE", owner="anna").result
        assert new_id > max(s.id for s in anna.spans + boris.spans)
        assert history.undo(ws, owner="anna").label == "Undo: Add GPE span"
        with ws.store.engine.connect() as connection:
            assert compare_metadata(_context(connection), Base.metadata) == []


def test_the_upgrade_indexes_the_stored_texts_for_search(backend, make_db_target, tmp_path):
    target = rev_0001_database(backend, make_db_target, tmp_path)
    with Workspace.open(target) as ws:
        ids = [s.id for s in documents.page(ws)]
        with ws.store.read() as repo:
            # the index's own answer (an empty index would name no document)
            named = [doc for _, doc in repo.search_candidates(parse("ташкенте"), DocumentQuery(), 0, 100)]
            assert named and set(named) <= set(ids)
            assert [doc for _, doc in repo.search_candidates(parse("слововнеиндекса"), DocumentQuery(), 0, 100)] == []
        assert DOC in named
        hits = [h for h in search.iter_hits(ws, "Ташкент") if h.document_id == DOC]
        body = documents.document(ws, DOC).text
        assert hits and {body[h.start:h.end] for h in hits} <= {"Ташкент", "Ташкенте", "Ташкента"}


def test_the_upgrade_indexes_the_stored_spans_for_span_search(backend, make_db_target, tmp_path):
    target = rev_0001_database(backend, make_db_target, tmp_path)
    with Workspace.open(target) as ws:
        with ws.store.read() as repo:  # the spans' index's own answer (0015 filled it from the old spans)
            named = repo.annotation_candidates("entity", ("GPE",), "boris", DocumentQuery(), 0, 100,
                                               parse("казахстан"))
            assert [doc for _, doc in named] == [DOC]
            assert repo.annotation_candidates("entity", ("GPE",), None, DocumentQuery(), 0, 100,
                                              parse("токаев")) == []
        hits = search.iter_hits(ws, "казахстан", search.SearchFilter(labels=("GPE",), owner="boris"))
        assert [(h.document_id, h.text) for h in hits] == [(DOC, "Казахстана")]


def test_every_revision_downgrades_and_upgrades_again(backend, make_db_target):
    target = make_db_target("roundtrip", empty=True)
    store = open_store(target)
    try:
        with store.engine.connect() as connection:
            with connection.begin():
                command.downgrade(_config(connection), "base")
        assert _revision(target) is None
        with store.engine.connect() as connection:
            with connection.begin():
                command.upgrade(_config(connection), "head")
        assert _revision(target) == _head()
    finally:
        store.close()


def test_a_database_of_a_newer_annotator_is_refused(backend, make_db_target):
    target = make_db_target("newer", empty=True)
    open_store(target).close()
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(DatabaseError, match="made by a newer annotator"):
        open_store(target)
    assert _revision(target) == "9999"


def test_0004_merges_twin_spans_left_by_old_races_then_refuses_new_ones(backend, make_db_target):
    target = make_db_target("twins", empty=True)
    engine = create_engine(database_url(target))
    stamp = datetime(2026, 12, 1)
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0003")
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO documents (id, ordinal, sha256, date, length, meta, created_at) "
                "VALUES ('d', 1, 'x', NULL, 40, '{}', :t)"), {"t": stamp})
            connection.execute(text("INSERT INTO annotation_sets (id, document_id, owner, status, updated_at) "
                                    "VALUES (1, 'd', 'anna', 'in_progress', :t)"), {"t": stamp})
            for span_id, kind, start, end, label in [(1, "entity", 0, 5, "PER"), (2, "entity", 0, 5, "PER"),
                                                     (3, "claim", 10, 20, "STAT"), (4, "entity", 0, 5, "ORG")]:
                connection.execute(text(
                    'INSERT INTO spans (id, set_id, kind, start, "end", label) VALUES (:i, 1, :k, :s, :e, :l)'),
                    {"i": span_id, "k": kind, "s": start, "e": end, "l": label})
            connection.execute(text("INSERT INTO claims (span_id, speaker_span_id, speaker_is_author, certainty, "
                                    "checkworthy) VALUES (3, 2, false, 'ASSERTED', false)"))
            connection.execute(text("INSERT INTO relations (id, set_id, label, head_id, tail_id) "
                                    "VALUES (1, 1, 'SAYS', 2, 3)"))
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0004")
        with engine.begin() as connection:
            assert [tuple(r) for r in connection.execute(text("SELECT id, label FROM spans ORDER BY id"))] == [
                (1, "PER"), (3, "STAT"), (4, "ORG")]  # the twin went; another label at the place stays
            assert connection.execute(text("SELECT speaker_span_id FROM claims")).scalar() == 1
            assert tuple(connection.execute(text("SELECT head_id, tail_id FROM relations")).first()) == (1, 3)
        with pytest.raises(IntegrityError):
            with engine.begin() as connection:
                connection.execute(text(
                    "INSERT INTO spans (id, set_id, kind, start, \"end\", label) VALUES (9, 1, 'entity', 0, 5, 'PER')"))
    finally:
        engine.dispose()


def test_revision_0008_turns_the_old_entity_strings_into_entities(backend, make_db_target, tmp_path):
    """Links of before 0008 were free strings on the spans (a brat N line's Wikidata:Q353): each
    distinct string of an owner becomes one entity, its mentions linked to it."""
    target = rev_0001_database(backend, make_db_target, tmp_path)
    engine = create_engine(database_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(_config(connection), "0006")
            connection.execute(text(
                "UPDATE spans SET entity = 'Wikidata:Q353' WHERE kind = 'entity' AND label = 'PER'"))
            connection.execute(text(
                "UPDATE spans SET entity = 'Wikidata:Q232' WHERE kind = 'entity' AND label = 'GPE'"))
            command.upgrade(_config(connection), "head")
    finally:
        engine.dispose()
    from annotator.services import entities

    with Workspace.open(target) as ws:
        for owner in ("anna", "boris"):
            table = {s.entity.external_id: s for s in entities.entity_list(ws, owner)}
            assert set(table) == {"Wikidata:Q353", "Wikidata:Q232"}
            assert table["Wikidata:Q353"].mentions == 1  # each owner's own entity, with its own mention
            (aset,) = documents.annotation_sets(ws, DOC, owner)
            (per,) = [s for s in aset.spans if s.label == "PER"]
            assert per.entity == table["Wikidata:Q353"].entity.id
