"""Exporting a 3 MB book's notes to PDF from the window: the longest event-loop stall.

Run: ``.venv/bin/python bench/bench_export.py [MEGABYTES]`` (offscreen). Opens a
3 MB plain-text book (BioScope paragraphs), marks one claim in fifty, then
exports to PDF through File ▸ Export… while a 5 ms QTimer heartbeat measures
how long the event loop goes without running it. Prints the export time, the
page count, the percentages reported and the longest stall.
Target: no stall > 100 ms while exporting.

``--pin`` puts the window's thread on one CPU and the export worker on
another, as on a quiet two-core machine. That is where the worker starves
the window's thread of the interpreter (session 13: a thread that lets go of
the GIL and takes it straight back, many times a millisecond, keeps a waiting
thread from ever being given it; core/make_way.py). On a loaded machine the
scheduler often runs both on one core and the stall may not show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from bench_window_load import make_book
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from app.core.annotations import annotation_for_span
    from app.ui import settings
    from app.ui.application import create_application
    from app.ui.dialogs import DialogService
    from app.ui.main_window import MainWindow

    numbers = [a for a in sys.argv[1:] if not a.startswith("-")]
    megabytes = float(numbers[0]) if numbers else 3.0
    tmp = Path(tempfile.mkdtemp(prefix="claimmark-bench-"))
    settings.redirect(str(tmp / "cfg"))
    os.environ["CLAIMMARK_DATA_DIR"] = str(tmp / "data")
    book = tmp / "book.txt"
    make_book(book, megabytes)
    out = tmp / "book-notes.pdf"

    class Answers(DialogService):
        def choose(self, title: str, label: str, items: list[str],
                   current: str = "") -> str | None:
            return "PDF (.pdf)"

        def save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
            return str(out)

        def error(self, title: str, message: str) -> None:
            print(f"error: {title}: {message}")

    if "--pin" in sys.argv:
        pin_threads()
    app = create_application()
    window = MainWindow(dialogs=Answers())
    window.resize(1280, 820)
    window.show()
    loop = QEventLoop()
    window.articleReady.connect(loop.quit)
    window.open_path(str(book))
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    session = window.session
    assert session is not None
    text = session.article.text
    marked = [annotation_for_span(text, c.start, c.end, label="uncertain", note="Check this.")
              for c in session.claims[::50]]
    session.set_annotations(marked)
    for _ in range(20):
        app.processEvents()

    clock = QElapsedTimer()
    stalls: list[float] = []
    last = [0.0]
    percents: list[int] = []

    stall_ends: list[float] = []
    firsts: dict[int, float] = {}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e9
        stalls.append(now - last[0])
        stall_ends.append(now)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    done = QEventLoop()
    finished: dict[str, float] = {}
    window.exports.progress.connect(percents.append)
    window.exports.progress.connect(
        lambda p: firsts.setdefault(p, clock.nsecsElapsed() / 1e9))
    window.exported.connect(lambda _p: (finished.setdefault("at", clock.nsecsElapsed() / 1e9),
                                        done.quit()))
    window.exports.failed.connect(lambda m: (print("failed:", m), done.quit()))
    # The same heartbeat with the window idle first: on a shared, loaded machine
    # the scheduler alone causes stalls; this says how big.
    clock.start()
    ticker.start()
    idle = QEventLoop()
    QTimer.singleShot(3000, idle.quit)
    idle.exec()
    idle_worst = max(stalls or [0])
    stalls.clear()
    stall_ends.clear()
    clock.start()
    last[0] = 0.0

    def trigger() -> None:
        begin = clock.nsecsElapsed() / 1e9
        window.actions["export"].trigger()
        marks["trigger"] = clock.nsecsElapsed() / 1e9 - begin

    marks: dict[str, float] = {}
    QTimer.singleShot(0, trigger)
    QTimer.singleShot(300_000, done.quit)
    done.exec()
    ticker.stop()
    pages = out.read_bytes().count(b"/Type /Page\n") if out.exists() else 0
    if not pages and out.exists():
        pages = out.read_bytes().count(b"/Type /Page")
    print(f"book: {book.stat().st_size / 1e6:.2f} MB, {len(session.claims)} claims, "
          f"{len(marked)} notes; PDF {out.stat().st_size / 1e6 if out.exists() else 0:.1f} MB, "
          f"~{pages} pages")
    print(f"export time: {finished.get('at', float('nan')):.2f} s; percentages reported: "
          f"{len(percents)} (first {percents[:3]}, last {percents[-1:]})")
    print(f"longest event-loop stall with the window idle (3 s, for scale): "
          f"{1000 * idle_worst:.0f} ms")
    print(f"longest event-loop stall while exporting: {1000 * max(stalls or [0]):.0f} ms "
          f"(target <= 100 ms); stalls over 50 ms: {sum(1 for s in stalls if s > 0.05)}")
    if "-v" in sys.argv:
        for stall, end in zip(stalls, stall_ends, strict=True):
            if stall > 0.05:
                print(f"   stall {1000 * stall:.0f} ms ending at {end:.2f} s")
        print(f"   File ▸ Export… in the UI thread: {1000 * marks.get('trigger', 0):.0f} ms")
        print("   percent reached at:", {p: round(t, 2) for p, t in firsts.items()
                                          if p in (10, 11, 20, 50, 100)})
    window.close()
    return 0


def pin_threads() -> None:
    """The window's thread on the first CPU we may use, the export worker on the second."""
    import threading

    import app.ui.export_service as export_service

    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        print("--pin: fewer than two CPUs; not pinned")
        return
    os.sched_setaffinity(0, {cpus[0]})
    run_export = export_service.run_export

    def pinned(job: object, report: object = None) -> str:
        os.sched_setaffinity(threading.get_native_id(), {cpus[1]})
        return run_export(job, report)  # type: ignore[arg-type]

    export_service.run_export = pinned  # type: ignore[assignment]
    print(f"--pin: window thread on CPU {cpus[0]}, export worker on CPU {cpus[1]}")


if __name__ == "__main__":
    sys.exit(main())
