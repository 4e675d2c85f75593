"""Plain-text reading: decoding, the ``date`` header, binary and empty input, exact text."""

from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import pytest

from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import Record
from annotator.formats.text import TextFormat
from annotator.services import documents
from annotator.services.workspace import default_scheme_body

SAMPLE_HEADER = re.compile(r" date (\d{4}-\d{2}-\d{2}) ")
# Characters the sample articles use that cp1251 or KOI8-R cannot encode.
MISSING_IN_CODE_PAGES = {"\u2014": "-", "\u2013": "-", "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"'}


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


def read_all(path: Path, scheme: Scheme) -> list[Record | Problem]:
    return list(TextFormat().read(path, scheme))


def read_one(path: Path, scheme: Scheme) -> Record:
    items = read_all(path, scheme)
    assert len(items) == 1, items
    assert isinstance(items[0], Record), items[0]
    return items[0]


def read_problem(path: Path, scheme: Scheme) -> Problem:
    items = read_all(path, scheme)
    assert len(items) == 1, items
    assert isinstance(items[0], Problem), f"expected an error, got {items[0]!r}"
    assert items[0].file == str(path)
    return items[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sample_files(sample_dir: Path) -> list[Path]:
    files = sorted(sample_dir.glob("*.txt"))
    assert len(files) == 5
    return files


def russian_passage(sample_dir: Path, length: int = 800) -> str:
    """Several hundred characters of a real sample article, in characters cp1251 and KOI8-R both have."""
    raw = (sample_dir / "003_7fa7a90ba42b20d6.txt").read_text("utf-8")
    body = raw[SAMPLE_HEADER.match(raw).end():][:length]
    for char, replacement in MISSING_IN_CODE_PAGES.items():
        body = body.replace(char, replacement)
    return body


# ------------------------------------------------------------------ samples
def test_sample_articles_move_the_date_header_into_meta(sample_dir: Path, scheme: Scheme) -> None:
    for path in sample_files(sample_dir):
        raw = path.read_text("utf-8")
        header = SAMPLE_HEADER.match(raw)
        assert header, path.name
        record = read_one(path, scheme)
        assert record.document.id == path.stem
        assert record.document.meta["date"] == header.group(1)
        assert record.document.meta["source"] == path.name
        assert "encoding" not in record.document.meta  # plain UTF-8
        assert record.document.text == raw[header.end():]
        assert "date" not in record.document.text[:10]
        assert not record.document.text[0].isspace()
        assert record.annotations is None


def test_sample_article_text_starts_with_its_first_sentence(sample_dir: Path, scheme: Scheme) -> None:
    record = read_one(sample_dir / "000_598509fc61278558.txt", scheme)
    assert record.document.text.startswith("Касым-Жомарт Токаев отметил существенные успехи")
    assert record.document.meta["date"] == "2025-11-16"
    record = read_one(sample_dir / "003_7fa7a90ba42b20d6.txt", scheme)
    assert record.document.text.startswith("ТАШКЕНТ, 15 ноября — Sputnik.")
    assert record.document.meta["date"] == "2025-11-15"


def test_sample_corpus_imports_with_dates_and_texts(sample_workspace, sample_dir: Path) -> None:
    for path in sample_files(sample_dir):
        raw = path.read_text("utf-8")
        header = SAMPLE_HEADER.match(raw)
        stored = documents.document(sample_workspace, path.stem)
        assert stored.date == header.group(1)
        assert stored.text == raw[header.end():]


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_russian_code_pages_decode_to_exactly_the_original(tmp_path: Path, sample_dir: Path, scheme: Scheme,
                                                          encoding: str) -> None:
    passage = russian_passage(sample_dir)
    assert len(passage) >= 500 and sum("а" <= c.lower() <= "я" for c in passage) > 300
    data = f" date 2025-11-15 {passage}".encode(encoding)
    assert data != f" date 2025-11-15 {passage}".encode("utf-8")
    record = read_one(write(tmp_path, f"{encoding}.txt", data), scheme)
    assert record.document.text == passage
    assert record.document.meta["date"] == "2025-11-15"
    assert codecs.lookup(record.document.meta["encoding"]).name == codecs.lookup(encoding).name


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_russian_code_pages_without_header(tmp_path: Path, sample_dir: Path, scheme: Scheme, encoding: str) -> None:
    passage = russian_passage(sample_dir, 400)
    record = read_one(write(tmp_path, "plain.txt", passage.encode(encoding)), scheme)
    assert record.document.text == passage
    assert "date" not in record.document.meta


def test_utf8_bom_is_dropped(tmp_path: Path, scheme: Scheme) -> None:
    text = "Касым-Жомарт Токаев прибыл в Ташкент.\n"
    record = read_one(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + f" date 2025-11-15 {text}".encode()), scheme)
    assert record.document.text == text
    assert "\ufeff" not in record.document.text
    assert record.document.meta["date"] == "2025-11-15"


def test_utf8_bom_without_header_is_dropped(tmp_path: Path, scheme: Scheme) -> None:
    text = "Токаев прибыл в Ташкент."
    record = read_one(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + text.encode()), scheme)
    assert record.document.text == text


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom_is_decoded(tmp_path: Path, scheme: Scheme, bom: bytes, codec: str) -> None:
    text = "Товарооборот — $4 млрд 😀\nВторая строка."
    data = bom + f" date 2025-11-15 {text}".encode(codec)
    record = read_one(write(tmp_path, "utf16.txt", data), scheme)
    assert record.document.text == text
    assert "\ufeff" not in record.document.text
    assert record.document.meta["date"] == "2025-11-15"
    assert record.document.meta["encoding"] == codec


