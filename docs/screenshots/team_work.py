"""Two annotators' real-looking work on the sample corpus, for the dashboard and curation screenshots.

    from team_work import seed   # (docs/screenshots on sys.path)
    seed(workspace)              # anna and boris annotate, cora is the curator

Entities come from a small gazetteer of the names in the five sample articles
(every occurrence, as a careful annotator marks them); boris departs from anna
in a regular way (misses some, labels some otherwise, cuts some short), and
both mark claims on the first two articles with a few differences of type and
speaker. Nothing random: the same database every time.
"""

from __future__ import annotations

import re

from annotator.domain.model import AUTHOR, Role, SetStatus
from annotator.services import annotating, claims, documents, users

GAZETTEER = [  # (pattern, label); longer names first, so nested ones are marked inside them
    (r"Президента? Казахстана", "ROLE"), (r"Президента? Узбекистана", "ROLE"), (r"Глава государства", "ROLE"),
    (r"Главы государств", "ROLE"),
    (r"Касым-Жомарт[а-я]* Токаев[а-я]*", "PER"), (r"Шавкат[а-я]* Мирзиёев[а-я]*", "PER"),
    (r"Шавкат Миромонович", "PER"),
    (r"Казахстан[а-я]*", "GPE"), (r"Узбекистан[а-я]*", "GPE"), (r"Ташкент[а-я]*", "GPE"), (r"Астан[а-я]*", "GPE"),
    (r"Афганистан[а-я]*", "GPE"), (r"Актау", "GPE"), (r"Курык[а-я]*", "GPE"), (r"Хоргос[а-я]*", "GPE"),
    (r"Кызылорд[а-я]*", "GPE"), (r"Учкудук[а-я]*", "GPE"),
    (r"Центральн[а-я]+ Ази[а-я]+", "LOC"), (r"Евразии", "LOC"),
    (r"Транскаспийск[а-я]+ международн[а-я]+ транспортн[а-я]+ маршрут[а-я]*", "LOC"),
    (r"Высшего [Мм]ежгосударственного совета", "ORG"), (r"Деловой совет", "ORG"), (r"Акорд[а-я]*", "FAC"),
    (r"VII Консультативной встрече глав государств ЦА", "EVENT"),
    (r"\d+(?:,\d+)? (?:млрд|млн) долларов", "MONEY"), (r"\d+ ноября", "DATE"), (r"\d{4} год[а-я]*", "DATE"),
]

CLAIMS = {  # document -> (claim text, type, speaker text or AUTHOR, cue text, boris's type, boris's speaker)
    0: [
        ("существенные успехи в укреплении экономической базы регионального взаимодействия", "OPINION",
         "Касым-Жомарт Токаев", "отметил", "OPINION", "Касым-Жомарт Токаев"),
        ("объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов", "STAT",
         "Касым-Жомарт Токаев", "отметил он", "STAT", AUTHOR),
        ("в перспективе довести данный показатель до 20 млрд долларов", "PLAN",
         "Касым-Жомарт Токаев", "отметил он", "PROPOSAL", "Касым-Жомарт Токаев"),
        ("Казахстан готов к взаимовыгодной работе в этом направлении", "FACT", "Глава государства",
         "По его словам", "OPINION", "Глава государства"),
    ],
    1: [
        ("до 10 млрд долларов к 2030 году", "PLAN", AUTHOR, "", "PLAN", AUTHOR),
        ("78 совместных проектов на сумму свыше полутора миллиардов долларов", "STAT", AUTHOR, "", "STAT",
         AUTHOR),
    ],
}


def _mentions(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for pattern, label in GAZETTEER:
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", text):
            span = (match.start(), match.end(), label)
            if label != "GPE" and any(s[0] <= span[0] and span[1] <= s[1] for s in found):
                continue  # already inside a longer mention of the same kind of thing
            if span not in found:
                found.append(span)
    return sorted(found)


def _boris(i: int, span: tuple[int, int, str], text: str) -> tuple[int, int, str] | None:
    """boris's version of anna's i-th mention: the same mostly, sometimes not."""
    start, end, label = span
    if i % 9 == 4:
        return None  # missed
    if i % 11 == 6 and label in ("GPE", "LOC"):
        return (start, end, "LOC" if label == "GPE" else "GPE")  # the other place label
    if i % 13 == 7 and " " in text[start:end]:
        return (start, text.index(" ", start), label)  # cut short at the first word
    return span


def seed(workspace, *, done: int = 4) -> None:
    for name, role in (("anna", Role.ANNOTATOR), ("boris", Role.ANNOTATOR), ("cora", Role.CURATOR)):
        users.add_user(workspace, name, role)
    ids = [d.id for d in documents.page(workspace)]
    for n, doc in enumerate(ids):
        text = documents.document(workspace, doc).text
        mentions = _mentions(text)
        for owner in ("anna", "boris"):
            spans = mentions if owner == "anna" else [b for i, m in enumerate(mentions) if (b := _boris(i, m, text))]
            by_extent = {}
            for start, end, label in spans:
                by_extent[(start, end)] = annotating.add_span(workspace, doc, start, end, label, owner=owner).result
            for claim_text, kind, speaker, cue, boris_kind, boris_speaker in CLAIMS.get(n, []):
                start = text.index(claim_text)
                speaker = boris_speaker if owner == "boris" else speaker
                if speaker != AUTHOR:
                    at = text.index(speaker)
                    speaker = by_extent.get((at, at + len(speaker)))
                cue_at = (text.index(cue, start - 40 if start > 40 else 0), 0) if cue else None
                cue_span = (cue_at[0], cue_at[0] + len(cue)) if cue_at else None
                claims.add_claim(workspace, doc, start, start + len(claim_text),
                                 boris_kind if owner == "boris" else kind, owner=owner, speaker=speaker,
                                 cue=cue_span, checkworthy=kind in ("STAT", "PLAN"))
            if n < done:
                annotating.set_status(workspace, doc, SetStatus.DONE, owner=owner)
