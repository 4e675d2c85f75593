"""The action log: one row per action with its inverse; undo and redo as new actions.

Actions are made through the services (the only way the application makes
them); the log is read back with SQL to see exactly what was stored.
"""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from annotator.domain.model import AUTHOR, SetStatus
from annotator.services import annotating, claims, documents, history
from annotator.storage.database import database_url
from conftest import snapshot

DOC = "000_598509fc61278558"
OTHER_DOC = "001_1fc550a04f713c8c"


# -------------------------------------------------------------------- helpers


def action_rows(workspace) -> list[dict]:
    with workspace.store.engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(sql("SELECT * FROM actions ORDER BY id"))]
    for row in rows:
        for name in ("forward", "inverse"):
            if isinstance(row[name], (str, bytes)):
                row[name] = orjson.loads(row[name])
    return rows


def annotation_tables(workspace) -> dict:
    """The rows that annotations are made of (everything but the log and the corpus)."""
    snap = snapshot(workspace)
    return {t: snap[t] for t in ("annotation_sets", "spans", "claims", "relations")}


def find(workspace, needle: str, document_id: str = DOC) -> tuple[int, int]:
    text = documents.document(workspace, document_id).text
    start = text.find(needle)
    assert start >= 0, needle
    return start, start + len(needle)


def add(workspace, needle: str, label: str, owner: str = "anna", document_id: str = DOC) -> int:
    return annotating.add_span(workspace, document_id, *find(workspace, needle, document_id), label,
                               owner=owner).result


def the_set(workspace, owner: str = "anna", document_id: str = DOC):
    sets = documents.annotation_sets(workspace, document_id, owner)
    return sets[0] if sets else None


def span_ids(workspace, owner: str = "anna", document_id: str = DOC) -> list[int]:
    aset = the_set(workspace, owner, document_id)
    return [s.id for s in aset.spans] if aset else []


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


# ------------------------------------------------------------------- the log


def test_each_action_writes_one_row_with_owner_user_kind_label_and_inverse(ws):
    before = len(action_rows(ws))
    per = add(ws, "Касым-Жомарт Токаев", "PER")
    role = add(ws, "Президент Казахстана", "ROLE")
    annotating.relabel_span(ws, role, "ORG", owner="anna")
    annotating.set_attribute(ws, per, "note", "the president", owner="anna")
    claim = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT",
                             owner="anna").result
    claims.add_relation(ws, per, claim, "SAYS", owner="anna")  # also makes per the speaker
    assert the_set(ws).claims[0].speaker == per
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    annotating.remove_span(ws, role, owner="anna")

    rows = action_rows(ws)[before:]
    assert [r["kind"] for r in rows] == ["add_span", "add_span", "relabel_span", "set_attribute", "add_claim",
                                         "add_relation", "set_status", "remove_span"]
    assert [r["label"] for r in rows] == ["Add PER span", "Add ROLE span", "Relabel ROLE as ORG", "Set note",
                                          "Add STAT claim", "Add SAYS relation", "Mark done",
                                          "Remove ORG entity"]
    for row in rows:
        assert row["owner"] == "anna" and row["user"] == "anna"
        assert row["document_id"] == DOC
        assert row["at"] is not None
        assert row["forward"] and row["inverse"], row["kind"]
        assert row["undoes"] is None and row["redoes"] is None


def test_the_logged_inverse_is_what_undoes_the_action(ws):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    (row,) = action_rows(ws)[-1:]
    ops = {(op["op"], op["table"]) for op in row["inverse"]}
    assert ("delete", "spans") in ops and ("delete", "annotation_sets") in ops  # the set was new
    deleted = [op for op in row["inverse"] if op["op"] == "delete" and op["table"] == "spans"]
    assert deleted[0]["ids"] == [span_id]


def test_user_is_recorded_apart_from_owner(ws):
    from annotator.domain.model import Role
    from annotator.services import users

    add(ws, "Касым-Жомарт Токаев", "PER")
    users.add_user(ws, "carol", Role.CURATOR)  # only a curator may act on anna's set
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna", user="carol")
    row = action_rows(ws)[-1]
    assert (row["owner"], row["user"]) == ("anna", "carol")


def test_action_ids_in_changes_match_the_log(ws):
    changes = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna")
    assert changes.action_id == action_rows(ws)[-1]["id"]


# ---------------------------------------------------------------- undo, redo


