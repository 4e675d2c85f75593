"""What the document list calls a document: meta's title, else the first line, shortened."""

from annotator.domain.model import TITLE_CHARS, list_title


def test_meta_title_first_then_the_first_non_empty_line():
    assert list_title({"title": "  Саммит  в Ташкенте "}, "Первая строка\nвторая") == "Саммит в Ташкенте"
    assert list_title({"title": ""}, "\n\n  Первая   строка \nвторая") == "Первая строка"
    assert list_title(None, "") == ""
    assert list_title({}, "РУ\nТАШКЕНТ, 15 ноября — Sputnik.") == "ТАШКЕНТ, 15 ноября — Sputnik."  # not a dateline
    assert list_title({}, "Итоги\n") == "Итоги"  # one word, and nothing better


def test_a_long_line_is_cut_with_an_ellipsis():
    title = list_title({}, "слово " * 100)
    assert len(title) == TITLE_CHARS and title.endswith("…")
