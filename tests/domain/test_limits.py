"""What input may hold: names, dates, free values, and the characters of a text (one rule for every reader)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.domain.limits import (
    NAME_LENGTH,
    NESTING_DEPTH,
    date_problem,
    free_value_problem,
    name_problem,
    text_problem,
)
from annotator.domain.model import text_sha256
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme, SchemeError
from annotator.formats.jsonl import JsonlFormat
from annotator.formats.text import TextFormat
from annotator.services.workspace import default_scheme_body


@pytest.mark.parametrize("name", ["anna", "Анна Иванова", "o'brien-2", "a" * NAME_LENGTH])
def test_names_that_are_names(name: str) -> None:
    assert name_problem(name, "name", NAME_LENGTH) is None


@pytest.mark.parametrize("name, fragment", [
    ("", "is empty"), ("  ", "is empty"), (" anna", "leading or trailing"), ("a" * (NAME_LENGTH + 1), "longer than 64"),
    ("an\x00na", "U+0000"), ("an\x1bna", "U+001B"), ("an\nna", "U+000A"), ("an\u202ena", "U+202E"),
    ("an\u00a0na", "U+00A0"), (5, "must be a string"),
])
def test_names_that_are_not(name, fragment: str) -> None:
    problem = name_problem(name, "name", NAME_LENGTH)
    assert problem is not None and fragment in problem


@pytest.mark.parametrize("value, ok", [("2025-11-15", True), ("2024-02-29", True), ("2025-02-29", False),
                                       ("2025-13-45", False), ("x", False), (1.5, False), ({"a": 1}, False),
                                       ("2025-1-5", False)])
def test_dates_must_be_real_days(value, ok: bool) -> None:
    assert (date_problem(value) is None) == ok


def test_free_values_are_bounded() -> None:
    assert free_value_problem({"a": [1, "x", {"b": True}], "n": 2**63 - 1}) is None
    assert "out of range" in free_value_problem({"n": 2**63})
    assert "out of range" in free_value_problem([-(2**63) - 1])
    deep: object = 1
    for _ in range(NESTING_DEPTH):
        deep = [deep]
    assert "nested more than" in free_value_problem(deep)
    assert "U+001B" in free_value_problem({"source": "a\x1bb"})


@pytest.mark.parametrize("char, allowed", [("\t", True), ("\r", True), ("\n", True), ("\x0b", True), ("\x0c", True),
                                           ("\x85", True), ("\u00a0", True), ("\U0001f1f0", True),
                                           ("\x00", False), ("\x01", False), ("\x1b", False), ("\x7f", False),
                                           ("\x9b", False)])
def test_the_plain_text_and_jsonl_readers_agree_on_a_texts_characters(tmp_path: Path, char: str,
                                                                      allowed: bool) -> None:
    text = f"Текст{char}статьи."
    assert (text_problem(text) is None) == allowed
    scheme = Scheme.from_dict(default_scheme_body())
    plain = tmp_path / "doc.txt"
    plain.write_text(text, encoding="utf-8", newline="")
    jsonl = tmp_path / "doc.jsonl"
    jsonl.write_bytes(orjson.dumps({"id": "doc", "text": text, "meta": {"sha256": text_sha256(text)}}) + b"\n")
    results = [list(TextFormat().read(plain, scheme)), list(JsonlFormat().read(jsonl, scheme))]
    for items in results:
        (item,) = items
        assert isinstance(item, Problem) != allowed, item
    if not allowed:
        assert all("a binary file, not text" in items[0].message for items in results)


def test_a_scheme_with_a_label_that_is_not_a_name_is_refused() -> None:
    body = default_scheme_body()
    body["entities"][0]["name"] = "PER\x1b[2J"
    with pytest.raises(SchemeError, match="entity label 'PER\\\\x1b\\[2J' holds the control"):
        Scheme.from_dict(body)
    body = default_scheme_body()
    body["claim_types"][0]["name"] = "S" * 51
    with pytest.raises(SchemeError, match="longer than 50 characters"):
        Scheme.from_dict(body)
