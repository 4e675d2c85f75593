"""Qt's own dialogs speak Russian under the Russian interface: Qt's catalog, and ours for what it lacks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

from annotator.gui.common import translation

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def russian(qapp):
    installed = translation.install_translators(qapp, "ru")
    yield installed
    translation.remove_translators(qapp, installed)


def test_qts_file_dialog_is_all_russian(qtbot, russian, tmp_path):
    (tmp_path / "статья.txt").write_text("текст", encoding="utf-8")
    dialog = QFileDialog(None, "Файлы для импорта", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own, as on a bare desktop
    dialog.setNameFilter("Тексты (*.txt)")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    texts += [button.text() or button.toolTip() for button in dialog.findChildren(QAbstractButton)
              if button.isVisible()]
    assert any("Перейти" in t for t in texts) and any("Типы файлов" in t for t in texts)
    english = [t for t in texts if LATIN_WORD.search(t.replace("&", ""))]
    assert english == []


def test_message_box_buttons_are_russian(qtbot, russian):
    box = QMessageBox(QMessageBox.Icon.Question, "Вопрос", "Продолжить?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    box.show()
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Да", "Нет"]
