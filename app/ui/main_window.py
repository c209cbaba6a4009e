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
from app.core.article import Article
from app.core.resources import sample_article_path
from app.ui import settings
from app.ui.annotating import AnnotatingMixin
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
from app.ui.dialogs import DialogService
from app.ui.export_runner import ExportingMixin
from app.ui.loader import ArticleLoader, Suggester
from app.ui.opening import OpeningMixin
from app.ui.session import ArticleSession
from app.ui.start_page import StartPage
from app.ui.summary_bar import SummaryWidget
from app.ui.window_actions import create_actions, shortcut_rows

FILTER_TITLES = {"all": "All claims", "supported": "Supported", "uncertain": "Uncertain",
                 "advertising": "Advertising", "unmarked": "Unmarked",
                 "suggested": "Suggested", "orphaned": "Lost their place"}
LABEL_ACTIONS = {"supported": "supported", "uncertain": "uncertain",
                 "advertising": "advertising", "clear": "none"}

class MainWindow(OpeningMixin, AnnotatingMixin, ExportingMixin, QMainWindow):
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
        self._scroll_article = True  # False while a row is selected from the article
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
        layout.addWidget(self.list, 1)
        self.editor = ClaimEditor(pane)
        layout.addWidget(self.editor, 0)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(pane)
        for widget, name in ((self.view, "Article"), (self.list, "Claims"),
                             (self.filter_box, "Show claims"), (self.search_box, "Search claims"),
                             (self.summary, "Summary of labels"),
                             (self.editor.note, "Note on the current claim"),
                             (self.editor.source_input, "Add a source")):
            widget.setAccessibleName(name)
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
        self._show_current(scroll=self._scroll_article)

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
        # A note on a selected span wins over the sentence around it (the
        # shortest one when several overlap), as in Hypothesis.
        spans = [a for a in self.session.annotations.values()
                 if a.start <= position < a.end and self.session.status.get(a.id) != "orphaned"]
        for annotation in sorted(spans, key=lambda a: a.end - a.start):
            row = self.model.row_for_annotation(annotation.id)
            if row is not None and self.model.rows[row].claim is None:
                self.select_row(row, scroll_article=False)
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

    # ---- actions ----------------------------------------------------------------------

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
