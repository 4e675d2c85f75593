"""The agreement dashboard: the report's numbers in a coloured matrix, the tables, curation a key away."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from annotator.domain.model import AUTHOR, Role, SetStatus
from annotator.gui.team import dashboard as dashboard_module
from annotator.gui.team.dashboard import (
    COHEN, DOCUMENT_ROLE, KRIPPENDORFF, MEASURES, SPAN_EXACT, SPAN_RELAXED, VALUE_ROLE, AgreementDashboard,
)
from annotator.services import agreement, annotating, assignments, claims, curation, documents, review, users

DOC = "000_598509fc61278558"
OTHER = "001_1fc550a04f713c8c"
THIRD = "003_7fa7a90ba42b20d6"


def at(ws, needle, doc=DOC):
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def label(ws, owner, needle, tag, doc=DOC):
    return annotating.add_span(ws, doc, *at(ws, needle, doc), tag, owner=owner).result


def team_work(ws):
    """anna and boris on three documents (close, but not the same), vera on one (far from both).

    THIRD has the most disagreement, then DOC, then OTHER (not the documents' order).
    """
    for owner in ("anna", "boris"):
        label(ws, owner, "Касым-Жомарт Токаев", "PER")
        label(ws, owner, "Ташкент", "GPE", doc=OTHER)
        label(ws, owner, "Касым-Жомарт Токаев", "PER", doc=OTHER)
        label(ws, owner, "президент Токаев", "ROLE", doc=OTHER)
        label(ws, owner, "Sputnik", "ORG", doc=THIRD)
        label(ws, owner, "Узбекистан", "GPE", doc=THIRD)
        label(ws, owner, "Казахстана", "GPE", doc=THIRD)
        label(ws, owner, "Центральная Азия", "LOC", doc=THIRD)
    label(ws, "anna", "Центральной Азии", "LOC")  # boris misses it
    label(ws, "anna", "Ташкенте", "GPE")
    label(ws, "boris", "Ташкенте", "LOC")  # another label
    claims.add_claim(ws, DOC, *at(ws, "существенные успехи"), "OPINION", owner="anna", speaker=AUTHOR)
    claims.add_claim(ws, DOC, *at(ws, "существенные успехи"), "FACT", owner="boris", speaker=AUTHOR)
    label(ws, "anna", "Узбекистана", "GPE", doc=OTHER)  # boris misses it
    label(ws, "boris", "Zakon.kz", "ORG", doc=OTHER)  # anna misses it
    label(ws, "anna", "15 ноября", "DATE", doc=THIRD)  # boris misses it
    label(ws, "anna", "Международный центр промышленной кооперации", "ORG", doc=THIRD)
    label(ws, "boris", "Международный центр", "ORG", doc=THIRD)  # cut short: relaxed, not exact
    for needle, tag in (("ТАШКЕНТ", "GPE"), ("Куксарой", "FAC"), ("$1,3 млрд", "MONEY"), ("пресс-служба", "ORG")):
        label(ws, "anna", needle, tag, doc=THIRD)  # boris misses them
    # vera: DOC only, little in common with the others
    label(ws, "vera", "Токаев отметил существенные успехи", "ORG")
    label(ws, "vera", "Ташкенте", "FAC")
    label(ws, "vera", "экономической базы регионального", "ORG")


@pytest.fixture
def ws(gui_workspace):
    team_work(gui_workspace)
    return gui_workspace


def open_dashboard(qtbot, ws, runner) -> AgreementDashboard:
    board = AgreementDashboard(ws, runner)
    qtbot.addWidget(board)
    board.show()
    assert runner.wait(20000)
    assert board.data is not None
    return board


def matrix(board: AgreementDashboard) -> dict[tuple[str, str], tuple[str, object, str]]:
    """``{(row annotator, column annotator): (text, value, tooltip)}`` off the diagonal."""
    table = board.matrix_table
    names = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert names == [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    cells = {}
    for r, first in enumerate(names):
        for c, second in enumerate(names):
            item = table.item(r, c)
            if r == c:
                assert item.text() == ""
                continue
            cells[(first, second)] = (item.text(), item.data(VALUE_ROLE), item.toolTip())
    return cells


def expected_values(report, measure) -> dict[tuple[str, str], float | None]:
    if measure in (KRIPPENDORFF, COHEN):
        pairs = report.tokens.pairwise_alpha if measure == KRIPPENDORFF else report.tokens.cohen
        found = {(p.first, p.second): p.coefficient.value for p in pairs}
    else:
        found = {(r.reference, r.candidate): (r.relaxed if measure == SPAN_RELAXED else r.exact).f1
                 for r in report.pairwise}
    return {**found, **{(b, a): v for (a, b), v in found.items()}}


def background(board, first, second):
    names = list(board.data.report.annotators)
    return board.matrix_table.item(names.index(first), names.index(second)).background().color()


def test_the_matrix_shows_the_services_numbers_for_each_measure(qtbot, ws, runner):
    board = open_dashboard(qtbot, ws, runner)
    report = agreement.agreement(ws)
    assert report.annotators == ("anna", "boris", "vera")
    assert board.measure() == KRIPPENDORFF
    seen = set()
    for measure in MEASURES:
        board.set_measure(measure)
        cells = matrix(board)
        expected = expected_values(report, measure)
        assert set(cells) == set(expected) and len(cells) == 6
        for pair, value in expected.items():
            text, shown, _ = cells[pair]
            assert value is not None
            assert shown == pytest.approx(value) and text == f"{value:.2f}"
        seen.add(tuple(sorted((k, round(v, 6)) for k, v in expected.items())))
    assert len(seen) == 4  # the four measures really give four different matrices here
    # a pair's span tooltip gives precision and recall, the row as reference
    board.set_measure(SPAN_EXACT)
    ab = next(r for r in report.pairwise if (r.reference, r.candidate) == ("anna", "boris"))
    tip = matrix(board)[("anna", "boris")][2]
    assert f"Precision {ab.exact.precision:.2f}, recall {ab.exact.recall:.2f}" in tip
    assert f"Precision {ab.exact.recall:.2f}, recall {ab.exact.precision:.2f}" in matrix(board)[("boris", "anna")][2]


def test_cells_are_coloured_by_value_with_readable_text(qtbot, ws, runner):
    board = open_dashboard(qtbot, ws, runner)
    for measure in MEASURES:
        board.set_measure(measure)
        cells = matrix(board)
        high, low = cells[("anna", "boris")][1], cells[("anna", "vera")][1]
        assert high > low + 0.2  # anna and boris agree far more than anna and vera
        dark, light = background(board, "anna", "boris"), background(board, "anna", "vera")
        assert dark != light and dark.lightnessF() < light.lightnessF()
        assert background(board, "boris", "anna") == dark  # symmetric
    # the colours follow the value: the same cell changes colour when the measure gives another value
    board.set_measure(SPAN_EXACT)
    exact = (matrix(board)[("anna", "boris")][1], background(board, "anna", "boris"))
    board.set_measure(SPAN_RELAXED)
    relaxed = (matrix(board)[("anna", "boris")][1], background(board, "anna", "boris"))
    assert relaxed[0] > exact[0] and relaxed[1].lightnessF() < exact[1].lightnessF()
    # text colour: white on the darkest blue, black on the lightest
    from annotator.gui.team.dashboard import scale_color, text_color
    assert text_color(scale_color(1.0)).name() == "#ffffff"
    assert text_color(scale_color(0.0)).name() == "#000000"
    names = list(board.data.report.annotators)
    item = board.matrix_table.item(names.index("anna"), names.index("boris"))
    assert item.foreground().color() == text_color(item.background().color())


def test_undefined_cells_show_a_dash_and_say_why(qtbot, ws, runner):
    label(ws, "dan", "Касым-Жомарт Токаев", "PER", doc="004_c352576d79d9da91")  # dan shares no document with anyone
    board = open_dashboard(qtbot, ws, runner)
    board.set_measure(COHEN)
    text, value, tip = matrix(board)[("anna", "dan")]
    assert (text, value) == ("—", None)
    assert "no unit labelled by both coders" in tip
    names = list(board.data.report.annotators)
    undefined = board.matrix_table.item(names.index("anna"), names.index("dan")).background().color()
    assert undefined.name() == dashboard_module.UNDEFINED_COLOR
    board.set_measure(SPAN_EXACT)
    assert matrix(board)[("dan", "anna")][:2] == ("—", None)


def test_the_per_label_table_is_the_reports_label_totals(qtbot, ws, runner):
    board = open_dashboard(qtbot, ws, runner)
    totals = agreement.agreement(ws).label_totals
    table = board.labels_table
    assert table.rowCount() == len(totals) > 3
    for n, row in enumerate(totals):
        assert table.item(n, 0).text() == row.label
        assert table.item(n, 1).data(VALUE_ROLE) == row.exact.reference + row.exact.candidate
        for column, counts in ((2, row.exact), (3, row.relaxed)):
            assert table.item(n, column).data(VALUE_ROLE) == pytest.approx(counts.f1)
            assert table.item(n, column).text() == f"{counts.f1:.2f}"


def test_documents_sorted_by_disagreement_and_enter_asks_for_curation(qtbot, ws, runner):
    board = open_dashboard(qtbot, ws, runner)
    table = board.documents_table
    ids = [table.item(n, 0).data(DOCUMENT_ROLE) for n in range(table.rowCount())]
    assert ids == [THIRD, DOC, OTHER]
    counts = [table.item(n, 3).data(VALUE_ROLE) for n in range(table.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    for n, document_id in enumerate(ids):
        assert counts[n] == len(curation.document_disagreements(ws, document_id))
    assert [table.item(n, 2).text() for n in range(3)] == ["anna, boris", "anna, boris, vera", "anna, boris"]
    agreed = {r.document_id: r.agreed for r in review.disagreement_counts(ws)}
    assert [table.item(n, 4).data(VALUE_ROLE) for n in range(3)] == [agreed[i] for i in ids]
    assert table.item(1, 1).text() == documents.page(ws)[0].date == "2025-11-16"

    table.setFocus()
    table.setCurrentCell(1, 0)
    with qtbot.waitSignal(board.curate_requested, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [DOC]
    assert board.isVisible()  # Enter went to the table, not to a dialog button
    with qtbot.waitSignal(board.curate_requested, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert blocker.args == [DOC]
    rect = table.visualItemRect(table.item(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(board.curate_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [OTHER]
    table.setCurrentCell(0, 3)
    with qtbot.waitSignal(board.curate_requested, timeout=1000) as blocker:
        board.curate_button.click()
    assert blocker.args == [THIRD]


def test_the_gold_table_appears_once_gold_exists(qtbot, ws, runner):
    board = open_dashboard(qtbot, ws, runner)
    assert board.gold_table.isHidden() and not board.gold_label.isHidden()
    assert "No gold yet" in board.gold_label.text()
    users.add_user(ws, "cora", Role.CURATOR)
    curation.accept_agreed(ws, OTHER, user="cora")  # anna and boris: vera has no set there
    curation.accept_agreed(ws, THIRD, user="cora")
    board.refresh()
    assert runner.wait(20000)
    assert not board.gold_table.isHidden() and board.gold_label.isHidden()
    vs_gold = {r.candidate: r for r in agreement.agreement(ws).vs_gold}
    table = board.gold_table
    rows = {table.item(n, 0).text(): n for n in range(table.rowCount())}
    assert set(rows) == {"anna", "boris", "vera"}
    for name, n in rows.items():
        row = vs_gold[name]
        assert table.item(n, 1).data(VALUE_ROLE) == row.documents
        for column, value in ((2, row.exact.precision), (3, row.exact.recall), (4, row.exact.f1),
                              (5, row.relaxed.f1)):
            assert table.item(n, column).data(VALUE_ROLE) == pytest.approx(value)
    assert table.item(rows["anna"], 3).text() == "1.00"  # gold holds only what all agreed on
    docs = board.documents_table
    gold_column = {docs.item(n, 0).data(DOCUMENT_ROLE): docs.item(n, 5).text() for n in range(docs.rowCount())}
    assert gold_column[OTHER] == "in progress" and gold_column[DOC] == ""


def test_progress_from_sets_then_from_assignments(qtbot, ws, runner):
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    annotating.set_status(ws, OTHER, SetStatus.DONE, owner="anna")
    board = open_dashboard(qtbot, ws, runner)
    table = board.progress_table

    def rows():
        return {table.item(n, 0).text(): [table.item(n, c).data(VALUE_ROLE) for c in range(1, 6)]
                for n in range(table.rowCount())}

    assert table.horizontalHeaderItem(1).text() == "Sets"
    assert rows()["anna"] == [3, 2, 1, 0, 0]  # sets, done, in progress, new, skipped
    assert rows()["vera"] == [1, 0, 1, 0, 0]
    assert "No document is assigned" in board.progress_note.text()
    assert table.cellWidget(0, 6).value() == 2 and table.cellWidget(0, 6).maximum() == 3
    assignments.assign(ws, ["anna", "boris"], 2, document_ids=[DOC, OTHER])
    board.refresh()
    assert runner.wait(20000)
    assert table.horizontalHeaderItem(1).text() == "Assigned"
    progress = {p.annotator: p for p in assignments.progress(ws)}
    assert rows()["anna"] == [2, 2, 0, 0, 0] == [progress["anna"].assigned, progress["anna"].done,
                                                 progress["anna"].in_progress, progress["anna"].skipped,
                                                 progress["anna"].remaining]
    assert rows()["boris"] == [2, 0, 2, 0, 2]


def test_done_only_recomputes_with_done_sets(qtbot, ws, runner):
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="anna")
    annotating.set_status(ws, DOC, SetStatus.DONE, owner="boris")
    board = open_dashboard(qtbot, ws, runner)
    assert board.data.report.done_only is False and board.documents_table.rowCount() == 3
    board.done_only_check.click()
    assert runner.wait(20000)
    report = board.data.report
    assert report.done_only is True and report.to_dict() == agreement.agreement(ws, done_only=True).to_dict()
    assert [board.documents_table.item(n, 0).data(DOCUMENT_ROLE)
            for n in range(board.documents_table.rowCount())] == [DOC]
    # vera's set is not done: nothing to compare her with; anna and boris on DOC only
    cells = matrix(board)
    assert cells[("anna", "vera")][:2] == ("—", None) and cells[("boris", "vera")][:2] == ("—", None)
    (ab,) = [p for p in report.tokens.pairwise_alpha if (p.first, p.second) == ("anna", "boris")]
    assert cells[("anna", "boris")][1] == pytest.approx(ab.coefficient.value)
    assert "Done sets only" not in board.status_label.text() and "done sets only" in board.status_label.text()


def test_everything_is_computed_on_the_runner_and_only_the_last_refresh_shows(qtbot, ws, runner, monkeypatch):
    threads = []
    real = dashboard_module.read_dashboard

    def spy(workspace, done_only):
        threads.append(threading.current_thread())
        return real(workspace, done_only)

    monkeypatch.setattr(dashboard_module, "read_dashboard", spy)
    board = AgreementDashboard(ws, runner)
    qtbot.addWidget(board)
    assert board.status_label.text() == "Computing…" and not board.refresh_button.isEnabled()
    board.set_done_only(True)  # a second refresh before the first is back
    assert runner.wait(20000)
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)
    assert board.data.report.done_only is True and board.refresh_button.isEnabled()
    with qtbot.waitSignal(board.loaded, timeout=20000):
        board.refresh_button.click()
    assert len(threads) == 3


def test_a_failure_is_shown_not_raised(qtbot, ws, runner, monkeypatch):
    def broken(workspace, done_only):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(dashboard_module, "read_dashboard", broken)
    board = AgreementDashboard(ws, runner)
    qtbot.addWidget(board)
    assert runner.wait(20000)
    assert "the disk is on fire" in board.status_label.text() and board.refresh_button.isEnabled()
    assert board.data is None
