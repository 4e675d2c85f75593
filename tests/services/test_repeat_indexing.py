"""The background indexer of repeated passages: it reads what imports left out, a batch per
transaction, stops between batches, and goes round again when started while it runs."""

from __future__ import annotations

import threading
import time

from annotator.domain.tokens import sentences
from annotator.services import importing, repeats
from annotator.services.repeat_indexing import BackgroundIndexer


def wait_for(condition, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_it_reads_every_unread_document_and_says_how_many_are_left(sample_workspace):
    ws = sample_workspace
    indexer = BackgroundIndexer(ws, batch=2, rest=0.0)
    indexer.start()
    wait_for(lambda: not indexer.running)
    assert indexer.error is None and indexer.finished == 1
    assert indexer.indexed == 5 and indexer.left == 0
    assert repeats.unread_count(ws) == 0
    assert len(repeats.repeated_passages(ws)) >= 3


def test_stop_ends_it_between_batches_keeping_the_batches_done(sample_workspace, monkeypatch):
    ws = sample_workspace
    in_batch = threading.Event()
    go_on = threading.Event()
    real = repeats.index_batch

    def slow(*args, **kwargs):
        in_batch.set()
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(repeats, "index_batch", slow)
    indexer = BackgroundIndexer(ws, batch=1, rest=0.0)
    indexer.start()
    assert in_batch.wait(10)
    stopper = threading.Thread(target=indexer.stop)
    stopper.start()
    go_on.set()  # the batch under way finishes; no other begins
    stopper.join(10)
    assert not indexer.running and indexer.finished == 0
    assert indexer.indexed == 1 and repeats.unread_count(ws) == 4
    indexer.start()  # once stopped it stays stopped (the window is closing)
    assert not indexer.running


def test_a_start_while_running_goes_round_again_for_the_new_documents(sample_workspace, tmp_path, monkeypatch):
    ws = sample_workspace
    first_round = threading.Event()
    go_on = threading.Event()
    real = repeats.unread_count
    calls = []

    def counted(workspace):
        calls.append(1)
        if len(calls) == 1:
            first_round.set()
            go_on.wait(10)
        return real(workspace)

    monkeypatch.setattr(repeats, "unread_count", counted)
    indexer = BackgroundIndexer(ws, rest=0.0)
    indexer.start()
    assert first_round.wait(10)
    (tmp_path / "late.txt").write_text("Токаев встретился с Мирзиёевым в Ташкенте на этой неделе.", encoding="utf-8")
    assert importing.import_files(ws, [tmp_path / "late.txt"]).committed
    indexer.start()  # an import committed while the first round ran
    go_on.set()
    wait_for(lambda: not indexer.running)
    assert indexer.error is None and indexer.finished == 2
    assert real(ws) == 0 and indexer.indexed == 6


def test_it_rests_between_batches_in_proportion_to_their_work(sample_workspace, monkeypatch):
    ws = sample_workspace
    waits: list[float] = []
    indexer = BackgroundIndexer(ws, batch=1, rest=0.5)
    real_wait = indexer._stop.wait

    def recorded(seconds=None):
        waits.append(seconds)
        return real_wait(0)

    monkeypatch.setattr(indexer._stop, "wait", recorded)
    indexer.start()
    wait_for(lambda: not indexer.running)
    assert len(waits) == 5 and all(w > 0 for w in waits)


def test_a_batch_pauses_before_each_sentence_where_a_hold_keeps_it_waiting(sample_workspace):
    ws = sample_workspace
    with ws.store.read() as repo:
        first = repo.documents([d for d, _ in repo.repeat_index.unread_documents(0, 3)])
    sentence_count = sum(len(list(sentences(d.text))) for d in first)
    calls: list[int] = []
    batch = repeats.index_batch(ws, limit=3, pause=lambda: calls.append(1))
    # before each sentence (a document's units took 5-12 ms, as long as a keystroke's paint), before
    # each document's signatures, and before the write
    assert batch.documents == 3 and len(calls) >= sentence_count + 1 > 3 + 1
    indexer = BackgroundIndexer(ws, rest=0.0)
    indexer.hold(0.3)
    began = time.monotonic()
    indexer._wait_for_quiet()
    assert time.monotonic() - began >= 0.25


def test_the_signatures_libraries_are_loaded_once_the_annotator_is_quiet(sample_workspace, monkeypatch):
    """Their imports (datasketch brings scipy) hold the interpreter half a second and cannot pause:
    the indexer loads them only after the annotator's hold has run out, before its first batch."""
    from annotator.services import repeat_indexing

    loaded: list[float] = []
    monkeypatch.setattr(repeat_indexing, "prepare_signatures", lambda: loaded.append(time.monotonic()))
    indexer = BackgroundIndexer(sample_workspace, rest=0.0)
    indexer.hold(0.3)
    held_until = time.monotonic() + 0.25
    indexer.start()
    wait_for(lambda: not indexer.running)
    assert len(loaded) == 1 and loaded[0] >= held_until
    assert indexer.indexed == 5
