"""What reaches a terminal: every character that could steer it is shown escaped.

Names, ids, notes and texts come from files and other people. Printed raw, an
escape sequence in one of them could move the cursor, rewrite earlier lines,
retitle the window or reorder what is shown (bidirectional overrides). The
command line's standard output and error go through :class:`EscapingStream`, so
nothing printed needs to remember to escape; the coloured ``show`` writes its own
markup with :meth:`EscapingStream.write_trusted` after escaping the text in it.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# C0 controls but tab and line feed; a carriage return not followed by a line feed (CRLF
# texts print as they are); DEL and C1; bidirectional embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group()[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    return UNSAFE.sub(_escaped, text)


class EscapingStream(io.TextIOBase):
    """A text stream that escapes what :data:`UNSAFE` names before passing it on."""

    def __init__(self, inner: TextIO):
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(escape(text))
        return len(text)

    def write_trusted(self, text: str) -> int:
        """Markup of our own (colours), around text the caller has already escaped."""
        return self.inner.write(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def buffer(self):  # machine output (JSON, an export to "-") goes to the bytes as they are
        return self.inner.buffer

    @property
    def encoding(self) -> str:
        return self.inner.encoding


@contextmanager
def escaping_output() -> Iterator[None]:
    """Standard output and error through :class:`EscapingStream` while the block runs."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, EscapingStream):
        sys.stdout = EscapingStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, EscapingStream):
        sys.stderr = EscapingStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def unescaped(stream: TextIO) -> TextIO:
    """The stream under an :class:`EscapingStream`, for a writer whose output is all ours (a progress bar)."""
    return stream.inner if isinstance(stream, EscapingStream) else stream


def write_trusted(text: str) -> None:
    """Write our own markup to standard output unescaped (when it is an :class:`EscapingStream`)."""
    if isinstance(sys.stdout, EscapingStream):
        sys.stdout.write_trusted(text)
    else:
        sys.stdout.write(text)
