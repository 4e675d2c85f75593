"""Positions in the stored text (code points) and in a Qt text document (UTF-16 units).

The one GUI module that converts between them. A document view shows
:attr:`TextPositions.display_text` with ``QPlainTextEdit.setPlainText`` and
converts every position that crosses the boundary here:

- Qt makes one paragraph break of ``"\\r\\n"`` (and of a lone ``"\\r"``), so the
  display text has ``"\\n"`` for each: one character shorter per CRLF;
- Qt counts UTF-16 code units, where a character above U+FFFF (emoji, flags,
  mathematical letters) takes two; that part is the domain's
  :class:`~annotator.domain.offsets.OffsetMap`.

Every other character keeps its place (U+2028 and U+2029 are one unit each,
although ``toPlainText``/``selectedText`` show them differently). Both steps
are bisections over sorted lists, O(log n) per position.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotator.domain.offsets import OffsetError, OffsetMap

_CRLF = re.compile("\r\n")


class TextPositions:
    """Conversions for one stored text and the Qt document built from its display text."""

    __slots__ = ("text", "display_text", "_crlf_core", "_crlf_display", "_map")

    def __init__(self, text: str) -> None:
        self.text = text
        self.display_text = text.replace("\r\n", "\n").replace("\r", "\n")
        # The "\r" of each CRLF in the stored text, and the break it becomes in the display text.
        self._crlf_core = [m.start() for m in _CRLF.finditer(text)]
        self._crlf_display = [r - k for k, r in enumerate(self._crlf_core)]
        self._map = OffsetMap(self.display_text)

    @property
    def qt_length(self) -> int:
        """The display text's length in UTF-16 units (the last valid Qt position)."""
        return self._map.utf16_length

    def to_qt(self, cp: int) -> int:
        """The Qt position of code point ``cp`` of the stored text.

        A position between the ``"\\r"`` and ``"\\n"`` of a CRLF maps to just after
        the break (the start of the next line), like the position after the ``"\\n"``.
        """
        if not 0 <= cp <= len(self.text):
            raise OffsetError(f"code point offset {cp} is outside 0..{len(self.text)}")
        # Each CRLF whose "\n" lies before cp removed one character.
        display = cp - bisect_left(self._crlf_core, cp - 1)
        return self._map.to_utf16(display)

    def to_core(self, qt: int, *, round_up: bool = False) -> int:
        """The code point of Qt position ``qt``; inside a surrogate pair, the pair's start
        (or its end with ``round_up``)."""
        length = self._map.utf16_length
        if not 0 <= qt <= length:
            raise OffsetError(f"Qt position {qt} is outside 0..{length}")
        try:
            display = self._map.to_codepoint(qt)
        except OffsetError:  # between the two halves of a surrogate pair
            display = self._map.to_codepoint(qt + 1) if round_up else self._map.to_codepoint(qt - 1)
        # Each CRLF whose break lies before this position stands for one more code point.
        return display + bisect_left(self._crlf_display, display)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        if start > end:
            raise OffsetError(f"span start {start} is after its end {end}")
        return self.to_qt(start), self.to_qt(end)

    def span_to_core(self, qt_start: int, qt_end: int) -> tuple[int, int]:
        """A Qt selection as a code-point span; the start rounds down, the end up.

        The two ends may come in either order (a cursor's anchor and position).
        """
        if qt_start > qt_end:
            qt_start, qt_end = qt_end, qt_start
        return self.to_core(qt_start), self.to_core(qt_end, round_up=True)
