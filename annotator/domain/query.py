"""How to ask for a page of documents: filters and sort, as a value."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.domain.model import SetStatus

SORT_KEYS = ("ordinal", "date", "id", "length")


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    text: str | None = None  # in the id or the text
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    owner: str | None = None  # with status: that owner's set status; alone: documents with a set of theirs
    status: SetStatus | None = None
    ids: tuple[str, ...] | None = None
    assigned_to: str | None = None  # an annotator's queue
    sort: str = "ordinal"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort!r}; use one of {', '.join(SORT_KEYS)}")
