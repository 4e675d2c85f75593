"""Span, token and claim agreement on hand-made sets with worked expected values."""

from __future__ import annotations

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.domain.agreement import (
    Counts, DocumentSets, build_token_matrix, claim_agreement, cohen_kappa, compare_spans, match_claims, match_exact,
    match_relaxed, prepare, same_speaker, token_labels,
)
from annotator.domain.model import AUTHOR, AnnotationSet, Certainty, Claim, SetStatus, Span
from annotator.domain.tokens import tokenize

TEXT = "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент 15 ноября."
OTHER = "Глава государства Шавкат Мирзиёев встретил гостя в аэропорту."
SAID = "Токаев заявил, что товарооборот достиг 4 млрд долларов. Думаю, к 2030 году он вырастет до 10 млрд."


def at(text: str, piece: str, label: str, span_id=None, *, entity: str | None = None) -> Span:
    start = text.index(piece)
    return Span(span_id, start, start + len(piece), label, entity=entity)


def spans_of(*items: tuple[str, str], text: str = TEXT) -> tuple[Span, ...]:
    return tuple(at(text, piece, label, f"T{n}") for n, (piece, label) in enumerate(items, start=1))


GOLD_SPANS = spans_of(("Президент Казахстана", "ROLE"), ("Казахстана", "GPE"), ("Касым-Жомарт Токаев", "PER"),
                      ("Ташкент", "GPE"), ("15 ноября", "DATE"))
# anna: all right but Ташкент as LOC
ANNA_SPANS = spans_of(("Президент Казахстана", "ROLE"), ("Казахстана", "GPE"), ("Касым-Жомарт Токаев", "PER"),
                      ("Ташкент", "LOC"), ("15 ноября", "DATE"))
# boris: shorter ROLE and PER, no nested GPE
BORIS_SPANS = spans_of(("Президент", "ROLE"), ("Токаев", "PER"), ("Ташкент", "GPE"), ("15 ноября", "DATE"))


def aset(owner: str, spans=(), claims=(), doc: str = "d1", status: SetStatus = SetStatus.IN_PROGRESS):
    return AnnotationSet(doc, owner, status, tuple(spans), tuple(claims))


# ----------------------------------------------------------------------------- matching
def test_exact_and_relaxed_between_two_annotators_worked_example():
    result = compare_spans(ANNA_SPANS, BORIS_SPANS)  # anna is the reference
    # exact: only "15 ноября" DATE is the same in both: 1 of anna's 5, 1 of boris's 4
    assert result.exact_total == Counts(1, 5, 4)
    assert result.exact_total.precision == 1 / 4
    assert result.exact_total.recall == 1 / 5
    assert result.exact_total.f1 == pytest.approx(2 / 9)  # 2PR/(P+R) = 2*1/(5+4)
    # relaxed: + ROLE "Президент" in "Президент Казахстана", + PER "Токаев" in "Касым-Жомарт Токаев";
    # Ташкент is LOC against GPE (labels differ), the nested GPE "Казахстана" has no partner.
    assert result.relaxed_total == Counts(3, 5, 4)
    assert (result.relaxed_total.precision, result.relaxed_total.recall) == (3 / 4, 3 / 5)
    assert result.relaxed_total.f1 == pytest.approx(2 / 3)


def test_per_label_counts_worked_example():
    result = compare_spans(ANNA_SPANS, BORIS_SPANS)
    assert result.exact == {"DATE": Counts(1, 1, 1), "GPE": Counts(0, 1, 1), "LOC": Counts(0, 1, 0),
                            "PER": Counts(0, 1, 1), "ROLE": Counts(0, 1, 1)}
    assert result.relaxed == {"DATE": Counts(1, 1, 1), "GPE": Counts(0, 1, 1), "LOC": Counts(0, 1, 0),
                              "PER": Counts(1, 1, 1), "ROLE": Counts(1, 1, 1)}
    assert result.exact["LOC"].precision is None  # boris has no LOC: nothing to measure, not 0
    assert result.exact["LOC"].recall == 0.0


