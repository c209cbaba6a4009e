"""Part of a sentence selected and annotated with keys alone, and the context
menu opened by keyboard (tester T10: a keyboard-only reader could annotate
only whole claims and never reach the context menu's actions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
CLAIM = "Magnesium is the fourth most abundant mineral"


def to_claim(qtbot, window, starting: str) -> None:
    """J from the first claim until the current one starts with ``starting``."""
    window.view.setFocus()
    for _ in range(window.proxy.rowCount()):
        target = window.navigator.current_target()
        if window.session.article.text[target.start:target.end].startswith(starting):
            return
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    raise AssertionError(starting)


def selected(window) -> str:
    return window.view.textCursor().selectedText()


def choose_in_popup(qtbot, key: str, seen: list[list[str]]) -> None:
    """When the context menu shows, note its items and press ``key`` in it."""
    def press() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        qtbot.keyClick(menu, key)
        if menu.isVisible():  # no item took the key: fail, do not hang
            menu.close()

    QTimer.singleShot(0, press)


def test_words_of_a_claim_are_selected_and_labelled_with_keys(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    for _ in range(3):  # the caret is at the claim's start: over "Magnesium is the "
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL)
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, SHIFT)  # and "m" of "mineral"
    assert selected(window) == "fourth most abundant m"
    qtbot.keyClick(window.view, Qt.Key.Key_Left, SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert labels_in_file(sample_copy) == {"fourth most abundant": "uncertain"}
    # The new note is current: Enter edits its note, as for a claim.
    assert window.editor.also.text() == "The note is on part of it: “fourth most abundant”"


def test_a_selection_starts_at_the_current_claim_and_j_drops_it(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    for _ in range(9):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, SHIFT)
    assert selected(window) == "Magnesium"
    qtbot.keyClick(window.view, Qt.Key.Key_J)  # the next claim: the selection goes
    target = window.navigator.current_target()
    text = window.session.article.text
    assert not window.view.textCursor().hasSelection()
    qtbot.keyClick(window.view, Qt.Key.Key_End, SHIFT)
    assert text[target.start:target.end].startswith(selected(window))
    assert selected(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # Esc drops the selection
    assert not window.view.textCursor().hasSelection()
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # then a label key is the claim's again
    assert labels_in_file(sample_copy) == {text[target.start:target.end]: "supported"}


def test_the_caret_moved_into_another_claim_makes_it_current(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    first = window.navigator.current_source_row()
    for _ in range(12):  # word by word, past the end of the sentence
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL)
    assert window.navigator.current_source_row() == first + 1
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert list(labels_in_file(sample_copy).values()) == ["advertising"]
    assert not next(iter(labels_in_file(sample_copy))).startswith(CLAIM)


def test_shift_f10_opens_the_context_menu_of_the_selection(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    for _ in range(2):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "a", seen)  # Mark &Advertising
    qtbot.keyClick(window.view, Qt.Key.Key_F10, SHIFT)
    assert seen and "Mark &Advertising" in seen[0] and "&Copy\tCtrl+C" in seen[0]
    assert labels_in_file(sample_copy) == {"Magnesium is": "advertising"}
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)  # the keys work on


def test_the_menu_key_opens_the_context_menu_of_the_current_claim(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "o", seen)  # Mark Supp&orted
    qtbot.keyClick(window.view, Qt.Key.Key_Menu)
    assert seen
    [(quote, label)] = labels_in_file(sample_copy).items()
    assert quote.startswith(CLAIM) and label == "supported"


def test_the_claim_list_has_a_context_menu_by_keyboard(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    target = window.navigator.current_target()
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "u", seen)  # Mark &Uncertain
    qtbot.keyClick(window.list, Qt.Key.Key_F10, SHIFT)
    assert seen and seen[0][:4] == ["Mark Supp&orted", "Mark &Uncertain", "Mark &Advertising",
                                    "Clea&r Label"]
    text = window.session.article.text
    assert labels_in_file(sample_copy) == {text[target.start:target.end]: "uncertain"}
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.list)  # keys go on there


def test_a_link_is_opened_from_the_context_menu_by_keyboard(
        qtbot, make_window, dialogs, tmp_path: Path) -> None:
    """No key followed a link (Tab stops only between panes, Enter is the claim's)."""
    article = tmp_path / "linked.md"
    article.write_text("Read [the trial](https://example.org/trial) first. It helped.\n",
                       encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    window.view.setFocus()
    for _ in range(2):  # "Read the|": on the link's first word
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "p", seen)  # O&pen Link…
    qtbot.keyClick(window.view, Qt.Key.Key_Menu)
    assert seen and seen[0][0] == "O&pen Link…"
    assert ("confirm", "Open link in your browser?", "https://example.org/trial") in dialogs.calls


def test_enter_or_down_in_the_search_box_goes_on_to_the_matches(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Down):
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
        qtbot.keyClicks(window.search_box, "NervaCalm")
        qtbot.keyClick(window.search_box, key)
        assert QApplication.focusWidget() is window.list
        qtbot.keyClick(window.list, Qt.Key.Key_3)
    labels = labels_in_file(sample_copy)
    assert labels and all("NervaCalm" in quote for quote in labels)
    assert set(labels.values()) == {"advertising"}


def test_help_names_the_selection_and_menu_keys(make_window, dialogs) -> None:
    window = make_window()
    window.actions["shortcuts"].trigger()
    [(kind, title, text)] = [c for c in dialogs.calls if c[0] == "info"]
    assert title == "Keyboard shortcuts"
    for words in ("Shift+F10", "Ctrl+Shift: words", "Select from the caret", "search box"):
        assert words in text, words


def test_a_lost_note_is_reattached_to_words_selected_with_keys(
        qtbot, make_window, sample_copy: Path) -> None:
    """The caret makes the claim it enters current, but not while the current
    note has lost its place: the reader is choosing where to put it."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    window.close()
    sample_copy.write_text(sample_copy.read_text().replace(
        "It affects millions of people, and many of them go\n"
        "looking for help beyond the pharmacy counter.", "Written by the staff."))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert "lost its place" in window.editor.heading.text()
    qtbot.keyClick(window.list, Qt.Key.Key_Escape)  # back to the article
    assert window.view.hasFocus()
    start = window.session.article.text.index("Written by the staff")
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    for _ in range(100):
        if window.view.positions.to_code_point(window.view.textCursor().position()) >= start:
            break
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL)
    assert "lost its place" in window.editor.heading.text()  # still the lost note
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "t", seen)  # Re-a&ttach to Selection
    qtbot.keyClick(window.view, Qt.Key.Key_F10, SHIFT)
    assert labels_in_file(sample_copy) == {"Written by the staff": "advertising"}


def test_home_and_end_go_to_the_article_start_and_end(qtbot, make_window,
                                                       sample_copy: Path) -> None:
    """As before the caret (Qt's caret would go to the line's start and end);
    Shift+Home and Shift+End still select to the line's edges."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    to_claim(qtbot, window, CLAIM)
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    assert window.navigator.current_source_row() == window.proxy.rowCount() - 1
    bar = window.view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    assert window.navigator.current_source_row() == 0
    assert bar.value() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_End, SHIFT)
    assert selected(window) and "\u2029" not in selected(window)  # one line, not the article


def test_shift_f10_opens_the_note_box_s_own_menu(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(window.editor.note, "Weak claim")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_A, CTRL)
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "t", seen)  # Qt's Cu&t
    qtbot.keyClick(window.editor.note, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: bool(seen))  # Qt shows a text box's menu without waiting
    assert any(text.startswith("Cu&t") for text in seen[0])
    assert window.editor.note.toPlainText() == ""
    assert QApplication.clipboard().text() == "Weak claim"


def test_a_right_click_on_a_row_labels_that_row(qtbot, make_window, sample_copy: Path) -> None:
    """The claim list's new context menu acts on the row clicked, not the current one."""
    from PySide6.QtGui import QContextMenuEvent

    window = make_window()
    open_article(qtbot, window, sample_copy)
    rect = window.list.visualRect(window.proxy.index(2, 0))
    viewport = window.list.viewport()
    seen: list[list[str]] = []
    choose_in_popup(qtbot, "u", seen)
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), viewport.mapToGlobal(rect.center())))
    assert seen and window.navigator.current_source_row() == 2
    text = window.session.article.text
    target = window.navigator.current_target()
    assert labels_in_file(sample_copy) == {text[target.start:target.end]: "uncertain"}
