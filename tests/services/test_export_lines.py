"""Export's fast lines (built from the store's rows, no domain object per span) are exactly what
``to_json`` writes for the same document and set, on every kind of text and set."""

from __future__ import annotations

import io

import orjson

from annotator.domain.model import ALL
from annotator.domain.query import DocumentQuery
from annotator.formats.jsonl import to_json
from annotator.services import annotating, claims
from annotator.services.exporting import export, items_to_export
from annotator.services.importing import import_files
from annotator.services.progress import no_progress

TEXTS = {
    "emoji": "🇰🇿 Визит 👍🏽\r\nКасым-Жомарт Токаев прибыл.\r\n«Мирзиёев» встретил \"гостя\" \\ 😀\ttab.\r\n",
    "plain": "Шавкат Мирзиеев провёл переговоры в Ташкенте.",
    "bare": "Документ без разметки.",
}


def old_lines(ws, owner=ALL) -> list[bytes]:
    """What export wrote before: an ExportItem per (document, set), through to_json."""
    scheme = ws.current_scheme()
    items = items_to_export(ws, DocumentQuery(), owner, no_progress, None, [0])
    return [orjson.dumps(to_json(item, scheme)) for item in items]


def test_fast_lines_equal_to_json_on_emoji_crlf_escapes_nesting_attributes_links_and_claims(workspace, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(orjson.dumps({"id": k, "text": v, "meta": {"date": "2025-11-15", "n": 1.5}}) + b"\n"
                              for k, v in TEXTS.items()))
    linked = {"id": "linked", "text": "Токаев и Мирзиёев.", "annotator": "cora", "status": "done",
              "entities": [{"id": "T1", "start": 0, "end": 6, "label": "PER", "text": "Токаев",
                            "entity": "Токаев, Касым-Жомарт"},
                           {"id": "T2", "start": 9, "end": 17, "label": "PER", "text": "Мирзиёев",
                            "entity": "Q\"1\""}]}
    with open(path, "ab") as handle:
        handle.write(orjson.dumps(linked) + b"\n")
    assert import_files(workspace, [path]).committed
    body = TEXTS["emoji"]

    def at(needle, text=body):
        start = text.index(needle)
        return start, start + len(needle)

    add = annotating.add_span
    add(workspace, "emoji", 0, 2, "GPE", owner="anna")  # a flag: 2 code points
    add(workspace, "emoji", *at("Касым-Жомарт Токаев"), "PER", owner="anna",
        attributes={"uncertain": True, "note": "имя «полное»\n"})
    add(workspace, "emoji", *at("Касым-Жомарт"), "PER", owner="anna")  # nested, same start: longer first
    add(workspace, "emoji", *at("Касым-Жомарт"), "ORG", owner="anna")  # same place: by label
    add(workspace, "emoji", *at("\"гостя\" \\ 😀\ttab"), "LOC", owner="anna")  # quotes, backslash, tab
    span = add(workspace, "emoji", *at("Мирзиёев"), "PER", owner="boris").result
    annotating.set_attribute(workspace, span, "uncertain", True, owner="boris")
    text = TEXTS["plain"]
    per = add(workspace, "plain", *at("Шавкат Мирзиеев", text), "PER", owner="anna").result
    claims.add_claim(workspace, "plain", *at("провёл переговоры в Ташкенте", text), "FACT", owner="anna",
                     speaker=per)  # a set with a claim and its SAYS relation
    add(workspace, "plain", *at("Ташкенте", text), "GPE", owner="boris")

    out = io.BytesIO()
    report = export(workspace, out)
    lines = out.getvalue().splitlines()
    assert lines == old_lines(workspace)
    assert report.records == len(lines) == 6  # emoji: anna, boris; plain: anna, boris; bare once; linked
    linked = orjson.loads(lines[-1])  # a linked set goes through the full writer, its entities with it
    assert [e["entity"] for e in linked["entities"]] == ["E1", 'Q"1"']
    assert [(e["name"], e["external_id"]) for e in linked["linked_entities"]] == [
        ("Токаев, Касым-Жомарт", None), ("Мирзиёев", 'Q"1"')]
    anna = orjson.loads(lines[0])
    assert [(e["label"], e["text"]) for e in anna["entities"]] == [
        ("GPE", "🇰🇿"), ("PER", "Касым-Жомарт Токаев"), ("ORG", "Касым-Жомарт"), ("PER", "Касым-Жомарт"),
        ("LOC", "\"гостя\" \\ 😀\ttab")]
    assert anna["entities"][1]["attributes"] == {"uncertain": True, "note": "имя «полное»\n"}
    for owner in ("anna", "boris"):
        out = io.BytesIO()
        export(workspace, out, owner=owner)
        assert out.getvalue().splitlines() == old_lines(workspace, owner)


