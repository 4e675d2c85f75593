"""The measure registry and the whole report: 3 annotators and gold on 3 documents.

Span figures are worked by hand; token coefficients come from the reference
packages run on token labels written out by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

from annotator.domain.agreement import (
    REGISTRY, AgreementReport, Counts, DocumentSets, Measure, MeasureRegistry, get_measure, measures, report,
)
from annotator.domain.model import SetStatus

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.domain`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.domain.test_agreement_spans import (  # noqa: E402  the hand-made sets, shared
    ANNA_SPANS, BORIS_SPANS, GOLD_SPANS, OTHER, SAID, TEXT, aset, said_sets, spans_of,
)

TOL = 1e-9


def documents() -> list[DocumentSets]:
    d2_gold = spans_of(("Глава государства", "ROLE"), ("Шавкат Мирзиёев", "PER"), text=OTHER)
    anna3, boris3 = said_sets()
    gold3 = aset("gold", anna3.spans, anna3.claims, doc="d3", status=SetStatus.CURATED)
    return [
        DocumentSets("d1", TEXT, {"anna": aset("anna", ANNA_SPANS), "boris": aset("boris", BORIS_SPANS),
                                  "vera": aset("vera", GOLD_SPANS), "gold": aset("gold", GOLD_SPANS)}),
        DocumentSets("d2", OTHER, {"anna": aset("anna", d2_gold, doc="d2"),  # boris: no set
                                   "vera": aset("vera", spans_of(("Мирзиёев", "PER"), text=OTHER), doc="d2"),
                                   "gold": aset("gold", d2_gold, doc="d2")}),
        DocumentSets("d3", SAID, {"anna": anna3, "boris": boris3, "gold": gold3,  # vera: no set
                                  "model:natasha": aset("model:natasha", doc="d3")}),
    ]


# The token labels, written out: d1 (10 tokens), d2 (9), d3 (21); None = no set.
D1 = {"anna": "ROLE ROLE PER PER O O LOC DATE DATE O", "boris": "ROLE O O PER O O GPE DATE DATE O",
      "vera": "ROLE ROLE PER PER O O GPE DATE DATE O"}
D2 = {"anna": "ROLE ROLE PER PER O O O O O", "boris": None, "vera": "O O O PER O O O O O"}
D3 = {"anna": "PER" + " O" * 20, "boris": "PER" + " O" * 20, "vera": None}


def hand_matrix(coders=("anna", "boris", "vera")) -> np.ndarray:
    """Units x coders of label numbers (alphabetical), NaN missing: the references' input."""
    number = {label: n for n, label in enumerate(["DATE", "GPE", "LOC", "O", "PER", "ROLE"])}
    blocks = []
    for doc, size in ((D1, 10), (D2, 9), (D3, 21)):
        columns = [[number[x] for x in doc[c].split()] if doc[c] else [np.nan] * size for c in coders]
        blocks.append(np.array(columns, dtype=float).T)
    return np.concatenate(blocks)


# ----------------------------------------------------------------------------- registry
def test_the_registry_lists_every_measure_with_unique_ids():
    listed = measures()
    ids = [m.id for m in listed]
    assert len(ids) == len(set(ids))
    assert set(ids) == {"span-exact", "span-relaxed", "gold-span-exact", "gold-span-relaxed", "token-cohen-kappa",
                        "token-fleiss-kappa", "token-krippendorff-alpha", "claim-agreement", "gold-claim-agreement",
                        "entity-linking"}
    for measure in listed:
        assert isinstance(measure, Measure) and measure.title and measure.id == measure.id.strip().lower()
        assert get_measure(measure.id) is measure and measure.id in REGISTRY
    assert len({m.title for m in listed}) == len(listed)
    with pytest.raises(KeyError, match="no agreement measure"):
        get_measure("nope")
    registry = MeasureRegistry()
    registry.register(listed[0])
    with pytest.raises(ValueError):
        registry.register(listed[0])


# ----------------------------------------------------------------------------- the report
@pytest.fixture(scope="module")
def full() -> AgreementReport:
    return report(documents())


def test_report_says_what_it_compared(full):
    assert full.annotators == ("anna", "boris", "vera")  # gold and model: suggestions are not annotators
    assert full.gold == "gold" and full.documents == 3 and full.labels is None
    assert full.measures == REGISTRY.ids()


