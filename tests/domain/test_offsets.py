import random

import pytest

from annotator.domain.offsets import (
    OffsetError,
    OffsetMap,
    codepoint_to_utf16,
    utf16_length,
    utf16_to_codepoint,
)

THUMB = "\U0001f44d\U0001f3fd"  # 👍🏽 thumbs up + skin tone: 2 code points, 4 units
KZ = "\U0001f1f0\U0001f1ff"  # 🇰🇿 two regional indicators
UZ = "\U0001f1fa\U0001f1ff"  # 🇺🇿
MATH = "\U0001d400 \U0001d538"  # 𝐀 𝔸
SHORT_I = "\u0438\u0306"  # й as и + combining breve
E_ACUTE = "e\u0301"  # é as e + combining acute

TEXT = (
    "Ташкент 😀 15 ноября\r\n"
    f"{THUMB} {KZ} {UZ} {MATH} {SHORT_I}од caf{E_ACUTE}\r\n"
    "пере\u00adговоры 5\u00a0000 руб., 10\u202f000 $\r\n"
)
# BMP only: combining marks, soft hyphen, NBSPs, CRLF are one unit each.
BMP_TEXT = f"{SHORT_I}од caf{E_ACUTE} пере\u00adговоры 5\u00a0000 10\u202f000\r\nТокаев"


def units(text: str) -> list[int]:
    data = text.encode("utf-16-le")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def inside_pair(text: str, u16: int) -> bool:
    """Oracle independent of the module: the unit at u16 is a low surrogate."""
    us = units(text)
    return u16 < len(us) and 0xDC00 <= us[u16] <= 0xDFFF


def test_offset_error_is_value_error():
    assert issubclass(OffsetError, ValueError)


@pytest.mark.parametrize(
    ("text", "cp_length", "u16_length"),
    [
        ("", 0, 0),
        ("Ташкент", 7, 7),
        ("😀", 1, 2),
        (THUMB, 2, 4),
        (KZ, 2, 4),
        (UZ, 2, 4),
        (MATH, 3, 5),
        (SHORT_I, 2, 2),
        (E_ACUTE, 2, 2),
        ("\u00ad\u00a0\u202f", 3, 3),
        ("\r\n", 2, 2),
    ],
)
def test_lengths(text, cp_length, u16_length):
    assert len(text) == cp_length
    assert utf16_length(text) == u16_length
    m = OffsetMap(text)
    assert (m.length, m.utf16_length) == (cp_length, u16_length)
    assert m.is_identity == (cp_length == u16_length)


def test_exact_values_russian_with_emoji():
    text = "Ташкент 😀 15 ноября"
    m = OffsetMap(text)
    # "15" starts at code point 10 but at UTF-16 unit 11: the emoji is two units.
    assert text[10:12] == "15"
    assert m.to_utf16(8) == codepoint_to_utf16(text, 8) == 8  # the emoji itself
    assert m.to_utf16(9) == codepoint_to_utf16(text, 9) == 10  # just after it
    assert m.to_utf16(10) == 11
    assert len(text) == 19
    assert m.to_utf16(19) == m.utf16_length == 20
    assert m.span_to_utf16(8, 9) == (8, 10)
    assert m.span_to_utf16(10, 12) == (11, 13)
    assert m.span_to_codepoint(11, 13) == (10, 12)
    assert utf16_to_codepoint(text, 20) == 19
    with pytest.raises(OffsetError):
        m.to_codepoint(9)
    with pytest.raises(OffsetError):
        utf16_to_codepoint(text, 9)
    with pytest.raises(OffsetError):
        m.span_to_codepoint(8, 9)


def test_exact_values_on_mixed_text():
    m = OffsetMap(TEXT)
    # Second line: after "Ташкент 😀 15 ноября\r\n" (21 code points, 22 units).
    line2 = TEXT.index(THUMB)
    assert line2 == 21
    assert m.to_utf16(line2) == 22
    kz = TEXT.index(KZ)
    assert m.span_to_utf16(kz, kz + 2) == (22 + 5, 22 + 9)  # after 👍🏽 (4 units) + space
    a = TEXT.index("\U0001d400")
    assert m.span_to_utf16(a, a + 1) == (m.to_utf16(kz) + 10, m.to_utf16(kz) + 12)
    # Everything after the astral characters is shifted by their count (1 + 2 + 2 + 2 + 2).
    soft = TEXT.index("\u00ad")
    assert m.to_utf16(soft) == soft + 9
    assert m.to_utf16(len(TEXT)) == len(TEXT) + 9 == m.utf16_length


