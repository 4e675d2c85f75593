"""Make docs/screenshots/curation.png: the curation window offscreen, anna's and boris's lanes beside gold.

    .venv/bin/python docs/screenshots/make_curation.py

The sample corpus in a temporary database, the team's work from team_work.py
(anna and boris annotate, cora curates); cora has accepted what both agree on
in the first document, and the window is at a disagreement about a claim.
"""
import os
import sys
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))  # the checkout, when run from anywhere

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))

from annotator.gui.curate.curation_window import CurationWindow  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.services import curation, documents, notes  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from team_work import seed  # noqa: E402

db = os.path.join(tempfile.mkdtemp(), "shot.sqlite3")
ws = Workspace.open(db)
import_sample(ws)
seed(ws)
doc = documents.page(ws)[0].id
curation.accept_agreed(ws, doc, user="cora")
boris_claim = next(c for c in documents.annotation_sets(ws, doc, "boris")[0].claims if c.speaker == "AUTHOR")
notes.add_note(ws, doc, owner="boris", target_id=boris_claim.id, unsure=True,
               text="Цитата или слова автора? Кавычек нет, но дальше «отметил он».")

runner = TaskRunner()
w = CurationWindow(ws, runner, "cora", doc)
w.resize(1500, 900)
w.show()
runner.wait()
app.processEvents()
# the disagreement about who says the trade figure (anna: Токаев, boris: the author)
target = next(i for i, d in enumerate(w.state.disagreements) if d.kind == "speaker")
w.show_disagreement(target)
app.processEvents()

if __name__ == "__main__":
    out = os.path.join(HERE, "curation.png")
    print(w.grab().save(out), w.position_label.text())
    runner.wait()
    runner.shutdown()
    ws.close()
