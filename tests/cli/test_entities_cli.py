"""`annotator entities`, `link`, `unlink`, `claims --entity / --group-by / --figures`, `who-said`."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from annotator.cli.main import main

DOC = "003_7fa7a90ba42b20d6"  # "... товарооборот достиг $4 млрд ... до $10 млрд к 2030 году"
OTHER = "001_1fc550a04f713c8c"  # "... (до 10 млрд долларов к 2030 году ..."


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def text_of(capsys, db, doc) -> str:
    code, out, _ = run(capsys, db, "export", "-o", "-", "--docs", doc)
    return orjson.loads(out.splitlines()[0])["text"]


def at(text: str, needle: str) -> tuple[str, str]:
    start = text.index(needle)
    return str(start), str(start + len(needle))


@pytest.fixture
def scene(capsys, db_target):
    """anna: Токаев (two mentions in two articles, two figures of 2030) and Мирзиёев (one claim)."""
    db = db_target
    assert run(capsys, db, "import", "--sample")[0] == 0
    text, other = text_of(capsys, db, DOC), text_of(capsys, db, OTHER)

    def label(doc, body, needle, kind):
        code, out, err = run(capsys, db, "label", doc, *at(body, needle), kind, "--annotator", "anna")
        assert code == 0, err
        return out.strip()

    def claim(doc, body, needle, kind, speaker, *quantity):
        code, out, err = run(capsys, db, "claim", doc, *at(body, needle), kind, "--speaker", speaker,
                             "--annotator", "anna", "--quantity", *quantity)
        assert code == 0, err
        return int(out)

    tokaev = label(DOC, text, "Касым-Жомарта Токаева", "PER")
    mirziyoyev = label(DOC, text, "Шавката Мирзиёева", "PER")
    tokaev_other = label(OTHER, other, "Токаев", "PER")
    plan = claim(DOC, text, "довести данный показатель до $10 млрд к 2030 году", "PLAN", tokaev, "1e10", "USD", "2030")
    stat = claim(DOC, text, "с начала года товарооборот достиг $4 млрд", "STAT", mirziyoyev, "4e9", "USD", "2025")
    other_plan = claim(OTHER, other, "до 10 млрд долларов к 2030 году", "PLAN", tokaev_other, "1.2e10", "USD", "2030")
    return {"db": db, "tokaev": int(tokaev), "mirziyoyev": int(mirziyoyev), "tokaev_other": int(tokaev_other),
            "plan": plan, "stat": stat, "other_plan": other_plan}


def test_link_new_then_link_by_id_and_list_the_table(capsys, scene):
    db = scene["db"]
    code, out, err = run(capsys, db, "link", DOC, str(scene["tokaev"]), "new", "--annotator", "anna")
    assert code == 0, err
    entity = int(out)
    code, out, err = run(capsys, db, "link", OTHER, str(scene["tokaev_other"]), str(entity), "--annotator", "anna")
    assert code == 0, err
    (row,) = orjson.loads(run(capsys, db, "entities", "--annotator", "anna", "--json")[1])
    assert (row["id"], row["name"], row["type"], row["mentions"], row["documents"]) == (
        entity, "Касым-Жомарт Токаев", "PER", 2, 2)
    assert row["aliases"] == ["Касым-Жомарта Токаева"]
    mentions = orjson.loads(run(capsys, db, "entities", "--annotator", "anna", "--mentions", str(entity),
                                "--json")[1])
    assert [(m["document"], m["text"]) for m in mentions] == [(OTHER, "Токаев"), (DOC, "Касым-Жомарта Токаева")]
    # a span of another document is refused, and nothing changes
    code, _out, err = run(capsys, db, "link", OTHER, str(scene["mirziyoyev"]), str(entity), "--annotator", "anna")
    assert code == 1 and str(scene["mirziyoyev"]) in err
    assert run(capsys, db, "unlink", OTHER, str(scene["tokaev_other"]), "--annotator", "anna")[0] == 0
    (row,) = orjson.loads(run(capsys, db, "entities", "--annotator", "anna", "--json")[1])
    assert row["mentions"] == 1


def test_claims_by_entity_grouped_by_speaker_and_who_said_csv(capsys, scene):
    db = scene["db"]
    entity = int(run(capsys, db, "link", DOC, str(scene["tokaev"]), "new", "--annotator", "anna")[1])
    run(capsys, db, "link", OTHER, str(scene["tokaev_other"]), str(entity), "--annotator", "anna")
    rows = orjson.loads(run(capsys, db, "claims", "--entity", str(entity), "--json")[1])
    assert [r["claim_id"] for r in rows] == [scene["other_plan"], scene["plan"]]  # corpus order
    groups = orjson.loads(run(capsys, db, "claims", "--group-by", "speaker", "--json")[1])
    assert [(g["title"], g["entity_id"], len(g["claims"])) for g in groups] == [
        ("Касым-Жомарт Токаев", entity, 2), ("Шавката Мирзиёева", None, 1)]
    code, out, err = run(capsys, db, "who-said", "--csv")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["speaker"], r["entity_id"], r["claim_type"], r["figure"], r["document"], r["date"]) for r in table] == [
        ("Касым-Жомарт Токаев", str(entity), "PLAN", "12000000000.0", OTHER, "2025-11-15"),
        ("Шавката Мирзиёева", "", "STAT", "4000000000.0", DOC, "2025-11-15"),  # in text order
        ("Касым-Жомарт Токаев", str(entity), "PLAN", "10000000000.0", DOC, "2025-11-15"),
    ]


def test_figures_side_by_side_flag_a_changed_figure(capsys, scene):
    db = scene["db"]
    comparisons = orjson.loads(run(capsys, db, "claims", "--figures", "--json")[1])
    (plan,) = comparisons  # the 2025 figure is stated once: nothing to compare
    assert (plan["unit"], plan["period"], plan["differs"], plan["documents"]) == ("USD", "2030", True, 2)
    assert sorted(s["figure"] for s in plan["statements"]) == [1e10, 1.2e10]
    code, out, _ = run(capsys, db, "claims", "--figures")
    assert code == 0 and "DIFFERS" in out
