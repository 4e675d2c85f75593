"""The import service and ``annotator import``: all or nothing, ids, replacing sets, undo, round trip."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli.main import main
from annotator.domain.model import AnnotationSet, text_sha256
from annotator.services import documents, exporting, history
from annotator.services.errors import Cancelled
from annotator.services.importing import ImportReport, import_files
from annotator.services.progress import CancelToken
from annotator.services.workspace import Workspace
from tests.conftest import snapshot

TEXTS = [
    "Касым-Жомарт Токаев прибыл в Ташкент с государственным визитом.",
    "Президент Узбекистана Шавкат Мирзиёев встретил гостя в аэропорту.",
    "Товарооборот двух стран достиг $4 млрд, заявил Токаев.",
    "Стороны подписали соглашение о стратегическом партнёрстве.",
]


# ------------------------------------------------------------------ helpers
def entity(text: str, span_id: str, fragment: str, label: str) -> dict[str, Any]:
    start = text.index(fragment)
    return {"id": span_id, "start": start, "end": start + len(fragment), "label": label, "text": fragment}


def line(doc_id: str, text: str, annotator: str | None = "anna", *fragments: tuple[str, str],
         status: str = "in_progress", **extra: Any) -> dict[str, Any]:
    obj = {"id": doc_id, "text": text, "meta": {"date": "2025-11-15"}, "annotator": annotator, "status": status,
           "entities": [entity(text, f"T{n}", frag, label) for n, (frag, label) in enumerate(fragments, start=1)]}
    obj.update(extra)
    return obj


def write_jsonl(path: Path, *lines: dict[str, Any] | str) -> Path:
    path.write_bytes(b"".join((orjson.dumps(x) if isinstance(x, dict) else x.encode()) + b"\n" for x in lines))
    return path


def good_lines() -> list[dict[str, Any]]:
    return [
        line("d1", TEXTS[0], "anna", ("Касым-Жомарт Токаев", "PER"), ("Ташкент", "GPE")),
        line("d2", TEXTS[1], "anna", ("Шавкат Мирзиёев", "PER"), ("Узбекистана", "GPE")),
        line("d3", TEXTS[2], "anna", ("$4 млрд", "MONEY"), ("Токаев", "PER")),
    ]


def bad_line() -> dict[str, Any]:
    bad = line("d4", TEXTS[3], "anna", ("соглашение", "DOC"))
    bad["entities"][0]["text"] = "договор"
    return bad


def three_good_one_bad(tmp_path: Path) -> Path:
    first, second, third = good_lines()
    return write_jsonl(tmp_path / "set.jsonl", first, second, bad_line(), third)  # the bad one is line 3


def write_text(path: Path, text: str, date: str | None = "2025-11-15") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f" date {date} {text}" if date else text, encoding="utf-8")
    return path


def anna_sets(workspace: Workspace, doc_id: str, owner: str = "anna") -> list[AnnotationSet]:
    return documents.annotation_sets(workspace, doc_id, owner)


def span_summary(aset: AnnotationSet) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in aset.spans)


def export_bytes(workspace: Workspace, **options: Any) -> bytes:
    out = io.BytesIO()
    exporting.export(workspace, out, **options)
    return out.getvalue()


def cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ------------------------------------------------------------ all or nothing
def test_a_bad_line_imports_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = three_good_one_bad(tmp_path)
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert snapshot(workspace) == before
    assert not report.committed and report.failed
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 3)]
    assert str(report.problems[0]).startswith(f"{path}:3: ")
    assert "does not match" in report.problems[0].message
    assert documents.count(workspace) == 0


def test_a_bad_text_file_among_good_ones_imports_nothing(sample_workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_text(folder / "a.txt", TEXTS[0])
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write_text(folder / "c.txt", TEXTS[1])
    before = snapshot(sample_workspace)
    report = import_files(sample_workspace, [folder])
    assert snapshot(sample_workspace) == before
    assert [(p.file, p.line) for p in report.problems] == [(str(folder / "b.txt"), 3)]


def test_cli_reports_file_and_line_and_exits_1(workspace: Workspace, db_target: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = three_good_one_bad(tmp_path)
    before = snapshot(workspace)
    code, out, err = cli(capsys, db_target, "import", str(path))
    assert code == 1
    assert f"{path}:3: span T1: text 'договор' does not match" in err
    assert "nothing was imported" in err
    assert "imported:" not in out
    assert snapshot(workspace) == before


def test_cli_in_a_subprocess_exits_1(workspace: Workspace, db_target: str, tmp_path: Path) -> None:
    path = three_good_one_bad(tmp_path)
    before = snapshot(workspace)
    result = subprocess.run([sys.executable, "-m", "annotator", "--db", db_target, "import", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    problem_lines = [x for x in result.stderr.splitlines() if x.startswith(f"{path}:")]
    assert problem_lines == [f"{path}:3: span T1: text 'договор' does not match the document's 'соглашение' "
                             f"at {TEXTS[3].index('соглашение')}-{TEXTS[3].index('соглашение') + 10}"]
    assert snapshot(workspace) == before


def test_skip_bad_imports_the_good_lines_and_reports_the_bad(workspace: Workspace, tmp_path: Path) -> None:
    path = three_good_one_bad(tmp_path)
    report = import_files(workspace, [path], skip_bad=True)
    assert report.committed and not report.failed
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 3)]
    assert report.records_skipped == 1
    assert report.documents_added == 3 and report.sets_added == 3 and report.spans == 6
    assert [s.id for s in documents.page(workspace)] == ["d1", "d2", "d3"]


def test_cli_skip_bad_exits_0_and_still_reports(workspace: Workspace, db_target: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = three_good_one_bad(tmp_path)
    code, out, err = cli(capsys, db_target, "import", "--skip-bad", str(path))
    assert code == 0
    assert f"{path}:3: span T1: text 'договор' does not match" in err
    assert "3 document(s) added" in out and "1 bad record(s) skipped" in out
    assert documents.count(workspace) == 3


def test_dry_run_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "good.jsonl", *good_lines())
    before = snapshot(workspace)
    report = import_files(workspace, [path], dry_run=True)
    assert snapshot(workspace) == before
    assert report.dry_run and not report.committed and not report.problems
    assert report.documents_added == 3 and report.spans == 6  # what it would have done


def test_dry_run_still_finds_problems(workspace: Workspace, tmp_path: Path) -> None:
    path = three_good_one_bad(tmp_path)
    before = snapshot(workspace)
    report = import_files(workspace, [path], dry_run=True)
    assert snapshot(workspace) == before
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 3)]


def test_cli_dry_run_writes_nothing(workspace: Workspace, db_target: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "good.jsonl", *good_lines())
    before = snapshot(workspace)
    code, out, _ = cli(capsys, db_target, "import", "--dry-run", str(path))
    assert code == 0
    assert "dry run, nothing written" in out and "3 document(s) added" in out
    assert snapshot(workspace) == before


def test_missing_file_is_a_problem(workspace: Workspace, tmp_path: Path) -> None:
    before = snapshot(workspace)
    report = import_files(workspace, [write_text(tmp_path / "a.txt", TEXTS[0]), tmp_path / "nope.txt"])
    assert snapshot(workspace) == before
    assert [(p.file, p.message) for p in report.problems] == [(str(tmp_path / "nope.txt"), "no such file")]


# ---------------------------------------------------------------- directories
def test_a_directory_means_every_file_in_it(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_text(folder / "a.txt", TEXTS[0])
    write_text(folder / "b.txt", TEXTS[1], date=None)
    write_text(folder / "sub" / "c.txt", TEXTS[2])
    write_jsonl(folder / "sets.jsonl", line("j1", TEXTS[3], "anna", ("соглашение", "DOC")))
    write_text(folder / ".hidden.txt", "Скрытый файл.")
    report = import_files(workspace, [folder])
    assert report.committed and not report.problems
    assert report.documents_added == 4 and report.sets_added == 1
    assert sorted(s.id for s in documents.page(workspace)) == ["a", "b", "c", "j1"]
    assert documents.document(workspace, "a").text == TEXTS[0]
    assert documents.document(workspace, "a").date == "2025-11-15"
    assert documents.document(workspace, "b").date is None


def test_sample_directory_through_the_cli(workspace: Workspace, db_target: str, sample_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, db_target, "import", str(sample_dir))
    assert code == 0 and "5 document(s) added" in out
    assert sorted(s.id for s in documents.page(workspace)) == sorted(p.stem for p in sample_dir.glob("*.txt"))


# ----------------------------------------------------------------- document ids
def test_reimporting_the_same_text_adds_no_document_and_says_so(sample_workspace: Workspace,
                                                                sample_dir: Path) -> None:
    path = sample_dir / "000_598509fc61278558.txt"
    before = documents.counts(sample_workspace)["documents"]
    report = import_files(sample_workspace, [path])
    assert report.committed and not report.problems
    assert report.documents_added == 0 and report.documents_existing == 1
    assert [(n.file, n.line) for n in report.notices] == [(str(path), 1)]
    assert "already stored" in report.notices[0].message
    assert documents.counts(sample_workspace)["documents"] == before


def test_same_text_under_another_name_is_not_added_again(sample_workspace: Workspace, sample_dir: Path,
                                                         tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((sample_dir / "001_1fc550a04f713c8c.txt").read_bytes())
    report = import_files(sample_workspace, [copy])
    assert report.documents_added == 0 and report.documents_existing == 1
    assert "001_1fc550a04f713c8c" in report.notices[0].message
    assert "copy" not in [s.id for s in documents.page(sample_workspace)]


def test_cli_prints_the_notice(sample_workspace: Workspace, db_target: str, sample_dir: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    path = sample_dir / "002_c0882ce87bb2ddc4.txt"
    code, out, err = cli(capsys, db_target, "import", str(path))
    assert code == 0
    assert f"{path}:1: note: " in err and "already stored" in err
    assert "0 document(s) added, 1 already stored" in out


def test_a_taken_stem_gets_a_suffix(workspace: Workspace, tmp_path: Path) -> None:
    first = write_text(tmp_path / "one" / "news.txt", TEXTS[0])
    second = write_text(tmp_path / "two" / "news.txt", TEXTS[1])
    third = write_text(tmp_path / "three" / "news.txt", TEXTS[2])
    assert import_files(workspace, [first]).committed
    report = import_files(workspace, [second])
    assert report.committed and report.documents_added == 1
    assert "'news-2'" in report.notices[0].message
    report = import_files(workspace, [third])
    assert report.committed and "'news-3'" in report.notices[0].message
    assert documents.document(workspace, "news").text == TEXTS[0]
    assert documents.document(workspace, "news-2").text == TEXTS[1]
    assert documents.document(workspace, "news-3").text == TEXTS[2]


def test_taken_stems_in_one_import_get_suffixes(workspace: Workspace, tmp_path: Path) -> None:
    paths = [write_text(tmp_path / d / "news.txt", t) for d, t in zip(("a", "b", "c"), TEXTS)]
    report = import_files(workspace, paths)
    assert report.committed and report.documents_added == 3
    assert {documents.document(workspace, i).text for i in ("news", "news-2", "news-3")} == set(TEXTS[:3])


def test_a_jsonl_id_taken_by_another_text_is_an_error(workspace: Workspace, tmp_path: Path) -> None:
    assert import_files(workspace, [write_jsonl(tmp_path / "a.jsonl", *good_lines())]).committed
    clash = line("d2", TEXTS[3], "bob", ("соглашение", "DOC"))
    path = write_jsonl(tmp_path / "b.jsonl", line("new", TEXTS[3] + " Ещё.", "bob"), clash)
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert snapshot(workspace) == before
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 2)]
    assert "'d2' is already used by a different text" in report.problems[0].message
    assert documents.document(workspace, "d2").text == TEXTS[1]


def test_a_jsonl_id_used_twice_in_one_file_for_different_texts(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", line("x", TEXTS[0], "anna"), line("x", TEXTS[1], "bob"))
    report = import_files(workspace, [path])
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 2)]
    assert documents.count(workspace) == 0


def test_a_jsonl_set_for_a_stored_text_attaches_to_it(sample_workspace: Workspace, sample_dir: Path,
                                                      tmp_path: Path) -> None:
    stored = documents.document(sample_workspace, "000_598509fc61278558")
    path = write_jsonl(tmp_path / "a.jsonl", line("other-id", stored.text, "anna", ("Касым-Жомарт Токаев", "PER")))
    report = import_files(sample_workspace, [path])
    assert report.committed and report.documents_added == 0 and report.sets_added == 1
    assert "000_598509fc61278558" in report.notices[0].message
    (aset,) = anna_sets(sample_workspace, "000_598509fc61278558")
    assert [stored.text[s.start:s.end] for s in aset.spans] == ["Касым-Жомарт Токаев"]


# ---------------------------------------------------------- replacing and undo
def test_importing_a_set_again_replaces_it_and_undo_restores_it(workspace: Workspace, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "v1.jsonl", *good_lines())
    assert import_files(workspace, [first]).committed
    before = anna_sets(workspace, "d1")
    assert len(before[0].spans) == 2
    others = (anna_sets(workspace, "d2"), anna_sets(workspace, "d3"))

    second = write_jsonl(tmp_path / "v2.jsonl",
                         line("d1", TEXTS[0], "anna", ("Касым-Жомарт Токаев", "PER"), ("Ташкент", "GPE"),
                              ("государственным визитом", "EVENT"), status="done"))
    report = import_files(workspace, [second])
    assert report.committed and report.sets_replaced == 1 and report.sets_added == 0
    (replaced,) = anna_sets(workspace, "d1")
    assert len(replaced.spans) == 3 and replaced.status.value == "done"
    assert documents.counts(workspace)["sets"] == 3

    assert history.undo(workspace, owner="anna") is not None
    assert anna_sets(workspace, "d1") == before
    assert (anna_sets(workspace, "d2"), anna_sets(workspace, "d3")) == others

    assert history.redo(workspace, owner="anna") is not None
    (redone,) = anna_sets(workspace, "d1")
    assert span_summary(redone) == span_summary(replaced) and redone.status.value == "done"


def test_undo_of_a_first_import_removes_its_sets(workspace: Workspace, tmp_path: Path) -> None:
    assert import_files(workspace, [write_jsonl(tmp_path / "v1.jsonl", *good_lines())]).committed
    history.undo(workspace, owner="anna")
    assert documents.counts(workspace)["sets"] == 0
    history.redo(workspace, owner="anna")
    assert [len(anna_sets(workspace, d)[0].spans) for d in ("d1", "d2", "d3")] == [2, 2, 2]


def test_replacing_one_owner_leaves_the_others(workspace: Workspace, tmp_path: Path) -> None:
    text = TEXTS[0]
    assert import_files(workspace, [write_jsonl(tmp_path / "a.jsonl", line("d1", text, "anna", ("Ташкент", "GPE")),
                                                line("d1", text, "bob", ("Токаев", "PER")))]).committed
    bob = anna_sets(workspace, "d1", "bob")
    report = import_files(workspace, [write_jsonl(tmp_path / "b.jsonl", line("d1", text, "anna"))])
    assert report.sets_replaced == 1
    assert anna_sets(workspace, "d1", "anna")[0].spans == ()
    assert anna_sets(workspace, "d1", "bob") == bob


def test_cli_replace_undo_and_redo(workspace: Workspace, db_target: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    first = write_jsonl(tmp_path / "v1.jsonl", *good_lines())
    second = write_jsonl(tmp_path / "v2.jsonl", line("d2", TEXTS[1], "anna", ("Шавкат Мирзиёев", "PER")))
    assert cli(capsys, db_target, "import", str(first))[0] == 0
    before = anna_sets(workspace, "d2")
    code, out, _ = cli(capsys, db_target, "import", str(second))
    assert code == 0 and "1 replaced" in out
    assert len(anna_sets(workspace, "d2")[0].spans) == 1

    code, out, _ = cli(capsys, db_target, "undo", "--annotator", "anna")
    assert code == 0 and "Undo" in out
    assert anna_sets(workspace, "d2") == before

    code, out, _ = cli(capsys, db_target, "redo", "--annotator", "anna")
    assert code == 0 and "Redo" in out
    assert span_summary(anna_sets(workspace, "d2")[0]) == [(TEXTS[1].index("Шавкат"),
                                                           TEXTS[1].index("Шавкат") + 15, "PER")]


# ------------------------------------------------------------------- owners
def test_annotator_option_overrides_the_line(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", *good_lines())
    report = import_files(workspace, [path], annotator="carol")
    assert report.committed and report.sets_added == 3
    assert anna_sets(workspace, "d1", "anna") == []
    assert len(anna_sets(workspace, "d1", "carol")[0].spans) == 2
    assert history.undo(workspace, owner="carol") is not None
    assert documents.counts(workspace)["sets"] == 0


def test_annotator_option_replaces_that_owners_set_only(workspace: Workspace, tmp_path: Path) -> None:
    assert import_files(workspace, [write_jsonl(tmp_path / "a.jsonl", *good_lines())]).committed
    assert import_files(workspace, [write_jsonl(tmp_path / "a.jsonl", *good_lines())], annotator="carol").committed
    anna = anna_sets(workspace, "d1", "anna")
    smaller = write_jsonl(tmp_path / "b.jsonl", line("d1", TEXTS[0], "anna", ("Ташкент", "GPE")))
    report = import_files(workspace, [smaller], annotator="carol")
    assert report.committed and report.sets_replaced == 1 and report.sets_added == 0
    assert span_summary(anna_sets(workspace, "d1", "carol")[0]) == [
        (TEXTS[0].index("Ташкент"), TEXTS[0].index("Ташкент") + 7, "GPE")]
    assert anna_sets(workspace, "d1", "anna") == anna


def test_cli_annotator_option_overrides_the_line(workspace: Workspace, db_target: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", *good_lines())
    assert cli(capsys, db_target, "import", "--annotator", "dave", str(path))[0] == 0
    summaries = documents.page(workspace)
    assert {s.sets for s in summaries} == {(("dave", "in_progress"),)}


def test_reserved_owner_all_is_refused_as_an_option(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", *good_lines())
    before = snapshot(workspace)
    report = import_files(workspace, [path], annotator="all")
    assert snapshot(workspace) == before
    assert not report.committed
    assert any("'all' is a reserved name" in p.message for p in report.problems)


def test_cli_reserved_owner_all_exits_1(workspace: Workspace, db_target: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", *good_lines())
    before = snapshot(workspace)
    code, _, err = cli(capsys, db_target, "import", "--annotator", "all", str(path))
    assert code == 1 and "reserved" in err
    assert snapshot(workspace) == before


def test_reserved_owner_all_in_a_line_is_an_error(workspace: Workspace, tmp_path: Path) -> None:
    first, second, third = good_lines()
    path = write_jsonl(tmp_path / "a.jsonl", first, {**second, "annotator": "all"}, third)
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert snapshot(workspace) == before
    assert [(p.line, "reserved" in p.message) for p in report.problems] == [(2, True)]


def test_the_same_document_and_annotator_twice_in_one_file(workspace: Workspace, tmp_path: Path) -> None:
    first, second, third = good_lines()
    again = line("d1", TEXTS[0], "anna", ("Ташкент", "GPE"))
    path = write_jsonl(tmp_path / "a.jsonl", first, second, third, again)
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert snapshot(workspace) == before
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 4)]
    assert "a second set of 'anna' for document 'd1'" in report.problems[0].message
    assert f"{path}:1" in report.problems[0].message


def test_two_owners_of_one_document_in_one_file_are_fine(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", line("d1", TEXTS[0], "anna", ("Ташкент", "GPE")),
                       line("d1", TEXTS[0], "bob", ("Токаев", "PER")))
    report = import_files(workspace, [path])
    assert report.committed and report.documents_added == 1 and report.sets_added == 2


def test_the_override_makes_two_lines_one_owner(workspace: Workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", line("d1", TEXTS[0], "anna", ("Ташкент", "GPE")),
                       line("d1", TEXTS[0], "bob", ("Токаев", "PER")))
    report = import_files(workspace, [path], annotator="carol")
    assert not report.committed
    assert [p.line for p in report.problems] == [2]
    assert documents.count(workspace) == 0


# ---------------------------------------------------------------- round trip
def annotated_corpus(sample_workspace: Workspace, tmp_path: Path) -> Workspace:
    """The sample corpus plus sets with spans, claims, relations, emoji and CRLF texts."""
    doc = documents.document(sample_workspace, "003_7fa7a90ba42b20d6")
    text = doc.text
    claim_text = text[text.index("ТАШКЕНТ"):text.index("ТАШКЕНТ") + 40]
    claim_start = text.index(claim_text)
    sputnik = entity(text, "T1", "Sputnik", "ORG")
    emoji_text = "😀 Токаев 👍🏽 прибыл в Ташкент 🇺🇿.\r\nОн заявил, что рост составит 5%."
    crlf_claim = "рост составит 5%"
    cue = emoji_text.index("заявил")
    lines = [
        line("x", text, "anna", ("Sputnik", "ORG"), ("ТАШКЕНТ", "GPE"), status="done",
             claims=[{"id": "C1", "start": claim_start, "end": claim_start + len(claim_text), "text": claim_text,
                      "type": "FACT", "speaker": "T1", "cue": None, "certainty": "HEDGED", "checkworthy": True}],
             relations=[{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"}]),
        line("x", text, "bob", ("Sputnik", "ORG")),
        line("emoji", emoji_text, "anna", ("Токаев", "PER"), ("Ташкент", "GPE"), ("5%", "NUM"),
             claims=[{"id": "C1", "start": emoji_text.index(crlf_claim),
                      "end": emoji_text.index(crlf_claim) + len(crlf_claim), "text": crlf_claim, "type": "PLAN",
                      "speaker": "T1", "cue": {"start": cue, "end": cue + 6, "text": "заявил"},
                      "quantity": {"value": 5, "unit": "%", "period": None}}],
             relations=[{"id": "R1", "label": "ABOUT", "head": "C1", "tail": "T3"}]),
    ]
    assert sputnik["text"] == "Sputnik"
    report = import_files(sample_workspace, [write_jsonl(tmp_path / "sets.jsonl", *lines)])
    assert report.committed, report.problems
    return sample_workspace


def test_export_round_trips_into_a_fresh_database(sample_workspace: Workspace, tmp_path: Path,
                                                 make_db_target) -> None:
    workspace = annotated_corpus(sample_workspace, tmp_path)
    exported = export_bytes(workspace)
    lines = [orjson.loads(x) for x in exported.splitlines()]
    assert len(lines) == 4 + 2 + 1  # four bare sample documents, two sets of 003, one of the emoji text
    path = tmp_path / "export.jsonl"
    path.write_bytes(exported)
    with Workspace.open(make_db_target("fresh")) as fresh:
        report = import_files(fresh, [path])
        assert report.committed and not report.problems
        assert report.documents_added == 6 and report.sets_added == 3
        assert export_bytes(fresh) == exported
        for owner in ("anna", "bob"):
            assert export_bytes(fresh, owner=owner) == export_bytes(workspace, owner=owner)


def test_every_exported_span_carries_its_slice(sample_workspace: Workspace, tmp_path: Path) -> None:
    workspace = annotated_corpus(sample_workspace, tmp_path)
    count = 0
    for raw in export_bytes(workspace).splitlines():
        obj = orjson.loads(raw)
        text = obj["text"]
        assert obj["meta"]["sha256"] == text_sha256(text)
        for span in obj["entities"] + obj["claims"]:
            assert span["text"] == text[span["start"]:span["end"]]
            count += 1
        for claim in obj["claims"]:
            if claim["cue"]:
                assert claim["cue"]["text"] == text[claim["cue"]["start"]:claim["cue"]["end"]]
    assert count == 2 + 1 + 1 + 3 + 1


def test_export_keeps_emoji_and_crlf_offsets(sample_workspace: Workspace, tmp_path: Path) -> None:
    workspace = annotated_corpus(sample_workspace, tmp_path)
    (obj,) = [orjson.loads(x) for x in export_bytes(workspace, document_ids=["emoji"]).splitlines()]
    text = obj["text"]
    assert "\r\n" in text and text == documents.document(workspace, "emoji").text
    by_text = {e["text"]: (e["start"], e["end"]) for e in obj["entities"]}
    assert by_text["Токаев"] == (2, 8)  # the smiley is one code point
    assert by_text["5%"][0] == text.index("5%")


def test_sample_texts_survive_export_and_reimport(sample_workspace: Workspace, sample_dir: Path,
                                                  tmp_path: Path, make_db_target) -> None:
    path = tmp_path / "samples.jsonl"
    path.write_bytes(export_bytes(sample_workspace))
    with Workspace.open(make_db_target("fresh")) as fresh:
        assert import_files(fresh, [path]).committed
        for file in sample_dir.glob("*.txt"):
            assert documents.document(fresh, file.stem) == documents.document(sample_workspace, file.stem)


# ------------------------------------------------------------------- cancel
def test_cancel_after_the_first_file_writes_nothing(sample_workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n, text in enumerate(TEXTS):
        write_text(folder / f"{n}.txt", text)
    token = CancelToken()
    seen: list[tuple[int, str]] = []

    def progress(done: int, total: int | None, what: str) -> None:
        seen.append((done, what))
        if done >= 1:
            token.cancel()

    before = snapshot(sample_workspace)
    with pytest.raises(Cancelled):
        import_files(sample_workspace, [folder], progress=progress, cancel=token)
    assert token.cancelled
    assert seen[0][0] == 0 and seen[-1][0] == 1  # stopped while on the second file
    assert snapshot(sample_workspace) == before


def test_cancel_before_start_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    before = snapshot(workspace)
    with pytest.raises(Cancelled):
        import_files(workspace, [write_jsonl(tmp_path / "a.jsonl", *good_lines())], cancel=token)
    assert snapshot(workspace) == before


def test_report_type(workspace: Workspace, tmp_path: Path) -> None:
    report = import_files(workspace, [write_text(tmp_path / "a.txt", TEXTS[0])])
    assert isinstance(report, ImportReport) and report.committed and report.changes.corpus


def test_annotator_option_owns_lines_that_name_no_annotator(workspace, tmp_path):
    """`--annotator` overrides the line's annotator, also when the line has none."""
    text = "Касым-Жомарт Токаев прибыл в Ташкент."
    line = {"id": "n1", "text": text, "annotator": None,
            "entities": [{"id": "T1", "start": 29, "end": 36, "label": "GPE", "text": "Ташкент"}]}
    path = tmp_path / "no-owner.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n")
    refused = import_files(workspace, [path])
    assert not refused.committed and "annotations without an annotator" in str(refused.problems[0])
    report = import_files(workspace, [path], annotator="carol")
    assert report.committed and report.spans == 1
    [carol] = documents.annotation_sets(workspace, "n1")
    assert carol.owner == "carol" and [s.label for s in carol.spans] == ["GPE"]


