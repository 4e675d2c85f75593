"""`annotator search` as a script calls it: one line per hit, code-point offsets, --json, --docs."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli.main import main


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


EMOJI = "😀 Визит\r\nТокаев и «Мирзиёев»."


@pytest.fixture
def db(capsys, tmp_path):
    path = tmp_path / "search.sqlite3"
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "e", "text": EMOJI}) + b"\n"
                       + orjson.dumps({"id": "p", "text": "Мирзиеев встретил Токаева."}) + b"\n")
    assert run(capsys, path, "import", str(corpus))[0] == 0
    return path


def test_one_line_per_hit_with_code_point_offsets_and_the_match_marked(capsys, db):
    code, out, err = run(capsys, db, "search", "мирзиеев")
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    start = EMOJI.index("Мирзиёев")  # 19 code points in (the emoji is one, CRLF two); UTF-16 would say 20
    assert [line[:3] for line in lines] == [["e", str(start), str(start + 8)], ["p", "0", "8"]]
    assert "[Мирзиёев]" in lines[0][3]


def test_json_hits_slice_the_exported_text(capsys, db):
    code, out, _ = run(capsys, db, "search", "токаев", "--json")
    hits = orjson.loads(out)
    texts = {d["id"]: d["text"] for d in map(orjson.loads, run(capsys, db, "export", "-o", "-")[1].splitlines())}
    assert [(h["document"], texts[h["document"]][h["start"]:h["end"]]) for h in hits] == [
        ("e", "Токаев"), ("p", "Токаева")]


def test_docs_lists_each_document_once_with_its_hit_count(capsys, db):
    assert run(capsys, db, "search", "токаев мирзиеев", "--docs")[1].splitlines() == ["e\t2", "p\t2"]


def test_spans_of_a_label(capsys, db):
    assert run(capsys, db, "label", "p", "0", "8", "PER", "--annotator", "anna")[0] == 0
    code, out, _ = run(capsys, db, "search", "мирзиёев", "--label", "PER")
    assert code == 0
    (line,) = out.splitlines()
    assert line.split("\t")[:3] == ["p", "0", "8"] and "PER#" in line and "@anna" in line


def test_bad_queries_exit_1_with_a_message(capsys, db):
    code, _, err = run(capsys, db, "search", '"open')
    assert code == 1 and "unclosed quote" in err
    code, _, err = run(capsys, db, "search", "x", "--status", "done")
    assert code == 1 and "--annotator" in err
