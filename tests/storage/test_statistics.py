"""PostgreSQL's planner: an import leaves the statistics of the tables it grew (it analyzes them), so that
a search right after a big import is planned on the new rows, not on an empty table's guesses;
a small import into a big table leaves them to autovacuum; and every statement is planned for its own
values (a search's tsquery). SQLite: nothing to do."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.services.importing import import_files
from annotator.services.workspace import Workspace
from annotator.storage import statistics

WORDS = ("Ташкент", "Москва", "Самарканд", "Бишкек")


def corpus(path: Path, first: int, count: int) -> Path:
    records = []
    for n in range(first, first + count):
        word = WORDS[n % len(WORDS)]
        body = f"Материал {n}: переговоры в городе {word} прошли в пятницу. " + "Текст для объёма. " * 40
        start = body.index(word)
        records.append({"id": f"d{n:03d}", "text": body, "annotator": "anna", "entities": [
            {"id": "T1", "start": start, "end": start + len(word), "label": "GPE", "text": word}]})
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def imported(ws: Workspace, path: Path) -> None:
    report = import_files(ws, [path])
    assert report.committed, report.problems


def planner_rows(ws: Workspace, table: str) -> float:
    """What the planner believes the table holds (-1: never analyzed)."""
    with ws.store.read() as repo:
        return repo.connection.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", (table,)).scalar_one()


def test_an_import_analyzes_the_tables_it_filled(workspace, tmp_path):
    imported(workspace, corpus(tmp_path / "a.jsonl", 0, 30))
    if workspace.store.is_sqlite:
        with workspace.store.write() as repo:
            assert repo.analyze_grown_tables() == []  # no statistics to keep on SQLite
        return
    for table in ("documents", "document_texts", "annotation_sets", "spans", "search_index", "span_search"):
        assert planner_rows(workspace, table) == 30, table
    with workspace.store.read() as repo:
        columns = set(repo.connection.exec_driver_sql(
            "SELECT attname FROM pg_stats WHERE tablename = 'span_search'").scalars())
    assert {"words", "label", "ordinal"} <= columns  # the GIN index's column has its lexemes' statistics


def test_a_small_import_into_a_big_table_is_left_to_autovacuum(workspace, tmp_path):
    imported(workspace, corpus(tmp_path / "a.jsonl", 0, 60))
    if not workspace.store.is_sqlite:
        pages = pages_of(workspace, "document_texts")
        assert pages >= 10  # so that one more document is less than a tenth more pages
    imported(workspace, corpus(tmp_path / "b.jsonl", 60, 1))
    if workspace.store.is_sqlite:
        return
    assert planner_rows(workspace, "document_texts") == 60  # not analyzed again
    imported(workspace, corpus(tmp_path / "c.jsonl", 61, 20))  # a third more: analyzed, with the one before
    assert planner_rows(workspace, "document_texts") == 81


def pages_of(ws: Workspace, table: str) -> int:
    with ws.store.read() as repo:
        return repo.connection.exec_driver_sql(
            "SELECT pg_relation_size(to_regclass(%s)) / current_setting('block_size')::int", (table,)).scalar_one()


def test_after_an_import_nothing_is_left_to_analyze(workspace, tmp_path):
    imported(workspace, corpus(tmp_path / "a.jsonl", 0, 30))
    with workspace.store.write() as repo:
        assert statistics.analyze_grown(repo.connection) == []


def test_every_statement_is_planned_for_its_own_values(workspace, tmp_path):
    """A search's tsquery is a parameter: a plan made once for any value would walk every row."""
    if workspace.store.is_sqlite:
        return
    imported(workspace, corpus(tmp_path / "a.jsonl", 0, 30))
    for _ in range(12):  # past psycopg's prepare threshold and the server's five custom plans
        with workspace.store.read() as repo:
            assert repo.connection.exec_driver_sql("SHOW plan_cache_mode").scalar_one() == "force_custom_plan"
            words = repo.connection.exec_driver_sql(
                "SELECT count(*) FROM span_search WHERE words @@ CAST(%s AS tsquery)", ("'ташкент'",)).scalar_one()
            assert words == 8
