"""Make the Russian screenshots: main-window-ru.png, scheme-editor-ru.png, import-errors-ru.png.

    .venv/bin/python docs/screenshots/make_russian.py

The window offscreen, in Russian (Qt's translators and the core's messages),
on the sample corpus with real-looking spans and claims (as in claims.png).
"""
import os
import runpy
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp()

import orjson  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

HERE = Path(__file__).resolve().parent
app = QApplication(sys.argv)
app.setFont(QFont("DejaVu Sans", 10))

from annotator.gui.common.translation import install_translators  # noqa: E402

translators = install_translators(app, "ru")
assert translators, "no Russian translation found"

# the English scripts build the window with spans and claims; here they run under the Russian translators
shot = runpy.run_path(str(HERE / "make_claims.py"), run_name="__shots__")
window, workspace, runner = shot["w"], shot["ws"], shot["runner"]

window.setWindowTitle(window.windowTitle())
print("main window:", window.grab().save(str(HERE / "main-window-ru.png")))

window.open_scheme_editor()  # built when its data has been read on the runner
runner.wait()
editor = window.scheme_editor
editor.resize(980, 600)
runner.wait()
app.processEvents()
tab = editor.labels_tab
row = tab.names().index("ROLE")
tab.item_list.setCurrentRow(row)
tab.guideline_edit.setPlainText("Должность или титул без имени: «Президент Казахстана», «глава МИД». "
                                   "Страна внутри — отдельный фрагмент GPE.")
tab.hotkey_edit.setText("1")
tab._on_hotkey_typed("1")  # shows the clash as typing would
app.processEvents()
print("scheme editor:", editor.grab().save(str(HERE / "scheme-editor-ru.png")))
editor.close()

from annotator.gui.io.import_dialog import ImportDialog  # noqa: E402

folder = Path(tempfile.mkdtemp())
text = "Москва, 15 ноября. Министр Иванов заявил, что Газпром вырос."
start = text.index("Иванов")
good = {"id": "msk-1", "text": text, "meta": {"date": "2025-11-15"}, "annotator": "anna", "status": "done",
        "entities": [{"id": "T1", "start": start, "end": start + 6, "label": "PER", "text": "Иванов"}]}
bad_label = dict(good, id="msk-2", text=text.replace("Газпром", "Роснефть"),
                 entities=[dict(good["entities"][0], label="PERSON")])
bad_offsets = dict(good, id="msk-3", text=text.replace("Газпром", "Лукойл"),
                   entities=[dict(good["entities"][0], end=start + 9)])
path = folder / "news-batch.jsonl"
path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in (good, bad_label, bad_offsets)) + b"{not json\n")
dialog = ImportDialog(workspace, runner, "anna", window)
dialog.set_paths([path])
dialog.resize(900, 520)
dialog.show()
dialog.start_import()
runner.wait()
app.processEvents()
print("import errors:", dialog.grab().save(str(HERE / "import-errors-ru.png")), dialog.rows())
runner.wait()
runner.shutdown()
workspace.close()
