"""Notes: an annotator's comment or "unsure" flag on a span, a claim or a whole document.

A note belongs to its owner's set of the document. The curator reads them in
the curation view and in a list; they are not part of the annotations (no
agreement measure reads them, and our JSONL leaves them out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class NoteTarget(StrEnum):
    DOCUMENT = "document"
    SPAN = "span"
    CLAIM = "claim"


@dataclass(frozen=True, slots=True)
class Note:
    """One note with what it is on resolved: the target's kind, label and extent (code points).

    ``target_id`` is the span or claim id, None for the document as a whole;
    ``target_label`` is the span's label or the claim's type.
    """

    id: int
    document_id: str
    owner: str
    target_id: int | None
    target_kind: str  # a NoteTarget value: "document", "span" or "claim"
    target_label: str | None
    target_start: int | None
    target_end: int | None
    text: str
    unsure: bool
    author: str
    created_at: datetime

    @property
    def on_document(self) -> bool:
        return self.target_id is None


def excerpt(text: str, start: int, end: int, limit: int = 50) -> str:
    """The covered text on one line (runs of white space as one space), cut to ``limit`` with "…"."""
    covered = " ".join(text[start:end].split())
    return covered if len(covered) <= limit else covered[:limit - 1] + "…"


def target_excerpt(note: Note, text: str | None, limit: int = 50) -> str | None:
    """The text a span or claim note is on (see :func:`excerpt`); None for a document note or no text."""
    if note.target_start is None or note.target_end is None or text is None:
        return None
    return excerpt(text, note.target_start, note.target_end, limit)
