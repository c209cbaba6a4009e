"""Opening an article: loading it off the UI thread, its notes, reloading it when it changes
on disk (renamed: rename_follow), saving, and what to do with an unusable notes file.

Flow: ``open_path`` → loader (worker) → ``articleLoaded`` (first paint in the view) →
``claimsReady`` (once the view holds the whole book) → a new :class:`ArticleSession`
with its notes loaded and anchored → ``articleReady``.

Signals:
    articleReady() / loadFailed(str): an article, its claims and notes are shown / opening
        failed, the previous article stays open.
    sessionChanged(object): the new ArticleSession.
    statusMessage(str, int) / progressChanged(int): a short message and how long to show
        it (ms) / loading progress in per mille, -1 when done.
    titleChanged(str) / pageRequested(str): the window title / "reader" or "start".
    notesStatusChanged(str, str): where the notes are (rich text) and a tooltip.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.core.anchoring import Status
from app.core.article import Article, LoadError
from app.core.claims import Claim
from app.core.gc_pause import settle_long_lived, unsettle
from app.core.notes_ahead import FileSignature, NotesAhead, file_signature
from app.core.reading import read_bytes
from app.core.storage import MAX_NOTES_BYTES
from app.ui import recovered_offer, rename_follow, settings
from app.ui.annotation_editor import AnnotationEditor
from app.ui.article_view import ArticleView
from app.ui.claim_editor import ClaimEditor
from app.ui.claim_navigator import ClaimNavigator
from app.ui.dialogs import DialogService
from app.ui.loader import ArticleLoader, Suggester
from app.ui.notes_status import (
    anchoring_report,
    disk_changes_said,
    notes_location_html,
    warning_html,
)
from app.ui.notes_watch import NotesWatch
from app.ui.recent_files import RecentFiles
from app.ui.session import ArticleSession
from app.ui.typing_spot import TypingSpot

if TYPE_CHECKING:
    from app.core.suggestion import Suggestion

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 300  # editors write a file in several steps


class DocumentController(QObject):
    articleReady = Signal()
    loadFailed = Signal(str)
    sessionChanged = Signal(object)
    statusMessage = Signal(str, int)
    progressChanged = Signal(int)
    titleChanged = Signal(str)
    pageRequested = Signal(str)
    notesStatusChanged = Signal(str, str)

    def __init__(self, view: ArticleView, navigator: ClaimNavigator, editor: ClaimEditor,
                 annotator: AnnotationEditor, recent: RecentFiles, dialogs: DialogService,
                 suggester: Suggester | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ArticleSession | None = None
        self.loader = ArticleLoader(suggester, self)
        self._view = view
        self._navigator = navigator
        self._editor = editor
        self._annotator = annotator
        self._recent = recent
        self._dialogs = dialogs
        self._pending: Article | None = None
        self._claims_waiting: tuple[int, list[Claim], dict[int, Suggestion],
                                    NotesAhead | None] | None = None
        self._reload_state: tuple[str | None, int, str] | None = None  # note, scroll, what done
        self._typing: TypingSpot | None = None  # where the reader was typing before a reload
        self._save_error_shown = False
        self._stamp: FileSignature | None = None  # of the article file when it was read
        self._identity = rename_follow.ArticleIdentity()  # its device and inode: renamed, followed
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_changed_file)
        self._notes_watch = NotesWatch(self)  # another writer's notes, shown at once
        self._notes_watch.changed.connect(self._notes_changed_on_disk)
        self.loader.articleLoaded.connect(self._article_loaded)
        self.loader.progress.connect(self._progress)
        self.loader.claimsReady.connect(self._claims_ready)
        self.loader.failed.connect(self._load_failed)
        view.documentComplete.connect(self._document_complete)

    # ---- opening ------------------------------------------------------------------
    def choose_and_open(self) -> None:
        folder = settings.get(settings.LAST_FOLDER) or str(Path.home())
        path = self._dialogs.open_article_path(folder)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Start opening ``path``; articleReady or loadFailed follows."""
        self.statusMessage.emit(f"Opening {Path(path).name}…", 0)
        self.pageRequested.emit("reader")  # lay out the reader while loading
        unsettle()  # what the article open now holds may be collected again
        self._stamp = file_signature(absolute := Path(path).absolute())
        self.loader.start(str(absolute), settings.chosen_encoding(str(absolute)))

    def _article_loaded(self, generation: int, article: Article) -> None:
        if generation != self.loader.generation:
            return
        self._pending = article
        if self._reload_state is None:
            self._editor.commit_note()
        self._view.show_article(article)
        self._navigator.clear(another_article=self._reload_state is None)
        if self._reload_state is None:
            self.notesStatusChanged.emit("", "")  # the last article's notes file is not this one's
        self.pageRequested.emit("reader")
        self.titleChanged.emit(f"{article.title} — claimmark")
        self.progressChanged.emit(0)
        self.statusMessage.emit(" ".join((*article.notices, "Finding claims…")), 0)
        # Let the worker go on once this first screen has been painted.
        QTimer.singleShot(0, self.loader.first_paint_done.set)

    def _document_complete(self) -> None:
        waiting, self._claims_waiting = self._claims_waiting, None
        if waiting is not None:
            self._claims_ready(*waiting)

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.loader.generation and total:
            self.progressChanged.emit(int(1000 * done / total))

    def _claims_ready(self, generation: int, claims: list[Claim],
                      suggestions: dict[int, Suggestion], ahead: NotesAhead | None) -> None:
        if generation != self.loader.generation or self._pending is None:
            return
        if not self._view.complete:  # a big book is still being added to the view
            self._claims_waiting = (generation, claims, suggestions, ahead)
            return
        article = self._pending
        self._pending = None
        # The claims, suggestions and notes the worker made live as long as the
        # article: out of the collector's runs before this turn adds to them.
        settle_long_lived()
        self.progressChanged.emit(-1)
        old_path = self.session.article.source_path if self.session else None
        if self.session is not None:
            self.session.deleteLater()
        session = ArticleSession(article, claims, self)
        session.saveFailed.connect(self._save_failed)
        session.saved.connect(self._saved)
        self.session = session
        self._identity.opened(article.source_path)
        counts = session.load_notes(ahead)
        self._notes_watch.follow(session.notes_path)
        settle_long_lived()  # the list of 18,000 claims is built without a full collection
        self._annotator.set_session(session)
        self._navigator.set_session(session, suggestions)
        self.sessionChanged.emit(session)
        if old_path != article.source_path or self._reload_state is None:
            self._watch(article.source_path, old_path)
        # The rest after the event loop has run once more: two short pauses, not
        # one long. A timer, not singleShot(0): Qt runs a queued call before the
        # input and timers already waiting, so the two turns were one pause.
        QTimer.singleShot(1, lambda: self._finish_opening(session, counts))

    def _finish_opening(self, session: ArticleSession, counts: dict[Status, int]) -> None:
        if session is not self.session:
            return
        article = session.article
        self._navigator.refresh()
        report = anchoring_report(counts, article.notices, len(self._navigator.w.model.rows), sum(
            1 for a in session.annotations.values() if a.marks_no_text), session.further_pages)
        if self._reload_state is not None:  # T9: it was cleared without a word
            report += f" · {self._reload_state[2]}: the undo history starts again here"
        self.statusMessage.emit(report, 0 if article.notices else 15000)  # notices: kept
        self.update_notes_status()
        self._recent.add(article.source_path)
        settings.put(settings.LAST_FOLDER, str(Path(article.source_path).parent))
        state, self._reload_state = self._reload_state, None
        typing, self._typing = self._typing, None
        if state is not None:
            self._navigator.restore_position(*state[:2])
            if typing is not None and not typing.widget.hasFocus():  # kept it: typed on
                typing.restore()
        else:
            self._navigator.select_row(0 if self._navigator.w.model.rows else None)
            self._view.setFocus()
        taken_back = self._annotator.take_back_drafts()  # typed before a crash (notes_draft)
        if taken_back:
            self.statusMessage.emit(taken_back, 0)
        self.articleReady.emit()
        if session.notes_problem is not None:
            QTimer.singleShot(0, self._offer_start_fresh)
        elif recovered_offer.waiting(session):
            QTimer.singleShot(0, self._offer_recovered)

    def _load_failed(self, generation: int, message: str) -> None:
        if generation != self.loader.generation:
            return
        log.warning("could not open: %s", message)
        reloading = self._reload_state is not None and self.session is not None
        self._pending = self._reload_state = None
        self.progressChanged.emit(-1)
        if self.session is None:
            self.pageRequested.emit("start")
        if reloading:  # nobody asked: the article stays as it was, no dialog (T9)
            self.statusMessage.emit(f"The article changed on disk and cannot be read now "
                                    f"({message}); showing it as it was", 0)
            self._typing = None
            return
        self.statusMessage.emit(f"Could not open: {message}", 15000)
        self.loadFailed.emit(message)
        self._dialogs.error("Could not open the article", message)

    def close(self) -> None:
        self._editor.commit_note()
        self.loader.cancel()

    # ---- reloading when the file changes ----------------------------------------
    def _watch(self, path: str, old: str | None) -> None:
        if old and old in self.watcher.files():
            self.watcher.removePath(old)
        if path not in self.watcher.files():
            self.watcher.addPath(path)

    def _file_changed(self, path: str) -> None:
        if self.session and path == self.session.article.source_path:
            self._reload_timer.start()

    def _folder_changed(self, folder: str) -> None:
        """The open article's folder changed while its file was gone: back?"""
        if self.session and Path(self.session.article.source_path).exists():
            self.watcher.removePath(folder)
            self._reload_timer.start()

    def _reload_changed_file(self) -> None:
        if self.session is None:
            return
        path = self.session.article.source_path
        if not Path(path).exists():
            # Moved away or deleted (tester T8: "Could not open"): the article
            # stays open, its notes are still saved; it reloads if it comes back.
            followed = self._identity.follow(self.session)  # renamed in its folder (T13)
            if followed is not None:
                self._watch(self.session.article.source_path, path)
                self._recent.renamed(path, self.session.article.source_path)
                self._notes_watch.follow(self.session.notes_path)
                self.update_notes_status()
                self.statusMessage.emit(followed, 0)
                return
            folder, self._stamp = str(Path(path).parent), None  # back: read it again
            if Path(folder).is_dir() and folder not in self.watcher.directories():
                self.watcher.addPath(folder)
            self.statusMessage.emit(rename_follow.gone_message(self.session), 0)
            return
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)  # editors that replace the file drop the watch
        stamp = file_signature(Path(path))
        if stamp == self._stamp:  # its mode or links changed, not the file (T10)
            return
        self._stamp = stamp
        self.reload("The article changed on disk: reloading…", "reloaded from disk")

    def reload(self, message: str, said: str) -> None:
        """Read the article again (its chosen encoding), the reader's place and typing kept."""
        if self.session is None:
            return
        if self._reload_state is None:  # else a reload under way kept the reader's place (F6)
            self._typing = TypingSpot.capture()
            self._editor.commit_note()  # first: a note being typed is the claim's to return to
            if self.session.rescue.unwritten:  # back (T13): the reload then reads them
                self.session.save()
            self._reload_state = (self._navigator.current_annotation_id() or None,
                                  self._view.verticalScrollBar().value(), said)
        self.statusMessage.emit(message, 0)
        unsettle()
        path = self.session.article.source_path
        self.loader.start(path, settings.chosen_encoding(path))

    # ---- saving and the notes file -------------------------------------------------
    def save_now(self) -> None:
        self._editor.commit_note()
        if self.session is not None and self.session.save():
            self.statusMessage.emit(f"Notes saved to {self.session.notes_path}", 5000)

    def _save_failed(self, message: str) -> None:
        self.notesStatusChanged.emit(warning_html(message),
                                     str(self.session.notes_path) if self.session else "")
        said = self.session is not None and rename_follow.gone_said(self.session)
        if not self._save_error_shown and not said:  # the status bar said it is gone (T8)
            self._save_error_shown = True
            self._dialogs.error("Notes not saved", f"{message}.\n\nclaimmark will write the whole "
                                "file again with your next edit, or use File ▸ Save Notes Now.")

    def _saved(self, _path: str) -> None:
        self._save_error_shown = False
        if self.session is not None:  # the data folder's file after a refused write
            self._notes_watch.follow(self.session.notes_path)
        self.update_notes_status()

    def _notes_changed_on_disk(self) -> None:
        """Another writer saved (or damaged, or deleted) the notes file: show
        what it added now, never write over what it left (notes_watch)."""
        session = self.session
        if session is None or not session.disk_changed():
            return  # the window's own save
        had_problem = session.notes_problem is not None
        typing = TypingSpot.capture()
        self._editor.commit_note()  # a note being typed is this session's and wins
        changes = session.take_in_disk_changes()
        name = session.notes_path.name
        if changes.touching():
            self._navigator.refresh()
            forgot = self._annotator.forget_steps_touching(changes.touching())
            said = disk_changes_said(changes, session.annotations, forgot)
            self.statusMessage.emit(f"{said} ({name})", 15000)
        elif session.notes_problem is not None and not had_problem:
            self.update_notes_status()
            self.statusMessage.emit(f"{name} was changed by another program and cannot be "
                                    f"used now; it is not written over: your edits go to "
                                    f"{session.recovery_path.name}", 0)
        elif not session.notes_path.exists() and session.annotations:
            self.statusMessage.emit(rename_follow.notes_deleted_message(session), 0)
        if typing is not None:
            typing.restore()

    def update_notes_status(self) -> None:
        self.notesStatusChanged.emit(*notes_location_html(self.session))

    def import_notes(self) -> None:
        """File ▸ Import Notes…: merged as ``claimmark import`` merges, saved,
        shown like any other note (orphans in the lost list)."""
        session = self.session
        if session is None:
            return
        self._editor.commit_note()
        path = self._dialogs.open_notes_path(str(Path(session.article.source_path).parent))
        if not path:
            return
        from app.core.importing import ImportFormatError, holds_nothing, parse_payload

        try:
            items = parse_payload(read_bytes(Path(path), MAX_NOTES_BYTES))
        except (ImportFormatError, LoadError) as error:
            message = f"{Path(path).name}: {error}; nothing imported"
            self.statusMessage.emit(message, 15000)
            self._dialogs.error("Could not import notes", message)
            return
        if not items:  # "[]" or an empty Hypothesis export: no undo step, no notes file
            message = f"Nothing to import: {holds_nothing(Path(path).name, items)}"
            self.statusMessage.emit(message, 15000)
            self._dialogs.info("Nothing imported", message)
            return
        result = session.import_result(items)
        self._annotator.import_notes(result, Path(path).name)
        self.statusMessage.emit(result.summary(), 15000)

    def _offer_start_fresh(self) -> None:
        if self.session is None or self.session.notes_problem is None:
            return
        problem = self.session.notes_problem
        said = str(problem)
        message = (f"{said[:1].upper()}{said[1:]}.\n\nclaimmark will not overwrite "
                   f"{problem.path.name}; until you decide, your changes are saved to "
                   f"{self.session.recovery_path.name}. Start fresh notes? The old file is kept "
                   "beside the article under a name ending in “.unusable-…”.")
        if self._dialogs.confirm("Notes file not used", message, "Start fresh"):
            self.start_fresh()
        else:
            self.update_notes_status()

    def _offer_recovered(self) -> None:
        session = self.session
        said = recovered_offer.offer(session, self._dialogs) if session is not None else ""
        if said:
            self._navigator.refresh()
            self.sessionChanged.emit(session)
            self.statusMessage.emit(said, 15000)

    def start_fresh(self) -> None:
        if self.session is None or self.session.notes_problem is None:
            return
        kept = self.session.start_fresh()
        self.update_notes_status()
        self.sessionChanged.emit(self.session)
        self.statusMessage.emit(f"Old notes kept as {kept.name}", 15000)

