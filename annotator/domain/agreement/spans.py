"""Span agreement between two annotation sets: exact and relaxed matching, P/R/F1.

One set is the *reference* (recall is over its spans), the other the
*candidate* (precision is over its spans); F1 is symmetric.

- **exact**: a candidate span matches a reference span with the same start,
  end and label (as multisets: two identical spans match two, not one).
- **relaxed**: spans with the same label that overlap (share at least one code
  point) are matched one to one, greedily by largest overlap in code points.
  Ties are broken, in order, by: an exact match first, the smaller boundary
  distance ``|start - start'| + |end - end'|``, then the reference span's
  (start, end), then the candidate's (start, end), then input order. Exact
  matches are always kept (no other pair can overlap either span more), so
  relaxed >= exact.

A discontinuous span (one with fragments) is one span: it matches exactly only a span with the
same label and the same fragments (a contiguous span over its outer bounds is not the same span),
and its relaxed overlap is the code points its fragments share with the other span's.

Counts add up over documents (micro average) and per label.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# A span as matching sees it: (start, end, label), and for a discontinuous span its fragments as a
# fourth item (so that exact matching, by equality, compares fragments). Claims match with one shared label.
Extent = tuple[Any, ...]


def _overlap(a: Extent, b: Extent) -> int:
    """Code points two extents share: of their pieces when either has fragments."""
    if len(a) == 3 and len(b) == 3:
        return min(a[1], b[1]) - max(a[0], b[0])
    pieces_a = a[3] if len(a) > 3 else ((a[0], a[1]),)
    pieces_b = b[3] if len(b) > 3 else ((b[0], b[1]),)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in pieces_a for s2, e2 in pieces_b)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched spans out of the reference's and the candidate's; P/R/F1 from them.

    A ratio with a zero denominator is None (e.g. precision of a candidate with
    no span): there is nothing to measure, which is not the same as 0.
    """

    matched: int = 0
    reference: int = 0
    candidate: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.reference + other.reference,
                      self.candidate + other.candidate)

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.candidate)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.reference)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.matched, self.reference + self.candidate)

    def to_dict(self) -> dict[str, Any]:
        return {"matched": self.matched, "reference": self.reference, "candidate": self.candidate,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def match_exact(reference: Sequence[Extent], candidate: Sequence[Extent]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` of identical extents, one to one, in input order."""
    waiting: dict[Extent, list[int]] = {}
    for j in range(len(candidate) - 1, -1, -1):  # reversed, so that pop() gives the first
        waiting.setdefault(candidate[j], []).append(j)
    pairs = []
    for i, extent in enumerate(reference):
        free = waiting.get(extent)
        if free:
            pairs.append((i, free.pop()))
    return pairs


def match_relaxed(reference: Sequence[Extent], candidate: Sequence[Extent],
                  exact: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` matched one to one: same label, overlapping, largest overlap first.

    Returns the pairs sorted by ``i``. See the module's docstring for the ties.
    ``exact``: :func:`match_exact` of the same extents, when already known.
    """
    pairs = list(match_exact(reference, candidate) if exact is None else exact)
    if len(pairs) == len(reference) or len(pairs) == len(candidate):
        return sorted(pairs)
    used_ref = {i for i, _ in pairs}
    used_cand = {j for _, j in pairs}
    # The rest, by label: the candidates sorted by start, their starts, the longest one's length.
    grouped: dict[str, list[tuple[int, int, int]]] = {}
    for j, extent in enumerate(candidate):
        if j not in used_cand:
            grouped.setdefault(extent[2], []).append((extent[0], extent[1], j))
    by_label = {}
    for label, items in grouped.items():
        items.sort()
        by_label[label] = ([c[0] for c in items], max(c[1] - c[0] for c in items), items)
    options = []
    for i, extent in enumerate(reference):
        start, end, label = extent[0], extent[1], extent[2]
        if i in used_ref or label not in by_label:
            continue
        starts, longest, items = by_label[label]
        # A candidate overlapping [start, end) starts before ``end`` and after ``start - longest``.
        for k in range(bisect_left(starts, start - longest), bisect_left(starts, end)):
            c_start, c_end, j = items[k]
            overlap = _overlap(extent, candidate[j])
            if overlap > 0:
                distance = abs(start - c_start) + abs(end - c_end)
                options.append((-overlap, distance, start, end, c_start, c_end, i, j))
    options.sort()
    for *_, i, j in options:
        if i not in used_ref and j not in used_cand:
            used_ref.add(i)
            used_cand.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _per_label(reference: Sequence[Extent], candidate: Sequence[Extent],
               pairs: Iterable[tuple[int, int]]) -> dict[str, Counts]:
    tally: dict[str, list[int]] = {}
    for extent in reference:
        tally.setdefault(extent[2], [0, 0, 0])[1] += 1
    for extent in candidate:
        tally.setdefault(extent[2], [0, 0, 0])[2] += 1
    for i, _ in pairs:
        tally[reference[i][2]][0] += 1
    return {label: Counts(*tally[label]) for label in sorted(tally)}


@dataclass(frozen=True, slots=True)
class SpanComparison:
    """Exact and relaxed counts of one comparison (one document, or summed), per label."""

    exact: dict[str, Counts]
    relaxed: dict[str, Counts]

    @property
    def exact_total(self) -> Counts:
        return sum(self.exact.values(), Counts())

    @property
    def relaxed_total(self) -> Counts:
        return sum(self.relaxed.values(), Counts())

    def __add__(self, other: SpanComparison) -> SpanComparison:
        return SpanComparison(_add(self.exact, other.exact), _add(self.relaxed, other.relaxed))


EMPTY = SpanComparison({}, {})


def _add(a: dict[str, Counts], b: dict[str, Counts]) -> dict[str, Counts]:
    out = dict(a)
    for label, counts in b.items():
        out[label] = out[label] + counts if label in out else counts
    return dict(sorted(out.items()))


def total(comparisons: Iterable[SpanComparison]) -> SpanComparison:
    """The sum of many comparisons (micro over documents), added up in place."""
    sums: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    for comparison in comparisons:
        for table, into in ((comparison.exact, sums[0]), (comparison.relaxed, sums[1])):
            for label, c in table.items():
                row = into.setdefault(label, [0, 0, 0])
                row[0] += c.matched
                row[1] += c.reference
                row[2] += c.candidate
    exact, relaxed = ({label: Counts(*t[label]) for label in sorted(t)} for t in sums)
    return SpanComparison(exact, relaxed)


def compare_extents(reference: Sequence[Extent], candidate: Sequence[Extent]) -> SpanComparison:
    """Exact and relaxed counts per label of two lists of extents."""
    exact = match_exact(reference, candidate)
    return SpanComparison(_per_label(reference, candidate, exact),
                          _per_label(reference, candidate, match_relaxed(reference, candidate, exact)))


def extent(span: Any, label: str | None = None) -> Extent:
    """``(start, end, label)`` of a span, with its fragments fourth when it has any."""
    fragments = getattr(span, "fragments", ())
    label = span.label if label is None else label
    return (span.start, span.end, label, tuple(fragments)) if fragments else (span.start, span.end, label)


def extents(spans: Iterable[Any], labels: frozenset[str] | None = None) -> list[Extent]:
    """The :func:`extent` of each span (anything with start, end, label), optionally of some labels."""
    if labels is None:
        return [extent(s) for s in spans]
    return [extent(s) for s in spans if s.label in labels]


def compare_spans(reference: Iterable[Any], candidate: Iterable[Any],
                  labels: Iterable[str] | None = None) -> SpanComparison:
    """Exact and relaxed counts per label of two sets' spans (e.g. ``aset.spans``).

    ``labels``: only spans with these labels count (None: all).
    """
    chosen = None if labels is None else frozenset(labels)
    return compare_extents(extents(reference, chosen), extents(candidate, chosen))
