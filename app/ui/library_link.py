"""The main window's link to the library: File ▸ Library, and saves reaching the index.

The Library window is made on first use. A hit opened from it opens its
article in the main window and selects that note. Each save of the open
article's notes is passed on to the index (when the article is in the
library) a moment later, in a worker thread with its own connection, so
typing never waits for SQLite.

Signals:
    indexed(str): the index was brought in step with this article's notes.
    closed(): the Library window was closed.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.claim_navigator import ClaimNavigator
from app.ui.document_controller import DocumentController
from app.ui.session import ArticleSession

if TYPE_CHECKING:  # the library (SQLite, its window) loads on first use, not at start-up
    from app.ui.library_window import LibraryWindow

INDEX_DELAY_MS = 700  # saves come with every edit; index once the burst is over


class LibraryLink(QObject):
    indexed = Signal(str)
    closed = Signal()

    def __init__(self, window: QWidget, documents: DocumentController,
                 navigator: ClaimNavigator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._main = window
        self._documents = documents
        self._navigator = navigator
        self.window: LibraryWindow | None = None
        self._pending_note: str | None = None
        self._dirty: str | None = None
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(INDEX_DELAY_MS)
        self._timer.timeout.connect(self._index_now)
        documents.sessionChanged.connect(self._session_changed)
        documents.articleReady.connect(self._article_ready)
        self.indexed.connect(self._refresh_window)

    def show(self) -> LibraryWindow:
        """File ▸ Library: show (making it on first use) and refresh the Library window."""
        if self.window is None:
            from app.core.library_db import default_library_path
            from app.ui.library_window import LibraryWindow

            self.window = LibraryWindow(default_library_path(), self._main)
            self.window.openRequested.connect(self.open_at)
            self.window.closed.connect(self.closed)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.focus_search()
        self.window.refresh()
        return self.window

    def open_at(self, path: str, note_id: str) -> None:
        """Open ``path`` in the main window and select the note ``note_id`` there."""
        self._main.raise_()
        self._main.activateWindow()
        session = self._documents.session
        if session is not None and _same_file(session.article.source_path, path):
            self._select(note_id)
            return
        self._pending_note = note_id or None
        self._documents.open_path(path)

    def _article_ready(self) -> None:
        note, self._pending_note = self._pending_note, None
        if note:
            self._select(note)

    def _select(self, note_id: str) -> None:
        """Select the note's row and scroll the article to it."""
        row = self._navigator.w.model.row_for_annotation(note_id) if note_id else None
        if row is not None:
            self._navigator.select_row(row)

    def _session_changed(self, session: ArticleSession) -> None:
        session.saved.connect(lambda _path, s=session: self._saved(s))

    def _saved(self, session: ArticleSession) -> None:
        self._dirty = session.article.source_path
        self._timer.start()

    def _index_now(self) -> None:
        if self._dirty is None:
            return
        if self._thread is not None and self._thread.is_alive():
            self._timer.start()  # the previous one is still writing: try again soon
            return
        path, self._dirty = self._dirty, None
        self._thread = threading.Thread(target=self._index_in_thread, args=(path,),
                                        name="claimmark-library-index", daemon=True)
        self._thread.start()

    def _index_in_thread(self, path: str) -> None:
        from app.core.library import Library, LibraryError, default_library_path

        library_path = default_library_path()
        if not library_path.exists():
            return  # no library yet: nothing to keep in step, and none made uninvited
        try:
            with Library(library_path) as library:
                if library.update_article(path) is not None:
                    self.indexed.emit(path)
        except (LibraryError, OSError):
            pass  # the library is a cache: the notes file on disk is what counts

    def wait(self, timeout: float = 10.0) -> None:
        """Finish any pending indexing (tests, quitting)."""
        if self._timer.isActive():
            self._timer.stop()
            self._index_now()
        if self._thread is not None:
            self._thread.join(timeout)
        if self.window is not None:
            self.window.wait_for_sync(timeout)

    def _refresh_window(self, _path: str) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.show_current()


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b
