"""Crash safety: what the window reports as saved survives a SIGKILL.

A driver process opens the real window on a SQLite file, labels spans from the
keyboard and prints each range once the window shows it as saved (the window
draws a span only after the task that committed it has read the set back).
The test kills the process with SIGKILL as soon as it has read the line(s),
then opens the file with a new Workspace and looks for the spans.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from annotator.services import documents
from annotator.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
OWNER = "anna"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

DRIVER = textwrap.dedent('''
    import sys, time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.gui.annotate.main_window import MainWindow
    from annotator.gui.common.settings import GuiSettings
    from annotator.gui.common.tasks import TaskRunner
    from annotator.services.importing import import_sample
    from annotator.services.workspace import Workspace

    db, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = QApplication([])
    workspace = Workspace.open(db)
    assert import_sample(workspace).committed
    runner = TaskRunner()
    window = MainWindow(workspace, GuiSettings(annotator="anna"), runner)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    assert runner.wait(10000) and window.document is not None
    view = window.view
    view.setFocus()
    print("DOC", window.document_id, flush=True)
    words = [t for t in view.tokens() if any(c.isalnum() for c in t.text)]

    def saved(start, end):
        """The window shows the span: it was committed and read back."""
        return any(s.start == start and s.end == end and s.label == "PER" for s in view.spans())

    def label(token):
        view.select_core(token.start, token.end)
        QTest.keyClick(view, Qt.Key.Key_1)

    if mode == "one":
        token = words[3]
        label(token)
        deadline = time.monotonic() + 10
        while not (saved(token.start, token.end) and "Saved" in window.saved_label.text()):
            QApplication.processEvents()
            time.sleep(0.001)
            if time.monotonic() > deadline:
                print("TIMEOUT", window.saved_label.text(), flush=True)
                sys.exit(1)
        print("LABELLED", token.start, token.end, flush=True)
    else:  # rapid: submit every keystroke without waiting, report each save as soon as it shows
        pending = []
        def report():
            QApplication.processEvents()
            while pending and saved(pending[0].start, pending[0].end):
                token = pending.pop(0)
                print("LABELLED", token.start, token.end, flush=True)
        for token in words[2:2 + 2 * count:2]:
            label(token)
            pending.append(token)
            report()
        deadline = time.monotonic() + 10
        while pending and time.monotonic() < deadline:
            report()
            time.sleep(0.0005)
        print("ALL REPORTED" if not pending else "TIMEOUT", flush=True)
    while True:
        time.sleep(3600)
''')


class Driver:
    def __init__(self, tmp_path: Path, mode: str, count: int = 1):
        self.db = tmp_path / "crash.sqlite3"
        script = tmp_path / "driver.py"
        script.write_text(DRIVER, encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen([sys.executable, str(script), str(self.db), mode, str(count)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                                        text=True, encoding="utf-8")
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, deadline: float) -> str:
        try:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            self.kill()
            pytest.fail("the driver printed nothing in time")
        if line is None:
            self.process.wait(5)
            pytest.fail(f"the driver ended (code {self.process.returncode}): {self.process.stderr.read()[-3000:]}")
        return line

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        assert self.process.returncode == -signal.SIGKILL


def labelled(line: str) -> tuple[int, int]:
    word, start, end = line.split()
    assert word == "LABELLED", line
    return int(start), int(end)


def stored_per_spans(db: Path, document_id: str) -> set[tuple[int, int]]:
    workspace = Workspace.open(str(db), create=False)
    try:
        sets = documents.annotation_sets(workspace, document_id, OWNER)
        assert sets, "anna has no set for the document"
        return {(s.start, s.end) for s in sets[0].spans if s.label == "PER"}
    finally:
        workspace.close()


def test_span_saved_by_a_keystroke_survives_sigkill(tmp_path):
    driver = Driver(tmp_path, "one")
    try:
        deadline = time.monotonic() + 12
        first = driver.next_line(deadline)
        assert first.startswith("DOC "), first
        document_id = first.split()[1]
        start, end = labelled(driver.next_line(deadline))
        driver.kill()  # at once: no clean shutdown, no checkpoint
    finally:
        if driver.process.poll() is None:
            driver.process.kill()
            driver.process.wait(10)
    assert (start, end) in stored_per_spans(driver.db, document_id)


def test_nothing_reported_saved_is_lost_when_killed_mid_labelling(tmp_path):
    driver = Driver(tmp_path, "rapid", count=20)
    reported: list[tuple[int, int]] = []
    try:
        deadline = time.monotonic() + 12
        first = driver.next_line(deadline)
        assert first.startswith("DOC "), first
        document_id = first.split()[1]
        while len(reported) < 10:
            reported.append(labelled(driver.next_line(deadline)))
        driver.kill()  # after the 10th report; more keystrokes may be queued or committing
    finally:
        if driver.process.poll() is None:
            driver.process.kill()
            driver.process.wait(10)
    assert len(set(reported)) == 10
    stored = stored_per_spans(driver.db, document_id)
    missing = [r for r in reported if r not in stored]
    assert not missing, f"reported as saved but not in the database: {missing}"
