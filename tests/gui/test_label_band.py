"""Labels written above the text: the band, stacked tags, arcs in the band, contrast, the preference."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from annotator.domain.model import Claim, Relation, Span
from annotator.domain.scheme import Scheme
from annotator.gui.common.label_colors import SAFE_PALETTE
from annotator.gui.common.settings import load_settings
from annotator.gui.text.document_view import DocumentView
from annotator.gui.text.label_band import TagBox, contrast_ratio, tag_rows, tag_text_color
from annotator.services.workspace import default_scheme_body

COLORS = {"PER": "#e6194b", "GPE": "#3cb44b", "ROLE": "#ffe119", "ORG": "#911eb4", "MONEY": "#4363d8"}
TEXT = ("Президент Казахстана Касым-Жомарт Токаев заявил, что товарооборот с Россией в прошлом году "
        "составил 11,5 млрд долларов. Об этом сообщает пресс-служба Акорды.\n"
        "Второй абзац: Сергей Лавров встретился с Мирзиёевым в Ташкенте.\n")


def span(span_id: int, words: str, label: str) -> Span:
    start = TEXT.index(words)
    return Span(span_id, start, start + len(words), label)


ROLE = span(1, "Президент Казахстана", "ROLE")
GPE = span(2, "Казахстана", "GPE")
PER = span(3, "Касым-Жомарт Токаев", "PER")
MONEY = span(4, "11,5 млрд долларов", "MONEY")
LAVROV = span(5, "Сергей Лавров", "PER")
UZ = span(6, "Мирзиёевым", "PER")
SPANS = [ROLE, GPE, PER, MONEY, LAVROV, UZ]


def make_view(qtbot, spans=SPANS, **content) -> DocumentView:
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(TEXT, spans, **content)
    return view


def painted(view: DocumentView) -> None:
    view.viewport().grab()  # paints synchronously


def text_line_rects(view: DocumentView) -> list[QRectF]:
    """Every visual line's text rectangle on screen (without the band above it)."""
    rects = []
    for block, top in view.visible_blocks():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            rects.append(QRectF(line.x(), top + line.y(), line.naturalTextWidth(), line.height()))
    return rects


def first_line_rect(view: DocumentView, item: Span) -> QRectF:
    return view._span_rects(item)[0]


def test_every_line_has_the_band_above_it(qtbot):
    view = make_view(qtbot)
    band = view.label_band.height
    assert band > view.label_band.arc_lane  # room for at least one row of tags
    layout = view.document().firstBlock().layout()
    assert layout.lineCount() >= 2  # the first paragraph wraps at 640 px
    geometry = view.blockBoundingGeometry(view.document().firstBlock())
    lines = [layout.lineAt(n) for n in range(layout.lineCount())]
    assert lines[0].y() == band
    for before, after in zip(lines, lines[1:]):
        assert after.y() - (before.y() + before.height()) == band
    assert geometry.height() >= lines[-1].y() + lines[-1].height()


def test_each_span_gets_its_label_above_its_first_line_never_over_words(qtbot):
    view = make_view(qtbot)
    painted(view)
    tags = [(label, rect) for label, rect, _span in view.label_band.painted_tags]
    assert sorted(label for label, _rect in tags) == sorted(s.label for s in SPANS)
    words = text_line_rects(view)
    for label, rect in tags:
        assert not any(rect.intersects(line) for line in words), label
    by_label = {}
    for label, rect in tags:
        by_label.setdefault(label, []).append(rect)
    money_tag = by_label["MONEY"][0]
    money_line = first_line_rect(view, MONEY)
    assert money_tag.bottom() <= money_line.top()
    assert money_line.left() <= money_tag.center().x() <= money_line.right()


def test_nested_spans_stack_their_tags_outer_above_inner(qtbot):
    view = make_view(qtbot)
    painted(view)
    tags = {label: rect for label, rect, _span in view.label_band.painted_tags}
    assert view.label_band.rows == 2  # GPE nests in ROLE
    assert tags["ROLE"].bottom() <= tags["GPE"].top()


def test_hiding_tags_leaves_only_the_arc_lane(qtbot):
    view = make_view(qtbot)
    shown_band = view.label_band.height
    view.set_tags_shown(False)
    painted(view)
    assert view.label_band.painted_tags == []
    assert view.label_band.height == view.label_band.arc_lane < shown_band
    assert view.document().firstBlock().layout().lineAt(0).y() == view.label_band.arc_lane
    view.set_tags_shown(True)
    painted(view)
    assert len(view.label_band.painted_tags) == len(SPANS)


def test_clicking_a_word_still_lands_in_it(qtbot):
    view = make_view(qtbot)
    rect = first_line_rect(view, MONEY)
    position = view.positions.to_core(view.cursorForPosition(rect.center().toPoint()).position())
    assert MONEY.start <= position <= MONEY.end


def test_arcs_and_their_labels_run_in_the_band_not_across_words(qtbot):
    claim_start = TEXT.index("товарооборот")
    claim = Claim(10, claim_start, MONEY.end, "STAT", speaker=PER.id)
    relations = [Relation(20, "MEETS", LAVROV.id, UZ.id), Relation(21, "ABOUT", 10, LAVROV.id)]
    view = make_view(qtbot, claims=[claim], relations=relations)
    for selected in (10, LAVROV.id):
        view.set_selected(selected)
        painted(view)
        lines = view.connector_lines()
        assert lines, selected
        words = text_line_rects(view)
        for connector in lines:
            box = QRectF(*connector.label_rect)
            assert not any(box.intersects(line) for line in words), connector.label


