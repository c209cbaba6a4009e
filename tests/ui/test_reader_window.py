"""Drive the window with keys and clicks as a reader would; check the notes file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.ui.claim_model import LABEL_ROLE, NOTE_ROLE, SOURCES_ROLE
from tests.ui.conftest import open_article


def notes_of(article: Path) -> list[dict]:
    data = json.loads(article.with_name(article.name + ".notes.json").read_text())
    return data["first"]["items"]


def labels_in_file(article: Path) -> dict[str, str]:
    result = {}
    for item in notes_of(article):
        exact = item["target"]["selector"][0]["exact"]
        for body in item["body"]:
            if body["purpose"] == "classifying":
                result[exact] = body["value"]
    return result


def claim_text(window, row: int) -> str:
    return window.model.data(window.model.index(row))


def test_open_sample_and_mark_with_keys(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert window.windowTitle().startswith("Magnesium and Your Nerves")
    assert window.view.hasFocus() or QApplication.focusWidget() is window.view
    assert window.navigator.current_source_row() == 0
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2, Qt.Key.Key_J, Qt.Key.Key_3):
        qtbot.keyClick(window.view, key)
    labels = labels_in_file(sample_copy)
    assert labels == {claim_text(window, 0): "supported", claim_text(window, 1): "uncertain",
                      claim_text(window, 2): "advertising"}
    highlighted = [s for s in window.view.extraSelections() if s.format.background().style()
                   != Qt.BrushStyle.NoBrush]
    assert len(highlighted) == 3
    assert window.summary.labels["supported"].text().endswith("1 supported")

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(labels_in_file(sample_copy)) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(labels_in_file(sample_copy)) == 3

    qtbot.keyClick(window.view, Qt.Key.Key_0)  # clear the third label: the annotation goes
    assert len(labels_in_file(sample_copy)) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert window.navigator.current_source_row() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert window.navigator.current_source_row() == 2


def test_everything_comes_back_after_reopening(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # no suggester: edit the note
    assert window.editor.note.hasFocus()
    qtbot.keyClicks(window.editor.note, "Hedged: 'may'. 123")
    assert labels_in_file(sample_copy) == {claim_text(window, 0): "uncertain"}  # keys typed
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)  # back to the article, note saved
    assert window.view.hasFocus()
    window.editor.source_input.setFocus()  # as a click in the box would
    qtbot.keyClicks(window.editor.source_input, "PMID: 33918360")
    qtbot.keyClick(window.editor.source_input, Qt.Key.Key_Return)
    window.editor.source_input.setText("not a source")
    qtbot.keyClick(window.editor.source_input, Qt.Key.Key_Return)
    assert "Not added" in window.editor.source_error.text()
    window.close()

    again = make_window()
    open_article(qtbot, again, sample_copy)
    index = again.model.index(0)
    assert index.data(LABEL_ROLE) == "uncertain"
    assert index.data(NOTE_ROLE) == "Hedged: 'may'. 123"
    assert index.data(SOURCES_ROLE) == ["https://pubmed.ncbi.nlm.nih.gov/33918360/"]
    assert again.editor.note.toPlainText() == "Hedged: 'may'. 123"


def test_filter_and_search(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.filter_box.setCurrentIndex(window.filter_box.findData("uncertain"))
    assert window.proxy.rowCount() == 2
    window.filter_box.setCurrentIndex(window.filter_box.findData("unmarked"))
    assert window.proxy.rowCount() == len(window.model.rows) - 2
    window.filter_box.setCurrentIndex(0)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "NervaCalm")
    assert window.proxy.rowCount() == 1
    assert "NervaCalm" in window.proxy.data(window.proxy.index(0, 0))
    qtbot.keyClicks(window.search_box, "1")  # a label key while typing: just text
    assert window.search_box.text() == "NervaCalm1"
    assert window.proxy.rowCount() == 0



def test_search_finds_a_note_by_its_source(qtbot, make_window, sample_copy: Path) -> None:
    """Tester T9: the window's search found nothing for a source's PMID or DOI."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.editor.source_input.setFocus()
    qtbot.keyClicks(window.editor.source_input, "PMID 18397984")
    qtbot.keyClick(window.editor.source_input, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box, "18397984")
    assert window.proxy.rowCount() == 1


