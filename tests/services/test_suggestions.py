"""Suggestions: the models' sets, accepting and rejecting (undoable, with provenance), measures."""

from __future__ import annotations

import pytest

from annotator.domain.model import GOLD, Role
from annotator.domain.scheme import Scheme
from annotator.services import annotating, documents, history, schemes, suggestions
from annotator.services.errors import NotFound, ServiceError

D000, D001 = "000_598509fc61278558", "001_1fc550a04f713c8c"


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


def text_of(ws, doc=D000) -> str:
    return documents.document(ws, doc).text


def at(ws, needle: str, doc=D000) -> int:
    return text_of(ws, doc).index(needle)


def own(ws, owner="anna", doc=D000):
    sets = documents.annotation_sets(ws, doc, owner)
    return sets[0] if sets else None


def test_suggest_fills_the_model_sets_and_is_resumable(ws):
    first = suggestions.suggest(ws, document_ids=[D000], models=["natasha"])
    assert first.documents == 1 and first.suggestions > 5 and first.per_second
    (natasha,) = documents.annotation_sets(ws, D000, "model:natasha")
    text = text_of(ws)
    assert ("Касым-Жомарт Токаев", "PER") in {(text[s.start:s.end], s.label) for s in natasha.spans}
    again = suggestions.suggest(ws, models=["natasha"])
    assert again.skipped == 1 and again.documents == 4  # D000 is not suggested twice
    assert len(documents.annotation_sets(ws, D000, "model:natasha")[0].spans) == len(natasha.spans)


def test_the_rules_find_money_dates_and_roles(ws):
    suggestions.suggest(ws, document_ids=[D000], models=["rules"])
    (rules,) = documents.annotation_sets(ws, D000, "model:rules")
    text = text_of(ws, D000)
    found = {(text[s.start:s.end], s.label) for s in rules.spans}
    assert {("11,5 млрд долларов", "MONEY"), ("прошлом году", "DATE"), ("Глава государства", "ROLE"),
            ("Президент Казахстана", "ROLE"), ("Президента Узбекистана", "ROLE"), ("16 ноября", "DATE")} <= found


def test_the_scheme_maps_the_models_labels(ws):
    body = ws.current_scheme().to_dict()
    body["suggestion_labels"] = {"GPE": "LOC", "ORG": ""}  # no GPE distinction; no ORG suggestions
    schemes.replace_scheme(ws, Scheme.from_dict(body), user="anna")
    suggestions.suggest(ws, document_ids=[D000], models=["natasha"])
    labels = {s.label for s in documents.annotation_sets(ws, D000, "model:natasha")[0].spans}
    assert "GPE" not in labels and "ORG" not in labels and "LOC" in labels


def test_accept_reject_and_accept_label_are_undoable_actions(ws):
    suggestions.suggest(ws, document_ids=[D000])
    opened = suggestions.open_suggestions(ws, D000, owner="anna")
    first_per = next(s for s in opened if s.label == "PER")
    accepted = suggestions.accept_suggestion(ws, D000, first_per.start + 1, owner="anna")
    (span,) = own(ws).spans
    assert (span.id, span.start, span.end, span.label) == (accepted.result, first_per.start, first_per.end, "PER")
    assert accepted.spans and D000 in accepted.documents
    assert first_per.key not in {s.key for s in suggestions.open_suggestions(ws, D000, owner="anna")}
    # another annotator still sees it: answers are per annotator
    assert first_per.key in {s.key for s in suggestions.open_suggestions(ws, D000, owner="boris")}

    money = next(s for s in opened if s.label == "MONEY")
    suggestions.reject_suggestion(ws, D000, money.start, owner="anna")
    assert money.key not in {s.key for s in suggestions.open_suggestions(ws, D000, owner="anna")}
    history.undo(ws, owner="anna")  # the rejection
    assert money.key in {s.key for s in suggestions.open_suggestions(ws, D000, owner="anna")}

    all_gpe = suggestions.accept_label(ws, D000, "GPE", owner="anna")
    gpe = [s for s in opened if s.label == "GPE"]
    assert len(all_gpe.result) == len(gpe) > 1
    assert not any(s.label == "GPE" for s in suggestions.open_suggestions(ws, D000, owner="anna"))
    history.undo(ws, owner="anna")
    assert [s.label for s in own(ws).spans] == ["PER"]


