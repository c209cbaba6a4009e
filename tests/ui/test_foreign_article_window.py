"""A reader opening an article not in English is told why nothing is suggested."""

from __future__ import annotations

from pathlib import Path

from app.ui.claim_model import SUGGESTION_ROLE
from app.ui.suggest_bridge import default_suggester
from tests.core.test_language import ENGLISH, GERMAN
from tests.ui.conftest import open_article


def suggested_rows(window) -> int:
    return sum(1 for row in range(len(window.model.rows))
               if window.model.data(window.model.index(row), SUGGESTION_ROLE) is not None)


def test_a_german_article_says_suggestions_read_english_only(qtbot, make_window,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "magnesium.txt"
    path.write_text(GERMAN + " Das Etikett sagt: Click here to order now and save 30%!",
                    encoding="utf-8")
    window = make_window(default_suggester())
    open_article(qtbot, window, path)
    message = window.statusBar().currentMessage()
    assert "seems to be in German" in message and "English only" in message, message
    assert suggested_rows(window) == 0
    assert window.model.rowCount() >= 4


def test_an_english_article_shows_no_such_notice(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "magnesium.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    window = make_window(default_suggester())
    open_article(qtbot, window, path)
    assert "English only" not in window.statusBar().currentMessage()
    assert suggested_rows(window) > 0
