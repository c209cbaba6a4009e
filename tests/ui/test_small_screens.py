"""The window on a small screen (tester T11, at 1024×700 and 800×600): long
status messages cut off, Help ▸ Keyboard Shortcuts 862 pixels tall, a tiny
export dialog with its title cut."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QTextBrowser

from app.ui.dialogs import choice_dialog, message_dialog
from app.ui.export_service import FORMAT_CHOICES
from app.ui.window_actions import shortcuts_html
from tests.ui.conftest import open_article

LONG = ("The article changed on disk and cannot be read now: your notes are kept "
        "and saved in /home/reader/Documents/articles/magnesium-and-nerves.md.notes.json; "
        "it reloads when the file can be read again")


def test_a_long_status_message_is_shortened_and_whole_in_its_tooltip(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    window.resize(800, 600)
    open_article(qtbot, window, sample_copy)
    bar = window.statusBar()
    bar.showMessage(LONG)
    shown = bar.shown_message()
    assert shown != LONG and shown.endswith("…")
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()
    assert bar.toolTip() == LONG
    assert bar.currentMessage() == LONG  # what the window said is unchanged
    bar.showMessage("Saved")
    assert bar.shown_message() == "Saved" and bar.toolTip() == ""


def test_keyboard_shortcuts_fit_a_small_screen_and_scroll(make_window) -> None:
    window = make_window()
    dialog = message_dialog(window, "Keyboard shortcuts", shortcuts_html(window.actions))
    dialog.show()
    QApplication.processEvents()
    room = window.screen().availableGeometry()  # offscreen: 800×600
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    [browser] = dialog.findChildren(QTextBrowser)
    assert browser.verticalScrollBar().maximum() > 0 or \
        browser.document().size().height() <= browser.viewport().height()
    assert "Next Claim" in browser.toPlainText()
    dialog.close()
    dialog.deleteLater()


def test_a_short_message_is_a_plain_message_box(make_window) -> None:
    window = make_window()
    dialog = message_dialog(window, "Nothing imported", "No notes in that file.")
    assert not dialog.findChildren(QTextBrowser)
    dialog.deleteLater()


def test_the_export_dialog_shows_its_title_and_whole_format_names(make_window) -> None:
    window = make_window()
    dialog = choice_dialog(window, "Export notes", "Format:", list(FORMAT_CHOICES))
    dialog.show()
    QApplication.processEvents()
    title_width = dialog.fontMetrics().horizontalAdvance("Export notes") + 120
    assert dialog.width() >= title_width
    [combo] = dialog.findChildren(QComboBox)
    widest = max(combo.fontMetrics().horizontalAdvance(c) for c in FORMAT_CHOICES)
    assert combo.width() >= widest + 20
    assert dialog.width() >= 360
    dialog.close()
    dialog.deleteLater()


def test_the_claim_list_has_no_sideways_scroll_bar_in_a_narrow_pane(
        qtbot, make_window, sample_copy: Path) -> None:
    """At 800×600 with the PDF's page on, the notes pane is about 210 pixels:
    every row was 200 pixels wide whatever the pane, and the list scrolled
    sideways (its quotes cut on the right)."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.splitter.setSizes([2000, 1])  # the notes pane as narrow as it goes
    QApplication.processEvents()
    assert window.list.viewport().width() < 200, window.list.viewport().width()
    assert not window.list.horizontalScrollBar().isVisible()
    rect = window.list.visualRect(window.proxy.index(0, 0))
    assert rect.right() <= window.list.viewport().width()


def test_a_keyboard_reader_reads_a_cut_message_whole_in_help_recent_messages(
        qtbot, make_window, sample_copy: Path, dialogs) -> None:
    """A tooltip needs a mouse (helper W12's leftover): Help ▸ Recent Messages
    shows what the status bar said, whole, newest first; a screen reader finds
    the whole message in the bar's accessible description."""
    window = make_window()
    window.resize(800, 600)
    open_article(qtbot, window, sample_copy)
    bar = window.statusBar()
    bar.showMessage(LONG)
    assert bar.shown_message() != LONG
    assert bar.accessibleDescription() == LONG
    bar.showMessage("Saved")
    bar.clearMessage()
    bar.showMessage("Saved")  # said again with nothing between: once in the list
    bar.clearMessage()
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help")
    [action] = [a for a in help_menu.actions() if a.text() == "Recent &Messages…"]
    action.trigger()
    kind, title, text = dialogs.calls[-1]
    assert (kind, title) == ("info", "Recent messages")
    assert html.escape(LONG) in text
    assert text.count("Saved") == 1 and text.index("Saved") < text.index(html.escape(LONG))


def rows_shown(window) -> float:
    return window.list.viewport().height() / window.list.sizeHintForRow(0)


def test_a_short_window_gives_the_claim_list_room_before_the_note_box(
        qtbot, make_window, sample_copy: Path) -> None:
    """A laptop's 700-pixel screen showed under two rows of the claim list
    while the note box kept 110 pixels and the sources 64 (helper W12's
    leftover: 1.3 rows at 800×600). The note box asks for its least height
    and keeps it (three lines); the sources keep two rows."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for (width, height), rows in (((1000, 640), 3.0), ((800, 600), 2.0)):
        window.resize(width, height)
        QApplication.processEvents()
        assert rows_shown(window) >= rows, (width, height, rows_shown(window))
        assert window.editor.note.height() >= window.editor.note.minimumHeight() >= 56
        assert window.editor.sources.height() >= 40
        assert window.editor.note.height() <= window.editor.note.maximumHeight()
