"""The document view: spans painted by a QSyntaxHighlighter, by block; the token caret."""

from __future__ import annotations

import random
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from annotator.domain.model import Span
from annotator.gui.text.document_view import DocumentView, nesting_depths

COLORS = {"PER": "#e6194b", "GPE": "#3cb44b", "ROLE": "#800000", "ORG": "#4363d8"}
TEXT = "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент.\nВторая строка 😀 про ООН.\r\nТретья."


def _labels_at(view: DocumentView, qt_position: int) -> list[tuple[str, int]]:
    """What is painted at a position: (label, depth), outermost first."""
    return [(p.label, p.depth) for p in view.painted_at(qt_position)]


def _make_big_text(size: int = 1_000_000) -> str:
    paragraph = ("Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент с государственным визитом. "
                 "Стороны обсудили торговлю, транспорт и энергетику 😀.\n")
    return (paragraph * (size // len(paragraph) + 1))[:size]


def test_5000_spans_on_1mb_text_highlight(qtbot):
    text = _make_big_text()
    rng = random.Random(7)
    spans = []
    for i in range(5000):
        start = rng.randrange(0, len(text) - 40)
        spans.append(Span(i + 1, start, start + rng.randrange(1, 40), rng.choice(list(COLORS))))
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    began = time.perf_counter()
    view.set_document(text, spans)
    qtbot.wait(1)
    opened = time.perf_counter() - began
    print(f"\n1 MB text, 5,000 spans: set_document {opened:.3f} s, "
          f"{view.highlighter.painted_blocks} blocks painted")
    # only what is on screen is looked at when the document opens ...
    looked_at = set(view.highlighter.index._blocks)
    assert 1 <= len(looked_at) < 100 < view.document().blockCount()
    top = min(spans, key=lambda s: s.start)
    qt_start, _ = view.positions.span_to_qt(top.start, top.end)
    assert top.label in [label for label, _ in _labels_at(view, qt_start)]
    # ... and a block far down when it is scrolled to
    last_block = view.document().blockCount() - 1
    assert last_block not in view.highlighter.index._blocks
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: last_block in view.highlighter.index._blocks, timeout=2000)
    # changing one span redraws only its block(s)
    began = time.perf_counter()
    redrawn = view.set_spans(spans[1:] + [Span(99999, 10, 20, "PER")])
    print(f"set_spans with 2 changed spans: {time.perf_counter() - began:.3f} s, blocks {redrawn}")
    assert 1 <= len(redrawn) <= 4
    view.grab()  # paints without crashing


def test_nested_spans_get_tint_and_underline(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    role = Span(1, 0, 20, "ROLE")  # Президент Казахстана
    gpe = Span(2, 10, 20, "GPE")  # Казахстана
    assert TEXT[role.start:role.end] == "Президент Казахстана"
    view.set_document(TEXT, [gpe, role])
    assert _labels_at(view, 2) == [("ROLE", 0)]  # tinted
    assert _labels_at(view, 12) == [("ROLE", 0), ("GPE", 1)]  # tinted and underlined
    assert _labels_at(view, 25) == []  # unlabelled text stays plain
    assert view.labels_at_qt(12) == ["ROLE", "GPE"]


def test_spans_are_painted_on_screen(qtbot):
    """The pixels: a labelled word is tinted in its colour, an unlabelled one is not."""
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(700, 200)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(TEXT, [Span(1, 0, 9, "ROLE")])  # "Президент"
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    labelled = view._span_rects(view.spans()[0])[0]
    plain = view._span_rects(Span(None, TEXT.index("прибыл"), TEXT.index("прибыл") + 6, "X"))[0]

    def reddish(rect) -> int:
        y = int(rect.top() + 2)  # above the glyphs' body: mostly background
        xs = range(int(rect.left()) + 1, int(rect.right()) - 1)
        return sum(1 for x in xs if image.pixelColor(x, y).red() > image.pixelColor(x, y).green() + 20)

    assert reddish(labelled) > 10
    assert reddish(plain) == 0


def test_nesting_depths():
    assert nesting_depths([(0, 20), (10, 20), (12, 15), (30, 40), (35, 50)]) == [0, 1, 2, 0, 0]


def test_spans_after_emoji_and_crlf_land_on_their_text(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    start = TEXT.index("ООН")
    third = TEXT.index("Третья")
    view.set_document(TEXT, [Span(1, start, start + 3, "ORG"), Span(2, third, third + 6, "PER")])
    for span in view.spans():
        qt_start, qt_end = view.positions.span_to_qt(span.start, span.end)
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == TEXT[span.start:span.end]
        assert _labels_at(view, qt_start) == [(span.label, 0)]
        view.select_core(span.start, span.end)
        assert view.selection_core() == (span.start, span.end)


def test_set_spans_redraws_only_changed_blocks(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.set_document(TEXT, [Span(1, 0, 9, "ROLE")])
    third = TEXT.index("Третья")
    redrawn = view.set_spans([Span(1, 0, 9, "ROLE"), Span(2, third, third + 6, "PER")])
    assert redrawn == [2]
    redrawn = view.set_spans([Span(2, third, third + 6, "PER")])
    assert redrawn == [0]
    assert _labels_at(view, 0) == []


def test_token_caret_and_selection(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.show()
    view.set_document(TEXT, [])
    view.setFocus()
    view.move_caret_core(0)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.caret_core() == TEXT.index("Казахстана")
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selection_core()
    assert TEXT[start:end] == "Казахстана Касым-Жомарт"
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selection_core()
    assert TEXT[start:end] == "Казахстана"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selection_core() is None
    assert view.caret_core() == TEXT.index("Казахстана")


def test_a_drag_that_slightly_misses_does_not_take_the_neighbouring_word(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(TEXT, [])
    kaz = TEXT.index("Казахстана")

    def point(core: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(core))
        return view.cursorRect(cursor).center()

    # From the last letter of the word before to one letter into the word after: "Казахстана" only.
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(kaz - 2))
    qtbot.mouseMove(view.viewport(), point(kaz + len("Казахстана") + 2))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(kaz + len("Казахстана") + 2))
    start, end = view.selection_core()
    assert TEXT[start:end] == "Казахстана"


def test_mouse_selection_snaps_to_tokens(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(TEXT, [])
    inside_kaz = view.positions.to_qt(TEXT.index("Казахстана") + 3)
    inside_tok = view.positions.to_qt(TEXT.index("Токаев") + 4)  # most of "Токаев" covered

    def point(qt_position: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt_position)
        return view.cursorRect(cursor).center()

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(inside_kaz))
    qtbot.mouseMove(view.viewport(), point(inside_tok))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(inside_tok))
    start, end = view.selection_core()
    assert TEXT[start:end] == "Казахстана Касым-Жомарт Токаев"

    view.snap_to_tokens = False
    view.move_caret_core(0)  # a press inside the selection would start a drag
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(inside_kaz))
    qtbot.mouseMove(view.viewport(), point(inside_tok))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(inside_tok))
    start, end = view.selection_core()
    assert TEXT[start:end] == "ахстана Касым-Жомарт Тока"


def test_span_under_caret_is_the_innermost(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.set_document(TEXT, [Span(1, 0, 20, "ROLE"), Span(2, 10, 20, "GPE")])
    view.move_caret_core(12)
    assert view.span_under_caret().id == 2
    assert view.caret_span.id == 2
    view.move_caret_core(3)
    assert view.span_under_caret().id == 1
    view.select_core(0, 20)
    assert view.span_under_caret().id == 1
    view.grab()  # the outline paints
