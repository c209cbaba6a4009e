"""The main window: the article on the left, the notes pane on the right.

Signals:
    articleReady(): an article, its claims and its notes are shown.
    loadFailed(str): opening failed; the previous article stays open.
    exported(str): notes were exported to this path.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QFileSystemWatcher,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.annotations import Annotation, annotation_for_span
from app.core.article import Article
from app.core.resources import sample_article_path
from app.ui import settings
from app.ui.article_view import ArticleView, Highlight
from app.ui.claim_delegate import ClaimDelegate
from app.ui.claim_editor import ClaimEditor
from app.ui.claim_model import (
    ANNOTATION_ID_ROLE,
    FILTERS,
    SPAN_ROLE,
    SUGGESTION_ROLE,
    ClaimFilterProxy,
    ClaimListModel,
)
from app.ui.commands import BatchEdit, EditAnnotation
from app.ui.dialogs import DialogService
from app.ui.export_runner import write_export
from app.ui.loader import ArticleLoader, Suggester
from app.ui.session import ArticleSession
from app.ui.start_page import StartPage
from app.ui.summary_bar import SummaryWidget
from app.ui.window_actions import create_actions, shortcut_rows

FILTER_TITLES = {"all": "All claims", "supported": "Supported", "uncertain": "Uncertain",
                 "advertising": "Advertising", "unmarked": "Unmarked",
                 "suggested": "Suggested", "orphaned": "Lost their place"}
LABEL_ACTIONS = {"supported": "supported", "uncertain": "uncertain",
                 "advertising": "advertising", "clear": "none"}


class MainWindow(QMainWindow):
    articleReady = Signal()
    loadFailed = Signal(str)
    exported = Signal(str)

    def __init__(self, dialogs: DialogService | None = None,
                 suggester: Suggester | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("claimmark")
        self.setAcceptDrops(True)
        self.dialogs = dialogs or DialogService(self)
        self.open_url = QDesktopServices.openUrl
        self.session: ArticleSession | None = None
        self.suggestions: dict[int, object] = {}
        self.undo_stack = QUndoStack(self)
        self.loader = ArticleLoader(suggester, self)
        self.loader.articleLoaded.connect(self._article_loaded)
        self.loader.progress.connect(self._progress)
        self.loader.claimsReady.connect(self._claims_ready)
        self.loader.failed.connect(self._load_failed)
        self._pending: Article | None = None
        self._claims_waiting: tuple[int, list, dict] | None = None
        self._reload_state: tuple[str | None, int] | None = None
        self._save_error_shown = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self._reload_changed_file)

        self._build_widgets()
        self.actions = create_actions(self)
        self._build_menus()
        self._connect()
        self._restore_settings()

    # ---- construction ----------------------------------------------------------
    def _build_widgets(self) -> None:
        self.stack = QStackedWidget(self)
        self.start_page = StartPage(self)
        self.stack.addWidget(self.start_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.view = ArticleView(self.splitter)
        pane = QWidget(self.splitter)
        pane.setObjectName("notesPane")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.summary = SummaryWidget(pane)
        layout.addWidget(self.summary)
        self.filter_box = QComboBox(pane)
        self.filter_box.setObjectName("filterBox")
        for mode in FILTERS:
            self.filter_box.addItem(FILTER_TITLES[mode], mode)
        self.search_box = QLineEdit(pane)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search claims and notes (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.search_box)
        self.model = ClaimListModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(pane)
        self.list.setObjectName("claimList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ClaimDelegate(self.list))
        self.list.setUniformItemSizes(True)  # a book has tens of thousands of rows
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 3)
        self.editor = ClaimEditor(pane)
        layout.addWidget(self.editor, 2)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 480])
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        status = self.statusBar()
        self.notes_location = QLabel(self)
        self.notes_location.setObjectName("notesLocation")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("loadProgress")
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.hide()
        status.addPermanentWidget(self.notes_location)
        status.addPermanentWidget(self.progress_bar)

    def _build_menus(self) -> None:
        a = self.actions
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(a["open"])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addAction(a["open_sample"])
        file_menu.addSeparator()
        file_menu.addAction(a["save"])
        file_menu.addAction(a["export"])
        file_menu.addAction(a["author"])
        file_menu.addAction(a["start_fresh"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(a["find"])
        claims_menu = bar.addMenu("&Claims")
        for name in ("next", "previous", None, "supported", "uncertain", "advertising",
                     "clear", None, "enter", "back", None, "accept_all", "reattach", "delete"):
            if name is None:
                claims_menu.addSeparator()
            else:
                claims_menu.addAction(a[name])
        view_menu = bar.addMenu("&View")
        for name in ("zoom_in", "zoom_out", "zoom_reset"):
            view_menu.addAction(a[name])
        view_menu.addSeparator()
        view_menu.addAction(a["show_suggestions"])
        theme_menu = view_menu.addMenu("&Theme")
        for name in ("theme_system", "theme_light", "theme_dark"):
            theme_menu.addAction(a[name])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])
        a["export"].setEnabled(False)
        a["start_fresh"].setEnabled(False)
        # Claim keys work where the reader is: in the article and in the list.
        for name in ("next", "previous", "supported", "uncertain", "advertising", "clear",
                     "enter", "delete"):
            self.view.addAction(a[name])
            self.list.addAction(a[name])
        self.addAction(a["back"])
        self.view.set_context_actions([a["supported"], a["uncertain"], a["advertising"],
                                       a["clear"], None, a["reattach"], a["delete"]])

    def _connect(self) -> None:
        a = self.actions
        a["open"].triggered.connect(self.choose_and_open)
        a["open_sample"].triggered.connect(lambda: self.open_path(str(sample_article_path())))
        a["save"].triggered.connect(self.save_now)
        a["start_fresh"].triggered.connect(self.start_fresh)
        a["export"].triggered.connect(self.export_notes)
        a["author"].triggered.connect(self.set_author)
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self._focus_search)
        a["next"].triggered.connect(lambda: self.move_current(+1))
        a["previous"].triggered.connect(lambda: self.move_current(-1))
        for name, label in LABEL_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, value=label: self.apply_label(value))
        a["enter"].triggered.connect(self.enter_pressed)
        a["back"].triggered.connect(self.back_to_article)
        a["accept_all"].triggered.connect(self.accept_all_suggestions)
        a["reattach"].triggered.connect(self.reattach_current)
        a["delete"].triggered.connect(self.delete_current)
        a["zoom_in"].triggered.connect(lambda: self.zoom(+1))
        a["zoom_out"].triggered.connect(lambda: self.zoom(-1))
        a["zoom_reset"].triggered.connect(lambda: self.zoom(-self.zoom_level))
        a["show_suggestions"].toggled.connect(self.set_show_suggestions)
        for theme in ("system", "light", "dark"):
            a[f"theme_{theme}"].triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        self.start_page.openRequested.connect(self.choose_and_open)
        self.start_page.pathChosen.connect(self.open_path)
        self.filter_box.currentIndexChanged.connect(
            lambda: self.proxy.set_mode(self.filter_box.currentData()))
        self.search_box.textChanged.connect(self.proxy.set_search)
        self.list.selectionModel().currentChanged.connect(self._list_current_changed)
        self.model.modelReset.connect(self._model_reset)
        self.view.clickedAt.connect(self._article_clicked)
        self.view.linkActivated.connect(self._link_activated)
        self.view.documentComplete.connect(self._document_complete)
        self.editor.labelChosen.connect(self.apply_label)
        self.editor.noteCommitted.connect(self._note_committed)
        self.editor.sourceAdded.connect(self._source_added)
        self.editor.sourceRemoved.connect(self._source_removed)
        self.editor.acceptSuggestionRequested.connect(self.accept_suggestion)
        self.undo_stack.indexChanged.connect(lambda _: self._refresh_after_edit())

    def _restore_settings(self) -> None:
        geometry = settings.get(settings.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        splitter = settings.get(settings.SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.zoom_level = 0
        self.zoom(settings.get(settings.ZOOM), remember=False)
        self.actions["show_suggestions"].setChecked(settings.get(settings.SHOW_SUGGESTIONS))
        self.model.show_suggestions = settings.get(settings.SHOW_SUGGESTIONS)
        theme = settings.get(settings.THEME)
        for name in ("system", "light", "dark"):
            self.actions[f"theme_{name}"].setChecked(name == theme)
        self._update_recent(settings.get(settings.RECENT_FILES))

    # ---- opening -------------------------------------------------------------
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

    # ---- file watching ----------------------------------------------------------
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

    # ---- current item -----------------------------------------------------------
    def current_source_row(self) -> int | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.mapToSource(index).row()

    def current_annotation_id(self) -> str:
        row = self.current_source_row()
        if row is None:
            return ""
        return self.model.data(self.model.index(row), ANNOTATION_ID_ROLE) or ""

    def select_row(self, source_row: int | None, scroll_article: bool = True) -> None:
        if source_row is None or not 0 <= source_row < len(self.model.rows):
            self.list.clearSelection()
            self.view.set_current(None)
            self.editor.clear()
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row))
        if not proxy_index.isValid():  # filtered out: show everything again
            self.filter_box.setCurrentIndex(0)
            self.search_box.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(source_row))
        self._scroll_article = scroll_article
        self.list.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(proxy_index)
        self._scroll_article = True

    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self._show_current(scroll=getattr(self, "_scroll_article", True))

    def _show_current(self, scroll: bool = True) -> None:
        row = self.current_source_row()
        if row is None or self.session is None:
            self.editor.clear()
            return
        index = self.model.index(row)
        start, end = index.data(SPAN_ROLE)
        ident = index.data(ANNOTATION_ID_ROLE)
        annotation = self.session.annotations.get(ident) if ident else None
        orphan = bool(ident) and self.session.status.get(ident) == "orphaned"
        self.view.set_current(None if orphan else (start, end), scroll=scroll)
        heading = f"Claim {row + 1} of {len(self.model.rows)}"
        if orphan:
            heading = "This note lost its place in the article. Select text and choose " \
                      "Claims ▸ Re-attach to Selection, or delete it."
        suggestion = index.data(SUGGESTION_ROLE)
        self.view.set_cues([(c.start, c.end, suggestion.label) for c in suggestion.cues
                            if c.end - c.start < end - start or len(suggestion.cues) == 1]
                           if suggestion is not None and not orphan else [])
        self.editor.show_item(
            heading,
            annotation.label if annotation else "none",
            annotation.note if annotation else "",
            list(annotation.sources) if annotation else [],
            self._suggestion_html(suggestion) if suggestion is not None else None,
        )

    def _suggestion_html(self, suggestion: object) -> str:
        label = getattr(suggestion, "label", "")
        cues = getattr(suggestion, "cues", ())
        items = "".join(f"<li>{html.escape(getattr(c, 'reason', str(c)))}</li>" for c in cues)
        return f"<b>Why suggested: {html.escape(label)}</b><ul style='margin:0'>{items}</ul>"

    def move_current(self, step: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        index = self.list.currentIndex()
        row = index.row() + step if index.isValid() else (0 if step > 0 else count - 1)
        row = max(0, min(count - 1, row))
        proxy_index = self.proxy.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(proxy_index)

    def _article_clicked(self, position: int) -> None:
        if self.session is None:
            return
        claim = self.session.claim_at(position)
        if claim is None:
            return
        row = self.model.row_for_claim(claim.index)
        if row is not None:
            self.select_row(row, scroll_article=False)

    def _model_reset(self) -> None:
        self.summary.set_counts(self.session.counts() if self.session else {},
                                len(self.session.claims) if self.session else 0)

    # ---- annotation edits -----------------------------------------------------------
    def _edit(self, ident: str, before: Annotation | None, after: Annotation | None,
              text: str) -> None:
        if after is not None and after.is_empty:
            after = None
        if before is None and after is None:
            return
        self.undo_stack.push(EditAnnotation(self.session, ident, before, after, text))

    def _current_target(self) -> tuple[str, Annotation | None, int, int] | None:
        """The annotation id, annotation, and span the next edit applies to."""
        if self.session is None:
            return None
        row = self.current_source_row()
        if row is None:
            return None
        index = self.model.index(row)
        start, end = index.data(SPAN_ROLE)
        ident = index.data(ANNOTATION_ID_ROLE)
        if ident:
            return ident, self.session.annotations.get(ident), start, end
        return "", None, start, end

    def apply_label(self, label: str) -> None:
        if self.session is None:
            return
        # A selection in the article is annotated exactly when the reader is there
        # (a key in the article, its context menu); otherwise the current claim.
        span = self.view.selected_span() if self.view.hasFocus() else None
        if span is not None:
            self._label_span(span, label)
            return
        target = self._current_target()
        if target is None:
            return
        ident, annotation, start, end = target
        text = f"Mark {label}" if label != "none" else "Clear label"
        if annotation is None:
            if label == "none":
                return
            new = annotation_for_span(self.session.article.text, start, end, label=label)
            self._edit(new.id, None, new, text)
        elif annotation.label != label:
            self._edit(ident, annotation, annotation.edited(label=label), text)

    def _label_span(self, span: tuple[int, int], label: str) -> None:
        start, end = span
        text = self.session.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return
        existing = self.session.annotation_at(start, end)
        if existing is not None:
            self._edit(existing.id, existing, existing.edited(label=label), f"Mark {label}")
        elif label != "none":
            new = annotation_for_span(text, start, end, label=label)
            self._edit(new.id, None, new, f"Mark selection {label}")
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        ident = existing.id if existing else (new.id if label != "none" else "")
        row = self.model.row_for_annotation(ident) if ident else None
        if row is not None:
            self.select_row(row, scroll_article=False)

    def _note_committed(self, note: str) -> None:
        target = self._current_target()
        if target is None:
            return
        ident, annotation, start, end = target
        if annotation is None:
            new = annotation_for_span(self.session.article.text, start, end, note=note)
            self._edit(new.id, None, new, "Edit note")
        elif annotation.note != note:
            self._edit(ident, annotation, annotation.edited(note=note), "Edit note")

    def _source_added(self, url: str) -> None:
        target = self._current_target()
        if target is None:
            return
        ident, annotation, start, end = target
        if annotation is None:
            new = annotation_for_span(self.session.article.text, start, end, sources=(url,))
            self._edit(new.id, None, new, "Add source")
        elif url not in annotation.sources:
            self._edit(ident, annotation, annotation.edited(sources=(*annotation.sources, url)),
                       "Add source")

    def _source_removed(self, url: str) -> None:
        target = self._current_target()
        if target is None or target[1] is None:
            return
        ident, annotation, _, _ = target
        sources = tuple(s for s in annotation.sources if s != url)
        self._edit(ident, annotation, annotation.edited(sources=sources), "Remove source")

    def enter_pressed(self) -> None:
        row = self.current_source_row()
        if row is not None and self.model.data(self.model.index(row), SUGGESTION_ROLE):
            self.accept_suggestion()
        else:
            self.editor.note.setFocus()

    def accept_suggestion(self) -> None:
        row = self.current_source_row()
        if row is None:
            return
        suggestion = self.model.data(self.model.index(row), SUGGESTION_ROLE)
        if suggestion is not None:
            self.apply_label(suggestion.label)

    def accept_all_suggestions(self) -> None:
        if self.session is None:
            return
        edits = []
        text = self.session.article.text
        for row in self.model.suggested_rows():
            index = self.model.index(row)
            suggestion = index.data(SUGGESTION_ROLE)
            ident = index.data(ANNOTATION_ID_ROLE)
            before = self.session.annotations.get(ident) if ident else None
            start, end = index.data(SPAN_ROLE)
            if before is None:
                after = annotation_for_span(text, start, end, label=suggestion.label)
                edits.append((after.id, None, after))
            else:
                edits.append((ident, before, before.edited(label=suggestion.label)))
        if edits:
            self.undo_stack.push(BatchEdit(self.session, edits,
                                           f"Accept {len(edits)} suggestions"))
        self.statusBar().showMessage(f"Accepted {len(edits)} suggestions", 8000)

    def reattach_current(self) -> None:
        target = self._current_target()
        span = self.view.selected_span()
        if target is None or target[1] is None or span is None:
            self.statusBar().showMessage("Select the text to attach the note to first", 8000)
            return
        ident, annotation, _, _ = target
        from app.core.annotations import rebase

        moved = rebase(annotation, self.session.article.text, *span)
        self._edit(ident, annotation, moved.edited(), "Re-attach note")

    def delete_current(self) -> None:
        target = self._current_target()
        if target is None or target[1] is None:
            return
        ident, annotation, _, _ = target
        self.undo_stack.push(EditAnnotation(self.session, ident, annotation, None,
                                            "Delete annotation"))

    def export_notes(self) -> None:
        """File ▸ Export…: choose a format and a file; write it."""
        if self.session is None:
            return
        self.editor.commit_note()
        names = {"Markdown (.md)": "md", "HTML (.html)": "html", "PDF (.pdf)": "pdf",
                 "CSV for spreadsheets (.csv)": "csv", "W3C Web Annotation (.jsonld)": "jsonld",
                 "schema.org ClaimReview (.json)": "claimreview"}
        choice = self.dialogs.choose("Export notes", "Format:", list(names))
        if choice is None:
            return
        fmt = names[choice]
        from app.core.export import SUFFIXES

        article_path = Path(self.session.article.source_path)
        suggested = str(article_path.with_name(article_path.stem + "-notes" + SUFFIXES[fmt]))
        path = self.dialogs.save_path("Export notes", suggested, f"{choice} (*{SUFFIXES[fmt]})")
        if not path:
            return
        self.progress_bar.setRange(0, 0)  # busy: a book's PDF takes a moment
        self.progress_bar.show()
        self.statusBar().showMessage(f"Exporting {Path(path).name}…")
        QApplication.processEvents()
        try:
            write_export(self.session, fmt, path, settings.get(settings.AUTHOR) or None)
        except OSError as error:
            self.dialogs.error("Export failed", f"Cannot write {path}: {error.strerror or error}")
            return
        finally:
            self.progress_bar.hide()
            self.progress_bar.setRange(0, 1000)
        self.statusBar().showMessage(f"Exported to {path}", 10000)
        self.exported.emit(path)

    def set_author(self) -> None:
        from app.core.export.model import default_author

        current = settings.get(settings.AUTHOR) or default_author()
        name = self.dialogs.ask_text("Author name", "Your name, as the reviewer in "
                                     "ClaimReview exports:", current)
        if name is not None:
            settings.put(settings.AUTHOR, name.strip())

    def back_to_article(self) -> None:
        self.editor.commit_note()
        self.view.setFocus()

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def save_now(self) -> None:
        self.editor.commit_note()
        if self.session is not None and self.session.save():
            self.statusBar().showMessage(f"Notes saved to {self.session.store.path}", 5000)

    # ---- reactions -------------------------------------------------------------------
    def _refresh_after_edit(self) -> None:
        session = self.session
        if session is None:
            return
        self.refresh_highlights()
        self.summary.set_counts(session.counts(), len(session.claims))
        self._update_accept_all()
        if self.list.currentIndex().isValid():
            self._show_current(scroll=False)

    def refresh_highlights(self) -> None:
        session = self.session
        if session is None:
            return
        highlights = [Highlight(a.start, a.end, a.label) for a in session.annotations.values()
                      if a.label != "none" and session.status.get(a.id) != "orphaned"]
        if self.model.show_suggestions and self.suggestions:
            labelled = {(h.start, h.end) for h in highlights}
            for claim_index, suggestion in self.suggestions.items():
                claim = session.claims[claim_index]
                if (claim.start, claim.end) not in labelled:
                    highlights.append(Highlight(claim.start, claim.end, suggestion.label, True))
        self.view.set_highlights(highlights)

    def _update_accept_all(self) -> None:
        count = len(self.model.suggested_rows()) if self.session is not None else 0
        self.actions["accept_all"].setText(f"Accept All &Suggestions ({count})")
        self.actions["accept_all"].setEnabled(count > 0)

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

    def _link_activated(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if not scheme and url.hasFragment():
            self.view.scrollToAnchor(url.fragment())
            return
        if scheme in ("http", "https"):
            full = url.toString()
            if self.dialogs.confirm("Open link in your browser?", full, "Open in browser"):
                self.open_url(url)
            return
        self.dialogs.error("Link not opened",
                           f"claimmark opens only web links (http, https), not “{scheme}:” "
                           "links.")

    # ---- view -----------------------------------------------------------------------
    def zoom(self, steps: int, remember: bool = True) -> None:
        steps = max(-8 - self.zoom_level, min(20 - self.zoom_level, steps))
        if steps > 0:
            self.view.zoomIn(steps)
        elif steps < 0:
            self.view.zoomOut(-steps)
        self.zoom_level += steps
        self.view._update_margins()
        if remember:
            settings.put(settings.ZOOM, self.zoom_level)

    def set_show_suggestions(self, show: bool) -> None:
        self.model.show_suggestions = show
        settings.put(settings.SHOW_SUGGESTIONS, show)
        self.model.set_suggestions(self.suggestions)
        self._refresh_after_edit()

    def set_theme(self, theme: str) -> None:
        from app.ui.application import apply_theme

        settings.put(settings.THEME, theme)
        for name in ("system", "light", "dark"):
            self.actions[f"theme_{name}"].setChecked(name == theme)
        apply_theme(theme)
        self.refresh_highlights()

    def show_shortcuts(self) -> None:
        rows = shortcut_rows(self.actions) + [("Ctrl+Z", "Undo"), ("Ctrl+Shift+Z", "Redo")]
        table = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>"
                        for k, t in rows)
        self.dialogs.info("Keyboard shortcuts",
                          f"<table cellpadding='3'>{table}</table><p>Claim keys work when the "
                          "article or the claim list has focus, never while typing.</p>")

    def show_about(self) -> None:
        QMessageBox.about(self, "About claimmark",
                          f"<b>claimmark {__version__}</b><p>A reader for critical reading.</p>")

    def _update_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(paths))
        self.start_page.set_recent(paths)

    # ---- Qt events --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.open_path(url.toLocalFile())
                return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.editor.commit_note()
        self.loader.cancel()
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settings.put(settings.SPLITTER, self.splitter.saveState())
        super().closeEvent(event)
