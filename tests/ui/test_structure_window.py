"""The reader sees roles: J/K skip headings, bylines and references; cited entries shown."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "health-article.md"


def test_keys_walk_claims_only_and_the_editor_names_cited_entries(qtbot, make_window,
                                                                  tmp_path: Path) -> None:
    article = tmp_path / "health-article.md"
    shutil.copy(FIXTURE, article)
    window = make_window()
    open_article(qtbot, window, article)
    session = window.session
    texts = [session.article.text[c.start:c.end] for c in session.claims]
    assert texts[0].startswith("Vitamin K helps the body")  # not the title, not the byline
    assert not any(t.startswith(("By the Wellness", "Group", "Booth SL", "References"))
                   for t in texts)
    window.view.setFocus()
    assert window.editor.cited.text().startswith("cited: [1] Booth SL")
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    cited = window.editor.cited.text().splitlines()
    assert [line[:13] for line in cited] == ["cited: [2] Fe", "cited: [3] Bo"]
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.editor.cited.text() == ""