def test_swapping_the_reference_swaps_precision_and_recall_and_keeps_f1():
    ab, ba = compare_spans(ANNA_SPANS, BORIS_SPANS), compare_spans(BORIS_SPANS, ANNA_SPANS)
    for x, y in ((ab.exact_total, ba.exact_total), (ab.relaxed_total, ba.relaxed_total)):
        assert (x.precision, x.recall, x.f1) == (y.recall, y.precision, y.f1)


def test_against_gold_worked_example():
    anna, boris = compare_spans(GOLD_SPANS, ANNA_SPANS), compare_spans(GOLD_SPANS, BORIS_SPANS)
    assert anna.exact_total == anna.relaxed_total == Counts(4, 5, 5)  # all but Ташкент LOC: P = R = F1 = 0.8
    assert anna.exact_total.f1 == pytest.approx(0.8)
    assert boris.exact_total == Counts(2, 5, 4)  # Ташкент GPE, 15 ноября DATE
    assert boris.exact_total.f1 == pytest.approx(4 / 9)
    assert boris.relaxed_total == Counts(4, 5, 4)  # + ROLE, + PER: P = 1.0, R = 0.8
    assert (boris.relaxed_total.precision, boris.relaxed_total.recall) == (1.0, 0.8)
    assert boris.relaxed_total.f1 == pytest.approx(8 / 9)


def test_label_filter_keeps_only_those_labels():
    result = compare_spans(ANNA_SPANS, BORIS_SPANS, labels={"PER"})
    assert result.exact == {"PER": Counts(0, 1, 1)} and result.relaxed == {"PER": Counts(1, 1, 1)}
    both = compare_spans(ANNA_SPANS, BORIS_SPANS, labels=["PER", "DATE"])
    assert both.relaxed_total == Counts(2, 2, 2)


def test_relaxed_matching_is_one_to_one_by_largest_overlap():
    # c overlaps a1 by 6 and a2 by 7: it goes to a2, and a1 stays unmatched (one to one).
    reference = [(0, 10, "X"), (5, 30, "X")]
    candidate = [(4, 12, "X")]
    assert match_relaxed(reference, candidate) == [(1, 0)]
    # a second candidate then takes a1
    assert match_relaxed(reference, candidate + [(0, 3, "X")]) == [(0, 1), (1, 0)]
    # overlap is required: touching spans do not match; labels must agree
    assert match_relaxed([(0, 5, "X")], [(5, 9, "X")]) == []
    assert match_relaxed([(0, 5, "X")], [(0, 5, "Y")]) == []


def test_relaxed_ties_are_broken_deterministically_whatever_the_input_order():
    reference = [(0, 10, "X")]
    # both overlap by 5 at the same boundary distance (5): the earlier candidate wins
    first, second = (0, 5, "X"), (5, 10, "X")
    assert match_relaxed(reference, [first, second]) == [(0, 0)]
    assert match_relaxed(reference, [second, first]) == [(0, 1)]
    # equal overlap, the smaller boundary distance wins: on (0, 10), (4, 12) and (0, 6) both overlap
    # by 6, and are 6 and 4 off
    assert match_relaxed(reference, [(4, 12, "X"), (0, 6, "X")]) == [(0, 1)]
    # ... even when the closer one starts later: on (2, 12), (0, 7) is 7 off and (2, 7) 5 off
    assert match_relaxed([(2, 12, "X")], [(0, 7, "X"), (2, 7, "X")]) == [(0, 1)]
    # an exact match always wins over an equally overlapping longer one
    assert match_relaxed([(0, 10, "X")], [(0, 14, "X"), (0, 10, "X")]) == [(0, 1)]


def test_exact_matching_is_a_multiset_match():
    assert match_exact([(0, 5, "X"), (0, 5, "X")], [(0, 5, "X")]) == [(0, 0)]
    assert compare_spans([Span(None, 0, 5, "X")] * 2, [Span(None, 0, 5, "X")]).exact_total == Counts(1, 2, 1)


def test_empty_sets_give_no_ratio_rather_than_zero():
    result = compare_spans([], [])
    assert result.exact_total == Counts(0, 0, 0)
    assert (result.exact_total.precision, result.exact_total.recall, result.exact_total.f1) == (None, None, None)
    one_sided = compare_spans(ANNA_SPANS, [])
    assert one_sided.relaxed_total.recall == 0.0 and one_sided.relaxed_total.f1 == 0.0


