"""Cohen's, Fleiss' and Krippendorff's coefficients against the reference packages and the literature.

References (test-only dependencies): ``sklearn.metrics.cohen_kappa_score``,
``statsmodels.stats.inter_rater.fleiss_kappa`` on ``aggregate_raters``, and
``krippendorff.alpha(level_of_measurement="nominal")``. Note the reference
packages' layouts: ``krippendorff`` takes coders x units, ours units x coders.
"""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from annotator.domain.agreement import coefficients
from annotator.domain.agreement.coefficients import (
    coincidences, cohen_kappa, encode, fleiss_kappa, krippendorff_alpha, pairwise_cohen,
)

TOLERANCE = 1e-9
nan = np.nan

# Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. University of
# Pennsylvania, Annenberg School for Communication, Departmental Papers 43. Section C,
# "Nominal data, any number of observers, missing values": observers A-D (rows) by
# units 1-12 (columns), "*" (here NaN) missing. Published: nominal alpha = 0.743.
KRIPPENDORFF_2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],  # observer A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],  # B
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],  # C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],  # D
])
# The paper's coincidence matrix for those data (values 1-5), and its margins n_c, n = 40.
KRIPPENDORFF_2011_COINCIDENCES = np.array([
    [7, 4 / 3, 1 / 3, 1 / 3, 0],
    [4 / 3, 10, 4 / 3, 1 / 3, 0],
    [1 / 3, 4 / 3, 8, 1 / 3, 0],
    [1 / 3, 1 / 3, 1 / 3, 4, 0],
    [0, 0, 0, 0, 3],
])

# Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
# Bulletin 76(5), 378-382; the worked example of Wikipedia's "Fleiss' kappa" article:
# 10 subjects, 14 raters each, 5 categories; n_ij = raters who put subject i in category j.
# Published: P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
FLEISS_WIKIPEDIA = np.array([
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
])


def ratings_from_counts(counts: np.ndarray) -> np.ndarray:
    """Units x raters: the categories each subject got, one rater per column."""
    return np.array([np.repeat(np.arange(counts.shape[1]), row) for row in counts])


# ----------------------------------------------------------------------------- literature
def test_krippendorff_2011_example_gives_the_published_alpha():
    data = KRIPPENDORFF_2011.T  # units x coders
    result = krippendorff_alpha(data)
    assert round(result.value, 3) == 0.743
    assert abs(result.value - krippendorff.alpha(reliability_data=KRIPPENDORFF_2011,
                                                 level_of_measurement="nominal")) < TOLERANCE
    assert result.units == 11  # unit 12 has a single value: not pairable
    assert result.values == 40


def test_krippendorff_2011_example_gives_the_published_coincidence_matrix():
    o, pairable = coincidences(KRIPPENDORFF_2011.T)
    np.testing.assert_allclose(o, KRIPPENDORFF_2011_COINCIDENCES, atol=1e-12)
    assert o.sum(axis=0).tolist() == pytest.approx([9, 13, 10, 5, 3])
    assert pairable == 11


def test_fleiss_1971_as_in_wikipedia_gives_the_published_kappa():
    data = ratings_from_counts(FLEISS_WIKIPEDIA)
    assert data.shape == (10, 14)
    result = fleiss_kappa(data)
    assert round(result.value, 3) == 0.210
    assert round(result.observed, 3) == 0.378 and round(result.expected, 3) == 0.213
    assert abs(result.value - sm_fleiss_kappa(FLEISS_WIKIPEDIA)) < TOLERANCE
    assert result.units == 10 and result.values == 140


# ----------------------------------------------------------------------------- random data
CASES = [(units, coders, categories, with_missing)
         for units in (5, 40, 400)
         for coders in (2, 3, 4, 5)
         for categories in (2, 3, 6)
         for with_missing in (False, True)]


