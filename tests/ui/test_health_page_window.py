"""A saved health page as a reader walks it: J goes from sentence to sentence of
the article, past the ad labels, the feedback question, the teasers and the
sources list (tester T8, session 9), and the editor names what a sentence cites."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article

FIXTURE = (Path(__file__).resolve().parents[1] / "fixtures" / "pages"
           / "health-reviewed-article.html")


def test_j_walks_the_article_s_sentences_only(qtbot, make_window, tmp_path: Path) -> None:
    page = tmp_path / "magnesium-for-sleep.html"
    shutil.copy(FIXTURE, page)
    window = make_window()
    open_article(qtbot, window, page)
    session = window.session
    window.view.setFocus()
    assert window.editor.cited.text().startswith("cited: Abbasi B, Kimiagar")
    walked = []
    for _ in range(len(session.claims)):
        target = window.navigator.current_target()
        assert target is not None
        walked.append(session.article.text[target.start:target.end])
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    texts = [session.article.text[c.start:c.end] for c in session.claims]
    assert walked == texts  # J stops at every claim, and only there
    assert len(texts) == 10
    assert texts[1] == "Low levels have been linked to poor sleep and restless nights[2][3]."
    for furniture in ("Advertisement", "Sponsored", "Was this article helpful?",
                      "Read this next", "Abbasi B", "Sleep.", "PMID"):
        assert not any(t.startswith(furniture) for t in texts), furniture
    assert texts[-1].startswith("Our experts continually monitor")
