"""Opening articles in the main window: loading, claims, notes, reloads, saving state.

A mixin of :class:`app.ui.main_window.MainWindow`; it uses the window's
widgets (``view``, ``model``, ``editor``, ``loader``, ``watcher``…) and keeps
the window module to its layout and wiring.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.core.article import Article
from app.ui import settings
from app.ui.session import ArticleSession

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class OpeningMixin(_Base):
    def choose_and_open(self) -> None:
        folder = settings.get(settings.LAST_FOLDER) or str(Path.home())
        path = self.dialogs.open_article_path(folder)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Start opening ``path``; articleReady or loadFailed follows."""
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        self.stack.setCurrentWidget(self.splitter)  # lay out the reader while loading
        self._pending_path = str(Path(path).absolute())
        self.loader.start(self._pending_path)

    def _article_loaded(self, generation: int, article: Article) -> None:
        if generation != self.loader.generation:
            return
        self._pending = article
        if self._reload_state is None:
            self.editor.commit_note()
        self.view.show_article(article)
        self.view.set_highlights([])
        self.model.set_session(None)
        self.editor.clear()
        self.stack.setCurrentWidget(self.splitter)
        self.setWindowTitle(f"{article.title} — claimmark")
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.statusBar().showMessage(" ".join((*article.notices, "Finding claims…")))
        # Let the worker go on once this first screen has been painted.
        QTimer.singleShot(0, self.loader.first_paint_done.set)

    def _document_complete(self) -> None:
        waiting, self._claims_waiting = self._claims_waiting, None
        if waiting is not None:
            self._claims_ready(*waiting)

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.loader.generation and total:
            self.progress_bar.setValue(int(1000 * done / total))

    def _claims_ready(self, generation: int, claims: list, suggestions: dict) -> None:
        if generation != self.loader.generation or self._pending is None:
            return
        if not self.view.complete:  # a big book is still being added to the view
            self._claims_waiting = (generation, claims, suggestions)
            return
        article = self._pending
        self._pending = None
        self.progress_bar.hide()
        old_path = self.session.article.source_path if self.session else None
        if self.session is not None:
            self.session.deleteLater()
        session = ArticleSession(article, self)
        session.claims = claims
        session.saveFailed.connect(self._save_failed)
        session.saved.connect(self._saved)
        self.session = session
        self.suggestions = suggestions
        counts = session.load_notes()
        self.undo_stack.clear()
        self.model.set_session(session, suggestions)
        if old_path != article.source_path or self._reload_state is None:
            self._watch(article.source_path, old_path)
        # The rest in the next turn of the event loop: two short pauses, not one long.
        QTimer.singleShot(0, lambda: self._finish_opening(session, counts))

    def _finish_opening(self, session: ArticleSession, counts: dict[str, int]) -> None:
        if session is not self.session:
            return
        article = session.article
        self._refresh_after_edit()
        self._report_anchoring(counts)
        self.actions["export"].setEnabled(True)
        self.actions["start_fresh"].setEnabled(session.notes_problem is not None)
        self._update_notes_location()
        self._update_recent(settings.add_recent(article.source_path))
        settings.put(settings.LAST_FOLDER, str(Path(article.source_path).parent))
        state, self._reload_state = self._reload_state, None
        if state is not None:
            self._restore_position(*state)
        else:
            self.select_row(0 if self.model.rows else None)
            self.view.setFocus()
        self.articleReady.emit()
        if session.notes_problem is not None:
            QTimer.singleShot(0, self._offer_start_fresh)

    def _load_failed(self, generation: int, message: str) -> None:
        if generation != self.loader.generation:
            return
        self._pending = None
        self._reload_state = None
        self.progress_bar.hide()
        if self.session is None:
            self.stack.setCurrentWidget(self.start_page)
        self.statusBar().showMessage(f"Could not open: {message}", 15000)
        self.loadFailed.emit(message)
        self.dialogs.error("Could not open the article", message)

    def _report_anchoring(self, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        notices = " ".join(self.session.article.notices) if self.session else ""
        if not total:
            self.statusBar().showMessage(
                f"{notices} {len(self.model.rows)} claims".strip(), 15000)
            return
        parts = [f"{counts['exact']} in place"]
        if counts["moved"]:
            parts.append(f"{counts['moved']} moved")
        if counts["fuzzy"]:
            parts.append(f"{counts['fuzzy']} changed")
        if counts["orphaned"]:
            parts.append(f"{counts['orphaned']} lost (see the filter “Lost their place”)")
        self.statusBar().showMessage("Notes: " + ", ".join(parts), 15000)

    def _watch(self, path: str, old: str | None) -> None:
        if old and old in self.watcher.files():
            self.watcher.removePath(old)
        if path not in self.watcher.files():
            self.watcher.addPath(path)

    def _file_changed(self, path: str) -> None:
        if self.session and path == self.session.article.source_path:
            self._reload_timer.start()

    def _reload_changed_file(self) -> None:
        if self.session is None:
            return
        path = self.session.article.source_path
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)  # editors that replace the file drop the watch
        current = self.current_annotation_id() or None
        self._reload_state = (current, self.view.verticalScrollBar().value())
        self.editor.commit_note()
        self.statusBar().showMessage("The article changed on disk: reloading…")
        self.loader.start(path)

    def _restore_position(self, annotation_id: str | None, scroll: int) -> None:
        row = self.model.row_for_annotation(annotation_id) if annotation_id else None
        self.select_row(row if row is not None else 0, scroll_article=False)
        self.view.verticalScrollBar().setValue(scroll)

    def _save_failed(self, message: str) -> None:
        self.notes_location.setText(f"<span style='color:#D55E00'>⚠ {html.escape(message)}"
                                    "</span>")
        if not self._save_error_shown:
            self._save_error_shown = True
            self.dialogs.error("Notes not saved", f"{message}\n\nThe previous notes file is "
                               "unchanged. claimmark will try again with your next edit, "
                               "or use File ▸ Save Notes Now.")

    def _saved(self, _path: str) -> None:
        self._save_error_shown = False
        self._update_notes_location()

    def _update_notes_location(self) -> None:
        session = self.session
        if session is None:
            self.notes_location.clear()
            return
        if session.notes_problem is not None:
            self.notes_location.setText(
                f"<span style='color:#D55E00'>⚠ Notes not saved: "
                f"{html.escape(str(session.notes_problem))}</span>")
        elif session.store.fallback_reason:
            self.notes_location.setText(
                f"Notes in {html.escape(str(session.store.path))} "
                f"({html.escape(session.store.fallback_reason)})")
        else:
            self.notes_location.setText(f"Notes: {session.store.path.name}")
        self.notes_location.setToolTip(str(session.store.path))

    def _offer_start_fresh(self) -> None:
        if self.session is None or self.session.notes_problem is None:
            return
        problem = self.session.notes_problem
        message = (f"{problem}.\n\nclaimmark will not overwrite {problem.path.name}. "
                   "Start fresh notes? The old file is kept beside the article under a name "
                   "ending in “.unusable-…”.")
        if self.dialogs.confirm("Notes file not used", message, "Start fresh"):
            self.start_fresh()
        else:
            self._update_notes_location()

    def start_fresh(self) -> None:
        if self.session is None or self.session.notes_problem is None:
            return
        kept = self.session.start_fresh()
        self.actions["start_fresh"].setEnabled(False)
        self._update_notes_location()
        self.statusBar().showMessage(f"Old notes kept as {kept.name}", 15000)
