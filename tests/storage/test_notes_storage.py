"""Notes in the store: the 0003 migration (up from the rev-0001 fixture, down and up again) and deletes
that capture the notes hanging on what they delete, so that undo brings them back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from annotator import paths
from annotator.domain.model import AUTHOR
from annotator.services import annotating, claims, documents, history
from annotator.services import notes as note_service
from annotator.storage import open_store
from annotator.storage.actions import SETS, delete_op
from conftest import snapshot

REV_0001 = Path(__file__).resolve().parents[1] / "fixtures" / "db-rev-0001.sqlite3"
DOC = "000_598509fc61278558"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["connection"] = connection
    return config


def _columns(path: Path, table: str) -> dict[str, tuple[str, int]]:
    """name -> (declared type, not null) of a SQLite table."""
    with sqlite3.connect(path) as connection:
        return {r[1]: (r[2], r[3]) for r in connection.execute(f'PRAGMA table_info("{table}")')}


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def find(ws, needle: str, document_id: str = DOC) -> tuple[int, int]:
    text = documents.document(ws, document_id).text
    start = text.index(needle)
    return start, start + len(needle)


def note_rows(ws) -> list[tuple]:
    return snapshot(ws)["notes"]


# ------------------------------------------------------------------ migration
def test_0003_follows_0002_and_makes_the_notes_table():
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    script = ScriptDirectory.from_config(config).get_revision("0003")
    assert script.down_revision == "0002"


def test_the_rev_0001_fixture_upgrades_through_0003_and_keeps_its_data(tmp_path):
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(REV_0001, copy)
    assert "notes" not in _tables(copy)
    store = open_store(str(copy))
    try:
        with store.read() as repo:
            assert repo.counts()["documents"] == 5 and repo.notes() == []
    finally:
        store.close()
    columns = _columns(copy, "notes")
    assert set(columns) == {"id", "set_id", "target_id", "unsure", "text", "author", "created_at"}
    assert columns["target_id"][1] == 0 and columns["set_id"][1] == 1  # only the target may be NULL
    with sqlite3.connect(copy) as connection:
        foreign = {(r[3], r[2], r[6]) for r in connection.execute("PRAGMA foreign_key_list(notes)")}
        assert foreign == {("set_id", "annotation_sets", "CASCADE"), ("target_id", "spans", "CASCADE")}
        # AUTOINCREMENT, as for the other tables whose ids the command line prints
        sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'notes'").fetchone()[0]
        assert "AUTOINCREMENT" in sql.upper()


def test_an_upgraded_fixture_takes_notes_and_undoes_them(tmp_path):
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(REV_0001, copy)
    from annotator.services.workspace import Workspace

    with Workspace.open(str(copy)) as ws:
        (anna,) = documents.annotation_sets(ws, DOC, "anna")
        per = anna.spans[0].id
        note_id = note_service.add_note(ws, DOC, owner="anna", target_id=per, text="точно PER?").result
        (found,) = note_service.notes(ws)
        assert (found.id, found.target_id, found.target_label, found.text) == (note_id, per, "PER", "точно PER?")
        history.undo(ws, owner="anna")
        assert note_service.notes(ws) == []


def test_0003_downgrades_and_upgrades_again(tmp_path):
    path = tmp_path / "a.sqlite3"
    open_store(str(path)).close()
    assert "notes" in _tables(path)
    store = open_store(str(path))
    try:
        with store.engine.connect() as connection:
            with connection.begin():
                command.downgrade(_config(connection), "0002")
        assert "notes" not in _tables(path)
        with store.engine.connect() as connection:
            with connection.begin():
                command.upgrade(_config(connection), "head")
        assert "notes" in _tables(path)
    finally:
        store.close()


# ------------------------------------------------------- deletes capture notes
def test_removing_a_span_takes_its_notes_and_undo_brings_them_back(sample_workspace):
    ws = sample_workspace
    per = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna").result
    keep = annotating.add_span(ws, DOC, *find(ws, "Казахстана"), "GPE", owner="anna").result
    on_span = note_service.add_note(ws, DOC, owner="anna", target_id=per, text="он ли это?", unsure=True).result
    on_other = note_service.add_note(ws, DOC, owner="anna", target_id=keep, text="страна").result
    on_document = note_service.add_note(ws, DOC, owner="anna", text="весь документ").result
    before = note_rows(ws)
    assert [r[0] for r in before] == [on_span, on_other, on_document]

    annotating.remove_span(ws, per, owner="anna")
    assert [r[0] for r in note_rows(ws)] == [on_other, on_document]  # only the removed span's note goes

    history.undo(ws, owner="anna")
    assert note_rows(ws) == before  # the same id, text, flag, author and time
    (restored,) = [n for n in note_service.notes(ws) if n.id == on_span]
    assert (restored.target_id, restored.target_label, restored.unsure) == (per, "PER", True)

    history.redo(ws, owner="anna")
    assert [r[0] for r in note_rows(ws)] == [on_other, on_document]
    history.undo(ws, owner="anna")
    assert note_rows(ws) == before


def test_removing_a_claim_takes_its_notes_and_undo_brings_them_back(sample_workspace):
    ws = sample_workspace
    claim = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT", owner="anna",
                             speaker=AUTHOR).result
    note_service.add_note(ws, DOC, owner="anna", target_id=claim, text="это скорее FACT")
    before = snapshot(ws)
    annotating.remove_span(ws, claim, owner="anna")
    assert note_rows(ws) == []
    history.undo(ws, owner="anna")
    after = snapshot(ws)
    assert {t: after[t] for t in ("spans", "claims", "notes")} == {t: before[t] for t in ("spans", "claims", "notes")}


def test_deleting_a_set_takes_its_notes_and_the_inverse_restores_them(sample_workspace):
    ws = sample_workspace
    per = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna").result
    note_service.add_note(ws, DOC, owner="anna", target_id=per, text="на фрагменте")
    note_service.add_note(ws, DOC, owner="anna", unsure=True)
    boris = note_service.add_note(ws, DOC, owner="boris", text="чужой набор").result
    before = snapshot(ws)
    (anna_set,) = documents.annotation_sets(ws, DOC, "anna")

    with ws.store.write() as repo:
        inverse = repo.apply([delete_op(SETS, [anna_set.id])])
    assert [r[0] for r in note_rows(ws)] == [boris]
    assert any(op["op"] == "insert" and op["table"] == "notes" and len(op["rows"]) == 2 for op in inverse)

    with ws.store.write() as repo:
        repo.apply(inverse)
    after = snapshot(ws)
    tables = ("annotation_sets", "spans", "notes")
    assert {t: after[t] for t in tables} == {t: before[t] for t in tables}


def test_a_note_id_is_never_reused_after_a_delete(sample_workspace):
    ws = sample_workspace
    first = note_service.add_note(ws, DOC, owner="anna", text="раз").result
    note_service.remove_note(ws, first, owner="anna")
    second = note_service.add_note(ws, DOC, owner="anna", text="два").result
    assert second > first
