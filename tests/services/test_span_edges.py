"""Moving a span's edges, splitting and merging spans: one undoable action each, links kept."""

from __future__ import annotations

import pytest

from annotator.domain.tokens import moved_edge, snap_to_covered_tokens, split_points, tokenize
from annotator.services import annotating, claims, documents, history, notes, span_edges
from annotator.services.errors import ServiceError

DOC = "000_598509fc61278558"


def find(ws, needle: str) -> tuple[int, int]:
    text = documents.document(ws, DOC).text
    start = text.find(needle)
    assert start >= 0, needle
    return start, start + len(needle)


def the_set(ws, owner: str = "anna"):
    (aset,) = documents.annotation_sets(ws, DOC, owner)
    return aset


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


def test_moving_an_edge_is_one_undoable_action(ws):
    name = find(ws, "Касым-Жомарт Токаев")
    span_id = annotating.add_span(ws, DOC, name[0], name[0] + len("Касым-Жомарт"), "PER", owner="anna").result

    changes = span_edges.resize_span(ws, span_id, *name, owner="anna")

    assert changes.result == span_id and changes.spans
    (span,) = the_set(ws).spans
    assert (span.start, span.end) == name and span.id == span_id
    history.undo(ws, owner="anna")
    (span,) = the_set(ws).spans
    assert (span.start, span.end) == (name[0], name[0] + len("Касым-Жомарт"))


def test_an_edge_move_is_refused_onto_another_span_of_the_label_or_out_of_the_text(ws):
    name = find(ws, "Касым-Жомарт Токаев")
    first = annotating.add_span(ws, DOC, name[0], name[0] + len("Касым-Жомарт"), "PER", owner="anna").result
    annotating.add_span(ws, DOC, *name, "PER", owner="anna")
    with pytest.raises(ServiceError, match="already has a PER span"):
        span_edges.resize_span(ws, first, *name, owner="anna")
    with pytest.raises(ServiceError):
        span_edges.resize_span(ws, first, name[0], 10**9, owner="anna")
    with pytest.raises(ServiceError):
        span_edges.resize_span(ws, first, name[0], name[0], owner="anna")
    with pytest.raises(ServiceError):  # boris may not move anna's span
        span_edges.resize_span(ws, first, *name, owner="boris")


def test_a_split_keeps_links_on_the_left_part_and_undoes_as_one(ws):
    name = find(ws, "Касым-Жомарт Токаев")
    span_id = annotating.add_span(ws, DOC, *name, "PER", owner="anna", attributes=None).result
    note_id = notes.add_note(ws, DOC, owner="anna", text="check", target_id=span_id).result
    text = documents.document(ws, DOC).text
    left_end, right_start = split_points(tokenize(text), *name, text.index("Токаев", name[0]))

    changes = span_edges.split_span(ws, span_id, left_end, right_start, owner="anna")

    spans = sorted(the_set(ws).spans, key=lambda s: s.start)
    assert [text[s.start:s.end] for s in spans] == ["Касым-Жомарт", "Токаев"]
    assert spans[0].id == span_id and spans[1].id == changes.result and {s.label for s in spans} == {"PER"}
    assert notes.note(ws, note_id).target_id == span_id
    history.undo(ws, owner="anna")
    (span,) = the_set(ws).spans
    assert (span.start, span.end) == name


def test_a_split_needs_a_caret_between_two_words(ws):
    name = find(ws, "Касым-Жомарт Токаев")
    span_id = annotating.add_span(ws, DOC, *name, "PER", owner="anna").result
    with pytest.raises(ServiceError, match="between two of its words"):
        span_edges.split_span(ws, span_id, name[0], name[0], owner="anna")


def test_a_merge_moves_relations_speakers_and_notes_onto_the_span_that_stays(ws):
    first = find(ws, "Касым-Жомарт")
    second = find(ws, "Токаев")
    keep = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    gone = annotating.add_span(ws, DOC, *second, "PER", owner="anna").result
    role = annotating.add_span(ws, DOC, *find(ws, "Президент"), "ROLE", owner="anna").result
    claim = claims.add_claim(ws, DOC, *find(ws, "Президент Казахстана"), "STAT", owner="anna",
                             speaker=gone).result
    head_of = claims.add_relation(ws, gone, role, "SAME_AS", owner="anna").result
    note_id = notes.add_note(ws, DOC, owner="anna", text="?", target_id=gone).result
    before = the_set(ws)

    span_edges.merge_spans(ws, keep, gone, owner="anna")

    after = the_set(ws)
    entities = [s for s in after.spans if s.id in (keep, gone)]
    assert [(s.id, s.start, s.end) for s in entities] == [(keep, first[0], second[1])]
    (the_claim,) = [c for c in after.claims if c.id == claim]
    assert the_claim.speaker == keep
    assert all(gone not in (r.head, r.tail) for r in after.relations)
    assert any(r.head == keep and r.tail == claim for r in after.relations)  # the SAYS moved over
    assert notes.note(ws, note_id).target_id == keep
    assert [(r.head, r.tail) for r in after.relations if r.id == head_of] == [(keep, role)]

    history.undo(ws, owner="anna")
    restored = the_set(ws)
    assert sorted((s.id, s.start, s.end) for s in restored.spans) == sorted(
        (s.id, s.start, s.end) for s in before.spans)
    assert [c.speaker for c in restored.claims if c.id == claim] == [gone]


