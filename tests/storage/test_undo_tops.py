"""A view reads the undo and redo stacks' tops from the owner's newest actions
(``Repository.undo_tops``): the same tops as the whole log's replay after any mix of actions,
undos and redos, across documents and for one document, however few actions a read takes; and
after many actions it reads one short part of the log."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import event
from sqlalchemy import text as sql

from annotator.services import annotating, documents, history
from annotator.services.errors import ServiceError
from annotator.storage import repository
from tests.domain.test_undo_stacks import replay

DOCS = ("000_598509fc61278558", "001_1fc550a04f713c8c")


def log_of(workspace, owner: str, document_id: str | None = None):
    query = "SELECT id, kind, undoes, redoes FROM actions WHERE owner = :owner"
    if document_id is not None:
        query += " AND document_id = :document"
    with workspace.store.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sql(query + " ORDER BY id"),
                                                      {"owner": owner, "document": document_id})]


def tops(workspace, owner: str, document_id: str | None = None):
    with workspace.store.read() as repo:
        return repo.undo_tops(owner, document_id)


def word_places(workspace, document_id: str, count: int) -> list[tuple[int, int]]:
    text = documents.document(workspace, document_id).text
    places, start = [], 0
    for word in text.split():
        at = text.index(word, start)
        start = at + len(word)
        if word.isalpha() and len(places) < count:
            places.append((at, at + len(word)))
    return places


@pytest.mark.parametrize("read", [1, 3, 64])
def test_tops_from_the_newest_actions_are_the_whole_logs(sample_workspace, monkeypatch, read):
    monkeypatch.setattr(repository, "UNDO_READ", read)
    ws = sample_workspace
    rng = random.Random(read)
    places = {d: word_places(ws, d, 30) for d in DOCS}
    for _ in range(60):
        move, document_id = rng.random(), rng.choice(DOCS)
        try:
            if move < 0.45 and places[document_id]:
                start, end = places[document_id].pop()
                annotating.add_span(ws, document_id, start, end, "PER", owner="anna")
            elif move < 0.7:
                history.undo(ws, owner="anna")
            elif move < 0.8:  # one document's undo, as a curator's: the owner's whole log keeps it too
                history.undo(ws, owner="anna", document_id=document_id)
            else:
                history.redo(ws, owner="anna", document_id=None if move < 0.9 else document_id)
        except ServiceError:
            pass  # e.g. nothing left to redo in that document
        assert tops(ws, "anna") == replay(log_of(ws, "anna"))
        for d in DOCS:
            assert tops(ws, "anna", d) == replay(log_of(ws, "anna", d))


def test_after_many_actions_a_view_reads_one_short_part_of_the_log(sample_workspace, monkeypatch):
    monkeypatch.setattr(repository, "UNDO_READ", 8)
    ws = sample_workspace
    for start, end in word_places(ws, DOCS[0], 30):
        annotating.add_span(ws, DOCS[0], start, end, "PER", owner="anna")
    history.undo(ws, owner="anna")
    history.undo(ws, owner="anna")

    with ws.store.read() as repo:
        statements: list[str] = []
        event.listen(repo.connection, "before_cursor_execute",
                     lambda conn, cursor, statement, *rest: statements.append(statement))
        undo_top, redo_top = repo.undo_tops("anna")
    log = log_of(ws, "anna")
    assert len(log) == 32 and (undo_top, redo_top) == replay(log)
    assert len([s for s in statements if "FROM actions" in s]) == 1  # the newest 8 were enough
