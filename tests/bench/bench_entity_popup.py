"""The link key's popup over a large entity table: does the window stall, and what does the cache save?

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_entity_popup               # 10,000 docs
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.bench_entity_popup --docs 1000   # quick

``bench_entities``' corpus (4 mentions a document linked to 200 entities, 2 claims a document)
with the first document's mentions unlinked. The window opens on it; timed, with the event loop
running: the link key on a mention whose proposals are not kept yet (cold: read on the runner),
against the key on a mention the caret rested on first (warm: read ahead, taken from the cache);
and the longest the GUI thread went without handling a 5 ms timer meanwhile (a stall).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import orjson  # noqa: E402

from tests.bench._corpus import WorkDir, common_arguments, median, table  # noqa: E402
from tests.bench.bench_entities import linked_lines  # noqa: E402


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    common_arguments(parser)
    args = parser.parse_args(argv)
    os.environ.setdefault("ANNOTATOR_CONFIG_DIR", str(Path(args.dir or "/tmp") / "bench-popup-config"))

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.annotate.main_window import MainWindow
    from annotator.gui.common.settings import GuiSettings
    from annotator.gui.common.tasks import TaskRunner
    from annotator.services import documents, entities
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    figures: dict[str, float] = {}
    with WorkDir(args.dir, args.keep, "bench-popup-") as work:
        source = work / "linked.jsonl"
        with open(source, "wb") as handle:
            for line in linked_lines(args.docs, args.seed, 2, True):
                handle.write(orjson.dumps(line) + b"\n")
        ws = Workspace.open(str(work / "db.sqlite3"))
        assert import_files(ws, [source]).committed
        first = next(iter(documents.iter_summaries(ws))).id
        (aset,) = documents.annotation_sets(ws, first, "anna")
        for span in aset.spans:
            if span.entity is not None:
                entities.unlink_mention(ws, span.id, owner="anna")
        runner = TaskRunner()
        window = MainWindow(ws, GuiSettings(annotator="anna"), runner)
        window.show()
        runner.wait(60_000)
        assert window.document_id == first
        linker = window.entity_linker
        mentions = [s for s in window.view.spans() if s.entity is None][: 2 * args.rounds]
        ticks = QElapsedTimer()
        longest = [0.0]
        beat = QTimer()
        beat.setInterval(5)

        def on_beat() -> None:
            longest[0] = max(longest[0], ticks.restart())

        beat.timeout.connect(on_beat)

        def time_key(span, warm: bool) -> float:
            linker.forget()
            window.view.move_caret_core(span.start + 1)
            if warm:  # the caret rests: the proposals are read ahead
                deadline = time.perf_counter() + 30
                while (first, span.id) not in linker.cache and time.perf_counter() < deadline:
                    app.processEvents()
                    time.sleep(0.005)
            else:
                linker._prefetch.stop()
            longest[0] = 0.0
            ticks.start()
            beat.start()
            t0 = time.perf_counter()
            linker.open_proposals()
            while linker.popup.loading:
                app.processEvents()
                time.sleep(0.001)
            elapsed = time.perf_counter() - t0
            beat.stop()
            linker.popup.hide()
            key = f"stall_{'warm' if warm else 'cold'}_ms"
            figures[key] = max(figures.get(key, 0.0), longest[0])
            return elapsed

        cold = [time_key(s, False) for s in mentions[0::2]]
        warm = [time_key(s, True) for s in mentions[1::2]]
        figures["cold_ms"] = median(cold) * 1000
        figures["warm_ms"] = median(warm) * 1000
        window.close()
        runner.wait()
        runner.shutdown()
        ws.close()
    print(f"{args.docs:,} documents, 200 entities; {len(cold)} + {len(warm)} key presses\n")
    print(table([
        ("link key, proposals not kept (read on the runner), median", f"{figures['cold_ms']:.1f}"),
        ("link key, proposals read ahead (from the cache), median", f"{figures['warm_ms']:.1f}"),
        ("longest GUI-thread stall while a cold proposal is read", f"{figures['stall_cold_ms']:.1f}"),
    ], ("run", "ms")))
    print(f"\nratio cold / warm: {figures['cold_ms'] / max(figures['warm_ms'], 1e-3):.0f}")
    return figures


if __name__ == "__main__":
    main()