def test_an_accepted_span_records_where_it_came_from(ws):
    suggestions.suggest(ws, document_ids=[D000])
    opened = suggestions.open_suggestions(ws, D000, owner="anna")
    per = [s for s in opened if s.label == "PER"]
    suggestions.accept_suggestion(ws, D000, per[0].start, owner="anna")
    suggestions.reject_suggestion(ws, D000, per[1].start, owner="anna")
    annotating.add_span(ws, D000, *(lambda i: (i, i + 7))(at(ws, "Ташкент")), "GPE", owner="anna")
    use = {(u.annotator, u.source, u.label): u for u in suggestions.suggestion_use(ws)}
    row = use[("anna", "model:natasha", "PER")]
    assert (row.accepted, row.rejected, row.precision) == (1, 1, 0.5)
    assert ("anna", "model:natasha", "GPE") not in use  # typed by hand, not from a suggestion
    agreement = suggestions.model_agreement(ws)["anna"]
    assert agreement.exact["PER"].matched == 1


def test_next_suggestion_moves_on_and_wraps(ws):
    suggestions.suggest(ws, document_ids=[D000], models=["rules"])
    opened = suggestions.open_suggestions(ws, D000, owner="anna")
    assert suggestions.next_suggestion(ws, D000, -1, owner="anna") == opened[0]
    assert suggestions.next_suggestion(ws, D000, opened[0].start, owner="anna") == opened[1]
    assert suggestions.next_suggestion(ws, D000, opened[-1].start, owner="anna") == opened[0]
    assert suggestions.next_suggestion(ws, D001, 0, owner="anna") is None  # nothing suggested there


def test_answers_refuse_where_nothing_is_open(ws):
    suggestions.suggest(ws, document_ids=[D000], models=["rules"])
    with pytest.raises(NotFound):
        suggestions.accept_suggestion(ws, D000, 0, owner="anna")
    with pytest.raises(NotFound):
        suggestions.accept_label(ws, D000, "PER", owner="anna")
    with pytest.raises(ServiceError):
        suggestions.suggest(ws, models=["spacy"])


def test_suggest_measures_against_gold_when_it_exists(ws):
    from annotator.services import users

    users.add_user(ws, "cora", Role.CURATOR)
    start = at(ws, "Касым-Жомарт Токаев")
    annotating.add_span(ws, D000, start, start + len("Касым-Жомарт Токаев"), "PER", owner=GOLD, user="cora")
    annotating.add_span(ws, D000, 0, 3, "ORG", owner=GOLD, user="cora")
    report = suggestions.suggest(ws, document_ids=[D000])
    assert report.against_gold["PER"].matched == 1 and report.against_gold["PER"].reference == 1
    assert report.against_gold["ORG"].matched == 0 and report.against_gold["ORG"].recall == 0.0


def test_label_studio_predictions_are_suggestions_like_the_models(ws, tmp_path):
    import orjson

    from annotator.services import importing

    text = text_of(ws)
    start = text.index("Ташкенте")
    task = {"id": 1, "data": {"text": text}, "annotations": [], "predictions": [{
        "model_version": "ner-1", "result": [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                                              "value": {"start": start, "end": start + 8, "text": "Ташкенте",
                                                        "labels": ["GPE"]}}]}]}
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    assert importing.import_files(ws, [path], format_id="labelstudio").committed
    (opened,) = suggestions.open_suggestions(ws, D000, owner="anna")
    assert (opened.source, opened.start, opened.label) == ("model:ner-1", start, "GPE")
    suggestions.accept_suggestion(ws, D000, start, owner="anna")
    assert [(s.start, s.label) for s in own(ws).spans] == [(start, "GPE")]
    assert suggestions.suggestion_use(ws)[0].source == "model:ner-1"
