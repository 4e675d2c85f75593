"""Each other tool's reader on small files in the shapes those tools write (see the real ones'
provenance in the shared formats folder): offsets in their units, CRLF and emoji texts, problems
named by file and line, all or nothing unless bad records are skipped."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import Notice, Record
from annotator.formats.brat import BratFormat
from annotator.formats.conll import ConllFormat
from annotator.formats.doccano import DoccanoFormat
from annotator.formats.labelstudio import LabelStudioFormat
from annotator.formats.registry import detect
from annotator.formats.webanno_tsv import WebannoTsvFormat
from annotator.services import documents
from annotator.services.importing import import_files
from annotator.services.workspace import default_scheme_body


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


def read(fmt, path: Path, scheme: Scheme, annotator: str | None = "anna"):
    items = list(fmt.read(path, scheme, annotator))
    return ([i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Problem)],
            [i.message for i in items if isinstance(i, Notice)])


def spans_of(record: Record) -> list[tuple[str, str]]:
    text = record.document.text
    return sorted((text[s.start:s.end], s.label) for s in record.annotations.spans)


def jsonl(path: Path, *lines: dict) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


# ------------------------------------------------------------------ doccano
def test_doccano_sequence_shape_counts_utf16_units(tmp_path, scheme):
    # "😀" is two UTF-16 units: doccano's Токаев starts at unit 3, code point 2.
    path = jsonl(tmp_path / "seq.jsonl", {"text": "😀 Токаев прибыл в Ташкент", "label": [[3, 9, "PER"], [19, 26, "GPE"]]})
    (record,), problems, _ = read(DoccanoFormat(), path, scheme)
    assert not problems
    assert spans_of(record) == [("Ташкент", "GPE"), ("Токаев", "PER")]
    assert detect(path).id == "doccano"


def test_doccano_relation_shape_refers_to_entity_ids_of_its_line(tmp_path, scheme):
    text = "Президент Казахстана Токаев"
    path = jsonl(tmp_path / "rel.jsonl", {
        "id": 7, "text": text, "source_url": "x",
        "entities": [{"id": 101, "start_offset": 0, "end_offset": 9, "label": "ROLE"},
                     {"id": 102, "start_offset": 10, "end_offset": 20, "label": "GPE"}],
        "relations": [{"id": 5, "from_id": 101, "to_id": 102, "type": "HEAD_OF"}]})
    (record,), problems, _ = read(DoccanoFormat(), path, scheme)
    assert not problems and record.document.id == "7" and record.document.meta["source_url"] == "x"
    (relation,) = record.annotations.relations
    assert (relation.label, relation.head, relation.tail) == ("HEAD_OF", 101, 102)


def test_doccano_crlf_counted_as_one_is_recognised_and_said(tmp_path, scheme):
    text = "Москва\r\nТокаев прибыл"
    path = jsonl(tmp_path / "crlf.jsonl", {"text": text, "label": [[7, 13, "PER"]]})  # CRLF as one
    (record,), problems, notices = read(DoccanoFormat(), path, scheme)
    assert not problems and spans_of(record) == [("Токаев", "PER")]
    assert any("CRLF as one character" in n for n in notices)
    path = jsonl(tmp_path / "crlf2.jsonl", {"text": text, "label": [[8, 14, "PER"]]})  # CRLF as two
    (record,), problems, notices = read(DoccanoFormat(), path, scheme)
    assert spans_of(record) == [("Токаев", "PER")] and not notices


def test_doccano_problems_name_file_and_line_and_import_is_all_or_nothing(tmp_path, workspace, scheme):
    path = jsonl(tmp_path / "bad.jsonl",
                 {"id": "ok", "text": "Токаев", "label": [[0, 6, "PER"]]},
                 {"id": "bad", "text": "Токаев", "label": [[0, 6, "PERSON"]]},
                 {"id": "v1", "text": "Токаев", "annotations": [{"label": 3, "start_offset": 0, "end_offset": 6}]},
                 {"id": "rel", "text": "Токаев", "entities": [{"id": 1, "start_offset": 0, "end_offset": 6,
                                                                 "label": "PER"}],
                  "relations": [{"from_id": 1, "to_id": 9, "type": "SAME_AS"}]})
    report = import_files(workspace, [path], format_id="doccano", annotator="anna")
    assert not report.committed and documents.iter_summaries(workspace) and not list(
        documents.iter_summaries(workspace))
    messages = [str(p) for p in report.problems]
    assert messages[0] == f"{path}:2: span s0: unknown label 'PERSON'"
    assert messages[1].startswith(f"{path}:3: span a0: label 3 is not a label name")
    assert messages[2].startswith(f"{path}:4: relation 0: refers to a span that is not on this line")
    report = import_files(workspace, [path], format_id="doccano", annotator="anna", skip_bad=True)
    assert report.committed and [d.id for d in documents.iter_summaries(workspace)] == ["ok"]


def test_doccano_needs_an_annotator(tmp_path, scheme):
    path = jsonl(tmp_path / "seq.jsonl", {"text": "Токаев", "label": [[0, 6, "PER"]]})
    _, (problem,), _ = read(DoccanoFormat(), path, scheme, annotator=None)
    assert "pass --annotator" in problem.message and problem.line == 1


# ------------------------------------------------------------------ Label Studio
def _task(text: str, result: list, key: str = "annotations", **extra) -> dict:
    return {"id": 1, "data": {"text": text}, key: [{"id": 1001, "completed_by": 3, "result": result, **extra}]}


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def test_label_studio_code_points_relations_and_completions(tmp_path, scheme):
    text = "👍🏽 Президент Казахстана\r\nТокаев"
    result = [_region("a", 5, 14, "Президент", "ROLE"), _region("b", 15, 25, "Казахстана", "GPE"),
              {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["HEAD_OF"]}]
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([_task(text, result), _task(text, result[:1], key="completions")]))
    records, problems, _ = read(LabelStudioFormat(), path, scheme, annotator=None)
    assert not problems and [r.annotations.owner for r in records] == ["labelstudio-3", "labelstudio-3"]
    assert spans_of(records[0]) == [("Казахстана", "GPE"), ("Президент", "ROLE")]
    assert records[0].annotations.relations[0].label == "HEAD_OF"
    assert detect(path).id == "labelstudio"


def test_label_studio_old_utf16_export_is_converted_by_its_covered_text(tmp_path, scheme):
    text = "😀 Токаев"
    path = tmp_path / "old.json"
    path.write_bytes(orjson.dumps(_task(text, [_region("a", 3, 9, "Токаев", "PER")])))  # UTF-16 units
    (record,), problems, notices = read(LabelStudioFormat(), path, scheme)
    assert not problems and spans_of(record) == [("Токаев", "PER")]
    assert any("UTF-16" in n for n in notices)


def test_label_studio_problems_name_the_task_line(tmp_path, scheme):
    good = _task("Токаев", [_region("a", 0, 6, "Токаев", "PER")])
    bad = _task("Токаев прибыл", [_region("a", 1, 7, "Токаев", "PER"),
                                  {"from_id": "a", "to_id": "zz", "type": "relation", "labels": ["SAME_AS"]}])
    path = tmp_path / "tasks.json"
    path.write_text("[\n" + orjson.dumps(good).decode() + ",\n" + orjson.dumps(bad).decode() + "\n]\n")
    records, problems, _ = read(LabelStudioFormat(), path, scheme)
    assert len(records) == 1 and {p.line for p in problems} == {3}
    assert "does not match the document's 'окаев '" in problems[0].message
    assert "not in this annotation" in problems[1].message


def test_label_studio_cancelled_annotations_are_skipped(tmp_path, scheme):
    path = tmp_path / "t.json"
    path.write_bytes(orjson.dumps(_task("Токаев", [_region("a", 0, 6, "Токаев", "PER")], was_cancelled=True)))
    (record,), problems, notices = read(LabelStudioFormat(), path, scheme)
    assert record.annotations is None and not problems and "cancelled" in notices[0]


# ------------------------------------------------------------------ brat
BRAT_TEXT = "Президент Казахстана\r\nКасым-Жомарт Токаев прибыл в Ташкент на саммит.\r\n"


def _brat(folder: Path, ann: str, text: str = BRAT_TEXT) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "doc.txt").write_bytes(text.encode())
    (folder / "doc.ann").write_bytes(ann.encode())
    return folder / "doc.ann"


def _brat_ann(crlf_width: int) -> str:
    def at(piece: str) -> tuple[int, int]:
        start = BRAT_TEXT.index(piece)
        shift = (crlf_width - 2) * BRAT_TEXT.count("\r\n", 0, start)
        return start + shift, start + shift + len(piece)
    role, gpe, per, city, summit = (at(p) for p in ("Президент", "Казахстана", "Касым-Жомарт Токаев", "Ташкент",
                                                    "саммит"))
    return (f"T1\tROLE {role[0]} {role[1]}\tПрезидент\n"
            f"T2\tGPE {gpe[0]} {gpe[1]}\tКазахстана\n"
            f"T3\tPER {per[0]} {per[0] + 5};{per[1] - 6} {per[1]}\tКасым Токаев\n"
            f"R1\tHEAD_OF Arg1:T1 Arg2:T2\t\n"
            f"T4\tGPE {city[0]} {city[1]}\tТашкент\n"
            f"T5\tEVENT {summit[0]} {summit[1]}\tсаммит\n"
            f"E1\tEVENT:T5 LOCATED_IN:T4\n"
            f"A1\tuncertain T4\n"
            f"N1\tReference T3 Wikidata:Q353\tТокаев\n"
            f"#1\tAnnotatorNotes T3\tcheck the name\n"
            f"*\tSAME_AS T3 T1\n")


@pytest.mark.parametrize("crlf_width, rule", [(1, "CRLF as one character"), (2, "CRLF as two characters")])
def test_brat_reads_either_crlf_rule_by_the_covered_text(tmp_path, scheme, crlf_width, rule):
    path = _brat(tmp_path / "corpus", _brat_ann(crlf_width))
    (record,), problems, notices = read(BratFormat(), path, scheme)
    assert not problems, problems
    assert record.document.text == BRAT_TEXT  # CRLF kept
    assert spans_of(record) == [("Казахстана", "GPE"), ("Касым-Жомарт Токаев", "PER"), ("Президент", "ROLE"),
                                ("Ташкент", "GPE"), ("саммит", "EVENT")]
    spans = {s.id: s for s in record.annotations.spans}
    assert spans["T3"].entity == "Wikidata:Q353" and spans["T4"].attributes == {"uncertain": True}
    assert sorted((r.label, r.head, r.tail) for r in record.annotations.relations) == [
        ("HEAD_OF", "T1", "T2"), ("LOCATED_IN", "T5", "T4"), ("SAME_AS", "T3", "T1")]
    assert any(rule in n for n in notices)
    assert not any("widened" in n for n in notices)
    per = spans["T3"]  # "Касым … Токаев": two fragments, the outer bounds around them
    assert [BRAT_TEXT[a:b] for a, b in per.fragments] == ["Касым", "Токаев"]
    assert (per.start, per.end) == (per.fragments[0][0], per.fragments[-1][1])
    assert any("1 event read as its trigger span" in n for n in notices)
    assert record.notes == (("T3", "check the name"),)  # brat's # note, on its span
    assert not any("notes" in n for n in notices)


def test_brat_notes_go_into_the_sets_notes_in_the_same_import(tmp_path, workspace):
    folder = tmp_path / "corpus"
    _brat(folder, "T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\nR1\tHEAD_OF Arg1:T1 Arg2:T2\t\n"
                  "#1\tAnnotatorNotes T2\tWikidata?\n#2\tAnnotatorNotes R1\ton a relation\n")
    report = import_files(workspace, [folder], annotator="anna")
    assert report.committed and report.notes == 1 and report.changes.notes
    assert any("1 notes on relations (or empty) not kept" in n.message for n in report.notices)
    from annotator.services import notes

    (note,) = notes.notes(workspace, owner="anna")
    assert (note.text, note.target_label, note.target_start, note.target_end) == ("Wikidata?", "GPE", 10, 20)
    # undoing the import takes the notes with the sets
    from annotator.services import history

    history.undo(workspace, owner="anna")
    assert notes.notes(workspace, owner="anna") == []


def test_brat_annotation_conf_is_a_proposal_said_and_not_applied(tmp_path, workspace):
    folder = tmp_path / "corpus"
    _brat(folder, "T1\tTITLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\nR1\tTITLE_OF Arg1:T1 Arg2:T2\t\n"
                  "A1\tPolarity R1 Neg\n")
    (folder / "annotation.conf").write_text(
        "[entities]\n!Group\n\tTITLE\nGPE\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        "TITLE_OF\tArg1:TITLE, Arg2:GPE\nLOCATED_IN\tArg1:TITLE, Arg2:GPE\n[events]\n"
        "Visit\tVisitor-Arg1:TITLE, Place-Arg:<ENTITY>\n[attributes]\nNegated\tArg:<EVENT>\n"
        "Polarity\tArg:<RELATION>, Value:Pos|Neg\n")
    from annotator.services import schemes

    report = import_files(workspace, [folder], annotator="anna")
    assert not report.committed  # TITLE is not ours, and the import does not change the scheme
    (said,) = [n.message for n in report.notices if n.file.endswith("annotation.conf")]
    assert "2 labels, 4 relation types and 2 attributes are not in the scheme in force" in said
    proposal = schemes.brat_proposal(workspace, folder / "annotation.conf")
    assert proposal.labels == ("TITLE", "Visit")
    assert proposal.relations == ("TITLE_OF", "Visitor-Arg", "Place-Arg") and proposal.widened == ("LOCATED_IN",)
    assert proposal.attributes == ("Negated", "Polarity") and proposal.left == ()
    polarity = proposal.scheme.attribute("Polarity")  # Arg:<RELATION>: every relation type's, no span's
    assert polarity.choices == ("Pos", "Neg") and "TITLE_OF" in polarity.relations and polarity.labels == ()
    assert proposal.scheme.relation("Visitor-Arg").heads == ("Visit",)
    assert set(proposal.scheme.relation("Place-Arg").tails) == {"TITLE", "GPE"}
    assert "TITLE" in proposal.scheme.relation("LOCATED_IN").heads
    assert workspace.current_scheme().entity("TITLE") is None  # only shown

    schemes.adopt_brat_proposal(workspace, folder / "annotation.conf", user="anna")
    assert workspace.current_scheme().entity("TITLE") is not None
    report = import_files(workspace, [folder], annotator="anna")
    assert report.committed, report.problems
    (aset,) = documents.annotation_sets(workspace, "doc", "anna")
    assert [(r.label, r.attributes) for r in aset.relations] == [("TITLE_OF", {"Polarity": "Neg"})]


def test_brat_directory_is_detected_and_mismatches_name_their_line(tmp_path, workspace):
    folder = tmp_path / "corpus"
    _brat(folder, "T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстан\n")
    report = import_files(workspace, [folder], annotator="anna")
    assert not report.committed
    assert [str(p) for p in report.problems] == [
        f"{folder / 'doc.ann'}:2: span T2: text 'Казахстан' does not match the document's 'Казахстана'"]
    _brat(folder, "T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\n")
    (folder / "readme.txt").write_text("not a document of the collection")
    report = import_files(workspace, [folder], annotator="anna")
    assert report.committed and report.documents_added == 1 and report.spans == 2
    # both spans lie before the first CRLF: either rule fits, so no rule is claimed
    assert [n.message for n in report.notices] == ["a text without its .ann beside it: not read"]


# ------------------------------------------------------------------ CoNLL
def test_conll_iob1_biluo_columns_and_docstart(tmp_path, scheme):
    path = tmp_path / "mixed.conll"
    path.write_text("-DOCSTART- -X- O O\n\n"
                    "Касым-Жомарт NNP _ I-PER\nТокаев NNP _ I-PER\nприбыл VB _ O\nв IN _ O\n"
                    "Ташкент NNP _ B-GPE\n. . _ O\n\n"
                    "-DOCSTART- -X- O O\n\n"
                    "Президент\tU-ROLE\nКазахстана\tU-GPE\n\nГлава\tB-ROLE\nгосударства\tL-ROLE\n")
    records, problems, notices = read(ConllFormat(), path, scheme)
    assert not problems and len(records) == 2
    assert records[0].document.text == "Касым-Жомарт Токаев прибыл в Ташкент ."
    assert spans_of(records[0]) == [("Касым-Жомарт Токаев", "PER"), ("Ташкент", "GPE")]
    assert records[1].document.text == "Президент Казахстана\nГлава государства"
    assert spans_of(records[1]) == [("Глава государства", "ROLE"), ("Казахстана", "GPE"), ("Президент", "ROLE")]
    assert any("built from its tokens" in n for n in notices)
    assert detect(path).id == "conll"


def test_conll_bad_tags_and_labels_name_their_line(tmp_path, scheme):
    path = tmp_path / "bad.iob"
    path.write_text("Токаев\tB-PER\nприбыл\tX-Y\n")
    _, (problem,), _ = read(ConllFormat(), path, scheme)
    assert (problem.line, problem.message) == (2, "tag 'X-Y' is not O, B-X, I-X, L-X, E-X, U-X or S-X")
    path.write_text("Токаев\tB-PERSON\n")
    _, (problem,), _ = read(ConllFormat(), path, scheme)
    assert problem.line == 1 and "unknown label 'PERSON'" in problem.message


# ------------------------------------------------------------------ WebAnno TSV 3
TSV = """#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_RL=webanno.custom.Relation|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=😊 Президент Казахстана
1-1\t0-2\t😊\t_\t_\t_\t_\t
1-2\t3-12\tПрезидент\t*[1]\tROLE[1]\t_\t_\t
1-3\t13-23\tКазахстана\t*[1]|Q232[2]\tROLE[1]|GPE[2]\tHEAD_OF\t1-2[1_2]\t

