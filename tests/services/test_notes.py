"""Notes: comments and "unsure" flags on spans, claims and documents; and skipped documents.

Each change is one action with an undo; a refused one writes nothing.
"""

from __future__ import annotations

import pytest

from annotator import i18n
from annotator.domain.model import AUTHOR, GOLD, Role, SetStatus
from annotator.domain.notes import Note, target_excerpt
from annotator.services import agreement, annotating, claims, curation, documents, history, users
from annotator.services import notes as note_service
from annotator.services.errors import NotFound, ServiceError
from annotator.services.permissions import NotAllowed
from tests.conftest import snapshot

DOC = "000_598509fc61278558"
OTHER = "001_1fc550a04f713c8c"


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    for name in ("anna", "boris"):
        users.add_user(sample_workspace, name, Role.ANNOTATOR, user="cora")
    return sample_workspace


def at(ws, needle, doc=DOC):
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def label(ws, owner, needle, tag, doc=DOC):
    return annotating.add_span(ws, doc, *at(ws, needle, doc), tag, owner=owner).result


def status(ws, owner, doc=DOC):
    sets = documents.annotation_sets(ws, doc, owner)
    return sets[0].status if sets else None


# ------------------------------------------------------------------ adding
def test_notes_on_a_document_a_span_and_a_claim_are_read_back_resolved(ws):
    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    claim = claims.add_claim(ws, DOC, *at(ws, "Растет число совместных предприятий"), "STAT", owner="anna",
                             speaker=AUTHOR).result

    on_span = note_service.add_note(ws, DOC, owner="anna", target_id=per, text="  он ли это? ", unsure=True)
    on_claim = note_service.add_note(ws, DOC, owner="anna", target_id=claim, text="скорее FACT")
    on_document = note_service.add_note(ws, DOC, owner="anna", text="вне темы корпуса")

    assert on_span.label == "Add note on PER span" and on_span.notes and on_span.documents == {DOC}
    assert on_claim.label == "Add note on STAT claim"
    assert on_document.label == "Add note on the document"
    found = note_service.notes(ws, document_id=DOC)
    # the document's own notes first, then by position
    assert [n.id for n in found] == [on_document.result, on_span.result, on_claim.result]
    document_note, span_note, claim_note = found
    assert isinstance(span_note, Note)
    assert (span_note.document_id, span_note.owner, span_note.target_id, span_note.target_kind,
            span_note.target_label, span_note.text, span_note.unsure, span_note.author) == (
        DOC, "anna", per, "span", "PER", "он ли это?", True, "anna")
    assert (span_note.target_start, span_note.target_end) == at(ws, "Касым-Жомарт Токаев")
    assert (claim_note.target_kind, claim_note.target_label, claim_note.unsure) == ("claim", "STAT", False)
    assert (claim_note.target_start, claim_note.target_end) == at(ws, "Растет число совместных предприятий")
    assert (document_note.target_kind, document_note.target_id, document_note.target_label,
            document_note.target_start, document_note.target_end) == ("document", None, None, None, None)
    assert span_note.created_at is not None
    texts = note_service.texts(ws, [DOC])
    assert target_excerpt(span_note, texts[DOC]) == "Касым-Жомарт Токаев"
    assert target_excerpt(document_note, texts[DOC]) is None
    assert note_service.note(ws, on_claim.result) == claim_note


def test_a_flag_without_text_is_a_note_and_its_label_says_so(ws):
    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    assert note_service.add_note(ws, DOC, owner="anna", unsure=True).label == "Flag the document as unsure"
    assert note_service.add_note(ws, DOC, owner="anna", target_id=per, unsure=True).label == \
        "Flag PER span as unsure"
    assert [(n.text, n.unsure) for n in note_service.notes(ws)] == [("", True), ("", True)]


def test_a_note_opens_the_owners_set(ws):
    assert status(ws, "anna") is None
    note_service.add_note(ws, DOC, owner="anna", unsure=True)
    assert status(ws, "anna") == SetStatus.IN_PROGRESS
    annotating.set_status(ws, OTHER, SetStatus.SKIPPED, owner="anna")
    note_service.add_note(ws, OTHER, owner="anna", text="не про визит")
    assert status(ws, "anna", OTHER) == SetStatus.SKIPPED  # a note does not un-skip a document


def test_a_note_with_neither_text_nor_flag_is_refused_and_nothing_is_written(ws):
    before = snapshot(ws)
    for text in ("", "   \n\t "):
        with pytest.raises(ServiceError, match="a note needs a text or the unsure flag"):
            note_service.add_note(ws, DOC, owner="anna", text=text)
    assert snapshot(ws) == before


