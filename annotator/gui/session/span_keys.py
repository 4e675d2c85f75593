"""What a label key and Tab do on a view's text: shared by the annotation window and the gold lane.

Both windows run the result through their own owner and user (an annotator on
their set, a curator on gold); only the decision lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.domain.model import Span
from annotator.gui.text.document_view import DocumentView
from annotator.services import annotating
from annotator.services.workspace import Workspace

ALREADY = "already"  # the selection is a span of that label already
NOTHING = "nothing"  # no selection, no span under the caret


def label_call(view: DocumentView, workspace: Workspace, document_id: str, label: str, *, owner: str,
               user: str | None, seen: int | None = None) -> Callable[[], Any] | str:
    """The service call a label key makes (add the selection as a span, or relabel the span that is
    exactly the selection, else the one under the caret); or ALREADY / NOTHING when there is none.
    ``seen``: on gold, the gold version the window shows (see ``services.gold_conflicts``)."""
    selection = view.selection_core()
    if selection is not None:
        start, end = selection
        same = [s for s in view.spans() if (s.start, s.end) == (start, end)]
        if any(s.label == label for s in same):
            return ALREADY
        if same:
            span_id = same[0].id
            return lambda: annotating.relabel_span(workspace, span_id, label, owner=owner, user=user, seen=seen)
        return lambda: annotating.add_span(workspace, document_id, start, end, label, owner=owner, user=user,
                                             seen=seen)
    span = view.span_under_caret()
    if span is None:
        return NOTHING
    if span.label == label:
        return ALREADY
    return lambda: annotating.relabel_span(workspace, span.id, label, owner=owner, user=user,  # type: ignore[arg-type]
                                           seen=seen)


def next_span(view: DocumentView, step: int) -> Span | None:
    """Tab / Shift+Tab: the next (previous) span in text order, round at the ends; with no
    selection, a span starting at the caret counts as the next one."""
    spans = sorted(view.spans(), key=lambda s: (s.start, -s.end, str(s.id)))
    if not spans:
        return None
    selection = view.selection_core()
    here = selection if selection is not None else (view.caret_core(), len(view.text) + 1)
    keys = [(s.start, -s.end) for s in spans]
    ref = (here[0], -here[1])
    if step > 0:
        after = [i for i, k in enumerate(keys) if k > ref]
        return spans[after[0]] if after else spans[0]
    before = [i for i, k in enumerate(keys) if k < ref]
    return spans[before[-1]] if before else spans[-1]