#Text=Токаев \\[КЖТ\\]
2-1\t24-30\tТокаев\t_\tPER\t_\t_\t
2-2\t31-36\t\\[КЖТ\\]\t_\t_\t_\t_\t
"""


def test_webanno_tsv_utf16_offsets_stacked_multi_token_relations_and_escaping(tmp_path, scheme):
    path = tmp_path / "doc.tsv"
    path.write_text(TSV)
    (record,), problems, _ = read(WebannoTsvFormat(), path, scheme)
    assert not problems, problems
    assert record.document.text == "😊 Президент Казахстана\nТокаев [КЖТ]"
    assert spans_of(record) == [("Казахстана", "GPE"), ("Президент Казахстана", "ROLE"), ("Токаев", "PER")]
    spans = {s.id: s for s in record.annotations.spans}
    (relation,) = record.annotations.relations
    assert (relation.label, spans[relation.head].label, spans[relation.tail].label) == ("HEAD_OF", "ROLE", "GPE")
    assert spans[relation.tail].entity == "Q232"
    assert detect(path).id == "webanno-tsv"


def test_webanno_tsv_token_that_does_not_match_its_offsets_is_refused(tmp_path, scheme):
    path = tmp_path / "doc.tsv"
    path.write_text(TSV.replace("1-2\t3-12\t", "1-2\t2-11\t"))  # code points, not UTF-16
    _, problems, _ = read(WebannoTsvFormat(), path, scheme)
    assert problems and problems[0].line == 8 and "does not match" in problems[0].message


@pytest.mark.parametrize("format_id, suffix", [("conll", ".conll"), ("labelstudio", ".json"),
                                               ("webanno-tsv", ".tsv")])
def test_invalid_utf8_is_placed_at_its_line_and_byte(tmp_path: Path, format_id: str, suffix: str) -> None:
    from annotator.formats import registry
    from annotator.services.workspace import default_scheme_body

    path = tmp_path / f"bad{suffix}"
    path.write_bytes(b"\xef\xbb\xbffirst line\nsec\xffond\n")
    (problem,) = list(registry.get(format_id).read(path, Scheme.from_dict(default_scheme_body())))
    assert isinstance(problem, Problem)
    assert (problem.line, problem.message) == (2, "invalid UTF-8 at byte 3 of the line: invalid start byte")


# ------------------------------------------------------- Label Studio extras
def test_label_studio_json_min_reads_each_annotators_regions(tmp_path, scheme):
    text = "Президент Казахстана Токаев"
    path = tmp_path / "min.json"
    path.write_bytes(orjson.dumps([
        {"id": 3, "text": text, "label": [{"start": 10, "end": 20, "text": "Казахстана", "labels": ["GPE"]},
                                          {"start": 21, "end": 27, "text": "Токаев", "labels": ["PER"]}],
         "annotator": "anna@example.org", "annotation_id": 7, "lead_time": 3.5},
        {"id": 3, "text": text, "label": [{"start": 21, "end": 27, "text": "Токаев", "labels": ["PER"]}],
         "annotator": 2, "annotation_id": 8},
    ]))
    assert detect(path).id == "labelstudio"
    records, problems, _ = read(LabelStudioFormat(), path, scheme, None)
    assert not problems
    assert [(r.annotations.owner, spans_of(r)) for r in records] == [
        ("anna@example.org", [("Казахстана", "GPE"), ("Токаев", "PER")]), ("labelstudio-2", [("Токаев", "PER")])]
    assert records[0].document.text == text


def test_label_studio_relation_in_both_directions_is_two_relations(tmp_path, scheme):
    text = "Токаев встретился с Мирзиёевым"
    region = lambda rid, s, e, label: {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",  # noqa: E731
                                       "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]}}
    path = tmp_path / "bi.json"
    path.write_bytes(orjson.dumps([{"data": {"text": text}, "annotations": [{"completed_by": {"email": "anna"}, "result": [
        region("a", 0, 6, "PER"), region("b", 20, 30, "PER"),
        {"type": "relation", "from_id": "a", "to_id": "b", "direction": "bi", "labels": ["SAME_AS"]}]}]}]))
    (record,), problems, notices = read(LabelStudioFormat(), path, scheme, None)
    assert not problems
    assert sorted((r.head, r.tail) for r in record.annotations.relations) == [("a", "b"), ("b", "a")]
    assert any("1 relation in both directions read as two relations" in n for n in notices)


@pytest.mark.parametrize("emoji", ["👍🏽", "👨‍👩‍👧", "🇺🇿"])
def test_doccano_grapheme_offsets_count_an_emoji_sequence_as_one(tmp_path, scheme, emoji):
    text = f"Глава {emoji} Узбекистана Шавкат Мирзиёев заявил\r\nТокаев {emoji} прибыл в Ташкент"
    want = ["Узбекистана", "Шавкат Мирзиёев", "Токаев", "Ташкент"]
    graphemes = {"👍🏽": 1, "👨‍👩‍👧": 1, "🇺🇿": 1}[emoji]
    spans = []
    for piece, label in zip(want, ["GPE", "PER", "PER", "GPE"]):
        cp = text.index(piece)
        before = text[:cp]
        # grapheme units: each emoji sequence is one, a CRLF is one
        g = len(before) - before.count(emoji) * (len(emoji) - graphemes) - before.count("\r\n")
        spans.append([g, g + len(piece), label])
    path = jsonl(tmp_path / "g.jsonl", {"text": text, "label": spans})
    (record,), problems, notices = read(DoccanoFormat(), path, scheme)
    assert not problems
    assert spans_of(record) == sorted(zip(want, ["GPE", "PER", "PER", "GPE"]))
    assert any("grapheme clusters" in n for n in notices)


def test_doccano_utf16_offsets_stay_the_default_beside_emoji(tmp_path, scheme):
    text = "Глава 👨‍👩‍👧 Узбекистана заявил"
    start = len(text[:text.index("Узбекистана")].encode("utf-16-le")) // 2
    path = jsonl(tmp_path / "u.jsonl", {"text": text, "label": [[start, start + 11, "GPE"]]})
    (record,), problems, notices = read(DoccanoFormat(), path, scheme)
    assert spans_of(record) == [("Узбекистана", "GPE")] and not notices


def test_webanno_tsv_chain_layer_gives_link_spans_and_relations_between_links(tmp_path, scheme):
    text = "Токаев сказал , что Президент Казахстана приедет . Он"
    path = tmp_path / "chain.tsv"
    header = ("#FORMAT=WebAnno TSV 3.3\n"
              "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType|referenceRelation\n\n\n")
    rows, offset = [], 0
    cells = {"Токаев": ("PER[1]", "SAME_AS->1-1"), "Президент": ("ROLE[1]", "*->1-2"),
             "Казахстана": ("ROLE[1]", "*->1-2"), "Он": ("PER[1]", "*->1-3")}
    for n, token in enumerate(text.split(" "), start=1):
        start = text.index(token, offset)
        offset = start + len(token)
        kind, rel = cells.get(token, ("_", "_"))
        rows.append(f"1-{n}\t{start}-{offset}\t{token}\t{kind}\t{rel}\t")
    path.write_text(header + f"#Text={text}\n" + "\n".join(rows) + "\n")
    (record,), problems, notices = read(WebannoTsvFormat(), path, scheme)
    assert not problems, problems
    assert spans_of(record) == [("Он", "PER"), ("Президент Казахстана", "ROLE"), ("Токаев", "PER")]
    by_id = {s.id: text[s.start:s.end] for s in record.annotations.spans}
    assert sorted((r.label, by_id[r.head], by_id[r.tail]) for r in record.annotations.relations) == [
        ("SAME_AS", "Президент Казахстана", "Он"), ("SAME_AS", "Токаев", "Президент Казахстана")]
    assert not any("CoreferenceLink" in n for n in notices)


def test_brat_attributes_on_relations_are_the_relations_binary_and_valued(tmp_path):
    """``A1 former R1`` (binary) and ``M2 stance R2 negative`` (valued) become the relations' attributes;
    an attribute on an id that names nothing read is left, said once."""

    folder = tmp_path / "corpus"
    _brat(folder, "T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\nR1\tHEAD_OF Arg1:T1 Arg2:T2\t\n"
                  "A1\tformer R1\nA2\tuncertain T2\nA3\tformer R9\n")
    items = list(BratFormat().read(folder / "doc.ann", Scheme.from_dict(default_scheme_body()), annotator="anna"))
    (record,) = [i for i in items if isinstance(i, Record)]
    notices = [i.message for i in items if isinstance(i, Notice)]
    (relation,) = record.annotations.relations
    assert (relation.label, relation.attributes) == ("HEAD_OF", {"former": True})
    assert [s.attributes for s in record.annotations.spans] == [{}, {"uncertain": True}]
    assert "1 attributes of nothing read (an unknown id or a * line) not kept" in notices


def test_brat_a_relation_attribute_the_scheme_does_not_give_that_type_names_its_line(tmp_path):
    folder = tmp_path / "corpus"
    _brat(folder, "T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\nR1\tHEAD_OF Arg1:T1 Arg2:T2\t\n"
                  "M1\tstance R1 negative\n")
    items = list(BratFormat().read(folder / "doc.ann", Scheme.from_dict(default_scheme_body()), annotator="anna"))
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert problem.line == 3 and "relation R1: attribute 'stance' does not apply to relation type HEAD_OF" in \
        problem.message
    assert not any(isinstance(i, Record) for i in items)  # all or nothing
