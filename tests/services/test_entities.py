"""Corpus-wide entities: linking mentions, proposals, merge and split, undo; the done-when test
(Токаев's mentions in all five sample articles under one entity, his claims with their figures)."""

from __future__ import annotations

import pytest

from annotator.domain.entities import Reason
from annotator.domain.model import GOLD, Role
from annotator.services import (
    annotating, claims, claims_browser, curation, documents, entities, history, users,
)
from annotator.services.errors import ServiceError
from tests.claims_sample import DOCS, annotate_sample, find


@pytest.fixture
def marked(sample_workspace):
    """The sample corpus annotated by anna (tests/claims_sample.py)."""
    return annotate_sample(sample_workspace)


def span_text(ws, span_id: int, owner: str = "anna") -> str:
    for doc in DOCS:
        for aset in documents.annotation_sets(ws, doc, owner):
            for s in aset.spans:
                if s.id == span_id:
                    return documents.document(ws, doc).text[s.start:s.end]
    raise KeyError(span_id)


def test_tokaev_gathers_his_mentions_from_all_five_articles_and_his_claims_with_figures(marked):
    ws, per, role, said = marked
    first = per[DOCS[0]][0]
    assert span_text(ws, first) == "Касым-Жомарт Токаев"
    tokaev = entities.create_from_mention(ws, first, owner="anna").result
    assert entities.get_entity(ws, tokaev).name == "Касым-Жомарт Токаев"
    # The full names across the corpus, then the bare surnames ("Токаева", "Токаеву") by lemma.
    entities.link_like(ws, first, owner="anna", corpus=True)
    surname = next(s for s in per[DOCS[1]] if span_text(ws, s) == "Токаев")
    entities.link_mention(ws, surname, tokaev, owner="anna")
    entities.link_like(ws, surname, owner="anna", corpus=True)
    # Each title, by the digit of its first proposal: whom the article is about, the first time;
    # once one "Глава государства" is linked, its text is an alias of his.
    reasons = []
    for doc in DOCS:
        for title in role[doc]:
            best = entities.propose_for_span(ws, title, owner="anna")[0]
            assert best.entity.id == tokaev
            reasons.append(best.reason)
            entities.link_mention(ws, title, best.entity.id, owner="anna")
    assert reasons[0] == Reason.CONTEXT and set(reasons[1:]) == {Reason.ALIAS}

    mentions = entities.entity_mentions(ws, tokaev)
    assert {m.document_id for m in mentions} == set(DOCS)
    every = {s for doc in DOCS for s in per[doc] + role[doc]}
    assert {m.span_id for m in mentions} == every
    assert {"Касым-Жомарт Токаев", "Касым-Жомарта Токаева", "Касым-Жомарту Токаеву", "Токаев",
            "Глава государства", "Главы государства"} <= {m.text for m in mentions}

    rows = list(claims_browser.iter_browse(ws, claims_browser.BrowseFilter(speakers=(tokaev,))))
    assert [r.claim.id for r in rows] == said
    assert {(r.claim.document_id, r.claim.quantity.value if r.claim.quantity else None) for r in rows} == {
        (DOCS[0], 11.5e9), (DOCS[1], 10e9), (DOCS[3], 4e9), (DOCS[3], 10e9), (DOCS[4], None)}
    assert all(r.speaker_name == "Касым-Жомарт Токаев" for r in rows)
    (group,) = claims_browser.grouped(ws, claims_browser.BrowseFilter(owner="anna"))
    assert (group.entity_id, len(group.rows)) == (tokaev, 5)
    comparison = claims_browser.compare_figures(ws, claims_browser.BrowseFilter(unit="USD"))
    (plan,) = [c for c in comparison if c.period == "2030"]
    assert (len(plan.statements), plan.documents, plan.differs) == (2, 2, False)


