"""Repeated passages on the sample corpus's real overlaps, and propagation into the copies.

001 is almost wholly contained in 002; 002 and 004 share five sentences, 000 and 004 two,
with small edits (``—`` vs ``–``, ``Президент`` vs ``президент``, an added word, NBSPs,
indentation). Expected places are found in the copies' own texts, never typed as numbers.
"""

from __future__ import annotations

import pytest

from annotator.domain.model import AUTHOR
from annotator.domain.suggestions import copies_owner
from annotator.services import annotating, claims, documents, history, repeats, suggestions
from annotator.services.errors import ServiceError

D000, D001, D002, D003, D004 = ("000_598509fc61278558", "001_1fc550a04f713c8c", "002_c0882ce87bb2ddc4",
                                "003_7fa7a90ba42b20d6", "004_c352576d79d9da91")


@pytest.fixture
def ws(sample_workspace):
    repeats.index_pending(sample_workspace)  # the index is built after the import's commit
    return sample_workspace


def text_of(ws, doc: str) -> str:
    return documents.document(ws, doc).text


def find(ws, doc: str, needle: str, after: str = "") -> tuple[int, int]:
    text = text_of(ws, doc)
    start = text.index(needle, text.index(after) if after else 0)
    return start, start + len(needle)


def suggested(ws, doc: str, owner: str = "anna"):
    sets = documents.annotation_sets(ws, doc, copies_owner(owner))
    return sets[0] if sets else None


def covered(ws, doc: str, items) -> set[tuple[str, str]]:
    text = text_of(ws, doc)
    return {(text[i.start:i.end], getattr(i, "label", None) or i.type) for i in items}


def test_the_sample_corpus_repeats_are_found(ws):
    found = repeats.repeated_passages(ws)
    pairs = {tuple(sorted(d for d, *_ in p.places)): p for p in found}
    assert set(pairs) == {(D001, D002), (D002, D004), (D000, D004)}
    # 001 in 002: thirteen sentences of one passage (counted by the index); 002/004: five in two passages
    assert len(pairs[(D001, D002)].groups) == 13
    assert sum(len(p.groups) for p in found if {d for d, *_ in p.places} == {D002, D004}) == 5
    assert len(pairs[(D000, D004)].groups) == 2
    for passage in found:
        for document_id, start, end in passage.places:
            assert end - start > 50
            text = text_of(ws, document_id)
            assert text[start].isupper() and text[end - 1] in '.»"'


def test_an_import_leaves_its_documents_to_the_index_built_after_its_commit(ws, tmp_path):
    text = text_of(ws, D004)
    passage = text[text.index("Он\xa0также указал"):text.index("политик.") + len("политик.")]
    (tmp_path / "copy.txt").write_text(" date 2025-11-16 Вступление новой статьи. " + passage.replace("\xa0", " "),
                                       encoding="utf-8")
    (tmp_path / "short.txt").write_text("Да. Нет.", encoding="utf-8")  # no sentence long enough to index
    from annotator.services import importing

    assert importing.import_files(ws, [tmp_path / "copy.txt", tmp_path / "short.txt"]).committed
    assert repeats.unread_count(ws) == 2
    assert "copy" not in {d for p in repeats.repeated_passages(ws) for d, *_ in p.places}
    report = repeats.index_pending(ws)
    assert report.documents == 2 and report.sentences > 0
    holders = {d for p in repeats.repeated_passages(ws) for d, *_ in p.places}
    assert "copy" in holders and D004 in holders
    assert repeats.unread_count(ws) == 0  # the short one too: read, though it has no place
    assert repeats.index_pending(ws).documents == 0


def places(ws) -> list[tuple]:
    with ws.store.read() as repo:
        return sorted((p.document_id, p.ordinal, p.start, p.end)
                      for p in repo.repeat_index.places_of_documents([D000, D001, D002, D003, D004]))


def test_batches_go_on_after_the_last_ordinal_and_index_each_document_once(sample_workspace):
    ws = sample_workspace
    assert repeats.unread_count(ws) == 5
    first = repeats.index_batch(ws, limit=2)
    assert first.documents == 2 and repeats.unread_count(ws) == 3
    second = repeats.index_batch(ws, after=first.last, limit=2)
    assert second.documents == 2 and second.last > first.last
    rest = repeats.index_batch(ws, after=second.last, limit=2)
    assert rest.documents == 1 and repeats.index_batch(ws, after=rest.last).last is None
    in_batches = places(ws)
    assert len(set(in_batches)) == len(in_batches)
    repeats.index_corpus(ws, rebuild=True)  # all at once gives the same places
    assert places(ws) == in_batches
    assert {tuple(sorted(d for d, *_ in p.places)) for p in repeats.repeated_passages(ws)} == {
        (D001, D002), (D002, D004), (D000, D004)}


