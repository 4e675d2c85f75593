"""Normalisation and alignment of repeated passages, and the grouping of sentences into passages."""

from __future__ import annotations

from annotator.domain.repeats import Alignment, Place, chains, normalise, passages, similar, units
from annotator.domain.suggesters import Proposal, map_labels, place_label


def test_normalise_folds_case_dashes_quotes_and_white_space_keeping_the_way_back():
    text = "Он\xa0также  сказал: «Север – Юг»\n\tЁлка"
    norm = normalise(text)
    assert norm.text == 'он также сказал: "север - юг" елка'
    for i, char in enumerate(norm.text):
        if char != " ":
            assert text[norm.origin[i]].lower().replace("ё", "е") in (char, "«", "»", "–")


def test_an_alignment_maps_across_a_dash_a_capital_and_nbsp():
    a = "Как отметил президент Казахстана, коридор Север – Юг важен."
    b = "Вступление. Как отметил Президент Казахстана, коридор Север\xa0— Юг важен."
    alignment = Alignment(a, (0, len(a)), b, (12, len(b)))
    for needle, expected in (("президент Казахстана", "Президент Казахстана"), ("Север – Юг", "Север\xa0— Юг"),
                             ("важен", "важен")):
        start = a.index(needle)
        mapped = alignment.map(start, start + len(needle))
        assert mapped is not None and b[mapped[0]:mapped[1]] == expected


def test_an_alignment_refuses_a_span_the_copy_changes_inside_or_at_its_edge():
    a = "Глава государства возлагает надежды на кооперацию Казахстана в портах Актау."
    b = "Глава нашего государства возлагает надежды на кооперацию Казахстаном в портах Актаукала."
    alignment = Alignment(a, (0, len(a)), b, (0, len(b)))
    assert alignment.map(0, len("Глава государства")) is None  # a word inserted inside
    start = a.index("Казахстана")
    assert alignment.map(start, start + len("Казахстана")) is None  # another ending inside
    start = a.index("Актау")
    assert alignment.map(start, start + len("Актау")) is None  # would cut "Актаукала"
    start = a.index("кооперацию")
    assert b[slice(*alignment.map(start, start + len("кооперацию")))] == "кооперацию"
    assert alignment.map(0, len(a) + 5) is None  # beyond the region


def test_similar_allows_small_edits_only():
    assert similar("глава государства большие надежды возлагает на кооперацию",
                   "глава нашего государства большие надежды возлагает на кооперацию")
    assert not similar("глава государства большие надежды возлагает на кооперацию",
                       "министр финансов заявил о росте тарифов на электроэнергию")


def test_units_skip_short_sentences_and_share_bands_between_copies():
    first = units("Фото: Акорда. Касым-Жомарт Токаев предложил перейти от простой купли-продажи к цепочкам.")
    second = units("Касым-Жомарт Токаев  предложил перейти от простой купли-продажи к цепочкам!")
    assert len(first) == 1 and len(second) == 1
    assert set(first[0].bands) & set(second[0].bands)


def test_passages_merge_consecutive_repeated_sentences_and_chains_pair_them():
    places = [Place("a", 0, 1, 0, 10), Place("a", 1, 2, 11, 20), Place("a", 2, 9, 21, 30),
              Place("b", 5, 1, 100, 110), Place("b", 6, 2, 111, 120), Place("c", 0, 2, 0, 9)]
    found = passages(places, order=["a", "b", "c"])
    by_groups = {p.groups: p.places for p in found}
    # sentence 2 is also in c, sentence 1 only in a and b: two passages, not one
    assert by_groups == {(1,): (("a", 0, 10), ("b", 100, 110)), (2,): (("a", 11, 20), ("b", 111, 120), ("c", 0, 9))}
    a = [p for p in places if p.document_id == "a"]
    b = [p for p in places if p.document_id == "b"]
    assert chains(a, b) == [((0, 20), (100, 120))]


def test_place_labels_and_the_schemes_mapping():
    assert place_label("Узбекистана") == "GPE"
    assert place_label("Ташкенте") == "GPE"
    assert place_label("Центральной Азии") == "LOC"
    proposals = [Proposal(0, 5, "GPE"), Proposal(0, 5, "LOC"), Proposal(6, 9, "ORG"), Proposal(10, 12, "NUM")]
    mapped = map_labels(proposals, {"GPE": "LOC", "ORG": ""}, frozenset({"LOC", "PER"}))
    assert mapped == [Proposal(0, 5, "LOC")]  # GPE and LOC land on one; ORG dropped; NUM not in the scheme
