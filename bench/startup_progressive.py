"""How early could a progressive first paint be? (docs/decisions.md, "Start-up").

Run: ``.venv/bin/python bench/startup_progressive.py`` (offscreen). Not the
window's start path: three throw-away first paints, each given the sample's
Article, claims and suggestions from a pickle (what an analysis cache of an
earlier open would hand over), timed from process start to their first paint
against ``bench_startup.py``'s bare QTextBrowser, interleaved, median of 9:

- **themed**: ``create_application()``, our ArticleView with the sample and
  its suggestions' highlights, beside an empty pane, five empty menus;
- **plain app**: the same from a bare ``QApplication``, no menus;
- **plain text**: that, showing the text without formatting or highlights.

If even "plain text" is over 1.3 × bare, no progressive paint with our own
article view can meet the design's start-up target.
"""

from __future__ import annotations

import os
import pickle
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE, ROOT, timed  # noqa: E402 - a sibling script

RUNS = 9

FIRST_PAINT = """
import os, sys, time, pickle
mode = os.environ["FIRST_PAINT"]
import app.ui  # PySide6's import hook, as the window installs it
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget
if mode == "themed":
    from app.ui.application import create_application
    app = create_application()
else:
    app = QApplication([sys.argv[0], "-style", "fusion"])
with open(os.environ["ANALYSIS"], "rb") as cached:
    article, claims, suggestions = pickle.load(cached)
from app.ui.article_view import ArticleView, Highlight
class View(ArticleView):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"PAINTED {time.time():.6f} {time.process_time():.4f}", file=sys.stderr)
            QTimer.singleShot(0, app.quit)
window = QMainWindow()
if mode == "themed":
    for title in ("&File", "&Edit", "&View", "&Claim", "&Help"):
        window.menuBar().addMenu(title)
splitter = QSplitter()
view = View()
splitter.addWidget(view)
splitter.addWidget(QWidget())
window.setCentralWidget(splitter)
if mode == "plain text":
    view.setPlainText(article.text)
else:
    view.show_article(article)
    view.set_highlights([Highlight(claims[i].start, claims[i].end, s.label, True)
                         for i, s in suggestions.items()])
window.resize(1280, 820)
window.show()
app.exec()
"""

MODES = ("themed", "plain app", "plain text")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from app.core.claims import find_claims
    from app.core.loaders import load_article
    from app.core.suggest import suggest_for_claims

    sample = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"
    article = load_article(str(sample))
    claims = find_claims(article)
    analysis = Path(tempfile.mkdtemp()) / "analysis.pickle"
    analysis.write_bytes(pickle.dumps((article, claims, suggest_for_claims(article, claims))))
    programs = {"bare": (["-c", BARE], {})}
    for mode in MODES:
        programs[mode] = (["-c", FIRST_PAINT], {"FIRST_PAINT": mode, "ANALYSIS": str(analysis)})
    painted: dict[str, list[float]] = {name: [] for name in programs}
    for run in range(RUNS + 1):  # the first round warms the file cache
        for name, (program, env) in programs.items():
            os.environ.update(env)
            measured = timed(program, sample).to_paint
            if run:
                painted[name].append(measured)
    print(f"load average (1 min) after: {os.getloadavg()[0]:.2f}; median of {RUNS}")
    bare = statistics.median(painted["bare"])
    for name, times in painted.items():
        median = statistics.median(times)
        print(f"{name:>10}: painted at {median:.3f} s ({median / bare:.2f}x bare)")


if __name__ == "__main__":
    main()
