"""Our JSONL reader: every bad line is an error naming file and line; good lines read exactly."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.domain.model import AnnotationSet, SetStatus, text_sha256
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import ExportItem, Record
from annotator.formats.jsonl import JsonlFormat
from annotator.services.workspace import default_scheme_body

TEXT = "Президент Казахстана Касым-Жомарт Токаев заявил, что товарооборот достиг $4 млрд."


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


# ------------------------------------------------------------------ helpers
def span(text: str, span_id: str, fragment: str, label: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return {"id": span_id, "start": start, "end": start + len(fragment), "label": label, "text": fragment}


def good_line(doc_id: str = "doc1", text: str = TEXT, annotator: str | None = "anna") -> dict[str, Any]:
    """A valid line: a person says a STAT claim about a sum of money, with a cue."""
    claim = span(text, "C1", "товарооборот достиг $4 млрд", "STAT")
    del claim["label"]
    cue = span(text, "x", "заявил", "x")
    claim.update(type="STAT", speaker="T1", certainty="ASSERTED", checkworthy=True,
                 cue={"start": cue["start"], "end": cue["end"], "text": cue["text"]},
                 quantity={"value": 4e9, "unit": "USD", "period": None})
    return {
        "id": doc_id, "text": text, "meta": {"date": "2025-11-15", "sha256": text_sha256(text)},
        "annotator": annotator, "status": "in_progress",
        "entities": [span(text, "T1", "Касым-Жомарт Токаев", "PER"), span(text, "T2", "Казахстана", "GPE"),
                     span(text, "T3", "$4 млрд", "MONEY")],
        "claims": [claim],
        "relations": [{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"},
                      {"id": "R2", "label": "ABOUT", "head": "C1", "tail": "T3"}],
    }


def write_jsonl(path: Path, *lines: Any) -> Path:
    """Each item is a dict (dumped with orjson), or bytes/str written as they are."""
    out = bytearray()
    for line in lines:
        if isinstance(line, (dict, list, int, float)) or line is None:
            out += orjson.dumps(line)
        elif isinstance(line, str):
            out += line.encode("utf-8")
        else:
            out += line
        out += b"\n"
    path.write_bytes(bytes(out))
    return path


def read(path: Path, scheme: Scheme) -> list[Record | Problem]:
    return list(JsonlFormat().read(path, scheme))


def problems_of(path: Path, scheme: Scheme) -> list[Problem]:
    return [item for item in read(path, scheme) if isinstance(item, Problem)]


def records_of(path: Path, scheme: Scheme) -> list[Record]:
    return [item for item in read(path, scheme) if isinstance(item, Record)]


def assert_error(path: Path, scheme: Scheme, line: int, *fragments: str) -> Problem:
    """The file gives no record for ``line`` and a problem ``{path}:{line}: ...`` holding every fragment."""
    items = read(path, scheme)
    assert not any(isinstance(i, Record) and i.line == line for i in items), items
    found = [p for p in items if isinstance(p, Problem) and p.line == line]
    assert found, f"no problem on line {line}: {items}"
    for problem in found:
        assert problem.file == str(path)
        assert str(problem).startswith(f"{path}:{line}: ")
    messages = " | ".join(p.message for p in found)
    for fragment in fragments:
        assert fragment in messages, f"{fragment!r} not in {messages!r}"
    return found[0]


def bad_file(tmp_path: Path, line: dict[str, Any]) -> Path:
    """A good line first, so the bad one is line 2."""
    return write_jsonl(tmp_path / "bad.jsonl", good_line("ok"), line)


# ---------------------------------------------------------------- good input
def test_good_line_reads_into_document_and_set(tmp_path: Path, scheme: Scheme) -> None:
    path = write_jsonl(tmp_path / "good.jsonl", good_line())
    (record,) = read(path, scheme)
    assert isinstance(record, Record)
    assert record.source == str(path) and record.line == 1
    assert record.document.id == "doc1"
    assert record.document.text == TEXT
    assert record.document.meta == {"date": "2025-11-15"}  # sha256 is checked, not kept as metadata
    aset = record.annotations
    assert aset.owner == "anna" and aset.status is SetStatus.IN_PROGRESS
    assert [(s.id, s.label, TEXT[s.start:s.end]) for s in aset.spans] == [
        ("T1", "PER", "Касым-Жомарт Токаев"), ("T2", "GPE", "Казахстана"), ("T3", "MONEY", "$4 млрд")]
    (claim,) = aset.claims
    assert TEXT[claim.start:claim.end] == "товарооборот достиг $4 млрд"
    assert claim.speaker == "T1" and TEXT[claim.cue.start:claim.cue.end] == "заявил"
    assert claim.quantity.value == 4e9 and claim.quantity.unit == "USD"
    assert [(r.label, r.head, r.tail) for r in aset.relations] == [("SAYS", "T1", "C1"), ("ABOUT", "C1", "T3")]


def test_line_without_annotator_or_annotations_is_a_bare_document(tmp_path: Path, scheme: Scheme) -> None:
    path = write_jsonl(tmp_path / "bare.jsonl", {"id": "d", "text": TEXT, "annotator": None})
    (record,) = read(path, scheme)
    assert isinstance(record, Record)
    assert record.annotations is None
    assert record.document.text == TEXT


def test_blank_lines_are_skipped_and_still_counted(tmp_path: Path, scheme: Scheme) -> None:
    path = write_jsonl(tmp_path / "blank.jsonl", good_line("a"), "", "   ", b"\t", "{not json", good_line("b"), "")
    items = read(path, scheme)
    assert [type(i).__name__ for i in items] == ["Record", "Problem", "Record"]
    assert items[0].line == 1
    assert items[1].line == 5
    assert str(items[1]).startswith(f"{path}:5: ")
    assert items[2].line == 6 and items[2].document.id == "b"


def test_a_good_line_after_a_bad_one_is_still_read(tmp_path: Path, scheme: Scheme) -> None:
    bad = good_line("bad")
    bad["entities"][0]["label"] = "NOPE"
    path = write_jsonl(tmp_path / "mixed.jsonl", "[1, 2", bad, good_line("good"), {"id": 5}, good_line("last"))
    items = read(path, scheme)
    records = [i for i in items if isinstance(i, Record)]
    assert [(r.line, r.document.id) for r in records] == [(3, "good"), (5, "last")]
    assert sorted({p.line for p in items if isinstance(p, Problem)}) == [1, 2, 4]
    assert [i.line for i in items] == sorted(i.line for i in items)  # in file order


def test_utf8_bom_on_first_line_is_allowed(tmp_path: Path, scheme: Scheme) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + orjson.dumps(good_line()) + b"\n")
    (record,) = read(path, scheme)
    assert isinstance(record, Record) and record.document.text == TEXT


def roundtrip(tmp_path: Path, scheme: Scheme, line: dict[str, Any]) -> tuple[Record, dict[str, Any]]:
    """Read a line, write it back with the JSONL writer, and return the record and the written line."""
    (record,) = read(write_jsonl(tmp_path / "in.jsonl", line), scheme)
    assert isinstance(record, Record), record
    out = io.BytesIO()
    assert JsonlFormat().write(out, [ExportItem(record.document, record.annotations)], scheme) == 1
    written = orjson.loads(out.getvalue())
    return record, written


def test_emoji_text_round_trips_offsets(tmp_path: Path, scheme: Scheme) -> None:
    text = "😀🇰🇿 Токаев 👍🏽 прибыл в Ташкент 🇺🇿, заявил «Акорда»."
    line = {"id": "emoji", "text": text, "annotator": "anna", "status": "done",
            "entities": [span(text, "T1", "Токаев", "PER"), span(text, "T2", "Ташкент", "GPE"),
                         span(text, "T3", "Акорда", "ORG")]}
    assert line["entities"][0]["start"] == 4  # code points: the flag is two, the smiley one
    record, written = roundtrip(tmp_path, scheme, line)
    assert [(s.start, s.end) for s in record.annotations.spans] == [
        (e["start"], e["end"]) for e in line["entities"]]
    assert written["text"] == text
    assert [(e["start"], e["end"], e["label"], e["text"]) for e in written["entities"]] == [
        (e["start"], e["end"], e["label"], e["text"]) for e in line["entities"]]
    assert written["meta"]["sha256"] == text_sha256(text)
    # and the written line reads again to the same set
    (again,) = read(write_jsonl(tmp_path / "again.jsonl", written), scheme)
    assert [(s.start, s.end, s.label) for s in again.annotations.spans] == [
        (s.start, s.end, s.label) for s in record.annotations.spans]


def test_crlf_text_round_trips_offsets(tmp_path: Path, scheme: Scheme) -> None:
    text = "ТАШКЕНТ, 15 ноября.\r\nТокаев прибыл.\r\n\r\nМирзиёев встретил его.\r\n"
    line = {"id": "crlf", "text": text, "annotator": "anna",
            "entities": [span(text, "T1", "Токаев", "PER"), span(text, "T2", "Мирзиёев", "PER"),
                         span(text, "T3", "прибыл.\r\n\r\nМирзиёев", "EVENT")]}
    assert line["entities"][0]["start"] == 21  # \r counts
    record, written = roundtrip(tmp_path, scheme, line)
    assert record.document.text == text
    assert written["text"] == text
    assert sorted((e["start"], e["end"], e["text"]) for e in written["entities"]) == sorted(
        (e["start"], e["end"], e["text"]) for e in line["entities"])
    for e in written["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


# ----------------------------------------------------------------- bad input
def test_malformed_json(tmp_path: Path, scheme: Scheme) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", good_line("a"), '{"id": "x", "text": "abc"')
    assert_error(path, scheme, 2, "malformed JSON")


def test_invalid_utf8_names_its_line_and_byte(tmp_path: Path, scheme: Scheme) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", good_line("a"), good_line("b"), b'{"id": "x", "text": "\xff\xfe"}')
    assert_error(path, scheme, 3, "invalid UTF-8 at byte 21 of the line")


@pytest.mark.parametrize("value", [[1, 2], b"\"text\"", 42, None])
def test_line_that_is_not_an_object(tmp_path: Path, scheme: Scheme, value: Any) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", good_line("a"), value)
    assert_error(path, scheme, 2, "must be a JSON object")


def test_missing_id(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    del line["id"]
    assert_error(bad_file(tmp_path, line), scheme, 2, "missing 'id'")


def test_empty_id(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, {**good_line(), "id": "  "}), scheme, 2, "'id' is empty")


def test_missing_text(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    del line["text"]
    assert_error(bad_file(tmp_path, line), scheme, 2, "missing 'text'")


def test_text_of_the_wrong_type(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, {**good_line(), "text": 17}), scheme, 2, "'text'", "wrong type")


def test_duplicate_span_ids(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][1]["id"] = "T1"
    assert_error(bad_file(tmp_path, line), scheme, 2, "'T1' is used more than once")


def test_claim_and_span_sharing_an_id(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["id"] = "T3"
    line["relations"] = []
    assert_error(bad_file(tmp_path, line), scheme, 2, "'T3' is used more than once")


def test_negative_offsets(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][1].update(start=-3, end=2, text=TEXT[0:2])
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T2", "negative offset")


@pytest.mark.parametrize("start, end", [(5, 5), (9, 4)])
def test_start_not_before_end(tmp_path: Path, scheme: Scheme, start: int, end: int) -> None:
    line = good_line()
    line["entities"][0].update(start=start, end=end, text="")
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T1", f"start {start} is not before end {end}")


def test_end_beyond_the_text(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][2].update(end=len(TEXT) + 1)
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T3", f"end {len(TEXT) + 1} is beyond")


def test_offset_that_is_not_an_integer(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][0]["start"] = 1.5
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T1", "'start' must be an integer")


def test_unknown_label(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][1]["label"] = "CITY"
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T2", "unknown label 'CITY'")


def test_unknown_claim_type(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["type"] = "RUMOUR"
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1", "unknown claim type 'RUMOUR'")


def test_span_text_that_does_not_match_the_document(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][0]["text"] = "Шавкат Мирзиёев"
    problem = assert_error(bad_file(tmp_path, line), scheme, 2, "span T1", "'Шавкат Мирзиёев'",
                           "does not match", "'Касым-Жомарт Токаев'")
    assert problem.line == 2


def test_span_shifted_by_one_is_a_mismatch(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][2].update(start=line["entities"][2]["start"] + 1, end=line["entities"][2]["end"] + 1)
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T3", "does not match")


def test_span_without_covered_text(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    del line["entities"][0]["text"]
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T1", "missing 'text'")


def test_claim_text_that_does_not_match(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["text"] = "товарооборот достиг $5 млрд"
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1", "does not match")


def test_relation_to_a_missing_id(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["relations"][1]["tail"] = "T9"
    assert_error(bad_file(tmp_path, line), scheme, 2, "relation R2", "tail 'T9' does not exist")


def test_relation_from_a_missing_id(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["relations"][0]["head"] = "T42"
    assert_error(bad_file(tmp_path, line), scheme, 2, "relation R1", "head 'T42' does not exist")


def test_relation_whose_labels_the_scheme_forbids(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["relations"][0]["head"] = "T2"  # SAYS from a GPE
    assert_error(bad_file(tmp_path, line), scheme, 2, "relation R1", "SAYS does not allow GPE -> CLAIM")


def test_unknown_relation_type(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["relations"][0]["label"] = "LIKES"
    assert_error(bad_file(tmp_path, line), scheme, 2, "relation R1", "unknown relation type 'LIKES'")


def test_claim_whose_speaker_is_missing(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["speaker"] = "T7"
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1", "speaker 'T7' is not a mention")


def test_claim_whose_speaker_has_the_wrong_label(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["speaker"] = "T3"  # MONEY cannot speak
    line["relations"] = []
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1", "speaker 'T3' is a MONEY")


def test_claim_spoken_by_the_author_is_fine(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["speaker"] = "AUTHOR"
    line["relations"] = line["relations"][1:]
    (record,) = read(write_jsonl(tmp_path / "ok.jsonl", line), scheme)
    assert isinstance(record, Record) and record.annotations.claims[0].speaker == "AUTHOR"


def test_cue_whose_text_does_not_match(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["cue"]["text"] = "отметил"
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1 cue", "'отметил'", "does not match")


def test_cue_beyond_the_text(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["claims"][0]["cue"].update(start=len(TEXT), end=len(TEXT) + 4)
    assert_error(bad_file(tmp_path, line), scheme, 2, "claim C1 cue", "beyond")


def test_meta_sha256_that_does_not_match(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["meta"]["sha256"] = text_sha256(TEXT + " ")
    assert_error(bad_file(tmp_path, line), scheme, 2, "meta.sha256")


def test_text_edited_after_export_fails_its_sha256(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["text"] = TEXT.replace("Президент", "президент")  # same length, offsets still fit
    for e in line["entities"]:
        e["text"] = line["text"][e["start"]:e["end"]]
    line["claims"][0]["text"] = line["text"][line["claims"][0]["start"]:line["claims"][0]["end"]]
    assert_error(bad_file(tmp_path, line), scheme, 2, "meta.sha256")


def test_annotations_with_a_null_annotator(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, good_line(annotator=None)), scheme, 2, "without an annotator")


def test_annotations_with_no_annotator_field(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    del line["annotator"]
    assert_error(bad_file(tmp_path, line), scheme, 2, "without an annotator")


@pytest.mark.parametrize("owner", ["all", "", " anna"])
def test_bad_owner_names(tmp_path: Path, scheme: Scheme, owner: str) -> None:
    assert_error(bad_file(tmp_path, good_line(annotator=owner)), scheme, 2, "annotator name" if owner != "all"
                 else "'all' is a reserved name")


def test_gold_is_an_owner_a_file_may_name(tmp_path: Path, scheme: Scheme) -> None:
    (record,) = read(write_jsonl(tmp_path / "gold.jsonl", {**good_line(annotator="gold"), "status": "curated"}),
                     scheme)
    assert isinstance(record, Record) and record.annotations.owner == "gold"


def test_unknown_status(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, {**good_line(), "status": "finished"}), scheme, 2, "unknown status 'finished'")


@pytest.mark.parametrize("status", [s.value for s in SetStatus])
def test_every_known_status_reads(tmp_path: Path, scheme: Scheme, status: str) -> None:
    owner = "gold" if status == "curated" else "anna"  # only gold can be curated
    (record,) = read(write_jsonl(tmp_path / "s.jsonl", {**good_line(annotator=owner), "status": status}), scheme)
    assert isinstance(record, Record) and record.annotations.status.value == status


def test_curated_is_gold_only(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, {**good_line(annotator="anna"), "status": "curated"}), scheme, 2,
                 "only the gold set can be curated")


def test_entities_that_are_not_a_list(tmp_path: Path, scheme: Scheme) -> None:
    assert_error(bad_file(tmp_path, {**good_line(), "entities": {"T1": 1}}), scheme, 2, "'entities' must be a list")


def test_every_problem_of_a_line_is_reported(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"][0]["label"] = "CITY"
    line["entities"][1]["text"] = "Узбекистана"
    line["relations"][1]["tail"] = "T8"
    path = bad_file(tmp_path, line)
    found = problems_of(path, scheme)
    assert len(found) >= 3
    assert all(str(p).startswith(f"{path}:2: ") for p in found)
    assert records_of(path, scheme)[0].document.id == "ok"


# ------------------------------------------------- what the schema and more forbid
@pytest.mark.parametrize("change, fragment", [
    ({"meta": {"date": {"a": 1}}}, "date {'a': 1} is not YYYY-MM-DD"),
    ({"meta": {"date": "x"}}, "date 'x' is not YYYY-MM-DD"),
    ({"meta": {"date": 1.5}}, "date 1.5 is not YYYY-MM-DD"),
    ({"meta": {"date": "2025-13-45"}}, "date '2025-13-45' is not a real date"),
    ({"meta": {"source": 5}}, "'source' must be a string"),
    ({"meta": {"sha256": "ABC"}}, "'sha256' must be 64 lowercase hex digits"),
    ({"meta": {"n": 2**63}}, "integer 9223372036854775808 is out of range"),
    ({"meta": {"deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}, "nested more than 32"),
    ({"meta": {"source": "a\x1b[2Jb"}}, "U+001B"),
    ({"status": "curated"}, "only the gold set can be curated"),
    ({"scheme_version": 2**63}, "'scheme_version' 9223372036854775808 is out of range"),
    ({"scheme_version": "1"}, "'scheme_version' must be an integer"),
    ({"text": TEXT[:10] + "\x00" + TEXT[11:]}, "control character U+0000"),
    ({"lable": "PER"}, "unknown field 'lable'"),
    ({"annotator": "a" * 65}, "longer than 64 characters"),
])
def test_what_the_contract_forbids_is_refused(tmp_path: Path, scheme: Scheme, change: dict, fragment: str) -> None:
    line = {**good_line(), **change}
    if "text" in change:
        line["meta"] = {"date": "2025-11-15"}  # no sha256: the text itself is what is refused
    assert_error(bad_file(tmp_path, line), scheme, 2, fragment)


def test_a_span_twice_is_refused_and_so_is_a_claim_or_relation_twice(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line["entities"].append({**line["entities"][0], "id": "T9"})
    line["relations"].append({**line["relations"][1], "id": "R9"})
    assert_error(bad_file(tmp_path, line), scheme, 2, "span T9 repeats span T1: the same PER at",
                 "relation R9 repeats relation R2: the same ABOUT from C1 to T3")


def test_null_optional_fields_take_their_defaults(tmp_path: Path, scheme: Scheme) -> None:
    line = good_line()
    line.update(meta=None, status=None, scheme_version=None, relations=None)
    line["entities"][0].update(attributes=None, entity=None)
    line["claims"][0].update(certainty=None, checkworthy=None, attributes={"note": None})
    (record,) = read(write_jsonl(tmp_path / "nulls.jsonl", line), scheme)
    assert isinstance(record, Record), record
    assert record.document.meta == {} and record.annotations.status == SetStatus.NEW
    (claim,) = record.annotations.claims
    assert claim.certainty.value == "ASSERTED" and claim.checkworthy is False and claim.attributes == {}
    assert record.annotations.spans[0].attributes == {} and record.annotations.relations == ()
