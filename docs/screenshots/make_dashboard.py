"""Make docs/screenshots/dashboard.png: the agreement dashboard offscreen, two annotators' work and some gold.

    .venv/bin/python docs/screenshots/make_dashboard.py
"""
import os
import sys
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))

from team_work import seed  # noqa: E402

from annotator.gui.team.dashboard import AgreementDashboard  # noqa: E402
from annotator.gui.common.tasks import TaskRunner  # noqa: E402
from annotator.services import curation, documents  # noqa: E402
from annotator.services.importing import import_sample  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402

db = tempfile.mkdtemp() + "/shot.sqlite3"
ws = Workspace.open(db)
import_sample(ws)
seed(ws)
for doc in [d.id for d in documents.page(ws)][:2]:  # cora settles what both agree on in two documents
    curation.accept_agreed(ws, doc, user="cora")
runner = TaskRunner()
dashboard = AgreementDashboard(ws, runner)
dashboard.resize(1180, 860)
dashboard.show()
runner.wait(30000)
for _ in range(3):  # the tables' new heights are laid out by posted events
    app.processEvents()
if __name__ == "__main__":
    out = os.path.join(HERE, "dashboard.png")
    print(dashboard.grab().save(out), dashboard.status_label.text())
    runner.wait()
    runner.shutdown()
    ws.close()
