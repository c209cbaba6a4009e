"""The Library window's search finds a Japanese word inside its sentence (T15's F7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from app.ui.library_models import MARK_CLOSE, MARK_OPEN

TEXT = "緑茶にはカテキンが多く含まれています。ビタミンCも含みます。"
HIT_ROLE = Qt.ItemDataRole.UserRole + 2


def test_typing_a_japanese_word_finds_the_note_on_its_sentence(qtbot, tmp_path: Path) -> None:
    from app.ui.application import create_application
    from app.ui.library_window import LibraryWindow

    create_application()
    root = tmp_path / "reviews"
    article = root / "tea.txt"
    article.parent.mkdir(parents=True)
    article.write_text(TEXT, encoding="utf-8")
    NotesStore(article).save(NotesDocument(ArticleRef(article.name), [
        annotation_for_span(TEXT, 0, 19, label="uncertain", note="要確認"),
        annotation_for_span(TEXT, 19, 30, label="supported", note="")]))
    window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=lambda _start: str(root))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.synced, timeout=30000):
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    for word, quote in (("カテキン", TEXT[:19]), ("緑茶", TEXT[:19]), ("ビタミン", TEXT[19:])):
        window.search_box.setFocus()
        window.search_box.clear()
        typed = QInputMethodEvent()  # as an input method hands in the word typed
        typed.setCommitString(word)
        QApplication.sendEvent(window.search_box, typed)

        def shown(word: str = word) -> bool:
            group = window.hits.index(0, 0)
            hit = window.hits.index(0, 0, group).data(HIT_ROLE) if group.isValid() else None
            return hit is not None and MARK_OPEN + word + MARK_CLOSE in hit.snippet

        qtbot.waitUntil(shown, timeout=3000)
        assert window.pages.currentWidget() is window.hit_view
        assert window.status.text() == "1 note in 1 article"
        assert window.hits.index(0, 0, window.hits.index(0, 0)).data(HIT_ROLE).exact == quote
    window.wait_for_sync()
