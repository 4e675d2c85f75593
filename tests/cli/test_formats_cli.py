"""The command line over the other tools' formats: --format choices, auto detection of a brat
directory, notes on stderr, FILE:LINE problems and nothing written."""

from __future__ import annotations

from annotator.cli.main import main

TEXT = "Президент Казахстана Токаев 😀 прибыл в Ташкент.\r\n"


def test_a_brat_directory_is_detected_and_an_export_states_its_losses(tmp_path, capsys):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_bytes(TEXT.encode())
    start = TEXT.index("Ташкент")
    (folder / "doc.ann").write_text(f"T1\tROLE 0 9\tПрезидент\nT2\tGPE 10 20\tКазахстана\n"
                                    f"T3\tGPE {start} {start + 7}\tТашкент\nR1\tHEAD_OF Arg1:T1 Arg2:T2\n"
                                    f"#1\tAnnotatorNotes T1\tчей?\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "import", str(folder), "--annotator", "anna"]) == 0
    captured = capsys.readouterr()
    assert "imported: 1 document(s) added" in captured.out and "3 span(s)" in captured.out
    assert "1 note(s)" in captured.out  # brat's # note, into anna's notes
    assert main(["--db", db, "notes", "--annotator", "anna"]) == 0
    assert "чей?" in capsys.readouterr().out

    assert main(["--db", db, "export", "--format", "conll", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert "Президент\tB-ROLE\nКазахстана\tB-GPE\nТокаев\tO\n😀\tO\n" in captured.out
    assert "note: 1 nested span not written" not in captured.err  # not nested: ROLE and GPE are side by side
    assert "note: 1 relation not written" in captured.err

    assert main(["--db", db, "export", "--format", "brat", "-o", "-"]) == 1
    assert "written as a directory" in capsys.readouterr().err


def test_a_bad_line_in_another_format_is_named_and_nothing_is_written(tmp_path, capsys):
    bad = tmp_path / "bad.conll"
    bad.write_text("Токаев\tB-PER\nприбыл\tO\n\nТашкент\tB-CITY\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "import", str(bad), "--annotator", "anna"]) == 1
    assert f"{bad}:4: span L4: unknown label 'CITY'" in capsys.readouterr().err
    assert main(["--db", db, "docs", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[\n]"