def test_export_pages_by_keyset_in_the_query_order_through_ties_and_missing_dates(workspace, tmp_path, monkeypatch):
    from annotator.services import exporting

    dates = ["2025-11-02", None, "2025-11-01", "2025-11-02", None, "2025-11-03", "2025-11-02"]
    path = tmp_path / "d.jsonl"
    path.write_bytes(b"".join(orjson.dumps({"id": f"d{n}", "text": f"Текст номер {n}.",
                                            "meta": {"date": date} if date else {}}) + b"\n"
                              for n, date in enumerate(dates)))
    assert import_files(workspace, [path]).committed
    for n in (0, 3, 4, 6):
        annotating.add_span(workspace, f"d{n}", 0, 5, "PER", owner="anna")
    monkeypatch.setattr(exporting, "PAGE", 2)  # pages end inside a run of equal dates and of missing ones
    for query in (DocumentQuery(sort="date"), DocumentQuery(sort="date", descending=True),
                  DocumentQuery(sort="length", descending=True), DocumentQuery(date_from="2025-11-02")):
        with workspace.store.read() as repo:
            expected = repo.document_ids(query)
        out = io.BytesIO()
        report = export(workspace, out, query=query)
        assert [orjson.loads(line)["id"] for line in out.getvalue().splitlines()] == expected
        assert report.documents == len(expected)
        out = io.BytesIO()
        export(workspace, out, query=query, owner="anna")
        assert [orjson.loads(line)["id"] for line in out.getvalue().splitlines()] == [
            i for i in expected if i in {"d0", "d3", "d4", "d6"}]
        items = exporting.items_to_export(workspace, query, ALL, no_progress, None, [0])
        assert [item.document.id for item in items] == expected  # the other formats' walk too


def test_a_set_with_more_spans_than_the_ready_made_local_ids_numbers_them_all(workspace, tmp_path):
    count = 4200  # past the 4,096 local ids made once
    text = "а " * count
    entities = [{"id": f"X{n}", "start": 2 * n, "end": 2 * n + 1, "label": "PER", "text": "а"}
                for n in range(count)]
    path = tmp_path / "many.jsonl"
    path.write_bytes(orjson.dumps({"id": "many", "text": text, "annotator": "anna", "entities": entities}) + b"\n")
    assert import_files(workspace, [path]).committed
    out = io.BytesIO()
    export(workspace, out, owner="anna")
    lines = out.getvalue().splitlines()
    assert lines == old_lines(workspace, "anna")
    assert [e["id"] for e in orjson.loads(lines[0])["entities"]][-2:] == [f"T{count - 1}", f"T{count}"]


def test_sets_holding_only_a_discontinuous_or_an_accepted_span_go_through_the_full_writer(sample_workspace):
    """Each kind of span the fast lines cannot write, alone in its set (no claim to mark the set):
    the page must tell the set whole (migration 0023's partial index) and write what to_json does."""
    from annotator.services import suggestions
    from tests.services.test_repeats import D004, find

    ws = sample_workspace
    start, end = find(ws, D004, "конструктивное сотрудничество")
    span = annotating.add_span(ws, D004, start, start + 14, "EVENT", owner="dora").result
    annotating.add_fragment(ws, span, end - 12, end, owner="dora")
    suggestions.suggest(ws, models=("rules",), document_ids=[D004])
    rule = next(s for s in suggestions.open_suggestions(ws, D004, owner="emil") if s.source == "model:rules")
    suggestions.accept_suggestion(ws, D004, rule.start, owner="emil", place=rule.key)
    for owner, key in (("dora", "fragments"), ("emil", "origin")):
        out = io.BytesIO()
        export(ws, out, owner=owner, document_ids=[D004])
        lines = out.getvalue().splitlines()
        assert lines == [line for line in old_lines(ws, owner) if orjson.loads(line)["id"] == D004]
        (entity,) = orjson.loads(lines[0])["entities"]
        assert entity.get(key), (owner, entity)
