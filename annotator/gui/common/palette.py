"""The label palette: the scheme's entity labels with their hotkeys and colours."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.domain.scheme import Scheme
from annotator.gui.common.scheme_texts import shown

LABEL_ROLE = Qt.ItemDataRole.UserRole
COLOR_ROLE = Qt.ItemDataRole.UserRole + 1  # the swatch's "#rrggbb"


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelPalette(QListWidget):
    """One row per entity label: "1  PER  person"; clicking (or Enter) emits the label name."""

    label_chosen = Signal(str)

    def __init__(self, scheme: Scheme | None = None, parent: QWidget | None = None, *,
                 colors: dict[str, str] | None = None):
        super().__init__(parent)
        self.setIconSize(QSize(14, 14))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the text
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        if scheme is not None:
            self.set_scheme(scheme, colors)

    def set_scheme(self, scheme: Scheme, colors: dict[str, str] | None = None) -> None:
        """One row per entity label; the swatch from ``colors`` (label -> "#rrggbb"), else the scheme's."""
        self.clear()
        colors = colors or {}
        for entity in scheme.entities:
            text = f"{entity.hotkey.upper():>2}   {entity.name}"
            if entity.description:
                text += f"  ·  {shown(entity.description)}"
            color = colors.get(entity.name, entity.color)
            item = QListWidgetItem(swatch(color), text)
            item.setData(LABEL_ROLE, entity.name)
            item.setData(COLOR_ROLE, color)
            item.setToolTip(entity.guideline or shown(entity.description))
            self.addItem(item)

    def labels(self) -> list[str]:
        return [self.item(i).data(LABEL_ROLE) for i in range(self.count())]

    def swatch_colors(self) -> dict[str, str]:
        """Label -> the "#rrggbb" its swatch shows."""
        return {self.item(i).data(LABEL_ROLE): self.item(i).data(COLOR_ROLE) for i in range(self.count())}

    def _on_item(self, item: QListWidgetItem) -> None:
        self.label_chosen.emit(item.data(LABEL_ROLE))
