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
