"""The user's GUI settings: one JSON file in the user's config directory.

The directory comes from :func:`annotator.paths.user_config_dir`
(``$ANNOTATOR_CONFIG_DIR`` overrides it, for tests). A missing or unreadable
file gives the defaults; a field of the wrong type falls back to its default;
unknown keys are ignored. Saving writes a temporary file and renames it over
the old one, so a crash never leaves half a file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from annotator import paths

FILE_NAME = "gui.json"


@dataclass
class GuiSettings:
    annotator: str | None = None
    snap_to_tokens: bool = True
    font_size: int = 12
    language: str | None = None  # "ru", "en", ...; None: the system locale's
    color_blind: bool = False  # label colours from a colour-blind-safe palette, not the scheme's
    database: str | None = None  # a SQLite file or a server URL (postgresql://...); None: the default
    stay_after_done: bool = False  # Ctrl+Return marks done and stays, rather than opening the next open document
    show_tags: bool = True  # each span's label written above it (off: tints only)
    compact_list: bool = False  # the document list one line a row, smaller, title and status only


def settings_file() -> Path:
    return paths.user_config_dir() / FILE_NAME


def _valid(name: str, value: object) -> bool:
    if name == "annotator":
        return value is None or (isinstance(value, str) and bool(value.strip()))
    if name == "snap_to_tokens":
        return isinstance(value, bool)
    if name == "language":
        return value is None or (isinstance(value, str) and bool(value.strip()))
    if name in ("color_blind", "stay_after_done", "show_tags", "compact_list"):
        return isinstance(value, bool)
    if name == "database":
        return value is None or (isinstance(value, str) and bool(value.strip()))
    if name == "font_size":
        return isinstance(value, int) and not isinstance(value, bool) and 4 <= value <= 96
    return False


def load_settings() -> GuiSettings:
    try:
        raw = json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return GuiSettings()
    if not isinstance(raw, dict):
        return GuiSettings()
    known = {f.name for f in dataclasses.fields(GuiSettings)}
    return GuiSettings(**{k: v for k, v in raw.items() if k in known and _valid(k, v)})


def save_settings(settings: GuiSettings) -> None:
    write_config_file(FILE_NAME, json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2) + "\n")


def write_config_file(name: str, data: str) -> None:
    """Write one file of the user's config directory: a temporary file renamed over the old one."""
    target = paths.user_config_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".gui-", suffix=".json.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
