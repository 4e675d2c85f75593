"""The speaker key proposes the mention the reporting construction names, then the rest by distance."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from annotator.domain.model import Claim, Cue, Span
from annotator.domain.speaker_choice import distance_candidates, speaker_candidates

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fixtures.make_speaker_eval import document_text  # noqa: E402

LABELS = ("PER", "ORG", "ROLE")


def mentions(text: str, *marked: tuple[str, str]) -> list[Span]:
    """Every occurrence of each (words, label) as a mention, ids 1, 2, ... in text order."""
    found = [(m.start(), m.end(), label) for words, label in marked for m in re.finditer(re.escape(words), text)]
    return [Span(i, s, e, label) for i, (s, e, label) in enumerate(sorted(found), 1)]


def extent(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def proposed(text: str, claim: str, spans: list[Span], **kwargs) -> list[str]:
    order = speaker_candidates(*extent(text, claim), spans, LABELS, text=text, **kwargs)
    return [text[s.start:s.end] for s in order]


def by_distance(text: str, claim: str, spans: list[Span]) -> list[str]:
    return [text[s.start:s.end] for s in distance_candidates(*extent(text, claim), spans, LABELS)]


def test_sample_corpus_tokayev_before_otmetil_not_the_head_of_state_after_the_quote():
    text = document_text("000_598509fc61278558")
    spans = mentions(text, ("Касым-Жомарт Токаев", "PER"), ("Глава государства", "ROLE"))
    claim = "мы будем всесторонне поддерживать эту положительную динамику"
    assert by_distance(text, claim, spans)[0] == "Глава государства"  # the old proposal: right after the quote
    first = speaker_candidates(*extent(text, claim), spans, LABELS, text=text)[0]
    assert (first.start, text[first.start:first.end]) == (text.index("Касым-Жомарт Токаев"), "Касым-Жомарт Токаев")


def test_putin_before_zayavil_not_lavrov_after_the_quote():
    text = ("Владимир Путин заявил: «Россия готова к переговорам без предварительных условий». "
            "Сергей Лавров позднее уточнил детали.")
    spans = mentions(text, ("Владимир Путин", "PER"), ("Сергей Лавров", "PER"))
    claim = "Россия готова к переговорам без предварительных условий"
    assert by_distance(text, claim, spans)[0] == "Сергей Лавров"
    assert proposed(text, claim, spans) == ["Владимир Путин", "Сергей Лавров"]


def test_the_subject_is_a_nominative_not_the_nearer_dative():
    text = ("Касым-Жомарт Токаев выразил благодарность президенту Шавкату Мирзиёеву за гостеприимство "
            "и подчеркнул, что целью визита является укрепление дружбы.")
    spans = mentions(text, ("Касым-Жомарт Токаев", "PER"), ("президенту Шавкату Мирзиёеву", "PER"))
    assert proposed(text, "целью визита является укрепление дружбы", spans)[0] == "Касым-Жомарт Токаев"


def test_an_inverted_subject_after_the_verb_and_the_outlet_after_it_comes_second():
    text = ("В Ташкенте Шавкат Мирзиёев открыл форум. Товарооборот вырос вдвое, заявил на пресс-конференции "
            "Касым-Жомарт Токаев, сообщает Zakon.kz.")
    spans = mentions(text, ("Шавкат Мирзиёев", "PER"), ("Касым-Жомарт Токаев", "PER"), ("Zakon.kz", "ORG"))
    assert by_distance(text, "Товарооборот вырос вдвое", spans)[0] == "Шавкат Мирзиёев"
    assert proposed(text, "Товарооборот вырос вдвое", spans)[:2] == ["Касым-Жомарт Токаев", "Zakon.kz"]


def test_po_slovam_and_po_mneniyu_name_the_mention_after_them_the_name_of_an_apposition_first():
    text = ("По мнению Главы государства Касым-Жомарта Токаева, высказанному на долгом заседании совета, "
            "перспективным видится сотрудничество. Министр Петров согласился.")
    spans = mentions(text, ("Министр Петров", "ROLE"), ("Главы государства", "ROLE"), ("Касым-Жомарта Токаева", "PER"))
    assert by_distance(text, "перспективным видится сотрудничество", spans)[0] == "Министр Петров"
    assert proposed(text, "перспективным видится сотрудничество", spans)[:2] == [
        "Касым-Жомарта Токаева", "Главы государства"]


def test_a_pronoun_goes_to_the_nearest_preceding_speaker_like_mention_of_a_person():
    # "он" of "— отметил он" is the head of state who spoke before, not the ORG, not the instrumental
    text = ("Глава государства сообщил о переговорах с президентом Узбекистана.\n"
            "— Товарооборот достигнет 10 млрд долларов, — отметил он на встрече в Ташкенте, где работает UzKazTrade.")
    spans = mentions(text, ("Глава государства", "ROLE"), ("президентом Узбекистана", "ROLE"), ("UzKazTrade", "ORG"))
    assert by_distance(text, "Товарооборот достигнет 10 млрд долларов", spans)[0] == "президентом Узбекистана"
    assert proposed(text, "Товарооборот достигнет 10 млрд долларов", spans)[0] == "Глава государства"


def test_po_ego_slovam_resolves_the_possessive():
    text = "Глава государства призвал к новым проектам. По его словам, Казахстан готов к работе. Министр Петров согласился."
    spans = mentions(text, ("Глава государства", "ROLE"), ("Министр Петров", "ROLE"))
    assert by_distance(text, "Казахстан готов к работе", spans)[0] == "Министр Петров"
    assert proposed(text, "Казахстан готов к работе", spans) == ["Глава государства", "Министр Петров"]


def test_every_sentence_of_a_quote_takes_the_verb_at_the_end_of_its_paragraph():
    text = ("Министр Иванов открыл заседание.\n"
            "— Растет число предприятий. Снимаются барьеры. Торговля выросла, — заявил Президент.")
    spans = mentions(text, ("Министр Иванов", "ROLE"), ("Президент", "ROLE"))
    assert by_distance(text, "Растет число предприятий", spans)[0] == "Министр Иванов"
    for claim in ("Растет число предприятий", "Снимаются барьеры", "Торговля выросла"):
        assert proposed(text, claim, spans)[0] == "Президент"


def test_a_continuation_takes_the_previous_claims_speaker():
    text = ("Иван Петров встретился с Анной Смирновой. Он сообщил, что завод откроется весной.\n"
            "\"Рабочих мест станет больше. Зарплаты вырастут.\"")
    spans = mentions(text, ("Иван Петров", "PER"), ("Анной Смирновой", "PER"))
    earlier = Claim("C1", *extent(text, "завод откроется весной"), "PLAN", speaker=1)
    assert proposed(text, "Зарплаты вырастут", spans, claims=[earlier])[0] == "Иван Петров"


def test_the_cue_marked_decides_even_with_an_unlisted_verb():
    text = "Касым-Жомарт Токаев пригласил узбекскую сторону к партнерству, а Шавкат Мирзиёев согласился."
    spans = mentions(text, ("Касым-Жомарт Токаев", "PER"), ("Шавкат Мирзиёев", "PER"))
    claim = "узбекскую сторону к партнерству"
    cue = Cue(*extent(text, "пригласил"))
    assert proposed(text, claim, spans, cue=cue)[0] == "Касым-Жомарт Токаев"


def test_an_indefinite_personal_verb_takes_the_source_after_v():
    text = "Президент уехал. «Стороны приветствовали подписание соглашения», — отметили в пресс-службе."
    spans = mentions(text, ("пресс-службе", "ORG"), ("Президент", "ROLE"))
    assert by_distance(text, "Стороны приветствовали подписание соглашения", spans)[0] == "Президент"
    assert proposed(text, "Стороны приветствовали подписание соглашения", spans)[0] == "пресс-службе"


def test_ob_etom_soobshchaet_in_the_next_sentence():
    text = "В ходе визита президента Казахстана запущен центр кооперации. Об этом сообщает пресс-служба узбекского лидера."
    spans = mentions(text, ("президента Казахстана", "ROLE"), ("пресс-служба узбекского лидера", "ORG"))
    assert proposed(text, "запущен центр кооперации", spans)[0] == "пресс-служба узбекского лидера"


@pytest.mark.parametrize("claim", ["Растет число совместных предприятий", "Казахстан готов к взаимовыгодной работе"])
def test_the_new_order_is_the_same_candidates_as_the_old(claim):
    text = document_text("000_598509fc61278558")
    spans = mentions(text, ("Касым-Жомарт Токаев", "PER"), ("Глава государства", "ROLE"), ("Президент", "ROLE"),
                     ("Шавката Мирзиёева", "PER"))
    spans.append(Span(99, 0, 4, "GPE"))  # not a speaker label: never proposed
    new = speaker_candidates(*extent(text, claim), spans, LABELS, text=text)
    old = distance_candidates(*extent(text, claim), spans, LABELS)
    assert sorted(s.id for s in new) == sorted(s.id for s in old) and 99 not in {s.id for s in new}
    assert len(new) == len(old)


def test_without_text_the_order_is_the_distance_order():
    text = "Токаев отметил, что товарооборот вырос, — сказал Мирзиёев."
    spans = mentions(text, ("Токаев", "PER"), ("Мирзиёев", "PER"))
    claim = extent(text, "товарооборот вырос")
    assert speaker_candidates(*claim, spans, LABELS) == distance_candidates(*claim, spans, LABELS)


def test_no_mentions_no_candidates():
    assert speaker_candidates(0, 5, [], LABELS, text="Он сказал: всё хорошо.") == []


def test_v_kompanii_x_soobshchili_names_the_company_before_the_plural_verb():
    text = ("В компании «Газпром» сообщили, что экспорт газа вырос на 40%. "
            "Представитель компании Сергей Куприянов уточнил детали.")
    spans = mentions(text, ("«Газпром»", "ORG"), ("Представитель компании Сергей Куприянов", "PER"))
    assert by_distance(text, "экспорт газа вырос на 40%", spans)[0] == "Представитель компании Сергей Куприянов"
    assert proposed(text, "экспорт газа вырос на 40%", spans)[0] == "«Газпром»"


def test_an_annotated_pronoun_subject_comes_first_and_its_antecedent_next():
    text = ("Председатель ЦБ Эльвира Набиуллина выступила в Госдуме. Депутаты слушали. "
            "Она отметила, что инфляция замедляется.")
    spans = mentions(text, ("Председатель ЦБ Эльвира Набиуллина", "PER"), ("Госдуме", "ORG"), ("Она", "PER"))
    assert proposed(text, "инфляция замедляется", spans)[:2] == ["Она", "Председатель ЦБ Эльвира Набиуллина"]
