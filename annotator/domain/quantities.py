"""Figures in Russian text: money, percentages and counts, as :class:`Quantity` values.

:func:`normalise` proposes the quantity of a claim (or of a MONEY/NUM span):
value, unit and period. :func:`find_quantities` finds every figure in a longer
text with its code-point offsets, to suggest MONEY and NUM spans.

Units follow the project's decision: ISO 4217 codes for money (``USD``,
``EUR``, ``RUB``, ``KZT``, ``UZS``, ``CNY``), ``%`` for percentages, otherwise
the lemmatised counted noun ("15 тысяч рабочих мест" -> ``рабочее место``,
"в 3 раза" -> ``раз``), or None when the figure counts nothing named.

Periods are ISO 8601 strings: a year ``"2030"`` ("к 2030 году", "в 2025
году"), a month ``"2025-09"`` ("за сентябрь 2025 года"), or an interval
``"2025-01/2025-09"`` ("за январь–сентябрь 2025 года", "за 9 месяцев 2025
года", "в первом полугодии 2025 года"), ``"2024/2025"`` ("в 2024–2025
годах"). Relative periods ("в прошлом году", "в этом году", "с начала года")
need the document's date (the ``date`` argument, ``YYYY-MM-DD``): without it
they give period None. "С начала года" is read as the date's year (the year to
date). A day ("15 ноября") is a date, not a period, and never a quantity.

What is not read as a figure: dates ("15 ноября", "15.11.2025",
"2025-11-15"), years ("2030" alone, "в 2025 году"), ordinals ("2-й",
"второй", "VII"), times ("10:30"), and "один" (mostly a pronoun: "одним из").
Number words ("двух стран", "полутора миллиардов") count only when a
multiplier, a currency, a percent or a noun follows them.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal, InvalidOperation

from annotator.domain.lemmas import analyzer, noun_phrase_lemma
from annotator.domain.model import Quantity

# -- tables ------------------------------------------------------------------

# Multipliers: (pattern, factor). Abbreviations keep their dot only when the
# figure goes on after it ("5 млрд. рублей"), never a sentence's full stop.
MULTIPLIERS: tuple[tuple[str, int], ...] = (
    (r"трлн(?:\.(?=\s*(?-i:[а-яёa-z$€₽₸%])))?(?!\w)|триллион(?:а|ов|ы|ам|ами|ах|е|у|ом)?(?!\w)", 10**12),
    (r"млрд(?:\.(?=\s*(?-i:[а-яёa-z$€₽₸%])))?(?!\w)|миллиард(?:а|ов|ы|ам|ами|ах|е|у|ом)?(?!\w)", 10**9),
    (r"млн(?:\.(?=\s*(?-i:[а-яёa-z$€₽₸%])))?(?!\w)|миллион(?:а|ов|ы|ам|ами|ах|е|у|ом)?(?!\w)", 10**6),
    (r"тыс(?:\.(?=\s*(?-i:[а-яёa-z$€₽₸%])))?(?!\w)|тысяч(?:а|и|е|у|ей|ью|ам|ами|ах)?(?!\w)", 10**3),
)
# A multiplier word in the singular stands for "one" of it: "около миллиарда долларов".
BARE_MULTIPLIER = r"(?:триллион|миллиард|миллион)(?:а|у|ом|е)?(?!\w)"

# Currency written after the figure: (pattern, ISO 4217 code).
CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"доллар(?:ов|а|ы|ам|ами|ах|е|у|ом)?(?:\s+США)?(?!\w)", "USD"),
    (r"долл(?:\.|(?!\w))(?:\s*США(?!\w))?", "USD"),
    (r"евро(?!\w)", "EUR"),
    (r"рубл(?:ь|я|ей|ям|ями|ях|е|ю|ем)(?!\w)", "RUB"),
    (r"руб(?:\.|(?!\w))", "RUB"),
    (r"тенге(?!\w)", "KZT"),
    (r"тг(?:\.|(?!\w))", "KZT"),
    (r"сум(?:а|ов|ы|ам|ами|ах|е|у|ом)?(?!\w)", "UZS"),
    (r"юан(?:ь|я|ей|и|ям|ями|ях|е|ю|ем)(?!\w)", "CNY"),
    (r"(?:USD|EUR|RUB|KZT|UZS|CNY)(?!\w)", ""),  # the code itself
)
# Currency signs, before or after the figure.
CURRENCY_SIGNS: dict[str, str] = {"$": "USD", "€": "EUR", "₽": "RUB", "₸": "KZT"}
PERCENT = r"%|процент(?:а|ов|ы|ам|ами|ах|е|у|ом)?(?!\w)|проц\."

# Number words: form -> value. "один" is left out on purpose (see the module doc).
_UNITS = {
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
}


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {
        "полтора": 1.5, "полторы": 1.5, "полутора": 1.5,
        "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
        "три": 3, "трех": 3, "трёх": 3, "трем": 3, "трём": 3, "тремя": 3,
        "четыре": 4, "четырех": 4, "четырёх": 4, "четырем": 4, "четырём": 4, "четырьмя": 4,
        "сорок": 40, "сорока": 40, "девяносто": 90, "девяноста": 90, "сто": 100, "ста": 100,
        "восьми": 8, "восьмью": 8,
    }
    for nom, value in _UNITS.items():  # пять, пяти, пятью
        words[nom] = value
        words[nom[:-1] + "и"] = value
        words[nom + "ю"] = value
    for stem, value in (("пят", 50), ("шест", 60), ("сем", 70), ("восем", 80)):
        words[stem + "ьдесят"] = value  # пятьдесят
        words[("восьми" if stem == "восем" else stem + "и") + "десяти"] = value  # пятидесяти
        words[stem + "ьюдесятью"] = value
    return words


NUMBER_WORDS: dict[str, float] = _number_words()

# Months: stem -> number, with the endings each takes.
MONTHS: tuple[tuple[str, str, int], ...] = (
    ("январ", "ь|я|е|ю|ём|ем", 1), ("феврал", "ь|я|е|ю|ём|ем", 2), ("март", "|а|е|у|ом", 3),
    ("апрел", "ь|я|е|ю|ем", 4), ("ма", "й|я|е|ю|ем", 5), ("июн", "ь|я|е|ю|ем", 6),
    ("июл", "ь|я|е|ю|ем", 7), ("август", "|а|е|у|ом", 8), ("сентябр", "ь|я|е|ю|ём|ем", 9),
    ("октябр", "ь|я|е|ю|ём|ем", 10), ("ноябр", "ь|я|е|ю|ём|ем", 11), ("декабр", "ь|я|е|ю|ём|ем", 12),
)
MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря")  # fmt: skip

# Ordinals of quarters and half-years.
ORDINALS: tuple[tuple[str, int], ...] = (
    (r"перв\w*|i|1", 1), (r"втор\w*|ii|2", 2), (r"трет\w*|iii|3", 3), (r"четв[её]рт\w*|iv|4", 4),
)

# Nouns a counted noun phrase goes on through: "единиц техники", "штук оборудования".
COUNTER_NOUNS = frozenset({"единица", "штука"})

# -- regular expressions built from the tables ---------------------------------

_SP = r"[ \u00a0\u202f\u2009]"  # the spaces that may sit inside a figure
_FLAGS = re.IGNORECASE
_MONTH_ANY = "(?:" + "|".join(f"{stem}(?:{ends})" for stem, ends, _ in MONTHS) + r")(?!\w)"
_YEAR_WORD = r"(?:год(?:а|у|ом|е)?|г\.|г(?!\w))"
_MULT = "|".join(f"(?:{p})" for p, _ in MULTIPLIERS)
_CURRENCY = "|".join(f"(?:{p})" for p, _ in CURRENCY_WORDS)
_SIGNS = "[" + re.escape("".join(CURRENCY_SIGNS)) + "]"
_NUMBER_WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?!\w)"

FIGURE_RE = re.compile(
    rf"""
    (?:(?P<sign>{_SIGNS}){_SP}?|(?<![\w.,:/$€₽₸]))
    (?:
        (?P<digits>(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)|\d+)(?:[.,]\d+)?)(?![\w:]|[.,]\d|-[а-яё])
      | (?P<words>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,2}})
      | (?P<bare>{BARE_MULTIPLIER})
    )
    (?:{_SP}?(?P<mult>{_MULT}))?
    (?:{_SP}?(?P<unit>{_SIGNS}|{PERCENT}|{_CURRENCY}))?
    """,
    _FLAGS | re.VERBOSE,
)
_WORD_AFTER = re.compile(r"\s*([а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*)")

# Dates: never figures, never periods.
DATE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b\d{{1,2}}(?:\s?[–—-]\s?\d{{1,2}})?\s+(?:{'|'.join(MONTHS_GENITIVE)})(?!\w)"
               rf"(?:\s+\d{{4}}(?:\s*{_YEAR_WORD})?)?", _FLAGS),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
)

# -- small values ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class _Period:
    start: int
    end: int
    period: str | None  # None: a relative period with no date to resolve it


# -- periods ------------------------------------------------------------------------


def _month(word: str) -> int:
    low = word.lower()
    for stem, _, number in sorted(MONTHS, key=lambda m: -len(m[0])):
        if low.startswith(stem):
            return number
    raise ValueError(word)


def _ordinal(word: str) -> int:
    for pattern, number in ORDINALS:
        if re.fullmatch(pattern, word, _FLAGS):
            return number
    raise ValueError(word)


def _interval(year: str, first: int, last: int) -> str:
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _count_word(word: str) -> int:
    return int(word) if word.isdigit() else int(NUMBER_WORDS[word.lower()])


def _year_of(date: str | None, shift: int) -> str | None:
    if not date:
        return None
    try:
        return str(Date.fromisoformat(date[:10]).year + shift)
    except ValueError:
        return None


# (pattern, reader of the match and the document date). The first pattern that
# takes a stretch of text wins it.
PERIOD_RULES: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(rf"(?:(?:за|в|с)\s+)?({_MONTH_ANY})\s*[–—-]\s*({_MONTH_ANY})\s+(\d{{4}})(?:\s*{_YEAR_WORD})?", _FLAGS),
     lambda m, d: _interval(m[3], _month(m[1]), _month(m[2]))),
    (re.compile(rf"(?:за\s+)?(?<!\w)(\d{{1,2}}|[а-яё]+)\s+месяц(?:ев|а)\s+(\d{{4}})(?:\s*{_YEAR_WORD})?", _FLAGS),
     lambda m, d: _interval(m[2], 1, _count_word(m[1]))),
    (re.compile(rf"(?:(?:в|за)\s+)?(перв\w*|втор\w*|трет\w*|четв[её]рт\w*|I{{1,3}}|IV|[1-4])(?:-?й|-?м)?\s+квартал\w*\s+(\d{{4}})(?:\s*{_YEAR_WORD})?", _FLAGS),
     lambda m, d: _interval(m[2], 3 * _ordinal(m[1]) - 2, 3 * _ordinal(m[1]))),
    (re.compile(rf"(?:(?:в|за)\s+)?(перв\w*|втор\w*|I{{1,2}}|[12])(?:-?е|-?м)?\s+полугоди\w*\s+(\d{{4}})(?:\s*{_YEAR_WORD})?", _FLAGS),
     lambda m, d: _interval(m[2], 6 * _ordinal(m[1]) - 5, 6 * _ordinal(m[1]))),
    (re.compile(rf"(?:(?:за|в|с|к|до)\s+)?({_MONTH_ANY})\s+(\d{{4}})(?:\s*{_YEAR_WORD})?", _FLAGS),
     lambda m, d: f"{m[2]}-{_month(m[1]):02d}"),
    (re.compile(r"(?:(?:в|за|на)\s+)?(\d{4})\s*[–—-]\s*(\d{4})\s*(?:год(?:ы|ах|ов|ам)|гг\.?)", _FLAGS),
     lambda m, d: f"{m[1]}/{m[2]}"),
    (re.compile(rf"(?:(?:к|в|до|на|за|по|с|после|около)\s+)?(?<!\d)(\d{{4}})\s*{_YEAR_WORD}", _FLAGS),
     lambda m, d: m[1]),
    (re.compile(r"в\s+позапрошлом\s+году", _FLAGS), lambda m, d: _year_of(d, -2)),
    (re.compile(r"(?:в\s+(?:прошлом|минувшем|прошедшем)\s+году|за\s+(?:прошлый|минувший)\s+год)", _FLAGS),
     lambda m, d: _year_of(d, -1)),
    (re.compile(r"(?:в\s+(?:этом|текущем|нынешнем)\s+году|с\s+начала\s+(?:(?:этого|текущего|нынешнего)\s+)?года)", _FLAGS),
     lambda m, d: _year_of(d, 0)),
    (re.compile(r"(?:в\s+(?:следующем|будущем|наступающем)\s+году)", _FLAGS), lambda m, d: _year_of(d, 1)),
)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _dates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in DATE_RES:
        for m in pattern.finditer(text):
            if not _overlaps(m.start(), m.end(), spans):
                spans.append((m.start(), m.end()))
    return spans


def _periods(text: str, date: str | None, taken: list[tuple[int, int]]) -> list[_Period]:
    """Every period expression in ``text`` that does not overlap ``taken`` (the dates)."""
    found: list[_Period] = []
    spans = list(taken)
    for pattern, read in PERIOD_RULES:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), spans):
                continue
            try:
                period = read(m, date)  # type: ignore[operator]
            except (KeyError, ValueError):  # "за несколько месяцев 2025 года": no period read
                continue
            spans.append((m.start(), m.end()))
            found.append(_Period(m.start(), m.end(), period))
    found.sort(key=lambda p: p.start)
    return found


# -- clauses and sentences: where a figure's period is looked for ----------------------

_CLAUSE_STOP = re.compile(r"[;!?()\[\]«»\"“”„\n]|,(?!\d)|\.(?=\s+[А-ЯЁA-Z«\"“—–-]|\s*$)|\s[—–]\s")
_SENTENCE_STOP = re.compile(r"[!?\n]|\.(?=\s+[А-ЯЁA-Z«\"“—–-]|\s*$)")


class _Marks:
    """Where a text's clause (or sentence) boundaries are, found once, looked up by bisection."""

    def __init__(self, text: str, stop: re.Pattern[str]) -> None:
        marks = [(m.start(), m.end()) for m in stop.finditer(text)]
        self.starts = [s for s, _ in marks]
        self.ends = [e for _, e in marks]
        self.length = len(text)

    def region(self, start: int, end: int) -> tuple[int, int]:
        """The stretch around ``[start, end)`` between the nearest marks outside it."""
        i = bisect_right(self.ends, start) - 1
        j = bisect_left(self.starts, end)
        left = self.ends[i] if i >= 0 else 0
        right = self.starts[j] if j < len(self.starts) else self.length
        return left, right