def test_pairwise_spans_worked_by_hand(full):
    rows = {(r.reference, r.candidate): r for r in full.pairwise}
    assert list(rows) == [("anna", "boris"), ("anna", "vera"), ("boris", "vera")]
    ab, av, bv = rows[("anna", "boris")], rows[("anna", "vera")], rows[("boris", "vera")]
    # anna/boris: d1 exact 1 of 5/4, relaxed 3; d3 "Токаев" 1 of 1/1
    assert (ab.documents, ab.exact, ab.relaxed) == (2, Counts(2, 6, 5), Counts(4, 6, 5))
    assert ab.exact.f1 == pytest.approx(4 / 11) and ab.relaxed.f1 == pytest.approx(8 / 11)
    # anna/vera: d1 4 of 5/5; d2 "Мирзиёев" in "Шавкат Мирзиёев" only relaxed
    assert (av.documents, av.exact, av.relaxed) == (2, Counts(4, 7, 6), Counts(5, 7, 6))
    # boris/vera: d1 only (boris has no d2, vera no d3): exact 2 of 4/5, relaxed 4
    assert (bv.documents, bv.exact, bv.relaxed) == (1, Counts(2, 4, 5), Counts(4, 4, 5))
    assert (bv.relaxed.precision, bv.relaxed.recall) == (0.8, 1.0)


def test_per_label_tables_worked_by_hand(full):
    per = {(r.reference, r.candidate, r.label): r for r in full.per_label}
    assert per[("anna", "boris", "PER")].exact == Counts(1, 2, 2)
    assert per[("anna", "boris", "PER")].relaxed == Counts(2, 2, 2)
    assert per[("anna", "boris", "LOC")].exact == Counts(0, 1, 0)
    assert per[("anna", "vera", "GPE")].exact == Counts(1, 1, 2)  # Казахстана; vera's Ташкент is GPE
    totals = {r.label: r for r in full.label_totals}
    assert all(r.reference is None and r.candidate is None for r in full.label_totals)
    assert totals["PER"].exact == Counts(2, 5, 5) and totals["PER"].relaxed == Counts(5, 5, 5)
    assert sum((r.exact for r in full.label_totals), Counts()) == sum((r.exact for r in full.pairwise), Counts())


def test_against_gold_worked_by_hand(full):
    rows = {r.candidate: r for r in full.vs_gold}
    assert all(r.reference == "gold" for r in full.vs_gold)
    assert (rows["anna"].documents, rows["anna"].exact, rows["anna"].relaxed) == (3, Counts(7, 8, 8), Counts(7, 8, 8))
    assert (rows["boris"].documents, rows["boris"].exact, rows["boris"].relaxed) == (2, Counts(3, 6, 5),
                                                                                     Counts(5, 6, 5))
    assert (rows["vera"].documents, rows["vera"].exact, rows["vera"].relaxed) == (2, Counts(5, 7, 6), Counts(6, 7, 6))
    gold_labels = {(r.candidate, r.label): r for r in full.vs_gold_per_label}
    assert gold_labels[("anna", "GPE")].exact == Counts(1, 2, 1)
    assert gold_labels[("anna", "LOC")].exact == Counts(0, 0, 1)


def test_token_coefficients_equal_the_references_on_the_hand_labels(full):
    expected = hand_matrix()
    tokens = full.tokens
    assert tokens.units == 40 and tokens.labels == ("DATE", "GPE", "LOC", "O", "PER", "ROLE")
    assert tokens.missing == 9 + 21  # boris on d2, vera on d3
    alpha = krippendorff.alpha(reliability_data=expected.T, level_of_measurement="nominal")
    assert abs(tokens.krippendorff.value - alpha) < TOL
    complete = expected[~np.isnan(expected).any(axis=1)]
    assert len(complete) == 10
    assert abs(tokens.fleiss.value - fleiss_kappa(aggregate_raters(complete.astype(int))[0])) < TOL
    assert tokens.fleiss.units == 10 and "10 of 40" in tokens.fleiss.note
    cohen = {(p.first, p.second): p.coefficient for p in tokens.cohen}
    for (i, a), (j, b) in [((0, "anna"), (1, "boris")), ((0, "anna"), (2, "vera")), ((1, "boris"), (2, "vera"))]:
        both = ~np.isnan(expected[:, i]) & ~np.isnan(expected[:, j])
        assert abs(cohen[(a, b)].value - cohen_kappa_score(expected[both, i], expected[both, j])) < TOL
        assert cohen[(a, b)].units == int(both.sum())
    assert cohen[("anna", "boris")].units == 31 and cohen[("boris", "vera")].units == 10


