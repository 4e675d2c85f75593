"""Text positions: Unicode code points in the core, UTF-16 code units at the edges.

Every offset the store and the domain keep is a code point index (a Python
``str`` index), end-exclusive. Qt's QString/QTextCursor, doccano's browser
(JavaScript strings), INCEpTION and WebAnno TSV count UTF-16 code units
instead, where a character above U+FFFF (emoji, flags, mathematical letters)
takes two units, a surrogate pair. The two counts differ only after such
characters, which is why a bug here shows up only on "rare" text.

Conversions happen only where a position enters or leaves the core, and all
of them go through this module. Build one :class:`OffsetMap` per text when
converting many offsets; the functions are for one-off conversions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import regex  # \X: extended grapheme clusters, which the standard re cannot match

# Characters that take two UTF-16 code units.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetError(ValueError):
    """An offset that is out of range or splits a surrogate pair."""


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def codepoint_to_utf16(text: str, offset: int) -> int:
    _check_range(offset, len(text), "code point")
    return utf16_length(text[:offset])


def utf16_to_codepoint(text: str, offset: int) -> int:
    data = text.encode("utf-16-le")
    _check_range(offset, len(data) // 2, "UTF-16")
    if offset < len(data) // 2 and _is_low_surrogate(data, offset):
        raise OffsetError(f"UTF-16 offset {offset} falls inside a surrogate pair")
    return len(data[: 2 * offset].decode("utf-16-le"))


class OffsetMap:
    """Both conversions for one text, O(log a) each (a = astral characters).

    Only the positions of astral characters are kept, not the text: the
    UTF-16 offset of code point ``cp`` is ``cp`` plus the number of astral
    characters before it.
    """

    __slots__ = ("_length", "_utf16_length", "_astral_cp", "_astral_u16")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._utf16_length = utf16_length(text)
        if self._utf16_length == self._length:  # no astral characters: identity
            self._astral_cp: list[int] = []
            self._astral_u16: list[int] = []
            return
        # Code point index of each astral character, and the UTF-16 index of its
        # high surrogate (shifted by the k astral characters before it).
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]

    @property
    def length(self) -> int:
        """Length in code points (``len(text)``)."""
        return self._length

    @property
    def utf16_length(self) -> int:
        """Length in UTF-16 code units (QString::size())."""
        return self._utf16_length

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters and both counts agree."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        _check_range(cp, self._length, "code point")
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        _check_range(u16, self._utf16_length, "UTF-16")
        if not self._astral_u16:
            return u16
        before = bisect_left(self._astral_u16, u16)  # pairs starting before u16
        if before and self._astral_u16[before - 1] + 1 == u16:
            raise OffsetError(f"UTF-16 offset {u16} falls inside a surrogate pair")
        return u16 - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        _check_span(start, end)
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_codepoint(self, start: int, end: int) -> tuple[int, int]:
        _check_span(start, end)
        return self.to_codepoint(start), self.to_codepoint(end)


def _check_range(offset: int, length: int, unit: str) -> None:
    if not 0 <= offset <= length:
        raise OffsetError(f"{unit} offset {offset} is outside 0..{length}")


def _check_span(start: int, end: int) -> None:
    if start > end:
        raise OffsetError(f"span start {start} is after its end {end}")


def _is_low_surrogate(data: bytes, unit: int) -> bool:
    # utf-16-le: the high byte of code unit i is data[2*i + 1]; DC..DF = low surrogate.
    return 0xDC <= data[2 * unit + 1] <= 0xDF


class CrlfMap:
    """Offsets that count each CRLF as one character, to code points and back.

    brat reads its .txt with universal newlines, and doccano's grapheme mode counts a CRLF
    as one cluster, so their offsets into a CRLF text fall behind ours by one per line break
    before them.
    """

    __slots__ = ("_length", "_crlf_cp", "_crlf_short")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._crlf_cp = [m.start() for m in re.finditer("\r\n", text)]  # code point index of each "\r"
        self._crlf_short = [cp - k for k, cp in enumerate(self._crlf_cp)]

    @property
    def is_identity(self) -> bool:
        return not self._crlf_cp

    def to_codepoint(self, short: int) -> int:
        result = short + bisect_left(self._crlf_short, short)
        _check_range(result, self._length, "CRLF-as-one")
        return result

    def to_short(self, cp: int) -> int:
        _check_range(cp, self._length, "code point")
        before = bisect_left(self._crlf_cp, cp)
        if before and self._crlf_cp[before - 1] + 1 == cp:
            raise OffsetError(f"code point offset {cp} falls inside a CRLF")
        return cp - before


_CLUSTER = regex.compile(r"\X")


class GraphemeMap:
    """Offsets that count extended grapheme clusters (UAX #29, the ``regex`` module's ``\\X``):
    a CRLF, an emoji with its skin tone or a ZWJ family, a letter with its combining marks each
    count one, as doccano's grapheme mode does."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._starts = [m.start() for m in _CLUSTER.finditer(text)]  # code point where each cluster starts

    @property
    def is_identity(self) -> bool:
        return len(self._starts) == self._length

    def to_codepoint(self, cluster: int) -> int:
        if not 0 <= cluster <= len(self._starts):
            raise OffsetError(f"grapheme offset {cluster} out of range 0..{len(self._starts)}")
        return self._length if cluster == len(self._starts) else self._starts[cluster]

    def to_cluster(self, cp: int) -> int:
        _check_range(cp, self._length, "code point")
        if cp == self._length:
            return len(self._starts)
        index = bisect_left(self._starts, cp)
        if index == len(self._starts) or self._starts[index] != cp:
            raise OffsetError(f"code point offset {cp} falls inside a grapheme cluster")
        return index
