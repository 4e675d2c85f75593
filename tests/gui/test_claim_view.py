"""Claims on the document view: lookup, the caret signal, margin bars and brackets, connectors."""

from __future__ import annotations

import random
import time

from PySide6.QtGui import QColor, QTextCursor

from annotator.domain.model import AUTHOR, Certainty, Claim, Cue, Relation, Span
from annotator.gui.text.claim_painting import (
    BAR_X,
    CHECKWORTHY_BAR_WIDTH,
    COLUMN_STEP,
    FALLBACK_CLAIM_COLOR,
    claim_color,
    claim_columns,
)
from annotator.gui.text.document_view import DocumentView

COLORS = {"PER": "#e6194b", "GPE": "#3cb44b", "ROLE": "#800000", "ORG": "#4363d8", "MONEY": "#808000"}
TEXT = ("Касым-Жомарт Токаев отметил: объем торговли достиг 11,5 млрд долларов.\n"
        "Вторая строка 😀 про ООН, думаю, растет.\r\n"
        "Третья строка без заявлений.\n")


def at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


SPEAKER = Span(1, *at("Касым-Жомарт Токаев"), "PER")
MONEY = Span(2, *at("11,5 млрд долларов"), "MONEY")
UN = Span(3, *at("ООН"), "ORG")
STAT = Claim(10, *at("объем торговли достиг 11,5 млрд долларов"), "STAT", speaker=1, cue=Cue(*at("отметил")),
             checkworthy=True)
INNER = Claim(11, *at("11,5 млрд долларов"), "FACT", speaker=AUTHOR)
HEDGED = Claim(12, *at("про ООН, думаю, растет"), "OPINION", certainty=Certainty.HEDGED)
SAYS = Relation(20, "SAYS", 1, 10)
ABOUT = Relation(21, "ABOUT", 10, 2)
OTHER = Relation(22, "ABOUT", 12, 3)


def make_view(qtbot, *, show: bool = False, claims=(STAT, INNER, HEDGED), relations=(SAYS, ABOUT, OTHER)):
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(900, 300)
    if show:
        view.show()
        qtbot.waitExposed(view)
    view.set_document(TEXT, [SPEAKER, MONEY, UN], claims=claims, relations=relations)
    return view


