"""TaskRunner: work off the GUI thread, one at a time, results back on the GUI thread in order."""

from __future__ import annotations

import threading
import time

import pytest

from annotator.gui.common.tasks import TaskRunner
from annotator.services import documents


def test_work_runs_on_another_thread_and_results_come_back_on_the_gui_thread(runner, qtbot):
    gui = threading.get_ident()
    seen = {}

    def work():
        seen["work"] = threading.get_ident()
        return 42

    def done(value):
        seen["done"] = threading.get_ident()
        seen["value"] = value

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(work, done)
    assert seen["work"] != gui
    assert seen["done"] == gui
    assert seen["value"] == 42


def test_results_come_back_in_submission_order_and_one_at_a_time(runner):
    results = []
    active = []
    overlap = []

    def work(i):
        def fn():
            active.append(i)
            if len(active) > 1:
                overlap.append(tuple(active))
            time.sleep(0.002 * (10 - i))  # earlier tasks take longer
            active.remove(i)
            return i
        return fn

    for i in range(10):
        runner.run(work(i), results.append)
    assert runner.busy
    assert runner.wait(5000)
    assert not runner.busy
    assert results == list(range(10))
    assert overlap == []


def test_an_exception_calls_on_error_on_the_gui_thread(runner):
    gui = threading.get_ident()
    errors = []
    done = []

    def fail():
        raise ValueError("boom")

    runner.run(fail, done.append, lambda exc: errors.append((exc, threading.get_ident())))
    runner.run(lambda: "after", done.append)  # the worker survives a failure
    assert runner.wait()
    assert len(errors) == 1
    exc, thread = errors[0]
    assert isinstance(exc, ValueError) and str(exc) == "boom"
    assert thread == gui
    assert done == ["after"]


def test_an_unhandled_error_is_logged_and_the_runner_goes_idle(runner, caplog):
    runner.run(lambda: 1 / 0)
    assert runner.wait()
    assert not runner.busy
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_idle_is_emitted_once_when_the_queue_empties(runner, qtbot):
    idles = []
    runner.idle.connect(lambda: idles.append(True))
    gate = threading.Event()
    runner.run(gate.wait)
    runner.run(lambda: None)
    qtbot.wait(20)
    assert runner.busy and idles == []
    gate.set()
    assert runner.wait()
    assert idles == [True]


def test_a_callback_may_queue_more_work_and_wait_covers_it(runner):
    results = []
    runner.run(lambda: 1, lambda v: runner.run(lambda: v + 1, results.append))
    assert runner.wait()
    assert results == [2]


def test_wait_times_out_while_work_is_running(runner):
    gate = threading.Event()
    runner.run(gate.wait)
    assert runner.wait(50) is False
    assert runner.busy
    gate.set()
    assert runner.wait()


def test_database_reads_run_on_the_worker(runner, gui_workspace):
    counts = []
    runner.run(lambda: documents.count(gui_workspace), counts.append)
    assert runner.wait()
    assert counts == [5]


def test_shutdown_finishes_submitted_work_and_refuses_more(qapp):
    task_runner = TaskRunner()
    finished = []
    task_runner.run(lambda: (time.sleep(0.05), finished.append(True)))
    task_runner.shutdown()
    assert finished == [True]  # a write in progress is never cut off
    assert not task_runner.busy
    with pytest.raises(RuntimeError):
        task_runner.run(lambda: None)


def test_the_work_and_its_callbacks_are_freed_on_the_gui_thread_never_on_the_worker(qapp):
    """A task's closure may hold the last reference to a window or a widget; freeing that on the
    worker thread deletes a Qt object off the GUI thread (a crash some time later)."""
    import gc
    import threading
    import weakref

    class Work:
        def __call__(self):
            return 1

    class Done:
        def __call__(self, _result):
            pass

    runner = TaskRunner()
    freed = []
    for _ in range(20):
        work, done = Work(), Done()
        weakref.finalize(work, lambda: freed.append(threading.current_thread()))
        weakref.finalize(done, lambda: freed.append(threading.current_thread()))
        runner.run(work, on_done=done)
        del work, done
    assert runner.wait()
    gc.collect()
    runner.shutdown()
    assert len(freed) == 40 and all(thread is threading.main_thread() for thread in freed)
