"""Switching the theme in a running window: every part takes the new colours
(a widget with a style sheet, text coloured when it was built, marks coloured
by the palette), not only after a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from app.ui.palette import is_dark, label_ink
from tests.ui.conftest import open_article

PAGE = """<html><head><title>Links</title></head><body><article>
<h1>Magnesium and sleep</h1>
<p>A review on <a href="https://pubmed.ncbi.nlm.nih.gov/33918360/">PubMed</a> found little
evidence. Magnesium may help some people sleep. Order now and save 30% today!</p>
</article></body></html>"""


def link_colors(window) -> set[str]:
    colors = set()
    block = window.view.document().begin()
    while block.isValid():
        for item in block:
            fmt = item.fragment().charFormat()
            if fmt.isAnchor():
                colors.add(fmt.foreground().color().name())
        block = block.next()
    return colors


def test_a_theme_switch_recolours_buttons_links_and_counts(qtbot, make_window,
                                                          tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, page)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # one uncertain: its mark is in the counts
    for theme in ("dark", "light", "dark"):
        window.view_options.set_theme(theme)
        qtbot.wait(10)
        palette = window.view.palette()
        assert is_dark(palette) == (theme == "dark")
        assert link_colors(window) == {palette.color(QPalette.ColorRole.Link).name()}
        for name in ("supported", "advertising", "none"):
            button = window.editor.label_buttons[name]
            text = button.palette().color(button.foregroundRole())
            background = window.editor.palette().color(QPalette.ColorRole.Window)
            assert abs(text.lightness() - background.lightness()) > 100, (theme, name)
        mark = label_ink("uncertain", window.summary.palette()).name()
        assert mark in window.summary.labels["uncertain"].text(), theme


def test_a_named_anchor_in_a_heading_is_not_coloured_as_a_link(qtbot, make_window,
                                                               tmp_path: Path) -> None:
    """An in-page target (<a id> at a heading's start) is no link: a theme
    switch recoloured its first letter in link blue ("Signs", "Causes")."""
    page = tmp_path / "anchors.html"
    page.write_text('<html><body><h1>Magnesium</h1><h2><a id="signs"></a>Signs and symptoms'
                    '</h2><p>Cramps are common. <a href="https://example.org/">A review</a> '
                    "says so.</p></body></html>", encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, page)
    for theme in ("dark", "light"):
        window.view_options.set_theme(theme)
        qtbot.wait(10)
        link = window.view.palette().color(QPalette.ColorRole.Link).name()
        colours = {}
        block = window.view.document().begin()
        while block.isValid():
            for item in block:
                fragment = item.fragment()
                colours[fragment.text()] = fragment.charFormat().foreground().color().name()
            block = block.next()
        assert colours["A review"] == link, theme
        assert colours["S"] != link, theme  # the anchor's letter keeps the heading's colour
