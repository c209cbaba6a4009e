"""The Library window on a small screen (tester T15, F8): at 1024×700 with
large fonts it opened 1470×960, and its folder column was off to the right,
so eight copies of one article (one title each) could not be told apart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from app.ui.library_models import FOLDER, TITLE

TEXT = "Magnesium and your nerves\n\nMagnesium is a mineral. Buy Glucontrol today."


def test_the_library_opens_within_the_screen_and_tells_copies_apart(qtbot,
                                                                    tmp_path: Path) -> None:
    from app.ui.application import create_application
    from app.ui.library_window import LibraryWindow

    create_application()
    root = tmp_path / "reviews" / "a folder with a rather long name" / "copies"
    root.mkdir(parents=True)
    for number in range(8):
        article = root / f"magnesium-copy-{number}.txt"
        article.write_text(TEXT, encoding="utf-8")
        NotesStore(article).save(NotesDocument(ArticleRef(article.name), [
            annotation_for_span(TEXT, TEXT.index("Buy"), len(TEXT), label="advertising")]))
    window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=lambda _start: str(root))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()  # offscreen: 800×600
    assert window.width() <= room.width() and window.height() <= room.height()
    window.show()
    with qtbot.waitSignal(window.synced, timeout=30000):
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    window.resize(615, 420)  # nine tenths of 1024×700 at scale 1.5, in logical pixels
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 615
    view, model = window.article_view, window.articles
    assert model.rowCount() == 8
    assert len({model.index(row, TITLE).data() for row in range(8)}) == 1
    shown = set()
    for row in range(8):
        index = model.index(row, FOLDER)
        rect = view.visualRect(index)
        assert rect.width() > 0 and view.viewport().rect().contains(rect), rect
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = rect
        view.itemDelegateForColumn(FOLDER).initStyleOption(option, index)
        text = option.text  # as the row draws it
        assert view.fontMetrics().horizontalAdvance(text) <= rect.width(), text
        path = model.entries[row].path
        assert text.endswith(Path(path).name), text  # the file's name whole
        assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(path)  # the whole path
        shown.add(text)
    assert len(shown) == 8
    window.wait_for_sync()
