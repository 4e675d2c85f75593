import random
from collections.abc import Sequence

import pytest

from annotator.domain.tokens import (
    Token,
    next_token_index,
    previous_token_index,
    sentences,
    snap_to_tokens,
    token_at,
    tokenize,
)

TEXT = (
    "Президент Казахстана Касым-Жомарт Токаев заявил: "
    "«товарооборот достиг $4 млрд». Думаю, да."
)
EMOJI_TEXT = "Ташкент 😀 15 ноября.\r\nТокаев 👍🏽 заявил: «да».\r\n\r\nКонец."


def at(text: str, sub: str, skip: int = 0) -> int:
    """Code point offset of ``sub`` in ``text`` plus ``skip``."""
    return text.index(sub) + skip


def assert_slices(text: str, tokens: list[Token]) -> None:
    previous_end = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.text and t.text == t.text.strip()
        assert previous_end <= t.start < t.end
        previous_end = t.end


def test_tokens_of_russian_news():
    tokens = tokenize(TEXT)
    assert [t.text for t in tokens] == [
        "Президент", "Казахстана", "Касым-Жомарт", "Токаев", "заявил", ":",
        "«", "товарооборот", "достиг", "$", "4", "млрд", "»", ".", "Думаю", ",", "да", ".",
    ]  # fmt: skip
    assert_slices(TEXT, tokens)
    assert tokens[0] == Token(0, 9, "Президент")
    assert tokens[2] == Token(21, 33, "Касым-Жомарт")
    assert tokens[-1] == Token(89, 90, ".")


def test_token_is_frozen():
    with pytest.raises(AttributeError):
        tokenize(TEXT)[0].start = 3  # type: ignore[misc]


def test_sentences_of_russian_news():
    sents = sentences(TEXT)
    assert [s.text for s in sents] == [
        "Президент Казахстана Касым-Жомарт Токаев заявил: «товарооборот достиг $4 млрд».",
        "Думаю, да.",
    ]
    assert_slices(TEXT, sents)
    assert (sents[1].start, sents[1].end) == (80, 90)


def test_emoji_and_crlf_keep_code_point_offsets():
    tokens = tokenize(EMOJI_TEXT)
    assert_slices(EMOJI_TEXT, tokens)
    assert [t.text for t in tokens[:5]] == ["Ташкент", "😀", "15", "ноября", "."]
    # Code points: the emoji is one position, so "15" starts at 10 (not 11 as in UTF-16).
    assert tokens[1] == Token(8, 9, "😀")
    assert tokens[2] == Token(10, 12, "15")
    thumb = next(t for t in tokens if t.text.startswith("\U0001f44d"))
    assert thumb.text == "👍🏽" and thumb.end - thumb.start == 2
    sents = sentences(EMOJI_TEXT)
    assert [s.text for s in sents] == ["Ташкент 😀 15 ноября.", "Токаев 👍🏽 заявил: «да».", "Конец."]
    assert_slices(EMOJI_TEXT, sents)


def test_blank_text_has_no_tokens_or_sentences():
    for blank in ("", " ", "\r\n", "  \r\n\u00a0 "):
        assert tokenize(blank) == []
        assert sentences(blank) == []


def test_offsets_slice_on_random_text():
    rng = random.Random(7)
    pieces = list("абвгдежзийклмн АБВ.,!?«»-—:;()0123456789$%\u00ad\u00a0\u202f\t") + [
        "\r\n", "😀", "👍🏽", "🇰🇿", "𝐀", "и\u0306", "т.е.", "г.", "...", ":)",
    ]  # fmt: skip
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert_slices(text, tokenize(text))
        assert_slices(text, sentences(text))


@pytest.fixture
def tokens() -> list[Token]:
    return tokenize(TEXT)


def test_snap_start_mid_word(tokens):
    # "захстана Кас" -> "Казахстана Касым-Жомарт"
    assert snap_to_tokens(tokens, at(TEXT, "захстана"), at(TEXT, "Касым", 3)) == (10, 33)


def test_snap_end_mid_word(tokens):
    assert snap_to_tokens(tokens, 0, 5) == (0, 9)
    assert snap_to_tokens(tokens, at(TEXT, "Токаев"), at(TEXT, "Токаев", 1)) == (34, 40)


def test_snap_exact_token_is_unchanged(tokens):
    for t in tokens:
        assert snap_to_tokens(tokens, t.start, t.end) == (t.start, t.end)


def test_snap_whitespace_only_is_none(tokens):
    assert snap_to_tokens(tokens, 9, 10) is None  # the space after "Президент"
    assert snap_to_tokens(tokens, 79, 80) is None  # between the sentences
    assert snap_to_tokens(tokens, 90, 90) is None  # past the last token


def test_snap_with_surrounding_whitespace(tokens):
    # " К" touches only "Казахстана"; "заявил: " ends on whitespace after ":".
    assert snap_to_tokens(tokens, 9, 11) == (10, 20)
    assert snap_to_tokens(tokens, at(TEXT, "заявил"), at(TEXT, "«")) == (41, 48)