def _claim_line(text: str, *, speaker, relations) -> dict:
    tokaev = text.index("Токаев")
    said = text.index("прибыл")
    return {"id": "c1", "text": text, "annotator": "anna",
            "entities": [{"id": "T1", "start": 0, "end": tokaev + 6, "label": "PER", "text": text[:tokaev + 6]},
                         {"id": "T2", "start": text.index("Ташкент"), "end": text.index("Ташкент") + 7,
                          "label": "GPE", "text": "Ташкент"}],
            "claims": [{"id": "C1", "start": said, "end": len(text) - 1, "text": text[said:-1], "type": "FACT",
                        "speaker": speaker}],
            "relations": relations}


def test_says_that_contradicts_the_speaker_fails_the_import(workspace, tmp_path):
    text = "Касым-Жомарт Токаев прибыл в Ташкент."
    path = tmp_path / "says.jsonl"
    line = _claim_line(text, speaker="AUTHOR", relations=[{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"}])
    path.write_bytes(orjson.dumps(line) + b"\n")
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert not report.committed
    assert str(report.problems[0]).startswith(f"{path}:1: relation R1: SAYS names 'T1'")
    assert snapshot(workspace) == before


def test_import_keeps_speaker_and_says_in_step(workspace, tmp_path):
    text = "Касым-Жомарт Токаев прибыл в Ташкент."
    path = tmp_path / "step.jsonl"
    only_says = _claim_line(text, speaker=None, relations=[{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"}])
    only_speaker = dict(_claim_line(text.replace(".", " вчера."), speaker="T1", relations=[]), id="c2")
    only_speaker["entities"] = only_speaker["entities"][:1]
    path.write_bytes(orjson.dumps(only_says) + b"\n" + orjson.dumps(only_speaker) + b"\n")
    report = import_files(workspace, [path])
    assert report.committed, report.problems
    for doc in ("c1", "c2"):
        (aset,) = documents.annotation_sets(workspace, doc)
        (claim,) = aset.claims
        says = [r for r in aset.relations if r.label == "SAYS"]
        assert claim.speaker is not None and [(r.head, r.tail) for r in says] == [(claim.speaker, claim.id)]


def test_the_same_span_twice_in_a_line_is_an_error_and_imports_nothing(workspace: Workspace, tmp_path: Path) -> None:
    twice = line("d1", TEXTS[0], "anna", ("Ташкент", "GPE"), ("Ташкент", "GPE"))
    path = write_jsonl(tmp_path / "twice.jsonl", *good_lines(), twice)
    before = snapshot(workspace)
    report = import_files(workspace, [path])
    assert not report.committed
    assert [(p.line, p.message) for p in report.problems] == [
        (len(good_lines()) + 1, "span T2 repeats span T1: the same GPE at {}-{}".format(
            TEXTS[0].index("Ташкент"), TEXTS[0].index("Ташкент") + 7))]
    assert snapshot(workspace) == before
