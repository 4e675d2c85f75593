"""Tokens and sentences (razdel) with code-point offsets, and snapping to them.

Offsets are Python ``str`` indices (code points), end-exclusive, like every
offset in the domain. All helpers take a sequence of tokens sorted by start and
not overlapping, which is what :func:`tokenize` and :func:`sentences` return,
and run in O(log n) via bisect: a 1 MB document has ~150k tokens.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import razdel
from razdel.substring import Substring


@dataclass(frozen=True, slots=True)
class Token:
    """A token or a sentence: ``text == document[start:end]``."""

    start: int
    end: int
    text: str


def _start(token: Token) -> int:
    return token.start


def _end(token: Token) -> int:
    return token.end


def _from_razdel(pieces: Iterable[Substring]) -> list[Token]:
    # razdel finds each piece with str.find over the original text, so its
    # offsets are str indices that slice to the piece. The one quirk: blank text
    # gives one empty sentence, which is no sentence.
    return [Token(p.start, p.stop, p.text) for p in pieces if p.stop > p.start]


def tokenize(text: str) -> list[Token]:
    return _from_razdel(razdel.tokenize(text))


def sentences(text: str) -> list[Token]:
    return _from_razdel(razdel.sentenize(text))


def snap_to_tokens(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """Widen ``[start, end)`` to the whole tokens it overlaps.

    Returns (start of the first overlapping token, end of the last one), or
    None when the selection overlaps no token (whitespace only, or outside all
    tokens). An empty selection overlaps a token only when strictly inside it
    (``token.start < start < token.end``); a caret on a token's edge gives None.
    """
    if start < 0 or start > end:
        raise ValueError(f"bad selection [{start}, {end})")
    # Token i overlaps [start, end) iff token.end > start and token.start < end
    # (for an empty selection: token.start < start < token.end). Ends and starts
    # both increase, so the overlapping tokens are the run first..last.
    first = bisect_right(tokens, start, key=_end)
    last = bisect_left(tokens, end, key=_start) - 1
    if first > last:
        return None
    return tokens[first].start, tokens[last].end


def token_at(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the token with ``start <= offset < end``, or None (whitespace, outside)."""
    i = bisect_right(tokens, offset, key=_start) - 1
    if i >= 0 and offset < tokens[i].end:
        return i
    return None


def next_token_index(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the first token starting strictly after ``offset``, or None.

    A caret moving right by tokens (Ctrl+Right) goes to ``tokens[i].start``:
    from inside or from the start of a token it lands on the next token's start.
    """
    i = bisect_right(tokens, offset, key=_start)
    return i if i < len(tokens) else None


def previous_token_index(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the last token starting strictly before ``offset``, or None.

    A caret moving left by tokens (Ctrl+Left) goes to ``tokens[i].start``: from
    inside or from the end of a token it lands on that token's start, from a
    token's start on the previous token's start.
    """
    i = bisect_left(tokens, offset, key=_start) - 1
    return i if i >= 0 else None


def snap_to_covered_tokens(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """Whole tokens for a mouse selection: a token at either end counts only when the selection
    covers at least half of it, so a drag that slightly misses does not take the neighbouring
    word; when no token is half covered, the one covered most (the first of equals).

    Returns None when the selection overlaps no token; an empty selection strictly inside a
    token gives that token (as :func:`snap_to_tokens`)."""
    if start < 0 or start > end:
        raise ValueError(f"bad selection [{start}, {end})")
    first = bisect_right(tokens, start, key=_end)
    last = bisect_left(tokens, end, key=_start) - 1
    if first > last:
        return None
    if start == end:
        return tokens[first].start, tokens[first].end

    def covered(token: Token) -> float:
        return (min(end, token.end) - max(start, token.start)) / (token.end - token.start)

    kept = [i for i in range(first, last + 1)
            if first < i < last or covered(tokens[i]) >= 0.5]
    if not kept:
        best = max(range(first, last + 1), key=lambda i: (covered(tokens[i]) * (tokens[i].end - tokens[i].start), -i))
        return tokens[best].start, tokens[best].end
    return tokens[kept[0]].start, tokens[kept[-1]].end


def moved_edge(tokens: Sequence[Token], length: int, start: int, end: int, edge: str, step: int,
               by_token: bool = True) -> tuple[int, int] | None:
    """A span's bounds with one edge moved one token (or one character) left (``step`` -1) or
    right (+1): "start" -1 grows it at the start, +1 shrinks it; "end" +1 grows, -1 shrinks.
    None when the edge cannot move so (the text's end, or the span would become empty)."""
    if edge not in ("start", "end") or step not in (-1, 1):
        raise ValueError(f"bad edge move {edge} {step}")
    position = start if edge == "start" else end
    if not by_token:
        target = position + step
    elif edge == "start":
        i = bisect_left(tokens, position, key=_start) - 1 if step < 0 else bisect_right(tokens, position, key=_start)
        target = tokens[i].start if 0 <= i < len(tokens) else -1
    else:
        i = bisect_left(tokens, position, key=_end) - 1 if step < 0 else bisect_right(tokens, position, key=_end)
        target = tokens[i].end if 0 <= i < len(tokens) else -1
    new = (target, end) if edge == "start" else (start, target)
    if not 0 <= new[0] < new[1] <= length:
        return None
    return new


def split_points(tokens: Sequence[Token], start: int, end: int, caret: int) -> tuple[int, int] | None:
    """Where a span splits at the caret: (the left part's end, the right part's start), both on
    token edges; a caret inside a word splits before it. None when a part would hold no token."""
    inside = token_at(tokens, caret)
    if inside is not None and tokens[inside].start < caret:
        caret = tokens[inside].start
    left = bisect_right(tokens, caret, key=_end) - 1  # the last token ending at or before the caret
    right = bisect_left(tokens, caret, key=_start)  # the first token starting at or after it
    if left < 0 or right >= len(tokens):
        return None
    left_end, right_start = tokens[left].end, tokens[right].start
    if not start < left_end <= right_start < end:
        return None
    return left_end, right_start


def nearest_edge(tokens: Sequence[Token], position: int, edge: str) -> int | None:
    """The token start (``edge`` "start") or end ("end") nearest ``position``: where a dragged edge lands."""
    key = _start if edge == "start" else _end
    if not tokens:
        return None
    i = bisect_left(tokens, position, key=key)  # no list of every edge: this runs on each mouse move
    near = [key(tokens[j]) for j in (i - 1, i) if 0 <= j < len(tokens)]
    return min(near, key=lambda e: (abs(e - position), e))