@pytest.mark.parametrize("text", [TEXT, BMP_TEXT, "", "😀", "😀😀", "a😀", "😀a", THUMB + KZ])
def test_every_codepoint_round_trips(text):
    m = OffsetMap(text)
    seen = []
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert codepoint_to_utf16(text, cp) == u16
        assert m.to_codepoint(u16) == cp
        assert utf16_to_codepoint(text, u16) == cp
        assert not inside_pair(text, u16)
        seen.append(u16)
    assert seen == sorted(set(seen))  # strictly increasing


@pytest.mark.parametrize("text", [TEXT, BMP_TEXT])
def test_utf16_slices_match_str_slices(text):
    data = text.encode("utf-16-le")
    m = OffsetMap(text)
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 12) + 1):
            u_start, u_end = m.span_to_utf16(start, end)
            assert data[2 * u_start : 2 * u_end].decode("utf-16-le") == text[start:end]
            assert m.span_to_codepoint(u_start, u_end) == (start, end)


def test_every_utf16_position_either_maps_or_raises_inside_pair():
    m = OffsetMap(TEXT)
    inside = 0
    for u16 in range(m.utf16_length + 1):
        if inside_pair(TEXT, u16):
            inside += 1
            with pytest.raises(OffsetError):
                m.to_codepoint(u16)
            with pytest.raises(OffsetError):
                utf16_to_codepoint(TEXT, u16)
        else:
            cp = m.to_codepoint(u16)
            assert utf16_to_codepoint(TEXT, u16) == cp
            assert m.to_utf16(cp) == u16
    assert inside == 9  # one per astral character


def test_bmp_text_is_identity():
    m = OffsetMap(BMP_TEXT)
    assert m.is_identity
    assert m.utf16_length == m.length == len(BMP_TEXT)
    for i in range(len(BMP_TEXT) + 1):
        assert m.to_utf16(i) == i == m.to_codepoint(i)
        assert codepoint_to_utf16(BMP_TEXT, i) == i == utf16_to_codepoint(BMP_TEXT, i)


@pytest.mark.parametrize("text", [TEXT, BMP_TEXT, ""])
def test_out_of_range_raises(text):
    m = OffsetMap(text)
    for bad in (-1, -100):
        for convert in (m.to_utf16, m.to_codepoint):
            with pytest.raises(OffsetError):
                convert(bad)
        with pytest.raises(OffsetError):
            codepoint_to_utf16(text, bad)
        with pytest.raises(OffsetError):
            utf16_to_codepoint(text, bad)
    with pytest.raises(OffsetError):
        m.to_utf16(m.length + 1)
    with pytest.raises(OffsetError):
        codepoint_to_utf16(text, len(text) + 1)
    with pytest.raises(OffsetError):
        m.to_codepoint(m.utf16_length + 1)
    with pytest.raises(OffsetError):
        utf16_to_codepoint(text, utf16_length(text) + 1)
    # The end itself is a valid position.
    assert m.to_codepoint(m.to_utf16(m.length)) == m.length


def test_reversed_span_raises():
    m = OffsetMap(TEXT)
    with pytest.raises(OffsetError):
        m.span_to_utf16(5, 4)
    with pytest.raises(OffsetError):
        m.span_to_codepoint(5, 4)


def test_offset_map_agrees_with_functions_on_random_text():
    rng = random.Random(20240515)
    bmp = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВ.,«»\u00ad\u00a0\r\n\u0306"
    astral = ["😀", "\U0001f44d", "\U0001f3fd", "\U0001f1f0", "\U0001d400", "\U0001d538"]
    for _ in range(60):
        n = rng.randint(0, 120)
        text = "".join(rng.choice(astral if rng.random() < 0.2 else bmp) for _ in range(n))
        m = OffsetMap(text)
        assert m.utf16_length == utf16_length(text) == len(units(text))
        for cp in range(len(text) + 1):
            assert m.to_utf16(cp) == codepoint_to_utf16(text, cp)
        for u16 in range(m.utf16_length + 1):
            if inside_pair(text, u16):
                with pytest.raises(OffsetError):
                    m.to_codepoint(u16)
                with pytest.raises(OffsetError):
                    utf16_to_codepoint(text, u16)
            else:
                assert m.to_codepoint(u16) == utf16_to_codepoint(text, u16)
