"""What the other tools' formats now write too, each round-tripped: notes as brat ``#`` lines, claims
in doccano and CoNLL (levels), span attributes as WebAnno TSV features."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
import pytest

from annotator.domain.scheme import AttributeDef
from annotator.services import documents, exporting, notes, schemes
from annotator.services.importing import import_files
from annotator.services.workspace import Workspace

from test_interchange_roundtrip import TEXT_A, _export_import, _sets, corpus, corpus_lines, fresh  # noqa: F401


def _span(workspace: Workspace, doc_id: str, covered: str) -> int:
    (aset,) = documents.annotation_sets(workspace, doc_id, "anna")
    text = documents.document(workspace, doc_id).text
    return next(s.id for s in (*aset.spans, *aset.claims) if text[s.start:s.end] == covered)


def test_brat_writes_notes_as_hash_lines_and_reads_them_back(corpus, fresh, tmp_path):
    notes.add_note(corpus, "emoji-crlf", owner="anna", text="проверить\nимя", target_id=_span(
        corpus, "emoji-crlf", "Касым-Жомарт Токаев"))
    claim = next(c.id for c in documents.annotation_sets(corpus, "emoji-crlf", "anna")[0].claims)
    notes.add_note(corpus, "emoji-crlf", owner="anna", text="источник?", target_id=claim)
    notes.add_note(corpus, "emoji-crlf", owner="anna", text="весь текст")  # on the document: brat has no place
    notes.add_note(corpus, "flag", owner="anna", unsure=True, target_id=_span(corpus, "flag", "Узбекистана"))
    report, imported = _export_import(corpus, fresh, tmp_path, "brat")
    ann = (tmp_path / "out-brat" / "anna" / "emoji-crlf.ann").read_text()
    assert "AnnotatorNotes" in ann and "\tпроверить имя\n" in ann  # one line
    assert "2 notes not written (on the document, or without text)" in report.notices
    assert imported.notes == 2
    kept = {(n.target_label, n.text, n.target_end - n.target_start) for n in notes.notes(fresh, owner="anna")}
    assert kept == {("PER", "проверить имя", len("Касым-Жомарт Токаев")),
                    ("FACT", "источник?", len("Он встретился с 👍🏽 Шавкатом Мирзиёевым"))}


def test_doccano_writes_claims_as_spans_with_speaker_and_cue_relations(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(corpus, out, format_id="doccano", owner="anna")
    line = orjson.loads(out.read_bytes().splitlines()[0])
    labels = {e["id"]: e["label"] for e in line["entities"]}
    assert sorted(labels.values()).count("FACT") == 1 and "CUE" in labels.values()
    relations = {(labels[r["from_id"]], r["type"], labels[r["to_id"]]) for r in line["relations"]}
    assert {("PER", "SAYS", "FACT"), ("FACT", "CUE", "CUE")} <= relations


def test_conll_levels_writes_claims_as_spans_of_their_type(corpus, fresh, tmp_path):
    out = tmp_path / "levels.conll"
    report = exporting.export_to_path(corpus, out, format_id="conll-levels", owner="anna")
    assert "2 claims written as spans of their types" in report.notices
    assert any(n.startswith("2 claims lost fields") for n in report.notices)
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert ["Он", "B-FACT", "O"] in rows and ["Шавкатом", "I-FACT", "B-PER"] in rows
    assert import_files(fresh, [out], format_id="conll-levels", annotator="anna").committed
    claims = []
    for summary in documents.iter_summaries(fresh):
        (aset,) = documents.annotation_sets(fresh, summary.id, "anna")
        text = documents.document(fresh, summary.id).text
        claims += [(text[c.start:c.end], c.type) for c in aset.claims]
    assert sorted(claims) == [("Он встретился с 👍🏽 Шавкатом Мирзиёевым", "FACT"),
                              ("товарооборот достигнет $ 10 млрд", "STAT")]


def test_plain_conll_says_how_many_claims_it_left_out(corpus, tmp_path):
    report = exporting.export_to_path(corpus, tmp_path / "plain.conll", format_id="conll", owner="anna")
    assert "2 claims not written (the format has no claims)" in report.notices


@pytest.fixture
def with_attributes(workspace: Workspace, tmp_path: Path) -> Workspace:
    """The default scheme with a choice and a text attribute beside its boolean one."""
    scheme = workspace.current_scheme()
    attributes = (*scheme.attributes, AttributeDef("role", "choice", ("host", "guest")),
                  AttributeDef("comment", "text"))
    schemes.replace_scheme(workspace, dataclasses.replace(scheme, attributes=attributes), user="anna")
    lines = corpus_lines()
    entity = lines[0]["entities"][4]  # Шавкатом Мирзиёевым
    entity["attributes"] = {"role": "guest", "comment": "в «Кок-Сарае» | второй раз", "uncertain": True}
    lines[0]["claims"][0]["attributes"] = {"comment": "со слов"}
    source = tmp_path / "attrs.jsonl"
    source.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    assert import_files(workspace, [source]).committed
    return workspace


def test_webanno_tsv_writes_span_attributes_as_features_and_reads_them_back(with_attributes, tmp_path):
    out = tmp_path / "tsv"
    report = exporting.export_to_directory(with_attributes, out, format_id="webanno-tsv", owner="anna")
    assert not any("attributes of" in n for n in report.notices), report.notices
    tsv = (out / "anna" / "emoji-crlf.tsv").read_text()
    assert "NamedEntity|identifier|value|comment|role|uncertain\n" in tsv
    row = next(line.split("\t") for line in tsv.splitlines() if "\tМирзиёевым\t" in line)
    # identifier, value, then the features: each value with its span's id, a reserved "|" escaped
    assert row[3:8] == ["*[5]", "PER[5]", "в «Кок-Сарае» \\| второй раз[5]", "guest[5]", "true[5]"]
    fresh = Workspace.open(str(tmp_path / "fresh.sqlite3"))
    try:
        schemes.replace_scheme(fresh, with_attributes.current_scheme(), user="anna")
        imported = import_files(fresh, [out / "anna"], format_id="webanno-tsv", annotator="anna")
        assert imported.committed, imported.problems
        for doc_id in ("emoji-crlf", "flag"):
            before, after = _sets(with_attributes, doc_id), _sets(fresh, doc_id)
            assert after["attributes"] == before["attributes"]
        (aset,) = documents.annotation_sets(fresh, "emoji-crlf", "anna")
        assert [c.attributes for c in aset.claims] == [{"comment": "со слов"}]
    finally:
        fresh.close()


def test_webanno_tsv_reads_only_the_features_the_scheme_has(workspace, tmp_path):
    path = tmp_path / "doc.tsv"
    path.write_text("#FORMAT=WebAnno TSV 3.3\n"
                    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value|uncertain|modifier\n"
                    "\n\n#Text=Токаев прибыл .\n"
                    "1-1\t0-6\tТокаев\t*\tPER\ttrue\tsomething\n1-2\t7-13\tприбыл\t_\t_\t_\t_\n"
                    "1-3\t14-15\t.\t_\t_\t_\t_\n")
    report = import_files(workspace, [path], format_id="webanno-tsv", annotator="anna")
    assert report.committed, report.problems
    (aset,) = documents.annotation_sets(workspace, "doc", "anna")
    assert [(s.label, s.attributes) for s in aset.spans] == [("PER", {"uncertain": True})]


def test_two_spans_of_one_label_and_bounds_with_other_fragments_are_both_imported(workspace, tmp_path):
    """NEREL's two AWARDs share their first fragment and differ in the last; here two share their
    outer bounds too, which a set now holds (migration 0015), while an exact repeat is read once."""
    text = "Орден Почёта и орден Дружбы вручены.\n"
    (tmp_path / "doc.txt").write_text(text)
    (tmp_path / "doc.ann").write_text("T1\tAWARD 0 5;21 27\tОрден Дружбы\n"
                                      "T2\tAWARD 0 12;21 27\tОрден Почёта Дружбы\n"
                                      "T3\tAWARD 0 5;21 27\tОрден Дружбы\n"
                                      "#1\tAnnotatorNotes T3\tповтор\n")
    scheme = workspace.current_scheme()
    schemes.replace_scheme(workspace, dataclasses.replace(scheme, entities=(
        *scheme.entities, dataclasses.replace(scheme.entities[0], name="AWARD", hotkey=""))), user="anna")
    report = import_files(workspace, [tmp_path / "doc.ann"], format_id="brat", annotator="anna")
    assert report.committed, report.problems
    (aset,) = documents.annotation_sets(workspace, "doc", "anna")
    assert sorted(s.fragments for s in aset.spans) == [((0, 5), (21, 27)), ((0, 12), (21, 27))]
    assert any("1 repeated annotation read once" in n.message for n in report.notices)
    (note,) = notes.notes(workspace, owner="anna")  # the repeat's note goes to the span it repeats
    assert note.text == "повтор"
