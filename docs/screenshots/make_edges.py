"""Make docs/screenshots/edge-drag.png: the end of a span being dragged onto the next word.

    .venv/bin/python docs/screenshots/make_edges.py

The main window as make_main_window.py builds it; the mouse presses on the end of
"Шавкат" (a PER span) and moves into "Мирзиёев": the dashed outline is where the
edge lands when let go (snapped to the word's end).
"""
import os
import runpy
import sys

sys.argv = [sys.argv[0]]
shot = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_main_window.py"),
                      run_name="edges")
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotator.services import span_edges  # noqa: E402

w, ws, runner, app, text, doc = (shot[k] for k in ("w", "ws", "runner", "app", "text", "doc"))
start = text.index("Шавкат Мирзиёев")
span = next(s for s in w.view.spans() if s.start == start)
span_edges.resize_span(ws, span.id, start, start + len("Шавкат"), owner="anna")
w.session.reload(); runner.wait(); app.processEvents()
view = w.view
view.move_caret_core(start + 1)
view.centerCursor(); app.processEvents()
view.viewport().grab()
span = next(s for s in view.spans() if s.start == start)
end_rect = view._span_rects(span)[-1]
grip = QPoint(int(end_rect.right()), int(end_rect.center().y()))
word = text.index("Мирзиёев", start)
target = view._range_rects(word, word + len("Мирзиёев"))[0]
QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grip)
QTest.mouseMove(view.viewport(), QPoint(int(target.left() + target.width() * 0.7), int(target.center().y())))
app.processEvents()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "edge-drag.png")
print(view.grab().save(out), view.edge_preview())
runner.wait(); runner.shutdown(); ws.close()
