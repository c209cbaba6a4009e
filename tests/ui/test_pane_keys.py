"""The panes resized by keyboard (tester T11: a keyboard-only reader could not
widen the notes pane): View ▸ Wider Notes Pane (Ctrl+[) and Wider Article
(Ctrl+]), in Help ▸ Keyboard Shortcuts, remembered like a drag."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui import pane_shares, settings
from tests.ui.conftest import open_article


def article_to_notes(window) -> float:
    article, notes = window.splitter.sizes()[:2]
    return article / (article + notes)


def test_ctrl_brackets_move_the_divider_and_it_is_remembered(qtbot, make_window, dialogs,
                                                             sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    before = article_to_notes(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    wider_notes = article_to_notes(window)
    assert wider_notes < before - 0.03
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    wider_article = article_to_notes(window)
    assert wider_article > before + 0.03
    for _ in range(30):  # never past the limits
        qtbot.keyClick(window.view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert article_to_notes(window) <= pane_shares.ARTICLE_RANGE[1] + 0.01
    window.close()
    article, _page = pane_shares.decode(settings.get(settings.PANES))
    assert abs(article - pane_shares.ARTICLE_RANGE[1]) < 0.02


def test_the_pane_keys_are_in_the_view_menu_and_the_help(make_window, dialogs) -> None:
    window = make_window()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.actions["wider_notes"] in view_menu.actions()
    assert window.actions["wider_article"] in view_menu.actions()
    window.actions["shortcuts"].trigger()
    text = dialogs.calls[-1][2]
    assert "Ctrl+[" in text and "Ctrl+]" in text