def test_undo_is_a_new_action_and_leaves_earlier_rows_unchanged(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    add(ws, "Президент Казахстана", "ROLE")
    earlier = action_rows(ws)

    changes = history.undo(ws, owner="anna")

    rows = action_rows(ws)
    assert len(rows) == len(earlier) + 1
    assert rows[:-1] == earlier
    last = rows[-1]
    assert (last["kind"], last["label"], last["undoes"]) == ("undo", "Undo: Add ROLE span", earlier[-1]["id"])
    assert changes.action_id == last["id"] and changes.label == "Undo: Add ROLE span"


def test_redo_is_a_new_action_that_names_the_redone_one(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    added = action_rows(ws)[-1]
    history.undo(ws, owner="anna")
    earlier = action_rows(ws)

    changes = history.redo(ws, owner="anna")

    rows = action_rows(ws)
    assert rows[:-1] == earlier
    assert (rows[-1]["kind"], rows[-1]["redoes"]) == ("redo", added["id"])
    assert changes.label == "Redo: Add PER span"


def test_undo_add_span_removes_it_and_redo_brings_it_back_with_the_same_id(ws):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    kept = add(ws, "Президент Казахстана", "ROLE")
    history.undo(ws, owner="anna")
    history.undo(ws, owner="anna")
    assert span_ids(ws) == []

    history.redo(ws, owner="anna")
    assert span_ids(ws) == [span_id]
    history.redo(ws, owner="anna")
    assert span_ids(ws) == [span_id, kept]
    (span,) = [s for s in the_set(ws).spans if s.id == span_id]
    assert (span.start, span.end, span.label) == (*find(ws, "Касым-Жомарт Токаев"), "PER")


def test_undo_redo_undo_again_cycles_the_same_span(ws):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    for _ in range(3):
        history.undo(ws, owner="anna")
        assert span_ids(ws) == []
        history.redo(ws, owner="anna")
        assert span_ids(ws) == [span_id]


def test_undo_of_the_first_action_removes_the_set_it_opened(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    history.undo(ws, owner="anna")
    assert documents.annotation_sets(ws, DOC, "anna") == []
    history.redo(ws, owner="anna")
    assert the_set(ws).status == SetStatus.IN_PROGRESS


def _speaker_scene(ws):
    """anna: PER says a STAT claim (speaker link and SAYS relation), the claim is ABOUT a GPE."""
    per = add(ws, "Касым-Жомарт Токаев", "PER")
    gpe = add(ws, "Казахстана", "GPE")
    claim = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT",
                                 owner="anna", speaker=per, cue=find(ws, "отметил он"), hedged=True,
                                 checkworthy=True).result
    (says,) = [r.id for r in the_set(ws).relations if r.label == "SAYS"]  # made with the speaker
    about = claims.add_relation(ws, claim, gpe, "ABOUT", owner="anna").result
    return per, gpe, claim, says, about


def test_removing_a_speaker_drops_its_relation_and_unlinks_the_claim(ws):
    per, _gpe, claim, says, about = _speaker_scene(ws)
    annotating.remove_span(ws, per, owner="anna")
    aset = the_set(ws)
    assert per not in [s.id for s in aset.spans]
    assert [r.id for r in aset.relations] == [about]
    (stored_claim,) = aset.claims
    assert stored_claim.id == claim and stored_claim.speaker is None


def test_undo_of_removing_a_speaker_restores_relation_and_speaker_exactly(ws):
    per, _gpe, claim, says, _about = _speaker_scene(ws)
    before_tables = annotation_tables(ws)
    before_set = the_set(ws)

    annotating.remove_span(ws, per, owner="anna")
    history.undo(ws, owner="anna")

    assert annotation_tables(ws) == before_tables
    after = the_set(ws)
    assert after == before_set
    (stored_claim,) = after.claims
    assert stored_claim.speaker == per
    assert any(r.id == says and (r.head, r.tail) == (per, claim) for r in after.relations)


def test_redo_of_removing_a_speaker_removes_it_again(ws):
    per, *_ = _speaker_scene(ws)
    annotating.remove_span(ws, per, owner="anna")
    removed = annotation_tables(ws)
    history.undo(ws, owner="anna")
    history.redo(ws, owner="anna")
    assert annotation_tables(ws) == removed


def test_undo_of_removing_a_claim_restores_its_details_and_relations(ws):
    _per, _gpe, claim, *_ = _speaker_scene(ws)
    before = annotation_tables(ws)
    annotating.remove_span(ws, claim, owner="anna")
    assert the_set(ws).claims == () and the_set(ws).relations == ()
    history.undo(ws, owner="anna")
    assert annotation_tables(ws) == before


def test_undo_relabel_restores_the_old_label(ws):
    span_id = add(ws, "Президент Казахстана", "ROLE")
    annotating.relabel_span(ws, span_id, "ORG", owner="anna")
    assert the_set(ws).spans[0].label == "ORG"
    history.undo(ws, owner="anna")
    assert the_set(ws).spans[0].label == "ROLE"
    history.redo(ws, owner="anna")
    assert the_set(ws).spans[0].label == "ORG"


def test_undo_set_attribute_restores_the_old_value(ws):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    annotating.set_attribute(ws, span_id, "note", "first", owner="anna")
    annotating.set_attribute(ws, span_id, "uncertain", True, owner="anna")
    annotating.set_attribute(ws, span_id, "note", "second", owner="anna")
    assert the_set(ws).spans[0].attributes == {"note": "second", "uncertain": True}

    history.undo(ws, owner="anna")
    assert the_set(ws).spans[0].attributes == {"note": "first", "uncertain": True}
    history.undo(ws, owner="anna")
    assert the_set(ws).spans[0].attributes == {"note": "first"}
    history.undo(ws, owner="anna")
    assert the_set(ws).spans[0].attributes == {}


def test_undo_of_clearing_an_attribute_puts_it_back(ws):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    annotating.set_attribute(ws, span_id, "note", "keep", owner="anna")
    annotating.set_attribute(ws, span_id, "note", None, owner="anna")
    assert the_set(ws).spans[0].attributes == {}
    history.undo(ws, owner="anna")
    assert the_set(ws).spans[0].attributes == {"note": "keep"}


def test_undo_set_status_restores_the_old_status(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    history.undo(ws, owner="anna")
    assert the_set(ws).status == SetStatus.IN_PROGRESS


def test_undo_and_redo_are_per_owner(ws):
    anna_span = add(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    boris_span = add(ws, "Касым-Жомарт Токаев", "PER", owner="boris")
    boris_before = annotation_tables(ws)["spans"]

    changes = history.undo(ws, owner="anna")  # boris acted last, but anna undoes her own

    assert changes.label == "Undo: Add PER span"
    assert span_ids(ws, "anna") == []
    assert span_ids(ws, "boris") == [boris_span]
    assert history.undo(ws, owner="anna") is None
    assert history.redo(ws, owner="boris") is None  # anna's redo is not boris's
    assert [r for r in annotation_tables(ws)["spans"] if r[0] == boris_span] == \
        [r for r in boris_before if r[0] == boris_span]

    history.redo(ws, owner="anna")
    assert span_ids(ws, "anna") == [anna_span]
    assert span_ids(ws, "boris") == [boris_span]


def test_undo_history_is_kept_in_the_database_not_the_process(ws, db_target):
    from annotator.services.workspace import Workspace

    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    with Workspace.open(db_target) as other:  # e.g. the next run of the command line
        assert history.next_labels(other, owner="anna") == ("Add PER span", None)
        history.undo(other, owner="anna")
    assert span_ids(ws) == []
    history.redo(ws, owner="anna")
    assert span_ids(ws) == [span_id]


def test_a_new_action_after_an_undo_clears_the_redo_stack(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    history.undo(ws, owner="anna")
    assert history.next_labels(ws, owner="anna") == (None, "Add PER span")

    add(ws, "Казахстана", "GPE")

    assert history.next_labels(ws, owner="anna") == ("Add GPE span", None)
    before = len(action_rows(ws))
    assert history.redo(ws, owner="anna") is None
    assert len(action_rows(ws)) == before


def test_another_owners_action_does_not_clear_my_redo_stack(ws):
    add(ws, "Касым-Жомарт Токаев", "PER", owner="anna")
    history.undo(ws, owner="anna")
    add(ws, "Казахстана", "GPE", owner="boris")
    assert history.redo(ws, owner="anna") is not None


def test_nothing_to_undo_or_redo_returns_none_and_writes_nothing(ws):
    before = snapshot(ws)
    assert history.undo(ws, owner="anna") is None
    assert history.redo(ws, owner="anna") is None
    assert history.next_labels(ws, owner="anna") == (None, None)
    assert snapshot(ws) == before


def test_everything_undone_then_nothing_left_to_undo(ws):
    add(ws, "Касым-Жомарт Токаев", "PER")
    add(ws, "Казахстана", "GPE")
    assert history.undo(ws, owner="anna") is not None
    assert history.undo(ws, owner="anna") is not None
    assert history.undo(ws, owner="anna") is None
    assert history.next_labels(ws, owner="anna") == (None, "Add PER span")


def test_next_labels_name_what_undo_and_redo_would_do(ws):
    span_id = add(ws, "Президент Казахстана", "ROLE")
    annotating.relabel_span(ws, span_id, "ORG", owner="anna")
    assert history.next_labels(ws, owner="anna") == ("Relabel ROLE as ORG", None)
    history.undo(ws, owner="anna")
    assert history.next_labels(ws, owner="anna") == ("Add ROLE span", "Relabel ROLE as ORG")


# -------------------------------------------------------------------- span ids


def test_span_ids_are_never_reused_after_a_delete(ws):
    first = add(ws, "Касым-Жомарт Токаев", "PER")
    second = add(ws, "Казахстана", "GPE")
    annotating.remove_span(ws, second, owner="anna")

    third = add(ws, "Президент Казахстана", "ROLE")

    assert third > second > first


def test_span_ids_are_never_reused_after_an_undone_add(ws):
    first = add(ws, "Касым-Жомарт Токаев", "PER")
    history.undo(ws, owner="anna")  # the table is empty again
    second = add(ws, "Касым-Жомарт Токаев", "PER")
    assert second > first


@pytest.mark.sqlite_only  # PostgreSQL's sequences never hand an id out twice anyway
def test_span_tables_use_autoincrement(ws):
    with ws.store.engine.connect() as connection:
        ddl = {r.name: r.sql for r in connection.execute(sql("SELECT name, sql FROM sqlite_master WHERE type='table'"))}
    for table in ("spans", "relations", "annotation_sets", "actions"):
        assert "AUTOINCREMENT" in ddl[table].upper(), table


# ------------------------------------------------------------------ durability


def test_an_added_span_is_committed_when_add_span_returns(ws, db_target):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")

    other = create_engine(database_url(db_target))  # a different engine, not the store's pool
    try:
        with other.connect() as connection:
            row = connection.execute(sql('SELECT label, start, "end" FROM spans WHERE id = :id'), {"id": span_id}).first()
            logged = connection.execute(sql("SELECT kind FROM actions ORDER BY id DESC LIMIT 1")).first()
    finally:
        other.dispose()
    assert tuple(row) == ("PER", *find(ws, "Касым-Жомарт Токаев"))
    assert tuple(logged) == ("add_span",)


def test_an_undo_is_committed_when_it_returns(ws, db_target):
    span_id = add(ws, "Касым-Жомарт Токаев", "PER")
    history.undo(ws, owner="anna")
    other = create_engine(database_url(db_target))
    try:
        with other.connect() as connection:
            assert connection.execute(sql("SELECT count(*) FROM spans WHERE id = :id"), {"id": span_id}).scalar() == 0
    finally:
        other.dispose()


def test_a_claim_said_by_the_author_keeps_no_speaker_span(ws):
    claim = claims.add_claim(ws, DOC, *find(ws, "Растет число совместных предприятий"), "STAT",
                                 owner="anna", speaker=AUTHOR).result
    history.undo(ws, owner="anna")
    history.redo(ws, owner="anna")
    (stored,) = the_set(ws).claims
    assert (stored.id, stored.speaker) == (claim, AUTHOR)


def test_labels_name_the_original_action_after_redo(sample_workspace):
    from annotator.services import annotating, history

    ws = sample_workspace
    annotating.add_span(ws, "003_7fa7a90ba42b20d6", 21, 28, "ORG", owner="anna")
    assert history.undo(ws, owner="anna").label == "Undo: Add ORG span"
    assert history.redo(ws, owner="anna").label == "Redo: Add ORG span"
    assert history.next_labels(ws, owner="anna") == ("Add ORG span", None)
    assert history.undo(ws, owner="anna").label == "Undo: Add ORG span"
    assert history.next_labels(ws, owner="anna") == (None, "Add ORG span")
    assert history.redo(ws, owner="anna").label == "Redo: Add ORG span"


def test_a_refused_database_is_left_in_its_journal_mode(tmp_path):
    import sqlite3

    import pytest

    from annotator.storage import DatabaseError, open_store

    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (x)")
    with pytest.raises(DatabaseError):
        open_store(str(foreign))
    with sqlite3.connect(foreign) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
