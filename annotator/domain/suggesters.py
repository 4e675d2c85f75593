"""The models that propose spans: natasha's NER, and rules over the text.

- ``natasha``: PER, ORG and LOC from natasha's news NER (its models ship inside the
  wheels and run offline); a LOC that the gazetteer below knows as a country, region
  or city becomes GPE.
- ``rules``: MONEY and NUM from the quantity normaliser, DATE from its date and
  period expressions, ROLE from a list of titles ("Президент", "Глава государства",
  "министр"), widened by the country they are of ("Президент Казахстана").

Their labels are the models' own; ``map_labels`` puts them onto the project's scheme
through the scheme's ``suggestion_labels`` (model label -> scheme label, or "" to
drop), and drops a label the scheme does not have.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from annotator.domain.lemmas import word_lemmas
from annotator.domain.quantities import find_dates, find_quantities
from annotator.domain.tokens import tokenize

MODELS = ("natasha", "rules")


@dataclass(frozen=True, slots=True)
class Proposal:
    start: int
    end: int
    label: str  # the model's label (mapped onto the scheme by ``map_labels``)


# A small gazetteer (lemmas, lower case): the places that are states, their regions and cities,
# as news about the region names them. Anything else natasha calls LOC stays LOC.
GPE_LEMMAS = frozenset("""
казахстан узбекистан россия рф китай кнр сша америка кыргызстан киргизия таджикистан туркменистан
туркмения азербайджан армения грузия белоруссия беларусь украина молдова монголия афганистан пакистан
индия иран турция германия франция италия великобритания британия япония корея евросоюз ес
ташкент астана нур-султан алматы алма-ата шымкент караганда актобе актау атырау павлодар
самарканд бухара хива нукус андижан наманган фергана термез каракалпакстан туркестан
москва пекин вашингтон бишкек душанбе ашхабад баку анкара дели берлин париж лондон токио
область край республика
""".split())
# Words that make a place a region of the world rather than a state or city.
LOC_LEMMAS = frozenset("азия европа регион евразия континент океан море река озеро".split())

ROLE_HEADS = frozenset("""
президент премьер-министр вице-премьер министр замминистра председатель зампред посол губернатор
аким хоким мэр спикер депутат сенатор генсек генпрокурор канцлер король монарх лидер вице-президент
""".split())
_HEAD_NEEDS = {"глава": frozenset({"государство", "правительство", "мид", "министерство", "ведомство",
                                   "администрация"})}


def _lemmas(word: str) -> frozenset[str]:
    return word_lemmas(word.replace("ё", "е").replace("Ё", "Е"))


def place_label(text: str) -> str:
    """GPE for a place the gazetteer knows as a state, region or city; LOC otherwise."""
    words = [t.text for t in tokenize(text) if any(c.isalpha() for c in t.text)]
    lemmas = [_lemmas(w) for w in words]
    if any(lem & LOC_LEMMAS for lem in lemmas):
        return "LOC"
    return "GPE" if any(lem & GPE_LEMMAS for lem in lemmas) else "LOC"


# ------------------------------------------------------------------ natasha
_natasha: tuple | None = None
_natasha_lock = threading.Lock()


def _natasha_parts() -> tuple:
    global _natasha
    if _natasha is None:
        with _natasha_lock:
            if _natasha is None:
                from natasha import NewsEmbedding, NewsNERTagger, Segmenter

                _natasha = (Segmenter(), NewsNERTagger(NewsEmbedding()))
    return _natasha


def natasha_spans(text: str) -> list[Proposal]:
    """natasha's PER, ORG and LOC, with LOC split into GPE and LOC by the gazetteer."""
    from natasha import Doc

    segmenter, tagger = _natasha_parts()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    found = []
    for span in doc.spans:
        label = place_label(span.text) if span.type == "LOC" else span.type
        found.append(Proposal(span.start, span.stop, label))
    return found


# ------------------------------------------------------------------ rules
def _roles(text: str) -> list[Proposal]:
    tokens = tokenize(text)
    found = []
    i = 0
    while i < len(tokens):
        lemmas = _lemmas(tokens[i].text)
        end_index = None
        if lemmas & ROLE_HEADS:
            end_index = i
        elif i + 1 < len(tokens) and any(lemmas & {head} and _lemmas(tokens[i + 1].text) & needs
                                         for head, needs in _HEAD_NEEDS.items()):
            end_index = i + 1
        if end_index is None:
            i += 1
            continue
        # "Президент Казахстана", "Президента Республики Узбекистан": the state it is of
        j = end_index + 1
        if j < len(tokens) and _lemmas(tokens[j].text) & {"республика"} and j + 1 < len(tokens) \
                and _lemmas(tokens[j + 1].text) & GPE_LEMMAS and tokens[j + 1].text[:1].isupper():
            end_index = j + 1
        elif j < len(tokens) and tokens[j].text[:1].isupper() and _lemmas(tokens[j].text) & GPE_LEMMAS \
                and not _lemmas(tokens[j].text) & {"область", "край", "республика"}:
            end_index = j
        found.append(Proposal(tokens[i].start, tokens[end_index].end, "ROLE"))
        i = end_index + 1
    return found


def rule_spans(text: str, date: str | None = None) -> list[Proposal]:
    """MONEY, NUM, DATE and ROLE by rules."""
    found = [Proposal(s, e, "MONEY" if q.unit and len(q.unit) == 3 and q.unit.isupper() else "NUM")
             for s, e, q in find_quantities(text, date=date)]
    found += [Proposal(s, e, "DATE") for s, e in find_dates(text, date=date)]
    found += _roles(text)
    return found


SUGGESTERS: dict[str, Callable[[str, str | None], list[Proposal]]] = {
    "natasha": lambda text, date: natasha_spans(text),
    "rules": rule_spans,
}


def map_labels(proposals: list[Proposal], mapping: Mapping[str, str], scheme_labels: frozenset[str]
               ) -> list[Proposal]:
    """The proposals on the scheme's labels: renamed by ``mapping`` (a model label it leaves out keeps its
    name; "" drops it), kept only when the scheme has the label; each place and label once."""
    out: dict[tuple[int, int, str], Proposal] = {}
    for p in proposals:
        label = mapping.get(p.label, p.label)
        if label and label in scheme_labels:
            out.setdefault((p.start, p.end, label), Proposal(p.start, p.end, label))
    return sorted(out.values(), key=lambda p: (p.start, -p.end, p.label))
