"""Formats by id and extension: adding a format is adding a module and one line here."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.base import Format
from annotator.formats.brat import BratFormat, is_brat_directory
from annotator.formats.conll import ConllFormat, ConllLevelsFormat
from annotator.formats.doccano import DoccanoFormat
from annotator.formats.jsonl import JsonlFormat
from annotator.formats.labelstudio import LabelStudioFormat
from annotator.formats.text import TextFormat
from annotator.formats.webanno_tsv import WebannoTsvFormat
from annotator.i18n import _

# Detection asks in this order: the specific shapes before our JSONL and plain text, which take anything.
_FORMATS: dict[str, Format] = {f.id: f for f in (
    DoccanoFormat(), LabelStudioFormat(), WebannoTsvFormat(), ConllFormat(), BratFormat(), JsonlFormat(),
    TextFormat(), ConllLevelsFormat())}
SNIFF_BYTES = 4096


class UnknownFormat(ValueError):
    pass


def formats() -> list[Format]:
    return list(_FORMATS.values())


def get(format_id: str) -> Format:
    try:
        return _FORMATS[format_id]
    except KeyError:
        raise UnknownFormat(_("unknown format {format!r}; known: {known}").format(
            format=format_id, known=", ".join(_FORMATS))) from None


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
        chosen = _FORMATS["brat"] if format_id == "auto" and path.is_dir() and is_brat_directory(path) else None
        planned.extend((file, chosen) for file in expand([path]))
    return planned


def detect(path: Path) -> Format:
    """By content where the extension is shared (.json, .jsonl, .tsv, .txt), else by extension."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    for fmt in _FORMATS.values():
        if fmt.id not in ("jsonl", "text") and fmt.sniff(path, head):
            return fmt
    suffix = path.suffix.lower()
    for fmt in _FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    for fmt in _FORMATS.values():
        if fmt.sniff(path, head):
            return fmt
    return _FORMATS["text"]
