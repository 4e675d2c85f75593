"""Chance-corrected agreement coefficients on a units x coders label matrix.

The matrix has one row per unit (a token, a matched claim pair...) and one
column per coder; a cell is the value the coder gave the unit, or missing.
Values are nominal: only equality matters. Every function here is vectorised
with numpy and takes any of

- an integer array with a ``missing`` sentinel (default -1 for integer input),
- a float array with NaN for missing,
- an object or string array with None (or ``missing``) for missing.

Values are turned into codes 0..V-1 by :func:`encode`: the codes index the
sorted distinct values (``np.unique``), so a value's code is its rank.

Undefined results are never a silent NaN: each function returns a
:class:`Coefficient` whose ``value`` is None and whose ``note`` says why
(no unit to compare, or a single category: with no variation the formulas
give 0/0, and Krippendorff (2011) calls reliability "indeterminable").

References:
- Cohen (1960); the same formula as ``sklearn.metrics.cohen_kappa_score``.
- Fleiss (1971), "Measuring nominal scale agreement among many raters"; as
  ``statsmodels.stats.inter_rater.fleiss_kappa``.
- Krippendorff (2011), "Computing Krippendorff's alpha-reliability": the
  coincidence matrix of pairable values, nominal metric; as the
  ``krippendorff`` package's ``alpha(level_of_measurement="nominal")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MISSING_CODE = -1
# Units per chunk when counting values per unit (bounds memory to ~32 MB per chunk).
_CHUNK_CELLS = 1 << 22
# Integer input with values in 0..255 (and -1 for missing) is used as codes directly.
_MAX_DIRECT_CODES = 256


@dataclass(frozen=True, slots=True)
class Coefficient:
    """A coefficient and what it was computed from.

    ``value`` is None when the coefficient is undefined here, and ``note`` then
    says why. ``observed`` and ``expected`` are the observed and chance
    agreement (kappas) or disagreement (alpha). ``units`` counts the units that
    entered the computation, ``values`` the individual values (ratings) in them.
    """

    value: float | None
    observed: float | None
    expected: float | None
    units: int
    values: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "observed": self.observed, "expected": self.expected,
                "units": self.units, "values": self.values, "note": self.note}


def _undefined(note: str, units: int = 0, values: int = 0, observed: float | None = None,
               expected: float | None = None) -> Coefficient:
    return Coefficient(None, observed, expected, units, values, note)


# --------------------------------------------------------------------------- encoding
def encode(data: Any, *, missing: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, values)``: codes units x coders (int64, -1 = missing) and the sorted values.

    ``values = np.unique(present values)`` and ``values[codes[u, c]]`` is the value
    coder ``c`` gave unit ``u``. Missing: NaN in float input, None in object
    input, ``missing`` if given (for integer input the default is -1).
    """
    array = np.asarray(data)
    if array.ndim != 2:
        raise ValueError(f"expected a units x coders matrix, got shape {array.shape}")
    kind = array.dtype.kind
    if kind in "iub":
        sentinel = MISSING_CODE if missing is None else missing
        present = array != sentinel
    elif kind == "f":
        present = ~np.isnan(array)
        if missing is not None and not (isinstance(missing, float) and np.isnan(missing)):
            present &= array != missing
    elif kind in "OUS":
        if kind == "O":
            present = np.frompyfunc(lambda v: v is not None and v == v, 1, 1)(array).astype(bool)
        else:
            present = np.ones(array.shape, dtype=bool)
        if missing is not None:
            present &= array != missing
    else:
        raise ValueError(f"cannot use values of dtype {array.dtype}")
    values = np.unique(array[present])
    codes = np.full(array.shape, MISSING_CODE, dtype=np.int64)
    if values.size:
        if present.all():
            codes = np.searchsorted(values, array).astype(np.int64, copy=False)
        else:
            codes[present] = np.searchsorted(values, array[present])
    return codes, values


