"""Suggestions from the keyboard: accept, reject, accept a whole label, Tab between them.

The open suggestions of the document come with the set's read model
(``SetView.suggestions``: models', Label Studio predictions', and the copies of
the annotator's repeated passages); the view frames them dashed
(``gui/text/suggestion_painting.py``). The keys act on the suggestion the
selection matches exactly (Tab selects one), else the innermost one under the
caret, and name it to the service by its place, so a nested or adjacent
suggestion is never taken by mistake. What accepting means (the span with its
origin, a claim with its speaker) is the service's (``services/suggestions.py``);
each answer is one saved, undoable action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from annotator.domain.changes import Changes
from annotator.domain.suggestions import ENTITY, Suggestion, suggestion_at
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import suggestions


class SuggestionActions(QObject):
    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view

    def follow(self) -> None:
        """Frame the suggestions of every view the session reads. Called after the window connects its
        own handlers, which show a new text first (a new text clears the frames)."""
        self.session.loaded.connect(self.show)
        self.session.changed.connect(lambda _changes, state: self.show(state))

    def show(self, state: Any) -> None:
        """Frame the open suggestions of the set read (if it is of the document shown)."""
        if state is None or getattr(state, "document_id", None) != self.session.document_id:
            return
        self.view.suggestion_layer.set_suggestions(getattr(state, "suggestions", ()) or ())

    def open(self) -> tuple[Suggestion, ...]:
        return self.view.suggestion_layer.suggestions()

    def current(self) -> Suggestion | None:
        """The suggestion the selection matches exactly (an entity's before a claim's), else the
        innermost one under the caret."""
        found = self.open()
        selection = self.view.selection_core()
        if selection is not None:
            exact = [s for s in found if (s.start, s.end) == selection]
            if exact:
                return min(exact, key=lambda s: s.kind != ENTITY)
            return suggestion_at(found, selection[0])
        return suggestion_at(found, self.view.caret_core())

    def _need(self) -> Suggestion | None:
        suggestion = self.current()
        if suggestion is None:
            self.session.tell(self.tr("No suggestion under the caret (Tab goes to the next one)"))
        return suggestion

    # ------------------------------------------------------------ the keys
    def accept(self) -> None:
        """Y: the suggestion becomes the annotator's span (or claim), its origin recorded."""
        self._on_suggestion(suggestions.accept_suggestion)

    def reject(self) -> None:
        """X: the suggestion is not offered again (to this annotator, at this place)."""
        self._on_suggestion(suggestions.reject_suggestion)

    def _on_suggestion(self, action: Callable[..., Changes]) -> None:
        """Submit ``action`` (accept or reject) for the exact suggestion under the caret."""
        suggestion = self._need()
        if suggestion is None:
            return
        session = self.session
        workspace, document_id, owner, user = session.workspace, session.document_id, session.owner, session.user
        session.submit(lambda: action(workspace, document_id, suggestion.start, owner=owner, user=user,
                                      place=suggestion.key))

    def accept_label(self) -> None:
        """Shift+Y: every open suggestion of the label under the caret, in one undoable action."""
        suggestion = self._need()
        if suggestion is None:
            return
        if suggestion.kind != ENTITY:
            self.session.tell(self.tr("Put the caret on a suggested span to accept every one of its label"))
            return
        session, label = self.session, suggestion.label
        workspace, document_id, owner, user = session.workspace, session.document_id, session.owner, session.user
        session.submit(lambda: suggestions.accept_label(workspace, document_id, label, owner=owner,  # type: ignore[arg-type]
                                                        user=user))

    def step(self, direction: int) -> bool:
        """Tab / Shift+Tab: select the next (previous) open suggestion in text order, round at the
        ends. False when the document has none open (Tab then goes from span to span)."""
        found = sorted(self.open(), key=lambda s: (s.start, -s.end, s.kind != ENTITY))
        if not found:
            return False
        selection = self.view.selection_core()
        here = selection if selection is not None else (self.view.caret_core(), len(self.view.text) + 1)
        ref = (here[0], -here[1])
        keys = [(s.start, -s.end) for s in found]
        if direction > 0:
            after = [i for i, k in enumerate(keys) if k > ref]
            target = found[after[0]] if after else found[0]
        else:
            before = [i for i, k in enumerate(keys) if k < ref]
            target = found[before[-1]] if before else found[-1]
        self.view.select_core(target.start, target.end)
        self.view.ensureCursorVisible()
        self.view.setFocus()
        source = target.source.split(":", 1)[-1]
        self.session.tell(self.tr("Suggested %1 (%2): Y accepts, X rejects, Shift+Y accepts every %1")
                          .replace("%1", target.label).replace("%2", source), 6000)
        return True


def suggestion_handlers(actions: SuggestionActions, fallback: Callable[[int], None]) -> dict[str, Callable[[], None]]:
    """Key map action name -> handler. Tab and Shift+Tab go to the next open suggestion while the
    document has one, else to the next span (``fallback``)."""
    return {
        "accept_suggestion": actions.accept,
        "reject_suggestion": actions.reject,
        "accept_label_suggestions": actions.accept_label,
        "next_span": lambda: actions.step(1) or fallback(1),
        "previous_span": lambda: actions.step(-1) or fallback(-1),
    }