def test_utf16_bom_via_python_codec(tmp_path: Path, scheme: Scheme) -> None:
    text = "Глава государства отметил рост."
    record = read_one(write(tmp_path, "utf16.txt", text.encode("utf-16")), scheme)  # writes its own BOM
    assert record.document.text == text


# ------------------------------------------------------------------- binary
def test_nul_byte_in_line_three_is_an_error_naming_line_three(tmp_path: Path, scheme: Scheme) -> None:
    data = "первая строка\nвторая строка\nтре\x00тья строка\nчетвёртая\n".encode()
    path = write(tmp_path, "nul.txt", data)
    problem = read_problem(path, scheme)
    assert problem.line == 3
    assert "NUL" in problem.message
    assert str(problem).startswith(f"{path}:3: ")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_bytes_are_an_error(tmp_path: Path, scheme: Scheme, seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    problem = read_problem(write(tmp_path, "random.txt", data), scheme)
    assert "binary" in problem.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_bytes_without_nul_are_an_error(tmp_path: Path, scheme: Scheme, seed: int) -> None:
    data = random.Random(seed).randbytes(4096).replace(b"\x00", b"")
    problem = read_problem(write(tmp_path, "random.txt", data), scheme)
    assert "binary" in problem.message or "encoding" in problem.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_high_bytes_are_an_error(tmp_path: Path, scheme: Scheme, seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    problem = read_problem(write(tmp_path, "random.txt", data), scheme)
    assert "encoding" in problem.message


def test_png_file_is_an_error(tmp_path: Path, scheme: Scheme) -> None:
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
           + random.Random(7).randbytes(256))
    problem = read_problem(write(tmp_path, "image.txt", png), scheme)
    assert "binary" in problem.message


def test_png_signature_without_nul_is_an_error(tmp_path: Path, scheme: Scheme) -> None:
    problem = read_problem(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\nIHDR data"), scheme)
    assert "binary" in problem.message
    assert problem.line == 2  # the \x1a control character sits after the first line break


# -------------------------------------------------------------------- empty
def test_empty_file_is_an_error(tmp_path: Path, scheme: Scheme) -> None:
    problem = read_problem(write(tmp_path, "empty.txt", b""), scheme)
    assert problem.line == 1
    assert "empty" in problem.message


@pytest.mark.parametrize("data", [b" ", b"\n\n\n", b"  \t\r\n \n", "\u00a0\u2003\n".encode()])
def test_whitespace_only_file_is_an_error(tmp_path: Path, scheme: Scheme, data: bytes) -> None:
    problem = read_problem(write(tmp_path, "blank.txt", data), scheme)
    assert problem.line == 1
    assert "whitespace" in problem.message


def test_header_with_no_text_is_an_error(tmp_path: Path, scheme: Scheme) -> None:
    problem = read_problem(write(tmp_path, "header.txt", b" date 2025-11-15 \n"), scheme)
    assert problem.line == 1
    assert "no text" in problem.message


# ------------------------------------------------------------------- header
def test_impossible_header_date_is_an_error_on_line_one(tmp_path: Path, scheme: Scheme) -> None:
    path = write(tmp_path, "bad_date.txt", " date 2025-13-45 Токаев прибыл.\nВторая строка.\n".encode())
    problem = read_problem(path, scheme)
    assert problem.line == 1
    assert "2025-13-45" in problem.message
    assert str(problem).startswith(f"{path}:1: ")


def test_header_date_not_in_iso_form_is_an_error(tmp_path: Path, scheme: Scheme) -> None:
    problem = read_problem(write(tmp_path, "bad_date.txt", " date 15.11.2025 Токаев прибыл.".encode()), scheme)
    assert problem.line == 1
    assert "YYYY-MM-DD" in problem.message


def test_text_without_header_is_kept_whole(tmp_path: Path, scheme: Scheme) -> None:
    text = "  Отступ в начале.\nИ дата 2025-11-15 в тексте.\n"
    record = read_one(write(tmp_path, "plain.txt", text.encode()), scheme)
    assert record.document.text == text
    assert "date" not in record.document.meta


# --------------------------------------------------------------------- CRLF
def test_crlf_text_is_kept_exactly(tmp_path: Path, scheme: Scheme) -> None:
    text = "Первая строка.\r\nВторая строка — Токаев.\r\n\r\nТретья.\r\n"
    record = read_one(write(tmp_path, "crlf.txt", f" date 2025-11-15 {text}".encode()), scheme)
    stored = record.document.text
    assert stored == text
    assert stored.count("\r\n") == 4
    start = stored.index("Токаев")
    # "Первая строка." is 14 characters, then \r\n counts two, then "Вторая строка — " is 16
    assert start == 14 + 2 + 16
    assert stored[start:start + 6] == "Токаев"


def test_crlf_in_cp1251_is_kept_exactly(tmp_path: Path, sample_dir: Path, scheme: Scheme) -> None:
    passage = russian_passage(sample_dir, 600).replace("\n", "\r\n")
    assert "\r\n" in passage
    record = read_one(write(tmp_path, "crlf1251.txt", passage.encode("cp1251")), scheme)
    assert record.document.text == passage


@pytest.mark.parametrize("encoding", ["koi8-r", "cp1251"])
def test_short_russian_text_in_an_old_code_page(tmp_path, encoding):
    """Cyrillic code pages are tried first: on ~60 characters an open guess picks Shift JIS."""
    text = "Касым-Жомарт Токаев отметил существенные успехи в экономике"
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    assert TextFormat().read_document(path).document.text == text
