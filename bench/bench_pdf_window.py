"""Opening a 300-page PDF in the window: first page painted, the rest with progress.

Run: ``.venv/bin/python bench/bench_pdf_window.py [--pages 300]`` (offscreen).
Prints the time from asking to open the file to the first paint of its first
page (target ≤ 1 s), to the whole text (read in the loader thread, progress
reported per page), to claims and suggestions ready, how many progress reports
arrived, and the longest event-loop stall meanwhile (5 ms timer).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer

    from app.ui import settings
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow
    from app.ui.suggest_bridge import default_suggester
    from tests import pdf_samples
    from tests.pdf_factory import make_paper

    tmp = Path(tempfile.mkdtemp(prefix="claimmark-bench-"))
    settings.redirect(str(tmp / "cfg"))
    os.environ["CLAIMMARK_DATA_DIR"] = str(tmp / "data")
    pdf = make_paper(tmp / "long.pdf", pdf_samples.long_paper(max(1, args.pages * 18 // 10)))
    app = create_application()
    window = MainWindow(suggester=default_suggester())
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    clock = QElapsedTimer()
    marks: dict[str, float] = {}
    loads: list[float] = []
    progress: list[int] = []
    stalls: list[float] = []
    last = [0.0]

    def now() -> float:
        return clock.nsecsElapsed() / 1e9

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and loads and "paint" not in marks:
                marks["paint"] = now()
            return False

    watcher = FirstPaint()
    window.view.viewport().installEventFilter(watcher)
    # Recorded in the loader thread when it emits, before the window sees it.
    window.documents.loader.articleLoaded.connect(lambda *_: loads.append(now()),
                                                  Qt.ConnectionType.DirectConnection)
    window.documents.loader.progress.connect(lambda _g, done, _t: progress.append(done))

    ends: list[float] = []

    def tick() -> None:
        stalls.append(now() - last[0])
        ends.append(now())
        last[0] = now()

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    window.articleReady.connect(lambda: (marks.setdefault("ready", now()),
                                         QTimer.singleShot(200, app.quit)))
    clock.start()
    ticker.start()
    window.open_path(str(pdf))
    QTimer.singleShot(300_000, app.quit)
    app.exec()
    pages = window.session.article.page_breaks[-1][1] if window.session else 0
    print(f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.2f} MB, "
          f"{len(window.model.rows)} claims")
    print(f"first page painted:   {marks.get('paint', float('nan')):.3f} s  (target <= 1 s)")
    print(f"whole text read:      {loads[-1] if len(loads) > 1 else float('nan'):.3f} s "
          f"({len(progress)} progress reports)")
    print(f"articleLoaded at: {[round(t, 3) for t in loads]}")
    print(f"claims + suggestions: {marks.get('ready', float('nan')):.3f} s")
    worst = max(range(len(stalls)), key=stalls.__getitem__) if stalls else 0
    print(f"longest event-loop stall: {1000 * max(stalls or [0]):.0f} ms, ending at "
          f"{ends[worst] if stalls else 0:.3f} s; stalls over 100 ms: "
          f"{sum(1 for s in stalls if s > 0.1)}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