# ----------------------------------------------------------------------------- pairs, gold, missing sets
def corpus() -> list[DocumentSets]:
    other_gold = spans_of(("Глава государства", "ROLE"), ("Шавкат Мирзиёев", "PER"), text=OTHER)
    return [
        DocumentSets("d1", TEXT, {"anna": aset("anna", ANNA_SPANS), "boris": aset("boris", BORIS_SPANS),
                                  "gold": aset("gold", GOLD_SPANS, status=SetStatus.CURATED)}),
        # boris has no set for d2: he is missing there, not in disagreement
        DocumentSets("d2", OTHER, {"anna": aset("anna", other_gold, doc="d2"),
                                   "gold": aset("gold", other_gold, doc="d2", status=SetStatus.CURATED)}),
    ]


def test_pairs_compare_only_the_documents_where_both_have_a_set():
    data = prepare(corpus())
    assert data.annotators == ("anna", "boris") and data.pairs == [("anna", "boris")]
    documents, result = data.compare("anna", "boris")
    assert documents == 1
    assert result.exact_total == Counts(1, 5, 4) and result.relaxed_total == Counts(3, 5, 4)
    documents, anna = data.compare("gold", "anna")
    assert documents == 2 and anna.exact_total == Counts(4 + 2, 5 + 2, 5 + 2)  # micro over both documents
    documents, boris = data.compare("gold", "boris")
    assert documents == 1 and boris.relaxed_total == Counts(4, 5, 4)


def test_skipped_and_unfinished_sets_and_the_label_filter():
    docs = corpus()
    skipped = DocumentSets("d1", TEXT, {**docs[0].sets, "boris": aset("boris", BORIS_SPANS, status=SetStatus.SKIPPED)})
    data = prepare([skipped, docs[1]])
    assert data.compare("anna", "boris")[0] == 0  # a skipped set is a missing set
    done = DocumentSets("d2", OTHER, {**docs[1].sets, "anna": aset("anna", docs[1].sets["anna"].spans, doc="d2",
                                                                      status=SetStatus.DONE)})
    only_done = prepare([docs[0], done], done_only=True)
    assert only_done.compare("gold", "anna")[0] == 1  # d1's anna set is in progress
    per = prepare(docs, labels={"PER"})
    assert per.compare("gold", "anna")[1].exact_total == Counts(2, 2, 2)
    with pytest.raises(ValueError):
        prepare(docs, annotators=["anna", "gold"])


# ----------------------------------------------------------------------------- tokens
def test_tokens_take_the_outermost_label_nested_role_holding_gpe():
    tokens = tokenize(TEXT)
    assert [t.text for t in tokens] == ["Президент", "Казахстана", "Касым-Жомарт", "Токаев", "прибыл", "в",
                                        "Ташкент", "15", "ноября", "."]
    assert token_labels(tokens, GOLD_SPANS) == ["ROLE", "ROLE", "PER", "PER", "O", "O", "GPE", "DATE", "DATE", "O"]
    assert token_labels(tokens, BORIS_SPANS) == ["ROLE", "O", "O", "PER", "O", "O", "GPE", "DATE", "DATE", "O"]
    # the nested GPE alone labels its token
    assert token_labels(tokens, [at(TEXT, "Казахстана", "GPE")])[:2] == ["O", "GPE"]


def test_a_partly_covered_token_counts_as_covered_and_crossing_spans_go_to_the_first():
    tokens = tokenize(TEXT)
    assert token_labels(tokens, [Span(None, 36, 43, "PER")])[3:6] == ["PER", "PER", "O"]  # "каев при"
    crossing = [at(TEXT, "Президент Казахстана", "ROLE"), at(TEXT, "Казахстана Касым-Жомарт Токаев", "PER")]
    assert token_labels(tokens, crossing)[:5] == ["ROLE", "ROLE", "PER", "PER", "O"]
    same_start = [at(TEXT, "Президент", "PER"), at(TEXT, "Президент Казахстана", "ROLE")]
    assert token_labels(tokens, same_start)[:3] == ["ROLE", "ROLE", "O"]  # starting together: the longer wins
    same_extent = [at(TEXT, "Ташкент", "LOC"), at(TEXT, "Ташкент", "GPE")]
    assert token_labels(tokens, same_extent)[6] == "GPE"  # same extent: the smaller label, whatever the order
    assert token_labels(tokens, [Span(None, 2, 2, "X"), Span(None, 9, 9, "Y")])[:2] == ["X", "O"]  # empty spans