class _PeriodFinder:
    """The period of each figure of one text: nearest in its clause, else its sentence."""

    def __init__(self, text: str, periods: list[_Period]) -> None:
        self.periods = periods
        self.levels = [_Marks(text, _CLAUSE_STOP), _Marks(text, _SENTENCE_STOP)]
        self.length = len(text)

    def period(self, figure: _Figure, whole_text: bool = False) -> str | None:
        """The period; with ``whole_text``, anywhere in the text as a last resort."""
        regions = [marks.region(figure.start, figure.end) for marks in self.levels]
        if whole_text:
            regions.append((0, self.length))
        for left, right in regions:
            found = _nearest_period(self.periods, figure, left, right)
            if found is not None:
                return found.period
        return None


def _nearest_period(periods: list[_Period], figure: _Figure, left: int, right: int) -> _Period | None:
    inside = [p for p in periods if p.start >= left and p.end <= right]
    if not inside:
        return None
    return min(inside, key=lambda p: max(p.start - figure.end, figure.start - p.end, 0))


# -- figures ------------------------------------------------------------------------


def _number(match: re.Match[str]) -> Decimal:
    if match["digits"]:
        digits = re.sub(_SP, "", match["digits"]).replace(",", ".")
        return Decimal(digits)
    if match["words"]:
        return sum((Decimal(str(NUMBER_WORDS[w.lower()])) for w in match["words"].split()), Decimal(0))
    return Decimal(1)  # a bare multiplier word: "миллиард"


