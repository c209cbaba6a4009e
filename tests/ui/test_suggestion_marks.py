"""A suggestion's dotted mark can be seen at normal zoom on the light and the
dark page, in every label's colour, and stays dotted (its non-colour cue)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from app.core.loaders import load_article
from app.ui.article_view import ArticleView, Highlight
from app.ui.theme import dark_palette
from tests.ui.mark_contrast import mark_rows, visible_rows

SENTENCE = "Some experts believe that magnesium could help nerves heal faster than expected."


def palette_named(name: str) -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return dark_palette() if name == "dark" else app.style().standardPalette()


def grab(qtbot, view: ArticleView, highlights: list[Highlight]) -> QImage:
    view.set_highlights(highlights)
    view.viewport().repaint()
    qtbot.wait(10)
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", ["supported", "uncertain", "advertising"])
def test_a_suggestion_mark_is_thick_enough_and_contrasts(qtbot, tmp_path: Path, theme: str,
                                                         label: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE + "\n", encoding="utf-8")
    view = ArticleView()
    qtbot.addWidget(view)
    palette = palette_named(theme)
    view.setPalette(palette)
    view.resize(900, 160)
    view.show_article(load_article(str(path)))
    view.show()
    qtbot.waitExposed(view)
    plain = grab(qtbot, view, [])
    marked = grab(qtbot, view, [Highlight(0, len(SENTENCE), label, suggested=True)])
    rows = mark_rows(plain, marked, palette.color(QPalette.ColorRole.Base))
    assert visible_rows(rows) >= 2, rows  # Qt's own dotted underline: 1 row, gaps of 2
    assert all(coverage <= 0.7 for coverage, _ in rows), rows  # still dotted, not a line
    assert view.extraSelections()[0].format.underlineColor().alpha() == 0  # no second line