def test_a_merge_drops_a_relation_between_the_two(ws):
    keep = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт"), "PER", owner="anna").result
    gone = annotating.add_span(ws, DOC, *find(ws, "Токаев"), "PER", owner="anna").result
    claims.add_relation(ws, keep, gone, "SAME_AS", owner="anna")
    span_edges.merge_spans(ws, keep, gone, owner="anna")
    assert [s.id for s in the_set(ws).spans] == [keep]
    assert the_set(ws).relations == ()
    with pytest.raises(ServiceError):
        span_edges.merge_spans(ws, keep, keep, owner="anna")


def test_token_edges_move_by_words_and_characters():
    text = "Сергей Лавров встретился с Мирзиёевым."
    tokens = tokenize(text)
    lavrov = (text.index("Лавров"), text.index("Лавров") + 6)
    assert moved_edge(tokens, len(text), *lavrov, "start", -1) == (0, lavrov[1])
    assert moved_edge(tokens, len(text), *lavrov, "end", 1) == (lavrov[0], text.index(" с "))
    assert moved_edge(tokens, len(text), *lavrov, "end", -1) is None  # it would be empty
    assert moved_edge(tokens, len(text), *lavrov, "start", 1, by_token=False) == (lavrov[0] + 1, lavrov[1])
    assert moved_edge(tokens, len(text), 0, 6, "start", -1) is None  # the text's start


def test_a_selection_takes_the_words_it_covers_most():
    text = "Сергей Лавров встретился"
    tokens = tokenize(text)
    lavrov = text.index("Лавров")
    assert snap_to_covered_tokens(tokens, lavrov - 1, lavrov + 6) == (lavrov, lavrov + 6)  # not "Сергей"
    assert snap_to_covered_tokens(tokens, lavrov - 4, lavrov + 6) == (0, lavrov + 6)
    assert snap_to_covered_tokens(tokens, lavrov + 1, lavrov + 3) == (lavrov, lavrov + 6)  # inside one word
    assert snap_to_covered_tokens(tokens, 5, lavrov + 1) == (0, 6)  # one letter of each: the larger share


def test_a_merge_takes_adjacent_spans_of_one_label_only(ws):
    keep = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт"), "PER", owner="anna").result
    far = annotating.add_span(ws, DOC, *find(ws, "Казахстана"), "PER", owner="anna").result
    with pytest.raises(ServiceError, match="adjacent"):
        span_edges.merge_spans(ws, keep, far, owner="anna")
    role = annotating.add_span(ws, DOC, *find(ws, "Токаев"), "ROLE", owner="anna").result
    with pytest.raises(ServiceError, match="one label"):
        span_edges.merge_spans(ws, keep, role, owner="anna")


def test_a_merge_keeps_the_entity_link_and_makes_no_duplicate_relation(ws):
    from annotator.services import entities

    keep = annotating.add_span(ws, DOC, *find(ws, "Касым-Жомарт"), "PER", owner="anna").result
    gone = annotating.add_span(ws, DOC, *find(ws, "Токаев"), "PER", owner="anna").result
    role = annotating.add_span(ws, DOC, *find(ws, "Президент"), "ROLE", owner="anna").result
    entity = entities.create_from_mention(ws, gone, owner="anna").result
    claims.add_relation(ws, keep, role, "SAME_AS", owner="anna")
    claims.add_relation(ws, gone, role, "SAME_AS", owner="anna")

    span_edges.merge_spans(ws, keep, gone, owner="anna")

    (merged,) = [s for s in the_set(ws).spans if s.id == keep]
    assert merged.entity == entity
    assert [(r.label, r.head, r.tail) for r in the_set(ws).relations] == [("SAME_AS", keep, role)]


def test_a_discontinuous_span_may_take_the_bounds_of_a_contiguous_one_of_its_label(ws):
    name = find(ws, "Касым-Жомарт Токаев")
    annotating.add_span(ws, DOC, *name, "PER", owner="anna")  # contiguous, over the whole name
    first = find(ws, "Касым-Жомарт")
    piecewise = annotating.add_span(ws, DOC, *first, "PER", owner="anna").result
    annotating.add_fragment(ws, piecewise, name[1] - 2, name[1] - 1, owner="anna")  # two pieces

    span_edges.resize_span(ws, piecewise, first[0], name[1], owner="anna")  # the same outer bounds

    (moved,) = [s for s in the_set(ws).spans if s.id == piecewise]
    assert (moved.start, moved.end) == name and len(moved.fragments) == 2
