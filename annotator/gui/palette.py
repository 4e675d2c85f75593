"""The label palette: the scheme's entity labels with their hotkeys and colours."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.domain.scheme import Scheme

LABEL_ROLE = Qt.ItemDataRole.UserRole


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelPalette(QListWidget):
    """One row per entity label: "1  PER  person"; clicking (or Enter) emits the label name."""

    label_chosen = Signal(str)

    def __init__(self, scheme: Scheme | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIconSize(QSize(14, 14))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the text
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        if scheme is not None:
            self.set_scheme(scheme)

    def set_scheme(self, scheme: Scheme) -> None:
        self.clear()
        for entity in scheme.entities:
            text = f"{entity.hotkey.upper():>2}   {entity.name}"
            if entity.description:
                text += f"  ·  {entity.description}"
            item = QListWidgetItem(swatch(entity.color), text)
            item.setData(LABEL_ROLE, entity.name)
            item.setToolTip(entity.guideline or entity.description)
            self.addItem(item)

    def labels(self) -> list[str]:
        return [self.item(i).data(LABEL_ROLE) for i in range(self.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        self.label_chosen.emit(item.data(LABEL_ROLE))
