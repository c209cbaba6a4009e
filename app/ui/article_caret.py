"""The article by keyboard: a caret at the current claim, a selection grown
from it with Shift and the arrows, and the context menu on the Menu key or
Shift+F10 (the claim list's too).

A keyboard-only reader annotates part of a sentence as a mouse user does
(tester T10 could only label whole claims): J/K put the caret at the claim's
start; Left/Right and Ctrl+Left/Right move it; Shift+Right, Ctrl+Shift+Right
(words), Shift+Down (lines) and Shift+End select from there, as in a
browser's caret browsing and Calibre's viewer; 1/2/3/0 and the context menu
then act on the selection; Esc drops it. Up/Down stay the claim keys. Also
here: the search box's Enter and Down go on to the matching claims.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import QAbstractSlider, QApplication, QListView, QMenu, QWidget

from app.ui.article_view import ArticleView
from app.ui.claim_navigator import ClaimNavigator
from app.ui.dialogs import give_keyboard
from app.ui.window_actions import context_actions, insert_on_top

SHIFT = Qt.KeyboardModifier.ShiftModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def asks_for_menu(event: QKeyEvent) -> bool:
    """The Menu key, or Shift+F10 (Windows' and GTK's key for it, which Qt leaves unbound)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() == Qt.Key.Key_Menu and modifiers == NO_MODIFIER) or (
        event.key() == Qt.Key.Key_F10 and modifiers == SHIFT)


