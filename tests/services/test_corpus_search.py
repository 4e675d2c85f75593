"""Search through the store's index: texts, spans of a label, claims by speaker, type and figure,
with the document filters; paging by cursor; the index filled at import and by the migration."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.domain.model import Quantity, SetStatus
from annotator.domain.query import DocumentQuery
from annotator.domain.search import parse
from annotator.services import annotating, claims, documents, search
from annotator.services.errors import ServiceError
from annotator.services.importing import import_files
from annotator.services.search import SearchFilter, iter_hits, search_page
from annotator.services.workspace import Workspace
from annotator.storage import search_index
from annotator.storage.search_index import LEXEME_CHARS, Fts5Index, TsvectorIndex

TEXTS = {
    "emoji": "🇰🇿🇺🇿 Визит 👍🏽\r\nКасым-Жомарт Токаев прибыл.\r\n«Мирзиёев» встретил 😀 ТОКАЕВА.\r\n",
    "plain": "Шавкат Мирзиеев провёл переговоры в Ташкенте. Товарооборот достиг $4 млрд.",
    "other": "Переговорах о поставках газа говорили в Москве; самолёт прилетел.",
    "quiet": "Ничего общего с остальными: погода, урожай, дожди.",
}
DATES = {"emoji": "2025-11-14", "plain": "2025-11-15", "other": "2025-11-16", "quiet": "2025-11-17"}


@pytest.fixture
def ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"".join(orjson.dumps({"id": k, "text": v, "meta": {"date": DATES[k]}}) + b"\n"
                              for k, v in TEXTS.items()))
    assert import_files(workspace, [path]).committed
    return workspace


def texts_found(ws, query, search_filter=SearchFilter()) -> list[tuple[str, str]]:
    out = []
    for hit in iter_hits(ws, query, search_filter):
        body = documents.document(ws, hit.document_id).text
        assert body[hit.start:hit.end] == hit.text  # offsets are code points into the stored text
        out.append((hit.document_id, hit.text))
    return out


def test_hits_slice_the_stored_text_after_emoji_and_crlf(ws):
    assert texts_found(ws, "токаев") == [("emoji", "Токаев"), ("emoji", "ТОКАЕВА")]
    assert texts_found(ws, "Мирзиёев") == [("emoji", "Мирзиёев"), ("plain", "Мирзиеев")]
    assert texts_found(ws, '"прибыл мирзиеев"') == [("emoji", "прибыл.\r\n«Мирзиёев")]


def test_lemma_phrase_and_prefix_through_the_index(ws):
    assert texts_found(ws, "переговоры") == [("plain", "переговоры"), ("other", "Переговорах")]
    assert texts_found(ws, '"провел переговоры"') == [("plain", "провёл переговоры")]
    assert texts_found(ws, '"провел переговорах"') == []
    assert texts_found(ws, "самол*") == [("other", "самолёт")]
    assert texts_found(ws, "переговоры Москва") == [("other", "Переговорах"), ("other", "Москве")]



def test_the_index_names_only_the_documents_that_may_hold_the_query(ws, backend):
    with ws.store.read() as repo:
        assert isinstance(repo.search_index, Fts5Index if backend == "sqlite" else TsvectorIndex)
        candidates = repo.search_candidates(parse("переговоры"), DocumentQuery(), 0, 100)
        assert [doc for _, doc in candidates] == ["plain", "other"]
        assert repo.search_candidates(parse("урожаем"), DocumentQuery(), 0, 100)[0][1] == "quiet"


def test_document_filters_apply_to_text_search(ws):
    late = SearchFilter(documents=DocumentQuery(date_from="2025-11-15"))
    assert texts_found(ws, "мирзиеев", late) == [("plain", "Мирзиеев")]
    annotating.add_span(ws, "plain", 0, 6, "PER", owner="anna")
    annotating.add_span(ws, "emoji", 0, 2, "GPE", owner="anna")
    annotating.set_status(ws, "plain", SetStatus.DONE, owner="anna")
    done = SearchFilter(documents=DocumentQuery(owner="anna", status=SetStatus.DONE))
    assert texts_found(ws, "мирзиеев", done) == [("plain", "Мирзиеев")]
    in_progress = SearchFilter(documents=DocumentQuery(owner="anna", status=SetStatus.IN_PROGRESS))
    assert texts_found(ws, "мирзиеев", in_progress) == [("emoji", "Мирзиёев")]


def test_pages_follow_one_another_by_cursor_without_gaps_or_repeats(ws):
    everything = list(iter_hits(ws, "в*"))
    assert len(everything) >= 4
    seen, after = [], None
    while True:
        page = search_page(ws, "в*", after=after, limit=2)
        seen.extend(page.hits)
        if page.next is None:
            break
        after = page.next
    assert [h.cursor for h in seen] == [h.cursor for h in everything]


def test_spans_of_a_label_whose_text_matches(ws):
    text = TEXTS["emoji"]
    start = text.index("Касым-Жомарт Токаев")
    per = annotating.add_span(ws, "emoji", start, start + len("Касым-Жомарт Токаев"), "PER", owner="anna").result
    annotating.add_span(ws, "emoji", text.index("ТОКАЕВА"), text.index("ТОКАЕВА") + 7, "ORG", owner="anna")
    annotating.add_span(ws, "plain", 0, len("Шавкат Мирзиеев"), "PER", owner="boris")
    hits = list(iter_hits(ws, "токаева", SearchFilter(labels=("PER",))))
    assert [(h.document_id, h.annotation_id, h.text, h.owner) for h in hits] == [
        ("emoji", per, "Касым-Жомарт Токаев", "anna")]
    every_per = list(iter_hits(ws, None, SearchFilter(labels=("PER",))))
    assert [h.text for h in every_per] == ["Касым-Жомарт Токаев", "Шавкат Мирзиеев"]
    assert [h.text for h in iter_hits(ws, None, SearchFilter(labels=("PER",), owner="boris"))] == ["Шавкат Мирзиеев"]


def test_spans_of_a_long_text_are_cut_from_the_text_itself(ws, tmp_path):
    # past COVERED_IN_SQL characters the store does not cut the covered text: the service slices it
    from annotator.storage.repository import COVERED_IN_SQL

    body = "😀 Ташкент. " * (COVERED_IN_SQL // 10) + "Встреча в Самарканде 😀."
    assert len(body) > COVERED_IN_SQL
    path = tmp_path / "long.jsonl"
    path.write_bytes(orjson.dumps({"id": "long", "text": body}) + b"\n")
    assert import_files(ws, [path]).committed
    far = body.rindex("Самарканде")
    annotating.add_span(ws, "long", far, far + len("Самарканде"), "GPE", owner="anna")
    annotating.add_span(ws, "long", 2, 9, "GPE", owner="anna")
    short = TEXTS["emoji"].index("Касым-Жомарт")  # after a flag and an emoji: code points, not bytes
    annotating.add_span(ws, "emoji", short, short + len("Касым-Жомарт"), "GPE", owner="anna")
    hits = list(iter_hits(ws, None, SearchFilter(labels=("GPE",))))
    assert [(h.document_id, h.text) for h in hits] == [
        ("emoji", "Касым-Жомарт"), ("long", "Ташкент"), ("long", "Самарканде")]
    assert [(h.text, h.snippet.match) for h in iter_hits(ws, "Самарканд", SearchFilter(labels=("GPE",)))] == [
        ("Самарканде", "Самарканде")]


def test_claims_by_speaker_lemma_type_and_figure_range(ws):
    text = TEXTS["plain"]
    who = annotating.add_span(ws, "plain", 0, len("Шавкат Мирзиеев"), "PER", owner="anna").result
    stat_text = "Товарооборот достиг $4 млрд"
    s = text.index(stat_text)
    stat = claims.add_claim(ws, "plain", s, s + len(stat_text), "STAT", owner="anna", speaker=who,
                            quantity=Quantity(4e9, "USD", None)).result
    t = text.index("провёл переговоры")
    fact = claims.add_claim(ws, "plain", t, t + len("провёл переговоры"), "FACT", owner="anna", speaker=who).result

    def ids(query=None, **kw):
        return [h.annotation_id for h in iter_hits(ws, query, SearchFilter(**kw))]

    assert ids(speaker="Мирзиёева") == [fact, stat]  # by lemma and ё
    assert ids(speaker="Токаев") == []
    assert ids(types=("STAT",)) == [stat]
    assert ids(figure_min=1e9, figure_max=5e9) == [stat]
    assert ids(figure_min=5e9) == []
    assert ids("переговорах", speaker="мирзиеев") == [fact]
    assert ids(types=("STAT",), documents=DocumentQuery(date_to="2025-11-14")) == []


def test_a_word_longer_than_a_lexeme_may_be_is_found_whole_and_by_prefix(ws, tmp_path):
    # PostgreSQL keeps a lexeme to 2,047 bytes: the index stores such a word cut, the hits are checked whole
    long_word = "д" * (LEXEME_CHARS + 30)
    other = "д" * (LEXEME_CHARS + 5) + "ом"  # the same first LEXEME_CHARS letters
    path = tmp_path / "long.jsonl"
    path.write_bytes(orjson.dumps({"id": "long", "text": f"{long_word} и {other}."}) + b"\n")
    assert import_files(ws, [path]).committed
    assert texts_found(ws, long_word) == [("long", long_word)]
    assert texts_found(ws, f'"{other.upper()}"') == [("long", other)]
    assert texts_found(ws, "д" * (LEXEME_CHARS + 2) + "*") == [("long", long_word), ("long", other)]


def test_a_text_too_large_for_one_index_entry_is_still_searched(ws, tmp_path, monkeypatch):
    # PostgreSQL holds at most 1 MiB of words per vector; a larger text is a candidate for every query
    monkeypatch.setattr(search_index, "VECTOR_BYTES", 64)
    path = tmp_path / "big.jsonl"
    body = "Много разных слов: " + " ".join(f"слово{i}" for i in range(40)) + ", и Токаеву тоже."
    path.write_bytes(orjson.dumps({"id": "big", "text": body}) + b"\n")
    assert import_files(ws, [path]).committed
    assert texts_found(ws, "Токаев") == [("emoji", "Токаев"), ("emoji", "ТОКАЕВА"), ("big", "Токаеву")]
    assert texts_found(ws, "слово39") == [("big", "слово39")]
    assert texts_found(ws, "урожай") == [("quiet", "урожай")]  # and a query it does not hold finds none there


def test_a_text_search_needs_a_query(ws):
    with pytest.raises(ServiceError):
        list(iter_hits(ws, "", SearchFilter()))
    with pytest.raises(ServiceError):
        list(iter_hits(ws, '"открыта', SearchFilter()))


def test_the_document_list_filter_reads_russian_through_the_index(ws):
    def ids(typed):
        return [s.id for s in documents.page(ws, DocumentQuery(text=typed))]

    assert ids("токаев") == ["emoji"]  # lower case finds "Токаев"
    assert ids("Мирзиёев") == ["emoji", "plain"]  # ё finds е and е finds ё
    assert ids("мирзиеев") == ["emoji", "plain"]
    assert ids("перегово") == ["plain", "other"]  # a word being typed: a prefix
    assert ids("QUI") == ["quiet"]  # the id, any case
    assert documents.count(ws, DocumentQuery(text="мирзиеев")) == 2



def test_the_document_list_filter_finds_a_lemma(ws):
    assert [s.id for s in documents.page(ws, DocumentQuery(text="переговоры"))] == ["plain", "other"]


def test_the_migration_indexes_the_documents_of_an_older_database(tmp_path):
    fixture = Path(__file__).parents[1] / "fixtures" / "db-rev-0001.sqlite3"
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(fixture, path)
    with Workspace.open(str(path)) as old:
        ids = [s.id for s in documents.page(old)]
        assert ids
        first = documents.document(old, ids[0]).text
        word = max(first.split(), key=len).strip(".,«»()\"")
        hits = [h for h in iter_hits(old, f'"{word}"') if h.document_id == ids[0]]
        assert hits and all(first[h.start:h.end].lower().replace("ё", "е") == word.lower().replace("ё", "е")
                            for h in hits)


def test_export_takes_the_stored_hash_instead_of_hashing_every_text_again(ws, monkeypatch):
    import io

    from annotator.domain.model import text_sha256
    from annotator.formats import jsonl
    from annotator.services.exporting import export

    def no_hashing(text):
        raise AssertionError("the export hashed a stored text again")

    monkeypatch.setattr(jsonl, "text_sha256", no_hashing)
    out = io.BytesIO()
    export(ws, out)
    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == len(TEXTS)
    assert all(line["meta"]["sha256"] == text_sha256(line["text"]) for line in lines)
