"""The window with a PDF: open it, mark a claim from the keyboard, the note is saved."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from tests import pdf_samples as samples
from tests.pdf_factory import make_paper
from tests.ui.conftest import open_article


def test_a_pdf_opens_and_a_label_is_saved_from_the_keyboard(qtbot, make_window,
                                                           tmp_path: Path) -> None:
    path = make_paper(tmp_path / "paper.pdf", samples.health_paper())
    window = make_window()
    open_article(qtbot, window, path)
    assert window.view.toPlainText().startswith(samples.TITLE)
    assert samples.RUNNING_HEAD not in window.view.toPlainText()
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    saved = json.loads(path.with_name("paper.pdf.notes.json").read_text(encoding="utf-8"))
    items = saved["first"]["items"]
    assert len(items) == 1
    assert saved["claimmark"]["article"]["format"] == "pdf"
    quote = next(s for s in items[0]["target"]["selector"] if s["type"] == "TextQuoteSelector")
    assert quote["exact"] in " ".join(samples.BODY)
