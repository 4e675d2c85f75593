"""Entity links and the entity table through our JSONL, brat (N lines, * equivalences), Label
Studio (a per-region text area), WebAnno TSV and doccano (keys of ours on an entity object): the
same mentions come back under one entity. CoNLL carries none and says so."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.services import annotating, documents, entities, exporting
from annotator.services.importing import import_files, import_sample
from annotator.services.workspace import Workspace

DOCS = ["000_598509fc61278558", "001_1fc550a04f713c8c", "004_c352576d79d9da91"]


def find(ws, doc: str, needle: str) -> tuple[int, int]:
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle.strip())  # a whole word: WebAnno TSV keeps whole tokens


@pytest.fixture
def linked(tmp_path: Path):
    """anna links "Касым-Жомарт Токаев" in three articles and a "Глава государства" to Токаев (Q353,
    an alias, a note), and two "Узбекистана" mentions to an entity with no external id."""
    ws = Workspace.open(str(tmp_path / "linked.sqlite3"))
    import_sample(ws)
    tokaev = entities.create_entity(ws, "Касым-Жомарт Токаев", owner="anna", type="PER", aliases=["Токаев"],
                                    external_id="Q353", notes="Президент Казахстана с 2019 года").result
    uzbekistan = entities.create_entity(ws, "Узбекистан", owner="anna", type="GPE").result
    for doc in DOCS:
        span = annotating.add_span(ws, doc, *find(ws, doc, "Касым-Жомарт Токаев"), "PER", owner="anna").result
        entities.link_mention(ws, span, tokaev, owner="anna")
    title = annotating.add_span(ws, DOCS[0], *find(ws, DOCS[0], "Глава государства"), "ROLE", owner="anna").result
    entities.link_mention(ws, title, tokaev, owner="anna")
    for doc in DOCS[1:]:
        span = annotating.add_span(ws, doc, *find(ws, doc, "Узбекистана "), "GPE", owner="anna").result
        entities.link_mention(ws, span, uzbekistan, owner="anna")
    yield ws
    ws.close()


def groups(ws: Workspace) -> dict[tuple, set[tuple[str, str]]]:
    """(name, external id) -> the (document, covered text) of the mentions linked to it."""
    out: dict[tuple, set[tuple[str, str]]] = {}
    for summary in entities.entity_list(ws, "anna"):
        e = summary.entity
        out[(e.name, e.external_id)] = {(m.document_id, m.text) for m in entities.entity_mentions(ws, e.id)}
    return out


@pytest.mark.parametrize("format_id", ["jsonl", "brat", "labelstudio", "webanno-tsv", "doccano"])
def test_links_come_back_under_one_entity_each(linked, tmp_path, format_id):
    if exporting.writes_directory(format_id):
        out = tmp_path / "out"
        exporting.export_to_directory(linked, out, format_id=format_id, owner="anna")
        source, annotator = out / "anna", "anna"
    else:
        out = tmp_path / "out.json"
        exporting.export_to_path(linked, out, format_id=format_id, owner="anna")
        source, annotator = out, None
    fresh = Workspace.open(str(tmp_path / "fresh.sqlite3"))
    report = import_files(fresh, [source], format_id=format_id, annotator=annotator)
    assert report.committed, report.problems
    assert groups(fresh) == groups(linked)
    if format_id == "jsonl":  # our JSONL carries the whole entity: aliases and notes too
        (tokaev,) = [s.entity for s in entities.entity_list(fresh, "anna") if s.entity.external_id == "Q353"]
        assert (tokaev.type, tokaev.aliases, tokaev.notes) == ("PER", ("Токаев",), "Президент Казахстана с 2019 года")
    # importing again finds the entities: the table does not grow
    assert import_files(fresh, [source], format_id=format_id, annotator=annotator).committed
    assert len(entities.entity_list(fresh, "anna")) == 2
    fresh.close()


def test_jsonl_lines_name_the_entity_the_same_in_every_line(linked, tmp_path):
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(linked, out, format_id="jsonl", owner="anna")
    lines = [orjson.loads(raw) for raw in out.read_bytes().splitlines()]
    linked_lines = [line for line in lines if line.get("linked_entities")]
    assert len(linked_lines) == 3
    for line in linked_lines:
        described = {e["id"] for e in line["linked_entities"]}
        assert {e["entity"] for e in line["entities"] if e["entity"]} == described
        assert "Q353" in described  # an entity with an external id is referred to by it
    others = {e["id"] for line in linked_lines for e in line["linked_entities"] if e["external_id"] is None}
    assert len(others) == 1 and next(iter(others)).startswith("E")  # Узбекистан: one reference


def test_brat_equivalences_link_their_members_to_one_entity(tmp_path):
    text = "Касым-Жомарт Токаев прибыл. Глава государства сказал. Президент Казахстана уехал."
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    spans = [("Касым-Жомарт Токаев", "PER"), ("Глава государства", "ROLE"), ("Президент Казахстана", "ROLE")]
    lines = [f"T{n}\t{label} {text.index(piece)} {text.index(piece) + len(piece)}\t{piece}"
             for n, (piece, label) in enumerate(spans, start=1)]
    lines += ["*\tSAME_AS T1 T2 T3"]
    (folder / "doc.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ws = Workspace.open(str(tmp_path / "db.sqlite3"))
    report = import_files(ws, [folder / "doc.ann"], annotator="anna")
    assert report.committed, report.problems
    (summary,) = entities.entity_list(ws, "anna")
    assert (summary.entity.name, summary.mentions) == ("Касым-Жомарт Токаев", 3)
    ws.close()


@pytest.mark.parametrize("change, message", [
    ({"linked_entities": [{"id": "E1", "name": "Токаев"}, {"id": "E1", "name": "Токаев"}]}, "a second record"),
    ({"linked_entities": [{"id": "E1", "name": "Токаев", "qid": "Q1"}]}, "unknown field 'qid'"),
    ({"linked_entities": [{"id": "E1", "name": " Токаев"}]}, "leading or trailing spaces"),
    ({"linked_entities": [{"id": "E1", "name": "Токаев", "aliases": [""]}]}, "empty"),
    ({"linked_entities": [{"id": "E1"}]}, "missing 'name'"),
])
def test_jsonl_refuses_a_bad_entity_record_naming_it(change, message):
    from annotator.domain.scheme import Scheme
    from annotator.formats.jsonl import LineError, parse_line
    from annotator.services.workspace import default_scheme_body

    text = "Токаев прибыл."
    line = {"id": "d", "text": text, "annotator": "anna",
            "entities": [{"id": "T1", "start": 0, "end": 6, "label": "PER", "text": "Токаев", "entity": "E1"}],
            **change}
    with pytest.raises(LineError, match=message):
        parse_line(line, Scheme.from_dict(default_scheme_body(), version=1))


def test_doccano_entity_objects_carry_the_link_beside_doccanos_own_keys(linked, tmp_path):
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(linked, out, format_id="doccano", owner="anna")
    lines = [orjson.loads(raw) for raw in out.read_bytes().splitlines()]
    linked_objects = [e for line in lines for e in line["entities"] if "entity" in e]
    assert {(e["entity"], e["entity_name"]) for e in linked_objects} >= {("Q353", "Касым-Жомарт Токаев")}
    assert all({"id", "label", "start_offset", "end_offset"} <= set(e) for e in linked_objects)
    assert len(linked_objects) == 6  # three full names, the title, two Узбекистана


def test_conll_says_it_leaves_the_links_out(linked, tmp_path):
    report = exporting.export_to_path(linked, tmp_path / "out.conll", format_id="conll", owner="anna")
    said = " ".join(report.notices)
    assert "entity links of 6 spans not written" in said
