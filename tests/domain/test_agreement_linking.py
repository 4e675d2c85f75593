"""Entity-linking agreement: pairs linked the same way (checked against scikit-learn's Rand index)
and B-cubed (checked against Bagga and Baldwin's worked example)."""

from __future__ import annotations

import itertools
import random

import pytest
from sklearn.metrics import rand_score

from annotator.domain.agreement.corpus import DocumentSets, prepare
from annotator.domain.agreement.linking import linking_agreement
from annotator.domain.agreement.registry import get_measure
from annotator.domain.model import AnnotationSet, Span

# Bagga and Baldwin (1998), "Algorithms for scoring coreference chains": the truth has three
# chains {1-5}, {6-7}, {8-12}; response (a) merges the first and the third, response (b) the
# second and the third. Both get the same MUC score; B-cubed tells them apart: precision
# 7/12 (about 58%) for (a) and 16/21 (about 76%) for (b), recall 100% for both.
TRUTH = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3]
RESPONSE_A = [1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1]
RESPONSE_B = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]


def links(entities: list[int | None], document: str = "d") -> dict:
    return {(document, 10 * i, 10 * i + 5): entity for i, entity in enumerate(entities)}


@pytest.mark.parametrize("response, precision", [(RESPONSE_A, 7 / 12), (RESPONSE_B, 16 / 21)])
def test_b_cubed_reproduces_bagga_and_baldwins_example(response, precision):
    result = linking_agreement(links(TRUTH), links(response))
    assert result.b_cubed_precision == pytest.approx(precision)
    assert result.b_cubed_recall == pytest.approx(1.0)
    assert result.b_cubed_f1 == pytest.approx(2 * precision / (precision + 1))
    # and the other way round, precision and recall swap
    reverse = linking_agreement(links(response), links(TRUTH))
    assert (reverse.b_cubed_precision, reverse.b_cubed_recall) == pytest.approx((1.0, precision))


def test_pairs_linked_the_same_way_by_hand():
    # Four mentions: the reference links 1-2 and 3-4, the candidate links 1-2-3 and leaves 4 alone.
    result = linking_agreement(links([7, 7, 8, 8]), links([5, 5, 5, None]))
    # Pairs: 12 together in both; 34 together only in the reference; 13 and 23 only in the
    # candidate; 14 and 24 apart in both: 3 of 6 the same way.
    assert (result.pairs, result.same_way, result.share) == (6, 3, 0.5)
    assert (result.pair_precision, result.pair_recall) == (pytest.approx(1 / 3), 0.5)


def test_pairs_linked_the_same_way_is_the_rand_index():
    rng = random.Random(7)
    for _ in range(20):
        n = rng.randint(2, 40)
        a = [rng.choice([None, 1, 2, 3, 4]) for _ in range(n)]
        b = [rng.choice([None, 1, 2, 3]) for _ in range(n)]
        result = linking_agreement(links(a), links(b))
        # an unlinked mention is a cluster of its own
        label = lambda xs: [x if x is not None else f"alone{i}" for i, x in enumerate(xs)]  # noqa: E731
        assert result.share == pytest.approx(rand_score(label(a), label(b)))
        same = sum((a[i] is not None and a[i] == a[j]) == (b[i] is not None and b[i] == b[j])
                   for i, j in itertools.combinations(range(n), 2))
        assert result.same_way == same


def test_only_mentions_both_marked_count_and_entity_ids_are_compared_as_groupings():
    ref = {**links([1, 1]), ("d", 99, 100): 1}
    cand = links(["x", "x"])  # another owner's entity ids: only the grouping matters
    result = linking_agreement(ref, cand)
    assert (result.mentions, result.share, result.b_cubed_f1) == (2, 1.0, 1.0)


def test_the_measure_compares_each_pair_across_documents():
    def aset(owner, doc, entity):
        return AnnotationSet(doc, owner, spans=(Span(1, 0, 5, "PER", {}, entity),))
    documents = [DocumentSets(doc, "Токаев сказал", {"anna": aset("anna", doc, "t"), "bob": aset("bob", doc, e)})
                 for doc, e in (("d1", "k"), ("d2", "k"), ("d3", None))]
    (row,) = get_measure("entity-linking").compute(prepare(documents))
    # anna: all three one entity; bob: d1 and d2 together, d3 alone -> pairs 12 same, 13 and 23 differ
    assert (row.reference, row.candidate, row.agreement.pairs, row.agreement.same_way) == ("anna", "bob", 3, 1)
