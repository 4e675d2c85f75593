"""The scheme as its editor shows it: the scheme in force, how much uses each item, undo, who may edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.domain.scheme import Scheme
from annotator.services import schemes
from annotator.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class SchemeView:
    """What the editor shows of the store, read on the runner."""

    scheme: Scheme
    counts: dict[str, int] = field(default_factory=dict)  # label -> entity spans with it
    undo_label: str | None = None
    redo_label: str | None = None
    refusal: str | None = None  # why the user may not change the scheme; None: they may
    claim_counts: dict[str, int] = field(default_factory=dict)  # claim type -> claims of it


def read_scheme_view(workspace: Workspace, user: str) -> SchemeView:
    """The scheme in force, its span and claim counts, its undo and redo, and whether ``user`` may
    edit it (runs on the runner)."""
    undo_label, redo_label = schemes.next_labels(workspace)
    return SchemeView(workspace.current_scheme(), schemes.span_counts(workspace), undo_label, redo_label,
                      schemes.refusal(workspace, user), schemes.claim_counts(workspace))