class ArticleCaret(QObject):
    """Made after the window's actions are connected: J/K move the current
    claim first, then the caret follows."""

    def __init__(self, view: ArticleView, claims: QListView, navigator: ClaimNavigator,
                 actions: dict[str, QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view, self._claims = view, claims
        self._span: tuple[int, int] | None = None
        self._menu_actions = context_actions(actions)
        view.set_context_actions(self._menu_actions)
        view.setTextInteractionFlags(view.textInteractionFlags()
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)  # where right-clicks arrive
        claims.installEventFilter(self)
        claims.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        claims.customContextMenuRequested.connect(self._list_menu)
        navigator.currentSpanChanged.connect(self.follow)
        # The search box's Enter or Down: on to the matches, as in the library's search.
        search = navigator.w.search_box
        search.returnPressed.connect(self._to_matches)
        down = QAction(search)
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._to_matches)
        search.addAction(down)
        actions["next"].triggered.connect(self.to_current)
        actions["previous"].triggered.connect(self.to_current)
        # Shift+F10 everywhere in the window (the note, the search box…), as the Menu key.
        QShortcut(QKeySequence("Shift+F10"), view.window()).activated.connect(self._menu_here)

    # ---- the caret follows the current claim ------------------------------------
    def follow(self, start: int, end: int) -> None:
        """A slot for currentSpanChanged: the caret goes to the claim's start,
        unless it is in the claim already or text is selected (a selection made
        with the mouse stays, for Re-attach to Selection)."""
        self._span = (start, end) if start >= 0 else None
        cursor = self._view.textCursor()
        if self._span is None or cursor.hasSelection():
            return
        here = self._view.positions.to_code_point(cursor.position())
        if not start <= here <= end:
            self._put_caret(start)

    def to_current(self) -> None:
        """J/K: the caret at the new current claim's start, a selection dropped."""
        if self._span is not None:
            self._put_caret(self._span[0])

    def _to_matches(self) -> None:
        if self._claims.model().rowCount():
            self._claims.setFocus(Qt.FocusReason.OtherFocusReason)

    def _put_caret(self, position: int) -> None:
        view = self._view
        cursor = QTextCursor(view.document())
        # A book is still being filled in: no position past what is there yet.
        cursor.setPosition(min(view.positions.to_utf16(position),
                               view.document().characterCount() - 1))
        bar = view.verticalScrollBar()
        scroll = bar.value()  # the claim was scrolled to (or not) on purpose
        view.setTextCursor(cursor)
        bar.setValue(scroll)

    # ---- keys -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent) and (
                watched is self._view.viewport() or watched is self._view):
            self._article_menu(event.reason(), event.pos())
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if asks_for_menu(event):
                self._open_menu(watched)
                return True
            if watched is self._view:
                return self._article_key(event)
        elif (kind == QEvent.Type.ShortcutOverride and watched is self._view
              and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
              and self._view.textCursor().hasSelection()):
            event.accept()  # Esc drops the selection first, then goes back to the article
            return True
        return super().eventFilter(watched, event)

    def _article_key(self, event: QKeyEvent) -> bool:
        view, key = self._view, event.key()
        if key == Qt.Key.Key_Escape:
            cursor = view.textCursor()
            cursor.clearSelection()
            view.setTextCursor(cursor)
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and event.modifiers() == NO_MODIFIER:
            # As before the caret: Home and End go to the article's start and end.
            QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, key,
                                                   Qt.KeyboardModifier.ControlModifier))
            view.verticalScrollBar().triggerAction(  # the page's margins too
                QAbstractSlider.SliderAction.SliderToMinimum if key == Qt.Key.Key_Home
                else QAbstractSlider.SliderAction.SliderToMaximum)
            return True
        return False

    # ---- context menus --------------------------------------------------------
    def _open_menu(self, widget: QObject) -> None:
        """The context menu by keyboard, at the current row in the list; in the
        article, at the caret (the selection's end or the current claim's start)."""
        if widget is self._view:
            self._article_menu(QContextMenuEvent.Reason.Keyboard, QPoint())
        elif widget is self._claims:
            index = self._claims.currentIndex()
            self._list_menu(self._claims.visualRect(index).center() if index.isValid()
                            else QPoint(8, 8))

    def _menu_here(self) -> None:
        widget = QApplication.focusWidget()
        if widget is self._view or widget is self._claims:
            self._open_menu(widget)
        elif widget is not None:  # at its text cursor, if it has one
            rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
            point = (rect.toRect().center() if isinstance(rect, QRectF) and not rect.isEmpty()
                     else widget.rect().center())
            QApplication.sendEvent(widget, QContextMenuEvent(
                QContextMenuEvent.Reason.Keyboard, point, widget.mapToGlobal(point)))

    def _article_menu(self, reason: QContextMenuEvent.Reason, point: QPoint) -> None:
        """``point`` in the viewport: where the right-click was."""
        view = self._view
        if reason == QContextMenuEvent.Reason.Mouse:
            self._make_current_at(point)
        else:
            point = view.cursorRect().center()
        menu = view.createStandardContextMenu(point)
        actions = list(self._menu_actions)
        href = view.anchorAt(point)
        if href:  # the only way to a link from the keyboard, and handy with the mouse
            follow = QAction("O&pen Link…", menu)
            follow.triggered.connect(lambda: view.linkActivated.emit(QUrl(href)))
            actions = [follow, None, *actions]
        insert_on_top(menu, actions)
        self._show(menu, view.viewport().mapToGlobal(point), view)

    def _make_current_at(self, point: QPoint) -> None:
        """A right-click acts on what it was made on, as in any reader: the
        claim under the pointer becomes current, or the one where the
        selection begins when the click is inside the selection."""
        view = self._view
        clicked = view.cursorForPosition(point).position()
        cursor = view.textCursor()
        inside = cursor.hasSelection() and (
            cursor.selectionStart() <= clicked <= cursor.selectionEnd())
        position = cursor.selectionStart() if inside else clicked
        view.clickedAt.emit(view.positions.to_code_point(position))

    def _list_menu(self, point: QPoint) -> None:
        """The claim list's context menu: the row under the pointer becomes current first."""
        claims = self._claims
        index = claims.indexAt(point)
        if index.isValid() and index != claims.currentIndex():
            claims.setCurrentIndex(index)
        menu = QMenu(claims)
        insert_on_top(menu, self._menu_actions)
        self._show(menu, claims.viewport().mapToGlobal(point), claims)

    @staticmethod
    def _show(menu: QMenu, where: QPoint, owner: QWidget) -> None:
        menu.exec(where)
        menu.deleteLater()
        # The menu had the keyboard; offscreen and with no window manager it stayed there.
        give_keyboard(owner.window())
