"""What an action changed, so that each view redraws only that (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Changes:
    action_id: int | None = None  # the action log entry written, if any
    label: str = ""  # human description, e.g. for an undo menu: "Add span PER"
    documents: frozenset[str] = frozenset()  # documents whose annotations changed
    corpus: bool = False  # documents were added or removed
    spans: bool = False
    claims: bool = False
    relations: bool = False
    set_status: bool = False
    scheme: bool = False
    notes: bool = False  # comments or "unsure" flags (a span's or a set's removal may take some)
    entities: bool = False  # the owner's entity table (names, aliases, merges); links are ``spans``
    result: Any = None  # e.g. the id of a new span

    def merged(self, other: Changes) -> Changes:
        return Changes(
            action_id=other.action_id or self.action_id,
            label=other.label or self.label,
            documents=self.documents | other.documents,
            corpus=self.corpus or other.corpus,
            spans=self.spans or other.spans,
            claims=self.claims or other.claims,
            relations=self.relations or other.relations,
            set_status=self.set_status or other.set_status,
            scheme=self.scheme or other.scheme,
            notes=self.notes or other.notes,
            entities=self.entities or other.entities,
            result=other.result if other.result is not None else self.result,
        )