def _factor(word: str | None) -> int:
    if not word:
        return 1
    word = word.rstrip(".")
    for pattern, factor in MULTIPLIERS:
        if re.fullmatch(pattern, word, _FLAGS):
            return factor
    return 1


def _unit(sign: str | None, unit: str | None) -> str | None:
    """The ISO code or ``%`` of a currency sign, currency word or percent sign."""
    for written in (unit, sign):
        if not written:
            continue
        if written in CURRENCY_SIGNS:
            return CURRENCY_SIGNS[written]
        if re.fullmatch(PERCENT, written, _FLAGS):
            return "%"
        for pattern, code in CURRENCY_WORDS:
            if re.fullmatch(pattern, written, _FLAGS):
                return code or written.upper()
    return None


@functools.lru_cache(maxsize=4096)
def _is_modifier(word: str) -> bool:
    parses = analyzer().parse(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


@functools.lru_cache(maxsize=4096)
def _noun_lemma(word: str) -> str | None:
    """The word's lemma if it can be a counted noun (nominative, genitive or accusative)."""
    for p in analyzer().parse(word):
        if p.tag.POS == "NOUN" and p.tag.case in ("nomn", "gent", "gen2", "accs"):
            return p.normal_form
    return None


def _counted_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The noun phrase a figure counts, starting at ``pos``: (its lemma, its end).

    Up to three modifiers and a noun ("рабочих мест", "совместных
    проектов"), and the noun after a counter noun ("единиц техники").
    """
    words: list[str] = []
    end = pos
    for _ in range(4):
        m = _WORD_AFTER.match(text, end)
        if m is None or "\n" in text[end:m.start(1)]:
            return None
        word = m[1]
        lemma = _noun_lemma(word)
        if lemma is not None and not (_is_modifier(word) and _continues_phrase(text, m.end())):
            words.append(word)
            end = m.end()
            if lemma in COUNTER_NOUNS:
                nxt = _WORD_AFTER.match(text, end)
                if nxt is not None and _noun_lemma(nxt[1]) is not None and not _is_modifier(nxt[1]):
                    words.append(nxt[1])
                    end = nxt.end()
            return _unit_lemma(" ".join(words)), end
        if not _is_modifier(word):
            return None
        words.append(word)
        end = m.end()
    return None


def _continues_phrase(text: str, pos: int) -> bool:
    """Whether a word that may be an adjective or a noun ("рабочих") is followed by a noun."""
    m = _WORD_AFTER.match(text, pos)
    return m is not None and _noun_lemma(m[1]) is not None and "\n" not in text[pos:m.start(1)]


@functools.lru_cache(maxsize=4096)
def _unit_lemma(phrase: str) -> str:
    if phrase.lower() == "лет":  # "5 лет": pymorphy reads "лето"
        return "год"
    return noun_phrase_lemma(phrase)


def _is_year(match: re.Match[str]) -> bool:
    digits = match["digits"]
    return bool(digits) and len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2199


def _figures(text: str, dates: list[tuple[int, int]]) -> list[_Figure]:
    """Every figure in ``text`` that does not start inside a date or a period."""
    figures: list[_Figure] = []
    for m in FIGURE_RE.finditer(text):
        number_start = m.start("digits") if m["digits"] else m.start("words") if m["words"] else m.start("bare")
        if _overlaps(number_start, number_start + 1, dates):
            continue
        figure = _read_figure(text, m)
        if figure is not None:
            figures.append(figure)
    return figures


def _read_figure(text: str, m: re.Match[str]) -> _Figure | None:
    value = _number(m) * _factor(m["mult"] or m["bare"])
    unit = _unit(m["sign"], m["unit"])
    end = m.end()
    if unit is None:
        counted = _counted_noun(text, end)
        if counted is not None:
            unit, end = counted
        elif m["words"] or (_is_year(m) and not m["mult"]):
            return None  # a lone number word, or a year
    try:
        number = float(value)
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex only lets numbers through
        return None
    return _Figure(m.start(), end, number, unit)


def _restated(text: str, first: _Figure, second: _Figure) -> bool:
    """Whether ``second`` restates ``first`` in brackets: "полутора миллиардов долларов (1,7 млрд долл.)"."""
    between = text[first.end:second.start]
    return (
        re.fullmatch(r"\s*\(\s*(?:или|т\.\s?е\.|около|примерно|~|≈)?\s*", between, _FLAGS) is not None
        and text[second.end:].lstrip().startswith(")")
        and (first.unit == second.unit or first.unit is None)
    )


# -- the public functions ------------------------------------------------------------


def normalise(text: str, *, date: str | None = None) -> Quantity | None:
    """Propose the quantity of a claim's text (or of a figure span).

    The first figure in the text is read, unless a figure in brackets restates
    it ("свыше полутора миллиардов долларов (1,7 млрд долл.)" is 1.7e9 USD: the
    explicit figure wins over the words). Its period is the nearest period
    expression in the figure's clause, else its sentence, else anywhere in the
    text; ``date`` (the document's, ``YYYY-MM-DD``) resolves relative ones.
    Returns None when the text holds no figure.
    """
    dates = _dates(text)
    periods = _periods(text, date, dates)
    figures = _figures(text, dates + [(p.start, p.end) for p in periods])
    if not figures:
        return None
    figure = figures[0]
    if len(figures) > 1 and _restated(text, figures[0], figures[1]):
        figure = figures[1]
    period = _PeriodFinder(text, periods).period(figure, whole_text=True)
    return Quantity(figure.value, figure.unit, period)


def find_quantities(text: str, *, date: str | None = None) -> list[tuple[int, int, Quantity]]:
    """Every money, percent or number expression in ``text``: (start, end, quantity).

    Offsets are code points, end-exclusive, and cover the figure with its
    multiplier, currency and counted noun ("$1,3 млрд", "15 тысяч рабочих
    мест"), not the words around it ("до", "свыше", "к 2030 году"). A
    figure and its bracketed restatement are two expressions. The period is the
    nearest period expression in the figure's clause, else its sentence.
    Dates, years, ordinals and times are not reported.
    """
    dates = _dates(text)
    periods = _periods(text, date, dates)
    figures = _figures(text, dates + [(p.start, p.end) for p in periods])
    finder = _PeriodFinder(text, periods)
    return [(f.start, f.end, Quantity(f.value, f.unit, finder.period(f))) for f in figures]


_LEADING_PREPOSITION = re.compile(r"(?:за|в|с|к|до|на|по|после|около)\s+", _FLAGS)
_TIME = re.compile(r"\d{1,2}:\d{2}")


def find_dates(text: str, *, date: str | None = None) -> list[tuple[int, int]]:
    """Every date or period expression ("15 ноября", "2030 году", "январе-сентябре 2025 года"):
    (start, end), without the preposition before it ("к") and without clock times."""
    dates = [(s, e) for s, e in _dates(text) if not _TIME.fullmatch(text[s:e])]
    found = dates + [(p.start, p.end) for p in _periods(text, date, _dates(text))]
    out = []
    for start, end in sorted(found):
        lead = _LEADING_PREPOSITION.match(text, start)
        if lead and lead.end() < end:
            start = lead.end()
        out.append((start, end))
    return out
