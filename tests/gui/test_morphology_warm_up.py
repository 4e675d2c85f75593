"""The window makes the Russian morphology on a thread of its own a little after it opens, so
that the first lemma a task asks for (an entity's proposals read ahead after a new span, a
search) does not hold the task runner, and the annotator's next action behind it, for 0.3 s."""

from __future__ import annotations

import threading

from annotator.domain import lemmas
from annotator.gui.annotate import main_window
from tests.gui.windows import make_window


def test_the_window_makes_the_morphology_off_the_runner_after_it_opens(qtbot, gui_workspace, runner, monkeypatch):
    monkeypatch.setattr(lemmas, "_analyzer", None)  # as in a fresh process
    monkeypatch.setattr(main_window, "MORPHOLOGY_DELAY_MS", 10)
    made_on: list[str] = []
    make = lemmas.analyzer

    def analyzer():
        if lemmas._analyzer is None:
            made_on.append(threading.current_thread().name)
        return make()

    monkeypatch.setattr(lemmas, "analyzer", analyzer)
    make_window(qtbot, gui_workspace, runner)
    qtbot.waitUntil(lambda: lemmas._analyzer is not None, timeout=20000)
    assert made_on and made_on[0] == "annotator-morphology"  # not the runner, not the GUI thread