def test_snap_several_tokens(tokens):
    start = at(TEXT, "явил")
    end = at(TEXT, "товарооборот", 4)
    assert snap_to_tokens(tokens, start, end) == (41, 62)  # "заявил: «товарооборот"
    assert TEXT[41:62] == "заявил: «товарооборот"
    quote = at(TEXT, "«")
    # From inside "товарооборот" to just before "»": "товарооборот достиг $4 млрд".
    assert snap_to_tokens(tokens, quote + 3, at(TEXT, "»")) == (quote + 1, 77)
    assert snap_to_tokens(tokens, quote, at(TEXT, "»", 1)) == (quote, 78)  # the quotes too
    assert snap_to_tokens(tokens, 0, len(TEXT)) == (0, len(TEXT))


def test_snap_empty_selection(tokens):
    assert snap_to_tokens(tokens, 12, 12) == (10, 20)  # strictly inside "Казахстана"
    assert snap_to_tokens(tokens, 9, 9) is None  # at the end of "Президент"
    assert snap_to_tokens(tokens, 10, 10) is None  # at the start of "Казахстана"
    assert snap_to_tokens(tokens, 0, 0) is None


def test_snap_rejects_reversed_or_negative(tokens):
    with pytest.raises(ValueError):
        snap_to_tokens(tokens, 5, 4)
    with pytest.raises(ValueError):
        snap_to_tokens(tokens, -1, 4)


def test_snap_with_emoji_and_crlf():
    tokens = tokenize(EMOJI_TEXT)
    crlf = EMOJI_TEXT.index("\r\n")
    assert snap_to_tokens(tokens, crlf, crlf + 2) is None
    # From inside "ноября" across CRLF into "Токаев": ends after the CRLF.
    start, end = snap_to_tokens(tokens, at(EMOJI_TEXT, "ября"), at(EMOJI_TEXT, "Ток", 1))
    assert EMOJI_TEXT[start:end] == "ноября.\r\nТокаев"
    # Inside the two-code-point 👍🏽 (between base and skin tone) snaps to the whole emoji.
    thumb = EMOJI_TEXT.index("👍🏽")
    assert snap_to_tokens(tokens, thumb + 1, thumb + 1) == (thumb, thumb + 2)
    start, end = snap_to_tokens(tokens, EMOJI_TEXT.index("😀"), at(EMOJI_TEXT, "15", 1))
    assert EMOJI_TEXT[start:end] == "😀 15"
    assert snap_to_tokens([], 0, 3) is None


class CountingTokens(Sequence[Token]):
    """A token sequence that counts item reads (iteration included), to prove nothing scans."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self.reads = 0

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, index):  # type: ignore[override]
        self.reads += 1
        return self._tokens[index]


def test_snap_and_lookups_are_logarithmic():
    tokens = CountingTokens([Token(2 * i, 2 * i + 1, "x") for i in range(150_000)])
    assert snap_to_tokens(tokens, 100_001, 200_000) == (100_002, 199_999)
    assert token_at(tokens, 150_000) == 75_000
    assert next_token_index(tokens, 150_000) == 75_001
    assert previous_token_index(tokens, 150_000) == 74_999
    assert 0 < tokens.reads < 200  # ~4 * 2 * log2(150k), not 150k


def test_token_at(tokens):
    assert token_at(tokens, 0) == 0
    assert token_at(tokens, 8) == 0  # last character of "Президент"
    assert token_at(tokens, 9) is None  # the space (end is exclusive)
    assert token_at(tokens, 10) == 1
    assert token_at(tokens, 47) == 5  # ":" right after "заявил" (end of one is start of next)
    assert token_at(tokens, 89) == 17
    assert token_at(tokens, 90) is None  # len(TEXT)
    assert token_at(tokens, -1) is None
    assert token_at([], 0) is None


def test_next_token_index(tokens):
    assert next_token_index(tokens, 0) == 1  # from a token's start: the next token
    assert next_token_index(tokens, 5) == 1  # from inside a token
    assert next_token_index(tokens, 9) == 1  # from the whitespace before a token
    assert next_token_index(tokens, 41) == 5  # "заявил" -> ":"
    assert next_token_index(tokens, 89) is None  # on the last token
    assert next_token_index(tokens, -3) == 0
    assert next_token_index([], 0) is None


def test_previous_token_index(tokens):
    assert previous_token_index(tokens, 0) is None
    assert previous_token_index(tokens, 5) == 0  # from inside: this token's start
    assert previous_token_index(tokens, 9) == 0  # from its end
    assert previous_token_index(tokens, 10) == 0  # from a token's start: the previous token
    assert previous_token_index(tokens, 47) == 4  # ":" -> "заявил"
    assert previous_token_index(tokens, 1000) == len(tokens) - 1
    assert previous_token_index([], 5) is None


def test_caret_walks_every_token_start(tokens):
    # Bounded loops: a helper that does not move the caret fails instead of hanging.
    caret, forward = 0, []
    for _ in range(len(tokens) + 1):
        if (i := next_token_index(tokens, caret)) is None:
            break
        caret = tokens[i].start
        forward.append(caret)
    assert forward == [t.start for t in tokens[1:]]
    caret, backward = len(TEXT), []
    for _ in range(len(tokens) + 1):
        if (i := previous_token_index(tokens, caret)) is None:
            break
        caret = tokens[i].start
        backward.append(caret)
    assert backward == [t.start for t in reversed(tokens)]
