"""Formats by id and extension: adding a format is adding a module and one line here."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.base import Format
from annotator.formats.jsonl import JsonlFormat
from annotator.formats.text import TextFormat
from annotator.i18n import _

_FORMATS: dict[str, Format] = {f.id: f for f in (JsonlFormat(), TextFormat())}
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


def detect(path: Path) -> Format:
    """By extension first, then by content."""
    suffix = path.suffix.lower()
    for fmt in _FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    for fmt in _FORMATS.values():
        if fmt.sniff(path, head):
            return fmt
    return _FORMATS["text"]
