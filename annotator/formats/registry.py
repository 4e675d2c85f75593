"""Formats by id and extension: adding a format is adding a module and one line here."""

from __future__ import annotations

from pathlib import Path

import functools
from importlib import import_module

from annotator.formats.base import Format
from annotator.i18n import _

# Detection asks in this order: the specific shapes before our JSONL and plain text, which take anything.
# The modules are imported when a format is first asked for, not when the window starts.
_FORMAT_CLASSES = (
    ("doccano", "DoccanoFormat"), ("labelstudio", "LabelStudioFormat"), ("webanno_tsv", "WebannoTsvFormat"),
    ("conll", "ConllFormat"), ("brat", "BratFormat"), ("jsonl", "JsonlFormat"), ("text", "TextFormat"),
    ("conll", "ConllLevelsFormat"),
)


@functools.cache
def _formats() -> dict[str, Format]:
    made = [getattr(import_module(f"annotator.formats.{module}"), name)() for module, name in _FORMAT_CLASSES]
    return {f.id: f for f in made}


SNIFF_BYTES = 4096


class UnknownFormat(ValueError):
    pass


def formats() -> list[Format]:
    return list(_formats().values())


def get(format_id: str) -> Format:
    try:
        return _formats()[format_id]
    except KeyError:
        raise UnknownFormat(_("unknown format {format!r}; known: {known}").format(
            format=format_id, known=", ".join(_formats()))) from None


def expand(paths: list[Path]) -> list[Path]:
    """Files to read: a directory means every (non-hidden) file under it, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            files.append(path)
    return files


def plan(paths: list[Path], format_id: str) -> list[tuple[Path, Format | None]]:
    """Every file to read, with its format when the directory decides it (None: ask :func:`detect`).

    With ``auto``, a directory holding brat pairs (``X.txt`` beside ``X.ann``) is brat's: its .txt
    files are the pairs' texts, not plain-text documents.
    """
    planned: list[tuple[Path, Format | None]] = []
    for path in paths:
        from annotator.formats.brat import is_brat_directory

        chosen = _formats()["brat"] if format_id == "auto" and path.is_dir() and is_brat_directory(path) else None
        planned.extend((file, chosen) for file in expand([path]))
    return planned


def detect(path: Path) -> Format:
    """By content where the extension is shared (.json, .jsonl, .tsv, .txt), else by extension."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    for fmt in _formats().values():
        if fmt.id not in ("jsonl", "text") and fmt.sniff(path, head):
            return fmt
    suffix = path.suffix.lower()
    for fmt in _formats().values():
        if suffix in fmt.extensions:
            return fmt
    for fmt in _formats().values():
        if fmt.sniff(path, head):
            return fmt
    return _formats()["text"]