def random_matrix(seed: int, units: int, coders: int, categories: int, with_missing: bool) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, categories, size=units)
    # Coders mostly agree with a hidden truth, so that the coefficients are far from 0.
    data = np.where(rng.random((units, coders)) < 0.7, truth[:, None],
                    rng.integers(0, categories, size=(units, coders))).astype(float)
    if with_missing:
        data[rng.random(data.shape) < 0.25] = nan
    return data


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # the reference's 0/0
@pytest.mark.parametrize(("units", "coders", "categories", "with_missing"), CASES)
def test_krippendorff_alpha_equals_the_krippendorff_package(units, coders, categories, with_missing):
    for seed in range(3):
        data = random_matrix(seed * 1000 + units + coders, units, coders, categories, with_missing)
        ours = krippendorff_alpha(data)
        try:
            theirs = krippendorff.alpha(reliability_data=data.T, level_of_measurement="nominal")
        except ValueError:  # their "no variation" or "nothing pairable"
            assert ours.value is None and ours.note
            continue
        if not math.isfinite(theirs):  # 0/0 with values present but a single pairable value
            assert ours.value is None and ours.note
            continue
        assert abs(ours.value - theirs) < TOLERANCE, (seed, ours, theirs)


@pytest.mark.parametrize(("units", "coders", "categories", "with_missing"), CASES)
def test_cohen_kappa_equals_scikit_learn(units, coders, categories, with_missing):
    data = random_matrix(units * 7 + coders, units, coders, categories, with_missing)
    for (i, j), ours in pairwise_cohen(data).items():
        both = ~np.isnan(data[:, i]) & ~np.isnan(data[:, j])
        assert ours.units == int(both.sum())
        a, b = data[both, i], data[both, j]
        if len(np.unique(np.concatenate([a, b]))) < 2:
            assert ours.value is None and ours.note
            continue
        theirs = cohen_kappa_score(a, b)
        assert abs(ours.value - theirs) < TOLERANCE, (i, j, ours, theirs)
        assert abs(cohen_kappa(data[:, i], data[:, j]).value - theirs) < TOLERANCE


@pytest.mark.parametrize(("units", "coders", "categories", "with_missing"), CASES)
def test_fleiss_kappa_equals_statsmodels(units, coders, categories, with_missing):
    data = random_matrix(units * 11 + coders, units, coders, categories, with_missing)
    ours = fleiss_kappa(data)
    complete = data[~np.isnan(data).any(axis=1)]
    assert ours.units == len(complete)
    assert f"{len(complete)} of {units}" in ours.note  # says which units counted
    if len(complete) == 0 or len(np.unique(complete)) < 2:
        assert ours.value is None
        return
    table, _ = aggregate_raters(complete.astype(int))
    theirs = sm_fleiss_kappa(table, method="fleiss")
    assert abs(ours.value - theirs) < TOLERANCE, (ours, theirs)


def test_many_coders_and_categories_equal_the_references():
    rng = np.random.default_rng(7)
    truth = rng.integers(0, 9, size=300)
    data = np.where(rng.random((300, 12)) < 0.6, truth[:, None], rng.integers(0, 9, size=(300, 12))).astype(float)
    data[rng.random(data.shape) < 0.1] = nan
    assert abs(krippendorff_alpha(data).value
               - krippendorff.alpha(reliability_data=data.T, level_of_measurement="nominal")) < TOLERANCE
    complete = data[~np.isnan(data).any(axis=1)]
    assert abs(fleiss_kappa(data).value - sm_fleiss_kappa(aggregate_raters(complete.astype(int))[0])) < TOLERANCE


def test_chunked_counting_gives_the_same_values(monkeypatch):
    data = random_matrix(5, 1000, 4, 5, True)
    whole = krippendorff_alpha(data), fleiss_kappa(data)
    monkeypatch.setattr(coefficients, "_CHUNK_CELLS", 17)  # chunks of 3 units
    chunked = krippendorff_alpha(data), fleiss_kappa(data)
    assert abs(whole[0].value - chunked[0].value) < 1e-12
    assert abs(whole[1].value - chunked[1].value) < 1e-12


