#!/usr/bin/env python3
"""Make the README screenshots: the sample article with several claims marked.

Run: ``.venv/bin/python scripts/screenshot.py`` (offscreen; no display needed).
Writes docs/screenshots/window-{light,dark}.png and labels-{light,dark}.png
(the end of the article, where all three labels meet). Works on a
temporary copy of the sample, so no notes file is left behind.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from app.core.resources import sample_article_path
    from app.ui import settings
    from app.ui.application import apply_theme, create_application
    from app.ui.main_window import MainWindow
    from app.ui.suggest_bridge import default_suggester

    tmp = Path(tempfile.mkdtemp(prefix="claimmark-shot-"))
    settings.redirect(str(tmp / "cfg"))
    os.environ["CLAIMMARK_DATA_DIR"] = str(tmp / "data")
    _app = create_application()  # kept alive for the whole run
    article = tmp / "magnesium-and-nerves.md"
    shutil.copy(sample_article_path(), article)
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(theme)
        window = MainWindow(suggester=default_suggester())
        window.resize(1360, 860)
        window.show()
        loop = QEventLoop()
        window.articleReady.connect(loop.quit)
        window.open_path(str(article))
        QTimer.singleShot(15000, loop.quit)
        loop.exec()
        if theme == "light":
            view = window.view
            # Walk to a few claims and mark them, as a reader would.
            keys = {8: "1", 21: "1", 23: "2", 24: "2", 25: "2", 26: "2"}
            for step in range(27):
                if step in keys:
                    QTest.keyClick(view, keys[step])
                QTest.keyClick(view, Qt.Key.Key_J)
            window.navigator.select_row(22)
            window.editor.note.setPlainText("Cites a real review: check what it found.")
            window.editor.commit_note()
            # The end of the article: all three labels on one screen.
            for row, label in ((49, "supported"), (50, "uncertain"), (54, "advertising"),
                               (55, "advertising"), (56, "advertising"), (57, "advertising")):
                window.navigator.select_row(row)
                window.annotator.apply_label(label)
        window.navigator.select_row(51)
        QTest.qWait(300)
        window.view.grab().save(str(out / f"labels-{theme}.png"))
        print(out / f"labels-{theme}.png")
        # An unmarked claim with a suggestion: its cues and "Why suggested" show.
        window.navigator.select_row(28)
        QTest.qWait(300)
        window.grab().save(str(out / f"window-{theme}.png"))
        print(out / f"window-{theme}.png")
        window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
