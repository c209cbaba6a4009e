"""File ▸ Library: every reviewed article with its labels, and search over every note.

The window reads the library index (:mod:`app.core.library`) and brings it in
step with the files in a worker thread each time it is shown, with its own
SQLite connection (connections are not shared between threads). Searching is
fast enough (a few ms) to run in the UI thread as the user types.

Signals:
    openRequested(str, str): open this article (path) at this note (id, or "").
    closed(): the window was closed or hidden (the main window takes the keys back).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.library import ArticleEntry, Library, LibraryError, SyncReport, default_workers
from app.core.wording import count_of
from app.ui import settings
from app.ui.button_style import outline_buttons
from app.ui.library_delegates import (
    ActivatingTree,
    CredibilityBarDelegate,
    HitDelegate,
    PathElided,
)
from app.ui.library_models import (
    BAR,
    EDITED,
    ENTRY_ROLE,
    FOLDER,
    HIT_ROLE,
    MARK_CLOSE,
    MARK_OPEN,
    SORTS,
    TITLE,
    ArticleTableModel,
    HitTreeModel,
)
from app.ui.screen_room import first_size

SEARCH_DELAY_MS = 150
LABEL_FILTERS = (("All labels", None), ("Supported", "supported"), ("Uncertain", "uncertain"),
                 ("Advertising", "advertising"), ("No label", "none"))


class LibraryWindow(QWidget):
    openRequested = Signal(str, str)
    synced = Signal(object)  # SyncReport, or a str saying why it failed
    closed = Signal()

    def __init__(self, library_path: Path, parent: QWidget | None = None,
                 choose_folder: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("libraryWindow")
        self.setWindowTitle("Library — claimmark")
        self.library_path = library_path
        self.choose_folder = choose_folder or self._ask_folder
        self.library: Library | None = None
        self._sync_thread: threading.Thread | None = None
        # Busy until the result is handled here (the thread may still be
        # ending then); folders added meanwhile wait for the next sync, not
        # dropped (they were, silently).
        self._syncing = False
        self._waiting: list[str] | None = None
        self._build()
        self.synced.connect(self._synced)
        self.resize(first_size(self, 980, 640))  # within a small screen (T15, F8)

    # ---- construction ----------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText('Search every note: words, "a phrase", magnes*')
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search every note")
        self.label_box = QComboBox(self)
        self.label_box.setObjectName("libraryLabel")
        self.label_box.setAccessibleName("Only notes with this label")
        for title, value in LABEL_FILTERS:
            self.label_box.addItem(title, value)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("librarySort")
        self.sort_box.setAccessibleName("Sort the articles by")
        for key, (title, _key, _descending) in SORTS.items():
            self.sort_box.addItem(f"Sort: {title}", key)
        self.add_button = QPushButton("Add Folder…", self)
        self.add_button.setObjectName("libraryAddFolder")
        outline_buttons(self.add_button)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.label_box)
        row.addWidget(self.sort_box)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.pages = QStackedWidget(self)
        self.articles = ArticleTableModel(self)
        self.article_view = ActivatingTree(self.pages)
        self.article_view.setObjectName("libraryArticles")
        self.article_view.setAccessibleName("Articles of the library")
        self.article_view.setModel(self.articles)
        self.article_view.setRootIsDecorated(False)
        self.article_view.setUniformRowHeights(True)
        self.article_view.setSortingEnabled(False)
        self.article_view.header().setSectionsClickable(True)
        self.article_view.setItemDelegateForColumn(BAR, CredibilityBarDelegate(self.article_view))
        # Title and file share the width the window has, so the file is in
        # sight in a small window (T15, F8: eight copies of one article had
        # one title, and their files were off to the right); a long path
        # loses its middle, never the file's name.
        self.article_view.setItemDelegateForColumn(FOLDER, PathElided(self.article_view))
        header = self.article_view.header()
        header.setStretchLastSection(False)
        for column, mode in ((TITLE, QHeaderView.ResizeMode.Stretch),
                             (FOLDER, QHeaderView.ResizeMode.Stretch),
                             (EDITED, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.article_view.setColumnWidth(BAR, 150)
        self.hits = HitTreeModel(self)
        self.hit_view = ActivatingTree(self.pages)
        self.hit_view.setObjectName("libraryHits")
        self.hit_view.setAccessibleName("Notes found")
        self.hit_view.setModel(self.hits)
        self.hit_view.setHeaderHidden(True)
        self.hit_view.setItemDelegate(HitDelegate(self.hit_view))
        self.pages.addWidget(self.article_view)
        self.pages.addWidget(self.hit_view)
        layout.addWidget(self.pages, 1)
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        layout.addWidget(self.status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now_and_focus)
        down = QAction(self.search_box)  # Down goes to the results, as in a browser
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._to_results)
        self.search_box.addAction(down)
        find = QAction(self)  # Ctrl+F, as in the main window: to the search box
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        escape.triggered.connect(self._escape)
        self.addAction(escape)
        self.label_box.currentIndexChanged.connect(lambda _i: self.run_search())
        self.sort_box.currentIndexChanged.connect(
            lambda _i: self.articles.sort_by(self.sort_box.currentData()))
        self.article_view.header().sectionClicked.connect(self._header_clicked)
        self.article_view.activated.connect(self._activated)
        self.hit_view.activated.connect(self._activated)
        self.add_button.clicked.connect(self._add_folder)

    # ---- the library ------------------------------------------------------------
    def open_library(self) -> bool:
        """Open the library file (once); False with the reason shown when it cannot be."""
        if self.library is not None:
            return True
        try:
            self.library = Library(self.library_path)
        except LibraryError as error:
            self.status.setText(f"⚠ {error}")
            return False
        return True

    def refresh(self) -> None:
        """Show what the index holds now, then bring it in step in the background."""
        if not self.open_library():
            return
        self._show_articles()
        self.sync()

    def sync(self, add: list[str] | None = None) -> None:
        if self._syncing:
            self._waiting = [*(self._waiting or []), *(add or [])]
            return
        self._syncing = True
        if self._sync_thread is not None:
            self._sync_thread.join()  # it has reported already: ending now
        self.status.setText("Bringing the library in step with the notes files…")
        self._sync_thread = threading.Thread(target=self._sync_in_thread, args=(add or [],),
                                             name="claimmark-library-sync", daemon=True)
        self._sync_thread.start()

    def wait_for_sync(self, timeout: float = 30.0) -> None:
        if self._sync_thread is not None:
            self._sync_thread.join(timeout)

    def _sync_in_thread(self, add: list[str]) -> None:
        try:
            with Library(self.library_path) as library:
                workers = default_workers()  # used only when many articles must be read
                report = (library.add(add, workers=workers) if add
                          else library.sync(workers=workers))
        except LibraryError as error:
            self.synced.emit(str(error))
            return
        except Exception as error:  # noqa: BLE001 - the window must survive any file
            self.synced.emit(f"{type(error).__name__}: {error}")
            return
        self.synced.emit(report)

    def _synced(self, result: object) -> None:
        self._syncing = False
        self._show_result(result)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.sync(add=waiting)

    def _show_result(self, result: object) -> None:
        if isinstance(result, str):
            self.status.setText(f"⚠ {result}")
            return
        assert isinstance(result, SyncReport)
        self._show_articles()
        if self.search_box.text().strip():
            self.run_search()
        if result.problems:
            names = ", ".join(Path(path).name for path, _ in result.problems[:3])
            self.status.setText(f"{self.status.text()} · ⚠ could not read {names}")
        if result.lost_notes:
            names = ", ".join(Path(path).name for path in result.lost_notes[:3])
            more = "…" if len(result.lost_notes) > 3 else ""
            self.status.setText(f"{self.status.text()} · ⚠ no article beside "
                                f"{count_of(len(result.lost_notes), 'notes file')}: "
                                f"{names}{more}")
        if result.exports:
            self.status.setText(f"{self.status.text()} · left out "
                                f"{count_of(len(result.exports), 'claimmark export')} "
                                "(notes, not articles)")

    def _show_articles(self) -> None:
        if self.library is None:
            return
        entries = self.library.articles()
        self.articles.set_entries(entries)
        notes = sum(e.notes for e in entries)
        unreadable = sum(1 for e in entries if e.problem)
        missing = self.library.missing_roots()
        gone = (f" · ⚠ not found (moved or deleted?): {', '.join(missing)}" if missing else "")
        if not entries and not missing:
            self.status.setText("The library is empty: add a folder of reviewed articles.")
        else:
            self.status.setText(f"{count_of(len(entries), 'article')} · {count_of(notes, 'note')}"
                                + (f" · ⚠ {unreadable} could not be read (see ⚠ rows)"
                                   if unreadable else "") + gone)

    def show_current(self) -> None:
        """Show what the index holds now (another part of the app updated it)."""
        self._show_articles()
        if self.search_box.text().strip():
            self.run_search()

    def add_paths(self, paths: list[str]) -> None:
        if self.open_library():
            self.sync(add=paths)

    def _add_folder(self) -> None:
        """Add Folder…: the dialog starts in the last folder added (else the
        home folder), not wherever claimmark was started from."""
        folder = self.choose_folder(settings.get(settings.LIBRARY_FOLDER) or str(Path.home()))
        if folder:
            settings.put(settings.LIBRARY_FOLDER, folder)
            self.add_paths([folder])

    def _ask_folder(self, start: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, "Add a folder of articles", start) or None

    def focus_search(self) -> None:
        """The keyboard in the search box, its words selected: typing starts a
        new search (on every opening, not where the window last had it: T10)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _escape(self) -> None:
        """Esc: clears the search first (as in Zotero), then closes the window."""
        if self.search_box.text():
            self.search_box.clear()
            self.run_search()
            self.search_box.setFocus()
        else:
            self.close()

    # ---- search and opening -------------------------------------------------------
    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if not query or not self.open_library() or self.library is None:
            self.pages.setCurrentWidget(self.article_view)
            if self.library is not None:
                self._show_articles()
            return
        try:
            hits = self.library.search(query, label=self.label_box.currentData(), limit=500,
                                       marks=(MARK_OPEN, MARK_CLOSE))
        except LibraryError as error:
            self.status.setText(f"⚠ {error}")
            return
        self.hits.set_hits(hits)
        self.hit_view.expandAll()
        self.pages.setCurrentWidget(self.hit_view)
        articles = self.hits.rowCount()
        self.status.setText(f"{count_of(len(hits), 'note')} in {count_of(articles, 'article')}"
                            if hits else f"No note matches “{query}”.")
        if hits:
            first = self.hits.index(0, 0, self.hits.index(0, 0))
            self.hit_view.setCurrentIndex(first)

    def _search_now_and_focus(self) -> None:
        self.run_search()
        if self.pages.currentWidget() is self.hit_view and self.hits.rowCount():
            self.hit_view.setFocus()

    def _to_results(self) -> None:
        if self.search_box.text().strip():
            self._search_now_and_focus()
        elif self.articles.rowCount():
            if not self.article_view.currentIndex().isValid():
                self.article_view.setCurrentIndex(self.articles.index(0, 0))
            self.article_view.setFocus()

    def _header_clicked(self, column: int) -> None:
        self.articles.sort(column)
        index = self.sort_box.findData(self.articles.sort_key)
        if index >= 0:
            self.sort_box.setCurrentIndex(index)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.openRequested.emit(hit.path, hit.id)
            return
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, ArticleEntry):
            self.openRequested.emit(entry.path, "")
        elif isinstance(entry, str):
            self.openRequested.emit(entry, "")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        if not event.spontaneous():  # closed or hidden, not minimised
            self.closed.emit()

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self.wait_for_sync(5.0)
        if self.library is not None:
            self.library.close()
            self.library = None
        super().closeEvent(event)  # type: ignore[arg-type]


