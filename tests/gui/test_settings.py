"""GUI settings: a JSON file in $ANNOTATOR_CONFIG_DIR (else the user's config dir), written atomically."""

from __future__ import annotations

import json
import os

import pytest

from annotator import paths
from annotator.gui.common import settings as settings_module
from annotator.gui.common.settings import GuiSettings, load_settings, save_settings, settings_file


def test_defaults_when_there_is_no_file(config_dir):
    assert not config_dir.exists()
    assert load_settings() == GuiSettings(annotator=None, snap_to_tokens=True, font_size=12)


def test_save_then_load_round_trips_in_the_config_dir(config_dir):
    save_settings(GuiSettings(annotator="анна", snap_to_tokens=False, font_size=15))
    assert settings_file().parent == config_dir
    assert [p.name for p in config_dir.iterdir()] == ["gui.json"]  # no temp file left behind
    assert json.loads(settings_file().read_text(encoding="utf-8")) == {
        "annotator": "анна", "snap_to_tokens": False, "font_size": 15, "language": None,
        "color_blind": False, "database": None, "stay_after_done": False, "show_tags": True,
        "compact_list": False}
    assert load_settings() == GuiSettings(annotator="анна", snap_to_tokens=False, font_size=15)


def test_the_config_dir_defaults_to_the_users(monkeypatch, tmp_path):
    monkeypatch.delenv("ANNOTATOR_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert paths.user_config_dir() == tmp_path / "xdg" / "annotator"


def test_a_broken_file_gives_defaults_and_bad_fields_fall_back(config_dir):
    config_dir.mkdir()
    settings_file().write_text("{not json", encoding="utf-8")
    assert load_settings() == GuiSettings()
    settings_file().write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == GuiSettings()
    settings_file().write_text(json.dumps(
        {"annotator": "boris", "font_size": "big", "snap_to_tokens": 1, "theme": "dark"}), encoding="utf-8")
    assert load_settings() == GuiSettings(annotator="boris")


def test_a_failed_write_keeps_the_old_file(config_dir, monkeypatch):
    save_settings(GuiSettings(annotator="anna"))

    def broken_replace(src, dst):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(settings_module.os, "replace", broken_replace)
        with pytest.raises(OSError, match="disk full"):
            save_settings(GuiSettings(annotator="boris"))
    assert load_settings().annotator == "anna"
    assert sorted(os.listdir(config_dir)) == ["gui.json"]  # the temp file was removed


def test_the_colour_blind_palette_and_the_database_round_trip(config_dir):
    assert GuiSettings().color_blind is False and GuiSettings().database is None
    url = "postgresql://anna@db.example/news"
    save_settings(GuiSettings(annotator="anna", color_blind=True, database=url))
    raw = json.loads(settings_file().read_text(encoding="utf-8"))
    assert raw["color_blind"] is True and raw["database"] == url
    assert load_settings() == GuiSettings(annotator="anna", color_blind=True, database=url)
    save_settings(GuiSettings(annotator="anna", database="/data/news.sqlite3"))
    assert load_settings().database == "/data/news.sqlite3"


@pytest.mark.parametrize("field, value", [
    ("color_blind", 1), ("color_blind", "yes"), ("color_blind", None),
    ("database", ""), ("database", "   "), ("database", 7), ("database", ["a.sqlite3"]),
])
def test_a_bad_colour_blind_or_database_value_falls_back(config_dir, field, value):
    config_dir.mkdir()
    settings_file().write_text(json.dumps({"annotator": "anna", field: value}), encoding="utf-8")
    assert load_settings() == GuiSettings(annotator="anna")
