"""Plain text: one file, one document; its id is the file stem.

Decoding: a BOM decides (and is dropped); otherwise UTF-8 if the bytes are valid
UTF-8, else charset-normalizer's best guess (cp1251 and KOI8-R are common in
Russian archives). A leading `` date YYYY-MM-DD `` header, as in the sample
corpus, moves into ``meta.date``; the rest is the stored text, unchanged.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.domain.limits import date_problem, text_problem
from annotator.domain.model import Document
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import Record
from annotator.i18n import _

HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
CYRILLIC_CODE_PAGES = ["cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5"]
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read in; DecodeError if it is not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(data[: exc.start].count(b"\n") + 1, _("invalid {encoding}: {reason}").format(
                    encoding=encoding, reason=exc.reason)) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(data[:nul].count(b"\n") + 1, _("contains a NUL byte: a binary file, not text"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Russian archives first: on short texts an open guess often picks a CJK code page.
    best = from_bytes(data, cp_isolation=CYRILLIC_CODE_PAGES).best() or from_bytes(data).best()
    if best is None:
        raise DecodeError(1, _("cannot tell the text encoding: a binary file, not text?"))
    return str(best), best.encoding


def parse(text: str) -> tuple[str, dict[str, str]]:
    """Split off the `` date YYYY-MM-DD`` header; returns (text, meta)."""
    match = HEADER.match(text)
    if not match:
        return text, {}
    value = match.group(1)
    problem = date_problem(value)
    if problem:
        raise DecodeError(1, _("header: {problem}").format(problem=problem))
    return text[match.end():], {"date": value}


class TextFormat:
    id = "text"
    label = "Plain text"
    extensions = (".txt", ".text")

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"\x00" not in head

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None) -> Iterator[Record | Problem]:
        source = str(path)
        try:
            record = self.read_document(path)
        except DecodeError as exc:
            yield Problem(source, exc.line, str(exc))
            return
        except OSError as exc:
            yield Problem(source, 1, _("cannot read: {error}").format(error=exc.strerror or exc))
            return
        yield record

    def read_document(self, path: Path) -> Record:
        data = path.read_bytes()
        if not data:
            raise DecodeError(1, _("empty file"))
        text, encoding = decode(data)
        forbidden = text_problem(text)  # the same rule as every other reader's
        if forbidden:
            raise DecodeError(_line_of(text, forbidden[0]), forbidden[1])
        if not text.strip():
            raise DecodeError(1, _("only whitespace, no text"))
        body, meta = parse(text)
        if not body.strip():
            raise DecodeError(1, _("a header but no text"))
        meta["source"] = path.name
        if encoding != "utf-8":
            meta["encoding"] = encoding
        return Record(str(path), 1, Document(path.stem, body, meta), rename_on_conflict=True)
