"""Tab and Shift+Tab on a text view: the next span in text order (the annotation window and the gold lane).

What a label key does is not decided here: the session sends the selection and
the span under the caret, and the service (``annotating.label``) decides
between adding and relabelling.
"""

from __future__ import annotations

from annotator.domain.model import Span
from annotator.gui.text.document_view import DocumentView


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