def test_proposals_by_lemma_and_alias_best_first(marked):
    ws, per, role, _said = marked
    tokaev = entities.create_entity(ws, "Касым-Жомарт Токаев", owner="anna", type="PER",
                                    aliases=["Президент Казахстана"]).result
    mirziyoyev = entities.create_entity(ws, "Шавкат Мирзиёев", owner="anna", type="PER").result
    tokaeva = annotating.add_span(ws, DOCS[3], *find(ws, DOCS[3], "Токаева"), "PER", owner="anna").result
    proposals = entities.propose_for_span(ws, tokaeva, owner="anna")
    assert [p.entity.id for p in proposals] == [tokaev]  # Мирзиёев is no match at all
    assert proposals[0].reason == Reason.NAME
    president = annotating.add_span(ws, DOCS[0], *find(ws, DOCS[0], "Президент Казахстана"), "ROLE",
                                    owner="anna").result
    (best, *_rest) = entities.propose_for_span(ws, president, owner="anna")
    assert (best.entity.id, best.reason) == (tokaev, Reason.ALIAS)
    assert mirziyoyev not in [p.entity.id for p in entities.propose_for_span(ws, tokaeva, owner="anna")]
    # a selection not yet marked: the same proposals from its text and label
    (unmarked, *_rest) = entities.propose_for_text(ws, DOCS[4], "Токаеву", "PER", owner="anna")
    assert (unmarked.entity.id, unmarked.reason) == (tokaev, Reason.NAME)


def test_create_from_a_surname_in_another_case_names_it_in_the_nominative(marked):
    ws, per, _role, _said = marked
    tokaeva = annotating.add_span(ws, DOCS[3], *find(ws, DOCS[3], "Токаева"), "PER", owner="anna").result
    entity_id = entities.create_from_mention(ws, tokaeva, owner="anna").result
    entity = entities.get_entity(ws, entity_id)
    assert (entity.name, entity.type, entity.aliases) == ("Токаев", "PER", ("Токаева",))
    history.undo(ws, owner="anna")  # one action: the entity and the link go together
    (aset,) = documents.annotation_sets(ws, DOCS[3], "anna")
    assert [s.entity for s in aset.spans if s.id == tokaeva] == [None]
    assert all(e.entity.id != entity_id for e in entities.entity_list(ws, "anna"))


def test_link_like_in_the_document_is_one_undoable_action(marked):
    ws, per, _role, _said = marked
    surnames = [s for s in per[DOCS[2]] if span_text(ws, s) == "Касым-Жомарт Токаев"]
    assert len(surnames) >= 2
    tokaev = entities.create_from_mention(ws, surnames[0], owner="anna").result
    changes = entities.link_like(ws, surnames[0], owner="anna")
    assert changes.result == len(surnames) - 1 and changes.spans and changes.documents == {DOCS[2]}
    assert {m.span_id for m in entities.entity_mentions(ws, tokaev)} == set(surnames)
    history.undo(ws, owner="anna")
    assert [m.span_id for m in entities.entity_mentions(ws, tokaev)] == [surnames[0]]
    history.redo(ws, owner="anna")
    assert len(entities.entity_mentions(ws, tokaev)) == len(surnames)


def test_merge_and_split_and_their_undo(marked):
    ws, per, _role, _said = marked
    a = entities.create_from_mention(ws, per[DOCS[0]][0], owner="anna").result
    b = entities.create_from_mention(ws, per[DOCS[4]][0], owner="anna").result
    entities.edit_entity(ws, b, owner="anna", external_id="Q353")
    changes = entities.merge_entities(ws, [b], a, owner="anna")
    assert changes.entities and changes.spans
    merged = entities.get_entity(ws, a)
    assert merged.external_id == "Q353"
    assert {m.span_id for m in entities.entity_mentions(ws, a)} == {per[DOCS[0]][0], per[DOCS[4]][0]}
    assert b not in [s.entity.id for s in entities.entity_list(ws, "anna")]
    history.undo(ws, owner="anna")
    assert [m.span_id for m in entities.entity_mentions(ws, b)] == [per[DOCS[4]][0]]
    assert entities.get_entity(ws, a).external_id is None
    history.redo(ws, owner="anna")
    new = entities.split_entity(ws, a, [per[DOCS[4]][0]], owner="anna", name="Тезка").result
    assert [m.span_id for m in entities.entity_mentions(ws, new)] == [per[DOCS[4]][0]]
    assert [m.span_id for m in entities.entity_mentions(ws, a)] == [per[DOCS[0]][0]]
    with pytest.raises(ServiceError, match="not linked"):
        entities.split_entity(ws, a, [per[DOCS[4]][0]], owner="anna", name="x")


