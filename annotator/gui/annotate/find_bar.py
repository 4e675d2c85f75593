"""Find in the open document (Ctrl+F): every hit framed, the current one washed, next and previous.

The same rules as the corpus search (``annotator.domain.search``): any case, ё
as е, a word by lemma, "a quoted phrase" as written, word* as a prefix. Hits
are found in the text the view shows (pure Python over one text, no query);
a quote still open while typing counts as closed.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.domain.search import QueryError, locate, parse, words_with_offsets
from annotator.gui.text.document_view import DocumentView


def hits_in(typed: str, text: str, words: list | None = None) -> list[tuple[int, int]]:
    """The hits of what was typed in ``text`` (code points); none for a query without a word."""
    if typed.count('"') % 2:
        typed += '"'
    try:
        query = parse(typed)
    except QueryError:
        return []
    return locate(query, text, words=words)


class _Field(QLineEdit):
    """The find field: Enter next, Shift+Enter previous, Esc closes."""

    stepped = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.stepped.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """A bar over a DocumentView; the view's marked regions show the hits while it is open."""

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._hits: list[tuple[int, int]] = []
        self._current: int | None = None
        self._origin = 0  # where the search starts: the caret when the bar opened
        self._words: tuple[str, list] | None = None  # (text, its words), for typing letter by letter
        self.field = _Field(self)
        self.field.setPlaceholderText(self.tr("Find in this document: words in any form, \"a phrase\", word*"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous hit (Shift+Enter, Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next hit (Enter, F3)"))
        self.count_label = QLabel(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.search)
        self.field.stepped.connect(self.step)
        self.field.closed.connect(self.close_bar)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    # ------------------------------------------------------------ state
    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def current(self) -> tuple[int, int] | None:
        return None if self._current is None else self._hits[self._current]

    # ------------------------------------------------------------ actions
    def open_bar(self) -> None:
        """Show the bar with the selection (a short one) as the search, the field focused."""
        selection = self.view.selection_core()
        if selection is not None and 0 < selection[1] - selection[0] <= 80:
            self.field.setText(self.view.text[selection[0]:selection[1]])
        self._origin = selection[0] if selection is not None else self.view.caret_core()
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.view.set_marks([])
        self.view.setFocus()

    def document_changed(self) -> None:
        """The view shows another text: search it again (when open)."""
        self._words = None
        self._origin = 0
        if self.isVisible():
            self.search()
        else:
            self._hits, self._current = [], None

    def search(self) -> None:
        text = self.view.text
        if self._words is None or self._words[0] is not text:
            self._words = (text, words_with_offsets(text))
        self._hits = hits_in(self.field.text(), text, self._words[1])
        self._current = None
        if self._hits:
            starts = [s for s, _ in self._hits]
            self._current = bisect_right(starts, self._origin - 1) % len(self._hits)  # the first from the origin
        self._show()

    def step(self, direction: int) -> None:
        """To the next (1) or previous (-1) hit, round the end."""
        if not self._hits:
            return
        if self._current is None:
            self._current = 0
        else:
            self._current = (self._current + direction) % len(self._hits)
        self._show()

    def _show(self) -> None:
        current = self.current()
        self.view.set_marks(self._hits, current)
        if current is not None:
            self.view.select_core(*current)
            self.view.centerCursor()
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(self._current + 1))
                                     .replace("%2", str(len(self._hits))))
        elif self.field.text().strip():
            self.count_label.setText(self.tr("No hits"))
        else:
            self.count_label.setText("")