def test_a_batch_another_indexer_did_meanwhile_is_not_indexed_twice(sample_workspace, monkeypatch):
    ws = sample_workspace
    real = repeats.units_of

    def meanwhile(texts):  # another desktop indexes the same documents while these signatures are computed
        monkeypatch.setattr(repeats, "units_of", real)
        repeats.index_pending(ws)
        return real(texts)

    monkeypatch.setattr(repeats, "units_of", meanwhile)
    batch = repeats.index_batch(ws, limit=5)
    assert batch.documents == 0 and batch.sentences == 0 and batch.last is not None
    found = places(ws)
    assert found and len(set(found)) == len(found)
    repeats.index_corpus(ws, rebuild=True)
    assert places(ws) == found
    assert repeats.unread_count(ws) == 0


def passages_between(ws) -> set[tuple[str, ...]]:
    return {tuple(sorted(d for d, *_ in p.places)) for p in repeats.repeated_passages(ws)}


def test_groups_another_indexer_adds_after_the_look_ups_are_found_under_the_lock(sample_workspace, monkeypatch):
    """The batch looks up and compares outside the write lock; if another desktop indexes 001
    (whose sentences 002 copies) in between, the batch must choose again and join 001's groups,
    not make groups of its own for the same sentences."""
    ws = sample_workspace
    real = repeats._choose

    def meanwhile(*args, **kwargs):
        monkeypatch.setattr(repeats, "_choose", real)
        with ws.store.write() as repo:
            repeats.index_documents(repo, repo.documents([D000, D001]))
        return real(*args, **kwargs)

    monkeypatch.setattr(repeats, "_choose", meanwhile)
    with ws.store.read() as repo:
        after_001 = dict(repo.repeat_index.unread_documents(0, 5))[D001]
    batch = repeats.index_batch(ws, after=after_001, limit=1, pause=lambda: None)
    assert batch.documents == 1 and repeats._choose is real
    repeats.index_pending(ws)
    assert (D001, D002) in passages_between(ws)
    found = passages_between(ws)
    repeats.index_corpus(ws, rebuild=True)
    assert passages_between(ws) == found


def annotate_002(ws) -> dict[str, int]:
    """anna's work on 002: entities and claims inside the passages copied into 001 and 004."""
    ids = {}

    def span(needle, label, after=""):
        ids[needle] = annotating.add_span(ws, D002, *find(ws, D002, needle, after), label, owner="anna").result

    span("10 млрд долларов", "MONEY")
    span("2030 году", "DATE")
    span("UzKazTrade", "ORG")
    span("Глава нашего государства", "ROLE")  # 001 says "Глава государства": no copy there
    span("Касым-Жомарт Токаев", "PER", after="– заявил")
    span("Север – Юг", "LOC")  # 004: "Север\xa0— Юг"
    span("Афганистан", "GPE", after="Север – Юг")
    span("президент Казахстана", "ROLE", after="Как отметил")  # 004: "Президент Казахстана"
    quote = find(ws, D002, "В настоящее время у нас имеются 78 совместных проектов")
    end = find(ws, D002, "15 тысяч рабочих мест.")[1]
    ids["claim"] = claims.add_claim(ws, D002, quote[0], end, "STAT", owner="anna",
                                    speaker=ids["Касым-Жомарт Токаев"]).result
    opinion = find(ws, D002, "конструктивное сотрудничество в водно-энергетической сфере особенно актуально")
    ids["opinion"] = claims.add_claim(ws, D002, opinion[0], opinion[1], "OPINION", owner="anna",
                                      speaker=ids["президент Казахстана"],
                                      cue=find(ws, D002, "отметил", after="транспортного коридора")).result
    ids["author"] = claims.add_claim(ws, D002, *find(ws, D002, "Выражена готовность к напряженной работе"),
                                     "PLAN", owner="anna", speaker=AUTHOR).result
    return ids