def _codes(data: Any, missing: Any) -> tuple[np.ndarray, int]:
    """Codes and the number of categories; an int matrix of codes 0..V-1 with -1 passes as is."""
    array = np.asarray(data)
    if array.ndim == 2 and array.dtype.kind in "iu" and missing is None and array.size:
        low, high = int(array.min()), int(array.max())
        if low >= MISSING_CODE and high < _MAX_DIRECT_CODES:
            # Already codes (e.g. a TokenMatrix): the category count is the largest code + 1.
            # Unused codes in between change none of the coefficients.
            return array.astype(np.int64, copy=False), high + 1
    codes, values = encode(array, missing=missing)
    return codes, len(values)


# --------------------------------------------------------------------------- Cohen
def cohen_kappa(first: Any, second: Any, *, missing: Any = None) -> Coefficient:
    """Cohen's kappa of two coders over the units both labelled.

    ``first`` and ``second`` are two columns (1-d, same length); a unit missing
    in either is left out. Categories are the values either coder used on
    those units (as scikit-learn's ``cohen_kappa_score``).
    """
    a, b = np.asarray(first), np.asarray(second)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError("two columns of the same length expected")
    codes, n_values = _codes(np.stack([a, b], axis=1), missing)
    return cohen_kappa_codes(codes[:, 0], codes[:, 1], n_values)


def cohen_kappa_codes(a: np.ndarray, b: np.ndarray, n_values: int) -> Coefficient:
    """Cohen's kappa of two columns of codes 0..n_values-1 (-1 missing)."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    both = (a >= 0) & (b >= 0)
    a, b = a[both], b[both]
    n = int(a.size)
    if n == 0:
        return _undefined("no unit labelled by both coders")
    confusion = np.bincount(a * n_values + b, minlength=n_values * n_values).reshape(n_values, n_values)
    agree = int(np.trace(confusion))
    rows, cols = confusion.sum(axis=1), confusion.sum(axis=0)
    chance = int(rows @ cols)  # n^2 * p_e, exact in integers
    p_o, p_e = agree / n, chance / (n * n)
    if chance == n * n:
        return _undefined("a single category on the units both labelled: kappa is 0/0 (no variation)",
                          n, 2 * n, p_o, p_e)
    return Coefficient((p_o - p_e) / (1.0 - p_e), p_o, p_e, n, 2 * n)


def pairwise_cohen(data: Any, *, missing: Any = None) -> dict[tuple[int, int], Coefficient]:
    """Cohen's kappa for each pair of columns ``(i, j)``, ``i < j``."""
    codes, n_values = _codes(data, missing)
    m = codes.shape[1]
    return {(i, j): cohen_kappa_codes(codes[:, i], codes[:, j], n_values)
            for i in range(m) for j in range(i + 1, m)}


# --------------------------------------------------------------------------- value counts
def _value_counts(codes: np.ndarray, n_values: int) -> np.ndarray:
    """Units x V: how many coders gave each value to each unit (missing not counted)."""
    units = codes.shape[0]
    rows = np.broadcast_to(np.arange(units, dtype=np.int64)[:, None], codes.shape)
    present = codes >= 0
    flat = rows[present] * n_values + codes[present].astype(np.int64)
    return np.bincount(flat, minlength=units * n_values).reshape(units, n_values)


