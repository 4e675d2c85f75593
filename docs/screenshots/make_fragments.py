"""Make docs/screenshots/fragments_en.png: a discontinuous span ("авто- … сообщение") in the text,
each fragment tinted, a dotted link between them, the caret's outline around both fragments.

    .venv/bin/python docs/screenshots/make_fragments.py

Builds on make_main_window.py (the same entities) and adds the span the way the G key does
(a span over the first piece, then the second piece as a fragment).
"""
import os
import runpy
from pathlib import Path

from PySide6.QtCore import QRect

HERE = Path(__file__).resolve().parent
shot = runpy.run_path(str(HERE / "make_main_window.py"), run_name="__shots__")
app, w, ws, runner, doc, text = shot["app"], shot["w"], shot["ws"], shot["runner"], shot["doc"], shot["text"]

from annotator.services import annotating  # noqa: E402

sentence = text.index("расширяется авто- и железнодорожное сообщение")
first = text.index("авто-", sentence)
last = text.index("сообщение", sentence)
span_id = annotating.add_span(ws, doc, first, first + len("авто-"), "EVENT", owner="anna").result
annotating.add_fragment(ws, span_id, last, last + len("сообщение"), owner="anna")
w.open_document(doc)
runner.wait()
app.processEvents()
w.view.move_caret_core(first + 1)
w.view.setFocus()
w.view.centerCursor()
app.processEvents()
if __name__ == "__main__":
    rect = w.view.cursorRect()
    view = w.view.grab()
    top = max(0, rect.top() - 120)
    out = os.path.join(HERE, "fragments_en.png")
    print(view.copy(QRect(0, top, view.width(), 260)).save(out), out)
    runner.wait()
    runner.shutdown()
    ws.close()
