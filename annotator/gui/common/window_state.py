"""Where the user left the window: its geometry, splitters and columns, and per database the document,
the caret and the list's filters, so that the next start opens where the last one ended.

Kept apart from the preferences (``gui.json``, the user's choices) in
``window-state.json`` beside it, written the same safe way (a temporary file
renamed into place). A missing or damaged file gives a window as it is built.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray

from annotator import paths
from annotator.gui.common.settings import write_config_file

FILE_NAME = "window-state.json"


@dataclass
class Place:
    """Where the user was in one database."""

    document: str | None = None
    caret: int = 0
    filters: dict[str, Any] = field(default_factory=dict)  # the filter bar's values, by name


@dataclass
class WindowState:
    geometry: str | None = None  # QWidget.saveGeometry(), base64
    layouts: dict[str, str] = field(default_factory=dict)  # splitter or header name -> saveState(), base64
    places: dict[str, Place] = field(default_factory=dict)  # database (its URL, no password) -> place


def encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def decode(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except ValueError:
        return None


def load_window_state() -> WindowState:
    try:
        raw = json.loads((paths.user_config_dir() / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return WindowState()
    if not isinstance(raw, dict):
        return WindowState()
    places = {}
    for key, value in (raw.get("places") or {}).items() if isinstance(raw.get("places"), dict) else ():
        if isinstance(key, str) and isinstance(value, dict):
            document = value.get("document")
            caret = value.get("caret")
            filters = value.get("filters")
            places[key] = Place(document if isinstance(document, str) else None,
                                caret if isinstance(caret, int) and not isinstance(caret, bool) and caret >= 0 else 0,
                                filters if isinstance(filters, dict) else {})
    geometry = raw.get("geometry")
    layouts = raw.get("layouts")
    return WindowState(geometry if isinstance(geometry, str) else None,
                       {k: v for k, v in layouts.items() if isinstance(k, str) and isinstance(v, str)}
                       if isinstance(layouts, dict) else {},
                       places)


def save_window_state(state: WindowState) -> None:
    write_config_file(FILE_NAME, json.dumps(dataclasses.asdict(state), ensure_ascii=False, indent=2) + "\n")
