"""The one place that knows where bundled data and the user's data live.

Bundled data (``resources/``, the Alembic scripts in ``db/``) sits at the top of
a source checkout, inside the package as ``_resources``/``_db`` in an installed
wheel (see ``pyproject.toml``), and under ``sys._MEIPASS`` in a PyInstaller
bundle. Everything else asks this module, never ``__file__``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "annotator"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(_PACKAGE_DIR / f"_{name}")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent / name)  # source checkout or editable install
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"cannot find bundled {name!r}; looked in " + ", ".join(map(str, candidates)))


def resources_dir() -> Path:
    return _bundled("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _bundled("db")


def sample_corpus_dir() -> Path:
    return resource("sample")


def default_scheme_file() -> Path:
    return resource("scheme", "default.json")


def jsonl_schema_file() -> Path:
    return resource("schemas", "annotator-jsonl.schema.json")


def user_data_dir() -> Path:
    """``$ANNOTATOR_DATA_DIR``, else the user's data directory for the application."""
    env = os.environ.get("ANNOTATOR_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs  # imported late: only callers that need the user's dirs pay for it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """``$ANNOTATOR_CONFIG_DIR``, else the user's config directory for the application."""
    env = os.environ.get("ANNOTATOR_CONFIG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database() -> str:
    """``$ANNOTATOR_DB``, else ``annotator.sqlite3`` in the user's data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return env
    return str(user_data_dir() / "annotator.sqlite3")