def _make_big_text(size: int = 1_000_000) -> str:
    paragraph = ("Президент Казахстана Касым-Жомарт Токаев отметил, что товарооборот достиг 4 млрд долларов. "
                 "Стороны обсудили торговлю, транспорт и энергетику 😀.\n")
    return (paragraph * (size // len(paragraph) + 1))[:size]


# --- lookup and the caret -------------------------------------------------------------

def test_claim_at_is_the_innermost_and_claims_at_outermost_first(qtbot):
    view = make_view(qtbot)
    money = MONEY.start + 2
    assert [c.id for c in view.claims_at(money)] == [10, 11]
    assert view.claim_at(money).id == 11
    assert view.claim_at(STAT.start).id == 10
    assert view.claim_at(STAT.end) is None  # end-exclusive
    assert view.claim_at(HEDGED.start + 1).id == 12
    assert view.claim_at(TEXT.index("Третья")) is None
    assert sorted(c.id for c in view.claims()) == [10, 11, 12]


def test_caret_claim_signal_on_entering_and_leaving(qtbot):
    view = make_view(qtbot)
    seen = []
    view.caret_claim_changed.connect(seen.append)
    view.move_caret_core(STAT.start + 1)
    assert [c.id for c in seen] == [10]
    assert view.claim_under_caret().id == 10 and view.caret_claim.id == 10
    view.move_caret_core(STAT.start + 3)  # still in it: no signal
    assert len(seen) == 1
    view.move_caret_core(MONEY.start + 1)  # into the nested claim
    assert [c.id for c in seen] == [10, 11]
    view.move_caret_core(STAT.end)  # just after the last character still counts, as for spans
    assert view.claim_under_caret().id in (10, 11)
    view.move_caret_core(TEXT.index("Третья") + 1)  # out of every claim
    assert seen[-1] is None
    assert view.caret_claim is None
    view.select_core(STAT.start, STAT.end)  # a selection matching the claim exactly
    assert view.claim_under_caret().id == 10


def test_set_claims_updates_the_caret_claim_and_set_document_clears_claims(qtbot):
    view = make_view(qtbot, claims=())
    seen = []
    view.caret_claim_changed.connect(seen.append)
    view.move_caret_core(HEDGED.start + 1)
    assert seen == []
    view.set_claims([HEDGED])
    assert [c.id for c in seen] == [12]
    view.set_document("Другой текст.", [])
    assert view.claims() == [] and view.relations() == []
    assert seen[-1] is None


def test_claims_after_emoji_and_crlf_are_painted_on_their_text(qtbot):
    view = make_view(qtbot)
    qt_start, qt_end = view.positions.span_to_qt(HEDGED.start, HEDGED.end)
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == TEXT[HEDGED.start:HEDGED.end]
    painted = view.claims_painted_at(qt_start)
    assert [(p.id, p.type, p.certainty) for p in painted] == [(12, "OPINION", Certainty.HEDGED)]
    assert view.claims_painted_at(qt_start - 1) == []
    assert view.claims_painted_at(qt_end - 1)[0].id == 12
    assert view.claims_painted_at(qt_end) == []
    # overlapping claims get their own margin columns
    money = view.positions.to_qt(MONEY.start + 1)
    assert [(p.id, p.column, p.checkworthy) for p in view.claims_painted_at(money)] == [(10, 0, True), (11, 1, False)]
    # spans stay as they were
    assert [p.label for p in view.painted_at(money)] == ["MONEY"]


def test_claim_columns_and_colours():
    assert claim_columns([(0, 10), (2, 5), (6, 8), (12, 20), (3, 15)]) == [0, 1, 1, 0, 2]
    assert claim_color("STAT") != claim_color("PLAN")
    assert claim_color("NO_SUCH_TYPE") == FALLBACK_CLAIM_COLOR


def test_claim_tooltip(qtbot):
    view = make_view(qtbot)
    money = view.positions.to_qt(MONEY.start + 1)
    assert view.claim_tooltips_at_qt(money) == ["Claim: STAT, check-worthy", "Claim: FACT"]
    assert view.claim_tooltips_at_qt(view.positions.to_qt(HEDGED.start)) == ["Claim: OPINION, hedged"]
    assert view.labels_at_qt(money) == ["MONEY"]  # the span tooltip is unchanged


# --- pixels -------------------------------------------------------------------------------

def _line_y(view: DocumentView, start: int, end: int) -> int:
    rect = view._span_rects(Span(None, start, end, "X"))[0]
    return int(rect.center().y())


def _close(color: QColor, expected: str, tolerance: int = 40) -> bool:
    want = QColor(expected)
    return (abs(color.red() - want.red()) + abs(color.green() - want.green())
            + abs(color.blue() - want.blue())) <= tolerance


def test_margin_bars_and_brackets_on_screen(qtbot):
    """The pixels: a bar beside each claim's line in the claim colour, none beside a line without claims."""
    view = make_view(qtbot, show=True, relations=())
    view.move_caret_core(TEXT.index("Третья") + 2)  # nothing selected: no connectors over the text
    qtbot.wait(10)
    margin = view.claim_margin.grab().toImage()
    ratio = margin.devicePixelRatio()

    def pixel(x: float, y: float) -> QColor:
        return margin.pixelColor(int(x * ratio), int(y * ratio))

    first = _line_y(view, STAT.start, STAT.end)
    second = _line_y(view, HEDGED.start, HEDGED.end)
    third = _line_y(view, *at("Третья строка"))
    stat, fact, opinion = claim_color("STAT"), claim_color("FACT"), claim_color("OPINION")
    # line 1: STAT in column 0, wide (check-worthy); FACT nested in column 1
    assert _close(pixel(BAR_X + 1, first), stat)
    assert _close(pixel(BAR_X + CHECKWORTHY_BAR_WIDTH - 1, first), stat)
    assert _close(pixel(BAR_X + COLUMN_STEP + 1, first), fact)
    # line 2: the hedged OPINION claim, dashed: its colour on some rows, background on others
    column = [pixel(BAR_X + 1, y) for y in range(second - 5, second + 6)]
    assert any(_close(c, opinion) for c in column)
    assert any(_close(c, "#ffffff", 30) for c in column)
    # line 3: no claim, no bar
    assert all(_close(pixel(x, third), "#ffffff", 30) for x in range(0, 12))
    # the "[" of the STAT claim, over the text, in its colour
    image = view.viewport().grab().toImage()
    rect = view._span_rects(Span(None, STAT.start, STAT.end, "X"))[0]
    ratio = image.devicePixelRatio()
    xs = range(int(rect.left()) - 2, int(rect.left()) + 2)
    assert any(_close(image.pixelColor(int(x * ratio), int(rect.center().y() * ratio)), stat, 60) for x in xs)


# --- connectors -------------------------------------------------------------------------

def _drawn(view: DocumentView) -> list[tuple[str, str, tuple[int, int], tuple[int, int]]]:
    view.viewport().grab()  # paint
    return sorted((c.kind, c.label, c.head, c.tail) for c in view.connector_lines())


def test_connectors_of_the_claim_under_the_caret(qtbot):
    view = make_view(qtbot, show=True)
    view.move_caret_core(STAT.start + 2)
    assert view.selected_id() == 10
    stat = (STAT.start, STAT.end)
    assert _drawn(view) == sorted([
        ("relation", "SAYS", (SPEAKER.start, SPEAKER.end), stat),  # the speaker line is the SAYS arc
        ("relation", "ABOUT", stat, (MONEY.start, MONEY.end)),
        ("cue", "cue", stat, STAT.cue and (STAT.cue.start, STAT.cue.end)),
    ])
    lines = view.connector_lines()
    assert all(c.head_on_screen and c.tail_on_screen and c.label_rect for c in lines)
    # without a SAYS relation the speaker gets a line of its own
    view.set_relations([ABOUT])
    assert ("speaker", "speaker", (SPEAKER.start, SPEAKER.end), stat) in _drawn(view)
    # another claim's relations are not drawn; a claim with no links draws nothing
    view.move_caret_core(HEDGED.start + 1)
    assert _drawn(view) == []
    view.set_relations([SAYS, ABOUT, OTHER])
    assert _drawn(view) == [("relation", "ABOUT", (HEDGED.start, HEDGED.end), (UN.start, UN.end))]
    # nothing under the caret: nothing drawn
    view.move_caret_core(TEXT.index("Третья") + 1)
    assert view.selected_id() is None
    assert _drawn(view) == []


def test_set_selected_overrides_the_caret_until_cleared(qtbot):
    view = make_view(qtbot, show=True, claims=(STAT, INNER, HEDGED, Claim(13, *at("Третья строка"), "FACT",
                                                                             speaker=1)))
    view.move_caret_core(HEDGED.start + 1)
    view.set_selected(1)  # the speaker span: its SAYS arc and its other claims' speaker lines
    assert view.selected_id() == 1
    assert _drawn(view) == sorted([
        ("relation", "SAYS", (SPEAKER.start, SPEAKER.end), (STAT.start, STAT.end)),
        ("speaker", "speaker", (SPEAKER.start, SPEAKER.end), at("Третья строка")),
    ])
    view.move_caret_core(STAT.start + 1)  # the explicit selection stays
    assert view.selected_id() == 1
    view.set_selected(None)  # back to following the caret
    assert view.selected_id() == 10
    view.set_selected(999)  # an id that names nothing draws nothing
    assert _drawn(view) == []


def test_span_under_the_caret_is_selected_when_no_claim_is(qtbot):
    view = make_view(qtbot, show=True)
    view.move_caret_core(SPEAKER.start + 2)
    assert view.caret_claim is None
    assert view.selected_id() == 1
    assert [c.label for c in (view.viewport().grab() and view.connector_lines())] == ["SAYS"]


# --- a long document ------------------------------------------------------------------------

def test_2000_claims_on_1mb_text_look_only_at_visible_blocks(qtbot):
    text = _make_big_text()
    rng = random.Random(11)
    claims = []
    for i in range(2000):
        start = rng.randrange(0, len(text) - 200)
        claims.append(Claim(i + 1, start, start + rng.randrange(5, 200), rng.choice(["STAT", "FACT", "PLAN"]),
                            certainty=rng.choice(list(Certainty)), checkworthy=rng.random() < 0.3))
    far_speaker = Span(50_000, len(text) - 30, len(text) - 20, "PER")
    top_claim = Claim(9999, 0, 40, "STAT", speaker=far_speaker.id)
    view = DocumentView(COLORS)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    began = time.perf_counter()
    view.set_document(text, [far_speaker], claims=claims + [top_claim], relations=[Relation(1, "SAYS", 50_000, 9999)])
    view.move_caret_core(5)  # in the top claim: its connector reaches a speaker a megabyte away
    qtbot.wait(1)
    view.claim_margin.grab()
    view.viewport().grab()
    elapsed = time.perf_counter() - began
    print(f"\n1 MB text, 2,000 claims: open and paint {elapsed:.3f} s, "
          f"{len(view.claim_index._blocks)} blocks looked at")
    looked_at = set(view.claim_index._blocks)
    assert 1 <= len(looked_at) < 100 < view.document().blockCount()
    assert max(looked_at) < 100
    lines = view.connector_lines()
    assert [(c.label, c.head_on_screen, c.tail_on_screen) for c in lines] == [("SAYS", False, True)]
    assert lines[0].head_point[1] > view.viewport().height()  # drawn to the bottom edge
    # every claim is still found by position
    sample = claims[1234]
    assert sample in view.claims_at(sample.start)
    # a block far down is looked at when scrolled to
    last_block = view.document().blockCount() - 1
    assert last_block not in view.claim_index._blocks
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: last_block in view.claim_index._blocks, timeout=2000)
    began = time.perf_counter()
    view.set_claims(claims[:-1])
    view.viewport().grab()
    print(f"set_claims with 2,000 claims: {time.perf_counter() - began:.3f} s")
    assert len(view.claim_index._blocks) < 100
