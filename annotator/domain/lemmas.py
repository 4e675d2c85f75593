"""Lemmas of Russian words (pymorphy3): matching names across their case forms.

The analyser is made once, on first use, not at import (making it costs about
0.3 s), and shared by every thread: pymorphy3's analyser is
read-only once built, so only its creation is guarded by a lock.

Words are razdel tokens that hold at least one letter; a hyphenated name
("Касым-Жомарта") is one word.
"""

from __future__ import annotations

import functools
import itertools
import threading
from typing import TYPE_CHECKING

import razdel

if TYPE_CHECKING:  # pragma: no cover
    import pymorphy3

_analyzer: pymorphy3.MorphAnalyzer | None = None
_analyzer_lock = threading.Lock()

# Grammemes of the parts of speech that agree with a noun as its modifiers
# (adjectives, participles, ordinal numbers like "второй", pronouns like "наш").
_MODIFIER_POS = frozenset({"ADJF", "PRTF"})
_NOUN_POS = frozenset({"NOUN"})


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The one shared ``pymorphy3.MorphAnalyzer``, created on first call."""
    global _analyzer
    if _analyzer is None:
        with _analyzer_lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


def load_in_background() -> None:
    """Make the analyser on a thread of its own, so that the first lemma asked for (an entity's
    proposals read ahead while the caret rests on a new mention, a search) does not keep a
    window's task runner, and the action queued behind it, waiting the 0.3 s it takes."""
    if _analyzer is None:
        threading.Thread(target=analyzer, name="annotator-morphology", daemon=True).start()


