"""No menu underlines one letter twice (tester T10: Mark &Supported and Accept
All &Suggestions in the Claims menu; Alt+C then S took the first), the menu
bar's menus, their submenus and both context menus alike."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from tests.ui.conftest import open_article

SHIFT = Qt.KeyboardModifier.ShiftModifier


def letters(texts: list[str]) -> list[str]:
    """The underlined letter of each item (``&&`` is a plain ampersand)."""
    found = []
    for text in texts:
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


def twice(texts: list[str]) -> set[str]:
    seen = letters(texts)
    return {letter for letter in seen if seen.count(letter) > 1}


def menus_of(menu: QMenu) -> list[QMenu]:
    found = [menu]
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(menus_of(action.menu()))
    return found


def context_menu_texts(qtbot, widget) -> list[str]:
    """Open ``widget``'s context menu with Shift+F10, as a keyboard user does."""
    seen: list[str] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(0, read)
    qtbot.keyClick(widget, Qt.Key.Key_F10, SHIFT)
    assert seen
    return seen


def test_no_menu_underlines_a_letter_twice(qtbot, make_window, tmp_path: Path) -> None:
    article = tmp_path / "linked.md"
    article.write_text("Read [the trial](https://example.org/trial) first. It helped me.\n\n"
                       "A second claim here.\n", encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    bar_titles = [a.text() for a in window.menuBar().actions()]
    assert twice(bar_titles) == set()
    for top in window.menuBar().actions():
        for menu in menus_of(top.menu()):
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            assert twice(texts) == set(), (menu.title(), texts)
    # The article's context menu, on a link (Copy &Link Location is there too).
    text = window.session.article.text
    window.view.setFocus()
    window.view.setTextCursor(window.view.cursor_for(text.index("trial") + 2,
                                                     text.index("trial") + 2))
    texts = context_menu_texts(qtbot, window.view)
    assert {"Copy &Link Location", "O&pen Link…", "Mark &Advertising"} <= set(texts)
    assert twice(texts) == set(), texts
    window.list.setFocus()
    texts = context_menu_texts(qtbot, window.list)
    assert "Mark &Uncertain" in texts
    assert twice(texts) == set(), texts


def test_accept_all_keeps_its_s_and_mark_supported_has_another_letter(make_window) -> None:
    window = make_window()
    assert window.actions["accept_all"].text() == "Accept All &Suggestions"
    assert letters([window.actions["supported"].text()]) != ["s"]
    for name in ("supported", "uncertain", "advertising", "clear"):  # not a claim key
        assert not set(letters([window.actions[name].text()])) & {"j", "k"}


def test_a_recent_file_with_an_ampersand_is_shown_as_named(qtbot, make_window,
                                                            tmp_path: Path) -> None:
    article = tmp_path / "R&D notes.txt"
    article.write_text("A claim here. Another one there.\n", encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    [action] = window.recent_menu.actions()
    assert action.text() == "R&&D notes.txt"  # shown "R&D notes.txt", no letter underlined
    assert letters([action.text()]) == []
    window.show_start_page()  # its recent files are buttons: the same
    texts = [b.text() for b in window.start_page.findChildren(QPushButton)]
    assert "R&&D notes.txt" in texts
