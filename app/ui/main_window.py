"""The main window: the article on the left, the notes pane on the right.

The window only lays out widgets and wires actions and signals to the parts
that do the work, each a QObject with one job:

- :class:`DocumentController`: opening, reloading, notes file status, saving, importing;
- :class:`ClaimNavigator`: the current claim, shown in list, article and editor;
- :class:`AnnotationEditor`: the undo stack and every edit command;
- :class:`ExportService` (File ▸ Export…), :class:`ViewOptions`, :class:`RecentFiles`, …

Signals:
    articleReady(): an article, its claims and its notes are shown.
    loadFailed(str): opening failed; the previous article stays open.
    exported(str): notes were exported to this path.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.resources import sample_article_path
from app.ui import found_notes, pane_shares, settings
from app.ui.annotation_editor import AnnotationEditor
from app.ui.article_caret import ArticleCaret
from app.ui.article_view import ArticleView
from app.ui.claim_delegate import ClaimDelegate
from app.ui.claim_editor import ClaimEditor
from app.ui.claim_filter import FILTER_TITLES, FILTERS, ClaimFilterProxy
from app.ui.claim_list import ClaimList
from app.ui.claim_model import ClaimListModel
from app.ui.claim_navigator import ClaimNavigator, NavigatorWidgets
from app.ui.dialog_focus import DIALOG_ACTIONS, ClaimFocus
from app.ui.dialogs import DialogService
from app.ui.document_controller import DocumentController
from app.ui.encoding_menu import EncodingMenu
from app.ui.export_service import ExportService
from app.ui.library_link import LibraryLink
from app.ui.links import LinkHandler
from app.ui.loader import Suggester
from app.ui.notes_pane import ListAndEditor
from app.ui.page_view import PageView
from app.ui.palette import LABEL_TITLES
from app.ui.pane_shares import NUDGE
from app.ui.recent_files import RecentFiles, distinguishing_labels
from app.ui.screen_room import first_size
from app.ui.session import ArticleSession
from app.ui.start_page import StartPage
from app.ui.status_widgets import ExportStatus, MessageBar, build_status_widgets
from app.ui.summary_bar import SummaryWidget
from app.ui.unsaved_notes import may_close
from app.ui.view_options import ViewOptions
from app.ui.window_actions import (
    CLAIM_KEYS,
    build_menus,
    create_actions,
    shortcuts_html,
    undo_actions,
)

LABEL_ACTIONS = {"supported": "supported", "uncertain": "uncertain",
                 "advertising": "advertising", "clear": "none"}
THEMES = ("system", "light", "dark")


class MainWindow(QMainWindow):
    articleReady = Signal()
    loadFailed = Signal(str)
    exported = Signal(str)
    # Every action by name (``window_actions.py``). It hides QWidget.actions(),
    # which nothing here calls; tests and scripts reach actions by this name.
    actions: dict[str, QAction]  # type: ignore[assignment]
    _start_page: StartPage | None

    def __init__(self, dialogs: DialogService | None = None,
                 suggester: Suggester | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("claimmark")
        self.setAcceptDrops(True)
        self.dialogs = dialogs or DialogService(self)
        self._build_widgets()
        self.status_widgets = status = build_status_widgets(self)
        self.notes_location, self.progress_bar = status.notes_location, status.progress_bar
        self.export_progress, self.cancel_export = status.export_progress, status.cancel_export
        self.recent = RecentFiles(self)
        self.view_options = ViewOptions(self.view, self)
        self.links = LinkHandler(self.view, self.dialogs, self)
        self.navigator = ClaimNavigator(NavigatorWidgets(
            self.view, self.list, self.model, self.proxy, self.editor, self.summary,
            self.filter_box, self.search_box), self)
        self.annotator = AnnotationEditor(self.navigator, self.view, self.editor, self)
        self.documents = DocumentController(self.view, self.navigator, self.editor, self.annotator,
                                            self.recent, self.dialogs, suggester, self)
        self.exports = ExportService(self.dialogs, self)
        self.found_notes = found_notes.FoundNotesOffer(self)  # moved articles' notes
        self.library = LibraryLink(self, self.documents, self.navigator, self)
        self.claim_focus = ClaimFocus(self.stack, self.splitter, self.view, self.list, self.editor)
        self.actions = create_actions(self)
        self._build_menus()
        self._connect()
        self.encodings = EncodingMenu(self, self.actions, self.documents)  # File ▸ Reopen with…
        self.caret = ArticleCaret(self.view, self.list, self.navigator, self.actions, self)
        self._restore_settings()

    @property
    def session(self) -> ArticleSession | None:
        """The open article's session (read-only; None before one is open)."""
        return self.documents.session

    def open_path(self, path: str) -> None:
        self.documents.open_path(path)

    def show_start_page(self) -> None:
        self.stack.setCurrentWidget(self.start_page)

    @property
    def start_page(self) -> StartPage:
        """Built the first time it is shown: a window opening a file skips it (~10 ms)."""
        if self._start_page is None:
            self._start_page = StartPage(self)
            self._start_page.openRequested.connect(self.documents.choose_and_open)
            self._start_page.pathChosen.connect(self.open_path)
            self._start_page.set_recent(self.recent.paths())
            self.stack.addWidget(self._start_page)
        return self._start_page

    # ---- construction ----------------------------------------------------------
    def _build_widgets(self) -> None:
        self.stack = QStackedWidget(self)
        self._start_page = None
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
        self.list = ClaimList(pane)  # laid out in batches, still scrolled to the current row
        self.list.setObjectName("claimList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ClaimDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.editor = ClaimEditor(pane)
        self.list_and_editor = ListAndEditor(self.list, self.editor, pane)  # the editor scrolls
        layout.addWidget(self.list_and_editor, 1)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(pane)
        self.page_view = PageView(self.splitter)  # View ▸ Original Page (PDFs)
        self.page_view.hide()
        for widget, name in ((self.view, "Article"), (self.list, "Claims"),
                             (self.filter_box, "Show claims"), (self.search_box, "Search claims"),
                             (self.summary, "Summary of labels"),
                             (self.editor.note, "Note on the current claim"),
                             (self.editor.source_input, "Add a source"),
                             (self.editor.sources, "Sources of the current claim")):
            widget.setAccessibleName(name)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

    def _build_menus(self) -> None:
        a = self.actions
        a["undo"], a["redo"] = undo_actions(self.annotator.undo_stack, self)
        self.recent_menu = build_menus(self.menuBar(), a)
        for name in ("export", "start_fresh", "import_notes"):
            a[name].setEnabled(False)
        for name in CLAIM_KEYS:
            self.view.addAction(a[name])
            self.list.addAction(a[name])
        self.addAction(a["back"])

    def _connect(self) -> None:
        a = self.actions
        documents, navigator, annotator = self.documents, self.navigator, self.annotator
        a["open"].triggered.connect(documents.choose_and_open)
        a["open_sample"].triggered.connect(lambda: self.open_path(str(sample_article_path())))
        a["save"].triggered.connect(documents.save_now)
        a["start_fresh"].triggered.connect(documents.start_fresh)
        a["import_notes"].triggered.connect(documents.import_notes)
        a["found_again"].triggered.connect(self.found_notes.offer_again)
        a["export"].triggered.connect(self._export)
        a["author"].triggered.connect(self.exports.set_author)
        a["library"].triggered.connect(self.library.show)
        self.library.closed.connect(self.claim_focus.restore)
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self._focus_search)
        a["next"].triggered.connect(lambda: navigator.move_current(+1))
        a["previous"].triggered.connect(lambda: navigator.move_current(-1))
        for name, label in LABEL_ACTIONS.items():
            a[name].triggered.connect(lambda _=False, value=label: self._label(value))
        a["enter"].triggered.connect(annotator.enter_pressed)
        a["back"].triggered.connect(self._back_to_article)
        a["accept_all"].triggered.connect(annotator.accept_all_suggestions)
        a["reattach"].triggered.connect(annotator.reattach_current)
        a["delete"].triggered.connect(annotator.delete_current)
        a["zoom_in"].triggered.connect(lambda: self.view_options.zoom(+1))
        a["zoom_out"].triggered.connect(lambda: self.view_options.zoom(-1))
        a["zoom_reset"].triggered.connect(self.view_options.reset_zoom)
        a["wider_notes"].triggered.connect(lambda: pane_shares.nudge(self.splitter, -NUDGE))
        a["wider_article"].triggered.connect(lambda: pane_shares.nudge(self.splitter, NUDGE))
        a["show_suggestions"].toggled.connect(self.view_options.set_show_suggestions)
        a["original_page"].toggled.connect(self.page_view.setVisible)
        a["original_page"].toggled.connect(self.view_options.set_original_page)
        navigator.currentSpanChanged.connect(self.page_view.show_span)
        for theme in THEMES:
            a[f"theme_{theme}"].triggered.connect(
                lambda _=False, t=theme: self.view_options.set_theme(t))
        a["shortcuts"].triggered.connect(self._show_shortcuts)
        a["about"].triggered.connect(self._show_about)
        a["messages"].triggered.connect(self._show_messages)
        for name in DIALOG_ACTIONS:  # after the dialog (connected first) has closed
            a[name].triggered.connect(self.claim_focus.restore)
        annotator.undo_stack.indexChanged.connect(navigator.edited)
        annotator.statusMessage.connect(self.statusBar().showMessage)
        navigator.statusMessage.connect(self.statusBar().showMessage)
        navigator.suggestedCountChanged.connect(self._update_accept_all)
        self.view_options.showSuggestionsChanged.connect(navigator.set_show_suggestions)
        self.view_options.themeChanged.connect(self._theme_changed)
        self.recent.changed.connect(self._update_recent)
        documents.articleReady.connect(self.articleReady)
        documents.loadFailed.connect(self.loadFailed)
        documents.statusMessage.connect(self.statusBar().showMessage)
        documents.progressChanged.connect(self._loading_progress)
        documents.titleChanged.connect(self.setWindowTitle)
        documents.pageRequested.connect(self._show_page)
        documents.notesStatusChanged.connect(self._show_notes_status)
        documents.sessionChanged.connect(self._session_changed)
        self.export_status = ExportStatus(
            self.exports, a["export"], self.status_widgets, self.dialogs,
            lambda: self.session is not None, self.claim_focus.restore, self)
        self.export_status.exported.connect(self.exported)

    def _restore_settings(self) -> None:
        geometry = settings.get(settings.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # 1280×820, or nine tenths of a smaller screen (never past its edge)
            self.resize(first_size(self, 1280, 820))
        article, self.page_view.share = pane_shares.decode(settings.get(settings.PANES))
        pane_shares.apply(self.splitter, article, None, self.width())
        self.view_options.restore()
        show = self.view_options.show_suggestions()
        self.actions["show_suggestions"].setChecked(show)
        self.model.show_suggestions = show
        self._check_theme(self.view_options.theme())
        with QSignalBlocker(self.actions["original_page"]):  # shown with a PDF (T11)
            self.actions["original_page"].setChecked(self.view_options.original_page())
        self._update_recent(self.recent.paths())

    # ---- reactions ------------------------------------------------------------------
    def _show_page(self, page: str) -> None:
        self.stack.setCurrentWidget(self.splitter if page == "reader" else self.start_page)

    def _loading_progress(self, per_mille: int) -> None:
        self.progress_bar.setVisible(per_mille >= 0)
        self.progress_bar.setValue(max(0, per_mille))

    def _show_notes_status(self, text: str, tooltip: str) -> None:
        self.notes_location.setText(text)
        self.notes_location.setToolTip(tooltip)
        session = self.session  # a notes file another writer damaged can be set aside
        self.actions["start_fresh"].setEnabled(session is not None
                                               and session.notes_problem is not None)

    def _session_changed(self, session: ArticleSession) -> None:
        self.actions["export"].setEnabled(not self.exports.busy)
        self.actions["start_fresh"].setEnabled(session.notes_problem is not None)
        self.actions["import_notes"].setEnabled(True)
        self.page_view.set_article(session.article)
        self.page_view.setVisible(self.actions["original_page"].isChecked()  # T10: a third of
                                  and session.article.format == "pdf")  # the window for nothing

    def _update_accept_all(self, count: int) -> None:
        self.actions["accept_all"].setText(f"Accept All &Suggestions ({count})")
        self.actions["accept_all"].setEnabled(count > 0)

    def _update_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path, label in zip(paths, distinguishing_labels(paths), strict=True):
            action = self.recent_menu.addAction(label.replace("&", "&&"))
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(paths))
        if self._start_page is not None:
            self._start_page.set_recent(paths)

    def _theme_changed(self, theme: str) -> None:
        self._check_theme(theme)
        self.navigator.refresh()

    def _check_theme(self, theme: str) -> None:
        for name in THEMES:
            self.actions[f"theme_{name}"].setChecked(name == theme)

    # ---- small actions --------------------------------------------------------------
    def _back_to_article(self) -> None:
        self.editor.commit_note()
        self.view.setFocus()

    def _export(self) -> None:
        self.editor.commit_note()
        self.exports.export_notes(self.session)

    def _label(self, label: str) -> None:
        """A label key or menu entry; on a lost note it says so (T11: a lost note
        was relabelled where the reader could not see it)."""
        lost = self.navigator.current_is_lost() and not (self.view.hasFocus()
                                                         and self.view.selected_span())
        target = self.navigator.current_target() if lost else None
        self.annotator.apply_label(label)
        if target is not None and target.annotation is not None:
            page = target.annotation.marks_no_text  # no quote: its words (I15)
            quote = " ".join((target.annotation.note if page else target.annotation.exact).split())
            quote = quote if len(quote) <= 60 else quote[:59] + "…"
            said = LABEL_TITLES[label].lower() if label != "none" else "unlabelled"
            self.statusBar().showMessage(f"The {'page' if page else 'lost'} note “{quote}” is "
                                         f"now {said}", 15000)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _show_shortcuts(self) -> None:
        self.dialogs.info("Keyboard shortcuts", shortcuts_html(self.actions))

    def _show_messages(self) -> None:
        bar = self.statusBar()
        assert isinstance(bar, MessageBar)
        self.dialogs.info("Recent messages", bar.history_html())

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # its ~100 enum values: only when asked

        QMessageBox.about(self, "About claimmark",
                          f"<b>claimmark {__version__}</b><p>A reader for critical reading.</p>")

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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self.documents.loader.generation == 0:  # nothing opened yet
            self.show_start_page()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.documents.close()
        if not may_close(self.documents.session, self.dialogs):  # notes not written
            event.ignore()
            return
        self.exports.cancel()
        self.library.wait(2.0)
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settings.put(settings.PANES, pane_shares.encode(pane_shares.article_share(self.splitter),
                                                        self.page_view.current_share()))
        super().closeEvent(event)
