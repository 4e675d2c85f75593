"""Make docs/screenshots/main-window.png: the window offscreen on the sample corpus with real-looking spans.

    .venv/bin/python docs/screenshots/make_main_window.py
"""
import os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QFont
app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))
from annotator.services.workspace import Workspace
from annotator.services.importing import import_sample
from annotator.services import annotating, documents
from annotator.gui.common.tasks import TaskRunner
from annotator.gui.common.settings import GuiSettings
from annotator.gui.annotate.main_window import MainWindow
from annotator.domain.model import SetStatus
db = tempfile.mkdtemp() + "/shot.sqlite3"
ws = Workspace.open(db); import_sample(ws)
doc = documents.page(ws)[0].id
text = documents.document(ws, doc).text
def add(phrase, label, sub=None):
    """Label a whole-word occurrence of ``phrase`` (or ``sub`` inside it)."""
    import re
    match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    if match is None:
        return
    i = match.start()
    if sub:
        i += phrase.index(sub); phrase = sub
    annotating.add_span(ws, doc, i, i + len(phrase), label, owner="anna")
add("Касым-Жомарт Токаев", "PER")
add("Президент Казахстана", "ROLE")
add("Президент Казахстана", "GPE", sub="Казахстана")
add("Президента Узбекистана", "ROLE")
add("Президента Узбекистана", "GPE", sub="Узбекистана")
for phrase, label in [("Ташкенте", "GPE"), ("Центральной Азии", "LOC"), ("ЦА", "GPE"), ("VII Консультативной встрече глав государств ЦА", "EVENT"), ("Ташкент", "GPE"), ("Узбекистан", "GPE"), ("Шавкат Мирзиёев", "PER")]:
    add(phrase, label)
annotating.set_status(ws, documents.page(ws)[2].id, SetStatus.DONE, owner="anna")
runner = TaskRunner()
w = MainWindow(ws, GuiSettings(annotator="anna"), runner)
w.resize(1400, 850); w.show()
runner.wait(); app.processEvents()
i = text.index("Казахстана", text.index("Президент Казахстана"))
w.view.move_caret_core(i + 3)
app.processEvents()
w.view.setFocus(); w.view.centerCursor(); app.processEvents()
if __name__ == "__main__":  # make_russian.py reuses the window built above
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "main-window.png")
    print(w.grab().save(out), len(w.view.spans()), w.statusBar().currentMessage())
    runner.wait(); runner.shutdown(); ws.close()
