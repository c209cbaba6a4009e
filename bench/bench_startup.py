"""Start-up: process start → window painted with the sample and its suggestions.

Run: ``.venv/bin/python bench/bench_startup.py`` (offscreen). Compares, as
whole processes (median of 7 runs each), claimmark opening the sample with a
bare PySide6 window showing the same text in a QTextBrowser. Target: claimmark
≤ 1.3 × bare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv[:1])
view = QTextBrowser()
view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
view.resize(1280, 820)
view.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

CLAIMMARK = """
import os, sys, tempfile
from app.ui import settings
settings.redirect(tempfile.mkdtemp())
os.environ["CLAIMMARK_DATA_DIR"] = tempfile.mkdtemp()
from app.ui.application import create_application
from app.ui.main_window import MainWindow
from app.ui.suggest_bridge import default_suggester
from PySide6.QtCore import QTimer
app = create_application()
window = MainWindow(suggester=default_suggester())
window.resize(1280, 820)
window.show()
def ready():
    assert window.navigator.suggestions, "suggestions must be shown"
    window.view.viewport().repaint()
    QTimer.singleShot(0, app.quit)
window.articleReady.connect(ready)
window.open_path(sys.argv[1])
app.exec()
"""


def timed(code: str, sample: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(sample)], check=True, env=env,
                   stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def main() -> None:
    sample = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"
    # Byte-compiled, as after a wheel install (this machine sets PYTHONDONTWRITEBYTECODE).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True,
                   stdout=subprocess.DEVNULL)
    timed(BARE, sample)  # warm the file cache
    timed(CLAIMMARK, sample)
    bare = statistics.median(timed(BARE, sample) for _ in range(RUNS))
    ours = statistics.median(timed(CLAIMMARK, sample) for _ in range(RUNS))
    print(f"bare PySide6 + QTextBrowser: {bare:.3f} s")
    print(f"claimmark, sample + suggestions painted: {ours:.3f} s")
    print(f"ratio: {ours / bare:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
