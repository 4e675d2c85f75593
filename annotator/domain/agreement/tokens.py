"""The token label matrix: one row per razdel token of every document, one column per coder.

Each token gets the label of the *outermost* span covering it, or ``O`` when
no span covers it. A token partly covered by a span counts as covered (a span
``[s, e)`` covers token ``[ts, te)`` when ``te > s`` and ``ts < e``).
Outermost means, among the spans covering the token: the smallest start, then
the largest end, then the smallest label (so "Президент Казахстана" as ROLE
holding "Казахстана" as GPE gives ROLE to both tokens; of two crossing spans
the one that starts first wins the shared tokens).

A coder with no set for a document is *missing* for all its tokens (code -1).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.domain.tokens import Token, tokenize

OUTSIDE = "O"
MISSING_CODE = -1


@dataclass(frozen=True, slots=True, eq=False)
class TokenMatrix:
    """Units (tokens) x coders label codes; ``labels[code]`` is the label, -1 is missing.

    ``labels`` is sorted (``np.unique`` of the labels used, with ``O``), so codes
    are ranks. ``offsets[d]:offsets[d + 1]`` are the rows of document ``d``.
    """

    codes: np.ndarray
    labels: tuple[str, ...]
    coders: tuple[str, ...]
    document_ids: tuple[str, ...]
    offsets: np.ndarray

    @property
    def units(self) -> int:
        return int(self.codes.shape[0])

    def column(self, coder: str) -> np.ndarray:
        return self.codes[:, self.coders.index(coder)]

    def subset(self, coders: Sequence[str]) -> TokenMatrix:
        index = [self.coders.index(c) for c in coders]
        return TokenMatrix(self.codes[:, index], self.labels, tuple(coders), self.document_ids, self.offsets)

    def decoded(self) -> np.ndarray:
        """The labels as an object array, None for missing (for looking, not for speed)."""
        table = np.array(list(self.labels) + [None], dtype=object)
        return table[self.codes]


def _bounds(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    return [t.start for t in tokens], [t.end for t in tokens]


def outermost_order(spans: Iterable[Any]) -> list[Any]:
    """Spans from the outermost (wins) to the innermost: start ascending, end descending, label."""
    return sorted(spans, key=lambda s: (s.start, -s.end, s.label))


def paint(row: np.ndarray, starts: Sequence[int], ends: Sequence[int], spans: Iterable[Any],
          code_of: Mapping[str, int]) -> None:
    """Write into ``row`` (one code per token, already ``O``) the code of each token's outermost span."""
    # Paint from the innermost to the outermost, so that the outermost span is written last.
    for span in reversed(outermost_order(spans)):
        # A discontinuous span labels the tokens of its fragments, not those of its gaps.
        for start, end in getattr(span, "fragments", ()) or ((span.start, span.end),):
            first = bisect_right(ends, start)  # first token ending after the piece's start
            last = bisect_left(starts, end)  # one past the last token starting before its end
            # (an empty span gets first < last only strictly inside a token)
            if first < last:
                row[first:last] = code_of[span.label]


def token_labels(tokens: Sequence[Token], spans: Iterable[Any]) -> list[str]:
    """The label of each token (outermost covering span, or ``O``): the definition, in plain Python."""
    spans = list(spans)
    labels = sorted({s.label for s in spans} | {OUTSIDE})
    code_of = {label: n for n, label in enumerate(labels)}
    row = np.full(len(tokens), code_of[OUTSIDE], dtype=np.int16)
    starts, ends = _bounds(tokens)
    paint(row, starts, ends, spans, code_of)
    return [labels[c] for c in row]


def categories(sets: Iterable[Mapping[str, Any]], coders: Sequence[str],
               labels: frozenset[str] | None = None) -> tuple[str, ...]:
    """The matrix's labels: those of the coders' spans (only ``labels`` if given), with ``O``, sorted."""
    used: set[str] = {OUTSIDE}
    for by_owner in sets:
        for coder in coders:
            aset = by_owner.get(coder)
            if aset is not None:
                used.update(s.label for s in aset.spans)
    if labels is not None:
        used = (used & labels) | {OUTSIDE}
    return tuple(np.unique(np.array(sorted(used), dtype=str)).tolist())  # sorted: codes are ranks


def build_token_matrix(documents: Iterable[tuple[str, Sequence[Token], Mapping[str, Any]]],
                       coders: Sequence[str], labels: frozenset[str] | None = None, *,
                       names: Sequence[str] | None = None) -> TokenMatrix:
    """The matrix of ``(document_id, tokens, {coder: set})`` triples (a coder absent: missing).

    A set is anything with ``spans``; ``labels``: only spans with these labels count
    (the others are as if not there). ``names``: the matrix's labels when known
    beforehand (:func:`categories`); then ``documents`` is read once, so it may be
    a generator that tokenizes as it goes and the tokens are not all kept.
    """
    coders = tuple(coders)
    if names is None:
        documents = list(documents)
        names = categories((sets for _, _, sets in documents), coders, labels)
    names = tuple(names)
    code_of = {label: n for n, label in enumerate(names)}
    outside = code_of[OUTSIDE]
    dtype = np.int16 if len(names) < (1 << 15) else np.int32
    blocks, ids, sizes = [], [], []
    for doc_id, tokens, sets in documents:
        block = np.full((len(tokens), len(coders)), outside, dtype=dtype)
        starts = ends = None
        for c, coder in enumerate(coders):
            aset = sets.get(coder)
            if aset is None:
                block[:, c] = MISSING_CODE
                continue
            spans = aset.spans if labels is None else [s for s in aset.spans if s.label in labels]
            if not spans:
                continue
            if starts is None:
                starts, ends = _bounds(tokens)
            paint(block[:, c], starts, ends, spans, code_of)
        blocks.append(block)
        ids.append(doc_id)
        sizes.append(len(tokens))
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(np.array(sizes, dtype=np.int64), out=offsets[1:])
    codes = np.concatenate(blocks) if blocks else np.zeros((0, len(coders)), dtype=dtype)
    return TokenMatrix(codes, names, coders, tuple(ids), offsets)


def tokens_of(text: str | None, tokens: Sequence[Token] | None) -> Sequence[Token]:
    """The given tokens, or razdel's tokens of the text."""
    if tokens is not None:
        return tokens
    if text is None:
        raise ValueError("a document needs its text or its tokens")
    return tokenize(text)