def test_propagation_lands_on_the_copies_own_characters(ws):
    annotate_002(ws)
    result = repeats.propagate(ws, D002, annotator="anna")
    assert sorted(result.documents) == [D001, D004]

    in_001 = suggested(ws, D001)
    assert covered(ws, D001, in_001.spans) == {
        ("10 млрд долларов", "MONEY"), ("2030 году", "DATE"), ("UzKazTrade", "ORG"),
        ("Касым-Жомарт Токаев", "PER")}  # not the ROLE: the copy adds no "нашего"
    text_001 = text_of(ws, D001)
    per = next(s for s in in_001.spans if s.label == "PER")
    assert text_001[per.end:per.end + 1] == "." and "заявил" in text_001[per.start - 10:per.start]
    (claim,) = [c for c in in_001.claims if c.type == "STAT"]
    assert text_001[claim.start:claim.end].startswith("В настоящее время у нас имеются 78")
    assert text_001[claim.start:claim.end].endswith("15 тысяч рабочих мест.")
    assert claim.speaker == per.id  # the speaker mention is inside the copied region
    (plan,) = [c for c in in_001.claims if c.type == "PLAN"]
    assert plan.speaker == AUTHOR
    assert text_001[plan.start:plan.end] == "Выражена готовность к напряженной работе"

    in_004 = suggested(ws, D004)
    assert covered(ws, D004, in_004.spans) == {
        ("Север\xa0— Юг", "LOC"), ("Афганистан", "GPE"), ("Президент Казахстана", "ROLE")}
    text_004 = text_of(ws, D004)
    (opinion,) = in_004.claims
    role = next(s for s in in_004.spans if s.label == "ROLE")
    assert opinion.speaker == role.id
    assert text_004[opinion.start:opinion.end] == (
        "конструктивное сотрудничество в\xa0водно-энергетической сфере особенно актуально")
    assert text_004[opinion.cue.start:opinion.cue.end] == "отметил"
    assert suggested(ws, D000) is None and suggested(ws, D003) is None


def test_nothing_is_proposed_where_the_copy_differs_inside_the_span(ws):
    start, end = find(ws, D002, "Глава нашего государства большие надежды")
    annotating.add_span(ws, D002, start, end, "ROLE", owner="anna")
    result = repeats.propagate(ws, D002, annotator="anna")
    assert result.unmapped == 1 and result.spans == 0 and suggested(ws, D001) is None


def test_a_claim_whose_speaker_is_outside_every_copy_comes_without_one(ws):
    toka = annotating.add_span(ws, D002, *find(ws, D002, "Токаев"), "PER", owner="anna").result  # the lead
    claims.add_claim(ws, D002, *find(ws, D002, "Полагаю, что первостепенное внимание следует уделить"),
                     "OPINION", owner="anna", speaker=toka)
    repeats.propagate(ws, D002, annotator="anna")
    (claim,) = suggested(ws, D001).claims
    assert claim.speaker is None and suggested(ws, D001).spans == ()


def test_propagated_copies_are_the_annotators_suggestions_to_accept(ws):
    annotate_002(ws)
    repeats.propagate(ws, D002, annotator="anna")
    assert suggested(ws, D001, owner="boris") is None  # anna's copies are hers
    assert all(s.source == copies_owner("anna") for s in suggestions.open_suggestions(ws, D004, owner="anna"))
    assert suggestions.open_suggestions(ws, D004, owner="boris") == []
    start, _end = find(ws, D004, "конструктивное сотрудничество")
    accepted = suggestions.accept_suggestion(ws, D004, start + 3, owner="anna")
    (own,) = documents.annotation_sets(ws, D004, "anna")
    (claim,) = own.claims
    assert claim.id == accepted.result
    speaker = next(s for s in own.spans if s.id == claim.speaker)
    assert text_of(ws, D004)[speaker.start:speaker.end] == "Президент Казахстана"
    # propagating again proposes nothing new
    again = repeats.propagate(ws, D002, annotator="anna")
    assert again.spans == 0 and again.claims == 0


def test_propagation_is_undone_per_copy(ws):
    annotate_002(ws)
    result = repeats.propagate(ws, D002, annotator="anna")
    history.undo(ws, owner=copies_owner("anna"))
    left = {d for d in (D001, D004) if suggested(ws, d) is not None and (suggested(ws, d).spans or suggested(ws, d).claims)}
    assert len(left) == len(result.documents) - 1


def test_propagating_needs_the_annotators_set(ws):
    with pytest.raises(ServiceError):
        repeats.propagate(ws, D002, annotator="nobody")


def test_a_documents_copies_say_where_else_each_region_is(ws):
    found = repeats.copies_of(ws, D004)
    assert {c.document_id for c in found} == {D000, D002}
    text_004, text_002 = text_of(ws, D004), text_of(ws, D002)
    north = next(c for c in found if "Север" in text_004[c.start:c.end])
    assert north.document_id == D002 and "Север – Юг" in text_002[north.other_start:north.other_end]
    assert repeats.copies_of(ws, D003) == []