def test_token_matrix_marks_a_missing_set_as_missing_for_all_its_tokens():
    docs = corpus()
    rows = [(d.document_id, tokenize(d.text), d.sets) for d in docs]
    matrix = build_token_matrix(rows, ["anna", "boris"])
    assert matrix.labels == ("DATE", "GPE", "LOC", "O", "PER", "ROLE")  # sorted: codes are ranks
    assert matrix.offsets.tolist() == [0, 10, 19]
    decoded = matrix.decoded()
    assert decoded[:10, 0].tolist() == ["ROLE", "ROLE", "PER", "PER", "O", "O", "LOC", "DATE", "DATE", "O"]
    assert decoded[:10, 1].tolist() == ["ROLE", "O", "O", "PER", "O", "O", "GPE", "DATE", "DATE", "O"]
    assert decoded[10:, 0].tolist() == ["ROLE", "ROLE", "PER", "PER", "O", "O", "O", "O", "O"]
    assert (matrix.codes[10:, 1] == -1).all()
    only_per = build_token_matrix(rows, ["anna", "boris"], labels=frozenset({"PER"}))
    assert only_per.labels == ("O", "PER")
    # kappa of anna and boris over the 10 tokens both labelled, as scikit-learn computes it
    expected = cohen_kappa_score(decoded[:10, 0].tolist(), decoded[:10, 1].tolist())
    assert cohen_kappa(decoded[:, 0], decoded[:, 1]).value == pytest.approx(expected, abs=1e-12)
    assert cohen_kappa(matrix.codes[:, 0], matrix.codes[:, 1]).value == pytest.approx(expected, abs=1e-12)


# ----------------------------------------------------------------------------- claims
def said_sets() -> tuple[AnnotationSet, AnnotationSet]:
    anna_t1 = at(SAID, "Токаев", "PER", "T1")
    anna = aset("anna", [anna_t1], [
        Claim("C1", *_extent("товарооборот достиг 4 млрд долларов"), "STAT", "T1", certainty=Certainty.ASSERTED),
        Claim("C2", *_extent("к 2030 году он вырастет до 10 млрд"), "PLAN", AUTHOR, certainty=Certainty.HEDGED),
    ])
    boris_t = at(SAID, "Токаев", "PER", 7)  # the same mention under another id (an int, as the store gives)
    boris = aset("boris", [boris_t], [
        Claim(11, *_extent("что товарооборот достиг 4 млрд долларов"), "FACT", 7, certainty=Certainty.ASSERTED),
        Claim(12, *_extent("к 2030 году он вырастет до 10 млрд"), "PLAN", 7, certainty=Certainty.HEDGED),
        Claim(13, *_extent("Токаев заявил"), "FACT", AUTHOR),
    ])
    return anna, boris


def _extent(piece: str) -> tuple[int, int]:
    start = SAID.index(piece)
    return start, start + len(piece)


def test_claims_are_matched_by_overlap_whatever_their_type():
    anna, boris = said_sets()
    pairs = match_claims(anna.claims, boris.claims)
    assert [(a.id, b.id) for a, b in pairs] == [("C1", 11), ("C2", 12)]


def test_claim_agreement_worked_example():
    anna, boris = said_sets()
    result = claim_agreement([(anna, boris)])
    assert result.documents == 1
    assert result.exact == Counts(1, 2, 3)  # only C2 has the same extent
    assert result.relaxed == Counts(2, 2, 3)  # C1 ~ 11 by overlap; boris's 13 matches nothing
    # type: STAT/FACT disagree, PLAN/PLAN agree
    assert (result.type.pairs, result.type.agreeing, result.type.share) == (2, 1, 0.5)
    # kappa: p_o = 1/2, p_e = P(PLAN)^2 = 1/4 -> (1/2 - 1/4) / (3/4) = 1/3
    assert result.type.kappa.value == pytest.approx(1 / 3)
    assert result.type.kappa.value == pytest.approx(cohen_kappa_score(["STAT", "PLAN"], ["FACT", "PLAN"]))
    # speaker: T1 and 7 are the same mention (same extent); AUTHOR against 7 is not
    assert (result.speaker.agreeing, result.speaker.share, result.speaker.kappa) == (1, 0.5, None)
    # certainty: both agree, two categories: kappa 1
    assert (result.certainty.agreeing, result.certainty.share) == (2, 1.0)
    assert result.certainty.kappa.value == 1.0
    reverse = claim_agreement([(boris, anna)])
    assert reverse.relaxed == Counts(2, 3, 2) and reverse.type.share == 0.5


