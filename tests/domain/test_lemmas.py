"""Lemmas (pymorphy3): matching speakers' names across case forms, dictionary forms of units."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from annotator.domain import lemmas
from annotator.domain.lemmas import matches, noun_phrase_lemma, text_lemmas, word_lemmas


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Токаев", "Касым-Жомарта Токаева"),
        ("президент Токаев", "Президента Касым-Жомарта Токаева"),
        ("мирзиёев", "Шавката Мирзиёева"),
        ("Мирзиеев", "Шавката Мирзиёева"),  # "ё" written as "е"
        ("Касым-Жомарт", "Касым-Жомарта Токаева"),
        ("глава государства", "Главы государства"),
        ("токаев", "Касым-Жомарт Токаев"),  # a plain substring, case aside
        ("Шавкат Мирзиёев", "Президенту Узбекистана Шавкату Мирзиёеву"),
    ],
)
def test_matches(query: str, text: str) -> None:
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Мирзиёев", "Касым-Жомарт Токаев"),
        ("Токаев", "Шавката Мирзиёева"),
        ("Президент Мирзиёев", "Президента Касым-Жомарта Токаева"),  # one word of two matches
        ("Путин", "Глава государства"),
        ("Токаев", ""),
    ],
)
def test_does_not_match(query: str, text: str) -> None:
    assert not matches(query, text)


@pytest.mark.parametrize(
    ("phrase", "lemma"),
    [
        ("рабочих мест", "рабочее место"),
        ("совместных предприятий", "совместное предприятие"),
        ("совместных проектов", "совместный проект"),
        ("тонн", "тонна"),
        ("единиц техники", "единица техники"),
        ("новых рабочих мест", "новое рабочее место"),  # "рабочих" could be a noun too
        ("Рабочих мест", "рабочее место"),
        ("государств", "государство"),
        ("раза", "раз"),
        ("суток", "сутки"),  # no singular
        ("МВт", "МВт"),  # an abbreviation keeps its capitals
    ],
)
def test_noun_phrase_lemma(phrase: str, lemma: str) -> None:
    assert noun_phrase_lemma(phrase) == lemma


def test_word_lemmas_keep_every_reading_and_the_word() -> None:
    # The likeliest parse is a woman's name; the surname's must be there too.
    assert {"токаева", "токаев"} <= word_lemmas("Токаева")
    # "Токаев" only parses as a form of "токай": the word itself must be kept.
    assert "токаев" in word_lemmas("Токаев")
    assert "касым-жомарт" in word_lemmas("Касым-Жомарта")
    assert all(lemma == lemma.lower() for lemma in word_lemmas("Президента"))


def test_text_lemmas_one_set_per_word_hyphenated_names_whole() -> None:
    result = text_lemmas("Президента Касым-Жомарта Токаева, 2025.")
    assert len(result) == 3
    assert "президент" in result[0]
    assert "касым-жомарт" in result[1]
    assert "токаев" in result[2]


def test_analyzer_is_created_lazily_once_and_shared_by_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    code = (
        "import annotator.domain.lemmas as l, annotator.domain.quantities\n"
        "assert l._analyzer is None, 'created at import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    monkeypatch.setattr(lemmas, "_analyzer", None)  # race eight threads to create it
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(lemmas.analyzer())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(a is seen[0] for a in seen)
    assert lemmas.analyzer() is seen[0]
