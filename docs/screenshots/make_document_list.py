"""Make docs/screenshots/document_list_ru.png: the document list in Russian, with many rows selected.

    .venv/bin/python docs/screenshots/make_document_list.py

The sample corpus and the team's work (team_work.py), plus one document per paragraph of the
sample articles (real text, so the list has rows to show); anna has marked a few done or in
progress, and three rows are selected (Shift+Down) with the list's menu open on them.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))  # the checkout, when run from anywhere

from PySide6.QtCore import QItemSelection  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))

from annotator.domain.model import SetStatus  # noqa: E402
from annotator.gui.annotate.main_window import MainWindow  # noqa: E402
from annotator.gui.common.settings import GuiSettings  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.gui.common.translation import install_translators  # noqa: E402
from annotator.services import annotating, documents  # noqa: E402
from annotator.services.importing import import_files, import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from team_work import seed  # noqa: E402

translators = install_translators(app, "ru")
work = Path(tempfile.mkdtemp())
ws = Workspace.open(str(work / "shot.sqlite3"))
import_sample(ws)
seed(ws, done=2)
articles = [documents.document(ws, s.id) for s in documents.page(ws)]
with (work / "paragraphs.jsonl").open("w", encoding="utf-8") as out:
    for article in articles:
        paragraphs = [p.strip() for p in article.text.split("\n") if len(p.strip()) > 80]
        for n, paragraph in enumerate(paragraphs[1:], 1):
            out.write(json.dumps({"id": f"{article.id[:3]}-{n:02d}", "text": paragraph,
                                  "meta": {"date": article.meta.get("date")}}, ensure_ascii=False) + "\n")
assert import_files(ws, [work / "paragraphs.jsonl"]).committed
rows = [s.id for s in documents.page(ws, limit=40)]
for document_id in rows[5:8]:
    annotating.set_status(ws, document_id, SetStatus.IN_PROGRESS, owner="anna")

runner = TaskRunner()
window = MainWindow(ws, GuiSettings(annotator="anna"), runner)
window.resize(1500, 860)
window.main_splitter.setSizes([720, 520, 260])
window.show()
runner.wait()
app.processEvents()
table = window.document_table
window.select_row(2)
runner.wait()
table.setFocus()
model, flags = table.model(), table.selectionModel().SelectionFlag
table.selectionModel().select(QItemSelection(model.index(2, 0), model.index(4, 0)), flags.Select | flags.Rows)
runner.wait()
app.processEvents()

if __name__ == "__main__":
    print(window.grab().save(str(HERE / "document_list_ru.png")), table.selected_rows())
    runner.wait()
    runner.shutdown()
    ws.close()
