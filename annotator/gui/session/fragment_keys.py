"""The fragment key (G): the selection becomes one more fragment of a span, making it discontinuous.

The span is the one the caret was last on with nothing else selected (put the caret in
"Председатель", then select "Совета министров Кубы" and press G), so selecting the new piece
does not lose it. What a fragment may be (inside the text, not already part of the span, no other
span of that label with the same pieces) is decided by ``services/annotating.add_fragment``; the
action is logged like any other, so Ctrl+Z takes the fragment back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from annotator.domain.model import Span
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import annotating


class FragmentActions(QObject):
    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view
        self.span_id: Any = None  # the span the caret was last on, nothing else selected
        view.caret_span_changed.connect(self._caret_span_changed)

    def _caret_span_changed(self, span: Span | None) -> None:
        selection = self.view.selection_core()
        if span is not None and (selection is None or selection == (span.start, span.end)):
            self.span_id = span.id

    def target(self) -> Span | None:
        return next((s for s in self.view.spans() if s.id == self.span_id), None)

    def add_fragment(self) -> None:
        """G: add the selection to the span the caret was last on."""
        selection = self.view.selection_core()
        span = self.target()
        if span is None:
            self.session.tell(self.tr("Put the caret on a span first, then select the words to add to it "
                                      "and press G"))
            return
        if selection is None or selection == (span.start, span.end):
            self.session.tell(self.tr("Select the words to add to the %1 span, then press G")
                              .replace("%1", span.label))
            return
        session = self.session
        workspace, owner, user, seen, span_id = session.workspace, session.owner, session.user, session.seen(), span.id
        if owner is None:
            return
        session.submit(lambda: annotating.add_fragment(workspace, span_id, *selection, owner=owner,  # type: ignore[arg-type]
                                                       user=user, seen=seen))