def test_links_stay_within_the_owners_table(marked):
    ws, per, _role, _said = marked
    bob = annotating.add_span(ws, DOCS[0], *find(ws, DOCS[0], "Касым-Жомарт Токаев"), "PER", owner="bob").result
    theirs = entities.create_entity(ws, "Токаев", owner="anna").result
    with pytest.raises(ServiceError, match="anna"):
        entities.link_mention(ws, bob, theirs, owner="bob")
    with pytest.raises(ServiceError, match="empty"):
        entities.create_entity(ws, "  ", owner="anna")


def test_curation_carries_an_annotators_links_onto_golds_entities(marked):
    ws, per, _role, _said = marked
    users.add_user(ws, "cora", Role.CURATOR)
    tokaev = entities.create_from_mention(ws, per[DOCS[0]][0], owner="anna").result
    entities.edit_entity(ws, tokaev, owner="anna", external_id="Q353")
    curation.take(ws, DOCS[0], "anna", user="cora")
    (gold,) = documents.annotation_sets(ws, DOCS[0], GOLD)
    (linked,) = [s for s in gold.spans if s.entity is not None]
    gold_entity = entities.get_entity(ws, linked.entity)
    assert (gold_entity.owner, gold_entity.name, gold_entity.external_id) == (GOLD, "Касым-Жомарт Токаев", "Q353")
    curation.take(ws, DOCS[0], "anna", user="cora")  # again: gold's entity is found, not copied twice
    assert [e.entity.name for e in entities.entity_list(ws, GOLD)] == ["Касым-Жомарт Токаев"]


def test_linking_agreement_between_annotators_over_the_store(sample_workspace):
    from annotator.services.agreement import agreement

    ws = sample_workspace
    spans = {owner: [annotating.add_span(ws, doc, *find(ws, doc, "Касым-Жомарт Токаев"), "PER", owner=owner).result
                     for doc in DOCS[:3]] for owner in ("anna", "bob")}
    # anna: one entity for all three; bob: the first two, and the third apart (another entity of his)
    anna = entities.create_from_mention(ws, spans["anna"][0], owner="anna").result
    entities.link_like(ws, spans["anna"][0], owner="anna", corpus=True)
    bob = entities.create_from_mention(ws, spans["bob"][0], owner="bob").result
    entities.link_mention(ws, spans["bob"][1], bob, owner="bob")
    entities.create_from_mention(ws, spans["bob"][2], owner="bob", name="Тёзка")
    assert len(entities.entity_mentions(ws, anna)) == 3
    (row,) = agreement(ws).linking
    # pairs: (1,2) together in both; (1,3) and (2,3) together for anna only
    assert (row.agreement.mentions, row.agreement.pairs, row.agreement.same_way) == (3, 3, 1)
    assert row.agreement.b_cubed_precision == pytest.approx(1.0)  # bob never links what anna keeps apart
    assert row.agreement.b_cubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_the_browser_pages_in_corpus_order_across_windows_and_filters(marked, monkeypatch):
    ws, per, _role, said = marked
    monkeypatch.setattr(claims_browser, "WINDOW", 2)  # two documents per query: pages span windows
    walked, after = [], None
    while True:
        result = claims_browser.page(ws, claims_browser.BrowseFilter(), after, limit=2)
        walked += [r.claim.id for r in result.rows]
        if result.after is None:
            break
        after = result.after
    assert walked == said  # the fixture's claims were made in corpus order
    only = claims_browser.BrowseFilter(unit="USD", value_min=5e9, date_from="2025-11-01", text="млрд долларов")
    assert [r.claim.id for r in claims_browser.iter_browse(ws, only)] == [said[0], said[1]]
    stated = claims_browser.BrowseFilter(types=("STAT",), checkworthy=True, certainty="ASSERTED")
    assert [r.claim.id for r in claims_browser.iter_browse(ws, stated)] == [said[0], said[2]]
    assert list(claims_browser.iter_browse(ws, claims_browser.BrowseFilter(date_to="2025-01-01"))) == []


