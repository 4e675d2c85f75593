"""The sample corpus annotated with claims, shared by the entity and claims-browser tests (services and
window): every mention of Токаев (PER) and of "Глава государства" (ROLE) in the five articles, and five
of his claims, four with their figures."""

from __future__ import annotations

import re

from annotator.domain.model import Quantity
from annotator.services import annotating, claims, documents

DOCS = ["000_598509fc61278558", "001_1fc550a04f713c8c", "002_c0882ce87bb2ddc4", "003_7fa7a90ba42b20d6",
        "004_c352576d79d9da91"]
TOKAEV = re.compile(r"(?:Касым-Жомарт[а-я]* )?Токаев[а-я]*")
TITLE = re.compile(r"Глав[а-я]* государства")


def find(ws, doc: str, needle: str) -> tuple[int, int]:
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def mark(ws, doc: str, pattern: re.Pattern, label: str, owner: str = "anna") -> list[int]:
    text = documents.document(ws, doc).text
    return [annotating.add_span(ws, doc, m.start(), m.end(), label, owner=owner).result
            for m in pattern.finditer(text)]


def claim(ws, doc, needle, claim_type, speaker, quantity=None, owner="anna") -> int:
    return claims.add_claim(ws, doc, *find(ws, doc, needle), claim_type, owner=owner, speaker=speaker,
                            checkworthy=True, quantity=quantity).result


def annotate_sample(ws, owner: str = "anna"):
    """The sample corpus annotated by ``owner``; returns (ws, PER ids by document, ROLE ids by
    document, the claims' ids)."""
    per = {doc: mark(ws, doc, TOKAEV, "PER", owner) for doc in DOCS}
    role = {doc: mark(ws, doc, TITLE, "ROLE", owner) for doc in DOCS}
    said = [
        claim(ws, DOCS[0], "объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов", "STAT",
              per[DOCS[0]][0], Quantity(11.5e9, "USD", "2024"), owner=owner),
        claim(ws, DOCS[1], "до 10 млрд долларов к 2030 году", "PLAN", per[DOCS[1]][0],
              Quantity(10e9, "USD", "2030"), owner=owner),
        claim(ws, DOCS[3], "с начала года товарооборот достиг $4 млрд", "STAT", per[DOCS[3]][0],
              Quantity(4e9, "USD", "2025-01/2025-11"), owner=owner),
        claim(ws, DOCS[3], "довести данный показатель до $10 млрд к 2030 году", "PLAN", per[DOCS[3]][0],
              Quantity(10e9, "USD", "2030"), owner=owner),
        claim(ws, DOCS[4], "предложил правительствам совместно выработать ряд системных мер", "PROPOSAL",
              per[DOCS[4]][-1], owner=owner),
    ]
    return ws, per, role, said
