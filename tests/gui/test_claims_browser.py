"""The claims browser window (filters, grouping, figures compared, Enter jumps to the claim) and the
entity page (an entity's mentions across the corpus, a mention opens its document, merge and split
undone by Ctrl+Z), over the sample corpus annotated with Токаев's claims."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.services import entities
from tests.claims_sample import DOCS, annotate_sample
from tests.gui.test_main_window import press
from tests.gui.windows import make_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def linked_window(qtbot, gui_workspace, runner):
    """Токаев's mentions across the five articles linked to one entity of anna's; the window on
    the first article."""
    ws, per, role, said = annotate_sample(gui_workspace)
    tokaev = entities.create_from_mention(ws, per[DOCS[0]][0], owner="anna").result
    for doc in DOCS:
        for span in per[doc]:
            try:
                entities.link_mention(ws, span, tokaev, owner="anna")
            except Exception:  # the first one is linked already
                pass
    window = make_window(qtbot, ws, runner)
    return window, per, role, said, tokaev


def browser_of(qtbot, window):
    browser = window.open_claims_browser()
    qtbot.addWidget(browser)
    assert window.runner.wait()
    return browser


def settle(qtbot, browser, window) -> None:
    browser.refresh()  # what the debounce would do 300 ms after the last change
    assert window.runner.wait()


def texts(browser) -> list[str]:
    return [item.text(2) for item in browser.claim_rows()]


def test_the_browser_lists_his_claims_with_figures_and_filters_them(qtbot, linked_window):
    window, _per, _role, said, tokaev = linked_window
    browser = browser_of(qtbot, window)
    assert len(browser.claim_rows()) == len(said) == 5
    assert browser.select_speaker(tokaev)
    settle(qtbot, browser, window)
    rows = browser.claim_rows()
    assert len(rows) == 5 and all(r.text(0).startswith("Касым-Жомарт Токаев") for r in rows)
    assert any(r.text(3).startswith("11.5 bn USD") for r in rows)
    browser.claim_type.setCurrentIndex(browser.claim_type.findData("PLAN"))
    settle(qtbot, browser, window)
    assert texts(browser) == ["до 10 млрд долларов к 2030 году", "довести данный показатель до $10 млрд к 2030 году"]
    browser.claim_type.setCurrentIndex(0)
    browser.value_min.setText("5e9")
    browser.unit.setText("USD")
    settle(qtbot, browser, window)
    assert len(texts(browser)) == 3  # 11.5 bn and the two 10 bn, not the 4 bn
    browser.value_min.clear()
    browser.unit.clear()
    browser.text.setText("товарооборот")
    settle(qtbot, browser, window)
    assert texts(browser) == ["с начала года товарооборот достиг $4 млрд"]


def test_grouped_by_speaker_and_figures_compared_with_the_changed_one_marked(qtbot, linked_window):
    window = linked_window[0]
    browser = browser_of(qtbot, window)
    browser.mode.setCurrentIndex(browser.mode.findData("speaker"))
    settle(qtbot, browser, window)
    assert browser.table.topLevelItemCount() == 1
    assert browser.table.topLevelItem(0).text(0) == "Касым-Жомарт Токаев — 5"
    browser.mode.setCurrentIndex(browser.mode.findData("figures"))
    settle(qtbot, browser, window)
    (group,) = [browser.table.topLevelItem(i) for i in range(browser.table.topLevelItemCount())]
    assert group.text(0).startswith("USD · 2030: 2 statements")  # the same quantity in two articles
    values = [group.child(i).text(3) for i in range(group.childCount())]
    assert values == ["10 bn USD (2030)", "10 bn USD (2030)"]  # the same: nothing marked


def test_a_changed_figure_stands_out(qtbot, linked_window):
    window, _per, _role, said, _tokaev = linked_window
    from annotator.domain.model import Quantity
    from annotator.services import claims

    claims.edit_claim(window.workspace, said[3], owner="anna", quantity=Quantity(12e9, "USD", "2030"))
    browser = browser_of(qtbot, window)
    browser.mode.setCurrentIndex(browser.mode.findData("figures"))
    settle(qtbot, browser, window)
    group = browser.table.topLevelItem(0)
    assert "the figure changed" in group.text(0)
    values = [group.child(i).text(3) for i in range(group.childCount())]
    assert values == ["10 bn USD (2030)", "≠ 12 bn USD (2030)"]


def test_enter_on_a_claim_shows_it_in_its_document(qtbot, linked_window):
    window = linked_window[0]
    browser = browser_of(qtbot, window)
    row = next(r for r in browser.claim_rows() if r.text(5) == DOCS[3])
    document_id, _claim_id, start, end = row.data(0, Qt.ItemDataRole.UserRole)
    browser.table.setCurrentItem(row)
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert window.runner.wait()
    qtbot.waitUntil(lambda: window.document_id == DOCS[3], timeout=3000)
    assert window.runner.wait()
    assert window.view.selection_core() == (start, end)
    assert window.view.text[start:end] == row.text(2)


def entity_page_of(qtbot, window):
    page = window.open_entity_page()
    qtbot.addWidget(page)
    assert window.runner.wait()
    assert window.runner.wait()
    return page


def test_the_entity_page_lists_his_mentions_across_the_corpus_and_one_opens_its_document(qtbot, linked_window):
    window, per, _role, _said, tokaev = linked_window
    page = entity_page_of(qtbot, window)
    assert page.current_entity_id() == tokaev
    assert page.name.text() == "Касым-Жомарт Токаев"
    assert {m.document_id for m in page.mentions} == set(DOCS)
    assert len(page.mentions) == sum(len(v) for v in per.values())
    row = next(r for r in range(page.mention_table.rowCount()) if page.mention_table.item(r, 0).text() == DOCS[2])
    mention = page.mentions[row]
    page.mention_table.setCurrentCell(row, 1)
    page.mention_table.itemActivated.emit(page.mention_table.item(row, 1))
    assert window.runner.wait()
    qtbot.waitUntil(lambda: window.document_id == DOCS[2], timeout=3000)
    assert window.runner.wait()
    assert window.view.selection_core() == (mention.start, mention.end)


def test_merge_and_split_from_the_entity_page_each_undone(qtbot, linked_window):
    window, _per, role, _said, tokaev = linked_window
    ws = window.workspace
    title = entities.create_from_mention(ws, role[DOCS[0]][0], owner="anna").result  # "Глава государства"
    page = entity_page_of(qtbot, window)
    assert page.table.rowCount() == 2
    rows = {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(page.table.rowCount())}
    page.table.setCurrentCell(rows[tokaev], 0)
    page.table.selectRow(rows[tokaev])
    page.table.selectionModel().select(page.table.model().index(rows[title], 0),
                                       page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    assert set(page.selected_entity_ids()) == {tokaev, title}
    page.merge_button.click()
    assert window.runner.wait()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=3000)
    assert [e.entity.name for e in entities.entity_list(ws, "anna")] == ["Касым-Жомарт Токаев"]
    assert "Глава государства" in entities.get_entity(ws, tokaev).aliases
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # undone on the page itself
    assert window.runner.wait()
    assert len(entities.entity_list(ws, "anna")) == 2
    # split: the mentions of the third article off to a namesake
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=3000)
    page.show_entity(tokaev)
    assert window.runner.wait()
    rows = [r for r, m in enumerate(page.mentions) if m.document_id == DOCS[2]]
    page.mention_table.clearSelection()
    for r in rows:
        page.mention_table.selectionModel().select(page.mention_table.model().index(r, 0),
                                                   page.mention_table.selectionModel().SelectionFlag.Select
                                                   | page.mention_table.selectionModel().SelectionFlag.Rows)
    page.split_selected("Тёзка")
    assert window.runner.wait()
    namesake = next(e.entity for e in entities.entity_list(ws, "anna") if e.entity.name == "Тёзка")
    assert {m.document_id for m in entities.entity_mentions(ws, namesake.id)} == {DOCS[2]}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert "Тёзка" not in [e.entity.name for e in entities.entity_list(ws, "anna")]


def test_the_browser_reads_again_after_the_windows_action(qtbot, linked_window):
    window, per, _role, _said, _tokaev = linked_window
    from annotator.services import claims

    browser = browser_of(qtbot, window)
    assert len(browser.claim_rows()) == 5
    text = window.view.text
    start = text.index("Касым-Жомарт Токаев")
    workspace, doc = window.workspace, window.document_id
    window.session.submit(lambda: claims.add_claim(workspace, doc, start, start + 19, "FACT", owner="anna",
                                                   speaker="AUTHOR"))
    assert window.runner.wait()
    qtbot.waitUntil(lambda: len(browser.claim_rows()) == 6, timeout=3000)