def test_selected_span_is_annotated_exactly(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    start = text.index("Magnesium is the fourth") + len("Magnesium is the ")
    end = start + len("fourth most abundant mineral")
    cursor = window.view.cursor_for(start, end)
    window.view.setTextCursor(cursor)
    assert window.actions["uncertain"] in window.view._context_actions
    window.actions["uncertain"].trigger()
    [item] = notes_of(sample_copy)
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "fourth most abundant mineral"
    assert (selectors["TextPositionSelector"]["start"],
            selectors["TextPositionSelector"]["end"]) == (start, end)
    # The note belongs to its sentence's row; the editor names the words it is on.
    assert window.model.data(window.proxy.mapToSource(window.list.currentIndex()))\
        .startswith("Magnesium is the fourth most abundant mineral")
    assert window.editor.also.text() == "The note is on part of it: “fourth most abundant mineral”"


def test_clicking_a_sentence_makes_it_current(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    target = text.index("It affects millions")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(target + 3)
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    row = window.navigator.current_source_row()
    assert claim_text(window, row).startswith("It affects millions")


def test_open_recent_and_drag_and_drop(qtbot, make_window, sample_copy: Path,
                                       tmp_path: Path) -> None:
    other = sample_copy.with_name("other.txt")
    other.write_text("First claim here. Second claim there.\n")
    window = make_window()
    open_article(qtbot, window, sample_copy)
    open_article(qtbot, window, other)
    titles = [a.text() for a in window.recent_menu.actions()]
    assert titles == ["other.txt", sample_copy.name]
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.recent_menu.actions()[1].trigger()
    assert window.session.article.source_path == str(sample_copy)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        QApplication.sendEvent(window, event)
    assert window.session.article.source_path == str(other)
    assert len(window.model.rows) == 2


def test_binary_file_shows_a_message_and_keeps_the_article(qtbot, make_window, dialogs,
                                                           sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    binary = sample_copy.with_name("photo.txt")
    binary.write_bytes(bytes(range(256)) * 50)
    with qtbot.waitSignal(window.loadFailed, timeout=15000) as blocker:
        window.open_path(str(binary))
    assert "binary" in blocker.args[0]
    assert dialogs.calls[-1][0] == "error" and "binary" in dialogs.calls[-1][2]
    assert window.session.article.source_path == str(sample_copy)
    assert window.windowTitle().startswith("Magnesium")
    missing = sample_copy.with_name("gone.md")
    with qtbot.waitSignal(window.loadFailed, timeout=15000) as blocker:
        window.open_path(str(missing))
    assert "no such file" in blocker.args[0]


def test_start_page_offers_open_and_the_sample(qtbot, make_window, dialogs) -> None:
    window = make_window()
    window.stack.setCurrentWidget(window.start_page)
    dialogs.open_answer = None
    qtbot.mouseClick(window.start_page.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.kinds() == ["open"]
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.splitter


def test_zoom_is_remembered(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view_options.zoom_level == 2
    assert window.view.font().pointSizeF() > size
    window.close()
    assert make_window().view_options.zoom_level == 2


def test_links_need_confirmation_and_other_schemes_are_refused(make_window, dialogs) -> None:
    window = make_window()
    opened: list[QUrl] = []
    window.links.open_url = opened.append
    dialogs.confirm_answer = True
    window.links.activate(QUrl("https://example.org/a?b=1"))
    assert opened == [QUrl("https://example.org/a?b=1")]
    assert "https://example.org/a?b=1" in dialogs.calls[-1][2]
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "custom:thing"):
        window.links.activate(QUrl(bad))
        assert dialogs.calls[-1][0] == "error"
    assert len(opened) == 1
    window.links.activate(QUrl("Multiple-ABIs.html"))  # a sibling page, named as such
    assert dialogs.calls[-1][0] == "error" and "“Multiple-ABIs.html” is a file" in \
        dialogs.calls[-1][2]
    assert "“:”" not in dialogs.calls[-1][2] and len(opened) == 1


def test_claim_model_passes_qtmodeltester(qtbot, qtmodeltester, make_window,
                                          sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)


def test_a_big_book_arrives_in_slices_with_progress(qtbot, make_window, tmp_path: Path) -> None:
    book = tmp_path / "book.txt"
    book.write_text("\n\n".join(f"Paragraph {i} is about magnesium. It may help. Or not."
                                for i in range(8000)))
    window = make_window()
    seen_progress: list[int] = []
    window.documents.loader.progress.connect(lambda _g, done, _t: seen_progress.append(done))
    with qtbot.waitSignal(window.view.documentComplete, timeout=30000):
        window.open_path(str(book))
        qtbot.waitUntil(lambda: window.view.document().characterCount() > 1, timeout=10000)
        assert not window.view.complete  # the first screen is shown before the rest
        assert window.progress_bar.isVisible()
    with qtbot.waitSignal(window.articleReady, timeout=30000):
        pass
    assert len(window.model.rows) == 24000
    assert window.view.document().toRawText().replace("\u2029", "\n") == \
        window.session.article.text
    assert seen_progress and not window.progress_bar.isVisible()


def test_geometry_and_splitter_are_remembered(qtbot, make_window, dialogs,
                                               sample_copy: Path) -> None:
    from app.ui.main_window import MainWindow

    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.resize(700, 500)  # fits the offscreen screen (800×600): restoring clamps to it
    window.splitter.setSizes([300, 400])
    ratio = window.splitter.sizes()[0] / sum(window.splitter.sizes())
    window.close()
    again = MainWindow(dialogs=dialogs)  # not resized by the fixture
    qtbot.addWidget(again)
    again.show()
    open_article(qtbot, again, sample_copy)
    assert abs(again.width() - 700) <= 5 and abs(again.height() - 500) <= 5
    sizes = again.splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - ratio) < 0.02
    again.documents.loader.wait()


def test_typing_a_note_in_several_pauses_is_one_undo_step(qtbot, make_window,
                                                          sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor.note, "First thought.")
    window.editor.commit_note()  # a pause in typing
    qtbot.keyClicks(window.editor.note, " Second thought.")
    window.editor.commit_note()
    assert notes_of(sample_copy)[0]["body"][1]["value"] == "First thought. Second thought."
    window.annotator.undo_stack.undo()  # the whole note goes, the label stays
    [item] = notes_of(sample_copy)
    assert [b["purpose"] for b in item["body"]] == ["classifying"]
    window.annotator.undo_stack.undo()
    assert notes_of(sample_copy) == []


def test_clicking_a_noted_span_selects_that_note(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    start = text.index("fourth most abundant mineral")
    end = start + len("fourth most abundant mineral")
    window.view.setFocus()
    window.view.setTextCursor(window.view.cursor_for(start, end))
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.navigator.select_row(0)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start + 5)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.cursorRect(cursor).center())
    # The note's row is its sentence's (the list counts claims), editing that note.
    target = window.navigator.current_target()
    assert target.annotation is not None
    assert target.annotation.exact == "fourth most abundant mineral"
    cursor.setPosition(text.index("Magnesium is the fourth") + 2)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.cursorRect(cursor).center())
    current = window.model.index(window.navigator.current_source_row())
    assert current.data().startswith("Magnesium is the fourth")


def test_the_application_has_its_icon(make_window) -> None:
    from PySide6.QtWidgets import QApplication

    make_window()
    icon = QApplication.instance().windowIcon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()


def test_a_selection_is_annotated_from_the_real_context_menu(qtbot, make_window,
                                                             sample_copy: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    start = text.index("pumpkin seeds")
    end = start + len("pumpkin seeds")
    window.view.setFocus()
    window.view.setTextCursor(window.view.cursor_for(start, end))
    chosen: list[str] = []

    def choose_from_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        texts = [a.text() for a in menu.actions()]
        assert "Mark &Advertising" in texts and "&Copy" in " ".join(texts)
        action = next(a for a in menu.actions() if a.text() == "Mark &Advertising")
        chosen.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose_from_the_menu)
    cursor = window.view.cursor_for(start + 3, start + 3)
    position = window.view.cursorRect(cursor).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position,
                              window.view.viewport().mapToGlobal(position))
    QApplication.sendEvent(window.view.viewport(), event)
    qtbot.waitUntil(lambda: bool(chosen))
    [item] = notes_of(sample_copy)
    assert item["target"]["selector"][0]["exact"] == "pumpkin seeds"
    assert item["body"][0]["value"] == "advertising"


def test_help_lists_every_shortcut_and_menus_show_them(make_window, dialogs) -> None:
    from app.ui.window_actions import SPECS

    window = make_window()
    window.actions["shortcuts"].trigger()
    kind, title, body = dialogs.calls[-1]
    assert (kind, title) == ("info", "Keyboard shortcuts")
    for spec in SPECS:
        if spec.keys:
            assert " / ".join(spec.keys) in body, spec.name
            assert window.actions[spec.name].shortcut().toString(), spec.name
    menus = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    assert window.actions["supported"] in menus and window.actions["export"] in menus