def test_a_wrong_target_is_refused_and_nothing_is_written(ws):
    borises = label(ws, "boris", "Касым-Жомарт Токаев", "PER")
    annas_other = label(ws, "anna", "Ташкент", "GPE", doc=OTHER)
    before = snapshot(ws)
    with pytest.raises(ServiceError, match=f"span {borises} belongs to 'boris''s set, not 'anna''s"):
        note_service.add_note(ws, DOC, owner="anna", target_id=borises, text="x")
    with pytest.raises(ServiceError, match=f"span {annas_other} is in document '{OTHER}', not '{DOC}'"):
        note_service.add_note(ws, DOC, owner="anna", target_id=annas_other, text="x")
    with pytest.raises(NotFound, match="no span 9999"):
        note_service.add_note(ws, DOC, owner="anna", target_id=9999, text="x")
    with pytest.raises(NotFound, match="no document 'nope'"):
        note_service.add_note(ws, "nope", owner="anna", text="x")
    with pytest.raises(ServiceError, match="reserved"):
        note_service.add_note(ws, DOC, owner="all", text="x")
    assert snapshot(ws) == before


# ------------------------------------------------------------------ permission
def test_an_annotator_cannot_note_in_another_annotators_set(ws):
    borises = label(ws, "boris", "Касым-Жомарт Токаев", "PER")
    note_id = note_service.add_note(ws, DOC, owner="boris", text="мой").result
    before = snapshot(ws)
    with pytest.raises(NotAllowed, match="'anna' cannot change 'boris''s set"):
        note_service.add_note(ws, DOC, owner="boris", user="anna", text="чужое")
    with pytest.raises(NotAllowed, match="'anna' cannot change 'boris''s set"):
        note_service.add_note(ws, DOC, owner="boris", user="anna", target_id=borises, unsure=True)
    with pytest.raises(NotAllowed):  # and not in a set boris has not opened yet
        note_service.add_note(ws, OTHER, owner="boris", user="anna", text="чужое")
    with pytest.raises(NotAllowed):
        note_service.edit_note(ws, note_id, owner="boris", user="anna", text="правка")
    with pytest.raises(NotAllowed):
        note_service.remove_note(ws, note_id, owner="boris", user="anna")
    with pytest.raises(ServiceError, match=f"note {note_id} belongs to 'boris''s set, not 'anna''s"):
        note_service.remove_note(ws, note_id, owner="anna")
    with pytest.raises(NotAllowed, match="only curators write gold"):
        note_service.add_note(ws, DOC, owner=GOLD, user="anna", text="x")
    assert snapshot(ws) == before


def test_a_curator_may_note_in_an_annotators_set_and_is_its_author(ws):
    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    note_service.add_note(ws, DOC, owner="anna", user="cora", target_id=per, text="проверь границы")
    (found,) = note_service.notes(ws)
    assert (found.owner, found.author) == ("anna", "cora")
    assert note_service.add_note(ws, DOC, owner=GOLD, user="cora", text="эталон под вопросом").result


# ------------------------------------------------------------------ edit, remove, undo
def test_edit_changes_text_or_flag_and_undo_restores_it(ws):
    note_id = note_service.add_note(ws, DOC, owner="anna", text="первая мысль").result
    changes = note_service.edit_note(ws, note_id, owner="anna", text=" вторая мысль ")
    assert (changes.label, changes.result, changes.notes) == ("Edit note", note_id, True)
    note_service.edit_note(ws, note_id, owner="anna", unsure=True)
    (found,) = note_service.notes(ws)
    assert (found.text, found.unsure) == ("вторая мысль", True)
    note_service.edit_note(ws, note_id, owner="anna", text="")  # the flag is enough
    assert note_service.notes(ws)[0].text == ""

    history.undo(ws, owner="anna")
    history.undo(ws, owner="anna")
    (found,) = note_service.notes(ws)
    assert (found.text, found.unsure) == ("вторая мысль", False)
    assert history.undo(ws, owner="anna").label == "Undo: Edit note"
    assert note_service.notes(ws)[0].text == "первая мысль"


def test_edit_refuses_an_empty_note_and_no_change(ws):
    note_id = note_service.add_note(ws, DOC, owner="anna", text="мысль").result
    before = snapshot(ws)
    with pytest.raises(ServiceError, match="a note needs a text or the unsure flag"):
        note_service.edit_note(ws, note_id, owner="anna", text=" ")
    with pytest.raises(ServiceError, match=f"note {note_id} already says that"):
        note_service.edit_note(ws, note_id, owner="anna", text="мысль", unsure=False)
    with pytest.raises(NotFound, match="no note 9999"):
        note_service.edit_note(ws, 9999, owner="anna", text="x")
    assert snapshot(ws) == before


def test_add_remove_undo_redo(ws):
    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    note_id = note_service.add_note(ws, DOC, owner="anna", target_id=per, text="он?").result
    with_note = snapshot(ws)["notes"]
    changes = note_service.remove_note(ws, note_id, owner="anna")
    assert (changes.label, changes.result, changes.notes) == ("Remove note", note_id, True)
    assert note_service.notes(ws) == []
    assert history.undo(ws, owner="anna").label == "Undo: Remove note"
    assert snapshot(ws)["notes"] == with_note
    history.redo(ws, owner="anna")
    assert note_service.notes(ws) == []
    history.undo(ws, owner="anna")  # the removal
    assert history.undo(ws, owner="anna").label == "Undo: Add note on PER span"
    assert note_service.notes(ws) == []
    assert documents.annotation_sets(ws, DOC, "anna")[0].spans  # the span stays


