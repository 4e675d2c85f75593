"""Make docs/screenshots/claims.png: a sample article with claims, speakers, cues and relations.

    .venv/bin/python docs/screenshots/make_claims.py

Builds on make_main_window.py (the same entities), adds four claims the way the
keys would (services), and selects the one whose speaker, cue and relations
are drawn.
"""
import os
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
shot = runpy.run_path(str(HERE / "make_main_window.py"), run_name="__shots__")
app, w, ws, runner, doc, text = shot["app"], shot["w"], shot["ws"], shot["runner"], shot["doc"], shot["text"]

from annotator.domain.model import AUTHOR  # noqa: E402,F401
from annotator.domain.quantities import normalise  # noqa: E402
from annotator.services import annotating, claims  # noqa: E402


def at(phrase: str, after: str = "") -> tuple[int, int]:
    start = text.index(phrase, text.index(after) if after else 0)
    return start, start + len(phrase)


def span_id(phrase: str, label: str, after: str = "", **attributes) -> int:
    start, end = at(phrase, after)
    found = [s for s in w.view.spans() if (s.start, s.end, s.label) == (start, end, label)]
    if found:
        return found[0].id
    return annotating.add_span(ws, doc, start, end, label, owner="anna", attributes=attributes or None).result


tokayev = span_id("Касым-Жомарт Токаев", "PER")
he = span_id("он", "PER", after="— отметил", pronoun=True)
head = span_id("Глава государства", "ROLE")
kazakhstan = span_id("Казахстан", "GPE", after="По его словам")


def claim(phrase: str, kind: str, speaker, cue: str, cue_after: str = "", **fields) -> int:
    start, end = at(phrase)
    quantity = normalise(text[start:end], date="2025-11-16")
    return claims.add_claim(ws, doc, start, end, kind, owner="anna", speaker=speaker, cue=at(cue, cue_after),
                            quantity=quantity, **fields).result


claim("существенные успехи в укреплении экономической базы регионального взаимодействия", "OPINION",
      tokayev, "отметил")
claim("объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов", "STAT", he,
      "отметил он", "20 млрд", checkworthy=True)
claim("в перспективе довести данный показатель до 20 млрд долларов", "PLAN", he, "отметил он", "20 млрд",
      hedged=True)
c4 = claim("Казахстан готов к взаимовыгодной работе в этом направлении", "FACT", head, "По его словам",
           checkworthy=True)
claims.add_relation(ws, c4, kazakhstan, "ABOUT", owner="anna")
claims.add_relation(ws, he, tokayev, "SAME_AS", owner="anna")

w.open_document(doc)
runner.wait()
app.processEvents()
start, _ = at("Казахстан готов")
w.view.move_caret_core(start + 12)
w.centralWidget().setSizes([300, 800, 300])
w.view.verticalScrollBar().setValue(0)
app.processEvents()
w.lower_tabs.setCurrentWidget(w.claim_panel)
w.claim_panel.select_claim(c4)
app.processEvents()
if __name__ == "__main__":
    out = HERE / "claims.png"
    print(w.grab().save(str(out)), len(w.view.claims()), [c.text() for c in w.claim_panel.findChildren(type(w.claim_panel))][:0])
    runner.wait(); runner.shutdown(); ws.close()
