"""The window's actions and menus, declared in one table.

Claim keys (J, K, 1, 2, 3, 0, Enter, Esc, arrows) are bound to the article view
and the claim list only, so they never fire while typing a note or a search.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

WINDOW = Qt.ShortcutContext.WindowShortcut
LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str, ...] = ()
    context: Qt.ShortcutContext = WINDOW
    checkable: bool = False
    tip: str = ""


SPECS = [
    ActionSpec("open", "&Open Article…", ("Ctrl+O",)),
    ActionSpec("open_sample", "Open the Sa&mple Article"),
    ActionSpec("save", "&Save Notes Now", ("Ctrl+S",)),
    ActionSpec("export", "&Export Notes…", ("Ctrl+E",)),
    ActionSpec("import_notes", "&Import Notes…",
               tip="Merge W3C annotations or a Hypothesis export into this article's notes"),
    ActionSpec("start_fresh", "Start &Fresh Notes…"),
    ActionSpec("found_again", "Offer &Notes Found Elsewhere",
               tip="This article's notes left under another path, those you said Not now "
                   "to included"),
    ActionSpec("library", "&Library…", ("Ctrl+L",),
               tip="Every reviewed article, and a search over every note"),
    ActionSpec("author", "Set &Author Name…", tip="The reviewer named in ClaimReview exports"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",)),
    ActionSpec("find", "&Find Claims…", ("Ctrl+F",)),
    ActionSpec("next", "&Next Claim", ("J", "Down"), LOCAL),
    ActionSpec("previous", "&Previous Claim", ("K", "Up"), LOCAL),
    ActionSpec("supported", "Mark Supp&orted", ("1",), LOCAL),
    ActionSpec("uncertain", "Mark &Uncertain", ("2",), LOCAL),
    ActionSpec("advertising", "Mark &Advertising", ("3",), LOCAL),
    ActionSpec("clear", "Clea&r Label", ("0",), LOCAL),
    ActionSpec("enter", "Accept Suggestion or &Edit Note", ("Return", "Enter"), LOCAL),
    ActionSpec("back", "&Back to the Article", ("Esc",), WINDOW),
    ActionSpec("accept_all", "Accept All &Suggestions"),
    ActionSpec("reattach", "Re-a&ttach to Selection"),
    ActionSpec("delete", "&Delete Annotation", ("Del",), LOCAL),
    ActionSpec("zoom_in", "Zoom &In", ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", "Zoom &Out", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",)),
    ActionSpec("wider_notes", "&Wider Notes Pane", ("Ctrl+[",),
               tip="Move the divider between the article and the notes to the left"),
    ActionSpec("wider_article", "Wider A&rticle", ("Ctrl+]",),
               tip="Move the divider between the article and the notes to the right"),
    ActionSpec("show_suggestions", "Show &Suggestions", checkable=True),
    ActionSpec("original_page", "Original &Page", checkable=True,
               tip="The PDF page of the current claim, the claim highlighted"),
    ActionSpec("theme_system", "&System Colours", checkable=True),
    ActionSpec("theme_light", "&Light", checkable=True),
    ActionSpec("theme_dark", "&Dark", checkable=True),
    ActionSpec("shortcuts", "Keyboard &Shortcuts"),
    ActionSpec("messages", "Recent &Messages…",
               tip="What the status bar said, whole, newest first"),
    ActionSpec("about", "&About claimmark"),
]


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(spec.context)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setToolTip(spec.tip)
        actions[spec.name] = action
    return actions


def undo_actions(stack: QUndoStack, parent: QWidget) -> tuple[QAction, QAction]:
    """Edit ▸ Undo and Redo, named after their step. An "&" in a step's name (an
    imported file's name) is shown as one, not taken for a menu letter, which
    QUndoStack.createUndoAction does (tester T11)."""
    undo, redo = StepAction("&Undo", parent), StepAction("&Redo", parent)
    undo.setShortcut("Ctrl+Z")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.name_step)
    stack.redoTextChanged.connect(redo.name_step)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo


class StepAction(QAction):
    """Undo or Redo: its prefix, then the name of the step it would undo or redo."""

    def __init__(self, prefix: str, parent: QWidget) -> None:
        super().__init__(prefix, parent)
        self._prefix = prefix

    @Slot(str)
    def name_step(self, text: str) -> None:
        self.setText(f"{self._prefix} {text.replace('&', '&&')}" if text else self._prefix)


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(keys, what) for Help ▸ Keyboard Shortcuts and the README."""
    rows = []
    for spec in SPECS:
        if spec.keys:
            text = actions[spec.name].text().replace("&", "").rstrip("…")
            rows.append((" / ".join(spec.keys), text))
    return rows