def test_removing_a_span_takes_its_note_and_undo_brings_it_back(ws):
    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    note_id = note_service.add_note(ws, DOC, owner="anna", target_id=per, unsure=True).result
    (before,) = note_service.notes(ws)
    changes = annotating.remove_span(ws, per, owner="anna")
    assert changes.notes  # a view of notes must redraw
    assert note_service.notes(ws) == []
    history.undo(ws, owner="anna")
    assert note_service.notes(ws) == [before] and before.id == note_id


def test_replacing_a_set_by_import_takes_its_notes_and_undo_brings_them_back(ws, tmp_path):
    from annotator.services import exporting
    from annotator.services.importing import import_files

    per = label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    path = tmp_path / "anna.jsonl"
    exporting.export_to_path(ws, path, owner="anna", document_ids=[DOC])
    note_service.add_note(ws, DOC, owner="anna", target_id=per, text="он?")
    note_service.add_note(ws, DOC, owner="anna", unsure=True)
    before = note_service.notes(ws)

    report = import_files(ws, [path])
    assert report.committed and report.sets_replaced == 1 and report.changes.notes
    assert note_service.notes(ws) == []  # notes are not in the JSONL: the new set has none
    history.undo(ws, owner="anna")
    assert note_service.notes(ws) == before


# ------------------------------------------------------------------ reading
def test_filters_by_document_owner_and_flag(ws):
    a1 = note_service.add_note(ws, DOC, owner="anna", text="a1").result
    b1 = note_service.add_note(ws, DOC, owner="boris", unsure=True).result
    a2 = note_service.add_note(ws, OTHER, owner="anna", text="a2", unsure=True).result
    assert [n.id for n in note_service.notes(ws)] == [a1, b1, a2]  # corpus order, then owner
    assert [n.id for n in note_service.notes(ws, owner="anna")] == [a1, a2]
    assert [n.id for n in note_service.notes(ws, unsure_only=True)] == [b1, a2]
    assert [n.id for n in note_service.notes(ws, document_id=OTHER)] == [a2]
    assert [n.id for n in note_service.notes(ws, document_id=DOC, owner="boris", unsure_only=True)] == [b1]
    assert [n.id for n in note_service.notes(ws, document_ids=[OTHER, DOC])] == [a1, b1, a2]
    assert note_service.notes(ws, document_id="nope") == []


def test_labels_and_refusals_in_russian(ws):
    i18n.set_language("ru")
    changes = note_service.add_note(ws, DOC, owner="anna", text="мысль")
    assert changes.label == "Добавить заметку к документу"
    with pytest.raises(ServiceError, match="у заметки должен быть текст"):
        note_service.add_note(ws, DOC, owner="anna")
    assert history.undo(ws, owner="anna").label == "Отменить: Добавить заметку к документу"


# ------------------------------------------------------------------ skipped documents
def test_a_skipped_set_drops_out_of_agreement(ws):
    for owner in ("anna", "boris"):
        label(ws, owner, "Ташкент", "GPE", doc=OTHER)  # agreed on OTHER
    label(ws, "anna", "Касым-Жомарт Токаев", "PER")  # disagree on DOC
    label(ws, "boris", "Центральной Азии", "LOC")

    (pair,) = agreement.agreement(ws, annotators=["anna", "boris"]).pairwise
    assert pair.documents == 2 and pair.exact.matched == 1 and pair.exact.f1 == pytest.approx(0.5)

    annotating.set_status(ws, DOC, SetStatus.SKIPPED, owner="boris")  # out of scope for boris
    report = agreement.agreement(ws, annotators=["anna", "boris"])
    (pair,) = report.pairwise
    assert pair.documents == 1 and pair.exact.f1 == 1.0
    only_other = agreement.agreement(ws, annotators=["anna", "boris"], document_ids=[OTHER])
    # boris's tokens of DOC are missing values now (not "O"): the coefficients are OTHER's alone
    tokens, other_tokens = report.tokens.to_dict(), only_other.tokens.to_dict()
    assert tokens["missing"] == tokens["units"] - other_tokens["units"] > 0
    for name in ("fleiss", "krippendorff"):
        assert (tokens[name]["value"], tokens[name]["units"]) == \
            (other_tokens[name]["value"], other_tokens[name]["units"]), name
    assert report.pairwise == only_other.pairwise

    history.undo(ws, owner="boris")  # not skipped any more: back in
    (pair,) = agreement.agreement(ws, annotators=["anna", "boris"]).pairwise
    assert pair.documents == 2


def test_a_skipped_set_drops_out_of_curation(ws):
    for owner in ("anna", "boris"):
        label(ws, owner, "Касым-Жомарт Токаев", "PER")
    assert [s.owner for s in curation.annotator_sets(ws, DOC)] == ["anna", "boris"]
    annotating.set_status(ws, DOC, SetStatus.SKIPPED, owner="boris")
    assert [s.owner for s in curation.annotator_sets(ws, DOC)] == ["anna"]
    assert curation.document_disagreements(ws, DOC) == []
    with pytest.raises(ServiceError, match="agreement needs two or more"):
        curation.accept_agreed(ws, DOC, user="cora")
