"""TextPositions: stored text (code points, CRLF kept) <-> a real QPlainTextEdit (UTF-16, CRLF collapsed)."""

from __future__ import annotations

import random
import time

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from annotator.domain.offsets import OffsetError
from annotator.gui.text.text_positions import TextPositions

KEY = "Ташкент 😀 15 ноября\r\nдата"

TEXTS = {
    "skin tones": "Привет 👋🏽 и 👍🏿! Токаев 🧑🏻‍💻 сказал",
    "flags": "Флаги 🇰🇿🇺🇿 и 🇷🇺, далее текст",
    "math letters": "𝐀𝐁𝐂 = 𝒳 + 𝔜; конец",
    "combining accents": "Каза́хстан и e\u0301 и о\u0308 Узбекиста́н",
    "crlf": "первая строка\r\nвторая\r\n\r\nчетвёртая\r\n",
    "lone cr": "a\rb\r\r\nc\n\rd",
    "nbsp": "11,5\u00a0млрд\u202fдолларов и $1,3\u00a0млрд",
    "mixed": "😀\r\n𝐀 Президент\u00a0Казахстана 🇰🇿\r\nКасы́м-Жома́рт 👩🏾‍🔬\r\n",
}


def qt_plain(text: str) -> str:
    """What Qt gives back from a selection, line breaks as in the display text."""
    return text.replace("\u2029", "\n")


def without_cr(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture
def editor(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


def select(editor: QPlainTextEdit, qt_start: int, qt_end: int) -> QTextCursor:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    return cursor


def splits_crlf(text: str, position: int) -> bool:
    return 0 < position < len(text) and text[position - 1:position + 1] == "\r\n"


def code_point_boundaries(text: str) -> list[int]:
    return list(range(len(text) + 1))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_display_text_is_what_qt_holds(editor, name):
    positions = TextPositions(TEXTS[name])
    editor.setPlainText(positions.display_text)
    # toRawText: toPlainText() would also turn non-breaking spaces into spaces
    assert qt_plain(editor.document().toRawText()) == positions.display_text
    assert editor.document().characterCount() - 1 == positions.qt_length


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_stored_span_selects_its_text_in_qt(editor, name):
    text = TEXTS[name]
    positions = TextPositions(text)
    editor.setPlainText(positions.display_text)
    boundaries = code_point_boundaries(text)
    for start in boundaries:
        for end in boundaries[start:]:
            qt_start, qt_end = positions.span_to_qt(start, end)
            cursor = select(editor, qt_start, qt_end)
            assert (cursor.selectionStart(), cursor.selectionEnd()) == (qt_start, qt_end)
            selected = qt_plain(cursor.selectedText())
            if splits_crlf(text, start) or splits_crlf(text, end):
                continue  # no stored span does this; see test_a_span_splitting_a_crlf
            assert selected == without_cr(text[start:end]), (start, end)
            # and back: the same code points
            assert positions.span_to_core(qt_start, qt_end) == (start, end)


def test_a_span_splitting_a_crlf():
    positions = TextPositions("ab\r\ncd")
    # between "\r" and "\n": just after the break, like the position after "\n"
    assert positions.to_qt(3) == positions.to_qt(4) == 3
    assert positions.to_qt(2) == 2
    assert positions.to_core(3) == 4  # a Qt position never lands inside the pair


def test_the_key_case_a_qt_selection_maps_back_to_exact_code_points(editor):
    positions = TextPositions(KEY)
    editor.setPlainText(positions.display_text)
    found = editor.document().find("15 ноября")
    assert not found.isNull()
    qt_start, qt_end = found.selectionStart(), found.selectionEnd()
    assert (qt_start, qt_end) == (11, 20)  # the emoji is two UTF-16 units
    start, end = positions.span_to_core(qt_start, qt_end)
    assert KEY[start:end] == "15 ноября"
    assert (start, end) == (10, 19)

    # "дата" after the CRLF: one UTF-16 unit more for the emoji, one less for the collapsed CRLF
    found = editor.document().find("дата")
    start, end = positions.span_to_core(found.selectionStart(), found.selectionEnd())
    assert KEY[start:end] == "дата"
    assert found.selectionStart() == start  # +1 and -1 cancel out here


def test_a_selection_made_by_cursor_moves(editor):
    positions = TextPositions(KEY)
    editor.setPlainText(positions.display_text)
    cursor = editor.document().find("15")
    cursor.setPosition(cursor.selectionStart())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    start, end = positions.span_to_core(cursor.anchor(), cursor.position())
    assert KEY[start:end] == "15 ноября"
    # the whole document, backwards (anchor after position)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
    assert positions.span_to_core(cursor.anchor(), cursor.position()) == (0, len(KEY))


def test_positions_inside_a_surrogate_pair_snap_outwards():
    text = "a😀b"
    positions = TextPositions(text)
    assert positions.span_to_qt(1, 2) == (1, 3)
    assert positions.to_core(2) == 1  # inside the pair: rounds down
    assert positions.to_core(2, round_up=True) == 2
    assert positions.span_to_core(2, 2) == (1, 2)  # start down, end up: the whole emoji
    assert positions.span_to_core(0, 2) == (0, 2)
    assert positions.span_to_core(2, 4) == (1, 3)


def test_every_qt_position_maps_to_a_code_point_boundary_that_maps_back(qapp):
    for text in TEXTS.values():
        positions = TextPositions(text)
        document = QTextDocument()
        document.setPlainText(positions.display_text)
        for qt in range(positions.qt_length + 1):
            down, up = positions.span_to_core(qt, qt)
            assert 0 <= down <= up <= len(text)
            assert positions.to_qt(down) <= qt <= positions.to_qt(up)


def test_out_of_range_positions_are_refused():
    positions = TextPositions("a😀\r\nb")
    assert positions.qt_length == 5
    for bad in (-1, 6):
        with pytest.raises(OffsetError):
            positions.to_core(bad)
    with pytest.raises(OffsetError):
        positions.to_qt(len("a😀\r\nb") + 1)
    with pytest.raises(OffsetError):
        positions.span_to_qt(3, 2)


def test_a_megabyte_with_5000_spans_maps_back_exactly():
    """Correctness at size; the time is printed, not asserted (speed belongs to tests/bench)."""
    rng = random.Random(7)
    pieces = ["Президент Казахстана ", "😀 ", "🇰🇿 ", "\r\n", "15 ноября ", "𝐀 ", "e\u0301 ", "11,5\u00a0млрд "]
    text = "".join(rng.choice(pieces) for _ in range(110_000))
    assert len(text.encode("utf-8")) > 1_000_000
    spans = sorted((a, a + rng.randint(0, 40)) for a in (rng.randrange(len(text) - 50) for _ in range(5000)))

    began = time.perf_counter()
    positions = TextPositions(text)
    built = time.perf_counter() - began

    elapsed = float("inf")
    for _ in range(3):  # the best of three: a busy machine or a GC pause is not the code's time
        began = time.perf_counter()
        mapped = [positions.span_to_qt(s, e) for s, e in spans]
        back = [positions.span_to_core(s, e) for s, e in mapped]
        elapsed = min(elapsed, time.perf_counter() - began)

    print(f"map built in {built * 1000:.1f} ms; 5,000 spans both ways in {elapsed * 1000:.1f} ms")
    for (s, e), (bs, be) in zip(spans, back):
        # an end moves only when it splits a CRLF: to just after it, as documented
        assert bs == (s + 1 if splits_crlf(text, s) else s)
        assert be == (e + 1 if splits_crlf(text, e) else e)
