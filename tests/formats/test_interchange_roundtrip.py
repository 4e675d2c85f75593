"""Our corpus -> each other tool's format -> back: the same spans, labels and relations wherever the
format carries them, on texts with emoji and CRLF line ends (offsets never shift), and the export
states once what the format could not carry."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.services import documents, entities, exporting
from annotator.services.importing import import_files
from annotator.services.workspace import Workspace

# Emoji (astral, and a skin-tone modifier) before spans, a CRLF between lines, a nested span.
TEXT_A = ("Президент 😀 Казахстана Касым-Жомарт Токаев прибыл в Ташкент.\r\n"
          "Он встретился с 👍🏽 Шавкатом Мирзиёевым в «Кок-Сарае».\r\n")
TEXT_B = "Глава 🇺🇿 Узбекистана заявил: товарооборот достигнет $10 млрд.\n"


def _at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def _entity(eid: str, text: str, piece: str, label: str, **extra) -> dict:
    start, end = _at(text, piece)
    return {"id": eid, "start": start, "end": end, "label": label, "text": piece, **extra}


def _discontinuous(eid: str, text: str, pieces: list[str], label: str) -> dict:
    """A span of several fragments ("товарооборот … $10 млрд"), its outer bounds around them."""
    fragments = [dict(zip(("start", "end"), _at(text, piece)), text=piece) for piece in pieces]
    start, end = fragments[0]["start"], fragments[-1]["end"]
    return {"id": eid, "start": start, "end": end, "label": label, "text": text[start:end], "fragments": fragments}


def _claim_of(span: dict) -> dict:
    claim = {k: v for k, v in span.items() if k != "label"}
    return {**claim, "type": span["label"]}


def corpus_lines() -> list[dict]:
    a = [
        _entity("T1", TEXT_A, "Президент 😀 Казахстана", "ROLE"),
        _entity("T2", TEXT_A, "Казахстана", "GPE"),
        _entity("T3", TEXT_A, "Касым-Жомарт Токаев", "PER", entity="Wikidata:Q353"),
        _entity("T4", TEXT_A, "Ташкент", "GPE", attributes={"uncertain": True}),
        _entity("T5", TEXT_A, "Шавкатом Мирзиёевым", "PER"),
        _entity("T6", TEXT_A, "Кок-Сарае", "FAC"),
    ]
    claim_start, claim_end = _at(TEXT_A, "Он встретился с 👍🏽 Шавкатом Мирзиёевым")
    b = [_entity("T1", TEXT_B, "Глава 🇺🇿 Узбекистана", "ROLE"), _entity("T2", TEXT_B, "Узбекистана", "GPE"),
         _discontinuous("T3", TEXT_B, ["товарооборот", "$10 млрд"], "EVENT")]
    return [
        {"id": "emoji-crlf", "text": TEXT_A, "annotator": "anna", "status": "done", "entities": a,
         "claims": [{"id": "C1", "start": claim_start, "end": claim_end, "text": TEXT_A[claim_start:claim_end],
                     "type": "FACT", "speaker": "T3", "certainty": "HEDGED", "checkworthy": True,
                     "cue": dict(zip(("start", "end"), _at(TEXT_A, "встретился")), text="встретился")}],
         "relations": [{"id": "R1", "label": "HEAD_OF", "head": "T1", "tail": "T2", "attributes": {"former": True}},
                       {"id": "R2", "label": "SAME_AS", "head": "T3", "tail": "T1"},
                       {"id": "R3", "label": "LOCATED_IN", "head": "T6", "tail": "T4"},
                       {"id": "R4", "label": "ABOUT", "head": "C1", "tail": "T5",
                        "attributes": {"stance": "neutral"}}]},
        {"id": "flag", "text": TEXT_B, "annotator": "anna", "entities": b,
         "claims": [{**_claim_of(_discontinuous("C1", TEXT_B, ["товарооборот", "$10 млрд"], "STAT")),
                     "speaker": "AUTHOR",
                     "quantity": {"value": 1e10, "unit": "USD", "period": "2030"}}],
         "relations": [{"id": "R1", "label": "HEAD_OF", "head": "T1", "tail": "T2"}]},
    ]


@pytest.fixture
def corpus(workspace: Workspace, tmp_path: Path) -> Workspace:
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in corpus_lines()))
    report = import_files(workspace, [source])
    assert report.committed, report.problems
    return workspace


@pytest.fixture
def fresh(tmp_path: Path):
    ws = Workspace.open(str(tmp_path / "fresh.sqlite3"))
    yield ws
    ws.close()


def _sets(workspace: Workspace, doc_id: str) -> dict:
    (aset,) = documents.annotation_sets(workspace, doc_id, "anna")
    text = documents.document(workspace, doc_id).text
    spans = {s.id: s for s in aset.spans}
    return {
        "text": text,
        "spans": sorted((s.start, s.end, s.label, text[s.start:s.end], s.fragments) for s in aset.spans),
        "relations": sorted((r.label, text[spans[r.head].start:spans[r.head].end],
                             text[spans[r.tail].start:spans[r.tail].end]) for r in aset.relations
                            if r.head in spans and r.tail in spans),
        "attributes": sorted((text[s.start:s.end], tuple(sorted(s.attributes.items()))) for s in aset.spans
                             if s.attributes),
        # Relations with attributes, between spans or claims: (type, head's text, tail's text, attributes).
        "relation_attributes": sorted((r.label, _covered(text, aset, r.head), _covered(text, aset, r.tail),
                                       tuple(sorted(r.attributes.items()))) for r in aset.relations if r.attributes),
        # A link is to the store's entity (its id differs from database to database): what it is counts.
        "entities": sorted((text[s.start:s.end], _entity_of(workspace, s.entity)) for s in aset.spans if s.entity),
        "claims": sorted((c.start, c.end, c.type, c.fragments, c.certainty.value, c.checkworthy, c.quantity,
                          c.speaker if c.speaker in (None, "AUTHOR") else text[spans[c.speaker].start:
                                                                               spans[c.speaker].end],
                          None if c.cue is None else text[c.cue.start:c.cue.end]) for c in aset.claims),
    }


def _covered(text: str, aset, node) -> str:
    item = next(x for x in (*aset.spans, *aset.claims) if x.id == node)
    return text[item.start:item.end]


def _entity_of(workspace: Workspace, entity_id: int) -> tuple:
    entity = entities.get_entity(workspace, entity_id)
    return entity.name, entity.external_id


def _export_import(corpus: Workspace, fresh: Workspace, tmp_path: Path, format_id: str):
    if exporting.writes_directory(format_id):
        out = tmp_path / f"out-{format_id}"
        report = exporting.export_to_directory(corpus, out, format_id=format_id, owner="anna")
        source, annotator = out / "anna", "anna"
    else:
        out = tmp_path / f"out.{format_id}"
        report = exporting.export_to_path(corpus, out, format_id=format_id, owner="anna")
        source, annotator = out, ("anna" if format_id == "conll" else None)
    imported = import_files(fresh, [source], format_id=format_id, annotator=annotator)
    assert imported.committed, imported.problems
    return report, imported


CLAIMS_AS_SPANS = ("brat", "labelstudio", "webanno-tsv")


@pytest.mark.parametrize("format_id", ["doccano", "labelstudio", "brat", "webanno-tsv"])
def test_round_trip_keeps_text_spans_and_relations(corpus, fresh, tmp_path, format_id):
    report, imported = _export_import(corpus, fresh, tmp_path, format_id)
    assert imported.documents_added == 2 and imported.sets_added == 2
    for doc_id in ("emoji-crlf", "flag"):
        before, after = _sets(corpus, doc_id), _sets(fresh, doc_id)
        assert after["text"] == before["text"]  # CRLF and emoji kept: the same stored text
        if format_id == "brat":  # brat carries fragments; the others widen a span to its outer bounds
            assert after["spans"] == before["spans"]
        else:
            assert after["spans"] == sorted(span[:4] + ((),) for span in before["spans"])
        assert after["relations"] == before["relations"]
        if format_id == "brat":  # brat carries attributes (A) and entity links (N)
            assert after["attributes"] == before["attributes"] and after["entities"] == before["entities"]
        if format_id in CLAIMS_AS_SPANS:  # claims as spans with attributes, read back as claims
            assert after["claims"] == (before["claims"] if format_id == "brat" else
                                       [c[:3] + ((),) + c[4:] for c in before["claims"]])
        if format_id == "doccano":  # claims as spans of their type; speaker (SAYS) and cue as relations
            assert after["claims"] == [c[:3] + ((), "ASSERTED", False, None, None if c[7] == "AUTHOR" else c[7], c[8])
                                       for c in before["claims"]]
        if format_id in ("brat", "labelstudio", "webanno-tsv"):  # span attributes: A lines, regions, features
            assert after["attributes"] == before["attributes"]
        if format_id == "webanno-tsv":  # the NamedEntity layer's identifier carries the link
            assert after["entities"] == before["entities"]
        if format_id == "brat":  # A lines on R lines, binary and valued, on spans' and claims' relations
            assert after["relation_attributes"] == before["relation_attributes"]
        if format_id == "webanno-tsv":  # relation layer features: the entity layer's relations only (a
            # relation from a claim to a mention crosses layers and is not written, counted)
            assert after["relation_attributes"] == [r for r in before["relation_attributes"] if r[0] != "ABOUT"]
    assert _sets(corpus, "emoji-crlf")["relation_attributes"] == [
        ("ABOUT", "Он встретился с 👍🏽 Шавкатом Мирзиёевым", "Шавкатом Мирзиёевым", (("stance", "neutral"),)),
        ("HEAD_OF", "Президент 😀 Казахстана", "Казахстана", (("former", True),))]
    lost = {"doccano": 2, "labelstudio": 2, "brat": 0, "webanno-tsv": 0}[format_id]
    said = [n for n in report.notices if "attributes of" in n and "relation" in n]
    assert said == ([f"attributes of {lost} relations not written (the format has none for relations)"] if lost else [])
    if format_id in CLAIMS_AS_SPANS:
        assert "2 claims written as spans with attributes (their types as the labels)" in report.notices
        widened = "2 discontinuous spans written as their outer bounds (the format has no fragments)"
    else:  # doccano: claims as bare spans, the two claims' other fields (certainty, the author…) lost
        assert "2 claims written as spans of their types" in report.notices
        assert "2 claims lost fields the format cannot carry (speaker, cue, certainty, check-worthiness, " \
               "quantity or attributes)" in report.notices
        widened = "2 discontinuous spans written as their outer bounds (the format has no fragments)"
    assert (widened in report.notices) is (format_id != "brat")
    assert any(s[4] for s in _sets(corpus, "flag")["spans"])  # the corpus did hold a discontinuous span


def test_doccano_export_counts_utf16_units(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(corpus, out, format_id="doccano", owner="anna")
    line = next(orjson.loads(raw) for raw in out.read_bytes().splitlines() if b'"emoji-crlf"' in raw)
    tokaev = next(e for e in line["entities"] if e["label"] == "PER")
    start, end = _at(TEXT_A, "Касым-Жомарт Токаев")
    assert (tokaev["start_offset"], tokaev["end_offset"]) == (start + 1, end + 1)  # one emoji before: +1 unit
    assert "attributes of 1 span not written" in " ".join(
        exporting.export_to_path(corpus, tmp_path / "again.jsonl", format_id="doccano", owner="anna").notices)


def test_label_studio_export_counts_code_points_and_keeps_predictions_apart(corpus, fresh, tmp_path):
    out = tmp_path / "ls.json"
    exporting.export_to_path(corpus, out, format_id="labelstudio", owner="anna")
    tasks = orjson.loads(out.read_bytes())
    task = next(t for t in tasks if t["data"]["doc_id"] == "emoji-crlf")
    value = next(r["value"] for r in task["annotations"][0]["result"] if r.get("value", {}).get("labels") == ["PER"])
    assert TEXT_A[value["start"]:value["end"]] == value["text"]  # code points
    # The same result as a prediction becomes the model's set, not an annotator's.
    task["predictions"] = [{"model_version": "ner-1", "result": task.pop("annotations")[0]["result"]}]
    out.write_bytes(orjson.dumps([task]))
    report = import_files(fresh, [out])
    assert report.committed, report.problems
    assert documents.annotation_sets(fresh, "emoji-crlf", "anna") == []
    (model,) = documents.annotation_sets(fresh, "emoji-crlf", "model:ner-1")
    assert len(model.spans) == 6 and len(model.claims) == 1 and len(model.relations) == 5  # SAYS comes back


def test_conll_round_trip_keeps_outermost_spans_and_says_what_it_lost(corpus, fresh, tmp_path):
    report, imported = _export_import(corpus, fresh, tmp_path, "conll")
    assert "2 nested spans not written (only the outermost are)" in report.notices
    assert "1 discontinuous span written as its outer bounds (the format has no fragments)" in report.notices
    assert any("relation" in n and "not written" in n for n in report.notices)
    assert any("built from its tokens" in n.message for n in imported.notices)
    texts = {}
    for summary in documents.iter_summaries(fresh):
        (aset,) = documents.annotation_sets(fresh, summary.id, "anna")
        text = documents.document(fresh, summary.id).text
        texts[summary.id] = sorted((text[s.start:s.end], s.label) for s in aset.spans)
    # The text is rebuilt from razdel tokens joined by spaces; the outermost spans keep their tokens.
    assert sorted(texts.values()) == sorted([
        sorted([("Президент 😀 Казахстана", "ROLE"), ("Касым-Жомарт Токаев", "PER"), ("Ташкент", "GPE"),
                ("Шавкатом Мирзиёевым", "PER"), ("Кок-Сарае", "FAC")]),
        [("Глава 🇺🇿 Узбекистана", "ROLE"), ("товарооборот достигнет $ 10 млрд", "EVENT")],  # razdel splits "$10"
    ])


def test_directory_export_never_replaces_a_directory(corpus, tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(exporting.ServiceError, match="already exists"):
        exporting.export_to_directory(corpus, target, format_id="brat")
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".taken")]  # no partial left behind


def test_label_studio_writes_one_task_per_document_with_a_models_set_as_its_prediction(corpus, fresh, tmp_path):
    line = {**corpus_lines()[1], "annotator": "model:ner-2", "status": "new"}
    source = tmp_path / "model.jsonl"
    source.write_bytes(orjson.dumps(line) + b"\n")
    assert import_files(corpus, [source]).committed
    out = tmp_path / "all.json"
    exporting.export_to_path(corpus, out, format_id="labelstudio")
    tasks = orjson.loads(out.read_bytes())
    assert [t["data"]["doc_id"] for t in tasks] == ["emoji-crlf", "flag"]
    flag = tasks[1]
    assert [a["completed_by"]["email"] for a in flag["annotations"]] == ["anna"]
    assert [p["model_version"] for p in flag["predictions"]] == ["ner-2"]
    report = import_files(fresh, [out])
    assert report.committed and report.sets_added == 3
    assert [s.owner for s in documents.annotation_sets(fresh, "flag")] == ["anna", "model:ner-2"]


def test_conll_levels_writes_nested_spans_one_column_per_level_and_reads_them_back(corpus, fresh, tmp_path):
    out = tmp_path / "levels.conll"
    report = exporting.export_to_path(corpus, out, format_id="conll-levels", owner="anna")
    assert not any("nested" in n for n in report.notices)
    rows = [line.split("\t") for line in out.read_text().splitlines() if line and not line.startswith("-DOCSTART-")]
    assert {len(r) for r in rows} == {3}  # token and two levels: "Казахстана" inside "Президент 😀 Казахстана"
    assert ["Казахстана", "I-ROLE", "B-GPE"] in rows
    imported = import_files(fresh, [out], format_id="conll-levels", annotator="anna")
    assert imported.committed, imported.problems
    texts = []
    for summary in documents.iter_summaries(fresh):
        (aset,) = documents.annotation_sets(fresh, summary.id, "anna")
        text = documents.document(fresh, summary.id).text
        texts.append(sorted((text[s.start:s.end], s.label) for s in aset.spans))
    assert sorted(texts) == sorted([
        sorted([("Президент 😀 Казахстана", "ROLE"), ("Казахстана", "GPE"), ("Касым-Жомарт Токаев", "PER"),
                ("Ташкент", "GPE"), ("Шавкатом Мирзиёевым", "PER"), ("Кок-Сарае", "FAC")]),
        sorted([("Глава 🇺🇿 Узбекистана", "ROLE"), ("Узбекистана", "GPE"),
                ("товарооборот достигнет $ 10 млрд", "EVENT")]),
    ])
