"""Memory over a cycle of openings: a big text book, a short article, the book again….

Run: ``.venv/bin/python bench/bench_memory_cycle.py [MEGABYTES]`` (offscreen; the
book is made as bench_window_load makes its book, 7.1 MB by default, the size of
the tester's book5mb.txt). Prints the load average, then after each opening (and
1.5 s of the window's idle time) its RSS and whether the first book's session is
still alive. The target of docs (design.md): a 3 MB book ≤ 400 MB.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import weakref
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def main() -> int:
    from bench_window_load import make_book
    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui import settings
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow
    from app.ui.suggest_bridge import default_suggester

    tmp = Path(tempfile.mkdtemp(prefix="claimmark-bench-"))
    settings.redirect(str(tmp / "cfg"))
    os.environ["CLAIMMARK_DATA_DIR"] = str(tmp / "data")
    book = tmp / "book.txt"
    make_book(book, float(sys.argv[1]) if len(sys.argv) > 1 else 7.1)
    small = tmp / "small.txt"
    small.write_text("Tea is a drink. It is hot.\n\nSome say it helps.\n", encoding="utf-8")
    app = create_application()
    window = MainWindow(suggester=default_suggester())
    window.resize(1280, 820)
    window.show()
    app.processEvents()

    def open_and_settle(path: Path) -> float:
        loop = QEventLoop()
        window.articleReady.connect(loop.quit)
        QTimer.singleShot(180_000, loop.quit)
        start = time.perf_counter()
        window.open_path(str(path))
        loop.exec()
        seconds = time.perf_counter() - start
        window.articleReady.disconnect(loop.quit)
        idle = QEventLoop()
        QTimer.singleShot(1500, idle.quit)
        idle.exec()
        gc.collect()
        time.sleep(0.2)
        return seconds

    print(f"load average {os.getloadavg()[0]:.1f}; {book.stat().st_size / 1e6:.1f} MB book; "
          f"RSS at start {rss_mb()} MB")
    first = None
    for step, path in enumerate((book, small, book, small, book)):
        seconds = open_and_settle(path)
        if first is None:
            first = weakref.ref(window.session)
        print(f"{step}: {path.name:9s} ready in {seconds:5.1f} s, RSS {rss_mb():4d} MB; "
              f"first book's session {'alive' if first() is not None else 'freed'}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