def test_claims_in_the_report(full):
    pairs = {(p.reference, p.candidate): p.agreement for p in full.claims}
    ab = pairs[("anna", "boris")]
    assert ab.documents == 2 and ab.exact == Counts(1, 2, 3) and ab.relaxed == Counts(2, 2, 3)
    assert (ab.type.share, ab.speaker.share, ab.certainty.share) == (0.5, 0.5, 1.0)
    assert ab.type.kappa.value == pytest.approx(1 / 3)
    assert pairs[("anna", "vera")].relaxed == Counts(0, 0, 0) and pairs[("anna", "vera")].type.share is None
    gold = {p.candidate: p.agreement for p in full.claims_vs_gold}
    assert gold["anna"].relaxed == Counts(2, 2, 2) and gold["anna"].type.kappa.value == 1.0
    assert gold["boris"].relaxed == Counts(2, 2, 3) and gold["boris"].speaker.agreeing == 1
    assert gold["vera"].documents == 2 and gold["vera"].relaxed == Counts(0, 0, 0)


def test_annotator_subset_and_label_filter():
    sub = report(documents(), annotators=["vera", "anna"])
    assert sub.annotators == ("vera", "anna")
    assert [(r.reference, r.candidate) for r in sub.pairwise] == [("vera", "anna")]
    assert [r.candidate for r in sub.vs_gold] == ["vera", "anna"]
    expected = hand_matrix(("vera", "anna"))
    assert abs(sub.tokens.krippendorff.value
               - krippendorff.alpha(reliability_data=expected.T, level_of_measurement="nominal")) < TOL
    per = report(documents(), labels=["PER"])
    assert per.labels == ("PER",) and per.tokens.labels == ("O", "PER")
    assert {r.label for r in per.per_label} == {"PER"}
    assert {(r.reference, r.candidate): r.exact for r in per.pairwise}[("anna", "boris")] == Counts(1, 2, 2)


def test_only_the_measures_asked_for_and_no_gold():
    only = report(documents(), measures=["span-exact", "token-krippendorff-alpha"])
    assert only.measures == ("span-exact", "token-krippendorff-alpha")
    assert all(r.relaxed is None and r.exact is not None for r in only.pairwise)
    assert only.tokens.cohen == () and only.tokens.fleiss is None and only.tokens.krippendorff is not None
    assert only.claims == () and only.vs_gold == ()
    without_gold = [DocumentSets(d.document_id, d.text, {o: s for o, s in d.sets.items() if o != "gold"})
                    for d in documents()]
    plain = report(without_gold)
    assert plain.gold is None and plain.vs_gold == () and plain.claims_vs_gold == ()


def test_to_dict_is_strict_json(full):
    data = full.to_dict()
    text = json.dumps(data, allow_nan=False, ensure_ascii=False)  # no NaN anywhere
    back = json.loads(text)
    assert back["annotators"] == ["anna", "boris", "vera"]
    assert back["pairwise"][0]["exact"] == {"matched": 2, "reference": 6, "candidate": 5,
                                            "precision": 0.4, "recall": 1 / 3, "f1": pytest.approx(4 / 11)}
    assert back["tokens"]["fleiss"]["units"] == 10
    assert back["claims"][1]["type"]["share"] is None  # anna/vera: no matched claim
    assert back["claims"][0]["speaker"]["kappa"] is None


def test_precomputed_tokens_give_the_same_report(full):
    from annotator.domain.tokens import tokenize

    given = [DocumentSets(d.document_id, None, d.sets, tokens=tokenize(d.text)) for d in documents()]
    assert report(given).to_dict() == full.to_dict()
    with pytest.raises(ValueError, match="text or its tokens"):
        report([DocumentSets("x", None, {"anna": aset("anna")})])
