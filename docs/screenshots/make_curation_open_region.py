"""Make docs/screenshots/curation_open_region_en.png: curation at an "only some have it" region, still open.

    .venv/bin/python docs/screenshots/make_curation_open_region.py

As make_curation.py (the sample corpus, anna's and boris's work, cora curating), in English with
its plural forms: cora has accepted what both agree on; F8 takes her to the first region that is
still open, one that only one annotator marked. The status bar counts the regions not settled.
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

from annotator.gui.common.translation import install_translators  # noqa: E402
from annotator.gui.curate.curation_window import CurationWindow  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.services import curation, documents  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from team_work import seed  # noqa: E402

translators = install_translators(app, "en")  # English, with "1 span", "2 spans"
db = os.path.join(tempfile.mkdtemp(), "shot.sqlite3")
ws = Workspace.open(db)
import_sample(ws)
seed(ws)
doc = documents.page(ws)[0].id
curation.accept_agreed(ws, doc, user="cora")

runner = TaskRunner()
w = CurationWindow(ws, runner, "cora", doc)
w.resize(1500, 900)
w.show()
runner.wait()
app.processEvents()
missing = [i for i in w.open_disagreements() if w.state.disagreements[i].kind == "missing"]
assert missing, "the team's work has an 'only some have it' region"
# settle the regions before it, as a curator would have by now, then F8 to the open one
for index in [i for i in w.open_disagreements() if i < missing[0]]:
    d = w.state.disagreements[index]
    curation.accept_version(ws, doc, "anna", d.layer, d.start, d.end, user="cora")
w.reload()
runner.wait()
app.processEvents()
w.current = None
w.go_to_disagreement(1)
app.processEvents()

if __name__ == "__main__":
    out = os.path.join(HERE, "curation_open_region_en.png")
    print(w.grab().save(out), w.position_label.text(), "|", w.statusBar().currentMessage())
    runner.wait()
    runner.shutdown()
    ws.close()