def _has_letter(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def words(text: str) -> list[str]:
    """The words of ``text``: razdel tokens holding a letter."""
    return [t.text for t in razdel.tokenize(text) if _has_letter(t.text)]


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@functools.lru_cache(maxsize=65536)
def word_lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 proposes for ``word``, lower-cased, and the word itself.

    All parses count, not only the likeliest: a surname is ambiguous ("Токаева"
    parses first as a woman's name "токаева", but also as the genitive of
    "токаев"), and an unknown nominative may get no parse of its own ("Токаев"
    only parses as "токай"), hence the word itself. A hyphenated word also
    yields the lemmas of its parts, and each combination of them joined by a
    hyphen ("Касым-Жомарта" -> "касым-жомарт", "касым", "жомарт", ...).
    """
    word = word.strip()
    if not word:
        return frozenset()
    morph = analyzer()
    lemmas = {word.lower()}
    lemmas.update(p.normal_form.lower() for p in morph.parse(word))
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        part_lemmas = [sorted(word_lemmas(p)) for p in parts]
        lemmas.update(itertools.chain.from_iterable(part_lemmas))
        if len(parts) <= 3:
            lemmas.update("-".join(combo) for combo in itertools.product(*part_lemmas))
    return frozenset(lemmas)


def text_lemmas(text: str) -> list[frozenset[str]]:
    """The lemmas of each word of ``text``, in order (see :func:`word_lemmas`)."""
    return [word_lemmas(w) for w in words(text)]


def matches(query: str, text: str) -> bool:
    """Whether ``query`` names what ``text`` names, whatever the case forms.

    Used by ``annotator claims --speaker`` to pick the claims whose speaker's
    mention (or linked entity) matches what the user typed. Case-insensitive
    (and "ё" counts as "е"); true when the query is a substring of the text, or
    when every word of the query shares a lemma with some word of the text:
    "Токаев" matches "Касым-Жомарта Токаева", "президент Токаев" matches
    "Президента Касым-Жомарта Токаева", "мирзиёев" matches "Шавката
    Мирзиёева"; "Мирзиёев" does not match "Касым-Жомарт Токаев". An empty
    query matches every text.
    """
    if _fold(query) in _fold(text):
        return True
    query_words = text_lemmas(query)
    if not query_words:
        return False
    text_words = [{_fold(lemma) for lemma in lemmas} for lemmas in text_lemmas(text)]
    for lemmas in query_words:
        folded = {_fold(lemma) for lemma in lemmas}
        if not any(folded & tw for tw in text_words):
            return False
    return True


# -- the dictionary form of a noun phrase ----------------------------------


def _agrees(modifier, noun) -> bool:
    """Whether a modifier's parse agrees with a noun's parse in case and number (and gender)."""
    m, n = modifier.tag, noun.tag
    if m.case != n.case or m.number != n.number:
        # Nouns of the second genitive or locative ("году") agree with gent/loct adjectives.
        if m.number != n.number or not m.case or not n.case or m.case[:3] != n.case[:3]:
            return False
    if n.number == "sing" and m.gender and n.gender and m.gender != n.gender:
        return n.gender == "GNdr" or m.gender == "GNdr"
    return True


def _parses(word: str, pos: frozenset[str]):
    return [p for p in analyzer().parse(word) if p.tag.POS in pos]


def _keep_case(original: str, lemma: str) -> str:
    """Lower-case a form, unless the original is an abbreviation with capitals ("МВт", "ВВП")."""
    if sum(ch.isupper() for ch in original) > 1:
        return original
    return lemma.lower()


def _noun_nominative(noun) -> tuple[str, str | None, bool]:
    """The head noun in the nominative singular (or plural, if it has no singular).

    Returns (form, gender, plural_only)."""
    plural_only = "Pltm" in noun.tag
    target = {"nomn"} if plural_only else {"sing", "nomn"}
    form = noun.inflect(target)
    word = form.word if form is not None else noun.normal_form
    return word, noun.tag.gender, plural_only


def _modifier_nominative(modifier, gender: str | None, plural_only: bool) -> str:
    if plural_only or gender not in ("masc", "femn", "neut"):
        target = {"plur", "nomn"} if plural_only else {"sing", "nomn"}
    else:
        target = {gender, "sing", "nomn"}
    form = modifier.inflect(target)
    return form.word if form is not None else modifier.normal_form


def _split_head(tokens: list[str]):
    """Find the head noun: the first word that is not a modifier agreeing with a later noun.

    Returns (index of the head, its parse, {index: modifier parse}) or None.
    """
    noun_parses = [_parses(t, _NOUN_POS) for t in tokens]
    modifier_parses = [_parses(t, _MODIFIER_POS) for t in tokens]
    for i, token in enumerate(tokens):
        # Is this word a modifier of some later noun it agrees with (through
        # other agreeing modifiers only)?
        if modifier_parses[i]:
            found = _agreeing_head(i, modifier_parses, noun_parses)
            if found is not None:
                head, head_parse, chain = found
                return head, head_parse, chain
        if noun_parses[i]:
            return i, noun_parses[i][0], {}
    return None


def _agreeing_head(i, modifier_parses, noun_parses):
    """From word ``i`` (a possible modifier), the farthest noun that every word before it agrees with.

    Farthest, so that in "новых рабочих мест" the head is "мест", not "рабочих"
    (which can also be a noun). Returns (index, noun parse, {index: modifier parse}).
    """
    best = None
    for j in range(i + 1, len(noun_parses)):
        for noun in noun_parses[j]:
            chain = {}
            for k in range(i, j):
                agreeing = [m for m in modifier_parses[k] if _agrees(m, noun)]
                if not agreeing:
                    break
                chain[k] = agreeing[0]
            else:
                best = (j, noun, chain)
                break
        if not modifier_parses[j]:
            break
    return best


def noun_phrase_lemma(phrase: str) -> str:
    """The dictionary form of a short noun phrase: "рабочих мест" -> "рабочее место".

    The head noun goes to the nominative singular (nominative plural for a noun
    with no singular: "суток" -> "сутки"), the modifiers before it agree with it
    in gender ("совместных предприятий" -> "совместное предприятие"); words after
    the head stay as they are ("единиц техники" -> "единица техники"). Words are
    lower-cased, except abbreviations written with capitals ("МВт"). A phrase
    with no noun gives each word's likeliest normal form.
    """
    tokens = words(phrase)
    if not tokens:
        return phrase.strip()
    found = _split_head(tokens)
    if found is None:
        morph = analyzer()
        return " ".join(_keep_case(t, morph.parse(t)[0].normal_form) for t in tokens)
    head, noun, modifiers = found
    head_form, gender, plural_only = _noun_nominative(noun)
    out = []
    for k in range(head):
        modifier = modifiers.get(k)
        if modifier is None:  # a word before the head that does not agree: leave it
            out.append(tokens[k])
        else:
            out.append(_keep_case(tokens[k], _modifier_nominative(modifier, gender, plural_only)))
    out.append(_keep_case(tokens[head], head_form))
    out.extend(tokens[head + 1 :])
    return " ".join(out)
