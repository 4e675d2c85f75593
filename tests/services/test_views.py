"""The windows' read models, read by the core in one transaction (no Qt here)."""

from __future__ import annotations

from annotator.domain.model import GOLD, Role, SetStatus
from annotator.domain.query import DocumentQuery
from annotator.services import annotating, claims, curation, documents, gold_conflicts, history, notes, users
from annotator.services.views.curation_view import key_of, read_curation, settled_by
from annotator.services.views.set_view import read_document_and_view, read_set_view

DOC = "000_598509fc61278558"
STAT = "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов"


def find(ws, needle: str) -> tuple[int, int]:
    text = documents.document(ws, DOC).text
    start = text.index(needle)
    return start, start + len(needle)


def test_the_set_view_holds_what_the_window_shows(sample_workspace):
    ws = sample_workspace
    span = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), "PER", owner="anna").result
    claim = claims.add_claim(ws, DOC, *find(ws, STAT), "STAT", owner="anna", speaker=span).result
    notes.add_note(ws, DOC, owner="anna", text="проверить", target_id=span)
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    document, view = read_document_and_view(ws, DOC, "anna")
    assert document.id == view.document_id == DOC
    assert [s.id for s in view.spans] == [span] and [c.id for c in view.claims] == [claim]
    assert view.status == SetStatus.DONE and view.done == 1 and view.total == documents.count(ws)
    assert view.proposals[claim].unit == "USD"  # the normaliser's figure for the claim's text
    assert [n.text for n in view.notes] == ["проверить"]
    assert (view.undo_label, view.redo_label) == history.next_labels(ws, owner="anna")


def test_counts_the_caller_knows_are_not_counted_again(sample_workspace):
    view = read_set_view(sample_workspace, DOC, "anna", counts=(7, 99))
    assert (view.done, view.total) == (7, 99)
    assert read_set_view(sample_workspace, DOC, "anna").total == documents.count(sample_workspace, DocumentQuery())


def test_the_curation_view_reads_sets_gold_and_where_they_disagree(sample_workspace):
    ws = sample_workspace
    users.add_user(ws, "cora", Role.CURATOR)
    for owner, label in (("anna", "PER"), ("boris", "ORG")):
        annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт Токаев"), label, owner=owner)
    view = read_curation(ws, DOC, "cora")
    assert view.owners == ["anna", "boris"] and view.gold is None and view.refusal is None
    (disagreement,) = view.disagreements
    assert settled_by(disagreement, view.gold, view.sets) == []
    curation.accept_version(ws, DOC, "anna", disagreement.layer, disagreement.start, disagreement.end,
                            user="cora", seen=view.gold_seen)
    after = read_curation(ws, DOC, "cora")
    assert key_of(after.disagreements[0]) == key_of(disagreement)
    assert settled_by(after.disagreements[0], after.gold, after.sets) == ["anna"]
    assert after.gold_seen == gold_conflicts.gold_version(ws, DOC) != view.gold_seen
    assert [s.label for s in after.spans] == ["PER"]  # the gold lane's keys read gold
    assert after.undo_label is not None and read_curation(ws, DOC, "anna").refusal  # anna is no curator
    assert GOLD not in after.owners