# ----------------------------------------------------------------------------- inputs
def test_labels_strings_and_codes_give_the_same_values():
    data = random_matrix(3, 200, 3, 4, True)
    names = np.array(["GPE", "O", "PER", "ROLE"], dtype=object)
    as_labels = np.where(np.isnan(data), None, names[np.nan_to_num(data).astype(int)])
    as_codes = np.where(np.isnan(data), -1, data).astype(np.int16)
    for fn in (krippendorff_alpha, fleiss_kappa):
        values = {fn(data).value, fn(as_labels).value, fn(as_codes).value}
        assert max(values) - min(values) < 1e-12, fn
    assert abs(cohen_kappa(as_labels[:, 0], as_labels[:, 1]).value
               - cohen_kappa(data[:, 0], data[:, 1]).value) < 1e-12


def test_encode_codes_are_ranks_of_the_sorted_values():
    codes, values = encode(np.array([["b", None], ["a", "c"], [None, "b"]], dtype=object))
    assert values.tolist() == ["a", "b", "c"]
    assert codes.tolist() == [[1, -1], [0, 2], [-1, 1]]
    codes, values = encode(np.array([[10.0, nan], [30.0, 10.0]]))
    assert values.tolist() == [10.0, 30.0] and codes.tolist() == [[0, -1], [1, 0]]
    codes, values = encode(np.array([[5, 0], [5, 7]]), missing=0)
    assert values.tolist() == [5, 7] and codes.tolist() == [[0, -1], [0, 1]]
    with pytest.raises(ValueError):
        encode(np.array([1, 2, 3]))


# ----------------------------------------------------------------------------- edge cases
def test_perfect_agreement_gives_one():
    data = np.array([[0, 0, 0], [1, 1, 1], [2, 2, 2], [1, 1, 1], [0, 0, -1]])
    assert krippendorff_alpha(data).value == 1.0
    assert fleiss_kappa(data).value == 1.0
    assert cohen_kappa(data[:, 0], data[:, 1]).value == 1.0
    assert krippendorff.alpha(reliability_data=np.where(data < 0, nan, data).T,
                              level_of_measurement="nominal") == 1.0


def test_a_single_category_is_undefined_and_says_why():
    data = np.array([["O", "O", "O"]] * 6, dtype=object)
    for result in (krippendorff_alpha(data), fleiss_kappa(data), cohen_kappa(data[:, 0], data[:, 1])):
        assert result.value is None  # never a bare NaN
        assert "single" in result.note and "0/0" in result.note
        assert result.units == 6
        assert result.observed == pytest.approx(1.0) or result.observed == pytest.approx(0.0)  # Ao=1 / Do=0
    assert krippendorff_alpha(data).to_dict()["value"] is None


def test_nothing_comparable_is_undefined_and_says_why():
    disjoint = np.array([[0, -1], [1, -1], [-1, 0], [-1, 1]])
    for result in (krippendorff_alpha(disjoint), fleiss_kappa(disjoint), cohen_kappa(disjoint[:, 0], disjoint[:, 1])):
        assert result.value is None and result.units == 0 and result.note
    assert fleiss_kappa(np.array([[0], [1]])).value is None  # one coder
    empty = np.zeros((0, 3), dtype=int)
    assert krippendorff_alpha(empty).value is None and fleiss_kappa(empty).value is None


def test_systematic_disagreement_is_negative():
    data = np.array([[0, 1], [1, 0]] * 10)
    assert krippendorff_alpha(data).value < 0
    assert cohen_kappa(data[:, 0], data[:, 1]).value == pytest.approx(cohen_kappa_score(data[:, 0], data[:, 1]))
    assert cohen_kappa(data[:, 0], data[:, 1]).value == -1.0
