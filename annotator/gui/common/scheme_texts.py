"""The default scheme's descriptions and attribute names, translatable for the window.

A scheme is data its team writes, in any language; the one we ship is in
English. The window shows a description through Qt's translation in the
"Scheme" context, so the shipped descriptions read in Russian while a team's
own texts (not in the catalogue) show as written. A test checks that every
description in ``resources/scheme/default.json`` is listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Scheme"

DEFAULT_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Scheme", "person"),
    QT_TRANSLATE_NOOP("Scheme", "organisation"),
    QT_TRANSLATE_NOOP("Scheme", "country, region, city"),
    QT_TRANSLATE_NOOP("Scheme", "other place, route, river"),
    QT_TRANSLATE_NOOP("Scheme", "facility, port, building, crossing"),
    QT_TRANSLATE_NOOP("Scheme", "event"),
    QT_TRANSLATE_NOOP("Scheme", "law, agreement, programme"),
    QT_TRANSLATE_NOOP("Scheme", "sum of money"),
    QT_TRANSLATE_NOOP("Scheme", "date or period"),
    QT_TRANSLATE_NOOP("Scheme", "number, percent, quantity"),
    QT_TRANSLATE_NOOP("Scheme", "title or position («Глава государства», «Президент»)"),
    QT_TRANSLATE_NOOP("Scheme", "a figure: «товарооборот достиг $4 млрд»"),
    QT_TRANSLATE_NOOP("Scheme", "a non-numeric event or state"),
    QT_TRANSLATE_NOOP("Scheme", "a target or commitment: «до 10 млрд долларов к 2030 году»"),
    QT_TRANSLATE_NOOP("Scheme", "a call or offer"),
    QT_TRANSLATE_NOOP("Scheme", "an evaluation"),
    QT_TRANSLATE_NOOP("Scheme", "speaker says claim"),
    QT_TRANSLATE_NOOP("Scheme", "claim is about entity"),
    QT_TRANSLATE_NOOP("Scheme", "person or role heads organisation or state"),
    QT_TRANSLATE_NOOP("Scheme", "is located in"),
    QT_TRANSLATE_NOOP("Scheme", "the two mentions name the same entity"),
)

DEFAULT_ATTRIBUTES = (
    QT_TRANSLATE_NOOP("Scheme", "pronoun"),
    QT_TRANSLATE_NOOP("Scheme", "uncertain"),
    QT_TRANSLATE_NOOP("Scheme", "note"),
    QT_TRANSLATE_NOOP("Scheme", "former"),
    QT_TRANSLATE_NOOP("Scheme", "stance"),
)


def shown(text: str) -> str:
    """A scheme text as the window shows it: translated when it is one of ours."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
