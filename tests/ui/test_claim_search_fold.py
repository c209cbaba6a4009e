"""The window's search (Ctrl+F) ignores case and accents as the library's search
does (tester T15, F10: "ubersicht" found nothing, "Übersicht" did)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_article

TEXT = ("Eine Übersicht der Studien. Magnesium könnte bei Schmerzen helfen. "
        "Le café est noir. Die Straße ist lang. 緑茶にはカテキンが多く含まれています。\n")


def shown(window) -> list[str]:
    proxy = window.proxy
    return [proxy.data(proxy.index(row, 0)) for row in range(proxy.rowCount())]


def search(qtbot, window, words: str) -> None:
    window.search_box.clear()
    window.search_box.setFocus()
    if words.isascii():
        qtbot.keyClicks(window.search_box, words)
    else:  # as an input method hands in the word typed
        typed = QInputMethodEvent()
        typed.setCommitString(words)
        QApplication.sendEvent(window.search_box, typed)


def test_the_search_ignores_case_and_accents(qtbot, make_window, tmp_path: Path) -> None:
    article = tmp_path / "mixed.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    for words, found in (("ubersicht", "Eine Übersicht der Studien."),
                         ("konnte", "Magnesium könnte bei Schmerzen helfen."),
                         ("cafe", "Le café est noir."), ("CAFÉ", "Le café est noir."),
                         ("strasse", "Die Straße ist lang."),
                         ("Übersicht", "Eine Übersicht der Studien."),
                         ("カテキン", "緑茶にはカテキンが多く含まれています。"),
                         ("緑茶", "緑茶にはカテキンが多く含まれています。")):
        search(qtbot, window, words)
        assert shown(window) == [found], words
    search(qtbot, window, "Strase")
    assert shown(window) == []
    search(qtbot, window, "stras")  # on the way to "strasse": the row stays
    assert shown(window) == ["Die Straße ist lang."]


def test_a_note_typed_while_searching_is_found_by_the_next_search(
        qtbot, make_window, tmp_path: Path) -> None:
    """The searched texts are read once; a note written meanwhile is read again."""
    article = tmp_path / "mixed.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    search(qtbot, window, "cafe")
    assert shown(window) == ["Le café est noir."]
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_1)  # supported
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Siehe die Ubersicht")
    qtbot.waitUntil(lambda: "Ubersicht" in (window.model.data(
        window.model.index(2, 0), Qt.ItemDataRole.ToolTipRole) or ""), timeout=5000)
    search(qtbot, window, "übersicht")
    assert shown(window) == ["Eine Übersicht der Studien.", "Le café est noir."]


def test_a_long_list_is_searched_when_typing_pauses_or_at_enter_and_down(
        qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    """In a book's list a key shows in the box at once and the list follows when
    typing pauses, its rows read a slice at a time (T15 F11: "t" showed after
    1.9 s among 60,968 claims); Down (and Enter) search at once and go on to the
    matches; an emptied box shows every row at once."""
    from app.ui import claim_filter
    from app.ui.claim_filter import SearchTyping

    monkeypatch.setattr(SearchTyping, "AT_ONCE_ROWS", 2)  # this list of 5 counts as long
    monkeypatch.setattr(claim_filter, "READ_SLICE_ROWS", 2)  # its rows read in 3 slices
    article = tmp_path / "mixed.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "cafe")
    assert window.search_box.text() == "cafe"
    assert window.proxy.rowCount() == 5  # not yet
    qtbot.waitUntil(lambda: shown(window) == ["Le café est noir."], timeout=3000)
    window.search_box.clear()
    assert window.proxy.rowCount() == 5
    qtbot.keyClicks(window.search_box, "ubersicht")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert shown(window) == ["Eine Übersicht der Studien."]
    assert window.list.hasFocus()
