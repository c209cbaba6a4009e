"""The editor of the current claim: label buttons, note, sources, why suggested.

Signals:
    labelChosen(str): a label button was pressed ("none" clears).
    noteCommitted(str): the note changed and the user paused or left the editor.
    noteTyped(str): the note's text at every change the reader makes (journaled
        until it is committed).
    sourceAdded(str): a valid source, normalised to its URL.
    sourceRemoved(str): a source URL to remove.
    acceptSuggestionRequested(): the "Accept" button under "Why suggested".
    keepNewWordingRequested(): the "Keep for the new wording" button of a note
        whose sentence changed since it was labelled.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.colour_vision import from_hex, readable_on, to_hex
from app.core.note_conflicts import merge_text
from app.core.sources import SourceError, describe_source, is_normalized, normalize_source
from app.ui.button_style import button_sheet, outline_buttons
from app.ui.flow_layout import FlowLayout
from app.ui.palette import LABEL_COLORS, LABEL_MARKS, LABEL_TITLES, ON_LABEL, label_border
from app.ui.typing_spot import TypingSpot

NOTE_IDLE_MS = 800
URL_ROLE = Qt.ItemDataRole.UserRole + 1


class ClaimEditor(QWidget):
    labelChosen = Signal(str)
    noteCommitted = Signal(str)
    noteTyped = Signal(str)
    sourceAdded = Signal(str)
    sourceRemoved = Signal(str)
    acceptSuggestionRequested = Signal()
    keepNewWordingRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.heading = QLabel("No claim selected", self)
        self.heading.setObjectName("editorHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.cited = QLabel(self)
        self.cited.setObjectName("citedReferences")
        self.cited.setWordWrap(True)
        self.cited.setTextFormat(Qt.TextFormat.PlainText)
        self.cited.hide()
        layout.addWidget(self.cited)
        # The claim's notes on part of it: the quote of the one edited here, and the others.
        self.also = QLabel(self)
        self.also.setObjectName("notesInClaim")
        self.also.setWordWrap(True)
        self.also.setTextFormat(Qt.TextFormat.PlainText)
        self.also.hide()
        layout.addWidget(self.also)

        self._build_changed_notice(layout)

        buttons = FlowLayout(spacing=4)  # wraps in a narrow pane instead of widening it
        # No QButtonGroup: Tab stopped only at a group's checked (or first) button.
        self.label_buttons: dict[str, QToolButton] = {}
        for key, label in (("1", "supported"), ("2", "uncertain"), ("3", "advertising"),
                           ("0", "none")):
            button = QToolButton(self)
            title = "Clear" if label == "none" else LABEL_TITLES[label]
            mark = "" if label == "none" else f"{LABEL_MARKS[label]} "
            button.setText(f"{mark}{title}")
            button.setToolTip(f"{title} ({key})")
            name = "Clear label" if label == "none" else f"Mark {title}"
            button.setAccessibleName(f"{name} ({key})")  # read without its mark (T13)
            button.setObjectName(f"labelButton_{label}")
            button.setCheckable(label != "none")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # Tab reaches them (tester T10: a keyboard-only reader could not);
            # a click leaves the keyboard where it was, for the claim keys.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, name=label: self.labelChosen.emit(name))
            self.label_buttons[label] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._style_label_buttons()

        self.why = QFrame(self)
        self.why.setObjectName("whySuggested")
        self.why.setFrameShape(QFrame.Shape.StyledPanel)
        why_layout = QVBoxLayout(self.why)
        why_layout.setContentsMargins(8, 6, 8, 6)
        self.why_label = QLabel(self.why)
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.RichText)
        why_layout.addWidget(self.why_label)
        self.accept_button = QPushButton("Accept suggestion (Enter)", self.why)
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.accept_button.clicked.connect(self.acceptSuggestionRequested)
        why_layout.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.why.hide()
        layout.addWidget(self.why)

        note_label = QLabel("&Note (Markdown allowed)", self)  # Alt+N, Alt+S: straight there
        layout.addWidget(note_label)
        self.note = NoteEdit(self)
        note_label.setBuddy(self.note)
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("Why this label? What would settle it?")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(56)  # three lines; more when the pane has room (NoteEdit)
        self.note.setMaximumHeight(110)
        self.note.installEventFilter(self)
        self.note.textChanged.connect(self._note_typed)
        layout.addWidget(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self._shown_note = ""
        self._loading = False
        self._held = False  # the article is being read again (see hold)
        self._item_key: object = None  # which row the editor shows (see show_item)

        sources_label = QLabel("&Sources", self)
        layout.addWidget(sources_label)
        self.sources = QListWidget(self)
        self.sources.setObjectName("sourceList")
        self.sources.setMaximumHeight(40)  # two rows, then it scrolls: the claim list gets the room
        remove = QAction(self.sources)  # Del there removes the source, as Remove does
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_source)
        self.sources.addAction(remove)
        self.sources.setMinimumHeight(40)  # two sources: a small window's wrapped rows need room
        layout.addWidget(self.sources)
        add_row = QHBoxLayout()
        self.source_input = QLineEdit(self)
        self.source_input.setObjectName("sourceInput")
        self.source_input.setPlaceholderText("DOI, PMID, PMCID, arXiv id or https:// link")
        self.source_input.returnPressed.connect(self._add_source)
        sources_label.setBuddy(self.source_input)
        add_row.addWidget(self.source_input, 1)
        self.add_button = QPushButton("Add", self)
        self.add_button.clicked.connect(self._add_source)
        add_row.addWidget(self.add_button)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self._remove_source)
        add_row.addWidget(self.remove_button)
        layout.addLayout(add_row)
        outline_buttons(self.accept_button, self.add_button, self.remove_button, self.keep_button)
        self.source_error = QLabel(self)
        self.source_error.setObjectName("sourceError")
        self.source_error.setWordWrap(True)
        self.source_error.hide()
        self._style_error()
        layout.addWidget(self.source_error)
        self.setEnabled(False)

    def _style_label_buttons(self) -> None:
        """Each label's button in its colour. A style sheet fixes the palette a
        widget had when it was set, so this runs again when the theme changes
        (else the buttons kept the old theme's text: black on the dark one)."""
        for label, button in self.label_buttons.items():
            if label in LABEL_COLORS:
                color = LABEL_COLORS[label].name()
                text = ON_LABEL[label].name()
                palette = self.palette()
                border = label_border(label, palette).name()
                # The page's own colours written out: the sheet then changes
                # with every theme, so Qt never keeps the last theme's fill.
                # The active colours: the editor is disabled until a claim is
                # shown, and a sheet written then kept the greyed text (dark theme).
                active = QPalette.ColorGroup.Active
                back = palette.color(active, QPalette.ColorRole.Button).name()
                ink = palette.color(active, QPalette.ColorRole.ButtonText).name()
                focus = palette.color(active, QPalette.ColorRole.Highlight).name()
                grey = palette.color(QPalette.ColorGroup.Disabled,
                                     QPalette.ColorRole.ButtonText).name()
                button.setStyleSheet(
                    f"QToolButton {{ padding: 3px 8px; border: 2px solid {border};"
                    f" border-radius: 4px; background: {back}; color: {ink}; }}"
                    f"QToolButton:checked {{ background: {color}; color: {text}; }}"
                    f"QToolButton:focus {{ border: 2px dashed {focus}; }}"
                    # No claim shown: greyed as Clear is, not inviting a click.
                    f"QToolButton:disabled {{ color: {grey}; border-style: dotted; }}")
            else:  # Clear: the same shape, with a neutral border at 3:1 (button_style.py)
                button.setStyleSheet(button_sheet(self.palette(), "QToolButton", "3px 8px",
                                                  "border-width: 2px;"))

    def _style_error(self) -> None:
        """The "Not added" message in vermillion made readable on the pane
        (4.7:1; #D55E00 itself was 3.4:1 on the light pane, 4.2:1 on the dark)."""
        pane = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        ink = readable_on(from_hex(LABEL_COLORS["advertising"].name()), from_hex(pane.name()),
                          minimum=4.7)
        self.source_error.setStyleSheet(f"color: {to_hex(ink)};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_label_buttons()
            self._style_error()

    def _build_changed_notice(self, layout: QVBoxLayout) -> None:
        """The sentence was edited after the reader judged it: show what they
        judged, and let them confirm the note for the new wording."""
        self.changed = QFrame(self)
        self.changed.setObjectName("changedNotice")
        self.changed.setFrameShape(QFrame.Shape.StyledPanel)
        changed_layout = QVBoxLayout(self.changed)
        changed_layout.setContentsMargins(8, 6, 8, 6)
        self.changed_label = QLabel(self.changed)
        self.changed_label.setWordWrap(True)
        self.changed_label.setTextFormat(Qt.TextFormat.RichText)
        changed_layout.addWidget(self.changed_label)
        self.keep_button = QPushButton("Keep for the new wording", self.changed)
        self.keep_button.setObjectName("keepNewWording")
        self.keep_button.setToolTip("The label and note now stand for the sentence as it "
                                    "reads now (a label key does the same)")
        self.keep_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.keep_button.clicked.connect(self.keepNewWordingRequested)
        changed_layout.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.changed.hide()
        layout.addWidget(self.changed)

    # ---- showing ------------------------------------------------------------
    def show_item(self, heading: str, label: str, note: str, sources: list[str],
                  suggestion_html: str | None, cited: Sequence[str] = (),
                  judged: str | None = None, also: Sequence[str] = (),
                  key: object = None) -> None:
        """Show one row; ``judged`` is the wording the reader labelled when the
        text there has changed since (None: unchanged); ``also``, lines on the
        claim's notes on part of it; ``key`` names the row, so that showing the
        same row again (after an edit) keeps a source being corrected, and
        another row starts with an empty source box (a rejected source left
        there was added to the next claim with Enter). After :meth:`hold`, what
        was typed meanwhile goes on in the box, to be committed to this row."""
        typed = self._release()
        if typed is None:
            self.commit_note()
        elif note != self._shown_note:  # another writer's words came in meanwhile
            typed = merge_text(self._shown_note, typed, note)[0]
        self._loading = True
        self.setEnabled(True)
        self.heading.setText(heading)
        # The article's own reference entries this claim's markers name.
        self.cited.setText("\n".join(f"cited: {reference}" for reference in cited))
        self.cited.setVisible(bool(cited))
        self.also.setText("\n".join(also))
        self.also.setVisible(bool(also))
        for name, button in self.label_buttons.items():
            button.setChecked(name == label)
        if self.note.toPlainText() != (note if typed is None else typed):
            # The caret: after the reader's own words while they type (another
            # window's words came in), else at the end, to go on writing (T11:
            # at the start, " second" was typed before "first").
            typing = TypingSpot.capture() if self.note.hasFocus() else None
            self.note.setPlainText(note if typed is None else typed)
            if typing is not None:
                typing.restore()
            else:
                self.note.moveCursor(QTextCursor.MoveOperation.End)
        self._shown_note = note
        self.sources.clear()
        for url in sources:
            mark = "" if is_normalized(url) else " (not a recognised source, kept as written)"
            item = QListWidgetItem(describe_source(url) + mark)
            item.setData(URL_ROLE, url)
            item.setToolTip(url)
            self.sources.addItem(item)
        if key is None or key != self._item_key:
            self._clear_source_input()
        self._item_key = key
        self.why.setVisible(bool(suggestion_html))
        self.why_label.setText(suggestion_html or "")
        self.changed.setVisible(judged is not None)
        self.changed_label.setText(
            "<b>Changed since you labelled it.</b> You labelled:"
            f"<blockquote style='margin:4px 12px'>{html.escape(judged)}</blockquote>"
            if judged is not None else "")
        self._loading = False
        if typed is not None and typed != note:
            self._note_typed()  # journaled for this row; committed after the pause

    def hold(self) -> None:
        """The article is being read again (it changed on disk) and no row is
        current until its claims are found again: the note box stays as it
        is, enabled, with the keyboard, and what is typed meanwhile is kept,
        uncommitted, for the row :meth:`show_item` shows next (tester T13:
        the box was emptied and disabled until then, and the 3-5 keys the
        reader pressed meanwhile went nowhere)."""
        self._note_timer.stop()
        self._held = True

    def _release(self) -> str | None:
        """End a hold: the note box's text when it differs from the note
        shown before (typed during the hold), else None."""
        held, self._held = self._held, False
        text = self.note.toPlainText()
        return text if held and text != self._shown_note else None

    def clear(self) -> None:
        self._release()  # a hold ends here too: committed as any note is
        self.commit_note()
        self._loading = True
        self.heading.setText("No claim selected")
        self.cited.hide()
        self.also.hide()
        self.note.clear()
        self._shown_note = ""
        self.sources.clear()
        self._clear_source_input()
        self._item_key = None
        self.why.hide()
        self.changed.hide()
        for button in self.label_buttons.values():
            button.setChecked(False)
        self.setEnabled(False)
        self._loading = False

    # ---- note -----------------------------------------------------------------
    def _note_typed(self) -> None:
        if not self._loading:
            self._note_timer.start()
            self.noteTyped.emit(self.note.toPlainText())

    def commit_note(self) -> None:
        self._note_timer.stop()
        if self._held:  # no row is current: the words wait for the next (hold)
            return
        text = self.note.toPlainText()
        if text != self._shown_note and not self._loading:
            self._shown_note = text
            self.noteCommitted.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return super().eventFilter(watched, event)

    # ---- sources ----------------------------------------------------------------
    def _add_source(self) -> None:
        raw = self.source_input.text()
        if not raw.strip():
            return
        try:
            url = normalize_source(raw)
        except SourceError as error:
            # Kept in the box, selected, for correcting or typing over (as
            # Zotero's Add Item by Identifier keeps an identifier it cannot use).
            self.source_error.setText(f"Not added: {html.escape(str(error))}")
            self.source_error.show()
            self.source_input.selectAll()
            return
        self.source_error.hide()
        self.source_input.clear()
        existing = {self.sources.item(i).data(URL_ROLE) for i in range(self.sources.count())}
        if url not in existing:
            self.sourceAdded.emit(url)

    def _clear_source_input(self) -> None:
        self.source_input.clear()
        self.source_error.clear()
        self.source_error.hide()

    def _remove_source(self) -> None:
        item = self.sources.currentItem()
        if item is not None:
            self.sourceRemoved.emit(item.data(URL_ROLE))


class NoteEdit(QPlainTextEdit):
    """The note box asks for its least height (three lines), so the claim
    list gets the room first: on a 700-pixel screen the list showed under two
    rows while this box kept 110 pixels. A longer note scrolls in it."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().sizeHint().width(), self.minimumHeight())

