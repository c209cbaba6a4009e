"""The start page by keyboard (tester T11: Enter and keypad Enter did nothing
on "Open article…" or a recent file; only Space did)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_enter_presses_the_button_with_the_keyboard(qtbot, make_window, dialogs) -> None:
    window = make_window()
    window.show_start_page()
    window.activateWindow()
    page = window.start_page
    dialogs.open_answer = None
    page.open_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.open_button)
    qtbot.keyClick(page.open_button, Qt.Key.Key_Return)
    assert dialogs.kinds() == ["open"]
    qtbot.keyClick(page.open_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialogs.kinds() == ["open", "open"]
    page.sample_button.setFocus()
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        qtbot.keyClick(page.sample_button, Qt.Key.Key_Return)
