"""Make claims_browser_en.png, claims_browser_ru.png, entity_link_en.png and entity_link_ru.png.

    .venv/bin/python docs/screenshots/make_entities.py

The sample corpus annotated as anna would: Токаев's mentions linked to one entity across the five
articles, his claims and the outlets' with their figures; the claims browser comparing figures (the
projects' sum stated as 1,7 and 1,3 bn USD stands out), in English and in Russian; and the link
key's popup over a mention not yet linked ("Касым-Жомарта Токаева").
"""
import os
import re
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QFont, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

HERE = Path(__file__).resolve().parent
app = QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))

from annotator.domain.model import AUTHOR, Quantity  # noqa: E402
from annotator.gui.annotate.main_window import MainWindow  # noqa: E402
from annotator.gui.common.settings import GuiSettings  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.gui.common.translation import install_translators, remove_translators  # noqa: E402
from annotator.services import annotating, claims, documents, entities  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402

ws = Workspace.open(str(Path(tempfile.mkdtemp()) / "shots.sqlite3"))
import_sample(ws)
DOCS = [summary.id for summary in documents.iter_summaries(ws)]
TOKAEV = re.compile(r"(?:Касым-Жомарт[а-я]* )?Токаев[а-я]*")
texts = {doc: documents.document(ws, doc).text for doc in DOCS}
per = {doc: [annotating.add_span(ws, doc, m.start(), m.end(), "PER", owner="anna").result
             for m in TOKAEV.finditer(texts[doc])] for doc in DOCS}
tokaev = entities.create_from_mention(ws, per[DOCS[0]][0], owner="anna").result
unlinked = None
for doc in DOCS:
    for span in per[doc]:
        covered = next(texts[doc][s.start:s.end] for s in documents.annotation_sets(ws, doc, "anna")[0].spans
                       if s.id == span)
        if doc == DOCS[3] and covered == "Касым-Жомарта Токаева" and unlinked is None:
            unlinked = span  # left for the popup
        elif span != per[DOCS[0]][0]:
            entities.link_mention(ws, span, tokaev, owner="anna")


def claim(phrase: str, claim_type: str, quantity: Quantity | None, author: bool = False, nth: int = 0) -> None:
    doc = [d for d in DOCS if phrase in texts[d]][nth]
    start = texts[doc].index(phrase)
    speaker = AUTHOR if author else min(per[doc], key=lambda s: abs(
        next(x.start for x in documents.annotation_sets(ws, doc, "anna")[0].spans if x.id == s) - start))
    claims.add_claim(ws, doc, start, start + len(phrase), claim_type, owner="anna", speaker=speaker,
                     checkworthy=True, quantity=quantity)


claim("объем внутрирегиональной торговли в прошлом году достиг 11,5 млрд долларов", "STAT",
      Quantity(11.5e9, "USD", "2024"))
claim("до 10 млрд долларов к 2030 году", "PLAN", Quantity(10e9, "USD", "2030"))
claim("78 совместных проектов на сумму свыше полутора миллиардов долларов (1,7 млрд", "STAT",
      Quantity(1.7e9, "USD", None))
claim("ряд значимых проектов на $1,3 млрд", "FACT", Quantity(1.3e9, "USD", None), author=True)
claim("с начала года товарооборот достиг $4 млрд", "STAT", Quantity(4e9, "USD", "2025-01/2025-11"))
claim("довести данный показатель до $10 млрд к 2030 году", "PLAN", Quantity(10e9, "USD", "2030"))


def browser_shot(language: str, name: str) -> None:
    translators = install_translators(app, language)
    runner = TaskRunner()
    window = MainWindow(ws, GuiSettings(annotator="anna", language=language), runner)
    window.show()
    runner.wait()
    browser = window.open_claims_browser()
    runner.wait()
    browser.mode.setCurrentIndex(browser.mode.findData("figures"))
    browser.whose.setCurrentIndex(0)
    browser.refresh()
    runner.wait()
    browser.resize(1280, 560)
    app.processEvents()
    print(name, browser.grab().save(str(HERE / name)))
    window.close()
    runner.wait()
    runner.shutdown()
    remove_translators(app, translators)


browser_shot("en", "claims_browser_en.png")
browser_shot("ru", "claims_browser_ru.png")

def link_shot(language: str, name: str) -> None:
    translators = install_translators(app, language)
    runner = TaskRunner()
    window = MainWindow(ws, GuiSettings(annotator="anna", language=language), runner)
    window.resize(1300, 760)
    window.show()
    runner.wait()
    window.show_document(DOCS[3])
    runner.wait()
    runner.wait()
    span = next(s for s in window.view.spans() if s.id == unlinked)
    window.view.move_caret_core(span.start + 2)
    window.view.centerCursor()
    window.view.setFocus()
    window.entity_linker.open_proposals()
    runner.wait()
    app.processEvents()
    shot = window.grab()
    popup = window.entity_linker.popup
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    print(name, shot.save(str(HERE / name)), [p.entity.name for p in popup.proposals])
    popup.hide()
    window.close()
    runner.wait()
    runner.shutdown()
    remove_translators(app, translators)


link_shot("en", "entity_link_en.png")
link_shot("ru", "entity_link_ru.png")
ws.close()