def test_tag_rows_keep_overlapping_tags_apart():
    boxes = [TagBox("PER", 10, 40, 0, 10, 40), TagBox("GPE", 35, 60, 0, 45, 60), TagBox("ORG", 80, 100, 0, 80, 100)]
    rows = tag_rows(boxes, 2)
    assert rows[0] != rows[1]  # they would overlap on one row
    assert rows[2] == 0
    nested = [TagBox("ROLE", 0, 30, 0, 0, 100), TagBox("GPE", 50, 70, 1, 50, 90)]
    assert tag_rows(nested, 2) == [1, 0]


def test_tag_text_reads_on_every_label_colour_of_both_palettes():
    colors = [e.color for e in Scheme.from_dict(default_scheme_body()).entities] + list(SAFE_PALETTE)
    for color in colors:
        background = QColor(color)
        assert contrast_ratio(tag_text_color(background), background) >= 4.5, color


def test_the_preference_and_the_toggle_hide_tags_and_are_saved(window):
    assert window.view.tags_shown()
    window.actions_by_name["toggle_tags"].trigger()
    assert not window.view.tags_shown()
    assert load_settings().show_tags is False
    window.actions_by_name["toggle_tags"].trigger()
    assert window.view.tags_shown() and load_settings().show_tags is True


def test_the_band_has_a_row_per_nesting_level_up_to_three():
    from annotator.gui.text.document_view import deepest_nesting, nesting_depths

    spans = [Span(1, 0, 100, "ORG"), Span(2, 10, 40, "PER"), Span(3, 12, 20, "GPE"), Span(4, 14, 16, "LOC"),
             Span(5, 50, 70, "DATE"), Span(6, 60, 80, "NUM")]  # 6 crosses 5: not nested in it
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    assert deepest_nesting(ordered, 10) == max(nesting_depths([(s.start, s.end) for s in spans])) == 3
    assert deepest_nesting(ordered, 2) == 2
    assert deepest_nesting([Span(1, 0, 10, "A"), Span(2, 5, 15, "B")], 5) == 0


def test_the_end_stays_reachable_when_the_band_grows(qtbot):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    long_text = TEXT * 12
    view.set_document(long_text, [])  # no nesting: one row of tags
    nested = [Span(1, 0, 20, "ROLE"), Span(2, 10, 20, "GPE"), Span(3, 12, 18, "PER")]
    view.set_document(long_text, nested)  # three rows now
    for shown in (True, False, True):
        view.set_tags_shown(shown)
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.wait(10)
        last = view.document().lastBlock()
        while last.isValid() and not last.text().strip():
            last = last.previous()
        top = view.blockBoundingGeometry(last).translated(view.contentOffset()).top()
        line = last.layout().lineAt(last.layout().lineCount() - 1)
        assert top + line.y() + line.height() <= view.viewport().height() + 1, shown  # the last line whole


def test_a_press_in_the_band_lands_on_the_line_below_and_a_tag_selects_its_span(qtbot):
    from PySide6.QtCore import QPoint, Qt

    view = make_view(qtbot)
    painted(view)
    money = first_line_rect(view, MONEY)
    above = QPoint(int(money.left() + 2), int(money.top() - 3))  # in the band, over "11,5"
    end = QPoint(int(money.right() - 1), int(money.center().y()))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=above)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selection_core() == (MONEY.start, MONEY.end)  # not from the line's start

    view.move_caret_core(0)
    painted(view)
    tag = next(rect for label, rect, _span in view.label_band.painted_tags if label == "PER")  # the first: Токаев
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=tag.center().toPoint())
    assert view.selection_core() == (PER.start, PER.end)


def test_only_the_caret_spans_edges_are_grabbed_and_a_still_press_is_a_click(qtbot):
    from PySide6.QtCore import QPoint, Qt

    view = make_view(qtbot)
    painted(view)
    start_edge = first_line_rect(view, PER)
    grip = QPoint(int(start_edge.left()), int(start_edge.center().y()))
    view.move_caret_core(0)  # the caret in another span (ROLE)
    assert view.edge_at(grip) is None  # a press here starts a selection, as anywhere else
    view.move_caret_core(PER.start + 3)
    assert view.edge_at(grip) == (PER, "start")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=grip)  # pressed and let go: a click
    assert view.selection_core() is None and view.caret_core() == PER.start
    view.edges_editable = False
    assert view.edge_at(grip) is None


def test_tags_on_a_crowded_line_do_not_overlap(qtbot):
    text = "ЕС, США и РФ: Путин, Си и Моди встретились.\n"
    long_labels = {name: "#3cb44b" for name in ("ORGANISATION", "COUNTRYNAME", "PERSONNAME")}
    words = [("ЕС", "ORGANISATION"), ("США", "COUNTRYNAME"), ("РФ", "COUNTRYNAME"), ("Путин", "PERSONNAME"),
             ("Си", "PERSONNAME"), ("Моди", "PERSONNAME")]
    spans = [Span(n, text.index(w), text.index(w) + len(w), label) for n, (w, label) in enumerate(words)]
    view = DocumentView(long_labels)
    qtbot.addWidget(view)
    view.resize(640, 200)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(text, spans)
    painted(view)
    tags = [rect for _label, rect, _span in view.label_band.painted_tags]
    assert len(tags) == len(spans)
    for i, one in enumerate(tags):
        for other in tags[i + 1:]:
            assert not one.intersects(other)
