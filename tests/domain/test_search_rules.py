"""The search rules on plain text: case, ё, lemmas, phrases, prefixes, and offsets that slice the text."""

from __future__ import annotations

import pytest

from annotator.domain.search import QueryError, TermKind, locate, parse, snippet, word_forms

TEXT = ("Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент. Шавкат Мирзиёев встретил Токаева. "
        "Переговоры прошли в узком составе; о переговорах сообщили позже.")


def found(query: str, text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in locate(parse(query), text)]


def test_case_is_folded_for_cyrillic():
    assert found("токаев") == ["Токаев", "Токаева"]
    assert found("ТОКАЕВ") == found("Токаев")


def test_yo_and_ye_are_one_letter_both_ways():
    assert found("Мирзиеев") == ["Мирзиёев"]
    text = "Мирзиеев сказал"  # the text without ё, the query with it
    assert found("Мирзиёев", text) == ["Мирзиеев"]


def test_a_word_finds_its_other_forms_by_lemma():
    assert found("переговоры") == ["Переговоры", "переговорах"]
    assert found("Токаева") == ["Токаев", "Токаева"]


def test_a_word_does_not_find_unrelated_words():
    assert found("Ташкентом") == ["Ташкент"]
    assert found("самолёт") == []


def test_quoted_phrase_needs_the_words_adjacent_in_order_as_written():
    assert found('"Шавкат Мирзиеев"') == ["Шавкат Мирзиёев"]
    assert found('"Мирзиёев Шавкат"') == []
    assert found('"прибыл Ташкент"') == []  # "в" between them
    assert found('"о переговорах"') == ["о переговорах"]
    assert found('"о переговоры"') == []  # quotes mean the form as written, not the lemma


def test_prefix_form_finds_every_word_starting_so():
    assert found("перегов*") == ["Переговоры", "переговорах"]
    assert found('"шавкат мирз"*') == ["Шавкат Мирзиёев"]


def test_every_term_must_be_in_the_text_and_each_is_a_hit():
    assert found("Токаев Ташкент") == ["Токаев", "Ташкент", "Токаева"]
    assert found("Токаев Самарканд") == []


def test_a_hyphenated_word_is_a_phrase_of_its_parts_by_lemma():
    assert found("Касым-Жомарта") == ["Касым-Жомарт"]


def test_offsets_are_code_points_and_slice_the_hit_after_emoji_and_crlf():
    text = "🇰🇿 Визит 👍🏽\r\nТокаев прибыл.\r\n«Мирзиёев» встретил 😀 ТОКАЕВА\r\n"
    hits = locate(parse("токаев"), text)
    assert [text[s:e] for s, e in hits] == ["Токаев", "ТОКАЕВА"]
    assert hits[0] == (text.index("Токаев"), text.index("Токаев") + 6)
    (start, end), = locate(parse("мирзиеев"), text)
    assert text[start:end] == "Мирзиёев"
    assert text[start - 1] == "«" and text[end] == "»"
    (start, end), = locate(parse('"прибыл мирзиеев"'), text)  # a phrase over CRLF and a quote mark
    assert text[start:end] == "прибыл.\r\n«Мирзиёев"


def test_bad_queries_are_refused():
    with pytest.raises(QueryError):
        parse('"не закрыта')
    with pytest.raises(QueryError):
        parse(" — ... ")


def test_parse_kinds():
    (phrase,) = parse("токаев").phrases
    assert phrase.terms[0].kind is TermKind.LEMMA and "токаев" in phrase.terms[0].lemmas
    (phrase,) = parse("ток*").phrases
    assert phrase.terms[0].kind is TermKind.PREFIX and phrase.terms[0].word == "ток"


def test_word_forms_are_what_an_index_of_words_is_asked_for_a_word_by_lemma():
    forms, stems = word_forms("переговоры")
    assert {"переговоров", "переговорах", "переговоры"} <= forms
    assert "человек" in word_forms("люди")[0] and "людей" in word_forms("люди")[0]
    assert "токаев" in word_forms("токаев")[1]  # an unknown name: its forms come by prefix
    assert not any("ё" in w or w != w.lower() for w in forms | stems)


def test_snippet_marks_the_hit_in_one_line_of_context():
    text = "Первая строка.\r\nВторая строка, где Токаев сказал важное.\nТретья строка."
    start = text.index("Токаев")
    s = snippet(text, start, start + 6, width=20)
    assert s.match == "Токаев"
    assert "\n" not in s.before + s.after and "\r" not in s.before + s.after
    assert (s.before + s.match + s.after).replace("…", "") in " ".join(text.split())
