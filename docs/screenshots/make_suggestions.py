"""Make docs/screenshots/suggestions_en.png and suggestions_ru.png: open suggestions drawn dashed beside
accepted spans (tinted), and the repeated passages' bars in the right margin.

    .venv/bin/python docs/screenshots/make_suggestions.py
"""
import os
import sys
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))
from annotator.gui.annotate.main_window import MainWindow  # noqa: E402
from annotator.gui.common.settings import GuiSettings  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.gui.common.translation import install_translators, remove_translators  # noqa: E402
from annotator.services import documents, suggestions  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ws = Workspace.open(tempfile.mkdtemp() + "/shot.sqlite3")
import_sample(ws)
doc = next(d.id for d in documents.page(ws) if d.id.startswith("002"))
suggestions.suggest(ws)  # natasha and the rules, every document
for s in suggestions.open_suggestions(ws, doc, owner="anna"):
    if s.label in ("PER", "GPE") and s.start < 2200:  # some accepted already: tinted, the rest dashed
        suggestions.accept_suggestion(ws, doc, s.start, owner="anna", place=s.key)


def shoot(language: str, name: str) -> None:
    translators = install_translators(app, language) if language != "en" else []
    runner = TaskRunner()
    window = MainWindow(ws, GuiSettings(annotator="anna"), runner)
    window.resize(1400, 850)
    window.show()
    runner.wait()
    app.processEvents()
    window.show_document(doc)
    for _ in range(20):
        runner.wait()
        app.processEvents()
    text = window.view.text
    window.view.move_caret_core(text.index("Токаев", 1500))
    window.view.centerCursor()
    window.view.setFocus()
    window.suggestion_actions.step(1)
    for _ in range(5):
        runner.wait()
        app.processEvents()
    print(name, window.grab().save(os.path.join(HERE, name)), len(window.view.suggestion_layer.suggestions()),
          len(window.view.repeat_margin.copies()))
    window.close()
    runner.shutdown()
    remove_translators(app, translators)


shoot("en", "suggestions_en.png")
shoot("ru", "suggestions_ru.png")
ws.close()