def _step(n_values: int) -> int:
    return max(1, _CHUNK_CELLS // max(1, n_values))


# --------------------------------------------------------------------------- Fleiss
def fleiss_kappa(data: Any, *, missing: Any = None) -> Coefficient:
    """Fleiss' kappa over the units labelled by every coder (units with a missing value are left out).

    Fleiss (1971) needs the same number of ratings per unit, so only complete
    rows count; ``units`` says how many, and ``note`` how many were left out.
    """
    return fleiss_kappa_codes(*_codes(data, missing))


def fleiss_kappa_codes(codes: np.ndarray, n_values: int) -> Coefficient:
    """Fleiss' kappa of a units x coders matrix of codes 0..n_values-1 (-1 missing)."""
    codes = np.asarray(codes)
    total, raters = codes.shape
    complete = codes[(codes >= 0).all(axis=1)]
    n = int(complete.shape[0])
    note = f"units labelled by all {raters} coders: {n} of {total}"
    if raters < 2:
        return _undefined(f"fewer than two coders; {note}", n, n * raters)
    if n == 0:
        return _undefined(f"no unit labelled by every coder; {note}")
    squares = 0
    totals = np.zeros(n_values, dtype=np.int64)
    step = _step(n_values)
    for begin in range(0, n, step):
        counts = _value_counts(complete[begin:begin + step], n_values)
        squares += int(np.einsum("ij,ij->", counts, counts))
        totals += counts.sum(axis=0)
    ratings = n * raters
    p_bar = (squares - ratings) / (n * raters * (raters - 1))
    p_cat = totals / ratings
    p_e = float(p_cat @ p_cat)
    if int(totals @ totals) == ratings * ratings:
        return _undefined(f"a single category: kappa is 0/0 (no variation); {note}", n, ratings, p_bar, p_e)
    return Coefficient((p_bar - p_e) / (1.0 - p_e), p_bar, p_e, n, ratings, note)


# --------------------------------------------------------------------------- Krippendorff
def coincidences(data: Any, *, missing: Any = None) -> tuple[np.ndarray, int]:
    """Krippendorff's coincidence matrix ``o`` (V x V) and the number of pairable units.

    ``o[c, k] = sum over units u with m_u >= 2 values of n_uc * (n_uk - [c == k]) / (m_u - 1)``,
    where ``n_uc`` counts the coders who gave unit ``u`` the value ``c``
    (Krippendorff 2011, section C). Rows are summed in chunks of units, so the
    memory is bounded whatever the number of units.
    """
    return coincidence_matrix(*_codes(data, missing))


def coincidence_matrix(codes: np.ndarray, n_values: int) -> tuple[np.ndarray, int]:
    """:func:`coincidences` of a units x coders matrix of codes 0..n_values-1 (-1 missing)."""
    codes = np.asarray(codes)
    o = np.zeros((n_values, n_values), dtype=np.float64)
    m = (codes >= 0).sum(axis=1)
    pairable = m >= 2
    n_units = int(pairable.sum())
    if n_units == 0:
        return o, 0
    if not pairable.all():
        codes, m = codes[pairable], m[pairable]
    weights = 1.0 / (m - 1)
    step = _step(n_values)
    for begin in range(0, codes.shape[0], step):
        counts = _value_counts(codes[begin:begin + step], n_values).astype(np.float64)
        w = weights[begin:begin + step]
        o += (counts * w[:, None]).T @ counts
        o[np.diag_indices(n_values)] -= w @ counts
    return o, n_units


def krippendorff_alpha(data: Any, *, missing: Any = None) -> Coefficient:
    """Krippendorff's alpha, nominal, missing values allowed.

    ``alpha = 1 - D_o / D_e`` with, for the nominal metric,
    ``D_o = sum_{c != k} o_ck / n`` and ``D_e = sum_{c != k} n_c n_k / (n (n - 1))``,
    ``n_c`` the margins of the coincidence matrix and ``n`` the pairable values.
    Units with fewer than two values are not pairable and do not count.
    """
    return krippendorff_alpha_codes(*_codes(data, missing))


def krippendorff_alpha_codes(codes: np.ndarray, n_values: int) -> Coefficient:
    """Krippendorff's alpha (nominal) of a units x coders matrix of codes 0..n_values-1 (-1 missing)."""
    return alpha_from_coincidences(*coincidence_matrix(codes, n_values))


def alpha_from_coincidences(o: np.ndarray, n_units: int) -> Coefficient:
    """Nominal alpha from a coincidence matrix and the number of pairable units."""
    n_c = o.sum(axis=0)
    n = float(n_c.sum())
    if n_units == 0:
        return _undefined("no unit with values from two coders (nothing pairable)")
    values = int(round(n))
    d_o = (n - float(np.trace(o))) / n
    d_e = (n * n - float(n_c @ n_c)) / (n * (n - 1.0))
    if d_e <= 0.0 or np.count_nonzero(n_c > 0.5) < 2:  # each pairable value adds exactly 1 to n_c
        return _undefined("a single value among the pairable values: alpha is 0/0 (no variation)",
                          n_units, values, d_o, d_e)
    return Coefficient(1.0 - d_o / d_e, d_o, d_e, n_units, values)
