"""Krippendorff's alpha per pair of annotators (the dashboard's matrix), against the ``krippendorff`` package.

The hand-written token labels of ``test_agreement_report`` (3 annotators, 3
documents, some sets missing) are the reference's input; each pair's alpha is
the package's alpha on that pair's two columns.
"""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotator.domain.agreement import DocumentSets, report
from tests.domain.test_agreement_report import documents, hand_matrix
from tests.domain.test_agreement_spans import TEXT, aset, spans_of

TOL = 1e-9


def test_pairwise_alpha_equals_the_krippendorff_package():
    full = report(documents())
    expected = hand_matrix()
    coders = ("anna", "boris", "vera")
    pairs = {(p.first, p.second): p.coefficient for p in full.tokens.pairwise_alpha}
    assert list(pairs) == [("anna", "boris"), ("anna", "vera"), ("boris", "vera")]
    for (a, b), coefficient in pairs.items():
        columns = expected[:, [coders.index(a), coders.index(b)]]
        reference = krippendorff.alpha(reliability_data=columns.T, level_of_measurement="nominal")
        assert coefficient.value == pytest.approx(reference, abs=TOL)
        both = int((~np.isnan(columns)).all(axis=1).sum())
        assert coefficient.units == both and coefficient.values == 2 * both
    # the pairs differ from each other and from the alpha over all three
    values = [c.value for c in pairs.values()]
    assert len({round(v, 9) for v in values}) == 3
    assert all(abs(v - full.tokens.krippendorff.value) > 1e-6 for v in values)


def test_pairwise_alpha_undefined_and_left_out_with_its_measure():
    same = spans_of(("Касым-Жомарт Токаев", "PER"))
    # Only O and PER, the same everywhere: the pair agrees perfectly.
    perfect = report([DocumentSets("d1", TEXT, {"anna": aset("anna", same), "boris": aset("boris", same)})])
    (pair,) = perfect.tokens.pairwise_alpha
    assert pair.coefficient.value == pytest.approx(1.0)
    # No span at all: every token O, one category, alpha is 0/0.
    empty = report([DocumentSets("d1", TEXT, {"anna": aset("anna"), "boris": aset("boris")})])
    (pair,) = empty.tokens.pairwise_alpha
    assert pair.coefficient.value is None and "single value" in pair.coefficient.note
    # Asked only for Cohen: no alpha per pair either; and the JSON form is as before.
    only = report(documents(), measures=["token-cohen-kappa"])
    assert only.tokens.pairwise_alpha == () and "pairwise_alpha" not in only.tokens.to_dict()
