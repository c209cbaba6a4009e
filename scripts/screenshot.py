#!/usr/bin/env python3
"""Make the README screenshots: the sample article with several claims marked.

Run: ``.venv/bin/python scripts/screenshot.py`` (offscreen; no display needed).
Writes docs/screenshots/window-{light,dark}.png and labels-{light,dark}.png
(the end of the article, where all three labels meet). Works on a
temporary copy of the sample, so no notes file is left behind.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def claim_row(session: object, opening: str) -> int:
    """The claim (row) that starts with ``opening``: chosen by its words, so
    the pictures stay right when segmentation changes."""
    text = session.article.text  # type: ignore[attr-defined]
    for claim in session.claims:  # type: ignore[attr-defined]
        if text[claim.start:claim.end].startswith(opening):
            return int(claim.index)
    raise SystemExit(f"no claim starts with {opening!r}")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QTimer
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
        session = window.session
        assert session is not None
        row = functools.partial(claim_row, session)
        if theme == "light":
            # Mark a few claims from the keyboard, as a reader would.
            for opening, key in (("A 2021 review", "1"), ("Research has shown", "2"),
                                 ("Some experts believe", "2"),
                                 ("Magnesium has shown promise", "2")):
                window.navigator.select_row(row(opening))
                QTest.keyClick(window.view, key)
            window.navigator.select_row(row("A 2021 review"))
            window.editor.note.setPlainText("Cites a real review: check what it found.")
            window.editor.commit_note()
            # The end of the article: all three labels on one screen.
            for opening, label in (("Magnesium is essential", "supported"),
                                   ("Whether extra magnesium", "uncertain"),
                                   ("Discover NervaCalm", "advertising"),
                                   ("Order now", "advertising"),
                                   ("Every bottle", "advertising"),
                                   ("Supplies are limited", "advertising")):
                window.navigator.select_row(row(opening))
                window.annotator.apply_label(label)
        window.navigator.select_row(row("A balanced diet"))
        QTest.qWait(300)
        window.view.grab().save(str(out / f"labels-{theme}.png"))
        print(out / f"labels-{theme}.png")
        # An unmarked claim with a suggestion: its cues and "Why suggested" show.
        window.navigator.select_row(row("Experts say this could"))
        QTest.qWait(300)
        window.grab().save(str(out / f"window-{theme}.png"))
        print(out / f"window-{theme}.png")
        window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
