"""CrlfMap: offsets that count a CRLF as one character (brat, doccano's grapheme mode) and ours."""

from __future__ import annotations

import pytest

from annotator.domain.offsets import CrlfMap, OffsetError


def test_each_crlf_before_a_position_shifts_it_by_one():
    text = "а\r\nб\r\n\r\nв😀г"
    short = text.replace("\r\n", "\n")  # what a universal-newline reader sees
    crlf = CrlfMap(text)
    for index in range(len(short) + 1):
        ours = crlf.to_codepoint(index)
        assert text[:ours].replace("\r\n", "\n") == short[:index]
        assert crlf.to_short(ours) == index


def test_a_position_between_cr_and_lf_has_no_short_offset_and_a_text_without_crlf_is_identity():
    crlf = CrlfMap("а\r\nб")
    with pytest.raises(OffsetError):
        crlf.to_short(2)
    assert CrlfMap("а\nб").is_identity and not crlf.is_identity
    with pytest.raises(OffsetError):
        crlf.to_codepoint(4)  # beyond the text