# Keys that are no action of their own: the caret and selection (article_caret.py), …
OTHER_KEYS = [
    ("Left / Right, Ctrl+Left / Ctrl+Right", "In the article: move the caret (it starts at "
     "the current claim) by characters or words; the claim it moves into becomes current"),
    ("Shift+Left / Right / Up / Down / Home / End (Ctrl+Shift: words)",
     "Select from the caret; 1 / 2 / 3 / 0 then label the selection, Esc drops it"),
    ("Menu / Shift+F10", "The context menu of the selection or the current claim "
     "(Open Link on a link)"),
    ("Home / End, PageUp / PageDown", "The article's start or end, a screen up or down"),
    ("Enter / Down in the search box", "On to the matching claims"),
    ("Alt+N / Alt+S", "To the note / to the box for a new source"),
    ("Del in the list of sources", "Remove the source chosen there"),
]


def shortcuts_html(actions: dict[str, QAction]) -> str:
    """Help ▸ Keyboard Shortcuts: every key, undo and redo included."""
    rows = (shortcut_rows(actions) + [("Ctrl+Z", "Undo"), ("Ctrl+Shift+Z", "Redo")]
            + OTHER_KEYS)
    table = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>"
                    for k, t in rows)
    return (f"<table cellpadding='3'>{table}</table><p>Claim keys work when the "
            "article or the claim list has focus, never while typing.</p>")


FILE_MENU = ("open", "recent", "encoding", "open_sample", None, "library", None, "save", "export",
             "import_notes", "found_again", "author", "start_fresh", None, "quit")
EDIT_MENU = ("undo", "redo", None, "find")
CLAIMS_MENU = ("next", "previous", None, "supported", "uncertain", "advertising", "clear", None,
               "enter", "back", None, "accept_all", "reattach", "delete")
VIEW_MENU = ("zoom_in", "zoom_out", "zoom_reset", None, "wider_notes", "wider_article", None,
             "show_suggestions", "original_page", "theme")
THEME_MENU = ("theme_system", "theme_light", "theme_dark")
HELP_MENU = ("shortcuts", "messages", "about")
# Claim keys work where the reader is: in the article and in the list.
CLAIM_KEYS = ("next", "previous", "supported", "uncertain", "advertising", "clear", "enter",
              "delete")


# The context menu of the article and of the claim list (None: a separator).
CONTEXT_MENU = ("supported", "uncertain", "advertising", "clear", None, "enter", None,
                "reattach", "delete")


def context_actions(actions: dict[str, QAction]) -> list[QAction | None]:
    return [None if name is None else actions[name] for name in CONTEXT_MENU]


def insert_on_top(menu: QMenu, actions: list[QAction | None]) -> None:
    """Put ``actions`` (None: a separator) above what ``menu`` holds, a
    separator between them."""
    if not actions:
        return
    first = menu.actions()[0] if menu.actions() else QAction(menu)
    for action in actions:
        if action is None:
            menu.insertSeparator(first)
        else:
            menu.insertAction(first, action)
    menu.insertSeparator(first)


def build_menus(bar: QMenuBar, actions: dict[str, QAction]) -> QMenu:
    """The menu bar from the tables above; returns the (empty) Open Recent menu."""
    menus = {"recent": QMenu("Open &Recent", bar), "theme": QMenu("&Theme", bar),
             "encoding": QMenu("Reopen &with Encoding", bar)}  # filled by encoding_menu
    menus["encoding"].setObjectName("reopenEncodingMenu")
    for name in THEME_MENU:
        menus["theme"].addAction(actions[name])
    for title, names in (("&File", FILE_MENU), ("&Edit", EDIT_MENU), ("&Claims", CLAIMS_MENU),
                         ("&View", VIEW_MENU), ("&Help", HELP_MENU)):
        menu = bar.addMenu(title)
        for entry in names:
            if entry is None:
                menu.addSeparator()
            elif entry in menus:
                menu.addMenu(menus[entry])
            else:
                menu.addAction(actions[entry])
    return menus["recent"]
