"""Make docs/screenshots/about.png, first-start-name.png and database-refused.png (and the
Russian -ru versions): the dialogs a new user meets, offscreen.

    .venv/bin/python docs/screenshots/make_first_start.py
"""
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit  # noqa: E402

from annotator.gui.setup.about import AboutDialog  # noqa: E402
from annotator.gui.setup.first_start import UnopenableDatabaseBox, name_prompt  # noqa: E402
from annotator.gui.setup.identity import set_identity  # noqa: E402
from annotator.gui.common.translation import install_translators, remove_translators  # noqa: E402
from annotator.services.workspace import Workspace  # noqa: E402
from annotator.storage import DatabaseError  # noqa: E402

HERE = Path(__file__).resolve().parent
app = QApplication.instance() or QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))
set_identity(app)

junk = Path(tempfile.mkdtemp()) / "annotator.sqlite3"
junk.write_bytes(b"PK\x03\x04 a zip file by mistake" * 50)


def shoot(widget, name: str) -> None:
    widget.show()
    app.processEvents()
    widget.grab().save(str(HERE / name))
    widget.close()


for language, suffix in (("en", ""), ("ru", "-ru")):
    translators = install_translators(app, language)
    about = AboutDialog("sqlite:////home/anna/.local/share/annotator/annotator.sqlite3")
    shoot(about, f"about{suffix}.png")

    prompt = QInputDialog()
    prompt.setWindowTitle(app.translate("FirstStart", "Welcome to annotator"))
    prompt.setLabelText(name_prompt())
    prompt.setTextEchoMode(QLineEdit.EchoMode.Normal)
    prompt.setTextValue("anna")
    shoot(prompt, f"first-start-name{suffix}.png")

    try:
        Workspace.open(str(junk))
        raise SystemExit("the junk file opened")
    except DatabaseError as exc:
        reason = str(exc)
    shoot(UnopenableDatabaseBox(str(junk), reason), f"database-refused{suffix}.png")
    remove_translators(app, translators)
print("written to", HERE)