def test_claim_agreement_without_matches_says_so():
    anna, _ = said_sets()
    result = claim_agreement([(anna, aset("boris"))])
    assert result.relaxed == Counts(0, 2, 0) and result.type.share is None
    assert result.type.kappa.value is None and result.type.kappa.note


def test_same_speaker_rules():
    def claim(speaker):
        return Claim("C", 0, 5, "FACT", speaker)

    tokayev = at(SAID, "Токаев", "PER", "T1", entity="tokayev")
    pronoun = at(SAID, "он", "PER", "P1", entity="tokayev")
    plain_pronoun = at(SAID, "он", "PER", "P2")
    overlapping = Span("T9", 0, 3, "ROLE")  # "Ток": overlaps "Токаев", another label
    first = aset("a", [tokayev])
    second = aset("b", [pronoun, plain_pronoun, overlapping])
    assert same_speaker(claim("T1"), first, claim("P1"), second)  # same linked entity
    assert not same_speaker(claim("T1"), first, claim("P2"), second)  # another place, no link
    assert same_speaker(claim("T1"), first, claim("T9"), second)  # overlapping mention
    assert same_speaker(claim(AUTHOR), first, claim(AUTHOR), second)
    assert not same_speaker(claim(AUTHOR), first, claim("T9"), second)
    assert same_speaker(claim(None), first, claim(None), second)
    assert not same_speaker(claim(None), first, claim(AUTHOR), second)
    assert not same_speaker(claim("T404"), first, claim("P1"), second)  # names no span



# ------------------------------------------------------- discontinuous spans
def test_a_fragment_set_is_one_span_and_exact_match_compares_fragments():
    split = Span(1, 0, 40, "PER", fragments=((0, 12), (24, 40)))
    same = Span(2, 0, 40, "PER", fragments=((0, 12), (24, 40)))
    other_gap = Span(3, 0, 40, "PER", fragments=((0, 12), (30, 40)))
    outer = Span(4, 0, 40, "PER")

    assert compare_spans([split], [same]).exact_total.matched == 1
    assert compare_spans([split], [other_gap]).exact_total.matched == 0
    assert compare_spans([split], [outer]).exact_total.matched == 0
    # relaxed: overlapping fragments match; a span inside the gap does not
    assert compare_spans([split], [other_gap]).relaxed_total.matched == 1
    assert compare_spans([split], [Span(5, 14, 22, "PER")]).relaxed_total.matched == 0
    both = compare_spans([split], [outer, Span(6, 14, 22, "PER")]).relaxed_total
    assert (both.matched, both.reference, both.candidate) == (1, 1, 2)


def test_relaxed_prefers_the_span_sharing_most_of_the_fragments():
    split = Span(1, 0, 40, "PER", fragments=((0, 12), (24, 40)))
    in_gap_mostly = Span(2, 10, 26, "PER")  # shares 2 + 2 code points
    on_tail = Span(3, 24, 38, "PER")  # shares 14
    from annotator.domain.agreement.spans import extents, match_relaxed

    pairs = match_relaxed(extents([split]), extents([in_gap_mostly, on_tail]))
    assert pairs == [(0, 1)]


def test_token_agreement_labels_the_fragments_tokens_not_the_gap():
    from annotator.domain.agreement.tokens import token_labels

    text = "Председатель кубинского Совета министров"
    tokens = tokenize(text)
    split = Span(1, 0, 40, "PER", fragments=((0, 12), (24, 40)))
    assert token_labels(tokens, [split]) == ["PER", "O", "PER", "PER"]
