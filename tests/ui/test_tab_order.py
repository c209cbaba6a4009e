"""Tab goes through the window in the order it reads (tester T10: the label
buttons were skipped), and the keyboard is never left nowhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.suggest_bridge import default_suggester
from tests.ui.conftest import open_article
from tests.ui.test_menu_letters import twice
from tests.ui.test_reader_window import labels_in_file
from tests.ui.test_suggestions_window import row_of


def tab_round(qtbot, window, key: Qt.Key = Qt.Key.Key_Tab) -> list[object]:
    """The widgets Tab (or Shift+Tab) stops at, from the article back to it."""
    window.view.setFocus()
    stops: list[object] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), key)
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is window.view:
            return stops
        stops.append(widget)
    raise AssertionError(stops)


def test_tab_reads_the_window_in_order(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    editor = window.editor
    buttons = [editor.label_buttons[name]
               for name in ("supported", "uncertain", "advertising", "none")]
    expected = [window.filter_box, window.search_box, window.list, *buttons, editor.note,
                editor.sources, editor.source_input, editor.add_button, editor.remove_button]
    assert tab_round(qtbot, window) == expected
    assert tab_round(qtbot, window, Qt.Key.Key_Backtab) == list(reversed(expected))


def test_a_label_button_reached_by_tab_labels_the_claim(qtbot, make_window,
                                                        sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    target = window.navigator.current_target()
    window.list.setFocus()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.editor.label_buttons["uncertain"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    text = window.session.article.text
    assert labels_in_file(sample_copy) == {text[target.start:target.end]: "uncertain"}
    assert window.editor.label_buttons["uncertain"].isChecked()


def test_the_accept_button_is_a_tab_stop_and_the_keyboard_stays_near(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    order = row_of(window, "Order now and save 30%")
    window.navigator.select_row(order)
    stops = tab_round(qtbot, window)
    accept = window.editor.accept_button
    assert stops.index(accept) == stops.index(window.editor.label_buttons["none"]) + 1
    accept.setFocus()
    qtbot.keyClick(accept, Qt.Key.Key_Space)
    assert list(labels_in_file(sample_copy).values()) == ["advertising"]
    assert not window.editor.why.isVisible()  # the button went with its panel:
    assert QApplication.focusWidget() is window.editor.note  # the keyboard goes on, not nowhere


def test_the_start_page_is_used_with_keys(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.start_page.open_button)
    qtbot.keyClick(window.start_page.open_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.start_page.sample_button
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        qtbot.keyClick(window.start_page.sample_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)  # the claim keys work


def test_alt_n_and_alt_s_go_straight_to_the_note_and_the_source_box(
        qtbot, make_window, sample_copy: Path) -> None:
    """With a suggestion Enter accepts it: the note was six Tabs away."""
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(row_of(window, "Order now and save 30%"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.editor.note
    qtbot.keyClicks(window.editor.note, "A pitch.")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.editor.source_input
    assert labels_in_file(sample_copy) == {}  # the note saved, no label chosen
    assert window.session.annotations and \
        [a.note for a in window.session.annotations.values()] == ["A pitch."]
    buddies = [label.text() for label in window.findChildren(QLabel) if label.buddy()]
    assert len(buddies) == 2
    assert twice([a.text() for a in window.menuBar().actions()] + buddies) == set()


def test_del_in_the_list_of_sources_removes_the_one_chosen(qtbot, make_window,
                                                            sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    for source in ("PMID 18397984", "10.1000/xyz123"):
        qtbot.keyClicks(window.editor.source_input, source)
        qtbot.keyClick(window.editor.source_input, Qt.Key.Key_Return)
    assert window.editor.sources.count() == 2
    qtbot.keyClick(window.editor.source_input, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.editor.sources
    qtbot.keyClick(window.editor.sources, Qt.Key.Key_Down)
    chosen = window.editor.sources.currentItem().data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(window.editor.sources, Qt.Key.Key_Delete)
    [annotation] = window.session.annotations.values()
    assert len(annotation.sources) == 1 and chosen not in annotation.sources


def test_with_no_claim_shown_the_label_buttons_look_unavailable(qtbot, make_window,
                                                                sample_copy: Path) -> None:
    """Tester's screen: 'No claim selected' under label buttons in full colour."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    button = window.editor.label_buttons["supported"]
    shown = button.grab().toImage()
    window.filter_box.setCurrentIndex(window.filter_box.findData("advertising"))  # none yet
    assert window.editor.heading.text() == "No claim selected"
    assert not button.isEnabled()
    assert button.grab().toImage() != shown