def test_grouped_by_what_claims_are_about(marked):
    ws, per, _role, said = marked
    kazakhstan = annotating.add_span(ws, DOCS[0], *find(ws, DOCS[0], "Казахстан"), "GPE", owner="anna").result
    country = entities.create_from_mention(ws, kazakhstan, owner="anna").result
    claims.add_relation(ws, said[0], kazakhstan, "ABOUT", owner="anna")
    groups = claims_browser.grouped(ws, claims_browser.BrowseFilter(), claims_browser.GroupBy.ABOUT)
    assert [(g.entity_id, [r.claim.id for r in g.rows]) for g in groups] == [
        (None, said[1:]), (country, [said[0]])]
    (row,) = groups[1].rows
    assert [(a.text, a.entity) for a in row.about] == [("Казахстан", "Казахстан")]


def test_accepting_a_version_keeps_golds_link_of_a_span_it_holds_at_the_same_place(sample_workspace):
    ws = sample_workspace
    users.add_user(ws, "cora", Role.CURATOR)
    doc = DOCS[0]
    start, end = find(ws, doc, "Касым-Жомарт Токаев")
    anna = annotating.add_span(ws, doc, start, end, "PER", owner="anna").result
    bob = annotating.add_span(ws, doc, start, end, "ROLE", owner="bob").result  # another label, same place
    entities.create_from_mention(ws, anna, owner="anna")
    entities.create_from_mention(ws, bob, owner="bob", name="Президент Казахстана")
    curation.take(ws, doc, "anna", user="cora")

    def gold_link():
        (gold,) = documents.annotation_sets(ws, doc, GOLD)
        (span,) = [s for s in gold.spans if (s.start, s.end) == (start, end)]
        return span.label, span.entity and entities.get_entity(ws, span.entity).name

    assert gold_link() == ("PER", "Касым-Жомарт Токаев")
    curation.accept_version(ws, doc, "bob", "entity", start, end, user="cora")
    assert gold_link() == ("ROLE", "Касым-Жомарт Токаев")  # bob's label, gold's link kept
    history.undo(ws, owner=GOLD, user="cora", document_id=doc)
    # the same label and place, linked elsewhere by bob: gold already holds the span; the accept
    # records the curator's decision only, and gold's link stays
    annotating.label(ws, doc, "PER", owner="bob", span_id=bob)
    curation.accept_version(ws, doc, "bob", "entity", start, end, user="cora")
    assert gold_link() == ("PER", "Касым-Жомарт Токаев")
    with pytest.raises(ServiceError, match="already"):  # decided so already: nothing to do
        curation.accept_version(ws, doc, "bob", "entity", start, end, user="cora")
    # gold's span unlinked: it takes the accepted version's link (onto gold's entities)
    (gold,) = documents.annotation_sets(ws, doc, GOLD)
    gold_span = next(s.id for s in gold.spans if (s.start, s.end) == (start, end))
    entities.unlink_mention(ws, gold_span, owner=GOLD, user="cora")
    annotating.label(ws, doc, "ROLE", owner="bob", span_id=bob)
    curation.accept_version(ws, doc, "bob", "entity", start, end, user="cora")
    assert gold_link() == ("ROLE", "Президент Казахстана")
    assert {e.entity.owner for e in entities.entity_list(ws, GOLD)} == {GOLD}
